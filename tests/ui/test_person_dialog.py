"""New person dialog: inline validation, undoable add, nothing written on a mistake."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from relj.ui.journal import Journal
from relj.ui.person_dialog import NewPersonDialog, error_text


@pytest.fixture
def journal(store):
    store.add_person("Ana Lima", emails=["ana@example.org"], interests=["climbing", "jazz"])
    store.add_person("Bruno Silva", interests=["climbing"])
    return Journal(store)


@pytest.fixture
def dialog(qtbot, journal):
    dlg = NewPersonDialog(journal)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_add_with_everything(qtbot, journal, dialog):
    assert not dialog.ok.isEnabled()  # a name is required
    qtbot.keyClicks(dialog.name, "Carla Costa")
    assert dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.emails, "carla@example.org, Carla@Work.example")
    qtbot.keyClicks(dialog.phones, "+351 912 345 678")
    dialog.circle.setCurrentIndex(dialog.circle.findData("friends"))
    qtbot.keyClicks(dialog.organisation, "Acme")
    qtbot.keyClicks(dialog.interests, "cl")
    assert dialog.interest_completer.current_candidate().text == "climbing"
    qtbot.keyClick(dialog.interests, Qt.Key.Key_Comma)
    qtbot.keyClicks(dialog.interests, "chess")
    dialog.notes.setPlainText("Met at the climbing gym")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.result() == QDialog.DialogCode.Accepted
    person = dialog.person
    assert person.display_name == "Carla Costa"
    assert person.emails == ("carla@example.org", "Carla@Work.example")
    assert person.phones == ("+351 912 345 678",)
    assert person.circle == "friends"
    assert person.organisation == "Acme"
    assert person.interests == ("chess", "climbing")
    assert person.notes == "Met at the climbing gym"
    journal.undo_stack.undo()
    assert not journal.store.person_exists(person.id)


def test_enter_in_name_adds_with_default_circle(qtbot, journal, dialog):
    qtbot.keyClicks(dialog.name, "Dora")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.person.circle is None
    assert dialog.person.circle_name == "default"


def test_duplicate_email_is_shown_and_nothing_added(qtbot, journal, dialog):
    before = journal.store.person_count()
    qtbot.keyClicks(dialog.name, "Another Ana")
    qtbot.keyClicks(dialog.emails, "ANA@example.org")
    assert dialog.email_error.isVisible()
    assert "already belongs to Ana Lima" in dialog.email_error.text()
    assert not dialog.ok.isEnabled()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    dialog.submit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert journal.store.person_count() == before
    assert not journal.undo_stack.canUndo()  # no half-done command to undo


@pytest.mark.parametrize("emails", ["not-an-email", "a@b.org, A@B.org"])
def test_bad_emails_are_inline_errors(qtbot, journal, dialog, emails):
    qtbot.keyClicks(dialog.name, "Eve")
    dialog.emails.setText(emails)
    assert dialog.email_error.isVisible() and dialog.email_error.text()
    dialog.submit()
    assert dialog.person is None
    assert journal.store.person_count() == 2


def test_store_error_is_shown_not_raised(qtbot, journal, dialog, monkeypatch):
    from relj.errors import UserError

    def refuse(*_args, **_kwargs):
        raise UserError("Error calling Python override of QUndoCommand::redo(): could not write the journal")

    monkeypatch.setattr(journal, "add_person", refuse)
    qtbot.keyClicks(dialog.name, "Fay")
    dialog.submit()
    assert dialog.error.text() == "could not write the journal"
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_error_text_unwraps_pyside_messages():
    assert error_text(ValueError("plain")) == "plain"
    assert error_text(ValueError("Error calling Python override of QUndoCommand::redo(): x (#1)")) == "x (#1)"


def test_ask(qtbot, journal, monkeypatch):
    def fake_exec(self):
        self.name.setText("Gil")
        self.submit()
        return self.result()

    monkeypatch.setattr(NewPersonDialog, "exec", fake_exec)
    assert NewPersonDialog.ask(None, journal).display_name == "Gil"
    monkeypatch.setattr(NewPersonDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert NewPersonDialog.ask(None, journal, name="Hal") is None
    assert not any(p.display_name == "Hal" for p in journal.store.people())


def test_prefilled_name(qtbot, journal):
    dlg = NewPersonDialog(journal, name="Zed")
    qtbot.addWidget(dlg)
    assert dlg.name.text() == "Zed" and dlg.ok.isEnabled()


def test_every_input_has_an_accessible_name(qtbot, dialog):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit

    inputs = [w for kind in (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton) for w in dialog.findChildren(kind)
              if not isinstance(w.parent(), QComboBox)]
    assert [w for w in inputs if not w.accessibleName()] == []
