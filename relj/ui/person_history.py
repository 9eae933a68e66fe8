"""The person page's right side: contact per month, the last contact by mode, and their interactions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QListView, QVBoxLayout, QWidget

from relj.domain import Mode, PersonRow
from relj.plans import felt_mark
from relj.ui.chart import ContactChart
from relj.ui.icons import mode_color, swatch_icon
from relj.ui.journal import Journal
from relj.ui.models import TimelineModel, long_day, relative_day
from relj.ui.person_details import section_title


class FeltMarks(QIdentityProxyModel):
    """The timeline with how each meeting went: a small mark (●●●●○) after the text, read out in words."""

    def __init__(self, source: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = source
        self.setSourceModel(source)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole) and index.isValid():
            felt = self.timeline.interaction(index.row()).felt
            if felt and isinstance(value, str):
                words = self.tr("felt %1 of 5").replace("%1", str(felt))
                return f"{value}  {felt_mark(felt)}" if role == Qt.ItemDataRole.DisplayRole else f"{value}, {words}"
        return value


class ContactHistory(QWidget):
    """The chart, "last together / voice / written", and the person's interactions, newest first.

    Delete on an interaction emits ``delete_requested(interaction_id)``.
    """

    delete_requested = Signal(int)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = ContactChart()
        self.chart.setObjectName("contact_chart")
        self.last_labels: dict[Mode, QLabel] = {}
        lasts = QHBoxLayout()
        lasts.setSpacing(28)
        for mode, label in ((Mode.TOGETHER, self.tr("Last together")), (Mode.VOICE, self.tr("Last voice")),
                            (Mode.WRITTEN, self.tr("Last written"))):
            lasts.addLayout(self._last_block(mode, label))
        lasts.addStretch(1)
        self.title = section_title(self.tr("Interactions"))
        self.model = TimelineModel(journal, person_id=-1, parent=self)
        self.timeline = self._make_timeline()
        self.empty = QLabel(self.tr("Nothing logged yet. Press Ctrl+L to log a meeting, call or message."))
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setWordWrap(True)
        self.model.modelReset.connect(self._update_empty)

        column = QVBoxLayout(self)
        column.setContentsMargins(12, 0, 4, 4)
        column.addWidget(section_title(self.tr("Contact per month")))
        column.addWidget(self.chart)
        column.addLayout(lasts)
        column.addWidget(self.title)
        column.addWidget(self.empty)
        column.addWidget(self.timeline, 1)

    def _last_block(self, mode: Mode, label: str) -> QVBoxLayout:
        head = QLabel(label)
        head.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        icon = QLabel()
        icon.setPixmap(swatch_icon(mode_color(mode), 10).pixmap(10, 10))
        value = QLabel()
        value.setAccessibleName(label)
        bold = QFont(value.font())
        bold.setBold(True)
        value.setFont(bold)
        self.last_labels[mode] = value
        top = QHBoxLayout()
        top.setSpacing(5)
        top.addWidget(icon)
        top.addWidget(head)
        top.addStretch(1)
        block = QVBoxLayout()
        block.setSpacing(1)
        block.addLayout(top)
        block.addWidget(value)
        return block

    def _make_timeline(self) -> QListView:
        view = QListView()
        view.setObjectName("person_timeline")
        view.setAccessibleName(self.tr("Interactions with this person"))
        self.felt_proxy = FeltMarks(self.model, self)
        view.setModel(self.felt_proxy)
        view.setUniformItemSizes(True)
        view.setIconSize(QSize(20, 20))
        view.setAlternatingRowColors(True)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSpacing(1)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_current)
        return view

    def show_person(self, person_id: int) -> None:
        """Switch the interaction list to ``person_id``, scrolled to the newest."""
        self.model.set_filter(person_id=person_id)
        self.timeline.scrollToTop()

    def load(self, row: PersonRow | None, count: int, months: dict[str, dict[str, int]], day: dt.date, *,
             rhythm_days: int | None = None) -> None:
        """Show the last contact by mode from ``row``, ``count`` interactions, and the monthly chart (from
        their first contact, with the last rich contact marked and ``rhythm_days`` drawn when known)."""
        never = self.tr("never")
        for mode, value in ((Mode.TOGETHER, row.last_together if row else None),
                            (Mode.VOICE, row.last_voice if row else None),
                            (Mode.WRITTEN, row.last_written if row else None)):
            label = self.last_labels[mode]
            label.setText(relative_day(value, day) if value else never)
            label.setToolTip(long_day(value) if value else "")
        self.title.setText(self.tr("Interactions (%Ln)", "", count))
        rich = [d for d in ((row.last_together, row.last_voice) if row else ()) if d is not None]
        self.chart.set_data(months, day, last_rich=max(rich) if rich else None, rhythm_days=rhythm_days)

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty.setVisible(empty)
        self.timeline.setVisible(not empty)

    def _delete_current(self) -> None:
        index = self.timeline.currentIndex()
        if index.isValid():
            self.delete_requested.emit(self.model.interaction(self.felt_proxy.mapToSource(index).row()).id)
