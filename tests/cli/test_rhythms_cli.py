"""`relj rhythm`, `moment`, `moments` and `upcoming`: exact JSON contracts, one-line errors, the .ics."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar

from tests.cli.helpers import fail, run

FIRST_SUNDAYS = ["2025-01-05", "2025-02-02", "2025-03-02", "2025-04-06", "2025-05-04", "2025-06-01", "2025-07-06",
                 "2025-08-03", "2025-09-07"]


def journal(db: Path) -> None:
    run(db, "person", "add", "Mum", "--circle", "family", "--email", "mum@example.org")
    run(db, "person", "add", "Dad", "--circle", "family")


def test_done_when_on_a_fresh_journal(tmp_path: Path) -> None:
    """Issue 16's "Done when": a dinner kept for months then missed twice flags the family with a true
    reason, the .ics has the right RRULE, a recent move raises its person with an opener, and
    `upcoming` shows the birthday of someone perfectly in touch."""
    db = tmp_path / "j.db"
    env = {"RELJ_TODAY": "2025-11-20"}
    journal(db)
    run(db, "person", "add", "Ana", "--circle", "friends")
    run(db, "person", "add", "Ben Carter", "--circle", "friends", "--birthday", "1988-11-27")
    run(db, "rhythm", "add", "first-Sunday dinner", "--with", "Mum", "--with", "Dad", "--every", "first sunday",
        "--channel", "in-person", "--time", "18:00", "--from", "2025-01-01", env=env)
    for day in FIRST_SUNDAYS:
        run(db, "log", "in-person", "--with", "Mum", "--with", "Dad", "--date", day, env=env)
    for who in ("Mum", "Dad"):  # a cadence of their own that nothing else would break
        run(db, "person", "edit", who, "--rich-every", "365", "--any-every", "365", env=env)
    run(db, "log", "text", "--with", "Mum", "--date", "2025-10-20", env=env)
    run(db, "log", "in-person", "--with", "Ana", "--date", "2025-03-01", env=env)
    run(db, "log", "in-person", "--with", "Ben", "--date", "2025-11-18", env=env)
    run(db, "moment", "Ana", "move to Berlin", "--date", "2025-10-01", "--kind", "move", env=env)

    entries = json.loads(run(db, "reconnect", "--json", env=env).stdout)
    named = {e["name"]: e for e in entries}
    reason = "The first-Sunday dinner with Mum and Dad was missed in October and November."
    for name, kind in (("Mum", "digital-only"), ("Dad", "gone-quiet")):
        assert named[name]["signals"] == ["rhythm-missed"] and named[name]["kind"] == kind
        assert named[name]["reason"].startswith(reason)
    ana = named["Ana"]
    assert "recent-moment" in ana["signals"]
    assert {"kind": "moment", "text": "Ask Ana how the move to Berlin went", "date": "2025-10-01"} in ana["openers"]
    assert "Ben Carter" not in named

    ics = tmp_path / "dinner.ics"
    run(db, "rhythm", "export", "first-sunday dinner", "--ics", str(ics), env=env)
    (event,) = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert event["RRULE"].to_ical() == b"FREQ=MONTHLY;BYDAY=1SU"
    assert event.decoded("DTSTART").date().isoformat() == "2025-01-05"
    assert ics.stat().st_mode & 0o777 == 0o600

    upcoming = json.loads(run(db, "upcoming", "--json", "--today", "2025-11-20", env=env).stdout)
    assert {"date": "2025-11-27", "kind": "birthday", "what": "Ben Carter's birthday (37)",
            "people": [{"id": 4, "name": "Ben Carter"}]} in upcoming
    assert [u["date"] for u in upcoming] == sorted(u["date"] for u in upcoming)


def test_rhythm_list_json_contract(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    journal(db)
    run(db, "rhythm", "add", "Sunday call", "--with", "Mum", "--every", "2 weeks", "--channel", "phone",
        "--from", "2025-01-05")
    run(db, "log", "phone", "--with", "Mum", "--date", "2025-01-19")
    listed = json.loads(run(db, "rhythm", "list", "--json", "--today", "2025-02-10").stdout)
    assert listed == [{"id": 1, "name": "Sunday call", "rule": "2 weeks", "channel": "phone", "time": None,
                       "start": "2025-01-05", "people": [{"id": 1, "name": "Mum"}], "next": "2025-02-16",
                       "last_kept": "2025-01-19", "missed_in_a_row": 1}]
    # RELJ_TODAY applies as --today does.
    same = json.loads(run(db, "rhythm", "list", "--json", env={"RELJ_TODAY": "2025-02-10"}).stdout)
    assert same == listed
    assert "Sunday call: every 2 weeks with Mum (phone); next 2025-02-16" in run(db, "rhythm", "list", "--today", "2025-02-10").stdout
    run(db, "rhythm", "remove", "sunday CALL")
    assert json.loads(run(db, "rhythm", "list", "--json").stdout) == []


def test_moments_and_upcoming_json_contracts(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    journal(db)
    run(db, "moment", "Mum", "Wedding", "--date", "1980-02-29", "--kind", "wedding", "--yearly")
    assert json.loads(run(db, "moments", "Mum", "--json").stdout) == [
        {"id": 1, "person": {"id": 1, "name": "Mum"}, "date": "1980-02-29", "text": "Wedding",
         "kind": "wedding", "yearly": True}]
    got = json.loads(run(db, "upcoming", "--json", "--today", "2027-02-20", "--days", "10").stdout)
    assert got == [{"date": "2027-02-28", "kind": "moment", "what": "Mum: Wedding (47 years)",
                    "people": [{"id": 1, "name": "Mum"}]}]
    assert json.loads(run(db, "upcoming", "--json", "--today", "2027-02-20", "--days", "7").stdout) == []
    assert "moment    Mum: Wedding (47 years)" in run(db, "upcoming", "--today", "2027-02-20").stdout
    show = json.loads(run(db, "person", "show", "Mum", "--json").stdout)
    assert show["moments"][0]["text"] == "Wedding"


def test_bad_input_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    journal(db)
    before = db.read_bytes()
    err = fail(db, "rhythm", "add", "Dinner", "--with", "Mum", "--every", "fifth sunday", "--channel", "in-person")
    assert err.count("\n") == 1 and "week, N weeks, month, N months, year, first|second|third|fourth|last WEEKDAY" in err
    fail(db, "rhythm", "add", "Dinner", "--with", "Nobody", "--every", "month", "--channel", "in-person")
    fail(db, "rhythm", "add", "Dinner", "--with", "Mum", "--every", "month", "--channel", "in-person",
         "--time", "25:00")
    fail(db, "rhythm", "add", "Dinner", "--with", "Mum", "--every", "month", "--channel", "in-person",
         "--from", "2025-13-01")
    fail(db, "rhythm", "add", "Dinner", "--with", "Mum", "--every", "month", "--channel", "pigeon", code=2)
    fail(db, "moment", "Mum", "x", "--date", "2025-01-01", "--kind", "party", code=2)
    fail(db, "moment", "Mum", "x", "--date", "yesterday")
    fail(db, "moment", "Mum", "   ", "--date", "2025-01-01")
    fail(db, "rhythm", "remove", "Dinner")
    fail(db, "rhythm", "export", "Dinner", "--ics", str(tmp_path / "x.ics"))
    fail(db, "upcoming", "--days", "1000", code=2)
    fail(db, "upcoming", "--today", "soon")
    assert not (tmp_path / "x.ics").exists()
    assert json.loads(run(db, "rhythm", "list", "--json").stdout) == []
    assert json.loads(run(db, "moments", "Mum", "--json").stdout) == []
    del before
