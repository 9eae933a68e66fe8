"""The import preview table: one row per incoming record, and what the import does with it.

Each row's last column is a choice (add as a new person / merge with someone / leave out), changed
with a combo box: select the row with the arrows and press Enter, Space or F2, pick with the arrows,
Enter again. Tab leaves the table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from relj.interop.engine.report import Decision, PreviewRow
from relj.ui.i18n import QT_TR_NOOP, tr

Index = QModelIndex | QPersistentModelIndex
#: One choice for a row: the decision and how it reads.
Choice = tuple[Decision, str]
_MAIL = ("mbox", "maildir", "eml")


def brings_text(row: PreviewRow, fmt: str) -> str:
    """What a record brings, in words: "2 email addresses, 1 phone number, a birthday"."""
    b = row.brings
    parts: list[str] = []
    if b["emails"]:
        parts.append(tr("%Ln email addresses", "", b["emails"]))
    if b["phones"]:
        parts.append(tr("%Ln phone numbers", "", b["phones"]))
    if b["addresses"]:
        parts.append(tr("%Ln postal addresses", "", b["addresses"]))
    if b["links"]:
        parts.append(tr("%Ln web links", "", b["links"]))
    if b["interests"]:
        parts.append(tr("%Ln interests", "", b["interests"]))
    if b["birthday"]:
        parts.append(tr("a birthday"))
    if b["organisation"]:
        parts.append(tr("where they work"))
    if b["events"] or not parts:
        n = b["events"]
        if fmt in _MAIL or fmt in ("sms", "whatsapp"):
            parts.append(tr("%Ln messages", "", n))
        elif fmt == "calls":
            parts.append(tr("%Ln calls", "", n))
        elif fmt == "ics":
            parts.append(tr("%Ln meetings", "", n))
        elif row.key.startswith("c:"):
            parts.append(tr("a name only"))
        else:
            parts.append(tr("%Ln interactions", "", n))
    return ", ".join(parts)


def _how(how: str) -> str:
    return {"email": tr("same email"), "phone": tr("same phone"), "name": tr("same name")}.get(how, "")


def choices_for(row: PreviewRow) -> list[Choice]:
    """What this row can become: a new person, one of the people it could join, or left out."""
    out: list[Choice] = [(("add", None), tr("Add as a new person"))]
    people = list(row.candidates)
    if row.match is not None and all(pid != row.match for pid, _, _ in people):
        people.insert(0, (row.match, row.match_name, row.matched_by))
    for pid, name, how in people:
        why = _how(how)
        label = tr("Merge with %1").replace("%1", name)
        out.append((("merge", pid), f"{label} ({why})" if why else label))
    out.append((("skip", None), tr("Leave out")))
    return out


def current_decision(row: PreviewRow) -> Decision:
    if row.action == "merge":
        return ("merge", row.match)
    return (row.action, None)


class ImportRowsModel(QAbstractTableModel):
    """The preview rows. Setting the action column's EditRole to a choice index emits
    ``decision_changed(key, decision)``; the dialog re-runs the preview with it."""

    NAME, BRINGS, ACTION = range(3)
    HEADERS = (QT_TR_NOOP("Name"), QT_TR_NOOP("What it brings"), QT_TR_NOOP("What happens"))
    ChoicesRole = Qt.ItemDataRole.UserRole + 1  # list[Choice] for the action column
    ObjectRole = Qt.ItemDataRole.UserRole + 2  # the PreviewRow
    SortRole = Qt.ItemDataRole.UserRole + 3

    decision_changed = Signal(str, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = []
        self._choices: list[list[Choice]] = []
        self._fmt = ""

    def set_rows(self, rows: list[PreviewRow], fmt: str) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._choices = [choices_for(r) for r in self._rows]
        self._fmt = fmt
        self.endResetModel()

    def row_of(self, key: str) -> int:
        for n, row in enumerate(self._rows):
            if row.key == key:
                return n
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return tr(self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.ACTION:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def action_text(self, n: int) -> str:
        row = self._rows[n]
        if row.action == "merge" and row.nothing_new:
            return tr("Already there: %1").replace("%1", row.match_name)
        if row.action == "add" and row.candidates:
            return tr("Add as a new person (a namesake is here)")
        decision = current_decision(row)
        for choice, label in self._choices[n]:
            if choice == decision:
                return label
        return self._choices[n][0][1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, self.SortRole):
            if col == self.NAME:
                return row.name
            if col == self.BRINGS:
                return brings_text(row, self._fmt)
            return self.action_text(index.row())
        if role == Qt.ItemDataRole.EditRole and col == self.ACTION:
            decision = current_decision(row)
            return next((n for n, (c, _) in enumerate(self._choices[index.row()]) if c == decision), 0)
        if role == self.ChoicesRole and col == self.ACTION:
            return self._choices[index.row()]
        if role == self.ObjectRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and col == self.BRINGS:
            return brings_text(row, self._fmt)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.ACTION:
            return tr("Enter, Space or F2 changes what happens to this row")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.ACTION:
            return False
        choices = self._choices[index.row()]
        if not isinstance(value, int) or not 0 <= value < len(choices):
            return False
        decision = choices[value][0]
        row = self._rows[index.row()]
        if decision == current_decision(row):
            return False
        row.action, row.match = decision[0], decision[1]
        row.nothing_new = False
        if decision[0] == "merge":
            row.match_name = next((name for pid, name, _ in row.candidates if pid == decision[1]), row.match_name)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.decision_changed.emit(row.key, decision)
        return True


class ActionDelegate(QStyledItemDelegate):
    """The action column: drawn as a combo box, edited with one."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        style = option.widget.style() if option.widget is not None else QApplication.style()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        combo = QStyleOptionComboBox()
        combo.rect = option.rect.adjusted(2, 2, -2, -2)
        combo.palette = option.palette
        combo.state = option.state | QStyle.StateFlag.State_Enabled
        combo.currentText = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        combo.frame = True
        style.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, combo, painter, option.widget)
        style.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, combo, painter, option.widget)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        editor.setAccessibleName(tr("What happens to %1").replace(
            "%1", str(index.model().index(index.row(), ImportRowsModel.NAME).data() or "")))
        for _choice, label in index.data(ImportRowsModel.ChoicesRole) or []:
            editor.addItem(label)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(int(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentIndex(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        editor.setGeometry(option.rect)


class ImportTable(QTableView):
    """The preview table: arrows move between rows; Enter, Space or F2 opens the row's choice;
    Tab leaves the table (it never traps the keyboard)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = ImportRowsModel(self)
        self.setModel(self.rows)
        self.setItemDelegateForColumn(ImportRowsModel.ACTION, ActionDelegate(self))
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.SelectedClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(ImportRowsModel.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ImportRowsModel.BRINGS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ImportRowsModel.ACTION, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ImportRowsModel.NAME, 150)
        header.resizeSection(ImportRowsModel.ACTION, 330)
        self.verticalHeader().setDefaultSectionSize(max(28, self.fontMetrics().height() + 14))
        self.setAccessibleName(tr("What the import will do, one row per person"))

    def edit_action(self) -> None:
        """Open the current row's choice."""
        current = self.currentIndex()
        if current.isValid():
            target = current.siblingAtColumn(ImportRowsModel.ACTION)
            self.setCurrentIndex(target)
            self.edit(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) \
                and self.state() != QAbstractItemView.State.EditingState and self.currentIndex().isValid():
            self.edit_action()
            event.accept()
            return
        super().keyPressEvent(event)
