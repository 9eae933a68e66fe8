"""Runs commands on a private session bus, with or without the fake notification service.

    dbus-run-session -- python tests/notify_driver.py PLAN.json

PLAN: {"record": PATH or null (no service), "runs": [[arg, ...], ...]}. Each run is a command line
run in turn (with a time limit); the results are printed as one JSON list of {"rc", "out", "err"}.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FAKE = Path(__file__).resolve().parent / "ui" / "fake_notifications.py"
LIMIT = 60  # seconds: a hang guard, far above the second or so a run takes


def main() -> int:
    plan = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    fake = None
    if plan.get("record"):
        fake = subprocess.Popen([sys.executable, str(FAKE), plan["record"]], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True)
        assert fake.stdout is not None
        if fake.stdout.readline().strip() != "ready":
            print("the fake notification service did not start", file=sys.stderr)
            fake.kill()
            return 1
    results = []
    try:
        for args in plan["runs"]:
            done = subprocess.run(args, capture_output=True, text=True, timeout=LIMIT, check=False)
            results.append({"rc": done.returncode, "out": done.stdout, "err": done.stderr})
    finally:
        if fake is not None:
            assert fake.stdin is not None
            fake.stdin.close()
            try:
                fake.wait(LIMIT)
            except subprocess.TimeoutExpired:
                fake.kill()
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
