"""Rhythms and moments in the app (issue 16), driven by keys: moments on the person page and in the
timeline, the Rhythms dialog (add, an unreadable rule, remove with undo, Add to calendar), and the
person page's "Before you meet" brief."""

from __future__ import annotations

import datetime as dt
import os
import stat

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from relj.domain import Birthday, Channel
from relj.ops import rhythms as rhythm_ops
from relj.rhythms import Moment
from relj.store import moments as moment_store
from relj.store import rhythms as rhythm_store
from relj.ui import rhythms_dialog
from relj.ui.journal import Journal
from relj.ui.person_moments import parse_moment_day
from relj.ui.person_page import PersonPage
from relj.ui.rhythms_dialog import RhythmsDialog, RhythmsModel
from relj.ui.timeline_moments import MomentsTimelineModel
from relj.ui.timeline_view import TimelineView

TODAY = dt.date(2026, 12, 14)


@pytest.fixture
def journal(store, qapp, monkeypatch):
    monkeypatch.setenv("RELJ_TODAY", TODAY.isoformat())
    store.update_owner(add_interests=["Climbing", "Jazz"])
    ana = store.add_person("Ana Lima", circle="close", birthday=Birthday(12, 20, 1990),
                           interests=["Climbing", "Pottery"]).id
    bruno = store.add_person("Bruno Costa", circle="family").id
    store.log_interaction(Channel.IN_PERSON, [ana], dt.date(2026, 11, 2), note="walk by the river")
    store.log_interaction(Channel.PHONE, [ana], dt.date(2026, 11, 20), note="talked about the new flat")
    store.log_interaction(Channel.EMAIL, [ana, bruno], dt.date(2026, 12, 1), note="photos")
    return Journal(store)


def _page(qtbot, journal, name="Ana Lima"):
    page = PersonPage(journal)
    qtbot.addWidget(page)
    page.show_person(journal.store.resolve(name).id)
    page.resize(1100, 900)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page


