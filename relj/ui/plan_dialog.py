"""Plan a meeting: who (named), a day (presets or typed, spelled back), a time, a channel, a note, and the brief beside it.

``ask_plan(parent, journal, person_ids)`` shows the dialog and plans through the Journal (one
undoable operation, relj.ops.plans.plan_meeting); "Add to calendar…" also writes the plan as an
.ics file (relj.interop.plan_ics) and offers to open it.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from relj import clock
from relj.domain import Channel, Interaction, Person
from relj.errors import UserError
from relj.ops import plans as plan_ops
from relj.plans import Brief, check_time, felt_mark
from relj.store import plans as plan_store
from relj.store.brief import brief as brief_of
from relj.ui.i18n import channel_label
from relj.ui.journal import Journal
from relj.ui.palettes import error_style
from relj.ui.widgets import buddy_label, day_and_month_names

log = logging.getLogger(__name__)

__all__ = ["DayField", "PlanDialog", "ask_plan", "names_text", "parse_plan_day", "presets"]

RICH_CHANNELS = (Channel.IN_PERSON, Channel.VIDEO, Channel.PHONE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")


def presets(today: dt.date) -> dict[str, dt.date]:
    """The preset days: this weekend (the coming Saturday; today on a weekend), next week, in two weeks."""
    if today.weekday() >= 5:
        weekend = today
    else:
        weekend = today + dt.timedelta(days=5 - today.weekday())
    return {"weekend": weekend, "next_week": today + dt.timedelta(days=7),
            "two_weeks": today + dt.timedelta(days=14)}


def parse_plan_day(text: str, today: dt.date, weekday_names: Mapping[str, int] | None = None,
                   month_names: Mapping[str, int] | None = None) -> dt.date | None:
    """A day to come, as typed; None when it makes no sense.

    Accepts "today", "tomorrow", "+3"/"3d"/"2w" (from today), a weekday ("sat": the next one after
    today), "12 dec", "dec 12" and "12/12" (the next such day), and an ISO date (2026-12-12).
    """
    t = " ".join(text.split()).lower().rstrip(".")
    if t in ("", "today", "tod"):
        return today if t else None
    if len(t) >= 3 and "tomorrow".startswith(t):
        return today + dt.timedelta(days=1)
    m = re.fullmatch(r"\+?\s*(\d{1,4})\s*([dw]?)", t)
    if m and (t.startswith("+") or m[2]):
        return today + dt.timedelta(days=int(m[1]) * (7 if m[2] == "w" else 1))
    days = {name: i for i, name in enumerate(_WEEKDAYS)}
    days.update(weekday_names or {})
    if len(t) >= 2 and t.isalpha():
        for name, weekday in days.items():
            if name.startswith(t):
                return today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)
    try:
        return dt.date.fromisoformat(t)
    except ValueError:
        pass
    months = {name: i + 1 for i, name in enumerate(_MONTHS)}
    months.update(month_names or {})
    m = re.fullmatch(r"(\d{1,2})\s*([^\W\d_]{3,})", t) or re.fullmatch(r"([^\W\d_]{3,})\s*(\d{1,2})", t)
    day = month = None
    if m:
        num, word = (m[1], m[2]) if m[1].isdigit() else (m[2], m[1])
        found = [v for k, v in months.items() if k.startswith(word)]
        if found:
            day, month = int(num), found[0]
    else:
        m = re.fullmatch(r"(\d{1,2})\s*[/.]\s*(\d{1,2})", t)
        if m:
            day, month = int(m[1]), int(m[2])
    if day is None or month is None:
        return None
    for year in (today.year, today.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        if candidate >= today:
            return candidate
    return None


def names_text(names: Sequence[str]) -> str:
    """'Ana', 'Ana and Bruno', 'Ana, Bruno and Carla' (translated joiners)."""
    from relj.ui.i18n import tr

    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return tr("%1 and %2").replace("%1", ", ".join(names[:-1])).replace("%2", names[-1])


def long_day(day: dt.date) -> str:
    """'Saturday, 12 December 2026' in the user's locale."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


