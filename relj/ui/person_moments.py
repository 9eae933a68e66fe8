"""The person page's moments (a move, a new job, a baby...) and the line naming their rhythms.

Moments are listed newest first with their kind and "every year" when yearly; a row of fields
(text, date, kind, Every year) adds one with Enter; Delete on the list removes one. Like the other
parts of the page, nothing here writes: it emits what was asked and the page runs it through the
Journal (relj.ops.rhythms), one undoable step each.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relj.rhythms import MOMENT_KINDS, Moment, Rhythm
from relj.ui.i18n import tr
from relj.ui.roles import ObjectRole
from relj.ui.widgets import day_and_month_names

__all__ = ["MomentDayField", "MomentsSection", "RhythmsLine", "kind_label", "parse_moment_day"]


def kind_label(kind: str) -> str:
    """A moment's kind in plain words: Move, New job, Baby, Wedding, Loss, Health, Exam, Other."""
    labels = {"move": tr("Move"), "job": tr("New job"), "baby": tr("Baby"), "wedding": tr("Wedding"),
              "loss": tr("Loss"), "health": tr("Health"), "exam": tr("Exam"), "other": tr("Other")}
    return labels.get(kind, kind)


def day_text(day: dt.date) -> str:
    """'12 Oct 2026' in the user's locale."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def parse_moment_day(text: str, today: dt.date, weekday_names: Mapping[str, int] | None = None,
                     month_names: Mapping[str, int] | None = None) -> dt.date | None:
    """A moment's day as typed; None when it makes no sense. Moments are mostly past, sometimes to come.

    Accepts what quick log's date accepts (today, yesterday/y, -2, 3d, 1w, mon, 2026-03-05, +3),
    "12 oct" or "oct 12" (the nearest such day, back or ahead), "12/10", and a full date with a
    year ("12 October 2025").
    """
    from relj.ui.person_loop import birthday_value
    from relj.ui.plan_dialog import parse_plan_day
    from relj.ui.quick_log import parse_day

    if not text.strip():
        return today
    found = parse_day(text, today, weekday_names)
    if found is not None:
        return found
    t = " ".join(text.split()).lower().rstrip(".")
    if re.fullmatch(r"(\d{1,2}\s*[^\W\d_]{3,})|([^\W\d_]{3,}\s*\d{1,2})|(\d{1,2}\s*[/.]\s*\d{1,2})", t):
        ahead = parse_plan_day(t, today, None, month_names)
        if ahead is None:
            return None
        if (ahead - today).days > 183:  # "12 oct" typed in December: this October, not next
            try:
                return ahead.replace(year=ahead.year - 1)
            except ValueError:  # 29 February
                return ahead
        return ahead
    value = birthday_value(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value)
    return None


class MomentDayField(QLineEdit):
    """A moment's day, typed in words or as a date; Up and Down move it by a day."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self._days, self._months = day_and_month_names()
        self.setAccessibleName(self.tr("Moment date"))
        self.setPlaceholderText(self.tr("today"))
        self.setToolTip(self.tr("Type today, yesterday, -3, 2w, 12 oct, 12 October 2025 or 2026-10-12; "
                                "Up and Down move by a day"))

    def day(self) -> dt.date | None:
        return parse_moment_day(self.text(), self.today, self._days, self._months)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            step = 1 if event.key() == Qt.Key.Key_Up else -1
            self.setText(((self.day() or self.today) + dt.timedelta(days=step)).isoformat())
            return
        super().keyPressEvent(event)


