"""The iCalendar parser and writer: rules on small fixtures, the real corpus, and fuzzing."""

from __future__ import annotations

import datetime as dt
import io
import zoneinfo
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relj.domain import Channel, Initiator, Status
from relj.errors import UserError
from relj.interop.ical import IcsBirthday, IcsEvent, infer_channel, parse_ics, write_ics
from relj.interop.records import BadRecord, EventRecord, SkippedRecord
from relj.interop.wintz import resolve_tzid

TODAY = dt.date(2024, 6, 3)
ME = {"me@example.com"}
UTC = dt.UTC


def parse(path: Path, today: dt.date = TODAY, **kw: object) -> list[EventRecord | BadRecord | SkippedRecord]:
    return list(parse_ics(path, today=today, me=ME, local_tz=UTC, **kw))  # type: ignore[arg-type]


def events(records: list[EventRecord | BadRecord | SkippedRecord]) -> list[EventRecord]:
    return [r for r in records if isinstance(r, EventRecord)]


def by_uid(records: list[EventRecord | BadRecord | SkippedRecord]) -> dict[str, list[EventRecord]]:
    out: dict[str, list[EventRecord]] = {}
    for r in events(records):
        out.setdefault(r.source_key.split("/", 1)[0], []).append(r)
    return out


# -- recurrence -------------------------------------------------------------------------------


def test_weekly_series_with_exdate_override_and_cancellation(fixtures: Path) -> None:
    records = parse(fixtures / "ics" / "recurrence.ics")
    lunch = by_uid(records)["weekly-lunch@example.org"]
    # 1 Mar .. 5 Apr weekly = 6; 15 Mar excluded (EXDATE in UTC), 29 Mar cancelled.
    assert [(r.occurred_on.isoformat(), r.occurred_time) for r in lunch] == [
        ("2024-03-01", "12:30"),
        ("2024-03-08", "12:30"),
        ("2024-03-22", "14:00"),  # the override moved it; RECURRENCE-ID was given in UTC
        ("2024-04-05", "12:30"),  # after the DST change: still 12:30 local
    ]
    assert lunch[2].source_key == "weekly-lunch@example.org/2024-03-22T12:30:00"
    assert lunch[2].note == "Lunch with Anna (moved)"
    assert lunch[2].duration_min == 60
    first = lunch[0]
    assert first.channel is Channel.IN_PERSON
    assert first.place == "Café Einstein, Kurfürstenstraße 58"
    assert first.initiator is Initiator.THEM
    assert [p.email for p in first.parties] == ["anna@example.org"]  # me and the decliner left out
    assert first.sender is not None and first.sender.name == "Anna Example"
    assert all(r.status is Status.DONE for r in lunch)
    cancelled = [r for r in records if isinstance(r, SkippedRecord) and r.reason == "cancelled"]
    assert len(cancelled) == 1 and "2024-03-29" in cancelled[0].where


def test_open_series_stops_at_today_and_plans_the_next(fixtures: Path) -> None:
    standup = by_uid(parse(fixtures / "ics" / "recurrence.ics"))["daily-standup@example.org"]
    done = [r for r in standup if r.status is Status.DONE]
    planned = [r for r in standup if r.status is Status.PLANNED]
    assert done[0].occurred_on == dt.date(2024, 5, 31) and done[0].occurred_time == "17:00"  # the RDATE
    assert done[-1].occurred_on == TODAY
    assert len(done) == 1 + 3  # RDATE + 1..3 June
    assert [r.occurred_on for r in planned] == [dt.date(2024, 6, 4)]
    assert all(r.duration_min == 15 for r in standup)


def test_reimport_gives_the_same_keys(fixtures: Path) -> None:
    first = [r.source_key for r in events(parse(fixtures / "ics" / "recurrence.ics"))]
    second = [r.source_key for r in events(parse(fixtures / "ics" / "recurrence.ics"))]
    assert first == second and len(set(first)) == len(first)


def test_unbounded_series_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "daily.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:d\nDTSTART:19700101T090000\nRRULE:FREQ=DAILY\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    records = events(parse(path))
    assert len(records) == 2001  # the latest 2000 past ones and the next
    assert records[-2].occurred_on == TODAY


