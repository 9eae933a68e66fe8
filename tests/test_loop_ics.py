"""A plan as an .ics event, parsed back with icalendar: TZID (or UTC), all-day, VALARM, attendees,
talking points in DESCRIPTION; the local zone's IANA name; `relj plan --ics` end to end."""

from __future__ import annotations

import datetime as dt
import stat
import zoneinfo
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from relj.cli import main
from relj.domain import Channel, ContactKind, ContactPoint, Interaction, Person, PersonRef, Status
from relj.interop.plan_ics import local_zone_name, plan_calendar
from relj.plans import TalkingPoint

DAY = dt.date(2026, 6, 20)
ANA = Person(1, "Ana García", contacts=(ContactPoint(ContactKind.EMAIL, "ana@example.org"),))
BEN = Person(2, "Ben", contacts=(ContactPoint(ContactKind.EMAIL, "ben@example.org"),))
CHLOE = Person(3, "Chloé")  # no address: not an attendee


def _plan(time: str | None = "18:30", duration: int | None = 90, note: str = "Dinner at Luigi's") -> Interaction:
    return Interaction(id=42, occurred_on=DAY, channel=Channel.IN_PERSON, occurred_time=time, duration_min=duration,
                       note=note, status=Status.PLANNED, place="Luigi's, Rua Augusta",
                       participants=(PersonRef(1, "Ana García"), PersonRef(2, "Ben"), PersonRef(3, "Chloé")))


POINTS = [TalkingPoint(1, 1, "ask how the Lisbon move went", DAY), TalkingPoint(2, 2, "the climbing guide", DAY)]


def _event(data: bytes) -> icalendar.Event:
    cal = icalendar.Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def _dtstart_lines(data: bytes) -> list[str]:
    """The event's DTSTART and DTEND lines (a VTIMEZONE's own are local by definition)."""
    text = data.decode()
    event = text[text.index("BEGIN:VEVENT"):]
    return [line for line in event.splitlines() if line.startswith(("DTSTART", "DTEND"))]


