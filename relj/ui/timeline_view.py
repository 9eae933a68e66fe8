"""The Timeline view: every interaction and life moment, newest first, filtered by channel and by person, read lazily."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relj.domain import Channel
from relj.rhythms import Moment
from relj.ui import journal as jn
from relj.ui.i18n import channel_label, mode_label
from relj.ui.icons import channel_icon
from relj.ui.journal import Journal
from relj.ui.roles import PersonIdRole
from relj.ui.timeline_moments import MomentsTimelineModel, moment_icon
from relj.ui.widgets import ActivatingList


class TimelineView(QWidget):
    """All interactions. Channel toggles and a person box filter them; Enter opens the person."""

    person_activated = Signal(int)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setObjectName("timeline_view")
        self.setAccessibleName(self.tr("Timeline"))
        self.model = MomentsTimelineModel(journal, parent=self)
        self._people: dict[str, int] = {}

        title = QLabel(self.tr("Timeline"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)

        self.channel_buttons: dict[Channel, QToolButton] = {}
        toggles = QHBoxLayout()
        toggles.setSpacing(4)
        for channel in Channel:
            button = QToolButton()
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(channel_icon(channel, 18))
            button.setIconSize(QSize(18, 18))
            button.setText(channel_label(channel))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAccessibleName(self.tr("Show %1").replace("%1", channel_label(channel)))
            button.setToolTip(self.tr("Show or hide %1 (%2 mode)").replace("%1", channel_label(channel))
                              .replace("%2", mode_label(channel.mode)))
            button.toggled.connect(self._apply)
            self.channel_buttons[channel] = button
            toggles.addWidget(button)
        # Moments are not a channel: a toggle of their own, marked with their star.
        self.moments_button = QToolButton()
        self.moments_button.setObjectName("timeline_moments")
        self.moments_button.setCheckable(True)
        self.moments_button.setChecked(True)
        self.moments_button.setIcon(moment_icon(18))
        self.moments_button.setIconSize(QSize(18, 18))
        self.moments_button.setText(self.tr("Moments"))
        self.moments_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.moments_button.setAccessibleName(self.tr("Show moments"))
        self.moments_button.setToolTip(self.tr("Show or hide life moments: a move, a new job, a baby…"))
        self.moments_button.toggled.connect(self.model.set_show_moments)
        toggles.addSpacing(8)
        toggles.addWidget(self.moments_button)
        toggles.addStretch(1)

        self.person_box = QLineEdit()
        self.person_box.setObjectName("timeline_person")
        self.person_box.setPlaceholderText(self.tr("Only with… (type a name)"))
        self.person_box.setAccessibleName(self.tr("Filter by person"))
        self.person_box.setClearButtonEnabled(True)
        self.person_box.setMinimumWidth(240)
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(lambda _text: self._apply())
        self.person_box.setCompleter(completer)
        self.person_box.editingFinished.connect(self._apply)
        self.person_box.textChanged.connect(lambda text: self._apply() if not text else None)
        self._names_loaded = False

        self.list = ActivatingList()
        self.list.setObjectName("timeline_list")
        self.list.setAccessibleName(self.tr("Interactions and moments, newest first"))
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setIconSize(QSize(20, 20))
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.activated.connect(self._activate)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_current)

        self.empty = QLabel()
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.person_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 10)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(toggles)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.list, 1)
        self.model.modelReset.connect(self._after_reset)
        journal.changed.connect(self._on_changed)
        self._after_reset()

    def showEvent(self, event) -> None:  # noqa: ANN001 - Qt signature
        super().showEvent(event)
        if not self._names_loaded:
            self._load_names()

    def _load_names(self) -> None:
        refs = self.journal.store.person_refs()
        counts: dict[str, int] = {}
        for ref in refs:
            counts[ref.name] = counts.get(ref.name, 0) + 1
        self._people = {}
        for ref in refs:
            label = ref.name if counts[ref.name] == 1 else f"{ref.name} (#{ref.id})"
            self._people[label.casefold()] = ref.id
        self._names.setStringList([ref.name if counts[ref.name] == 1 else f"{ref.name} (#{ref.id})" for ref in refs])
        self._names_loaded = True

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if jn.PEOPLE in kinds:
            self._names_loaded = False
            if self.isVisible():
                self._load_names()

    def selected_channels(self) -> frozenset[Channel] | None:
        chosen = frozenset(c for c, b in self.channel_buttons.items() if b.isChecked())
        return None if len(chosen) == len(self.channel_buttons) else chosen

    def selected_person_filter(self) -> int | None:
        text = self.person_box.text().strip()
        if not text:
            return None
        if not self._names_loaded:
            self._load_names()
        return self._people.get(text.casefold(), -1)

    def set_person_filter(self, name: str) -> None:
        self.person_box.setText(name)
        self._apply()

    def _apply(self) -> None:
        person = self.selected_person_filter()
        channels = self.selected_channels()
        if person != self.model.person_id or channels != getattr(self, "_channels", None):
            self._channels = channels
            self.model.set_filter(person_id=person, channels=channels)

    def _after_reset(self) -> None:
        empty = self.model.rowCount() == 0
        if empty:
            if self.selected_person_filter() == -1:
                self.empty.setText(self.tr("No one in the journal is called that."))
            elif self.selected_channels() is not None or self.selected_person_filter() is not None:
                self.empty.setText(self.tr("Nothing matches these filters."))
            else:
                self.empty.setText(self.tr("Nothing logged yet. Press Ctrl+L to log a meeting, call or message."))
        self.empty.setVisible(empty)
        self.list.setVisible(not empty)

    def _activate(self, index: QModelIndex) -> None:
        pid = index.data(PersonIdRole)
        if pid is not None:
            self.person_activated.emit(pid)

    def _delete_current(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        item = self.model.row_item(index.row())
        if isinstance(item, Moment):
            from relj.errors import UserError
            from relj.ops import rhythms as rhythm_ops

            try:
                self.journal.run(rhythm_ops.remove_moment, item.id, text=self.tr("Remove moment"),
                                 message=self.tr("Removed a moment of %1").replace("%1", item.person_name))
            except UserError as exc:
                self.journal.error_raised.emit(str(exc))
            return
        self.journal.delete_interaction(item.id)

    def selected_person_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(PersonIdRole) if index.isValid() else None

    def focus_search(self) -> None:
        self.person_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.person_box.selectAll()
