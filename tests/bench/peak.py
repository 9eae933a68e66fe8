"""Run a command and write its peak RSS (kB) to a file: ``python peak.py OUT CMD...``.

A child's ``ru_maxrss`` counts the memory of the process it was forked from (Linux keeps the
larger of the old and the new image's high-water mark across ``exec``), so a child of the
benchmark process, which holds whole journals, would report the benchmark's size, not its own.
This small process forks the command instead, and exits with its exit code.
"""

import os
import sys


def main() -> int:
    out, cmd = sys.argv[1], sys.argv[2:]
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    with open(out, "w") as f:
        f.write(str(usage.ru_maxrss))
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
