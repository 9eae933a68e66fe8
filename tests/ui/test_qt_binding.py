"""Guards against a broken Qt binding: PySide6 6.12.0 frees None on Python 3.11 after many calls."""

from __future__ import annotations

import subprocess
import sys


def test_many_calls_returning_none_do_not_crash_the_interpreter() -> None:
    code = (
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        "for _ in range(50000):\n"
        "    o.setObjectName('x')\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-500:]
