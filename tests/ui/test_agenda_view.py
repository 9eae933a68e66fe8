"""The agenda strip on the home view and the "notify at login" setting (issue 16)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton

from relj.ui.agenda_view import AgendaStrip


@pytest.fixture
def week(tmp_path: Path, today: dt.date, qapp):
    """Dmitri's birthday in 3 days, a plan with Ana tomorrow, a thank-you owed to Ben."""
    from relj.domain import Channel
    from relj.ops import interactions as interaction_ops
    from relj.ops import people as people_ops
    from relj.ops import plans as plan_ops
    from relj.store import Store
    from relj.ui.journal import Journal

    store = Store.open(tmp_path / "j.db")
    birthday = today + dt.timedelta(days=3)
    dmitri = people_ops.add_person(store, "Dmitri", birthday=f"--{birthday:%m-%d}").value
    ana = people_ops.add_person(store, "Ana").value
    ben = people_ops.add_person(store, "Ben").value
    plan_ops.plan_meeting(store, [ana.id], today + dt.timedelta(days=1), channel=Channel.IN_PERSON)
    interaction_ops.log_interaction(store, Channel.IN_PERSON, [ben.id], today - dt.timedelta(days=1))
    journal = Journal(store)
    yield journal, {"Dmitri": dmitri.id, "Ana": ana.id, "Ben": ben.id}
    store.close()


def test_the_strip_waits_then_shows_the_week_with_days(week, qtbot, today: dt.date) -> None:
    journal, _ids = week
    strip = AgendaStrip(journal)
    qtbot.addWidget(strip)
    assert strip.isHidden() and strip.items == []  # nothing computed before start()
    strip.start()
    texts = [i.text for i in strip.items]
    assert any(t.startswith("Dmitri's birthday on ") for t in texts), texts
    assert any(t.startswith("Meet Ana") and t.endswith("tomorrow") for t in texts), texts
    assert texts[-1] == "1 thank-you"
    assert [b.accessibleName() for b in strip.buttons] == texts
    assert not strip.isHidden()


def test_each_entry_leads_to_its_action_by_keyboard(week, qtbot) -> None:
    journal, ids = week
    strip = AgendaStrip(journal)
    qtbot.addWidget(strip)
    strip.start()
    strip.show()
    qtbot.waitExposed(strip)
    kinds = [i.kind for i in strip.items]
    first = strip.buttons[0]
    first.setFocus()
    # Enter on the plan (soonest: tomorrow) opens Ana's page.
    assert kinds[0] == "plan"
    with qtbot.waitSignal(strip.person_activated) as opened:
        qtbot.keyClick(first, Qt.Key.Key_Return)
    assert opened.args == [ids["Ana"]]
    # Right moves to the next entry: Dmitri's birthday.
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert strip.focusWidget() is strip.buttons[1]
    with qtbot.waitSignal(strip.person_activated) as opened:
        qtbot.keyClick(strip.buttons[1], Qt.Key.Key_Space)
    assert opened.args == [ids["Dmitri"]]
    # The thank-yous lead to the Say thanks list.
    with qtbot.waitSignal(strip.followups_requested):
        strip.buttons[-1].click()


