"""Edit ▸ Find duplicates…: people who are likely one person, merged with one key and undone with Ctrl+Z.

The groups come from relj.duplicates (the same name once case, accents and spaces are folded,
or a shared phone number). For each group the user chooses whom to keep (K, or a double click;
the oldest entry by default), leaves out anyone who is really someone else (Space), and merges
with Enter or M. S skips a group.
Each group's merge is one undo step on the journal's undo stack (Journal.merge_people).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relj.duplicates import DuplicateGroup, find_duplicates
from relj.errors import UserError
from relj.store.imports import PersonBrief
from relj.ui.i18n import QT_TR_NOOP, tr
from relj.ui.journal import Journal
from relj.ui.roles import ObjectRole, SortRole

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex


class DuplicateGroupsModel(QAbstractListModel):
    """One row per group of likely duplicates: "Ana García · 3 people · same name"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups: list[DuplicateGroup] = []

    def set_groups(self, groups: list[DuplicateGroup]) -> None:
        self.beginResetModel()
        self.groups = list(groups)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.groups)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.groups):
            return None
        group = self.groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            reason = {"same name": self.tr("same name"), "same phone": self.tr("same phone"),
                      "same name and phone": self.tr("same name and phone")}[group.reason]
            return self.tr("%1 · %n people · %2", "", group.size).replace("%1", group.name).replace("%2", reason)
        if role == Qt.ItemDataRole.ToolTipRole and group.size > len(group.people):
            return self.tr("Only the first %n are listed", "", len(group.people))
        if role == ObjectRole:
            return group
        if role == SortRole:
            return group.name.casefold()
        return None


class DuplicateMembersModel(QAbstractTableModel):
    """The people of one group. The one kept is marked "keep"; the others are ticked to merge."""

    ACTION, NAME, EMAILS, PHONES, ORGANISATION, CIRCLE, LAST, INTERACTIONS, ADDED = range(9)
    HEADERS = ("", QT_TR_NOOP("Name"), QT_TR_NOOP("Emails"), QT_TR_NOOP("Phones"), QT_TR_NOOP("Organisation"),
               QT_TR_NOOP("Circle"), QT_TR_NOOP("Last contact"), QT_TR_NOOP("Interactions"), QT_TR_NOOP("Added"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.people: list[PersonBrief] = []
        self.keep_id: int | None = None
        self.merging: set[int] = set()

    def set_people(self, people: tuple[PersonBrief, ...] | list[PersonBrief]) -> None:
        """Show a group: everyone ticked to merge into the first (the oldest entry)."""
        self.beginResetModel()
        self.people = list(people)
        self.keep_id = self.people[0].id if self.people else None
        self.merging = {p.id for p in self.people[1:]}
        self.endResetModel()

    def set_keep(self, row: int) -> None:
        """Keep the person on ``row``; the person kept before is ticked to merge."""
        if not 0 <= row < len(self.people) or self.people[row].id == self.keep_id:
            return
        old = self.keep_id
        self.keep_id = self.people[row].id
        self.merging.discard(self.keep_id)
        if old is not None:
            self.merging.add(old)
        self._changed_rows()

    def toggle(self, row: int) -> None:
        """Leave the person on ``row`` out of the merge, or put them back in (not the one kept)."""
        if not 0 <= row < len(self.people) or self.people[row].id == self.keep_id:
            return
        pid = self.people[row].id
        self.merging.symmetric_difference_update({pid})
        self._changed_rows(row)

    def gone_ids(self) -> list[int]:
        """Whom the merge joins into the person kept, in the order shown."""
        return [p.id for p in self.people if p.id in self.merging and p.id != self.keep_id]

    def _changed_rows(self, row: int | None = None) -> None:
        if not self.people:
            return
        first, last = (0, len(self.people) - 1) if row is None else (row, row)
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.FontRole]
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.HEADERS) - 1), roles)

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return tr(self.HEADERS[section]) if self.HEADERS[section] else ""
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.ACTION and self.people[index.row()].id != self.keep_id:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != self.ACTION or role != Qt.ItemDataRole.CheckStateRole
                or self.people[index.row()].id == self.keep_id):
            return False
        pid = self.people[index.row()].id
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if isinstance(value, int | Qt.CheckState) else False
        if checked != (pid in self.merging):
            self.toggle(index.row())
        return True

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.people):
            return None
        p = self.people[index.row()]
        col = index.column()
        kept = p.id == self.keep_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(p, col, kept)
        if role == Qt.ItemDataRole.CheckStateRole and col == self.ACTION and not kept:
            return Qt.CheckState.Checked if p.id in self.merging else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and kept:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.EMAILS, self.PHONES):
            return "\n".join(p.emails if col == self.EMAILS else p.phones) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.INTERACTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ObjectRole:
            return p
        if role == SortRole:
            return self._sort_key(p, col)
        return None

    def _text(self, p: PersonBrief, col: int, kept: bool) -> str:
        if col == self.ACTION:
            return self.tr("keep") if kept else (self.tr("merge") if p.id in self.merging else self.tr("leave"))
        if col == self.NAME:
            return f"{p.name}  #{p.id}"
        if col == self.EMAILS:
            return ", ".join(p.emails)
        if col == self.PHONES:
            return ", ".join(p.phones)
        if col == self.ORGANISATION:
            return p.organisation
        if col == self.CIRCLE:
            return p.circle
        if col == self.LAST:
            return p.last_contact or self.tr("never")
        if col == self.INTERACTIONS:
            return str(p.interactions)
        if col == self.ADDED:
            return p.created_at[:10]
        return ""

    def _sort_key(self, p: PersonBrief, col: int) -> Any:
        if col == self.INTERACTIONS:
            return p.interactions
        if col == self.LAST:
            return p.last_contact or ""
        return self._text(p, col, p.id == self.keep_id).casefold()