def test_impossible_and_sub_daily_rules_do_not_hang(tmp_path: Path) -> None:
    path = tmp_path / "odd.ics"
    path.write_text(
        "BEGIN:VCALENDAR\n"
        "BEGIN:VEVENT\nUID:a\nDTSTART:20200101T090000\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:b\nDTSTART:20200101T090000\nRRULE:FREQ=SECONDLY\nEND:VEVENT\n"
        "END:VCALENDAR\n"
    )
    assert len(events(parse(path))) == 2  # each only on its DTSTART


# -- time zones -------------------------------------------------------------------------------


def test_time_zones(fixtures: Path) -> None:
    got = by_uid(parse(fixtures / "ics" / "timezones.ics"))
    assert [(r.occurred_on, r.occurred_time, r.duration_min) for r in got["win-1"]] == [
        (dt.date(2024, 1, 15), "09:30", 60)
    ]
    assert [(r.occurred_on.day, r.occurred_time) for r in got["win-2"]] == [(16, "08:00"), (18, "08:00")]
    # UTC is shown in the calendar's X-WR-TIMEZONE (Berlin): 23:00Z is midnight on the 21st.
    assert [(r.occurred_on, r.occurred_time, r.duration_min) for r in got["utc-1"]] == [
        (dt.date(2024, 1, 21), "00:00", 60)
    ]
    assert [(r.occurred_on, r.occurred_time) for r in got["floating-1"]] == [(dt.date(2024, 1, 21), "19:00")]
    assert [(r.occurred_on, r.occurred_time, r.duration_min) for r in got["allday-1"]] == [
        (dt.date(2024, 1, 22), None, None)
    ]


@pytest.mark.parametrize(
    ("tzid", "key"),
    [
        ("W. Europe Standard Time", "Europe/Berlin"),
        ('"Pacific Standard Time"', "America/Los_Angeles"),
        ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Amsterdam"),
        ("(UTC-05:00) Eastern Time (US & Canada)", "America/New_York"),
        ("(GMT+10:00) Canberra, Melbourne, Sydney", "Australia/Sydney"),
        ("/freeassociation.sourceforge.net/Europe/Berlin", "Europe/Berlin"),
        ("/mozilla.org/20070129_1/America/New_York", "America/New_York"),
        ("(UTC-03:00) Brasília", "America/Sao_Paulo"),
    ],
)
def test_resolve_tzid(tzid: str, key: str) -> None:
    assert resolve_tzid(tzid) == zoneinfo.ZoneInfo(key)


def test_resolve_tzid_falls_back_to_the_written_offset() -> None:
    zone = resolve_tzid("GMT +0100 (Standard) / GMT +0200 (Daylight)")
    assert zone is not None and zone.utcoffset(None) == dt.timedelta(hours=1)
    assert resolve_tzid("Nowhere Standard Time") is None


# -- channels, statuses, parties ----------------------------------------------------------------


def test_channels_and_skips(fixtures: Path) -> None:
    records = parse(fixtures / "ics" / "channels.ics")
    got = {uid: rs[0] for uid, rs in by_uid(records).items()}
    assert got["video-desc"].channel is Channel.VIDEO
    assert got["video-teams-location"].channel is Channel.VIDEO
    assert got["video-teams-location"].place == ""
    assert got["in-person"].channel is Channel.IN_PERSON  # a place wins over the word "call"
    assert got["phone-word"].channel is Channel.PHONE
    assert got["phone-conference"].channel is Channel.PHONE
    assert got["phone-location"].channel is Channel.PHONE
    assert got["no-clue"].channel is Channel.IN_PERSON
    assert got["explicit"].channel is Channel.VIDEO
    future = got["future"]
    assert future.status is Status.PLANNED and future.initiator is Initiator.ME
    assert [(p.email, p.name) for p in future.parties] == [("dan@example.org", "Dan")]  # the room is no one
    no_uid = [r for r in events(records) if r.source_key.startswith("sha256:")]
    assert len(no_uid) == 1 and no_uid[0].note == "No UID here"
    reasons = sorted(r.reason for r in records if isinstance(r, SkippedRecord))
    assert reasons == ["birthday", "cancelled", "declined"]


