"""Quick log: driven by keys, as a user would, without a modal loop."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from relj.domain import Channel, Status
from relj.ui import quick_log
from relj.ui.journal import Journal
from relj.ui.quick_log import QuickLogDialog, parse_day

TODAY = dt.date(2025, 3, 12)  # a Wednesday


@pytest.fixture
def journal(store, monkeypatch):
    monkeypatch.setenv("RELJ_TODAY", TODAY.isoformat())
    ana = store.add_person("Ana Lima", emails=["ana@example.org"])
    store.add_person("Bruno Silva", emails=["bruno@example.org"], nickname="Bru")
    store.add_person("Carla Costa")
    store.add_person("Andrea Ferraz")
    store.log_interaction(Channel.VIDEO, [ana.id], TODAY - dt.timedelta(days=30))
    return Journal(store)


@pytest.fixture
def dialog(qtbot, journal):
    def make(person_ids=()):
        dlg = QuickLogDialog(journal, person_ids)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        dlg.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        return dlg

    return make


class Keys:
    """Sends keys to whatever has focus, as a keyboard does, and counts them."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.count = 0

    def type(self, text: str) -> None:
        for ch in text:
            self.qtbot.keyClicks(QApplication.focusWidget(), ch)
            self.count += 1

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        self.count += 1


def person_id(store, name):
    return store.resolve(name).id


def test_coffee_with_someone_new_takes_under_ten_keystrokes(qtbot, journal, dialog):
    """Ctrl+L, "ca", Enter (completes Carla, moves to the channel row), i (in person), Enter."""
    keys = Keys(qtbot)
    keys.count += 1  # Ctrl+L, pressed in the main window, opens the dialog
    dlg = dialog()
    assert QApplication.focusWidget() is dlg.who
    keys.type("ca")
    assert dlg.completer.is_open()
    keys.press(Qt.Key.Key_Return)
    assert dlg.who.text() == "Carla Costa"
    assert QApplication.focusWidget() is dlg.channels
    assert not dlg.ok.isEnabled()  # Carla has no history: no channel is guessed
    keys.press(Qt.Key.Key_I)
    assert dlg.channels.channel() is Channel.IN_PERSON
    keys.press(Qt.Key.Key_Return)

    assert keys.count == 6
    assert keys.count < 10
    assert dlg.result() == QDialog.DialogCode.Accepted
    logged = dlg.interaction
    assert logged is not None
    assert [p.name for p in logged.participants] == ["Carla Costa"]
    assert logged.channel is Channel.IN_PERSON
    assert logged.occurred_on == TODAY
    assert logged.status is Status.DONE
    assert journal.store.interactions_for_person(person_id(journal.store, "Carla Costa")) == [logged]
    assert journal.undo_stack.canUndo()


def test_default_channel_is_the_last_one_used(qtbot, journal, dialog):
    keys = Keys(qtbot)
    dlg = dialog()
    keys.type("ana")
    keys.press(Qt.Key.Key_Return)
    assert dlg.who.text() == "Ana Lima"
    assert dlg.channels.channel() is Channel.VIDEO
    assert dlg.channels.buttons[Channel.VIDEO].isChecked()
    assert "Video" in dlg.channel_hint.text()
    assert dlg.ok.isEnabled()
    keys.press(Qt.Key.Key_Return)
    assert dlg.interaction.channel is Channel.VIDEO
    assert keys.count == 5


def test_no_history_means_no_channel_and_log_disabled(qtbot, journal, dialog):
    carla = person_id(journal.store, "Carla Costa")
    dlg = dialog([carla])
    assert dlg.who.text() == "Carla Costa"
    assert QApplication.focusWidget() is dlg.channels  # who is known: straight to the channel
    assert dlg.channels.channel() is None
    assert not any(b.isChecked() for b in dlg.channels.buttons.values())
    assert not dlg.ok.isEnabled()
    qtbot.keyClick(dlg.channels, Qt.Key.Key_Return)  # Enter without a channel says why
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.error.isVisible() and "How" in dlg.error.text()
    assert journal.store.interaction_count() == 1
    qtbot.keyClick(dlg.channels, Qt.Key.Key_P)
    assert dlg.ok.isEnabled()


def test_letters_in_who_are_not_channel_keys(qtbot, journal, dialog):
    dlg = dialog()
    qtbot.keyClicks(dlg.who, "vip")
    assert dlg.channels.channel() is None
    assert dlg.who.text() == "vip"