class DayField(QLineEdit):
    """A typed day to come: one field (Tab never stops inside its parts); Up/Down move by a day."""

    day_changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self._days, self._months = day_and_month_names()
        self.setAccessibleName(self.tr("Day"))
        self.setPlaceholderText(self.tr("sat, 12 dec, +10, 2w or 2026-12-12"))
        self.setToolTip(self.tr("Type a weekday, a date, +10 (days) or 2w (weeks); Up and Down move by a day"))
        self.textChanged.connect(lambda _t: self.day_changed.emit())

    def day(self) -> dt.date | None:
        return parse_plan_day(self.text(), self.today, self._days, self._months)

    def set_day(self, day: dt.date) -> None:
        self.setText(day.isoformat())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            step = 1 if event.key() == Qt.Key.Key_Up else -1
            self.set_day(max(self.today, (self.day() or self.today) + dt.timedelta(days=step)))
            return
        super().keyPressEvent(event)


class PlanDialog(QDialog):
    """Plan a meeting with one or more people; Enter plans it. Everything by the keyboard.

    The tab order is day, time, channel, note, then the buttons; the presets have Alt keys
    (Alt+W this weekend, Alt+N next week, Alt+K in two weeks). The brief of each person is beside
    the form. ``planned`` is the plan made (through the Journal), or None.
    """

    def __init__(self, journal: Journal, person_ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.store = journal.store
        self.today = clock.today()
        ids = list(dict.fromkeys(person_ids))
        found = {p.id: p for p in self.store.people_by_ids(ids)}
        self.people: list[Person] = [found[i] for i in ids if i in found]
        self.planned: Interaction | None = None
        who = names_text([p.display_name for p in self.people])
        self.setWindowTitle(self.tr("Plan a meeting with %1").replace("%1", who))
        self.setAccessibleName(self.tr("Plan a meeting"))
        self.briefs = self._briefs()

        self.heading = QLabel(self.tr("When will you see %1?").replace("%1", html.escape(who)))
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Who"))

        self.date = DayField(self.today, self)
        self.date.setObjectName("plan_day")
        self.date.day_changed.connect(self._update)
        self.date_words = QLabel(self)
        self.date_words.setAccessibleName(self.tr("Day chosen"))
        self.preset_buttons: dict[str, QPushButton] = {}
        days = presets(self.today)
        for key, text in (("weekend", self.tr("This &weekend")), ("next_week", self.tr("&Next week")),
                          ("two_weeks", self.tr("In two wee&ks"))):
            button = QPushButton(text, self)
            button.setAccessibleName(text.replace("&", ""))
            button.setToolTip(long_day(days[key]))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+letter; Tab goes field to field
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, d=days[key]: self._preset(d))
            self.preset_buttons[key] = button

        self.time = QLineEdit(self)
        self.time.setObjectName("plan_time")
        self.time.setAccessibleName(self.tr("Time"))
        self.time.setPlaceholderText(self.tr("optional, e.g. 19:30"))
        self.time.textChanged.connect(lambda _t: self._update())

        self.channel = QComboBox(self)
        self.channel.setObjectName("plan_channel")
        self.channel.setAccessibleName(self.tr("Channel"))
        first = self._first_channel()
        order = [first, *(c for c in RICH_CHANNELS if c is not first),
                 *(c for c in Channel if c is not first and c not in RICH_CHANNELS)]
        for c in order:
            self.channel.addItem(channel_label(c), c.value)
        self.channel.setCurrentIndex(0)

        self.note = QLineEdit(self)
        self.note.setObjectName("plan_note")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Coffee, a walk, a call…"))

        self.error = QLabel(self)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style(self.palette()))
        self.error.hide()

        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("&Plan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setAccessibleName(self.tr("Plan"))
        self.ok.setDefault(True)
        self.calendar_button = self.buttons.addButton(self.tr("&Add to calendar…"),
                                                      QDialogButtonBox.ButtonRole.ActionRole)
        self.calendar_button.setAccessibleName(self.tr("Plan and add to calendar"))
        self.calendar_button.setToolTip(self.tr("Plan it and save it as a calendar file (.ics)"))
        self.calendar_button.setAutoDefault(False)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        self.ok.clicked.connect(self.submit)
        self.calendar_button.clicked.connect(self.submit_with_calendar)
        self.buttons.rejected.connect(self.reject)

        self._lay_out()
        proposed = self._proposed_day()
        self.date.set_day(proposed)
        self._update()
        self.date.setFocus(Qt.FocusReason.OtherFocusReason)
        self.date.selectAll()

    # -- building ----------------------------------------------------------------------------
    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        preset_row = QHBoxLayout()
        for button in self.preset_buttons.values():
            preset_row.addWidget(button)
        preset_row.addStretch(1)
        form.addRow("", preset_row)
        form.addRow(buddy_label(self, self.tr("&Day"), self.date), self.date)
        form.addRow("", self.date_words)
        form.addRow(buddy_label(self, self.tr("T&ime"), self.time), self.time)
        form.addRow(buddy_label(self, self.tr("&Channel"), self.channel), self.channel)
        form.addRow(buddy_label(self, self.tr("N&ote"), self.note), self.note)
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addLayout(form)
        left.addWidget(self.error)
        left.addStretch(1)

        self.brief_label = QLabel(self.brief_html())
        self.brief_label.setObjectName("plan_brief")
        self.brief_label.setAccessibleName(self.tr("Brief"))
        self.brief_label.setWordWrap(True)
        self.brief_label.setTextFormat(Qt.TextFormat.RichText)
        self.brief_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.brief_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea(self)
        scroll.setWidget(self.brief_label)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setMinimumWidth(260)
        scroll.setAccessibleName(self.tr("Brief"))

        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(scroll, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(self.buttons)
        self.setTabOrder(self.date, self.time)
        self.setTabOrder(self.time, self.channel)
        self.setTabOrder(self.channel, self.note)
        self.setTabOrder(self.note, self.ok)
        self.resize(760, 380)

    def _briefs(self) -> list[Brief]:
        out = []
        for p in self.people[:4]:  # a brief each for a small group; more would not be read
            try:
                out.append(brief_of(self.store, p.id, self.today))
            except UserError:
                continue
        return out

    def _first_channel(self) -> Channel:
        """Their preferred channel (the first person's that has one), else how we last met or talked."""
        for b in self.briefs:
            if b.prefers is not None:
                return b.prefers
        ids = [p.id for p in self.people]
        last = self.store.last_channel_with(ids) if ids else None
        return last if last in RICH_CHANNELS else Channel.IN_PERSON

    def _proposed_day(self) -> dt.date:
        """The coming weekend when they like weekends (or it is more than a day away), else next week."""
        days = presets(self.today)
        weekends = any(b.best_time and "weekend" in b.best_time.lower() for b in self.briefs)
        if weekends or (days["weekend"] - self.today).days >= 2:
            return days["weekend"]
        return days["next_week"]

    def brief_html(self) -> str:
        """The brief of each person, as rich text (escaped)."""
        parts = []
        e = html.escape
        for b in self.briefs:
            rows = [f"<b>{e(b.name)}</b>"]
            if b.prefers or b.best_time:
                bits = []
                if b.prefers:
                    bits.append(self.tr("prefers %1").replace("%1", e(channel_label(b.prefers))))
                if b.best_time:
                    bits.append(self.tr("best time: %1").replace("%1", e(b.best_time)))
                rows.append("; ".join(bits))
            if b.last_rich_contact is not None:
                rows.append(self.tr("Last met or spoke: %1").replace("%1", e(long_day(b.last_rich_contact))))
            else:
                rows.append(self.tr("No meeting or call yet"))
            if b.reciprocity.one_sided:
                rows.append(self.tr("You started %1 of the last %Ln contacts", "", b.reciprocity.known)
                            .replace("%1", str(b.reciprocity.started_by_me)))
            if b.talking_points:
                rows.append("<i>" + self.tr("To talk about") + "</i>")
                rows.extend("• " + e(t.text) for t in b.talking_points[:8])
            if b.recent:
                rows.append("<i>" + self.tr("Recently") + "</i>")
                for i in b.recent:
                    note = i.note.strip().splitlines()[0] if i.note.strip() else ""
                    mark = f" {felt_mark(i.felt)}" if i.felt else ""
                    rows.append(e(f"{i.occurred_on.strftime('%d %b')} · {channel_label(i.channel)}"
                                  + (f" · {note[:80]}" if note else "") + mark))
            if b.shared_interests:
                rows.append(self.tr("You both like: %1").replace("%1", e(", ".join(b.shared_interests))))
            if b.relationships:
                rows.append(self.tr("People: %1").replace(
                    "%1", e(", ".join(f"{n} ({k})" for n, k in b.relationships))))
            for u in b.upcoming:
                rows.append(e(f"{u.day.strftime('%d %b')} · {u.what}"))
            parts.append("<br>".join(rows))
        return "<br><br>".join(parts)

    # -- state ----------------------------------------------------------------------------------
    def _preset(self, day: dt.date) -> None:
        self.date.set_day(day)
        self.date.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update(self) -> None:
        day = self.date.day()
        if day is None:
            self.date_words.setText(self.tr("Not a day I know: try sat, 12 dec, +10 or 2026-12-12"))
        elif day < self.today:
            self.date_words.setText(self.tr("%1 is over: choose today or later").replace("%1", long_day(day)))
        else:
            delta = (day - self.today).days
            when = {0: self.tr("today"), 1: self.tr("tomorrow")}.get(delta, self.tr("in %n days", "", delta))
            self.date_words.setText(f"{long_day(day)} ({when})")
        self.ok.setEnabled(self._problem() is None)
        self.calendar_button.setEnabled(self._problem() is None)

    def _time(self) -> str | None:
        text = self.time.text().strip()
        return check_time(text) if text else None

    def _problem(self) -> tuple[str, QWidget] | None:
        day = self.date.day()
        if day is None or day < self.today:
            return self.tr("Choose a day: today or later."), self.date
        try:
            self._time()
        except UserError:
            return self.tr("A time is HH:MM, such as 19:30 (or leave it empty)."), self.time
        if not self.people:
            return self.tr("No one to meet."), self.date
        return None

    # -- planning --------------------------------------------------------------------------------
    def submit(self) -> bool:
        """Plan it through the Journal (one undoable operation); say what is wrong otherwise."""
        problem = self._problem()
        if problem is not None:
            self.error.setText(problem[0])
            self.error.show()
            problem[1].setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        day = self.date.day()
        assert day is not None
        channel = Channel(self.channel.currentData())
        who = names_text([p.display_name for p in self.people])
        try:
            self.planned = self.journal.run(
                plan_ops.plan_meeting, [p.id for p in self.people], day, channel=channel, time=self._time(),
                note=self.note.text().strip(), text=self.tr("Plan meeting"),
                message=self.tr("Planned %1 with %2 on %3").replace("%1", channel_label(channel))
                .replace("%2", who).replace("%3", QLocale().toString(QDate(day.year, day.month, day.day), "d MMM")))
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.accept()
        return True

    def submit_with_calendar(self) -> None:
        """Plan it, then save it as an .ics file and offer to open it."""
        if self.planned is None and not self.submit():
            return
        assert self.planned is not None
        save_calendar(self.parentWidget() or self, self.journal, self.planned)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save the .ics (a save dialog; replaced in tests)."""
    from relj.ui.i18n import tr

    path, _ = QFileDialog.getSaveFileName(parent, tr("Add to calendar"), str(Path.home() / suggested),
                                          tr("Calendar files (*.ics)"))
    return Path(path) if path else None


def save_calendar(parent: QWidget, journal: Journal, plan: Interaction) -> Path | None:
    """Write ``plan`` as an .ics (0600) where the user says, then offer to open it; the path or None."""
    from relj.fileio import write_atomic
    from relj.interop.plan_ics import calendar_for_plan
    from relj.ui.i18n import tr

    suggested = f"meeting-{plan.occurred_on.isoformat()}.ics"
    path = ask_save_path(parent, suggested)
    if path is None:
        return None
    if path.suffix.lower() != ".ics":
        path = path.with_name(path.name + ".ics")
    try:
        write_atomic(path, calendar_for_plan(journal.store, plan.id))
    except UserError as exc:
        QMessageBox.warning(parent, tr("Add to calendar"), str(exc))
        return None
    log.info("plan id=%d written as an .ics file", plan.id)
    answer = QMessageBox.question(parent, tr("Add to calendar"),
                                  tr("Saved %1. Open it in your calendar now?").replace("%1", path.name),
                                  QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
                                  QMessageBox.StandardButton.Open)
    if answer == QMessageBox.StandardButton.Open:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path


def ask_plan(parent: QWidget | None, journal: Journal, person_ids: Sequence[int]) -> bool:
    """Show the Plan dialog for ``person_ids``; True when a meeting was planned (undoable)."""
    dialog = PlanDialog(journal, person_ids, parent)
    try:
        dialog.exec()
        return dialog.planned is not None
    finally:
        dialog.deleteLater()


def open_plans_for(journal: Journal, person_id: int) -> list[Interaction]:
    """A person's open plans from today on, soonest first (the person page lists them)."""
    ids = plan_store.person_plan_ids(journal.store, person_id, since=clock.today())
    return plan_store.interactions(journal.store, ids)
