"""The person page's "Before you meet": the rest of their brief (relj.store.brief), computed after the page is shown.

The page already shows why they need attention, the talking points and their preferences; this
compact section adds the last rich contact, the last three notes, shared interests, the people
around them, what is coming up (birthday, plans, rhythms, anniversaries) and their recent moments.
It is read on the next turn of the event loop after the page is shown or changed, so that opening
a person never waits for it (and the app's first paint, the home view, never reads it at all).
"""

from __future__ import annotations

import datetime as dt
import html
import logging

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from relj.clock import today
from relj.plans import Brief, felt_mark
from relj.ui.i18n import channel_label
from relj.ui.journal import Journal
from relj.ui.person_moments import kind_label

log = logging.getLogger(__name__)

__all__ = ["BriefSection"]

#: Moments this recent are named in the brief ("Lately: ...").
LATELY_DAYS = 90


def _short(day: dt.date, this_year: int) -> str:
    fmt = "d MMM" if day.year == this_year else "d MMM yyyy"
    return QLocale().toString(QDate(day.year, day.month, day.day), fmt)


class BriefSection(QWidget):
    """A compact brief; ``show_person(id)`` asks for it, and it is read once the page is on screen."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setObjectName("person_brief")
        self.label = QLabel(self)
        self.label.setObjectName("brief_text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(self.tr("Before you meet"))
        self.label.setText(self.tr("…"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.label)
        self._person_id: int | None = None
        self._stale = False
        self.brief: Brief | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)

    def show_person(self, person_id: int | None) -> None:
        """Read the brief of ``person_id`` soon (after this event), once the section is visible."""
        if person_id != self._person_id:
            self.brief = None
            self.label.setText(self.tr("…"))
        self._person_id = person_id
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    def refresh(self) -> None:
        """Read the brief now (the timer calls this; tests may too)."""
        self._stale = False
        pid = self._person_id
        if pid is None or not self.journal.store.person_exists(pid):
            return
        from relj.store.brief import brief

        self.brief = brief(self.journal.store, pid, today())
        self.label.setText(self.brief_html(self.brief, today()))
        log.debug("brief read: person=%d", pid)

    def brief_html(self, b: Brief, day: dt.date) -> str:
        """The brief as compact rich text (escaped), one line per part that has something."""
        e = html.escape
        rows = []
        if b.last_rich_contact is not None:
            from relj.ui.models import relative_day

            rows.append(e(self.tr("Last met or spoke: %1 (%2)").replace("%1", _short(b.last_rich_contact, day.year))
                          .replace("%2", relative_day(b.last_rich_contact, day))))
        else:
            rows.append(self.tr("No meeting or call yet"))
        if b.reciprocity.one_sided:
            rows.append(e(self.tr("You started %1 of the last %Ln contacts", "", b.reciprocity.known)
                          .replace("%1", str(b.reciprocity.started_by_me))))
        if b.recent:
            notes = []
            for i in b.recent:
                note = i.note.strip().splitlines()[0] if i.note.strip() else ""
                mark = f" {felt_mark(i.felt)}" if i.felt else ""
                notes.append("• " + e(f"{_short(i.occurred_on, day.year)} · {channel_label(i.channel)}"
                                      + (f" · {note[:90]}" if note else "") + mark))
            rows.append("<i>" + e(self.tr("Last notes")) + "</i><br>" + "<br>".join(notes))
        if b.shared_interests:
            rows.append(e(self.tr("You both like: %1").replace("%1", ", ".join(b.shared_interests))))
        if b.relationships:
            rows.append(e(self.tr("People: %1").replace("%1", ", ".join(f"{n} ({k})" for n, k in b.relationships))))
        lately = [m for m in b.moments if 0 <= (day - m[0]).days <= LATELY_DAYS]
        if lately:
            rows.append(e(self.tr("Lately: %1").replace("%1", "; ".join(
                f"{text} ({kind_label(kind).lower()}, {_short(when, day.year)})" for when, kind, text, _ in lately))))
        if b.upcoming:
            coming = ["• " + e(f"{_short(u.day, day.year)} · {u.what}") for u in b.upcoming]
            rows.append("<i>" + e(self.tr("Coming up")) + "</i><br>" + "<br>".join(coming))
        else:
            rows.append(e(self.tr("Nothing coming up in the next weeks")))
        return "<br>".join(rows)