def test_entries_are_whole_or_counted_in_a_menu_that_leads_to_them(week, qtbot, today: dt.date) -> None:
    """At any width an entry is shown whole (never cut in its middle) or counted in "and N more",
    whose menu lists the rest, each leading to its action; only a lone first entry may be cut at its end."""
    from relj.agenda import AgendaEntry

    journal, ids = week
    strip = AgendaStrip(journal)
    qtbot.addWidget(strip)
    long_name = "Maximiliana Alexandrovna Konstantinopoulou-Vandersteenhoven"
    entries = [AgendaEntry(today + dt.timedelta(days=n), "birthday", f"{long_name} {n}'s birthday",
                           ((ids["Ana"] if n % 2 else ids["Dmitri"], long_name),), None) for n in range(5)]
    strip._show(strip.items_for(entries, today), len(entries))
    strip.show()
    for width in (1400, 900, 520, 200):
        strip.resize(width, 40)
        qtbot.wait(1)
        shown = strip.shown_buttons()
        assert shown, "the first entry always shows"
        hidden = strip.items[len(shown):]
        assert [b.text() for b in shown[1:]] == [i.text for i in strip.items[1:len(shown)]]
        assert shown[0].text() == strip.items[0].text or shown[0].text().endswith("…")
        menu = [a.text() for a in strip.more.menu().actions()]
        assert menu == [i.text for i in hidden]
        assert strip.more.isVisible() == bool(hidden)
        if hidden:
            assert strip.more.text() == f"and {len(hidden)} more"
    assert len(strip.shown_buttons()) == 1 and strip.more.isVisible()
    with qtbot.waitSignal(strip.person_activated) as opened:
        strip.more.menu().actions()[0].trigger()  # the second entry: Ana's
    assert opened.args == [ids["Ana"]]


def test_a_busy_week_lists_the_soonest_in_the_menu_and_counts_the_rest(week, qtbot, today: dt.date) -> None:
    from relj.agenda import AgendaEntry
    from relj.ui.agenda_view import MENU_MAX

    journal, ids = week
    strip = AgendaStrip(journal)
    qtbot.addWidget(strip)
    entries = [AgendaEntry(today, "birthday", f"Person {n}'s birthday", ((ids["Ana"], "Ana"),), None)
               for n in range(200)]
    strip._show(strip.items_for(entries, today), len(entries))
    strip.resize(600, 40)
    hidden = len(strip.items) - len(strip.shown_buttons())
    actions = strip.more.menu().actions()
    assert strip.more.text() == f"and {hidden} more"
    assert [a.text() for a in actions[:MENU_MAX]] == [i.text for i in strip.items[len(strip.shown_buttons()):][:MENU_MAX]]
    assert actions[-1].text() == f"and {hidden - MENU_MAX} more this week" and not actions[-1].isEnabled()


def test_the_strip_follows_the_journal(week, qtbot, monkeypatch) -> None:
    journal, ids = week
    strip = AgendaStrip(journal)
    qtbot.addWidget(strip)
    strip.start()
    before = len(strip.items)
    journal.delete_person(ids["Dmitri"])
    qtbot.waitUntil(lambda: len(strip.items) == before - 1, timeout=5000)  # read once, after the change
    import relj.agenda

    calls = []
    real = relj.agenda.upcoming
    monkeypatch.setattr(relj.agenda, "upcoming", lambda *a, **k: calls.append(1) or real(*a, **k))
    journal.changed.emit(frozenset({"settings", "sources"}))  # nothing the agenda shows
    qtbot.wait(50)
    assert calls == []
    journal.changed.emit(frozenset({"people"}))
    journal.changed.emit(frozenset({"interactions"}))  # two changes in one turn: read once
    qtbot.waitUntil(lambda: calls == [1], timeout=5000)


def test_the_home_view_has_the_strip_after_the_first_paint(main_window, qtbot) -> None:
    main_window.show()
    qtbot.waitExposed(main_window)
    strip = main_window.findChild(AgendaStrip)
    assert strip is not None
    qtbot.waitUntil(lambda: strip.started, timeout=10_000)
    buttons = strip.findChildren(QToolButton)
    assert strip.items and buttons, "the demo journal has something this week"
    person = next(i for i in strip.items if i.person_id is not None)
    strip.activate(person)
    assert main_window._current_person == person.person_id


def test_the_login_setting_is_a_checkable_undoable_file_menu_action(main_window) -> None:
    from relj.notify import login_enabled

    action = main_window.findChild(QAction, "login_notify_action")
    assert action is not None and action.isCheckable() and action.isChecked()
    file_menu = main_window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    action.trigger()
    assert not action.isChecked() and not login_enabled(main_window.journal.store)
    main_window.journal.undo_stack.undo()
    assert action.isChecked() and login_enabled(main_window.journal.store)