def _focus(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


# -- moments on the person page ----------------------------------------------------------------------
def test_moment_dates_read_as_relj_reads_dates() -> None:
    assert parse_moment_day("", TODAY) == TODAY
    assert parse_moment_day("yesterday", TODAY) == dt.date(2026, 12, 13)
    assert parse_moment_day("-3", TODAY) == dt.date(2026, 12, 11)
    assert parse_moment_day("2026-10-12", TODAY) == dt.date(2026, 10, 12)
    assert parse_moment_day("12 oct", TODAY) == dt.date(2026, 10, 12)  # this October, not next
    assert parse_moment_day("3 jan", TODAY) == dt.date(2027, 1, 3)  # soon: ahead
    assert parse_moment_day("12 October 2024", TODAY) == dt.date(2024, 10, 12)
    assert parse_moment_day("someday", TODAY) is None


def test_add_and_delete_a_moment_on_the_person_page_by_keys_with_undo(qtbot, journal) -> None:
    page = _page(qtbot, journal)
    ana = page.person_id()
    section = page.moments
    _focus(qtbot, section.text)
    qtbot.keyClicks(section.text, "Moved to Berlin")
    qtbot.keyClick(section.text, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is section.date
    qtbot.keyClicks(section.date, "12 oct")
    qtbot.keyClick(section.date, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is section.kind
    section.kind.setCurrentIndex(section.kind.findText("Move"))
    qtbot.keyClick(section.kind, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is section.yearly
    qtbot.keyClick(section.yearly, Qt.Key.Key_Space)
    qtbot.keyClick(section.yearly, Qt.Key.Key_Return)  # Enter adds
    (m,) = moment_store.moments_for(journal.store, ana)
    assert (m.text, m.day, m.kind, m.yearly) == ("Moved to Berlin", dt.date(2026, 10, 12), "move", True)
    assert section.text.text() == "" and not section.yearly.isChecked()
    assert "Move" in section.list.item(0).text() and "every year" in section.list.item(0).text()

    # A second one, newest first; the default kind is Other, the default day today.
    _focus(qtbot, section.text)
    qtbot.keyClicks(section.text, "Passed the bar exam")
    qtbot.keyClick(section.text, Qt.Key.Key_Return)
    assert [x.text for x in moment_store.moments_for(journal.store, ana)] == ["Passed the bar exam", "Moved to Berlin"]
    assert section.list.item(0).text().startswith("Passed the bar exam")

    # Delete removes the selected one; undo brings it back.
    _focus(qtbot, section.list)
    section.list.setCurrentRow(1)
    qtbot.keyClick(section.list, Qt.Key.Key_Delete)
    assert [x.text for x in moment_store.moments_for(journal.store, ana)] == ["Passed the bar exam"]
    assert section.list.count() == 1
    journal.undo_stack.undo()
    assert [x.text for x in moment_store.moments_for(journal.store, ana)] == ["Passed the bar exam", "Moved to Berlin"]
    assert section.list.count() == 2


def test_a_moment_without_text_or_with_a_bad_date_is_said_inline(qtbot, journal) -> None:
    page = _page(qtbot, journal)
    section = page.moments
    _focus(qtbot, section.text)
    qtbot.keyClick(section.text, Qt.Key.Key_Return)
    assert section.error.isVisibleTo(page) and "what happened" in section.error.text().lower()
    qtbot.keyClicks(section.text, "New job at the museum")
    section.date.setText("someday")
    qtbot.keyClick(section.text, Qt.Key.Key_Return)
    assert "date" in section.error.text().lower()
    assert QApplication.focusWidget() is section.date
    assert moment_store.moments_for(journal.store, page.person_id()) == []
    assert journal.undo_stack.count() == 0


# -- moments in the timeline ---------------------------------------------------------------------------
def test_a_moment_is_a_row_of_its_own_in_the_timeline(qtbot, journal, qtmodeltester) -> None:
    store = journal.store
    ana = store.resolve("Ana Lima").id
    rhythm_ops.add_moment(store, ana, "New job at the museum", dt.date(2026, 11, 25), kind="job")
    view = TimelineView(journal)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    model = view.model
    assert isinstance(model, MomentsTimelineModel)
    qtmodeltester.check(model)
    rows = [model.row_item(n) for n in range(model.rowCount())]
    # Newest first: the email (1 Dec), the moment (25 Nov), the call (20 Nov), the walk (2 Nov).
    assert [isinstance(r, Moment) for r in rows] == [False, True, False, False]
    index = model.index(1, 0)
    text = index.data()
    assert "Moment: New job" in text and "Ana Lima" in text and "New job at the museum" in text
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert index.data(Qt.ItemDataRole.FontRole).italic()  # marked differently from interactions
    assert not model.index(0, 0).data(Qt.ItemDataRole.FontRole)

    # The Moments toggle hides them; a person filter keeps that person's.
    view.moments_button.click()
    assert not any(isinstance(model.row_item(n), Moment) for n in range(model.rowCount()))
    view.moments_button.click()
    view.channel_buttons[Channel.EMAIL].click()  # some channels only: those channels only
    assert not any(isinstance(model.row_item(n), Moment) for n in range(model.rowCount()))
    view.channel_buttons[Channel.EMAIL].click()
    view.set_person_filter("Bruno Costa")
    assert not any(isinstance(model.row_item(n), Moment) for n in range(model.rowCount()))
    view.set_person_filter("Ana Lima")
    assert any(isinstance(model.row_item(n), Moment) for n in range(model.rowCount()))

    # Delete on the moment's row removes the moment (undoable), not an interaction.
    row = next(n for n in range(model.rowCount()) if isinstance(model.row_item(n), Moment))
    view.activateWindow()
    _focus(qtbot, view.list)
    view.list.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(view.list, Qt.Key.Key_Delete)
    assert moment_store.moments_for(store, ana) == []
    assert len(store.interactions_for_person(ana)) == 3
    journal.undo_stack.undo()
    assert len(moment_store.moments_for(store, ana)) == 1


def test_moments_come_with_the_page_of_their_dates(qtbot, journal, monkeypatch) -> None:
    """With pages of 2 interactions, each page brings the moments down to its last date."""
    store = journal.store
    ana = store.resolve("Ana Lima").id
    for day in (dt.date(2026, 12, 5), dt.date(2026, 11, 10), dt.date(2025, 1, 1)):
        rhythm_ops.add_moment(store, ana, f"moment {day}", day)
    monkeypatch.setattr(MomentsTimelineModel, "PAGE", 2)
    model = MomentsTimelineModel(journal)
    days = [model.row_item(n) for n in range(model.rowCount())]
    assert [type(r).__name__ for r in days] == ["Moment", "Interaction", "Interaction"]
    while model.canFetchMore():
        model.fetchMore()
    rows = [model.row_item(n) for n in range(model.rowCount())]
    keys = [r.day if isinstance(r, Moment) else r.occurred_on for r in rows]
    assert keys == sorted(keys, reverse=True)
    assert sum(isinstance(r, Moment) for r in rows) == 3 and len(rows) == 6


# -- the Rhythms dialog --------------------------------------------------------------------------------
@pytest.fixture
def dialog(qtbot, journal):
    d = RhythmsDialog(journal)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.activateWindow()
    return d


def test_the_rhythms_model_passes_the_model_tester(qtmodeltester, journal) -> None:
    store = journal.store
    rhythm_ops.add_rhythm(store, "Sunday dinner", [store.resolve("Ana Lima").id], "first sunday", "in-person",
                          start=dt.date(2026, 6, 1))
    model = RhythmsModel(journal)
    qtmodeltester.check(model)
    assert model.index(0, RhythmsModel.RULE).data() == "every first Sunday of the month"


def test_add_a_rhythm_by_keys(qtbot, dialog, journal) -> None:
    assert QApplication.focusWidget() is dialog.name  # no rhythms yet: the form has the focus
    qtbot.keyClicks(dialog.name, "First-Sunday dinner")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.who
    qtbot.keyClicks(dialog.who, "Ana")
    assert dialog.completer.is_open()
    qtbot.keyClick(dialog.who, Qt.Key.Key_Return)  # takes the suggestion, adds nothing yet
    qtbot.keyClicks(dialog.who, ", Bru")
    qtbot.keyClick(dialog.who, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.rule
    qtbot.keyClicks(dialog.rule, "first sunday")
    assert "Every first Sunday of the month; next: Sun 3 Jan 2027" in dialog.rule_hint.text()
    qtbot.keyClick(dialog.rule, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.channel
    qtbot.keyClick(dialog.channel, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.time, "18:00")
    qtbot.keyClick(dialog.time, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.start
    qtbot.keyClicks(dialog.start, "2026-06-01")
    qtbot.keyClick(dialog.start, Qt.Key.Key_Return)
    (r,) = rhythm_store.rhythms(journal.store)
    assert (r.name, r.rule, r.time, r.start) == ("First-Sunday dinner", "first sunday", "18:00", dt.date(2026, 6, 1))
    assert [m[1] for m in r.members] == ["Ana Lima", "Bruno Costa"]
    assert dialog.model.rowCount() == 1 and dialog.table.isVisible()
    assert dialog.model.index(0, RhythmsModel.WHO).data() == "Ana Lima, Bruno Costa"
    assert "Added First-Sunday dinner" in dialog.status.text()
    assert dialog.name.text() == "" and not dialog.error.isVisible()


def test_a_rule_relj_cannot_read_is_said_inline_and_nothing_is_written(qtbot, dialog, journal) -> None:
    qtbot.keyClicks(dialog.name, "Catch-up")
    dialog.who.setText("Ana Lima")
    qtbot.keyClicks(dialog.rule, "fortnightly")
    assert "cannot read" in dialog.rule_hint.text() and "first Sunday" in dialog.rule_hint.text()
    assert "|" not in dialog.rule_hint.text() and "WEEKDAY" not in dialog.rule_hint.text()  # plain words
    before = journal.store.data_version()
    _focus(qtbot, dialog.rule)
    qtbot.keyClick(dialog.rule, Qt.Key.Key_Return)
    assert dialog.error.isVisible() and "fortnightly" in dialog.error.text()
    assert "2 weeks" in dialog.error.text()
    assert QApplication.focusWidget() is dialog.rule
    assert rhythm_store.rhythms(journal.store) == [] and journal.undo_stack.count() == 0
    assert journal.store.data_version() == before
    assert dialog.isVisible()  # Enter never closes the dialog


def test_someone_not_in_the_journal_is_said_inline(qtbot, dialog, journal) -> None:
    dialog.name.setText("Calls")
    dialog.who.setText("Zelda Nobody")
    dialog.rule.setText("2 weeks")
    _focus(qtbot, dialog.rule)
    qtbot.keyClick(dialog.rule, Qt.Key.Key_Return)
    assert dialog.error.isVisible() and "Zelda" in dialog.error.text()
    assert QApplication.focusWidget() is dialog.who
    assert rhythm_store.rhythms(journal.store) == []


@pytest.fixture
def dinner(journal):
    store = journal.store
    ids = [store.resolve("Ana Lima").id, store.resolve("Bruno Costa").id]
    return rhythm_ops.add_rhythm(store, "Sunday dinner", ids, "first sunday", "in-person", time="18:00",
                                 start=dt.date(2026, 6, 1)).value


def test_remove_a_rhythm_with_delete_and_undo_it(qtbot, journal, dinner) -> None:
    d = RhythmsDialog(journal)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d.table)  # the list first when there are rhythms
    assert d.selected_rhythm() == dinner
    qtbot.keyClick(d.table, Qt.Key.Key_Delete)
    assert rhythm_store.rhythms(journal.store) == []
    assert d.model.rowCount() == 0 and d.empty.isVisible()
    assert "Removed Sunday dinner" in d.status.text() and "Ctrl+Z" in d.status.text()
    qtbot.keyClick(d, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [r.name for r in rhythm_store.rhythms(journal.store)] == ["Sunday dinner"]
    assert d.model.rowCount() == 1


def test_add_to_calendar_writes_the_rhythm_with_its_rrule(qtbot, journal, dinner, tmp_path, monkeypatch) -> None:
    asked = []

    def ask(parent, suggested):
        asked.append(suggested)
        return tmp_path / "dinner"

    monkeypatch.setattr(rhythms_dialog, "ask_ics_path", ask)
    d = RhythmsDialog(journal)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d.table)
    qtbot.keyClick(d.table, Qt.Key.Key_Return)  # Enter on a rhythm: Add to calendar…
    assert asked == ["sunday-dinner.ics"]
    path = tmp_path / "dinner.ics"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    (event,) = cal.walk("VEVENT")
    rule = event["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"] and rule["BYDAY"] == ["1SU"]
    assert str(event["SUMMARY"]) == "Sunday dinner"
    assert event.decoded("DTSTART").date() == dt.date(2026, 6, 7)  # the first Sunday from the start
    assert "dinner.ics" in d.status.text()
    assert journal.undo_stack.count() == 0  # a file, not a journal write


# -- the person page: rhythms line and the brief -------------------------------------------------------
def test_the_person_page_names_their_rhythms_and_links_to_the_dialog(qtbot, journal, dinner, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(rhythms_dialog, "show_rhythms", lambda parent, j, person_id=None: opened.append(person_id))
    page = _page(qtbot, journal)
    assert "Rhythms with Ana Lima: Sunday dinner" in page.rhythms_line.text()
    page.rhythms_line.linkActivated.emit("rhythms")
    assert opened == [page.person_id()]


def test_the_dialog_opened_for_a_person_has_them_in_with(qtbot, journal, dinner) -> None:
    ana = journal.store.resolve("Ana Lima").id
    d = RhythmsDialog(journal, ana)
    qtbot.addWidget(d)
    assert d.who.text() == "Ana Lima, "
    assert d.selected_rhythm() == dinner


def test_the_brief_shows_notes_interests_and_what_is_coming(qtbot, journal, dinner) -> None:
    store = journal.store
    ana = store.resolve("Ana Lima").id
    store.add_relationship(ana, store.resolve("Bruno Costa").id, "partner")
    rhythm_ops.add_moment(store, ana, "Moved to a new flat", dt.date(2026, 11, 15), kind="move")
    page = _page(qtbot, journal)
    qtbot.waitUntil(lambda: page.brief.brief is not None, timeout=5000)  # read after the page is shown
    text = page.brief.label.text()
    for part in ("walk by the river", "talked about the new flat", "photos",  # the last three notes
                 "You both like: Climbing",                                    # shared interests
                 "Bruno Costa (partner)",                                      # relationships
                 "Birthday (turns 36)", "Sunday dinner",                       # coming up
                 "Moved to a new flat",                                         # lately
                 "Last met or spoke: 20 Nov"):
        assert part in text, part
    assert "Pottery" not in text
    # A change (a new note) reads it again.
    journal.run(rhythm_ops.add_moment, ana, "Started pottery classes", TODAY - dt.timedelta(days=2), kind="other")
    qtbot.waitUntil(lambda: "Started pottery classes" in page.brief.label.text(), timeout=5000)


def test_the_brief_is_not_read_while_the_page_is_hidden(qtbot, journal) -> None:
    page = PersonPage(journal)
    qtbot.addWidget(page)
    page.show_person(journal.store.resolve("Ana Lima").id)
    qtbot.wait(20)
    assert page.brief.brief is None
    page.show()
    qtbot.waitUntil(lambda: page.brief.brief is not None, timeout=5000)