def test_broken_event_does_not_lose_the_others(fixtures: Path) -> None:
    records = parse(fixtures / "ics" / "broken.ics")
    assert [r.note for r in events(records)] == ["Good one", "Good two"]
    bad = [r for r in records if isinstance(r, BadRecord)]
    assert [(b.where, b.reason) for b in bad] == [("event 2 (line 8)", "unreadable start date")]


@pytest.mark.parametrize(
    "content", [b"", b"hello world\n", b"\x00\x01\x02BEGIN:VCALENDAR", b"BEGIN:VCARD\nEND:VCARD\n"]
)
def test_not_a_calendar_is_a_user_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.ics"
    path.write_bytes(content)
    with pytest.raises(UserError, match="x.ics"):
        parse(path)


def test_missing_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="missing.ics"):
        parse(tmp_path / "missing.ics")


# -- writing ----------------------------------------------------------------------------------


def test_write_then_read_back(tmp_path: Path) -> None:
    planned = [
        IcsEvent(
            "p1@relj",
            dt.date(2024, 7, 1),
            "18:30",
            90,
            "Dinner",
            "Bring wine",
            "Trattoria Roma\nBerlin",
            [("Anna Müller", "anna@example.org")],
            Channel.IN_PERSON,
        ),
        IcsEvent(
            "p2@relj", dt.date(2024, 7, 2), "09:00", 30, "Catch-up", "", "", [("", "bob@example.org")], Channel.VIDEO
        ),
        IcsEvent(
            "p3@relj",
            dt.date(2024, 7, 3),
            "20:00",
            None,
            "Ring Carol",
            "",
            "",
            [("Carol", "carol@example.org")],
            Channel.PHONE,
        ),
        IcsEvent("p4@relj", dt.date(2024, 7, 4), None, None, "Hike", "", "Harz", [("Dan", "dan@example.org")]),
    ]
    birthdays = [IcsBirthday("b1@relj", "Anna", 2, 29), IcsBirthday("b2@relj", "Bob", 5, 17, 1980)]
    buf = io.BytesIO()
    assert write_ics(planned, birthdays, buf) == 6
    text = buf.getvalue().decode("utf-8")
    assert "PRODID:-//relj//relj//EN" in text
    assert "BYMONTHDAY=-1" in text and "DTSTART;VALUE=DATE:16040229" in text
    path = tmp_path / "out.ics"
    path.write_bytes(buf.getvalue())
    records = parse(path, today=dt.date(2024, 6, 1))
    got = {r.source_key.split("/")[0]: r for r in events(records)}
    assert all(r.status is Status.PLANNED for r in got.values())
    assert (got["p1@relj"].occurred_on, got["p1@relj"].occurred_time, got["p1@relj"].duration_min) == (
        dt.date(2024, 7, 1),
        "18:30",
        90,
    )
    assert got["p1@relj"].place == "Trattoria Roma" and got["p1@relj"].note == "Dinner"
    assert [(p.email, p.name) for p in got["p1@relj"].parties] == [("anna@example.org", "Anna Müller")]
    assert [got[k].channel for k in ("p1@relj", "p2@relj", "p3@relj", "p4@relj")] == [
        Channel.IN_PERSON,
        Channel.VIDEO,
        Channel.PHONE,
        Channel.IN_PERSON,
    ]
    assert got["p4@relj"].occurred_time is None
    assert sorted(r.reason for r in records if isinstance(r, SkippedRecord)) == ["birthday", "birthday"]


# -- the real corpus --------------------------------------------------------------------------


def _corpus_files() -> list[Path]:
    root = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "ics"
    return sorted(root.iterdir()) if root.is_dir() else []


