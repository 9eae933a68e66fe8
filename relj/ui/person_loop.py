"""The person page's loop parts: why they need attention (with Plan and Snooze), talking points, preferences.

Like the other parts, these never write: they emit what was asked and the page runs it through the
Journal (relj.ops.plans), one undoable operation each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relj import reconnect as rc
from relj.domain import Birthday, Channel
from relj.plans import TalkingPoint
from relj.store import Store
from relj.ui.i18n import channel_label
from relj.ui.roles import ObjectRole

__all__ = ["AttentionBox", "PointsSection", "PreferencesForm", "attention_for", "birthday_text", "birthday_value"]


# -- why now ---------------------------------------------------------------------------------------
def attention_for(store: Store, person_id: int, day: dt.date) -> rc.Entry | None:
    """The Reconnect entry of one person (their reason), or None when they need no attention.

    Assessed alone, as the ranking assesses each person (relj.reconnect.assess), with the circle
    cadences of the journal and what rhythms and moments say (relj.reconnect_rhythms.life); only
    this person's summary and details are read.
    """
    from relj.store import reconnect as reconnect_store

    summaries = reconnect_store.contact_summaries(store, day, person_ids=[person_id])
    if not summaries:
        return None
    from relj.reconnect_rhythms import life as life_of

    circles = rc.circle_cadences(store.get_setting(rc.SETTING_KEY))
    life = life_of(store, day)  # rhythms missed twice and recent moments, as Reconnect sees them
    found = rc.assess(summaries[0], day, circles, life)
    if found is None:
        return None
    interests = reconnect_store.person_interests(store, [person_id])
    ranked = rc.Ranking(day, (found,), 1, interests, {}, life)
    entries = rc.entries(store, ranked)
    return entries[0] if entries else None


class AttentionBox(QFrame):
    """"Why now": the Reconnect reason, with Plan… and Snooze…; hidden when they need no attention."""

    plan_requested = Signal()
    snooze_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attention_box")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Why they need attention"))
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName(self.tr("Why they need attention"))
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.plan_button = QPushButton(self.tr("Plan a meeting…"), self)
        self.plan_button.setAccessibleName(self.tr("Plan a meeting"))
        self.plan_button.setToolTip(self.tr("Circle a date with them (Ctrl+P)"))
        self.plan_button.clicked.connect(self.plan_requested)
        self.snooze_button = QPushButton(self.tr("Snooze…"), self)
        self.snooze_button.setAccessibleName(self.tr("Snooze"))
        self.snooze_button.clicked.connect(self.snooze_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.reason, 1)
        row.addWidget(self.plan_button)
        row.addWidget(self.snooze_button)

    def load(self, entry: rc.Entry | None) -> None:
        self.setVisible(entry is not None)
        self.reason.setText(entry.reason if entry is not None else "")


# -- talking points --------------------------------------------------------------------------------
class PointsSection(QWidget):
    """Talking points for next time: type and press Enter to add; tick (Space) to cover; Delete forgets one."""

    add_requested = Signal(str)
    cover_requested = Signal(int)
    reopen_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = _PointList(self)
        self.list.setObjectName("person_points")
        self.list.setAccessibleName(self.tr("Talking points"))
        self.list.setAccessibleDescription(self.tr("Space ticks a point as covered; Delete forgets it"))
        self.list.itemChanged.connect(self._ticked)
        self.list.delete_pressed.connect(self.delete_requested)
        self.add_edit = QLineEdit(self)
        self.add_edit.setObjectName("add_point")
        self.add_edit.setAccessibleName(self.tr("Add a talking point"))
        self.add_edit.setPlaceholderText(self.tr("Something to bring up next time, then Enter"))
        self.add_edit.returnPressed.connect(self._add)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)
        column.addWidget(self.add_edit)
        self._loading = False

    def _add(self) -> None:
        text = " ".join(self.add_edit.text().split())
        self.add_edit.clear()
        if text:
            self.add_requested.emit(text)

    def load(self, points: Sequence[TalkingPoint]) -> None:
        """Open points first, then those covered in the last weeks (ticked, so a slip can be unticked)."""
        self._loading = True
        try:
            row = self.list.currentRow()
            self.list.clear()
            for t in points:
                item = QListWidgetItem(t.text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked if t.is_open else Qt.CheckState.Checked)
                item.setData(ObjectRole, t)
                if not t.is_open and t.covered_on is not None:
                    item.setToolTip(self.tr("Covered on %1").replace("%1", QLocale().toString(
                        QDate(t.covered_on.year, t.covered_on.month, t.covered_on.day), QLocale.FormatType.ShortFormat)))
                self.list.addItem(item)
            if not points:
                empty = QListWidgetItem(self.tr("Nothing noted for next time"))
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                self.list.addItem(empty)
            line = self.list.sizeHintForRow(0) or self.fontMetrics().height() + 4
            self.list.setFixedHeight(max(1, min(len(points), 5)) * line + 2 * self.list.frameWidth())
            if points:
                self.list.setCurrentRow(min(max(row, 0), len(points) - 1))
        finally:
            self._loading = False

    def _ticked(self, item: QListWidgetItem) -> None:
        t = item.data(ObjectRole)
        if self._loading or not isinstance(t, TalkingPoint):
            return
        if item.checkState() == Qt.CheckState.Checked and t.is_open:
            self.cover_requested.emit(t.id)
        elif item.checkState() == Qt.CheckState.Unchecked and not t.is_open:
            self.reopen_requested.emit(t.id)


class _PointList(QListWidget):
    delete_pressed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        t = item.data(ObjectRole) if item is not None else None
        if isinstance(t, TalkingPoint):
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.delete_pressed.emit(t.id)
                return
            if event.key() == Qt.Key.Key_Space and not event.modifiers():
                checked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
                return
        super().keyPressEvent(event)


# -- preferences -----------------------------------------------------------------------------------
class PreferencesForm(QWidget):
    """Their preferred channel and best time ("evenings"). ``edited(prefers, best_time)`` on a change."""

    edited = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefers = QComboBox(self)
        self.prefers.setAccessibleName(self.tr("Preferred channel"))
        self.prefers.addItem(self.tr("No preference"), None)
        for c in Channel:
            self.prefers.addItem(channel_label(c), c.value)
        self.prefers.activated.connect(lambda _i: self._emit())
        self.best_time = QLineEdit(self)
        self.best_time.setAccessibleName(self.tr("Best time"))
        self.best_time.setPlaceholderText(self.tr("e.g. evenings, weekends"))
        self.best_time.editingFinished.connect(self._emit)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.addRow(self.tr("Prefers"), self.prefers)
        self.form.addRow(self.tr("Best time"), self.best_time)
        self._current: tuple[str | None, str | None] = (None, None)

    def load(self, prefers: Channel | None, best_time: str | None, focused: QWidget | None) -> None:
        self._current = (prefers.value if prefers else None, best_time or None)
        self.prefers.setCurrentIndex(max(0, self.prefers.findData(prefers.value)) if prefers else 0)
        if self.best_time is not focused:
            self.best_time.setText(best_time or "")

    def _emit(self) -> None:
        value = (self.prefers.currentData(), " ".join(self.best_time.text().split()) or None)
        if value != self._current:
            self._current = value
            self.edited.emit(*value)


# -- birthdays -------------------------------------------------------------------------------------
def birthday_text(b: Birthday | None) -> str:
    """'20 December' for a birthday without a year (never '--12-20'); '20 December 1990' with one."""
    if b is None:
        return ""
    locale = QLocale()
    if b.year is None:
        return locale.toString(QDate(2000, b.month, b.day), "d MMMM")
    return locale.toString(QDate(b.year, b.month, b.day), "d MMMM yyyy")


def birthday_value(text: str) -> str:
    """What was typed, as the ops read it: '20 December' -> '--12-20', '20 December 1990' -> '1990-12-20';
    anything else is passed on as typed (ISO and --MM-DD included) for the operation to accept or refuse."""
    t = " ".join(text.split())
    if not t:
        return ""
    locale = QLocale()
    english = QLocale(QLocale.Language.English)
    for loc in (locale, english):
        for fmt in ("d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMMM d, yyyy"):
            d = loc.toDate(t, fmt)
            if d.isValid():
                return f"{d.year():04d}-{d.month():02d}-{d.day():02d}"
        for fmt in ("d MMMM", "d MMM", "MMMM d", "MMM d"):
            d = loc.toDate(t + " 2000", fmt + " yyyy")
            if d.isValid():
                return f"--{d.month():02d}-{d.day():02d}"
    return t
