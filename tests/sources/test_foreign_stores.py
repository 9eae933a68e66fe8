"""Thunderbird's calendar store and Evolution's address book as sources: found by `sources detect`,
added, synced (a second sync adds nothing), re-read when the file or its WAL changes, never written."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

from tests.cli.helpers import run
from tests.interop.foreign_dbs import HAS_ATTENDEES, Evolution, Thunderbird, us, vcard
from tests.sources.helpers import ME

NOTHING = {"people": 0, "interactions": 0}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def home_with_stores(home: Path) -> tuple[Path, Path]:
    """A home folder with a Thunderbird profile (its local calendar) and Evolution's address book."""
    root = home / ".thunderbird"
    profile = root / "x1y2z3.default-release"
    (profile / "calendar-data").mkdir(parents=True)
    (root / "profiles.ini").write_text("[Profile0]\nName=default-release\nIsRelative=1\n"
                                       "Path=x1y2z3.default-release\nDefault=1\n")
    tb = Thunderbird(profile / "calendar-data" / "local.sqlite")
    for n, day in enumerate((5, 12, 19), 1):
        start = dt.datetime(2024, 3, day, 12, 30)
        tb.event(f"lunch-{n}", "Lunch", start, start + dt.timedelta(hours=1), flags=HAS_ATTENDEES)
        tb.attendee(f"lunch-{n}", f"ORGANIZER:mailto:{ME}")
        tb.attendee(f"lunch-{n}", "ATTENDEE;CN=Ana Lima:mailto:ana@example.org")
    tb.prop("lunch-1", "LOCATION", "Dishoom, Shoreditch")
    book_dir = home / ".local" / "share" / "evolution" / "addressbook" / "system"
    book_dir.mkdir(parents=True)
    eds = Evolution(book_dir / "contacts.db")
    eds.card("pas-id-1", vcard("pas-id-1", "Ana Lima", "ana@example.org", "+44 7700 900123"), name="Ana Lima")
    eds.card("pas-id-2", vcard("pas-id-2", "Chen Wei", "chen@example.org", "+44 20 7946 0018"), name="Chen Wei")
    return tb.close(), eds.close()


def test_detected_stores_are_added_synced_and_a_second_sync_adds_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    calendar, contacts = home_with_stores(home)
    before = {calendar: digest(calendar), contacts: digest(contacts)}
    db = tmp_path / "journal.db"
    run(db, "me", "--email", ME)
    found = json.loads(run(db, "sources", "detect", "--json", env={"HOME": str(home)}).stdout)
    kinds = {(f["kind"], f["program"], f["what"]): f["path"] for f in found}
    assert kinds[("evolution-contacts", "evolution", "contacts")] == str(contacts)
    assert kinds[("thunderbird-calendar", "thunderbird", "calendar")] == str(calendar)

    run(db, "sources", "add", "evolution-contacts", str(contacts))  # people first: the meetings find them
    run(db, "sources", "add", "thunderbird-calendar", str(calendar))
    people, meetings = json.loads(run(db, "sources", "sync", "--json").stdout)
    assert people["added"] == {"people": 2, "interactions": 0} and people["error"] is None
    assert meetings["added"] == {"people": 0, "interactions": 3} and meetings["error"] is None
    assert people["import_id"] is not None and meetings["import_id"] is not None

    again = json.loads(run(db, "sources", "sync", "--json").stdout)
    assert [r["added"] for r in again] == [NOTHING, NOTHING]
    assert [r["import_id"] for r in again] == [None, None] and [r["error"] for r in again] == [None, None]
    history = json.loads(run(db, "import", "history", "--json").stdout)
    assert sorted(h["format"] for h in history) == ["evolution-contacts", "thunderbird-calendar"]
    listed = json.loads(run(db, "sources", "list", "--json").stdout)
    assert [s["kind"] for s in listed] == ["evolution-contacts", "thunderbird-calendar"]
    assert {p: digest(p) for p in before} == before  # read, never written
    assert not Path(f"{calendar}-wal").exists() and not Path(f"{contacts}-journal").exists()


def test_a_change_still_in_the_wal_is_read_on_the_next_sync(tmp_path: Path) -> None:
    calendar, contacts = home_with_stores(tmp_path / "home")
    db = tmp_path / "journal.db"
    run(db, "me", "--email", ME)
    run(db, "sources", "add", "evolution-contacts", str(contacts))
    run(db, "sources", "add", "thunderbird-calendar", str(calendar))
    run(db, "sources", "sync")
    live = sqlite3.connect(calendar)  # Thunderbird running: it writes to its WAL, not to the main file
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("PRAGMA wal_autocheckpoint=0")
    try:
        run(db, "sources", "sync")  # the WAL appeared, empty: read again, nothing new
        main = calendar.stat()
        live.execute("INSERT INTO cal_events (cal_id, id, title, flags, event_start, event_end, event_start_tz,"
                     " event_end_tz) VALUES ('3f2d1b7e-local', 'walk-9', 'Walk', 2, ?, ?, 'UTC', 'UTC')",
                     (us(dt.datetime(2024, 4, 6, 10)), us(dt.datetime(2024, 4, 6, 12))))
        live.execute("INSERT INTO cal_attendees VALUES ('walk-9', NULL, NULL, '3f2d1b7e-local',"
                     " 'ATTENDEE:mailto:chen@example.org')")
        live.commit()
        assert (calendar.stat().st_size, calendar.stat().st_mtime_ns) == (main.st_size, main.st_mtime_ns)
        _, meetings = json.loads(run(db, "sources", "sync", "--json").stdout)
        assert meetings["added"] == {"people": 0, "interactions": 1} and meetings["error"] is None
        _, meetings = json.loads(run(db, "sources", "sync", "--json").stdout)
        assert meetings["added"] == NOTHING and meetings["import_id"] is None
    finally:
        live.close()


def test_a_store_that_turns_into_something_else_is_reported_and_the_others_are_read(tmp_path: Path) -> None:
    calendar, contacts = home_with_stores(tmp_path / "home")
    db = tmp_path / "journal.db"
    run(db, "me", "--email", ME)
    run(db, "sources", "add", "evolution-contacts", str(contacts))
    run(db, "sources", "add", "thunderbird-calendar", str(calendar))
    calendar.write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")  # replaced by something that is not a store
    people, meetings = json.loads(run(db, "sources", "sync", "--json").stdout)
    assert people["added"]["people"] == 2 and people["error"] is None
    assert meetings["added"] == NOTHING
    assert meetings["error"] and "not a Thunderbird calendar (not an SQLite database)" in meetings["error"]
    _, meetings = json.loads(run(db, "sources", "sync", "--json").stdout)
    assert meetings["error"] and "not an SQLite database" in meetings["error"]  # still reported, not read again
    assert calendar.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
