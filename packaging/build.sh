#!/usr/bin/env bash
# Build relj as a one-folder desktop app: dist/relj/relj (PyInstaller, packaging/relj.spec).
#
#   packaging/build.sh            build (installs what the build needs, then freezes the app)
#   packaging/build.sh --onefile  also build the one-file variant: dist/relj-onefile
#
# Run it from anywhere; it works in the project root. On a fresh Debian 12 as root it installs
# the system packages itself (binutils for PyInstaller, Qt's runtime libraries); without root
# it names the missing ones. The build has its own venv (build/venv, or $RELJ_BUILD_VENV) so
# the bundle holds exactly relj's runtime dependencies, never the test tools of .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=${RELJ_BUILD_VENV:-build/venv}
# PyInstaller 6 knows Qt 6.x's plugin layout; 7 may change the spec format.
PYINSTALLER="pyinstaller>=6.10,<7"
onefile=0
for arg in "$@"; do
  case $arg in
    --onefile) onefile=1 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

start=$(date +%s)

# binutils: PyInstaller reads shared-library dependencies with objdump.
# The Qt libraries: PyInstaller bundles the libraries Qt links against from this machine,
# and the smoke test needs them to start Qt.
apt_packages="binutils python3-venv libglib2.0-0 libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
  libfreetype6 libdbus-1-3 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
  libwayland-client0 libwayland-cursor0"
if command -v dpkg >/dev/null; then
  missing=()
  for p in $apt_packages; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "build.sh: apt-get install ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "build.sh: please install (as root): apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "build.sh: creating the build venv $VENV"
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
# relj itself (non-editable: the bundle freezes the package as installed) and PyInstaller.
"$VENV/bin/python" -m pip install -q --upgrade "$PYINSTALLER" pyinstaller-hooks-contrib
"$VENV/bin/python" -m pip install -q --upgrade --force-reinstall --no-deps .
"$VENV/bin/python" -m pip install -q .

"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/relj.spec
if [ $onefile = 1 ]; then
  "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath dist --workpath build/pyinstaller-onefile packaging/relj-onefile.spec
fi

end=$(date +%s)
echo "build.sh: built dist/relj/relj ($(du -sh dist/relj | cut -f1)) in $((end - start)) s"
"dist/relj/relj" --version