def test_timed_plan_has_the_local_tzid_and_its_vtimezone() -> None:
    data = plan_calendar(_plan(), [ANA, BEN, CHLOE], POINTS, zone_name="Europe/Lisbon",
                         organizer=("Sam", "sam@example.org"))
    ev = _event(data)
    start = ev.decoded("dtstart")
    assert start == dt.datetime(2026, 6, 20, 18, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Lisbon"))
    assert ev["dtstart"].params["TZID"] == "Europe/Lisbon"
    assert ev.decoded("dtend") - start == dt.timedelta(minutes=90)
    cal = icalendar.Calendar.from_ical(data)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Lisbon"]
    assert "DTSTART;TZID=Europe/Lisbon:20260620T183000" in data.decode()


def test_no_iana_name_means_utc_never_floating() -> None:
    data = plan_calendar(_plan(), [ANA], zone_name=None, local_tz=dt.timezone(dt.timedelta(hours=3)))
    ev = _event(data)
    assert ev.decoded("dtstart") == dt.datetime(2026, 6, 20, 15, 30, tzinfo=dt.UTC)
    assert "DTSTART:20260620T153000Z" in data.decode()
    assert not icalendar.Calendar.from_ical(data).walk("VTIMEZONE")
    # The local zone UTC itself: Z as well.
    utc = plan_calendar(_plan(), [ANA], zone_name="Etc/UTC")
    assert "DTSTART:20260620T183000Z" in utc.decode()
    for d in (data, utc, plan_calendar(_plan(), [ANA], zone_name="America/New_York")):
        for line in _dtstart_lines(d):
            assert "TZID=" in line or line.endswith("Z") or "VALUE=DATE" in line, line


def test_without_a_time_it_is_all_day() -> None:
    ev = _event(plan_calendar(_plan(time=None, duration=None), [ANA], zone_name="Europe/Lisbon"))
    assert ev.decoded("dtstart") == DAY and ev.decoded("dtend") == DAY + dt.timedelta(days=1)
    alarm = ev.walk("VALARM")[0]
    assert alarm.decoded("trigger") == dt.timedelta(hours=-15)  # 9:00 the day before


def test_alarm_attendees_description() -> None:
    ev = _event(plan_calendar(_plan(duration=None), [ANA, BEN, CHLOE], POINTS, zone_name="Europe/Lisbon",
                              organizer=("Sam", "sam@example.org")))
    alarms = ev.walk("VALARM")
    assert len(alarms) == 1
    assert str(alarms[0]["action"]) == "DISPLAY" and alarms[0].decoded("trigger") == dt.timedelta(hours=-1)
    assert ev.decoded("dtend") - ev.decoded("dtstart") == dt.timedelta(minutes=60)  # default length
    attendees = ev.get("attendee")
    assert isinstance(attendees, list) and [str(a) for a in attendees] == ["mailto:ana@example.org",
                                                                            "mailto:ben@example.org"]
    assert [a.params["CN"] for a in attendees] == ["Ana García", "Ben"]
    assert str(ev["organizer"]) == "mailto:sam@example.org"
    description = str(ev["description"])
    assert description.startswith("Dinner at Luigi's\n\nTalking points:\n")
    assert "- ask how the Lisbon move went (Ana García)" in description
    assert "- the climbing guide (Ben)" in description
    assert str(ev["summary"]) == "Dinner at Luigi's"
    assert str(ev["location"]) == "Luigi's, Rua Augusta"
    assert str(ev["uid"]) == "relj-interaction-42@relj"


def test_summary_without_a_note_names_the_people() -> None:
    ev = _event(plan_calendar(_plan(note=""), [ANA, BEN], zone_name="Europe/Lisbon"))
    assert str(ev["summary"]) == "In person with Ana García, Ben and Chloé"
    assert "description" not in ev


@pytest.mark.parametrize(("tz", "name"), [
    ("Europe/Paris", "Europe/Paris"),
    (":Asia/Tokyo", "Asia/Tokyo"),
    (":/usr/share/zoneinfo/America/Sao_Paulo", "America/Sao_Paulo"),
    ("CET-1CEST,M3.5.0,M10.5.0/3", None),  # a POSIX rule has no IANA name
    ("Not/AZone", None),
])
def test_local_zone_name_from_tz(monkeypatch: pytest.MonkeyPatch, tz: str, name: str | None) -> None:
    monkeypatch.setenv("TZ", tz)
    assert local_zone_name() == name


def test_cli_plan_ics_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELJ_TODAY", "2026-06-15")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    db = tmp_path / "j.db"

    def run(*args: str) -> object:
        result = CliRunner().invoke(main, ["--db", str(db), *args])
        assert result.exit_code == 0, result.output
        return result

    run("person", "add", "Ana", "--email", "ana@example.org")
    run("person", "add", "Ben", "--email", "ben@example.org")
    run("next", "Ana", "--add", "ask about Lisbon")
    out = tmp_path / "plan.ics"
    run("plan", "Ana", "--with", "Ben", "--date", "2026-06-20", "--time", "19:00", "--channel", "video",
        "--ics", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    ev = _event(out.read_bytes())
    assert ev["dtstart"].params["TZID"] == "Europe/Berlin"
    assert "ask about Lisbon" in str(ev["description"])
    assert len(ev.get("attendee")) == 2
    # The calendar sends it back: nothing is added.
    before = CliRunner().invoke(main, ["--db", str(db), "plans", "--json"]).output
    run("import", "ics", str(out))
    assert CliRunner().invoke(main, ["--db", str(db), "plans", "--json"]).output == before
    # A folder as the target: refused before anything is written.
    folder = tmp_path / "folder"
    folder.mkdir()
    result = CliRunner().invoke(main, ["--db", str(db), "plan", "Ana", "--date", "2026-06-21", "--channel", "video",
                                       "--ics", str(folder)])
    assert result.exit_code in (1, 2) and "folder" in result.output.lower()
    assert CliRunner().invoke(main, ["--db", str(db), "plans", "--json"]).output == before
