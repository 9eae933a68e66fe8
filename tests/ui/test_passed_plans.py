"""Passed plans above the Reconnect list: M met, C change the date, X didn't happen (issue 15)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from relj.domain import Channel, Status
from relj.ops import plans as plan_ops
from relj.store import plans as plan_store
from relj.ui import passed_plans
from relj.ui.journal import Journal
from relj.ui.passed_plans import ChangeDateDialog, MetDialog, PassedPlansSection

TODAY = dt.date(2026, 12, 14)  # a Monday


@pytest.fixture
def journal(store, qapp, monkeypatch):
    monkeypatch.setenv("RELJ_TODAY", "2026-12-01")
    ana = store.add_person("Ana").id
    ben = store.add_person("Ben").id
    plan_ops.plan_meeting(store, [ana], dt.date(2026, 12, 12), channel=Channel.IN_PERSON, note="lunch")
    plan_ops.plan_meeting(store, [ben], dt.date(2026, 12, 13), channel=Channel.PHONE)
    plan_ops.plan_meeting(store, [ben], dt.date(2026, 12, 20), channel=Channel.VIDEO)  # still to come
    monkeypatch.setenv("RELJ_TODAY", TODAY.isoformat())
    return Journal(store)


@pytest.fixture
def section(qtbot, journal):
    s = PassedPlansSection(journal)
    qtbot.addWidget(s)
    s.show()
    qtbot.waitExposed(s)
    s.activateWindow()
    s.list.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is s.list)
    return s


def plan_of(journal, pid):
    return plan_store.interaction(journal.store, pid)


def test_lists_passed_plans_as_questions(section):
    texts = [section.list.item(n).text() for n in range(section.list.count())]
    assert texts == ["Did you meet Ana on Sat 12 Dec?", "Did you talk to Ben on Sun 13 Dec?"]
    assert section.isVisible()
    assert all(b.accessibleName() for b in section.buttons.values())


def test_m_logs_it_with_how_it_went(qtbot, section, journal, monkeypatch):
    def exec_(dlg):
        qtbot.keyClick(dlg.felt, "4")
        qtbot.keyClicks(dlg.note, "next: ask about the trip")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MetDialog, "exec", exec_)
    plan = section.current_plan()
    qtbot.keyClick(section.list, Qt.Key.Key_M)
    done = plan_of(journal, plan.id)
    assert (done.status, done.felt, done.occurred_on) == (Status.DONE, 4, dt.date(2026, 12, 12))
    assert done.note == "lunch"
    assert [t.text for t in plan_store.points_for(journal.store, done.participants[0].id)] == ["ask about the trip"]
    assert section.list.count() == 1 and section.current_plan().participants[0].name == "Ben"
    journal.undo_stack.undo()
    assert plan_of(journal, plan.id).status is Status.PLANNED and section.list.count() == 2


def test_c_moves_it_to_a_typed_day(qtbot, section, journal, monkeypatch):
    def exec_(dlg):
        dlg.date.selectAll()
        qtbot.keyClicks(dlg.date, "fri")
        assert "Friday" in dlg.words.text()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ChangeDateDialog, "exec", exec_)
    plan = section.current_plan()
    qtbot.keyClick(section.list, Qt.Key.Key_C)
    moved = plan_of(journal, plan.id)
    assert (moved.status, moved.occurred_on) == (Status.PLANNED, dt.date(2026, 12, 18))
    assert section.list.count() == 1


def test_x_cancels_and_the_section_hides_when_nothing_passed(qtbot, section, journal):
    first, second = (p.id for p in section.plans())
    qtbot.keyClick(section.list, Qt.Key.Key_X)
    qtbot.keyClick(section.list, Qt.Key.Key_X)
    assert plan_of(journal, first).status is Status.CANCELLED
    assert plan_of(journal, second).status is Status.CANCELLED
    assert not section.isVisible()
    journal.undo_stack.undo()
    assert section.isVisible() and [p.id for p in section.plans()] == [second]


def test_cancelled_dialogs_change_nothing(qtbot, section, journal, monkeypatch):
    monkeypatch.setattr(MetDialog, "exec", lambda dlg: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(ChangeDateDialog, "exec", lambda dlg: QDialog.DialogCode.Rejected)
    qtbot.keyClick(section.list, Qt.Key.Key_M)
    qtbot.keyClick(section.list, Qt.Key.Key_C)
    assert section.list.count() == 2 and journal.undo_stack.count() == 0


def test_met_dialog_keys(qtbot, journal):
    plan = plan_store.interactions(journal.store, plan_store.passed_plan_ids(journal.store, TODAY))[0]
    dlg = MetDialog(plan)
    qtbot.addWidget(dlg)
    qtbot.keyClick(dlg.felt, "5")
    assert dlg.felt.value() == 5
    qtbot.keyClick(dlg.felt, "5")
    assert dlg.felt.value() is None  # the same key again leaves it out
    qtbot.keyClick(dlg.felt, "2")
    assert dlg.felt.value() == 2
    assert passed_plans.question(plan) in dlg.windowTitle()


def test_at_launch_the_reconnect_list_keeps_the_keyboard(main_window, demo_journal, qtbot, monkeypatch):
    import relj.ui.main_window as mw

    view = main_window.page(mw.RECONNECT)
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.list)
    qtbot.waitUntil(lambda: view.passed_plans is not None)  # built once the list is painted
    assert view.passed_plans.isVisible() == bool(view.passed_plans.list.count())
    assert QApplication.focusWidget() is view.list  # and the keyboard stays on the list
