"""The Reconnect home view: its models, keys, dialogs (via ask) and reloads on journal changes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from relj import reconnect as rc
from relj.domain import Channel, Status
from relj.ui import plan_dialog
from relj.ui.journal import Journal
from relj.ui.reconnect_view import (
    FollowupModel,
    ReconnectModel,
    ReconnectView,
    SnoozeDialog,
)
from relj.ui.roles import ObjectRole

TODAY = dt.date(2025, 11, 20)


@pytest.fixture
def journal(store, qapp, monkeypatch):
    monkeypatch.setenv("RELJ_TODAY", TODAY.isoformat())
    store.update_owner(add_interests=["climbing"])
    ana = store.add_person("Ana", circle="close", interests=["climbing"]).id
    ben = store.add_person("Ben", circle="acquaintances", interests=["climbing"]).id
    cara = store.add_person("Cara").id
    store.log_interaction("in-person", [ana], TODAY - dt.timedelta(days=200))
    store.log_interaction("email", [ana], TODAY - dt.timedelta(days=3))
    store.log_interaction("phone", [ben], TODAY - dt.timedelta(days=900))
    store.log_interaction("in-person", [cara], TODAY - dt.timedelta(days=2), note="coffee")
    return Journal(store)


@pytest.fixture
def view(journal, qtbot):
    v = ReconnectView(journal)
    qtbot.addWidget(v)
    v.resize(1000, 700)
    return v


def names(model: ReconnectModel) -> list[str]:
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_models_pass_the_model_tester(journal, qtmodeltester) -> None:
    model = ReconnectModel(journal)
    assert names(model) == ["Ana", "Ben"]
    qtmodeltester.check(model)
    followups = FollowupModel(journal)
    assert followups.rowCount() == 1
    qtmodeltester.check(followups)


def test_model_roles(journal) -> None:
    model = ReconnectModel(journal)
    ix = model.index(0, 0)
    entry = model.data(ix, ObjectRole)
    assert isinstance(entry, rc.Entry) and entry.kind is rc.Kind.DIGITAL_ONLY
    assert model.data(ix, Qt.ItemDataRole.ToolTipRole) == entry.reason
    assert "messages only" in model.data(ix, Qt.ItemDataRole.AccessibleTextRole)


def test_view_shows_list_reason_and_chart(view) -> None:
    assert view.current_entry() is not None and view.current_entry().name == "Ana"
    assert view.detail_reason.text().startswith("Last saw Ana in person")
    assert "Ana and Ben both like climbing" in view.detail_openers.text()
    assert view.chart is not None
    assert view.followups.isVisibleTo(view)
    assert "2 people need attention" in view.summary.text()
    view.grab()  # the delegate paints without error


def test_enter_opens_the_person(view, qtbot) -> None:
    view.list.setFocus()
    with qtbot.waitSignal(view.person_activated, timeout=1000) as blocker:
        view.actions_by_name["open"].trigger()
    assert blocker.args == [view.current_entry().person_id]


def test_plan_via_dialog(view, journal, qtbot, monkeypatch) -> None:
    day = TODAY + dt.timedelta(days=5)
    def exec_(dlg):  # the Plan dialog, filled in and planned as a user would
        dlg.date.set_day(day)
        dlg.channel.setCurrentIndex(dlg.channel.findData(Channel.VIDEO.value))
        dlg.note.setText("call")
        dlg.submit()
        return 1

    monkeypatch.setattr(plan_dialog.PlanDialog, "exec", exec_)
    pid = view.current_entry().person_id
    with qtbot.waitSignal(journal.changed, timeout=1000) as blocker:
        view.plan_current()
    assert "reconnect" in blocker.args[0]
    planned = [i for i in journal.store.interactions_for_person(pid) if i.status is Status.PLANNED]
    assert [(i.occurred_on, i.channel) for i in planned] == [(day, Channel.VIDEO)]
    # The planned person sinks below Ben, marked planned; the selection moves on to the next person.
    assert names(view.model) == ["Ben", "Ana"]
    assert view.model.entry(1).person_id == pid and view.model.entry(1).planned == day
    assert view.current_entry().name == "Ben"
    journal.undo_stack.undo()
    assert names(view.model) == ["Ana", "Ben"]


def test_plan_cancelled_changes_nothing(view, journal, monkeypatch) -> None:
    monkeypatch.setattr(plan_dialog.PlanDialog, "exec", lambda dlg: 0)
    before = journal.store.interaction_count()
    view.plan_current()
    assert journal.store.interaction_count() == before


def test_snooze_pause_dismiss_written_ok(view, journal, monkeypatch) -> None:
    monkeypatch.setattr(SnoozeDialog, "ask", classmethod(lambda cls, *a, **k: TODAY + dt.timedelta(days=30)))
    view.snooze_current()
    assert names(view.model) == ["Ben"]
    journal.undo_stack.undo()
    assert names(view.model) == ["Ana", "Ben"]
    view.select_person(journal.store.resolve("Ben").id)
    view.pause_current()
    assert names(view.model) == ["Ana"]
    assert journal.store.resolve("Ben").paused
    view.dismiss_current()
    assert journal.store.resolve("Ana").snoozed_until == TODAY + dt.timedelta(days=rc.DISMISS_DAYS)
    assert view.list_stack.currentWidget() is view.empty
    assert "Everyone is in touch" in view.empty.text()
    journal.undo_stack.undo()
    view.written_ok_current()
    assert journal.store.resolve("Ana").written_ok
    assert names(view.model) == []


def test_keys_on_the_list(view, journal, qtbot, monkeypatch) -> None:
    asked = []
    monkeypatch.setattr(plan_dialog, "ask_plan", lambda *a: asked.append(a) or False)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_P)
    assert len(asked) == 1
    qtbot.keyClick(view.list, Qt.Key.Key_P, Qt.KeyboardModifier.ShiftModifier)
    assert journal.store.resolve("Ana").paused


def test_followups_done_and_dismiss(view, journal) -> None:
    assert view.current_followup() is not None
    assert "Send Cara a thank-you note" in view.followups_model.data(view.followups_model.index(0, 0))
    view.followup_done_current()
    assert view.followups_model.rowCount() == 0
    assert not view.followups.isVisibleTo(view)
    journal.undo_stack.undo()
    assert view.followups_model.rowCount() == 1
    view.followups.setCurrentIndex(view.followups_model.index(0, 0))
    view.followup_dismiss_current()
    assert view.followups_model.rowCount() == 0


def test_reloads_when_a_rich_contact_is_logged(view, journal) -> None:
    ana = journal.store.resolve("Ana").id
    journal.log_interaction("in-person", [ana], TODAY)
    assert names(view.model) == ["Ben"]


def test_accessible_names(view) -> None:
    for w in (view, view.list, view.followups, view.detail_reason, view.empty, *view.buttons.values()):
        assert w.accessibleName()


def test_demo_journal_reads_like_advice(demo_journal, qtbot) -> None:
    v = ReconnectView(demo_journal)
    qtbot.addWidget(v)
    for r in range(v.model.rowCount()):
        e = v.model.entry(r)
        assert e is not None and e.reason.endswith(".")


def test_entries_are_built_as_the_list_scrolls(journal, monkeypatch):
    """The model ranks everyone but builds the first few entries; the rest come with fetchMore,
    and together they are exactly what compute() returns."""
    monkeypatch.setattr(ReconnectModel, "FIRST", 1)
    monkeypatch.setattr(ReconnectModel, "MORE", 1)
    model = ReconnectModel(journal)
    want = rc.compute(journal.store, model.day, limit=200)
    assert len(want) >= 2
    assert model.rowCount() == 1 and model.shown() == len(want) and model.canFetchMore()
    last = want[-1].person_id
    assert model.row_of(last) == len(want) - 1
    assert [model.entry(r) for r in range(model.rowCount())] == want
    assert not model.canFetchMore()


def test_the_selected_card_shows_the_brief_once_the_selection_rests(view, journal, qtbot) -> None:
    """#15: the brief (notes, interests, what is coming up) is on the selected Reconnect card; it is
    read only once the selection has rested, so arrowing down the list never waits for it."""
    store = journal.store
    ana = view.current_entry().person_id
    store.log_interaction("phone", [ana], TODAY - dt.timedelta(days=400), note="talked about Lisbon")
    view.show()
    qtbot.waitExposed(view)
    assert view.brief is None or view.brief.brief is None  # not read at once
    qtbot.waitUntil(lambda: view.brief is not None and view.brief.brief is not None, timeout=5000)
    assert view.brief.brief.person_id == ana
    text = view.brief.label.text()
    assert "climbing" in text and "Last met or spoke" in text
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Down)
    ben = view.current_entry().person_id
    qtbot.waitUntil(lambda: view.brief.brief is not None and view.brief.brief.person_id == ben, timeout=5000)


def test_an_empty_list_says_what_to_do_next(store, qapp, qtbot, monkeypatch) -> None:
    """#14: the home view's empty states lead somewhere: import or add people, log contact, sort them."""
    from relj.domain import UNSORTED

    monkeypatch.setenv("RELJ_TODAY", TODAY.isoformat())
    journal = Journal(store)
    view = ReconnectView(journal)
    qtbot.addWidget(view)
    assert view.list_stack.currentWidget() is view.empty
    assert "No one here yet" in view.empty.text() and "Ctrl+I" in view.empty.text()
    ana = journal.add_person("Ana")
    assert "No contact logged yet" in view.empty.text() and "Ctrl+L" in view.empty.text()
    journal.update_person(ana.id, circle=UNSORTED, tracked=False)
    journal.log_interaction(Channel.IN_PERSON, [ana.id], TODAY - dt.timedelta(days=2))
    assert "1 person is not sorted into a circle" in view.empty.text() and "Sort people" in view.empty.text()
