"""The Interests view: every interest with the people who share it, mine starred. "Who do I know who climbs?"."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelection, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relj.ui.journal import Journal
from relj.ui.models import InterestFilterProxy, InterestsModel, PersonRefsModel
from relj.ui.roles import ObjectRole, PersonIdRole
from relj.ui.widgets import ActivatingList


class InterestsView(QWidget):
    """Interests on the left, the people who share the selected one on the right."""

    person_activated = Signal(int)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setObjectName("interests_view")
        self.setAccessibleName(self.tr("Interests"))
        self.model = InterestsModel(journal, self)
        self.proxy = InterestFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        title = QLabel(self.tr("Interests"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(self.tr("★ marks your own interests"))
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.filter = QLineEdit()
        self.filter.setObjectName("interest_search")
        self.filter.setPlaceholderText(self.tr("Find an interest: climbing, jazz, chess…"))
        self.filter.setAccessibleName(self.tr("Find an interest"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self._focus_first)

        self.table = QTableView()
        self.table.setObjectName("interests_table")
        self.table.setAccessibleName(self.tr("Interests"))
        self.table.setTabKeyNavigation(False)  # arrows within, Tab on to the people list
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(InterestsModel.PEOPLE, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(InterestsModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(InterestsModel.PEOPLE, 80)
        header.setHighlightSections(False)
        self.table.selectionModel().selectionChanged.connect(self._on_selected)

        self.people_title = QLabel()
        bold = QFont(self.people_title.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.people_title.setFont(bold)
        self.people_title.setWordWrap(True)
        self.people_model = PersonRefsModel(self)
        self.people = ActivatingList()
        self.people.setObjectName("interest_people")
        self.people.setAccessibleName(self.tr("People who share this interest"))
        self.people.setModel(self.people_model)
        self.people.setAlternatingRowColors(True)
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people.setUniformItemSizes(True)
        self.people.activated.connect(self._activate)
        self.people_hint = QLabel(self.tr("Enter or double-click opens a person."))
        self.people_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.table, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.people_title)
        right_layout.addWidget(self.people, 1)
        right_layout.addWidget(self.people_hint)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("interests_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([380, 520])
        self.splitter.setChildrenCollapsible(False)

        self.empty = QLabel(self.tr("No interests yet. Add them on a person's page, and your own under "
                                    "Edit ▸ Your details…"))
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(8)
        top.addWidget(hint, 0, Qt.AlignmentFlag.AlignBaseline)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 10)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.splitter, 1)
        self.model.modelReset.connect(self._after_reset)
        self._after_reset()

    def _after_reset(self) -> None:
        has_any = self.model.rowCount() > 0
        self.empty.setVisible(not has_any)
        self.splitter.setVisible(has_any)
        if has_any and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        elif not has_any:
            self._show_people(None)

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _focus_first(self) -> None:
        if self.proxy.rowCount():
            self.table.selectRow(0)
            self.people.setFocus()
            self.people.setCurrentIndex(self.people_model.index(0, 0))

    def _on_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._show_people(rows[0] if rows else None)

    def _show_people(self, index: QModelIndex | None) -> None:
        item = index.data(ObjectRole) if index is not None and index.isValid() else None
        if item is None:
            self.people_model.set_people([])
            self.people_title.setText(self.tr("Choose an interest to see who shares it"))
            return
        self.people_model.set_people(item.people)
        count = len(item.people)
        if item.mine:
            text = self.tr("%n people share your interest in %1", "", count)
        else:
            text = self.tr("%n people are into %1", "", count)
        self.people_title.setText(text.replace("%1", item.name))

    def select_interest(self, name: str) -> bool:
        for row in range(self.proxy.rowCount()):
            item = self.proxy.index(row, 0).data(ObjectRole)
            if item.name.casefold() == name.casefold():
                self.table.selectRow(row)
                return True
        return False

    def _activate(self, index: QModelIndex) -> None:
        pid = index.data(PersonIdRole)
        if pid is not None:
            self.person_activated.emit(pid)

    def selected_person_id(self) -> int | None:
        index = self.people.currentIndex()
        return index.data(PersonIdRole) if index.isValid() and self.people.hasFocus() else None

    def focus_search(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def save_ui_state(self, settings: QSettings) -> None:
        settings.setValue("interests/splitter", self.splitter.saveState())

    def restore_ui_state(self, settings: QSettings) -> None:
        state = settings.value("interests/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
