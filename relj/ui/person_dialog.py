"""New person (Ctrl+N): a name and, optionally, emails, phones, circle, organisation, interests and notes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from relj.domain import CIRCLES, DEFAULT_CIRCLE, Person, normalise_email
from relj.errors import UserError
from relj.ui.completer import TokenCompleter, interest_source, split_tokens
from relj.ui.i18n import tr
from relj.ui.journal import Journal
from relj.ui.palettes import error_style
from relj.ui.widgets import buddy_label


def error_text(exc: BaseException) -> str:
    """A UserError's own message, without the wrapper PySide adds when it passes through a C++ call."""
    text = str(exc)
    marker = "Error calling Python override of "
    if text.startswith(marker) and "): " in text:
        text = text.split("): ", 1)[1]
    return text


class NewPersonDialog(QDialog):
    """Add a person through the journal (undoable with Ctrl+Z).

    Only the name is required. Emails and phones are comma-separated; each email is checked
    against the journal as it is typed, so a duplicate or malformed address is shown under its
    field and nothing is written until it is fixed.
    """

    def __init__(self, journal: Journal, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        self.journal = journal
        self.store = journal.store
        self.person: Person | None = None
        self.setWindowTitle(self.tr("New person"))
        self.setAccessibleName(self.tr("New person"))
        self.setMinimumWidth(460)

        self.name = QLineEdit(name, self)
        self.name.setObjectName("name")
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("Required"))
        self.emails = QLineEdit(self)
        self.emails.setObjectName("emails")
        self.emails.setAccessibleName(self.tr("Emails"))
        self.emails.setPlaceholderText(self.tr("ana@example.org, ana@work.example"))
        self.email_error = self._error_label(self.tr("Email problem"))
        self.phones = QLineEdit(self)
        self.phones.setAccessibleName(self.tr("Phones"))
        self.phones.setPlaceholderText(self.tr("Separate several with commas"))
        self.circle = QComboBox(self)
        self.circle.setAccessibleName(self.tr("Circle"))
        self.circle.addItem(self.tr("No circle"), None)
        for circle in CIRCLES:
            self.circle.addItem(tr(circle), circle)
        self.organisation = QLineEdit(self)
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.interests = QLineEdit(self)
        self.interests.setObjectName("interests")
        self.interests.setAccessibleName(self.tr("Interests"))
        self.interests.setPlaceholderText(self.tr("climbing, jazz, …"))
        self.interest_completer = TokenCompleter(self.interests, interest_source(self.store), multi=True, parent=self)
        self.notes = QPlainTextEdit(self)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        self.error = self._error_label(self.tr("Problem"))

        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setAccessibleName(self.tr("Add person"))
        self.ok.setToolTip(self.tr("Add (Enter, or Ctrl+Enter from the notes)"))
        self.ok.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.ok.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self._label(self.tr("&Name"), self.name), self.name)
        form.addRow(self._label(self.tr("&Emails"), self.emails), self.emails)
        form.addRow("", self.email_error)
        form.addRow(self._label(self.tr("&Phones"), self.phones), self.phones)
        form.addRow(self._label(self.tr("&Circle"), self.circle), self.circle)
        form.addRow(self._label(self.tr("&Organisation"), self.organisation), self.organisation)
        form.addRow(self._label(self.tr("&Interests"), self.interests), self.interests)
        form.addRow(self._label(self.tr("No&tes"), self.notes), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.name.textChanged.connect(self._update)
        self.emails.textChanged.connect(self._update)
        self.notes.installEventFilter(self)
        self._update()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def ask(cls, parent: QWidget | None, journal: Journal, *, name: str = "") -> Person | None:
        """Show the dialog; the person added (through the journal, undoable), or None."""
        dialog = cls(journal, parent, name=name)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.person
            return None
        finally:
            dialog.deleteLater()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        return buddy_label(self, text, buddy)

    def _error_label(self, accessible_name: str) -> QLabel:
        label = QLabel(self)
        label.setAccessibleName(accessible_name)
        label.setWordWrap(True)
        label.setStyleSheet(error_style(self.palette()))
        label.hide()
        return label

    # -- validation ------------------------------------------------------------------------
    def email_problem(self) -> str:
        """The first problem with the emails typed, or an empty string."""
        seen: set[str] = set()
        for email in split_tokens(self.emails.text()):
            norm = normalise_email(email)
            if norm in seen:
                return self.tr("%1 is given twice").replace("%1", email)
            seen.add(norm)
            problem = self.store.email_problem(email)
            if problem:
                return problem
        return ""

    def _update(self) -> None:
        problem = self.email_problem()
        self.email_error.setText(problem)
        self.email_error.setVisible(bool(problem))
        self.ok.setEnabled(bool(self.name.text().strip()) and not problem)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.notes
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)

    def submit(self) -> None:
        """Add the person, or show what is wrong and write nothing."""
        name = self.name.text().strip()
        problem = "" if name else self.tr("A person needs a name.")
        problem = problem or self.email_problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            (self.name if not name else self.emails).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        fields = {
            "emails": split_tokens(self.emails.text()),
            "phones": split_tokens(self.phones.text()),
            "interests": split_tokens(self.interests.text()),
            "circle": self.circle.currentData() or DEFAULT_CIRCLE,
            "organisation": self.organisation.text().strip(),
            "notes": self.notes.toPlainText().strip(),
        }
        try:
            self.person = self.journal.add_person(name, **fields)
        except UserError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.accept()