class MomentsSection(QWidget):
    """A person's moments, newest first, and a row of fields to add one.

    ``add_requested(text, day, kind, yearly)`` on Enter in any field of the row;
    ``delete_requested(moment_id)`` on Delete in the list.
    """

    add_requested = Signal(str, object, str, bool)
    delete_requested = Signal(int)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person_moments")
        self.list = _MomentList(self)
        self.list.setObjectName("moments_list")
        self.list.setAccessibleName(self.tr("Moments, newest first"))
        self.list.setAccessibleDescription(self.tr("Delete removes the selected moment"))
        self.list.delete_pressed.connect(self.delete_requested)
        self.text = QLineEdit(self)
        self.text.setObjectName("moment_text")
        self.text.setAccessibleName(self.tr("Moment"))
        self.text.setPlaceholderText(self.tr("What happened: moved to Berlin, then Enter"))
        self.date = MomentDayField(today, self)
        self.date.setObjectName("moment_date")
        self.date.setMaximumWidth(120)
        self.kind = QComboBox(self)
        self.kind.setObjectName("moment_kind")
        self.kind.setAccessibleName(self.tr("Kind of moment"))
        for k in MOMENT_KINDS:
            self.kind.addItem(kind_label(k), k)
        self.kind.setCurrentIndex(MOMENT_KINDS.index("other"))
        self.yearly = QCheckBox(self.tr("Every year"), self)
        self.yearly.setObjectName("moment_yearly")
        self.yearly.setAccessibleName(self.tr("Every year"))
        self.yearly.setToolTip(self.tr("An anniversary: it comes back every year"))
        self.error = QLabel(self)
        self.error.setObjectName("moment_error")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.hide()
        for edit in (self.text, self.date):
            edit.returnPressed.connect(self._add)
            edit.textEdited.connect(lambda _t: self.error.hide())
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.date)
        fields = QHBoxLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addWidget(self.kind)
        fields.addWidget(self.yearly)
        fields.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)
        column.addLayout(row)
        column.addLayout(fields)
        column.addWidget(self.error)
        self.setTabOrder(self.list, self.text)
        self.setTabOrder(self.text, self.date)
        self.setTabOrder(self.date, self.kind)
        self.setTabOrder(self.kind, self.yearly)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on the kind or Every year (they leave it to their parent) adds too.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() in (self.kind, self.yearly):
            self._add()
            return
        super().keyPressEvent(event)

    def set_today(self, today: dt.date) -> None:
        self.date.today = today

    def show_error(self, text: str) -> None:
        from relj.ui.palettes import error_style

        self.error.setStyleSheet(error_style(self.palette()))
        self.error.setText(text)
        self.error.show()

    def _add(self) -> None:
        text = " ".join(self.text.text().split())
        if not text:
            self.show_error(self.tr("Write what happened first (a move, a new job…)."))
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        day = self.date.day()
        if day is None:
            self.show_error(self.tr("Not a date I know: try 12 oct, -3, yesterday or 2026-10-12."))
            self.date.setFocus(Qt.FocusReason.OtherFocusReason)
            self.date.selectAll()
            return
        self.error.hide()
        self.add_requested.emit(text, day, str(self.kind.currentData()), self.yearly.isChecked())

    def clear_fields(self) -> None:
        """After a moment was added: an empty row, ready for the next one."""
        self.text.clear()
        self.date.clear()
        self.kind.setCurrentIndex(MOMENT_KINDS.index("other"))
        self.yearly.setChecked(False)

    def load(self, moments: Sequence[Moment]) -> None:
        row = self.list.currentRow()
        self.list.clear()
        for m in moments:
            bits = [day_text(m.day), kind_label(m.kind)]
            if m.yearly:
                bits.append(self.tr("every year"))
            item = QListWidgetItem(f"{m.text}  ·  {'  ·  '.join(bits)}")
            item.setData(ObjectRole, m)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{m.text}, {', '.join(bits)}")
            self.list.addItem(item)
        if not moments:
            empty = QListWidgetItem(self.tr("No moments yet: a move, a new job, a baby…"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        line = self.list.sizeHintForRow(0) or self.fontMetrics().height() + 4
        self.list.setFixedHeight(max(1, min(len(moments), 5)) * line + 2 * self.list.frameWidth())
        if moments:
            self.list.setCurrentRow(min(max(row, 0), len(moments) - 1))


class _MomentList(QListWidget):
    delete_pressed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        m = item.data(ObjectRole) if item is not None else None
        if isinstance(m, Moment) and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit(m.id)
            return
        super().keyPressEvent(event)


class RhythmsLine(QLabel):
    """'Rhythms with Ana: First-Sunday dinner' and a link that opens the Rhythms dialog."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person_rhythms")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.setAccessibleName(self.tr("Rhythms"))
        self.linkActivated.connect(lambda _link: self.open_requested.emit())

    def load(self, name: str, rhythms: Sequence[Rhythm]) -> None:
        import html

        link = f'<a href="rhythms">{html.escape(self.tr("Rhythms…"))}</a>'
        if rhythms:
            text = self.tr("Rhythms with %1: %2").replace("%1", html.escape(name)).replace(
                "%2", html.escape(", ".join(r.name for r in rhythms)))
        else:
            text = html.escape(self.tr("No rhythm with %1 yet (a first-Sunday dinner, a monthly call).")
                               .replace("%1", name))
        self.setText(f"{text} {link}")