class DuplicatesDialog(QDialog):
    """Find likely duplicates across the journal and merge them, one group at a time."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.merged = 0  # people merged away while the dialog was open (net of undos)
        self._history: list[int] = []  # people merged per group, for the dialog's own undo
        self._busy = False
        self.setWindowTitle(self.tr("Find duplicates"))
        self.resize(980, 520)

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.groups_model = DuplicateGroupsModel(self)
        self.groups = QListView(self)
        self.groups.setModel(self.groups_model)
        self.groups.setAccessibleName(self.tr("Groups of likely duplicates"))
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members_model = DuplicateMembersModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.members_model)
        self.table.setAccessibleName(self.tr("People in this group"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.installEventFilter(self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Result"))

        self.buttons = QDialogButtonBox(self)
        self.merge_button = QPushButton(self.tr("&Merge into the one kept"), self)
        self.skip_button = QPushButton(self.tr("&Skip"), self)
        self.distinct_button = QPushButton(self.tr("&Not the same person"), self)
        self.distinct_button.setToolTip(self.tr("They are different people: stop listing this group (N)"))
        self.undo_button = QPushButton(self.tr("&Undo merge"), self)
        for button in (self.merge_button, self.skip_button, self.distinct_button, self.undo_button):
            button.setAutoDefault(False)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.merge_button.clicked.connect(self.merge_current)
        self.skip_button.clicked.connect(self.skip)
        self.distinct_button.clicked.connect(self.not_the_same)
        self.undo_button.clicked.connect(self.undo)
        undo_key = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo_key.activated.connect(self.undo)

        panes = QHBoxLayout()
        panes.addWidget(self.groups, 1)
        panes.addWidget(self.table, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(panes, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

        self.groups.selectionModel().currentChanged.connect(self._group_changed)
        self.table.doubleClicked.connect(lambda index: self.keep_row(index.row()))
        self.members_model.dataChanged.connect(self._sync_buttons)
        journal.changed.connect(self._journal_changed)
        self.reload()
        self.table.setFocus()

    # -- state -----------------------------------------------------------------------------
    def current_group(self) -> DuplicateGroup | None:
        row = self.groups.currentIndex().row()
        return self.groups_model.groups[row] if 0 <= row < len(self.groups_model.groups) else None

    def reload(self, row: int | None = None) -> None:
        """Find the groups again and show the one at ``row`` (default: the one shown now)."""
        if row is None:
            row = max(self.groups.currentIndex().row(), 0)
        self.groups_model.set_groups(find_duplicates(self.journal.store))
        count = len(self.groups_model.groups)
        if count:
            self.intro.setText(self.tr(
                "%n groups of people who may be one person (the same name, or the same phone number). "
                "K: keep the person selected (in bold). Space: leave someone out, or put them back. "
                "Enter or M: merge the others into the one kept. S: skip. N: not the same person. "
                "Ctrl+Z: undo.", "", count))
            self.groups.setCurrentIndex(self.groups_model.index(min(row, count - 1), 0))
        else:
            self.intro.setText(self.tr("No likely duplicates: no two people share a name or a phone number."))
            self.members_model.set_people([])
        self._sync_buttons()

    def _group_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        group = self.current_group()
        self.members_model.set_people(group.people if group else [])
        if group:
            self.table.setCurrentIndex(self.members_model.index(0, DuplicateMembersModel.NAME))
        self._sync_buttons()

    def keep_row(self, row: int) -> None:
        """Keep the person on ``row``: the others are merged into them."""
        self.members_model.set_keep(row)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        self.merge_button.setEnabled(bool(self.members_model.gone_ids()))
        self.skip_button.setEnabled(self.groups_model.rowCount() > 1)
        self.distinct_button.setEnabled(self.groups_model.rowCount() > 0)
        self.undo_button.setEnabled(bool(self._history) and self.journal.undo_stack.canUndo())

    def _journal_changed(self, _kinds: frozenset[str]) -> None:
        if not self._busy:
            self.reload()

    # -- actions ---------------------------------------------------------------------------
    def merge_current(self) -> bool:
        """Merge the ticked people into the one kept: one undo step. False when nothing to do."""
        keep, gone = self.members_model.keep_id, self.members_model.gone_ids()
        if keep is None or not gone:
            return False
        keep_name = next(p.name for p in self.members_model.people if p.id == keep)
        row = self.groups.currentIndex().row()
        totals: dict[str, int] = {}
        stack = self.journal.undo_stack
        self._busy = True
        try:
            stack.beginMacro(self.tr("Merge %n people into %1", "", len(gone)).replace("%1", keep_name))
            try:
                for pid in gone:
                    for key, n in self.journal.merge_people(keep, pid).items():
                        totals[key] = totals.get(key, 0) + n
            finally:
                stack.endMacro()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Find duplicates"), str(exc))
            return False
        finally:
            self._busy = False
        self.merged += len(gone)
        self._history.append(len(gone))
        log.info("merged %d people into person %d", len(gone), keep)
        moved = (self.tr("%n contact point(s)", "", totals.get("contact_points", 0)),
                 self.tr("%n interaction(s)", "", totals.get("interactions", 0)),
                 self.tr("%n relationship(s)", "", totals.get("relationships", 0)))
        self.result_label.setText(self.tr("Merged %1 into %2 (#%3): moved %4, %5 and %6. Ctrl+Z undoes it.")
                                  .replace("%1", self.tr("%n person(s)", "", len(gone))).replace("%2", keep_name)
                                  .replace("%3", str(keep)).replace("%4", moved[0]).replace("%5", moved[1])
                                  .replace("%6", moved[2]))
        self.reload(row)
        return True

    def skip(self) -> None:
        """On to the next group (round to the first after the last)."""
        count = self.groups_model.rowCount()
        if count:
            row = (self.groups.currentIndex().row() + 1) % count
            self.groups.setCurrentIndex(self.groups_model.index(row, 0))
            self.table.setFocus()

    def not_the_same(self) -> None:
        """The people of this group are different people: remember it, and stop listing them."""
        group = self.current_group()
        if group is None:
            return
        row = self.groups.currentIndex().row()
        self.journal.mark_not_duplicates([p.id for p in group.people])
        self.result_label.setText(self.tr("%1 are different people: they will not be listed again. "
                                          "Ctrl+Z undoes it.").replace("%1", group.name))
        self.reload(row)

    def previous(self) -> None:
        count = self.groups_model.rowCount()
        if count:
            row = (self.groups.currentIndex().row() - 1) % count
            self.groups.setCurrentIndex(self.groups_model.index(row, 0))
            self.table.setFocus()

    def undo(self) -> None:
        """Undo the last merge made here (both people come back as they were)."""
        if not self._history or not self.journal.undo_stack.canUndo():
            return
        row = self.groups.currentIndex().row()
        self._busy = True
        try:
            self.journal.undo_stack.undo()
        finally:
            self._busy = False
        self.merged -= self._history.pop()
        self.result_label.setText(self.tr("Merge undone: both are back as they were."))
        self.reload(max(row, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys on the people table: K keep, Space leave out or put back, Enter/M merge, S skip, Ctrl+Z undo."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo):  # the dialog's shortcut, when the table has focus
                self.undo()
                return True
            key, mods = event.key(), event.modifiers()
            if mods & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier):
                return False
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_M):
                self.merge_current()
                return True
            if key in (Qt.Key.Key_S, Qt.Key.Key_PageDown, Qt.Key.Key_Right):
                self.skip()
                return True
            if key == Qt.Key.Key_N:
                self.not_the_same()
                return True
            if key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left):
                self.previous()
                return True
            if key == Qt.Key.Key_K:
                self.keep_row(self.table.currentIndex().row())
                return True
            if key == Qt.Key.Key_Space:
                self.members_model.toggle(self.table.currentIndex().row())
                self._sync_buttons()
                return True
        return super().eventFilter(watched, event)

    @classmethod
    def ask(cls, parent: QWidget | None, journal: Journal) -> int | None:
        """Show the dialog; how many people were merged away, or None when none were."""
        dialog = cls(journal, parent)
        try:
            dialog.exec()
            return dialog.merged or None
        finally:
            dialog.deleteLater()
