"""Baseline for start-up: a bare PySide6 window with an empty table, shown and painted like relj's.

Prints the milliseconds from process start to the first paint, measured the same way as
`relj gui --exit-after-load` (process start time from /proc/self/stat).
"""

from __future__ import annotations

import os
import sys
import time


def since_process_start_ms() -> int:
    with open("/proc/self/stat") as fh:
        start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as fh:
        uptime = float(fh.read().split()[0])
    return int((uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000)


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv)
    window = QMainWindow()
    table = QTableView()
    window.setCentralWidget(table)
    window.resize(1200, 760)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, lambda: (print(since_process_start_ms(), flush=True), app.quit()))
                obj.removeEventFilter(self)
            return False

    f = FirstPaint()
    window.installEventFilter(f)
    window.show()
    t = time.perf_counter()
    app.exec()
    del t
    return 0


if __name__ == "__main__":
    sys.exit(main())