def test_several_people(qtbot, journal, dialog):
    keys = Keys(qtbot)
    dlg = dialog()
    keys.type("ana,")  # a comma takes the suggestion and starts the next person
    assert dlg.who.text() == "Ana Lima, "
    keys.type("bru")  # nickname
    keys.press(Qt.Key.Key_Return)
    assert dlg.who.text() == "Ana Lima, Bruno Silva"
    assert QApplication.focusWidget() is dlg.channels
    keys.press(Qt.Key.Key_T)
    keys.press(Qt.Key.Key_Return)
    logged = dlg.interaction
    assert sorted(p.name for p in logged.participants) == ["Ana Lima", "Bruno Silva"]
    assert logged.channel is Channel.TEXT


def test_completion_by_email_and_arrow_keys(qtbot, journal, dialog):
    dlg = dialog()
    qtbot.keyClicks(dlg.who, "an")
    names = [dlg.completer.model.candidate(r).text for r in range(dlg.completer.model.rowCount())]
    assert names[:2] == ["Ana Lima", "Andrea Ferraz"]  # Ana was seen recently
    qtbot.keyClick(dlg.who, Qt.Key.Key_Down)
    qtbot.keyClick(dlg.who, Qt.Key.Key_Return)
    assert dlg.who.text() == "Andrea Ferraz"
    dlg.who.clear()
    qtbot.keyClicks(dlg.who, "bruno@ex")
    assert dlg.completer.current_candidate().text == "Bruno Silva"
    assert dlg.completer.current_candidate().detail == "bruno@example.org"


def test_typed_name_and_email_resolve_without_completion(qtbot, journal, dialog):
    dlg = dialog()
    dlg.who.setText("ana@example.org, Carla Costa")
    assert dlg._people_ids == [person_id(journal.store, "Ana Lima"), person_id(journal.store, "Carla Costa")]


def test_back_dating(qtbot, journal, dialog):
    dlg = dialog([person_id(journal.store, "Ana Lima")])
    qtbot.keyClick(dlg.channels, Qt.Key.Key_Minus)  # - in the channel row: a day earlier
    assert dlg.date.day() == TODAY - dt.timedelta(days=1)
    qtbot.keyClick(dlg.channels, Qt.Key.Key_Minus)
    assert dlg.date.day() == TODAY - dt.timedelta(days=2)
    dlg.date.setFocus()
    qtbot.keyClick(dlg.date, Qt.Key.Key_Up)
    assert dlg.date.day() == TODAY - dt.timedelta(days=1)
    assert dlg.date.text() == "yesterday"
    dlg.date.selectAll()
    qtbot.keyClicks(dlg.date, "mon")
    assert dlg.date.day() == dt.date(2025, 3, 10)
    qtbot.keyClick(dlg.date, Qt.Key.Key_Return)
    assert dlg.interaction.occurred_on == dt.date(2025, 3, 10)


def test_alt_shortcuts_work_from_any_field(qtbot, journal, dialog):
    dlg = dialog()
    dlg.note.setFocus()
    qtbot.keyClick(dlg.note, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    assert dlg.channels.channel() is Channel.EMAIL
    qtbot.keyClick(dlg.note, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert dlg.date.day() == TODAY - dt.timedelta(days=1)
    assert dlg.note.toPlainText() == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", TODAY),
        ("today", TODAY),
        ("y", TODAY - dt.timedelta(days=1)),
        ("Yesterday", TODAY - dt.timedelta(days=1)),
        ("-2", TODAY - dt.timedelta(days=2)),
        ("3d", TODAY - dt.timedelta(days=3)),
        ("1w", TODAY - dt.timedelta(days=7)),
        ("+3", TODAY + dt.timedelta(days=3)),
        ("tomorrow", TODAY + dt.timedelta(days=1)),
        ("mon", dt.date(2025, 3, 10)),
        ("wed", dt.date(2025, 3, 5)),  # today is a Wednesday: the one before
        ("friday", dt.date(2025, 3, 7)),
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("nonsense", None),
        ("2024-02-30", None),
    ],
)
def test_parse_day(text, expected):
    assert parse_day(text, TODAY) == expected


