"""The person page's forms: details, contact points and rhythm. They show a person and say what was edited.

The forms never write: each emits ``edited`` and the page sends the change through the Journal,
so every edit is one undoable command whatever form it came from.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from relj.domain import CIRCLES, UNSORTED, ContactKind, Person
from relj.ui.i18n import circle_label


class NoteEdit(QPlainTextEdit):
    """A plain text edit that reports when the user leaves it, like QLineEdit.editingFinished."""

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab leaves the box (issue 14: focus never trapped)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+Enter commits without leaving the field; Tab moves on instead of typing a tab.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.editing_finished.emit()
            return
        if event.key() == Qt.Key.Key_Tab and not event.modifiers():
            self.focusNextChild()
            return
        if event.key() == Qt.Key.Key_Backtab:
            self.focusPreviousChild()
            return
        super().keyPressEvent(event)


TextField = QLineEdit | QPlainTextEdit


def text_of(widget: TextField) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


def put_text(widget: TextField, text: str, focused: QWidget | None) -> None:
    """Show ``text`` in a field, unless the user is typing in it (a reload must not eat their edit)."""
    if widget is focused:
        return
    if isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != text:
            widget.setPlainText(text)
    elif widget.text() != text:
        widget.setText(text)
        widget.setCursorPosition(0)


def section_title(title: str) -> QLabel:
    """A bold heading above one part of the page."""
    label = QLabel(title)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.05)
    label.setFont(font)
    label.setContentsMargins(0, 10, 0, 2)
    return label


def _form(parent: QWidget) -> QFormLayout:
    form = QFormLayout(parent)
    form.setContentsMargins(0, 0, 0, 0)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
    return form


class DetailsForm(QWidget):
    """Circle, organisation, role, how we met, birthday and notes. ``edited(key, value)`` per field left."""

    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person_details_form")
        form = _form(self)
        self.circle_combo = QComboBox()
        self.circle_combo.setAccessibleName(self.tr("Circle"))
        self.circle_combo.activated.connect(lambda _i: self.edited.emit("circle", self.circle_combo.currentData()))
        form.addRow(self.tr("Circle"), self.circle_combo)
        self.fields: dict[str, QLineEdit] = {}
        for key, label, hint in (
            ("organisation", self.tr("Organisation"), ""),
            ("role", self.tr("Role"), ""),
            ("how_met", self.tr("How we met"), self.tr("e.g. university, climbing gym")),
            ("birthday", self.tr("Birthday"), self.tr("20 December, or 20 December 1990")),
        ):
            edit = QLineEdit()
            edit.setAccessibleName(label)
            edit.setPlaceholderText(hint)
            edit.editingFinished.connect(lambda key=key, edit=edit: self.edited.emit(key, edit.text()))
            self.fields[key] = edit
            form.addRow(label, edit)
        self.notes = NoteEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr("Anything worth remembering"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(84)
        self.notes.editing_finished.connect(lambda: self.edited.emit("notes", self.notes.toPlainText()))
        form.addRow(self.tr("Notes"), self.notes)

    def load(self, person: Person, circles_in_use: list[str], focused: QWidget | None) -> None:
        put_text(self.fields["organisation"], person.organisation, focused)
        put_text(self.fields["role"], person.role, focused)
        put_text(self.fields["how_met"], person.how_met, focused)
        from relj.ui.person_loop import birthday_text

        put_text(self.fields["birthday"], birthday_text(person.birthday), focused)
        put_text(self.notes, person.notes, focused)
        self._fill_circles(person.circle, circles_in_use)

    def _fill_circles(self, circle: str | None, in_use: list[str]) -> None:
        combo = self.circle_combo
        values = [*CIRCLES, *[c for c in in_use if c not in CIRCLES and c not in ("default", UNSORTED)]]
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("No circle"), None)
        for value in values:
            combo.addItem(circle_label(value), value)
        combo.setCurrentIndex(max(0, combo.findData(circle)) if circle else 0)
        combo.blockSignals(False)


class ContactsForm(QWidget):
    """Emails, phones and links (comma-separated) and addresses (one a line). ``edited(kind)`` per field left."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person_contacts_form")
        form = _form(self)
        self.edits: dict[ContactKind, TextField] = {}
        for kind, label, hint in (
            (ContactKind.EMAIL, self.tr("Emails"), self.tr("separate with commas")),
            (ContactKind.PHONE, self.tr("Phones"), self.tr("separate with commas")),
            (ContactKind.URL, self.tr("Links"), self.tr("separate with commas")),
        ):
            edit = QLineEdit()
            edit.setAccessibleName(label)
            edit.setPlaceholderText(hint)
            edit.editingFinished.connect(lambda kind=kind: self.edited.emit(kind))
            self.edits[kind] = edit
            form.addRow(label, edit)
        addresses = NoteEdit()
        addresses.setAccessibleName(self.tr("Addresses"))
        addresses.setPlaceholderText(self.tr("one address per line"))
        addresses.setFixedHeight(52)
        addresses.editing_finished.connect(lambda: self.edited.emit(ContactKind.ADDRESS))
        self.edits[ContactKind.ADDRESS] = addresses
        form.addRow(self.tr("Addresses"), addresses)

    @staticmethod
    def _separator(kind: ContactKind) -> str:
        return "\n" if kind is ContactKind.ADDRESS else ","

    def values(self, kind: ContactKind) -> list[str]:
        """The values typed in ``kind``'s field, trimmed, empty ones left out."""
        return [v.strip() for v in text_of(self.edits[kind]).split(self._separator(kind)) if v.strip()]

    def load(self, person: Person, focused: QWidget | None) -> None:
        for kind, edit in self.edits.items():
            values = [c.value for c in person.contacts if c.kind is kind]
            joiner = "\n" if kind is ContactKind.ADDRESS else ", "
            put_text(edit, joiner.join(values), focused)


class RhythmForm(QWidget):
    """How often to meet or talk, paused, writing is enough. ``edited(key, value)`` on each change."""

    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person_rhythm_form")
        self.rich_spin = self._cadence_spin(self.tr("Meet or talk every"), "cadence_rich_days")
        self.any_spin = self._cadence_spin(self.tr("Any contact every"), "cadence_any_days")
        self.paused_box = QCheckBox(self.tr("Paused: leave them out of Reconnect"))
        self.paused_box.setAccessibleName(self.tr("Paused"))
        self.paused_box.toggled.connect(lambda on: self.edited.emit("paused", on))
        self.written_ok_box = QCheckBox(self.tr("Writing is enough with them"))
        self.written_ok_box.setAccessibleName(self.tr("Writing is enough"))
        self.written_ok_box.toggled.connect(lambda on: self.edited.emit("written_ok", on))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Meet or talk every"), self.rich_spin)
        form.addRow(self.tr("Any contact every"), self.any_spin)
        form.addRow(self.paused_box)
        form.addRow(self.written_ok_box)

    def _cadence_spin(self, label: str, key: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setAccessibleName(label)
        spin.setRange(0, 3650)
        spin.setSpecialValueText(self.tr("usual for the circle"))
        spin.setSuffix(self.tr(" days"))
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(lambda v, key=key: self.edited.emit(key, v or None))
        return spin

    def load(self, person: Person, focused: QWidget | None) -> None:
        for spin, value in ((self.rich_spin, person.cadence_rich_days), (self.any_spin, person.cadence_any_days)):
            if spin is not focused:
                spin.blockSignals(True)
                spin.setValue(value or 0)
                spin.blockSignals(False)
        for box, on in ((self.paused_box, person.paused), (self.written_ok_box, person.written_ok)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
