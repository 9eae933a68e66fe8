#!/usr/bin/env bash
# Install the relj bundle (dist/relj, made by packaging/build.sh) for the current user, in ~/.local:
#
#   packaging/install-linux.sh               install or update
#   packaging/install-linux.sh --uninstall   remove exactly what the install added
#   options: --bundle DIR (default dist/relj)
#            --autostart     also run `relj notify` at login (today's agenda, once a day);
#                            kept by later updates until --no-autostart or --uninstall
#            --no-autostart  install or update without it (removes an installed one)
#
# What goes where (XDG_DATA_HOME defaults to ~/.local/share, XDG_CONFIG_HOME to ~/.config):
#   ~/.local/lib/relj/                    the app (one folder)
#   ~/.local/bin/relj                     a symlink to it, for the command line
#   $XDG_DATA_HOME/applications/org.relj.Relj.desktop
#   $XDG_DATA_HOME/icons/hicolor/*/apps/org.relj.Relj.{png,svg}
#   $XDG_DATA_HOME/metainfo/org.relj.Relj.metainfo.xml
#   $XDG_CONFIG_HOME/autostart/relj-notify.desktop   with --autostart
# The journal itself lives in ~/.local/share/relj and is never touched by this script.
# Every file and new folder is listed in ~/.local/lib/relj-install.txt; --uninstall removes those.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
APP_ID=org.relj.Relj
LIB=$HOME/.local/lib/relj
BIN=$HOME/.local/bin
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
CONFIG=${XDG_CONFIG_HOME:-$HOME/.config}
AUTOSTART=$CONFIG/autostart/relj-notify.desktop
MANIFEST=$HOME/.local/lib/relj-install.txt
bundle=$here/dist/relj
action=install
autostart=keep  # keep: as the previous install had it; yes; no

while [ $# -gt 0 ]; do
  case $1 in
    --uninstall) action=uninstall ;;
    --bundle) bundle=${2:?--bundle needs a folder}; shift ;;
    --autostart) autostart=yes ;;
    --no-autostart) autostart=no ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-linux.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

refresh_caches() {
  # Only where the tools exist; a desktop without them rescans on its own.
  if command -v update-desktop-database >/dev/null && [ -d "$DATA/applications" ]; then
    update-desktop-database -q "$DATA/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -d "$DATA/icons/hicolor" ]; then
    gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" || true
  fi
}

uninstall() {
  if [ ! -f "$MANIFEST" ]; then
    echo "install-linux.sh: relj is not installed here (no $MANIFEST)" >&2
    return 1
  fi
  # Files first, then the folders the install created, deepest first, only if now empty.
  local kind path
  while IFS=$'\t' read -r kind path; do
    case $kind in
      file|link) rm -f -- "$path" ;;
      tree) rm -rf -- "$path" ;;
    esac
  done < "$MANIFEST"
  local dirs
  dirs=$(grep $'^dir\t' "$MANIFEST" | cut -f2 | sort -r || true)
  rm -f -- "$MANIFEST"
  while read -r path; do
    [ -n "$path" ] && [ -d "$path" ] || continue
    # A folder this install created may now hold only the caches refreshed for our files.
    if [ -z "$(find "$path" -mindepth 1 -maxdepth 1 ! -name icon-theme.cache ! -name mimeinfo.cache)" ]; then
      rm -f -- "$path/icon-theme.cache" "$path/mimeinfo.cache"
    fi
    rmdir -- "$path" 2>/dev/null || true
  done <<< "$dirs"
  refresh_caches
  echo "install-linux.sh: relj removed (your journal in ${XDG_DATA_HOME:-~/.local/share}/relj is kept)"
}

# mkdir -p that records each folder it creates, so that --uninstall can remove them again.
created=()
make_dir() {
  local d=$1 missing=()
  while [ ! -d "$d" ]; do missing+=("$d"); d=$(dirname "$d"); done
  mkdir -p -- "$1"
  created+=("${missing[@]}")
}

