#!/usr/bin/env bash
# Smoke test of the frozen app: it must work like the installed package.
#
#   packaging/smoke-test.sh [dist/relj/relj]
#
# Checks --version against relj/__init__.py, the demo, the window (offscreen, --exit-after-load),
# the importers with their data files (vCard, iCalendar with Windows time zones and the bundled
# tzdata only, phone numbers), that the bundle's libraries all resolve, and the keyring: a clear
# message with no backend, and a real Secret Service round trip when gnome-keyring is installed.
# Where build/venv (made by build.sh) has relj installed, the frozen app's imports must give the
# same journal as the package's.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
app=$(realpath "${1:-dist/relj/relj}")
internal=$(dirname "$app")/_internal
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"  # the app must not depend on the working directory
quiet() {  # run a command; show its stderr only if it fails
  "$@" >/dev/null 2>quiet.err || { cat quiet.err >&2; fail "$*"; }
}
fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }
step() { echo "smoke-test: $*"; }

want=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/relj/__init__.py")
got=$("$app" --version)
[ "$got" = "relj $want" ] || fail "--version says '$got', relj/__init__.py says $want"
step "--version: $got"

if [ -d "$internal" ]; then  # the one-folder app (a one-file app unpacks itself at run time)
missing=$(find "$internal" -name '*.so*' -type f -print0 \
  | LD_LIBRARY_PATH=$internal:$internal/PySide6/Qt/lib xargs -0 -n1 ldd 2>/dev/null | grep 'not found' | sort -u || true)
[ -z "$missing" ] || fail "libraries of the bundle that do not resolve:"$'\n'"$missing"
step "every bundled library resolves"
fi

"$app" --db demo.db demo >/dev/null
[ "$("$app" --db demo.db person list | wc -l)" -gt 50 ] || fail "the demo journal has too few people"
"$app" --db demo.db reconnect >/dev/null
step "demo: $("$app" --db demo.db person list | wc -l) people; reconnect runs"

# relj notify loads QtDBus (relj.ui.desktop_notify): with no session bus, or no notification service
# on one, it says so in one line and exits 0.
"$app" --db notify.db person add Ana --birthday "--$(date +%m-%d)" >/dev/null
out=$(env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$work" "$app" --db notify.db notify 2>&1) \
  || fail "notify with no session bus: $out"
case $out in *"no desktop session bus"*) ;; *) fail "notify with no session bus said: $out" ;; esac
if command -v dbus-run-session >/dev/null; then
  out=$(dbus-run-session -- "$app" --db notify.db notify 2>&1) || fail "notify on a bus: $out"
  case $out in *"no notification service"*) ;; *) fail "notify with no notification service said: $out" ;; esac
fi
step "notify: no session bus, or no notification service, is said clearly"

ms=$(QT_QPA_PLATFORM=offscreen "$app" --db demo.db gui --exit-after-load 2>gui.err) \
  || { cat gui.err >&2; fail "gui --exit-after-load"; }
[[ $ms =~ ^[0-9]+$ ]] || fail "gui --exit-after-load printed '$ms', not milliseconds"
step "gui --exit-after-load: window painted after $ms ms (offscreen)"

imports() {  # $1: relj command, $2: journal. PYTHONTZPATH= hides /usr/share/zoneinfo: bundled tzdata only.
  quiet "$1" --db "$2" import vcard "$root/tests/fixtures/engine/contacts.vcf"
  PYTHONTZPATH= quiet "$1" --db "$2" import ics --create-people "$root/tests/fixtures/ics/timezones.ics"
  quiet "$1" --db "$2" import calls "$root/tests/fixtures/engine/calls.xml"
  quiet "$1" --db "$2" export json "$2.json"
}
imports "$app" frozen.db
grep -q '"occurred_on": "2024-01-15"' frozen.db.json || fail "the Windows-zone event was not imported"
step "imports: vcard, ics (Windows TZIDs, bundled tzdata), calls (phone numbers)"
if [ -x "$root/build/venv/bin/relj" ]; then
  imports "$root/build/venv/bin/relj" package.db
  "$root/build/venv/bin/python" - frozen.db.json package.db.json <<'PY' || fail "frozen and package imports differ"
import json, sys
VOLATILE = {"created_at", "updated_at", "exported_at", "source"}
def clean(x):
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items() if k not in VOLATILE}
    if isinstance(x, list):
        return [clean(v) for v in x]
    return x
a, b = (clean(json.load(open(p, encoding="utf-8"))) for p in sys.argv[1:])
sys.exit(0 if a == b else 1)
PY
  step "imports: the frozen app's journal equals the package's"
fi

# No keyring backend (no D-Bus session): a clear message and exit 1, never a traceback.
set +e
out=$(env -u DBUS_SESSION_BUS_ADDRESS -u RELJ_BACKUP_PASSPHRASE "$app" --db demo.db backup create --encrypt </dev/null 2>&1)
rc=$?
set -e
[ $rc = 1 ] && [[ $out == *"keyring"* ]] && [[ $out != *Traceback* ]] \
  || fail "backup without a keyring: exit $rc, '$out'"
RELJ_BACKUP_PASSPHRASE=smoke "$app" --db demo.db backup create --encrypt >/dev/null
step "keyring: none on a headless machine is said clearly; the passphrase variable works"

if command -v gnome-keyring-daemon >/dev/null && command -v dbus-run-session >/dev/null \
  && [ -x "$root/build/venv/bin/python" ]; then
  # A Secret Service on a private session bus: keyring must find it through its entry points.
  cat > keyring.sh <<'SH'
set -e
export XDG_DATA_HOME=$PWD/xdg && mkdir -p "$XDG_DATA_HOME"
eval "$(printf smoke | gnome-keyring-daemon --unlock --components=secrets)"
"$VENV_PY" -c "import keyring; keyring.set_password('relj', 'backup-passphrase', 'from-the-keyring')"
env -u RELJ_BACKUP_PASSPHRASE "$APP" --db demo.db backup create --encrypt </dev/null
SH
  VENV_PY=$root/build/venv/bin/python APP=$app timeout 120 dbus-run-session -- bash keyring.sh >keyring.out 2>&1 \
    || { cat keyring.out >&2; fail "backup with the passphrase in the Secret Service"; }
  step "keyring: the Secret Service backend is found and read (gnome-keyring)"
else
  step "keyring: skipped the Secret Service round trip (no gnome-keyring-daemon or dbus-run-session)"
fi
if [ -d "$internal" ]; then size=$(du -sh "$(dirname "$app")" | cut -f1); else size=$(du -sh "$app" | cut -f1); fi
echo "smoke-test: OK ($size)"