def test_ctrl_enter_logs_from_the_note(qtbot, journal, dialog):
    dlg = dialog([person_id(journal.store, "Ana Lima")])
    dlg.note.setFocus()
    qtbot.keyClicks(dlg.note, "coffee")
    qtbot.keyClick(dlg.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(dlg.note, "at the market")
    qtbot.keyClick(dlg.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.interaction.note == "coffee\nat the market"
    assert dlg.interaction.channel is Channel.VIDEO


def test_ctrl_enter_from_who(qtbot, journal, dialog):
    dlg = dialog()
    qtbot.keyClicks(dlg.who, "Ana Lima")
    qtbot.keyClick(dlg.who, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert dlg.interaction is not None and dlg.interaction.channel is Channel.VIDEO


def test_escape_writes_nothing(qtbot, journal, dialog):
    dlg = dialog()
    qtbot.keyClicks(dlg.who, "ana")
    qtbot.keyClick(dlg.who, Qt.Key.Key_Escape)  # first Esc closes the suggestions
    assert not dlg.completer.is_open()
    assert dlg.isVisible()
    qtbot.keyClick(dlg.who, Qt.Key.Key_Escape)
    assert dlg.result() == QDialog.DialogCode.Rejected
    assert not dlg.isVisible()
    assert journal.store.interaction_count() == 1
    assert not journal.undo_stack.canUndo()


def test_future_date_plans_a_meeting(qtbot, journal, dialog):
    dlg = dialog([person_id(journal.store, "Ana Lima")])
    dlg.date.setText("+7")
    assert dlg.ok.text() == "Plan"
    qtbot.keyClick(dlg.channels, Qt.Key.Key_I)
    qtbot.keyClick(dlg.channels, Qt.Key.Key_Return)
    assert dlg.interaction.status is Status.PLANNED
    assert dlg.interaction.occurred_on == TODAY + dt.timedelta(days=7)


def test_more_details(qtbot, journal, dialog):
    dlg = dialog([person_id(journal.store, "Ana Lima")])
    dlg.more_button.setChecked(True)
    assert dlg.more.isVisible()
    dlg.place.setText("Café Central")  # QTest cannot type é
    dlg.duration.setValue(45)
    qtbot.keyClick(dlg.place, Qt.Key.Key_Return)
    assert dlg.interaction.place == "Café Central"
    assert dlg.interaction.duration_min == 45


def test_unknown_name_offers_a_new_person(qtbot, journal, dialog, monkeypatch):
    created = {}

    def fake_ask(parent, journal_, *, name=""):
        created["name"] = name
        return journal_.add_person("Zed Zimmer")

    monkeypatch.setattr(quick_log.NewPersonDialog, "ask", staticmethod(fake_ask))
    dlg = dialog()
    qtbot.keyClicks(dlg.who, "zed")
    assert dlg.completer.current_candidate().person_id == quick_log.NEW_PERSON
    qtbot.keyClick(dlg.who, Qt.Key.Key_Return)
    assert created == {"name": "zed"}
    assert dlg.who.text() == "Zed Zimmer"
    assert QApplication.focusWidget() is dlg.channels


def test_unknown_name_is_an_inline_problem(qtbot, journal, dialog):
    dlg = dialog()
    dlg.who.setText("Nobody Here")
    dlg.channels.choose_key("i")
    assert not dlg.ok.isEnabled()
    dlg.submit()
    assert dlg.error.isVisible() and "Nobody Here" in dlg.error.text()
    assert journal.store.interaction_count() == 1


def test_ask_returns_the_interaction(qtbot, journal, monkeypatch):
    ana = person_id(journal.store, "Ana Lima")

    def fake_exec(self):
        self.submit()
        return self.result()

    monkeypatch.setattr(QuickLogDialog, "exec", fake_exec)
    logged = QuickLogDialog.ask(None, journal, [ana])
    assert logged is not None and logged.channel is Channel.VIDEO
    monkeypatch.setattr(QuickLogDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert QuickLogDialog.ask(None, journal, [ana]) is None


def test_every_input_has_an_accessible_name(qtbot, journal, dialog):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit

    dlg = dialog()
    inputs = [w for kind in (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton)
              for w in dlg.findChildren(kind)
              if not isinstance(w.parent(), (QAbstractSpinBox, QComboBox))]  # their inner line edits
    assert len(inputs) > 12
    assert [w for w in inputs if not w.accessibleName()] == []
