"""Command palette: people by name or email, actions by fuzzy text, fast at 10,000 people."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from relj.domain import Channel
from relj.store import bulk
from relj.ui.completer import people_source
from relj.ui.journal import Journal
from relj.ui.palette import CommandPalette, PaletteResult, action_text, fuzzy_score


@pytest.fixture
def journal(store):
    ana = store.add_person("Ana Lima", emails=["ana.lima@example.org"])
    store.add_person("Bruno Silva", emails=["bruno@work.example"], nickname="Bru")
    store.add_person("Иван Петров")
    store.log_interaction(Channel.PHONE, [ana.id], dt.date(2025, 1, 1))
    return Journal(store)


@pytest.fixture
def actions(qtbot):
    made = []
    for text, shortcut in (("&New person…", "Ctrl+N"), ("&Quick log…", "Ctrl+L"), ("Show &timeline", "Ctrl+4"),
                           ("&Undo", "Ctrl+Z"), ("E&xport journal…", "")):
        action = QAction(text)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        made.append(action)
    disabled = QAction("&Redo")
    disabled.setEnabled(False)
    made.append(disabled)
    return made


@pytest.fixture
def palette(qtbot, journal, actions):
    dlg = CommandPalette(journal, actions)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def rows(dlg):
    return [dlg.model.entry(r) for r in range(dlg.model.rowCount())]


def test_finds_a_person_by_email_prefix(qtbot, palette, journal):
    qtbot.keyClicks(palette.search, "bruno@wo")
    first = rows(palette)[0]
    assert (first.text, first.detail) == ("Bruno Silva", "bruno@work.example")
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert palette.result() == QDialog.DialogCode.Accepted
    assert palette.result_ == PaletteResult(person_id=journal.store.resolve("Bruno Silva").id)


def test_finds_a_person_by_nickname_and_non_latin_name(qtbot, palette):
    qtbot.keyClicks(palette.search, "bru")
    assert rows(palette)[0].text == "Bruno Silva"
    palette.search.setText("ив")
    assert [e.text for e in rows(palette)] == ["Иван Петров"]


def test_finds_an_action_at_word_starts(qtbot, palette, actions):
    qtbot.keyClicks(palette.search, "np")  # the initials: New person
    assert rows(palette)[0].action is actions[0]
    palette.search.clear()
    qtbot.keyClicks(palette.search, "show tim")  # word prefixes
    first = rows(palette)[0]
    assert first.action is actions[2]
    assert first.detail == QKeySequence("Ctrl+4").toString(QKeySequence.SequenceFormat.NativeText)
    qtbot.keyClick(palette.search, Qt.Key.Key_Enter)
    assert palette.result_ == PaletteResult(action=actions[2])


def test_disabled_actions_are_not_offered(qtbot, palette):
    qtbot.keyClicks(palette.search, "redo")
    assert all(e.text != "Redo" for e in rows(palette))


def test_arrow_keys_and_escape(qtbot, palette, journal):
    assert palette.model.rowCount() > 2  # nothing typed: recent people and every action
    assert palette.list.currentIndex().row() == 0
    qtbot.keyClick(palette.search, Qt.Key.Key_Down)
    assert palette.list.currentIndex().row() == 1
    qtbot.keyClick(palette.search, Qt.Key.Key_Up)
    qtbot.keyClick(palette.search, Qt.Key.Key_Up)  # wraps to the last row
    assert palette.list.currentIndex().row() == palette.model.rowCount() - 1
    qtbot.keyClick(palette.search, Qt.Key.Key_Escape)
    assert palette.result() == QDialog.DialogCode.Rejected
    assert palette.result_ is None


def test_empty_query_shows_recent_people_and_actions(palette, journal):
    entries = rows(palette)
    assert entries[0].text == "Ana Lima"  # the only one with a logged contact
    assert [e.text for e in entries if e.action is not None][:2] == ["New person", "Quick log"]


def test_nothing_found_says_what_to_do(qtbot, palette):
    qtbot.keyClicks(palette.search, "zzzqqq")
    assert palette.model.rowCount() == 0
    assert palette.empty.isVisible() and "Ctrl+N" in palette.empty.text()


@pytest.mark.parametrize(
    ("query", "text", "score"),
    [("new", "New person", 0), ("per", "New person", 1), ("n p", "New person", 1),
     ("np", "New person", 2), ("nwp", "New person", None), ("erso", "New person", None),
     ("pw", "New person", None), ("", "Anything", 0)],
)
def test_fuzzy_score(query, text, score):
    assert fuzzy_score(query, text) == score


def test_action_text_drops_mnemonics():
    assert action_text(QAction("Save && &quit…")) == "Save & quit"


def test_ask(qtbot, journal, actions, monkeypatch):
    def fake_exec(self):
        self.search.setText("quick")
        self.choose(self.current())
        return self.result()

    monkeypatch.setattr(CommandPalette, "exec", fake_exec)
    assert CommandPalette.ask(None, journal, actions) == PaletteResult(action=actions[1])
    monkeypatch.setattr(CommandPalette, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert CommandPalette.ask(None, journal, actions) is None


def test_typing_narrows_ten_thousand_people(qtbot, store, actions):
    first = ["Ana", "Bruno", "Carla", "Diego", "Eva", "Fatima", "Gustavo", "Helena", "Igor", "Joana"]
    last = ["Lima", "Silva", "Costa", "Santos", "Pereira", "Oliveira", "Martins", "Sousa"]
    bulk.add_people(store, [
        (f"{first[i % 10]} {last[(i // 10) % 8]} {i}", [f"{first[i % 10].lower()}.{i}@example.org"])
        for i in range(10_000)
    ])
    assert store.person_count() == 10_000
    journal = Journal(store)
    dlg = CommandPalette(journal, actions)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    for ch in "ana.12":  # each keystroke queries the store: "a" matches thousands (timed in the bench)
        qtbot.keyClicks(dlg.search, ch)
    assert dlg.model.entry(0).text.startswith("Ana ")
    assert dlg.model.rowCount() <= 50 + len(actions)

    # the quick log's completer asks the same store per keystroke
    source = people_source(store)
    for prefix in ("a", "an", "ana", "e", "eva.9"):
        assert source(prefix, ())


def test_every_input_has_an_accessible_name(palette):
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    inputs = [*palette.findChildren(QLineEdit), *palette.findChildren(QAbstractItemView)]
    assert inputs and [w for w in inputs if not w.accessibleName()] == []


def test_palette_and_completion_models_pass_the_model_tester(qtmodeltester, qapp, palette, journal) -> None:
    from relj.ui.completer import CandidateModel
    from relj.ui.roles import DetailRole, KindRole, ObjectRole

    qtmodeltester.check(palette.model)  # actions and recent people
    palette.search.setText("ana")
    qtmodeltester.check(palette.model)
    kinds = {palette.model.index(r, 0).data(KindRole) for r in range(palette.model.rowCount())}
    assert "person" in kinds
    candidates = CandidateModel()
    qtmodeltester.check(candidates)
    candidates.set_candidates(people_source(journal.store)("ana", []))
    qtmodeltester.check(candidates)
    first = candidates.index(0, 0)
    assert first.data(ObjectRole).text == "Ana Lima" and first.data(DetailRole) == "ana.lima@example.org"
