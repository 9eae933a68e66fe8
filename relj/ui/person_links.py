"""The person page's interests and relationships: what they show and what the user asks of them.

Like the forms, these sections never write: they emit what was asked (add or remove an interest,
add, remove or open a relationship) and the page runs it through the Journal.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relj.domain import Person, RelationKind, Relationship
from relj.ui.focus_style import ring_sheet
from relj.ui.i18n import QT_TR_NOOP, tr
from relj.ui.journal import Journal
from relj.ui.roles import ObjectRole, PersonIdRole

# Directional kinds read "A is KIND of B".
_RELATION_WORDS = {
    RelationKind.PARENT: QT_TR_NOOP("parent of"),
    RelationKind.CHILD: QT_TR_NOOP("child of"),
    RelationKind.MANAGER: QT_TR_NOOP("manager of"),
    RelationKind.CLIENT: QT_TR_NOOP("client of"),
    RelationKind.INTRODUCED_BY: QT_TR_NOOP("introduced by"),
}


class InterestChips(QListWidget):
    """Interests as wrapping chips; Delete removes the selected one."""

    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(4)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._restyle()

    def _restyle(self) -> None:
        """Chips, and the app's focus ring around them while the list has the keyboard."""
        self.setStyleSheet(
            "QListWidget { background: transparent; }"
            "QListWidget::item { border: 1px solid palette(mid); border-radius: 10px; padding: 2px 8px; }"
            "QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"
            + ring_sheet("QListWidget", QApplication.palette())
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._restyle()  # light <-> dark while running
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and item is not None:
            self.remove_requested.emit(item.data(ObjectRole))
            return
        super().keyPressEvent(event)

    def fit_height(self) -> None:
        rows_h = 0
        if self.count():
            last = self.visualItemRect(self.item(self.count() - 1))
            first = self.visualItemRect(self.item(0))
            rows_h = last.bottom() - first.top() + 12
        self.setFixedHeight(max(30, rows_h))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_height()


class InterestsSection(QWidget):
    """The person's interests as chips (★ when I share one), a hint, and a field to add one."""

    add_requested = Signal(str)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chips = InterestChips()
        self.chips.setAccessibleName(self.tr("Interests"))
        self.chips.remove_requested.connect(self.remove_requested)
        self.add_edit = QLineEdit()
        self.add_edit.setAccessibleName(self.tr("Add an interest"))
        self.add_edit.setPlaceholderText(self.tr("Add an interest and press Enter"))
        self.add_edit.returnPressed.connect(self._add)
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.add_edit.setCompleter(completer)
        self.shared_hint = QLabel()
        self.shared_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.chips)
        column.addWidget(self.shared_hint)
        column.addWidget(self.add_edit)

    def _add(self) -> None:
        name = " ".join(self.add_edit.text().split())
        self.add_edit.clear()
        if name:
            self.add_requested.emit(name)

    def load(self, person: Person, shared: set[str], suggestions: list[str]) -> None:
        """Show ``person``'s interests; ``shared`` are also mine; ``suggestions`` complete the add field."""
        self.chips.clear()
        bold = QFont(self.chips.font())
        bold.setBold(True)
        for name in person.interests:
            mine = name in shared
            item = QListWidgetItem(("★ " if mine else "") + name)
            item.setData(ObjectRole, name)
            if mine:
                item.setFont(bold)
                item.setToolTip(self.tr("You share this"))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("%1, you share this").replace("%1", name))
            else:
                item.setToolTip(self.tr("Select and press Delete to remove"))
            self.chips.addItem(item)
        self.chips.fit_height()
        if shared:
            self.shared_hint.setText(self.tr("★ you share %n of these", "", len(shared)))
        else:
            self.shared_hint.setText(self.tr("No interests in common yet") if person.interests
                                     else self.tr("No interests noted yet"))
        self._names.setStringList([n for n in suggestions if n not in person.interests])


def relation_kind_text(kind: RelationKind) -> str:
    """How a kind reads in a sentence, translated: "parent of", "friend"."""
    return tr(_RELATION_WORDS.get(kind, kind.value))


class RelationshipDialog(QDialog):
    """Pick a person and a kind of relationship."""

    def __init__(self, parent: QWidget, journal: Journal, person: Person) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add relationship"))
        self.journal = journal
        self.person = person
        self._ids: dict[str, int] = {}
        names: list[str] = []
        seen: dict[str, int] = {}
        refs = [r for r in journal.store.person_refs() if r.id != person.id]
        for ref in refs:
            seen[ref.name] = seen.get(ref.name, 0) + 1
        for ref in refs:
            label = ref.name if seen[ref.name] == 1 else f"{ref.name} (#{ref.id})"
            self._ids[label.casefold()] = ref.id
            names.append(label)
        self.who = QLineEdit()
        self.who.setAccessibleName(self.tr("Other person"))
        self.who.setPlaceholderText(self.tr("Type a name"))
        completer = QCompleter(QStringListModel(names, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.who.setCompleter(completer)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of relationship"))
        for kind in RelationKind:
            self.kind.addItem(relation_kind_text(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(RelationKind.FRIEND.value))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note"))
        form = QFormLayout(self)
        form.addRow(self.tr("%1 is").replace("%1", person.display_name), self.kind)
        form.addRow(self.tr("Of / with"), self.who)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def other_id(self) -> int | None:
        return self._ids.get(self.who.text().strip().casefold())

    def accept(self) -> None:
        if self.other_id() is None:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose someone from the list."))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget, journal: Journal, person: Person) -> tuple[int, str, str] | None:
        dialog = cls(parent, journal, person)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        other = dialog.other_id()
        assert other is not None
        return other, dialog.kind.currentData(), dialog.note.text().strip()


class RelationshipsSection(QWidget):
    """Who the person is linked to; Enter opens the other person; Add… and Remove."""

    add_requested = Signal()
    remove_requested = Signal(object)
    person_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Relationships"))
        self.list.setFixedHeight(96)
        self.list.itemActivated.connect(self._open)
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setAccessibleName(self.tr("Add relationship"))
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove relationship"))
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)
        column.addLayout(buttons)

    def load(self, person_id: int, relations: list[Relationship]) -> None:
        self.list.clear()
        for rel in relations:
            other = rel.person_b if rel.person_a.id == person_id else rel.person_a
            if rel.kind in _RELATION_WORDS:
                text = f"{rel.person_a.name} · {relation_kind_text(rel.kind)} {rel.person_b.name}"
            else:
                text = f"{other.name} · {relation_kind_text(rel.kind)}"
            if rel.note:
                text += f" — {rel.note}"
            item = QListWidgetItem(text)
            item.setData(ObjectRole, rel)
            item.setData(PersonIdRole, other.id)
            item.setToolTip(self.tr("Enter or double-click opens %1").replace("%1", other.name))
            self.list.addItem(item)
        if not relations:
            item = QListWidgetItem(self.tr("No one linked yet"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(relations))

    def _remove(self) -> None:
        item = self.list.currentItem()
        rel = item.data(ObjectRole) if item else None
        if isinstance(rel, Relationship):
            self.remove_requested.emit(rel)

    def _open(self, item: QListWidgetItem) -> None:
        other = item.data(PersonIdRole)
        if isinstance(other, int):
            self.person_activated.emit(other)
