"""Quick log and the loop (issues 15 and 14): reconcile with a plan, felt in one key, talking points, next:,
names only (never an address's domain), the "Who was it?" line clears, Ctrl+L on Reconnect starts with the person."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from relj.domain import Channel, Status
from relj.ops import plans as plan_ops
from relj.store import plans as plan_store
from relj.ui.completer import name_or_local_part_matches, people_source
from relj.ui.journal import Journal
from relj.ui.quick_log import QuickLogDialog

TODAY = dt.date(2026, 12, 14)


@pytest.fixture
def journal(store, qapp, monkeypatch):
    monkeypatch.setenv("RELJ_TODAY", "2026-12-01")
    ana = store.add_person("Ana Lima", emails=["ana@mail.example"]).id
    store.add_person("Bruno Silva", emails=["bruno@mail.example"])
    store.add_person("Mateo Ruiz", emails=["mr@example.org"])
    store.add_person("Zoe Park", emails=["marta.z@example.org"])
    plan_ops.plan_meeting(store, [ana], dt.date(2026, 12, 12), channel=Channel.IN_PERSON, note="lunch")
    plan_ops.add_points(store, ana, ["ask how the Lisbon move went", "bring the book back"])
    monkeypatch.setenv("RELJ_TODAY", TODAY.isoformat())
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


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def type_(qtbot, text):
    for ch in text:
        qtbot.keyClicks(QApplication.focusWidget(), ch)


def test_logged_a_day_late_the_plan_becomes_the_meeting(qtbot, journal, dialog):
    store = journal.store
    ana = store.resolve("Ana Lima").id
    [plan_id] = plan_store.passed_plan_ids(store, TODAY)
    dlg = dialog()
    type_(qtbot, "ana")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_I)
    press(qtbot, Qt.Key.Key_4)  # how it went: one key after the channel
    assert dlg.felt.value() == 4
    dlg.date.setText("2026-12-13")
    dlg.note.setPlainText("great talk\nnext: send her the photos")
    press(qtbot, Qt.Key.Key_Return)
    assert dlg.interaction is not None and dlg.interaction.id == plan_id
    done = [i for i in store.interactions_for_person(ana)]
    assert [(i.id, i.status, i.occurred_on, i.felt) for i in done] == [
        (plan_id, Status.DONE, dt.date(2026, 12, 13), 4)]
    assert "lunch" in done[0].note and "great talk" in done[0].note
    texts = [t.text for t in plan_store.points_for(store, ana)]
    assert "send her the photos" in texts
    journal.undo_stack.undo()
    assert plan_store.interaction(store, plan_id).status is Status.PLANNED
    assert "send her the photos" not in [t.text for t in plan_store.points_for(store, ana)]


def test_talking_points_are_listed_and_one_key_covers_one(qtbot, journal, dialog):
    store = journal.store
    ana = store.resolve("Ana Lima").id
    dlg = dialog([ana])
    assert dlg.points.isVisibleTo(dlg) and dlg.points.count() == 2
    press(qtbot, Qt.Key.Key_P)  # phone
    press(qtbot, Qt.Key.Key_Tab)  # how it went
    press(qtbot, Qt.Key.Key_Tab)  # the talking points
    assert QApplication.focusWidget() is dlg.points
    press(qtbot, Qt.Key.Key_2)
    assert len(dlg.points.covered()) == 1
    press(qtbot, Qt.Key.Key_Return)
    assert dlg.interaction.channel is Channel.PHONE
    assert [t.text for t in plan_store.points_for(store, ana)] == ["ask how the Lisbon move went"]
    [covered] = [t for t in plan_store.points_for(store, ana, open_only=False) if not t.is_open]
    assert covered.covered_by == dlg.interaction.id


def test_felt_is_optional_and_not_offered_for_a_plan(qtbot, journal, dialog):
    dlg = dialog([journal.store.resolve("Bruno Silva").id])
    press(qtbot, Qt.Key.Key_V)
    assert dlg.felt.isVisibleTo(dlg) and dlg.felt.value() is None
    press(qtbot, Qt.Key.Key_3)
    press(qtbot, Qt.Key.Key_0)
    assert dlg.felt.value() is None
    dlg.date.setText("+3")
    assert not dlg.felt.isVisibleTo(dlg)
    press(qtbot, Qt.Key.Key_Return)
    assert dlg.interaction.status is Status.PLANNED and dlg.interaction.felt is None


def test_ma_matches_names_and_local_parts_never_a_domain(journal):
    found = [c.text for c in people_source(journal.store)("Ma", [])]
    assert sorted(found) == ["Mateo Ruiz", "Zoe Park"]  # Zoe through marta.z@; no one through mail.example
    assert not name_or_local_part_matches("Ma", "Ana Lima", "ana@mail.example")
    assert name_or_local_part_matches("ana@mail", "Ana Lima", "ana@mail.example")
    assert name_or_local_part_matches("li", "Ana Lima", "")


def test_who_was_it_clears_as_soon_as_a_name_is_entered(qtbot, journal, dialog):
    dlg = dialog()
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dlg.error.isHidden() and "Who was it" in dlg.error.text()
    dlg.who.setFocus()
    type_(qtbot, "Bruno Silva")
    assert dlg.error.isHidden()


def test_ctrl_l_on_reconnect_starts_with_the_selected_person(main_window, demo_journal, monkeypatch):
    import relj.ui.main_window as mw
    from relj.ui import quick_log

    calls = []
    monkeypatch.setattr(quick_log.QuickLogDialog, "ask",
                        classmethod(lambda cls, parent, journal, person_ids=(): calls.append(person_ids)))
    main_window.show_view(mw.RECONNECT)
    view = main_window.page(mw.RECONNECT)
    first = view.current_entry()
    assert first is not None
    main_window.act_quick_log.trigger()
    assert calls == [(first.person_id,)]
