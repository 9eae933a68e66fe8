"""The Interests and Timeline views, used as a user would: filter, select, keys, open a person, reload."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from relj.domain import Channel
from relj.ui import main_window as mw
from relj.ui.interests_view import InterestsView
from relj.ui.journal import Journal
from relj.ui.models import InterestsModel
from relj.ui.roles import ObjectRole, PersonIdRole
from relj.ui.timeline_view import TimelineView

DAY = dt.date(2025, 5, 1)


@pytest.fixture
def people(store, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Climbing: Ana, Ben, Chloé (mine too); Jazz: Ana, Dan; Chess: Dan. Interactions on fixed days."""
    monkeypatch.setenv("RELJ_TODAY", "2025-06-01")
    ana = store.add_person("Ana García", interests=["Climbing", "Jazz"])
    ben = store.add_person("Ben Carter", interests=["Climbing"])
    chloe = store.add_person("Chloé Martin", interests=["Climbing"])
    dan = store.add_person("Dan Brown", interests=["Jazz", "Chess"])
    namesake = store.add_person("Dan Brown", emails=["other.dan@example.org"])  # no interests, no contact
    store.update_owner(add_interests=["Climbing"])
    store.log_interaction(Channel.IN_PERSON, [ana.id], DAY, note="climbing at the wall")
    store.log_interaction(Channel.EMAIL, [ben.id, ana.id], DAY + dt.timedelta(days=2), note="route photos")
    store.log_interaction(Channel.PHONE, [chloe.id], DAY + dt.timedelta(days=5))
    store.log_interaction(Channel.TEXT, [dan.id], DAY + dt.timedelta(days=9), note="gig on Friday?")
    return {"ana": ana.id, "ben": ben.id, "chloe": chloe.id, "dan": dan.id, "namesake": namesake.id}


@pytest.fixture
def journal(store, qapp, people: dict[str, int]) -> Journal:
    return Journal(store)


