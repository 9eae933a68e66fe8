#!/usr/bin/env bash
# Regenerates the README screenshots from the demo journal, on a virtual X screen.
# Usage: docs/screenshots/make.sh   (from the project root; needs xvfb, xdotool, imagemagick)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/screenshots
relj=${RELJ:-.venv/bin/relj}
need=()
for c in xvfb-run xdotool import; do command -v $c >/dev/null || need+=($c); done
if [ ${#need[@]} -gt 0 ]; then
  apt-get install -y -qq --no-install-recommends xvfb xauth xdotool imagemagick libxcb-cursor0 \
    libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export RELJ_TODAY=2026-11-24 XDG_CONFIG_HOME=$tmp/config XDG_STATE_HOME=$tmp/state
"$relj" --db "$tmp/demo.db" demo >/dev/null
cat >"$tmp/inner.sh" <<'INNER'
#!/usr/bin/env bash
set -u
relj=$1 db=$2 out=$3
unset QT_QPA_PLATFORM
"$relj" --db "$db" &
pid=$!
sleep 4
wid=$(xdotool search --onlyvisible --pid "$pid" | tail -1)
xdotool windowsize "$wid" 1280 800; xdotool windowfocus "$wid"; sleep 1
shot() { sleep 1.2; import -window "$(xdotool search --onlyvisible --pid "$pid" | tail -1)" "$out/$1.png"; }
key() { xdotool windowfocus "$wid" 2>/dev/null; xdotool key "$@"; }
shot reconnect
key ctrl+2; shot people
key ctrl+f; sleep 0.3; xdotool type --delay 60 "Ana Garc"; sleep 0.8; xdotool key Return; shot person
key ctrl+3; shot interests
key ctrl+4; shot timeline
key ctrl+4; sleep 0.5; key ctrl+l; sleep 0.8; xdotool type --delay 60 "chl"; sleep 1.2; xdotool key Return; sleep 0.5
xdotool key i; sleep 0.3; shot quick-log
xdotool key Escape Escape
key ctrl+1; sleep 0.5; key p; sleep 1; shot plan
xdotool key Escape; sleep 0.3
kill "$pid"; wait "$pid" 2>/dev/null || true
# The same home view in the dark palette (View ▸ Appearance ▸ Dark).
mkdir -p "$XDG_CONFIG_HOME/relj"; printf '[view]\nappearance=dark\n' >> "$XDG_CONFIG_HOME/relj/relj.conf"
"$relj" --db "$db" &
pid=$!
sleep 4
wid=$(xdotool search --onlyvisible --pid "$pid" | tail -1)
xdotool windowsize "$wid" 1280 800; xdotool windowfocus "$wid"; sleep 1
shot reconnect-dark
kill "$pid"; wait "$pid" 2>/dev/null || true
INNER
chmod +x "$tmp/inner.sh"
xvfb-run -a -s "-screen 0 1280x800x24" "$tmp/inner.sh" "$relj" "$tmp/demo.db" "$out"
# Pages reached through menus (Sources, with a made-up Thunderbird profile to find; Rhythms), drawn by Qt.
QT_QPA_PLATFORM=offscreen "$(dirname "$relj")/python" docs/screenshots/pages.py "$tmp/demo.db" "$out"
ls -1 "$out"/*.png
