"""Thunderbird's calendar store (calendar-data/local.sqlite): events with attendees, all-day, weekly with
an exception, cancelled; read from a private copy (WAL, locked), never written; refused in one line."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import tempfile
from pathlib import Path

import pytest

from relj.domain import Channel, Initiator, Status
from relj.errors import UserError
from relj.interop.ical import parse_ics
from relj.interop.records import BadRecord, EventRecord, SkippedRecord
from relj.interop.thunderbird_calendar import parse_thunderbird_calendar
from tests.cli.helpers import fail, run
from tests.interop.foreign_dbs import BERLIN, HAS_ATTENDEES, HAS_PROPERTIES, HAS_RECURRENCE, Thunderbird, us

ME = "sam@example.org"
TODAY = dt.date(2024, 6, 1)


@pytest.fixture(autouse=True)
def _private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copies go to a folder of the test's own, so that it can check none is left behind."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    return scratch


def read(path: Path, today: dt.date = TODAY) -> list[EventRecord | BadRecord | SkippedRecord]:
    return list(parse_thunderbird_calendar(path, today=today, me={ME}))


def events(records: list[EventRecord | BadRecord | SkippedRecord]) -> list[EventRecord]:
    return [r for r in records if isinstance(r, EventRecord)]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def meeting_store(path: Path) -> Path:
    tb = Thunderbird(path)
    tb.event("coffee-1", "Coffee with Ana", dt.datetime(2024, 3, 5, 10, 0), dt.datetime(2024, 3, 5, 11, 30),
             flags=HAS_ATTENDEES | HAS_PROPERTIES)
    tb.attendee("coffee-1", f"ORGANIZER;CN=Sam:mailto:{ME}")
    tb.attendee("coffee-1", "ATTENDEE;CN=Ana Lima;PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT;RSVP=FALSE:\r\n"
                            " mailto:Ana@Example.org")  # folded, as Thunderbird may store it
    tb.attendee("coffee-1", "ATTENDEE;CN=Bo;PARTSTAT=DECLINED:mailto:bo@example.org")
    tb.attendee("coffee-1", "ATTENDEE;CUTYPE=ROOM;CN=Room 1:mailto:room1@example.org")
    tb.prop("coffee-1", "LOCATION", "Café Einstein, Unter den Linden 42")
    tb.prop("coffee-1", "DESCRIPTION", "Catch up; bring the book")
    tb.event("call-2", "Weekly sync", dt.datetime(2024, 4, 2, 15, 0, tzinfo=dt.UTC),
             dt.datetime(2024, 4, 2, 15, 30, tzinfo=dt.UTC), tz="UTC", flags=HAS_ATTENDEES | HAS_PROPERTIES)
    tb.attendee("call-2", "ORGANIZER;CN=Chen:mailto:chen@example.org")
    tb.attendee("call-2", f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{ME}")
    tb.prop("call-2", "URL", "https://meet.jit.si/relj-sync")
    return tb.close()


def test_an_event_with_attendees_is_a_meeting(tmp_path: Path) -> None:
    [call, coffee] = events(read(meeting_store(tmp_path / "local.sqlite")))  # by calendar and id
    assert coffee.source == "ics" and coffee.source_key == "coffee-1/2024-03-05T10:00:00"
    assert coffee.occurred_on == dt.date(2024, 3, 5) and coffee.occurred_time == "10:00"  # Berlin wall clock
    assert coffee.duration_min == 90 and coffee.status is Status.DONE
    assert [(p.email, p.name) for p in coffee.parties] == [("ana@example.org", "Ana Lima")]  # no me, room, decliner
    assert coffee.initiator is Initiator.ME and coffee.channel is Channel.IN_PERSON
    assert coffee.place == "Café Einstein, Unter den Linden 42" and coffee.note == "Coffee with Ana"
    assert call.channel is Channel.VIDEO and call.initiator is Initiator.THEM
    assert [p.email for p in call.parties] == ["chen@example.org"] and call.sender is not None
    assert call.duration_min == 30


def test_records_are_those_of_the_same_event_in_an_ics_file(tmp_path: Path) -> None:
    """The same rules as the .ics importer, and the same keys: an .ics export imported before is recognised."""
    ics = tmp_path / "export.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\n"
        "BEGIN:VEVENT\r\nUID:coffee-1\r\nSUMMARY:Coffee with Ana\r\nSTATUS:CONFIRMED\r\n"
        "DTSTART;TZID=Europe/Berlin:20240305T100000\r\nDTEND;TZID=Europe/Berlin:20240305T113000\r\n"
        f"ORGANIZER;CN=Sam:mailto:{ME}\r\n"
        "ATTENDEE;CN=Ana Lima;PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:Ana@Example.org\r\n"
        "ATTENDEE;CN=Bo;PARTSTAT=DECLINED:mailto:bo@example.org\r\n"
        "ATTENDEE;CUTYPE=ROOM;CN=Room 1:mailto:room1@example.org\r\n"
        "LOCATION:Café Einstein\\, Unter den Linden 42\r\nDESCRIPTION:Catch up\\; bring the book\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    [from_ics] = events(list(parse_ics(ics, today=TODAY, me={ME})))
    from_tb = events(read(meeting_store(tmp_path / "local.sqlite")))[1]
    from_ics.where = from_tb.where
    assert from_tb == from_ics


def test_all_day_events_have_a_date_and_no_time(tmp_path: Path) -> None:
    tb = Thunderbird(tmp_path / "local.sqlite")
    tb.event("picnic", "Picnic", dt.date(2024, 5, 18), dt.date(2024, 5, 19), flags=HAS_ATTENDEES)
    tb.attendee("picnic", "ATTENDEE;CN=Ana:mailto:ana@example.org")
    tb.event("trip", "Trip", dt.date(2024, 7, 1), dt.date(2024, 7, 4), flags=HAS_ATTENDEES)  # after today
    tb.attendee("trip", "ATTENDEE:mailto:ana@example.org")
    picnic, trip = events(read(tb.close()))
    assert (picnic.occurred_on, picnic.occurred_time, picnic.duration_min) == (dt.date(2024, 5, 18), None, None)
    assert picnic.source_key == "picnic/2024-05-18" and picnic.status is Status.DONE
    assert trip.occurred_on == dt.date(2024, 7, 1) and trip.status is Status.PLANNED


def test_a_weekly_event_recurs_with_its_exception_and_exdate(tmp_path: Path) -> None:
    tb = Thunderbird(tmp_path / "local.sqlite")
    start = dt.datetime(2024, 4, 1, 18, 0)  # Mondays, 18:00 in Berlin, across no change of offset
    tb.event("run", "Running club", start, start + dt.timedelta(hours=1), flags=HAS_ATTENDEES | HAS_RECURRENCE | 32)
    tb.attendee("run", "ATTENDEE;CN=Ana:mailto:ana@example.org")
    tb.rule("run", "RRULE:FREQ=WEEKLY;COUNT=6;BYDAY=MO")
    tb.rule("run", "EXDATE;TZID=Europe/Berlin:20240415T180000")
    # The 22 April run moved to Tuesday 19:00, and the 29 April one was cancelled.
    rid = us(dt.datetime(2024, 4, 22, 18, 0, tzinfo=BERLIN))
    tb.event("run", "Running club", dt.datetime(2024, 4, 23, 19, 0), dt.datetime(2024, 4, 23, 20, 0),
             flags=HAS_ATTENDEES, recurrence_id=rid, rid_tz="Europe/Berlin")
    tb.attendee("run", "ATTENDEE;CN=Ana:mailto:ana@example.org", rid, "Europe/Berlin")
    tb.event("run", "Running club", dt.datetime(2024, 4, 29, 18, 0), dt.datetime(2024, 4, 29, 19, 0),
             status="CANCELLED", recurrence_id=us(dt.datetime(2024, 4, 29, 18, 0, tzinfo=BERLIN)),
             rid_tz="Europe/Berlin")
    records = read(tb.close(), today=dt.date(2024, 5, 1))
    done = [(r.occurred_on.isoformat(), r.occurred_time, r.status.value) for r in events(records)]
    assert done == [("2024-04-01", "18:00", "done"), ("2024-04-08", "18:00", "done"),
                    ("2024-04-23", "19:00", "done"), ("2024-05-06", "18:00", "planned")]
    assert [r.source_key for r in events(records)][2] == "run/2024-04-22T18:00:00"  # keyed by its original start
    assert [r.reason for r in records if isinstance(r, SkippedRecord)] == ["cancelled"]


def test_cancelled_declined_and_offline_deleted_events_are_left_out(tmp_path: Path) -> None:
    tb = Thunderbird(tmp_path / "local.sqlite")
    day = dt.datetime(2024, 2, 1, 12, 0)
    tb.event("off", "Lunch", day, day + dt.timedelta(hours=1), status="CANCELLED", flags=HAS_ATTENDEES)
    tb.attendee("off", "ATTENDEE:mailto:ana@example.org")
    tb.event("no", "Party", day, day + dt.timedelta(hours=3), flags=HAS_ATTENDEES)
    tb.attendee("no", "ORGANIZER:mailto:chen@example.org")
    tb.attendee("no", f"ATTENDEE;PARTSTAT=DECLINED:mailto:{ME}")
    tb.event("gone", "Deleted offline", day, day + dt.timedelta(hours=1), offline=4)
    tb.event("todo-like", "No start", day, day, status=None)
    records = read(tb.close())
    assert [(r.where, r.reason) for r in records if isinstance(r, SkippedRecord)] == [
        ("event 1", "declined"), ("event 2", "cancelled")]  # by calendar and id: "no" before "off"
    assert all("gone" not in getattr(r, "source_key", "") for r in records)


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path, _private_tmp: Path) -> None:
    text = tmp_path / "local.sqlite"
    text.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    before = digest(text)
    with pytest.raises(UserError, match="not a Thunderbird calendar \\(not an SQLite database\\)"):
        read(text)
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE moz_places (id INTEGER)")
    conn.commit()
    conn.close()
    other_before = digest(other)
    with pytest.raises(UserError, match="not a Thunderbird calendar \\(no cal_events table\\)"):
        read(other)
    old = tmp_path / "old.sqlite"
    conn = sqlite3.connect(old)
    conn.executescript("CREATE TABLE cal_events (cal_id INTEGER, id TEXT, title TEXT);"
                       "CREATE TABLE cal_attendees (item_id TEXT, attendee_id TEXT, common_name TEXT);")
    conn.close()
    with pytest.raises(UserError, match="old or unknown Thunderbird format"):
        read(old)
    assert digest(text) == before and digest(other) == other_before
    assert not (tmp_path / "other.sqlite-wal").exists() and not (tmp_path / "other.sqlite-journal").exists()
    assert list(_private_tmp.iterdir()) == []  # every copy deleted


def test_a_wal_database_is_read_with_what_is_still_in_its_wal(tmp_path: Path, _private_tmp: Path) -> None:
    path = meeting_store(tmp_path / "local.sqlite")
    live = sqlite3.connect(path)  # Thunderbird, running: its last change is in the WAL only
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("PRAGMA wal_autocheckpoint=0")
    live.execute("INSERT INTO cal_events (cal_id, id, title, ical_status, flags, event_start, event_end,"
                 " event_start_tz, event_end_tz) VALUES ('3f2d1b7e-local', 'new-3', 'Dinner', NULL, 2, ?, ?,"
                 " 'floating', 'floating')", (us(dt.datetime(2024, 5, 2, 19)), us(dt.datetime(2024, 5, 2, 21))))
    live.execute("INSERT INTO cal_attendees VALUES ('new-3', NULL, NULL, '3f2d1b7e-local', 'ATTENDEE:mailto:d@example.org')")
    live.commit()
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0
    main_before, wal_before = digest(path), digest(wal)
    try:
        keys = [r.source_key for r in events(read(path))]
    finally:
        assert digest(path) == main_before and digest(wal) == wal_before  # read, never written
        live.close()
    assert "new-3/2024-05-02T19:00:00" in keys and len(keys) == 3
    assert list(_private_tmp.iterdir()) == []


def test_a_wal_database_of_a_closed_thunderbird_gets_no_files_beside_it(tmp_path: Path) -> None:
    path = meeting_store(tmp_path / "local.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")  # stays in the header; -wal and -shm go at close
    conn.close()
    before = digest(path)
    assert len(events(read(path))) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["local.sqlite", "scratch"]
    assert digest(path) == before


def test_a_locked_database_is_read_from_its_main_file(tmp_path: Path) -> None:
    path = meeting_store(tmp_path / "local.sqlite")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # a rollback-journal database that a program holds locked
    holder.execute("DELETE FROM cal_events WHERE id = 'call-2'")  # not committed: not seen
    try:
        keys = [r.source_key for r in events(read(path))]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert keys == ["call-2/2024-04-02T15:00:00", "coffee-1/2024-03-05T10:00:00"]


def test_unreadable_times_are_bad_records_and_the_others_are_read(tmp_path: Path) -> None:
    tb = Thunderbird(tmp_path / "local.sqlite")
    tb.event("ok", "Tea", dt.datetime(2024, 1, 5, 16), dt.datetime(2024, 1, 5, 17), flags=HAS_ATTENDEES)
    tb.attendee("ok", "ATTENDEE:mailto:ana@example.org")
    tb.close()
    conn = sqlite3.connect(tb.path)
    conn.execute("INSERT INTO cal_events (cal_id, id, title, flags, event_start, event_start_tz)"
                 " VALUES ('3f2d1b7e-local', 'huge', 'Far', 0, ?, 'UTC')", (2**62,))
    conn.execute("INSERT INTO cal_events (cal_id, id, title, flags, event_start, event_start_tz)"
                 " VALUES ('3f2d1b7e-local', 'zone', 'Odd zone', 0, ?, 'Nowhere/Atlantis')",
                 (us(dt.datetime(2024, 1, 6, 9)),))
    conn.commit()
    conn.close()
    records = read(tb.path)
    assert [r.where for r in records if isinstance(r, BadRecord)] == ["event 1"]
    odd = next(r for r in events(records) if r.source_key.startswith("zone/"))
    assert odd.source_key == "zone/2024-01-06T09:00:00"  # a zone relj cannot name: read as UTC


def test_relj_import_thunderbird_calendar(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    run(db, "me", "--email", ME)
    path = meeting_store(tmp_path / "local.sqlite")
    before = digest(path)
    out = run(db, "import", "thunderbird-calendar", str(path), "--create-people").stdout
    assert "2 added" in out
    again = run(db, "import", "thunderbird-calendar", str(path), "--create-people").stdout
    assert "0 added" in again and "2 unchanged" in again
    assert digest(path) == before
    notes = tmp_path / "notes.txt"
    notes.write_text("not a calendar")
    assert fail(db, "import", "thunderbird-calendar", str(notes)).strip().endswith(
        "not a Thunderbird calendar (not an SQLite database)")
    assert notes.read_text() == "not a calendar"