def focus(qtbot, window, widget) -> None:
    """Give ``widget`` the keyboard focus in an active window (shortcuts need both)."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


# -- Interests -------------------------------------------------------------------------------------------
@pytest.fixture
def interests(qtbot, journal: Journal) -> InterestsView:
    view = InterestsView(journal)
    qtbot.addWidget(view)
    view.resize(900, 600)
    return view


def table_names(view: InterestsView) -> list[str]:
    return [view.proxy.index(r, InterestsModel.NAME).data(ObjectRole).name for r in range(view.proxy.rowCount())]


def people_names(view: InterestsView) -> list[str]:
    return [view.people_model.index(r, 0).data() for r in range(view.people_model.rowCount())]


def test_interests_models_pass_the_model_tester(qtmodeltester, interests: InterestsView) -> None:
    qtmodeltester.check(interests.model)
    qtmodeltester.check(interests.proxy)
    qtmodeltester.check(interests.people_model)
    interests.proxy.set_text("j")
    qtmodeltester.check(interests.proxy)


def test_interests_open_on_the_most_shared_one(interests: InterestsView) -> None:
    assert table_names(interests) == ["Climbing", "Jazz", "Chess"]  # most people first
    mine = interests.proxy.index(0, InterestsModel.NAME)
    assert mine.data() == "★ Climbing" and mine.data(Qt.ItemDataRole.FontRole).bold()
    assert interests.proxy.index(0, InterestsModel.PEOPLE).data() == 3
    assert people_names(interests) == ["Ana García", "Ben Carter", "Chloé Martin"]
    assert interests.people_title.text() == "3 people share your interest in Climbing"
    assert not interests.empty.isVisible()


def test_interests_filter_as_you_type(qtbot, interests: InterestsView) -> None:
    qtbot.keyClicks(interests.filter, "JA")
    assert table_names(interests) == ["Jazz"]
    assert people_names(interests) == ["Ana García", "Dan Brown"]
    assert interests.people_title.text() == "2 people are into Jazz"
    interests.filter.clear()
    assert table_names(interests) == ["Climbing", "Jazz", "Chess"]
    qtbot.keyClicks(interests.filter, "knitting")
    assert interests.proxy.rowCount() == 0


def test_interests_sort_by_name_and_select(interests: InterestsView) -> None:
    interests.table.sortByColumn(InterestsModel.NAME, Qt.SortOrder.AscendingOrder)
    assert table_names(interests) == ["Chess", "Climbing", "Jazz"]
    assert interests.select_interest("chess")  # case does not matter
    assert people_names(interests) == ["Dan Brown"]
    assert interests.people_title.text() == "1 person is into Chess"  # the English singular
    assert not interests.select_interest("Knitting")


def test_interests_keyboard_filter_enter_then_open(qtbot, interests: InterestsView, people: dict[str, int]) -> None:
    focus(qtbot, interests, interests.filter)
    qtbot.keyClicks(interests.filter, "jazz")
    qtbot.keyClick(interests.filter, Qt.Key.Key_Return)  # Enter moves to the first person who shares it
    assert interests.people.hasFocus()
    assert interests.selected_person_id() == people["ana"]
    qtbot.keyClick(interests.people, Qt.Key.Key_Down)
    dan = interests.selected_person_id()
    assert dan == people["dan"] and dan == interests.people.currentIndex().data(PersonIdRole)
    with qtbot.waitSignal(interests.person_activated) as blocker:
        qtbot.keyClick(interests.people, Qt.Key.Key_Return)
    assert blocker.args == [dan]


def test_interests_arrow_keys_move_between_interests(qtbot, interests: InterestsView) -> None:
    focus(qtbot, interests, interests.table)
    interests.table.setCurrentIndex(interests.proxy.index(0, 0))
    qtbot.keyClick(interests.table, Qt.Key.Key_Down)
    assert people_names(interests) == ["Ana García", "Dan Brown"]  # Jazz
    qtbot.keyClick(interests.table, Qt.Key.Key_Down)
    assert people_names(interests) == ["Dan Brown"]  # Chess


def test_interests_find_shortcut_selects_the_filter_text(qtbot, interests: InterestsView) -> None:
    interests.filter.setText("clim")
    focus(qtbot, interests, interests.table)
    interests.focus_search()
    assert interests.filter.hasFocus() and interests.filter.selectedText() == "clim"
    assert interests.selected_person_id() is None  # the people list does not have the focus


def test_interests_follow_the_journal(interests: InterestsView, journal: Journal, people: dict[str, int]) -> None:
    dan = people["dan"]
    journal.set_interests(dan, ["Jazz", "Chess", "Climbing"])
    assert interests.proxy.index(0, InterestsModel.PEOPLE).data() == 4
    interests.select_interest("Climbing")
    assert "Dan Brown" in people_names(interests)
    journal.undo_stack.undo()
    interests.select_interest("Climbing")
    assert "Dan Brown" not in people_names(interests)


def test_interests_empty_journal_says_how_to_add_them(qtbot, store, qapp) -> None:
    view = InterestsView(Journal(store))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.empty.isVisible() and not view.splitter.isVisible()
    assert view.people_model.rowCount() == 0


def test_interests_open_a_person_in_the_main_window(qtbot, journal: Journal) -> None:
    window = mw.MainWindow(journal, restore_state=False)
    qtbot.addWidget(window)
    window.act_views[mw.INTERESTS].trigger()
    view = window.page(mw.INTERESTS)
    assert isinstance(view, InterestsView) and window.current_view() == mw.INTERESTS
    view.select_interest("Jazz")
    view.people.setCurrentIndex(view.people_model.index(1, 0))
    view.people.activated.emit(view.people.currentIndex())
    assert window.current_view() == mw.PERSON
    assert window.person_page().person_name() == "Dan Brown"
    window.go_back()
    assert window.current_view() == mw.INTERESTS


# -- Timeline --------------------------------------------------------------------------------------------
@pytest.fixture
def timeline(qtbot, journal: Journal) -> TimelineView:
    view = TimelineView(journal)
    qtbot.addWidget(view)
    view.resize(900, 600)
    return view


def notes(view: TimelineView) -> list[str]:
    return [view.model.interaction(r).note for r in range(view.model.rowCount())]


def test_timeline_model_passes_the_model_tester(qtmodeltester, timeline: TimelineView, journal: Journal) -> None:
    qtmodeltester.check(timeline.model)
    timeline.set_person_filter("Ana García")
    qtmodeltester.check(timeline.model)
    timeline.channel_buttons[Channel.EMAIL].setChecked(False)
    qtmodeltester.check(timeline.model)


def test_timeline_newest_first_with_who_and_how(timeline: TimelineView) -> None:
    assert notes(timeline) == ["gig on Friday?", "", "route photos", "climbing at the wall"]
    first = timeline.model.index(0).data()
    assert "text" in first and "Dan Brown" in first and "gig on Friday?" in first
    assert timeline.model.index(2).data(PersonIdRole) == timeline.model.interaction(2).participants[0].id


def test_timeline_channel_toggles(timeline: TimelineView) -> None:
    for channel, button in timeline.channel_buttons.items():
        button.setChecked(channel in (Channel.IN_PERSON, Channel.PHONE))
    assert timeline.selected_channels() == frozenset({Channel.IN_PERSON, Channel.PHONE})
    assert [timeline.model.interaction(r).channel for r in range(timeline.model.rowCount())] == [
        Channel.PHONE, Channel.IN_PERSON]
    for button in timeline.channel_buttons.values():
        button.setChecked(False)
    assert timeline.model.rowCount() == 0 and timeline.empty.text() == "Nothing matches these filters."
    for button in timeline.channel_buttons.values():
        button.setChecked(True)
    assert timeline.selected_channels() is None and timeline.model.rowCount() == 4


# Typing pops up the name completer; the offscreen platform can neither raise it nor grab the keyboard.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_timeline_person_filter_typed_and_completed(qtbot, timeline: TimelineView, people: dict[str, int]) -> None:
    timeline.show()
    qtbot.waitExposed(timeline)
    names = timeline.person_box.completer().model().stringList()
    dans = sorted(n for n in names if n.startswith("Dan Brown"))
    assert dans == [f"Dan Brown (#{people['dan']})", f"Dan Brown (#{people['namesake']})"]  # told apart by id
    focus(qtbot, timeline, timeline.person_box)
    qtbot.keyClicks(timeline.person_box, "ben carter")  # QTest types ASCII only
    qtbot.keyClick(timeline.person_box, Qt.Key.Key_Return)  # editingFinished applies the filter
    assert timeline.model.person_id == people["ben"] and notes(timeline) == ["route photos"]
    timeline.set_person_filter("Ana García")
    assert notes(timeline) == ["route photos", "climbing at the wall"]
    timeline.set_person_filter(dans[0])
    assert timeline.model.person_id == people["dan"] and notes(timeline) == ["gig on Friday?"]
    timeline.set_person_filter(dans[1])
    assert timeline.model.person_id == people["namesake"] and timeline.model.rowCount() == 0
    assert timeline.empty.text() == "Nothing matches these filters."
    timeline.set_person_filter("Nobody Atall")
    assert timeline.model.rowCount() == 0 and timeline.empty.text() == "No one in the journal is called that."
    assert timeline.empty.isVisible() and not timeline.list.isVisible()
    timeline.person_box.clear()  # clearing the box shows everyone again
    assert timeline.model.rowCount() == 4


def test_timeline_keyboard_enter_opens_and_delete_removes(qtbot, timeline: TimelineView, journal: Journal) -> None:
    focus(qtbot, timeline, timeline.list)
    timeline.list.setCurrentIndex(timeline.model.index(0))
    qtbot.keyClick(timeline.list, Qt.Key.Key_Down)
    phone = timeline.model.interaction(1)
    assert timeline.selected_person_id() == phone.participants[0].id
    with qtbot.waitSignal(timeline.person_activated) as blocker:
        qtbot.keyClick(timeline.list, Qt.Key.Key_Return)
    assert blocker.args == [phone.participants[0].id]
    count = journal.store.interaction_count()
    qtbot.keyClick(timeline.list, Qt.Key.Key_Delete)
    assert journal.store.interaction_count() == count - 1
    assert phone.id not in {timeline.model.interaction(r).id for r in range(timeline.model.rowCount())}
    journal.undo_stack.undo()
    assert phone.id in {timeline.model.interaction(r).id for r in range(timeline.model.rowCount())}


def test_timeline_shows_what_is_logged_meanwhile(timeline: TimelineView, journal: Journal,
                                                 people: dict[str, int]) -> None:
    ben = people["ben"]
    journal.log_interaction(Channel.VIDEO, [ben], DAY + dt.timedelta(days=20), note="video call")
    assert notes(timeline)[0] == "video call"
    timeline.channel_buttons[Channel.VIDEO].setChecked(False)
    assert "video call" not in notes(timeline)


def test_timeline_reads_more_as_it_scrolls(qtbot, store, qapp) -> None:
    ana = store.add_person("Ana García")
    with store.atomic():
        for n in range(450):
            store.log_interaction(Channel.EMAIL, [ana.id], DAY - dt.timedelta(days=n), note=f"mail {n}")
    view = TimelineView(Journal(store))
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    assert view.model.rowCount() == view.model.PAGE and view.model.canFetchMore()
    for _ in range(3):  # the list asks for more when its end comes into view
        view.list.scrollToBottom()
        QApplication.processEvents()
    assert view.model.rowCount() == 450 and not view.model.canFetchMore()
    assert view.model.interaction(449).note == "mail 449"


def test_timeline_open_a_person_in_the_main_window(qtbot, journal: Journal, people: dict[str, int]) -> None:
    window = mw.MainWindow(journal, restore_state=False)
    qtbot.addWidget(window)
    window.show_view(mw.TIMELINE)
    view = window.page(mw.TIMELINE)
    assert isinstance(view, TimelineView)
    view.list.setCurrentIndex(view.model.index(0))
    assert window.selected_person_id() == people["dan"]
    view.list.activated.emit(view.list.currentIndex())
    assert window.current_view() == mw.PERSON and window.person_page().person_name() == "Dan Brown"
