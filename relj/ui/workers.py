"""Long work (imports, backups, restores) on a worker thread with its own journal connection.

The GUI thread never holds a write transaction while it draws: the worker opens its own Store,
runs the work there, and reports progress by signals. The caller waits in a local event loop, so
the window keeps painting and Cancel works, and gets the result (or the worker's error) back as if
the call had been made directly. While a worker writes, ``Journal.run`` refuses other writes with
a clear message instead of freezing on the lock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEventLoop, QThread, Signal

from relj.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")

#: fn(store, progress) -> result; progress(count) returns False when the user cancelled.
Work = Callable[[Store, Callable[[int], bool]], T]


class JournalTask(QThread, Generic[T]):
    """Runs ``work`` once on its own thread and its own connection to the journal at ``path``.

    ``path=None`` runs the work without a connection (a restore replaces the file itself).
    """

    progressed = Signal(int)

    def __init__(self, path: Path | None, work: Callable[..., T], parent: Any = None) -> None:
        super().__init__(parent)
        self.path = path
        self.work = work
        self.result: T | None = None
        self.error: BaseException | None = None
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def _progress(self, count: int) -> bool:
        self.progressed.emit(count)
        return not self._cancelled.is_set()

    def run(self) -> None:  # the worker thread
        store: Store | None = None
        try:
            if self.path is None:
                self.result = self.work(None, self._progress)
            else:
                store = Store.open(self.path, create=False)
                self.result = self.work(store, self._progress)
        except BaseException as exc:  # noqa: BLE001 - handed back to the GUI thread by wait_for()
            self.error = exc
        finally:
            if store is not None:
                store.close()

    def wait_for(self) -> T:
        """Start the work and wait for it in a local event loop; return its result or raise its error."""
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        self.start()
        if not self.isFinished():
            loop.exec()
        self.wait()
        if self.error is not None:
            error, self.error = self.error, None
            raise error
        return self.result  # type: ignore[return-value]


def run_off_thread(fn: Callable[[], T]) -> T:
    """Run ``fn()`` (which opens its own files and connections) on a worker; wait in a local event
    loop so that the window keeps painting; return its result or raise its error."""
    task: JournalTask[T] = JournalTask(None, lambda _store, _progress: fn())
    try:
        return task.wait_for()
    finally:
        task.deleteLater()
