"""The GUI's bug barrier: log a traceback, then show a dialog that names the log file."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from relj.errors import UserError
from relj.ui.i18n import tr

log = logging.getLogger(__name__)


class ExceptHook:
    """Installed as ``sys.excepthook`` while the app runs.

    A UserError that escapes a slot is shown as a message box; anything else is a bug: its
    traceback goes to the private log, and the user sees where it went. With ``quiet`` (the
    ``--exit-after-load`` smoke test) nothing modal opens: the bug goes to stderr and the app exits 70.
    """

    def __init__(self, parent: Callable[[], QWidget | None] = lambda: None, *, quiet: bool = False) -> None:
        self._parent = parent
        self._quiet = quiet
        self._showing = False
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.exit(130)
            return
        if isinstance(exc, UserError):
            if self._quiet:
                print(f"relj: error: {exc}", file=sys.stderr)
                QApplication.exit(1)
                return
            self._show(QMessageBox.Icon.Warning, tr("relj"), str(exc), "")
            return
        from relj.logs import log_bug

        where = log_bug(exc.with_traceback(tb))
        if self._quiet:
            traceback.print_exception(kind, exc, tb, file=sys.stderr)
            print(f"relj: internal error ({kind.__name__}); details are in {where}", file=sys.stderr)
            QApplication.exit(70)
            return
        text = tr("relj hit a bug and could not finish what you asked.")
        info = (tr("The details are in the log file:\n%1\n\nYour journal is safe: every change is saved as it "
                   "is made. Please report the bug with that file (it holds no names or notes, only the "
                   "program's state).").replace("%1", str(where) if where else tr("(the log could not be written)")))
        self._show(QMessageBox.Icon.Critical, tr("relj: internal error"), text, info)

    def _show(self, icon: QMessageBox.Icon, title: str, text: str, info: str) -> None:
        if self._showing:  # a bug while the dialog is up: logged, not stacked
            return
        self._showing = True
        try:
            box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._parent())
            box.setObjectName("crash_dialog" if icon == QMessageBox.Icon.Critical else "user_error_dialog")
            if info:
                box.setInformativeText(info)
                box.setTextInteractionFlags(box.textInteractionFlags())
            box.exec()
        finally:
            self._showing = False
