"""Hang and blow-up guards: run a parser on hostile input in a child with a timeout and a memory cap.

The limits are at least ten times what the work needs (about a second and under 100 MB of
address space), so a slow machine never fails them; a quadratic loop or a file read whole does.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
#: Address space for the child: ten times a parser's ~50 MB peak (Python, relj and its libraries).
MEMORY = 512 << 20
TIMEOUT = 60.0


def run_guarded(code: str, *, timeout: float = TIMEOUT, memory: int = MEMORY) -> Any:
    """Run ``code`` in a fresh Python with RLIMIT_AS = ``memory``; return the JSON it prints last.

    The code prints its result with ``print(json.dumps(...))``. A hang fails the test on
    ``timeout``; a MemoryError or a crash fails it with the child's stderr.
    """

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=REPO,
        env=env,
        preexec_fn=limit,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
