"""Reconciliation by import: a calendar event or a call within 3 days of an open plan becomes that plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from click.testing import CliRunner

from relj.cli import main
from relj.domain import Channel, Initiator, Status
from relj.interop.engine import ImportOptions, ImportSummary, run_import, undo_import
from relj.interop.records import EventRecord, Party, Record
from relj.ops import plans as plan_ops
from relj.store import Store
from relj.store import plans as plan_store

D = dt.timedelta


def imp(store: Store, records: Iterable[Record], fmt: str) -> ImportSummary:
    items = list(records)
    return run_import(store, lambda: iter(items), ImportOptions(fmt=fmt, file_name="f." + fmt))


def call(key: str, number: str, day: dt.date, status: Status = Status.DONE) -> EventRecord:
    return EventRecord(where=f"call {key}", source="calls", source_key=key, occurred_on=day, channel=Channel.PHONE,
                       parties=[Party(phone=number)], occurred_time="18:05", initiator=Initiator.THEM,
                       duration_min=12, status=status)


def test_a_call_the_day_after_becomes_the_plan(store: Store, today: dt.date) -> None:
    ana = store.add_person("Ana", phones=["+44 7700 900123"]).id
    ben = store.add_person("Ben").id
    plan = plan_ops.plan_meeting(store, [ana, ben], today, channel="video", note="catch up").value
    count = store.interaction_count()
    s = imp(store, [call("c1", "+44 7700 900123", today + D(1))], "calls")
    assert (s.interactions_added, s.interactions_updated) == (0, 1)
    assert store.interaction_count() == count
    done = plan_store.interaction(store, plan.id)
    assert done.status is Status.DONE and done.occurred_on == today + D(1) and done.channel is Channel.PHONE
    assert done.occurred_time == "18:05" and done.duration_min == 12 and done.initiator is Initiator.THEM
    assert done.note == "catch up" and done.planned_on == today
    assert {p.id for p in done.participants} == {ana, ben}  # the plan's people stay
    assert (done.source, done.source_key) == ("calls", "c1")
    # Importing the same file again adds nothing; undoing the import keeps the meeting.
    s2 = imp(store, [call("c1", "+44 7700 900123", today + D(1))], "calls")
    assert (s2.interactions_added, s2.interactions_updated, s2.interactions_unchanged) == (0, 0, 1)
    undo_import(store, s.run_id)  # type: ignore[arg-type]
    assert plan_store.interaction(store, plan.id).status is Status.DONE
    assert store.check() == []


def test_calls_far_from_a_plan_or_planned_ones_are_new(store: Store, today: dt.date) -> None:
    ana = store.add_person("Ana", phones=["+44 7700 900123"]).id
    plan = plan_ops.plan_meeting(store, [ana], today + D(10), channel="phone").value
    s = imp(store, [call("c1", "+44 7700 900123", today - D(1)),
                    call("c2", "+44 7700 900123", today + D(9), status=Status.PLANNED)], "calls")
    assert s.interactions_added == 2
    assert plan_store.interaction(store, plan.id).status is Status.PLANNED


def test_a_calendar_event_two_days_before_becomes_the_plan(tmp_path: Path, today: dt.date) -> None:
    db = tmp_path / "j.db"
    store = Store.open(db)
    ana = store.add_person("Ana", emails=["ana@example.org"]).id
    plan = plan_ops.plan_meeting(store, [ana], today, channel="in-person", note="lunch").value
    store.conn.execute("UPDATE interaction SET occurred_on = ?, planned_on = ? WHERE id = ?",
                       [(today - D(1)).isoformat(), (today - D(1)).isoformat(), plan.id])  # the day has passed
    store.close()
    day = (today - D(3)).strftime("%Y%m%d")
    ics = tmp_path / "cal.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:evt-1@example.org\r\n"
        f"DTSTAMP:{day}T080000Z\r\nDTSTART:{day}T120000Z\r\nDTEND:{day}T130000Z\r\nSUMMARY:Lunch with Ana\r\n"
        "ATTENDEE;CN=Ana:mailto:ana@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    result = CliRunner().invoke(main, ["--db", str(db), "import", "ics", str(ics)])
    assert result.exit_code == 0, result.output
    store = Store.open(db)
    done = plan_store.interaction(store, plan.id)
    assert done.status is Status.DONE and done.occurred_on == today - D(3)
    assert done.note.startswith("lunch") and done.planned_on == today - D(1)
    assert store.interaction_count() == 1
    store.close()


def test_a_calendars_own_planned_event_is_not_met_by_another_event_of_it(tmp_path: Path, today: dt.date) -> None:
    """One calendar: a weekly 1:1 with Ana (its next occurrence planned) and a lunch with Ana two
    days before it. The lunch is its own meeting; the 1:1 stays planned (it becomes done through
    its own key when the calendar says so). Found by an audit: the import was refused as damaged."""
    monday = today - D(today.weekday())
    one_on_one = monday - D(7 * 8)
    lunch = monday + D(7 + 1 - 2)  # two days before next week's 1:1 (a Tuesday)
    ics = tmp_path / "cal.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
        f"BEGIN:VEVENT\r\nUID:weekly@google.com\r\nDTSTART:{(one_on_one + D(1)):%Y%m%d}T090000Z\r\n"
        f"DTEND:{(one_on_one + D(1)):%Y%m%d}T093000Z\r\nRRULE:FREQ=WEEKLY\r\nSUMMARY:1:1 Ana\r\n"
        "LOCATION:Office 4B\r\nORGANIZER:mailto:me@example.org\r\nATTENDEE:mailto:ana@example.org\r\nEND:VEVENT\r\n"
        f"BEGIN:VEVENT\r\nUID:lunch@google.com\r\nDTSTART:{lunch:%Y%m%d}T120000Z\r\nDTEND:{lunch:%Y%m%d}T130000Z\r\n"
        "SUMMARY:Lunch with Ana\r\nLOCATION:Café Lume\r\nORGANIZER:mailto:me@example.org\r\n"
        "ATTENDEE:mailto:ana@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    db = tmp_path / "j.db"
    runner = CliRunner()
    env = {"RELJ_TODAY": lunch.isoformat()}
    assert runner.invoke(main, ["--db", str(db), "me", "--email", "me@example.org"], env=env).exit_code == 0
    done = runner.invoke(main, ["--db", str(db), "import", "ics", str(ics), "--create-people"], env=env)
    assert done.exit_code == 0, done.output
    store = Store.open(db)
    try:
        rows = plan_store.interactions(store, [r[0] for r in store.conn.execute("SELECT id FROM interaction")])
        lunches = [i for i in rows if i.place == "Café Lume"]
        assert len(lunches) == 1 and lunches[0].status is Status.DONE and lunches[0].occurred_on == lunch
        assert any(i.status is Status.PLANNED and i.occurred_on == lunch + D(2) for i in rows)
        assert store.check() == []
        assert {h.interaction_id for h in store.search("Lume") if h.kind == "interaction"} == {lunches[0].id}
    finally:
        store.close()


def test_a_row_of_the_import_under_way_can_be_written_once_indexed(store: Store, today: dt.date) -> None:
    """The import defers the search index of its rows; a write to the note of one of them (which
    the index's update trigger follows) indexes what the import added so far first, and the index
    ends consistent: every note found once."""
    from relj.store.imports import ImportTables

    ana = store.add_person("Ana").id
    with store.atomic():
        t = ImportTables(store)
        run = t.begin_run("ics", "f.ics", "2026-01-01T00:00:00")
        t.defer_interaction_search()
        base = {"occurred_time": None, "channel": "in-person", "mode": "together", "initiator": "unknown",
                "duration_min": None, "status": "done", "source": "ics"}
        first = t.insert_interaction({**base, "occurred_on": today.isoformat(), "place": "Café Lume",
                                      "note": "first", "source_key": "k1"}, [ana], run, "2026-01-01T00:00:00")
        t.index_pending(run)
        plan_store.update_row(store, first, note="first, and then more")
        t.insert_interaction({**base, "occurred_on": today.isoformat(), "place": "Park", "note": "second",
                              "source_key": "k2"}, [ana], run, "2026-01-01T00:00:00")
        t.index_interactions(run)
    assert store.check() == []

    def found(word: str) -> set[int | None]:
        return {h.interaction_id for h in store.search(word) if h.kind == "interaction"}

    assert found("more") == {first} and found("Lume") == {first} and len(found("second")) == 1