install() {
  if [ ! -x "$bundle/relj" ] || [ ! -d "$bundle/_internal" ]; then
    echo "install-linux.sh: no bundle in $bundle; build it first with packaging/build.sh" >&2
    return 1
  fi
  if [ -e "$BIN/relj" ] || [ -L "$BIN/relj" ]; then
    if [ "$(readlink "$BIN/relj" || true)" != "$LIB/relj" ]; then
      echo "install-linux.sh: $BIN/relj exists and is not this install's (pip install --user?);" \
        "remove it first" >&2
      return 1
    fi
  fi
  # An update keeps the login notification if the previous install had it (and --no-autostart was not given).
  if [ "$autostart" = keep ]; then
    autostart=no
    if [ -f "$MANIFEST" ] && grep -qxF "$(printf 'file\t%s' "$AUTOSTART")" "$MANIFEST"; then autostart=yes; fi
  fi
  # An update: remove the previous install's files (not its folders) before adding the new ones.
  if [ -f "$MANIFEST" ]; then
    local old
    old=$(grep $'^dir\t' "$MANIFEST" || true)
    grep -v $'^dir\t' "$MANIFEST" | while IFS=$'\t' read -r kind path; do
      case $kind in file|link) rm -f -- "$path" ;; tree) rm -rf -- "$path" ;; esac
    done
  fi

  make_dir "$(dirname "$LIB")"
  make_dir "$BIN"
  # Copy beside the target, then swap: a failed copy leaves no half-installed app.
  rm -rf -- "$LIB.new"
  cp -a -- "$bundle" "$LIB.new"
  rm -rf -- "$LIB"
  mv -- "$LIB.new" "$LIB"
  ln -sfn -- "$LIB/relj" "$BIN/relj"

  local files=()
  make_dir "$DATA/applications"
  local desktop=$DATA/applications/$APP_ID.desktop
  # The session's PATH may lack ~/.local/bin: start the app by its full path.
  local exec=$BIN/relj
  case $exec in
    *[!A-Za-z0-9_./+@:,\ -]*) exec=relj ;;  # characters the Exec key would need escaped: use PATH
    *" "*) exec="\"$exec\"" ;;
  esac
  awk -v exec="$exec" '/^Exec=relj/ { sub(/^Exec=relj/, "Exec=" exec) } { print }' \
    "$here/resources/$APP_ID.desktop" > "$desktop"
  files+=("$desktop")

  local png size
  for png in "$here"/resources/icons/hicolor/*/apps/$APP_ID.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    make_dir "$DATA/icons/hicolor/$size/apps"
    cp -- "$png" "$DATA/icons/hicolor/$size/apps/$APP_ID.png"
    files+=("$DATA/icons/hicolor/$size/apps/$APP_ID.png")
  done
  make_dir "$DATA/icons/hicolor/scalable/apps"
  cp -- "$here/resources/icons/$APP_ID.svg" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
  files+=("$DATA/icons/hicolor/scalable/apps/$APP_ID.svg")

  make_dir "$DATA/metainfo"
  cp -- "$here/resources/$APP_ID.metainfo.xml" "$DATA/metainfo/$APP_ID.metainfo.xml"
  files+=("$DATA/metainfo/$APP_ID.metainfo.xml")

  if [ "$autostart" = yes ]; then
    # XDG autostart: the session runs `relj notify` at login (one notification of today's agenda).
    make_dir "$(dirname "$AUTOSTART")"
    awk -v exec="$exec" '/^Exec=relj/ { sub(/^Exec=relj/, "Exec=" exec) } { print }' \
      "$here/resources/relj-notify.desktop" > "$AUTOSTART"
    files+=("$AUTOSTART")
  fi

  {
    printf 'tree\t%s\n' "$LIB"
    printf 'link\t%s\n' "$BIN/relj"
    local f d
    for f in "${files[@]}"; do printf 'file\t%s\n' "$f"; done
    [ -n "${old:-}" ] && printf '%s\n' "$old"
    for d in "${created[@]}"; do printf 'dir\t%s\n' "$d"; done
  } | awk '!seen[$0]++' > "$MANIFEST"

  refresh_caches
  echo "install-linux.sh: relj $("$LIB/relj" --version | cut -d' ' -f2) installed in $LIB"
  if [ "$autostart" = yes ]; then
    echo "install-linux.sh: today's agenda will be shown at login ($AUTOSTART)"
  fi
  case ":$PATH:" in
    *":$BIN:"*) ;;
    *) echo "install-linux.sh: note: $BIN is not on your PATH; the desktop entry works regardless" ;;
  esac
}

$action