@pytest.mark.corpus
@pytest.mark.parametrize("name", [p.name for p in _corpus_files()] or ["(no corpus)"])
def test_corpus_file_parses_cleanly(corpus: Path, name: str) -> None:
    path = corpus / "ics" / name
    try:
        records = parse(path, today=dt.date(2026, 6, 1))
    except UserError as exc:
        assert str(exc).count("\n") == 0
        return
    for r in records:
        assert isinstance(r, EventRecord | BadRecord | SkippedRecord)
        if isinstance(r, EventRecord):
            assert r.source == "ics" and r.source_key and r.where


@pytest.mark.corpus
def test_corpus_specifics(corpus: Path) -> None:
    ics = corpus / "ics"
    day = dt.date(2026, 6, 1)
    # Exchange with an unquoted Windows TZID: the wall-clock time as written.
    exchange = events(parse(ics / "biweekly_exchange2010_unquoted_windows_tzid.ics", today=day))
    assert [(r.occurred_on, r.occurred_time) for r in exchange] == [
        (dt.date(2023, 11, 22), "09:30"),
        (dt.date(2023, 4, 22), "09:30"),
    ]
    owa = events(parse(ics / "nodeical_exchange2010_owa_windows_display_tzids.ics", today=day))
    assert (owa[0].occurred_on, owa[0].occurred_time) == (dt.date(2020, 10, 28), "13:30")
    # RFC 7986 CONFERENCE with FEATURE=VIDEO: a video call (the event has no DTSTART, so it is a BadRecord).
    import icalendar

    cal = icalendar.Calendar.from_ical((ics / "icalendar_rfc7986_conference_phone_video.ics").read_bytes())
    assert infer_channel(cal.walk("VEVENT")[0]) is Channel.VIDEO
    assert [r.reason for r in parse(ics / "icalendar_rfc7986_conference_phone_video.ics")] == ["no start date"]
    talk = events(parse(ics / "kcalcore_libkcal_conference_nextcloud_talk.ics", today=day))
    assert talk and all(r.channel is Channel.VIDEO for r in talk)
    # Overrides given in UTC against a Berlin master; one cancelled.
    khal = parse(ics / "khal_rrule_recurrence_id_cancelled.ics", today=day)
    assert [r.occurred_time for r in events(khal)][:2] == ["07:00", "09:00"]
    assert [r.reason for r in khal if isinstance(r, SkippedRecord)] == ["cancelled"]
    # vCalendar 1.0 rules are translated: "MP3 2- FR #17" is 17 meetings.
    assert len(events(parse(ics / "kcalcore_korganizer_vcalendar_1.0_mp_rrule.vcs", today=day))) == 17
    # A calendar icalendar refuses as a whole (impossible TZOFFSETFROM) still gives its event.
    assert len(events(parse(ics / "khal_invalid_tzoffset_5328.ics", today=day))) == 1
    # Google's birthdays calendar is not a list of meetings.
    assert {r.reason for r in parse(ics / "icaljs_google_contacts_birthdays.ics", today=day)} == {"birthday"}
    # Declined attendees are left out.
    delegated = events(parse(ics / "khal_attendees_partstat_delegated.ics", today=day))[0]
    assert all("declined" not in (p.name or "").lower() for p in delegated.parties)


# -- fuzzing ----------------------------------------------------------------------------------


def _check(path: Path) -> None:
    try:
        for r in parse_ics(path, today=TODAY, me=ME, local_tz=UTC):
            assert isinstance(r, EventRecord | BadRecord | SkippedRecord)
    except UserError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_fuzz_random_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\nBEGIN:VEVENT\n" + data)
    _check(path)


_SEEDS = [p for p in (Path(__file__).resolve().parents[1] / "fixtures" / "ics").glob("*.ics")]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.sampled_from(_SEEDS),
    cuts=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40), st.binary(max_size=30)), max_size=6),
)
def test_fuzz_mutated_fixtures(tmp_path: Path, seed: Path, cuts: list[tuple[int, int, bytes]]) -> None:
    data = bytearray(seed.read_bytes())
    for pos, length, insert in cuts:
        pos %= max(len(data), 1)
        data[pos : pos + length] = insert
    path = tmp_path / "mutated.ics"
    path.write_bytes(bytes(data))
    _check(path)
