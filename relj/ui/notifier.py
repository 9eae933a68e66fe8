"""Tray notifications: announce when someone new becomes one of the most urgent on Reconnect."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from relj.ui import journal as jn

log = logging.getLogger(__name__)

# How many of the most urgent entries are watched. Watching the top of the list (not all
# ~2,000 people a 10,000-person journal flags) keeps each check cheap and the news relevant.
WATCHED = 20
SETTING_ENABLED = "notify/due"
SETTING_SEEN = "notify/seen"
CHECK_EVERY_MS = 60 * 60 * 1000  # people become due as days pass, with no write at all


class DueNotifier(QObject):
    """Compares the top of the Reconnect ranking with what was seen before and announces newcomers.

    The first check on a journal only records what is there: a first start never floods the tray.
    The user turns it off with File ▸ Notify when someone becomes due (QSettings ``notify/due``).
    """

    def __init__(self, journal: jn.Journal, parent: QWidget | None = None,
                 show: Callable[[str, str], None] | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._tray: QSystemTrayIcon | None = None
        self._show = show or self._show_in_tray
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        # Single-shot timers owned by this object: they die with it, never firing on a closed window.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.check)
        journal.changed.connect(self._on_changed)

    @staticmethod
    def enabled() -> bool:
        return bool(QSettings().value(SETTING_ENABLED, True, type=bool))

    @staticmethod
    def set_enabled(on: bool) -> None:
        QSettings().setValue(SETTING_ENABLED, on)

    def start(self) -> None:
        self._timer.start()
        self._soon.start(3000)

    def _on_changed(self, kinds: frozenset[str]) -> None:
        # A write can take people off the list or reorder it; re-read the top a moment later.
        if jn.RECONNECT in kinds and self._timer.isActive():
            self._soon.start(1000)

    def _seen_key(self) -> str:
        import hashlib

        path = self.journal.store.path
        digest = hashlib.sha1(str(path.resolve() if path else "").encode()).hexdigest()[:12]
        return f"{SETTING_SEEN}/{digest}"  # one record per journal; the path itself stays out of settings

    def check(self) -> list[tuple[int, str, str]]:
        """Announce people newly among the most urgent; returns (id, name, reason) of those announced."""
        from relj import reconnect

        top = reconnect.compute(self.journal.store, limit=WATCHED)
        settings = QSettings()
        key = self._seen_key()
        first_time = settings.value(key) is None
        seen = {int(x) for x in str(settings.value(key, "") or "").split(",") if x.strip().isdigit()}
        # Remember exactly the current top: someone who leaves it and comes back is news again.
        settings.setValue(key, ",".join(str(e.person_id) for e in top))
        new = [(e.person_id, e.name, e.reason) for e in top if e.person_id not in seen]
        if first_time or not new or not self.enabled():
            return []
        log.info("reconnect notification: %d new", len(new))
        if len(new) == 1:
            title = self.tr("%1 needs your attention").replace("%1", new[0][1])
            body = new[0][2]
        else:
            names = ", ".join(name for _, name, _ in new[:3])
            more = len(new) - 3
            title = self.tr("%n people need your attention", "", len(new))
            body = names + (self.tr(" and %n more", "", more) if more > 0 else "")
        self._show(title, body)
        return new

    def _show_in_tray(self, title: str, body: str) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            from relj.ui.icons import app_icon

            self._tray = QSystemTrayIcon(app_icon(), self)
            self._tray.setToolTip("relj")
            self._tray.show()
        self._tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 10_000)
