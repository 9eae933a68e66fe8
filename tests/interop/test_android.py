"""SMS Backup & Restore files: calls.xml and sms.xml."""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relj.domain import Channel, Initiator
from relj.errors import UserError
from relj.interop.android import parse_calls, parse_sms
from relj.interop.records import BadRecord, EventRecord, Party, SkippedRecord
from tests.interop.guard import run_guarded

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "android"
LONDON = ZoneInfo("Europe/London")


def events(records: list[EventRecord | BadRecord | SkippedRecord]) -> list[EventRecord]:
    return [r for r in records if isinstance(r, EventRecord)]


def reasons(records: list[EventRecord | BadRecord | SkippedRecord]) -> Counter[str]:
    return Counter(r.reason for r in records if isinstance(r, SkippedRecord))


# -- calls ---------------------------------------------------------------------------------


@pytest.fixture
def calls() -> list[EventRecord | BadRecord | SkippedRecord]:
    return list(parse_calls(FIXTURES / "calls.xml", tz=LONDON, region="GB"))


def test_answered_calls_become_phone_events(calls: list[EventRecord | BadRecord | SkippedRecord]) -> None:
    got = events(calls)
    assert [(e.occurred_on.isoformat(), e.occurred_time, e.initiator, e.duration_min) for e in got] == [
        ("2024-03-12", "09:05", Initiator.THEM, 3),  # 125 s
        ("2024-03-12", "21:15", Initiator.ME, 1),  # 60 s
        ("2024-03-12", "23:59", Initiator.ME, 2),  # 61 s
        ("2024-07-01", "18:30", Initiator.THEM, 60),  # summer time: UTC+1
        ("2024-07-01", "19:00", Initiator.THEM, 5),  # answered on a linked device
    ]
    assert all(e.channel is Channel.PHONE and e.source == "calls" for e in got)
    first = got[0]
    assert first.parties == [Party(phone="+442079460000", name="Ana Løvström")]
    assert first.source_key == "call:+442079460000:1710234300000"


def test_one_person_in_three_forms_has_one_key(calls: list[EventRecord | BadRecord | SkippedRecord]) -> None:
    ana = [e for e in events(calls) if e.parties[0].name == "Ana Løvström"]
    assert [e.parties[0].phone for e in ana] == ["+442079460000", "020 7946 0000", "00442079460000"]
    assert {e.source_key.split(":")[1] for e in ana} == {"+442079460000"}


def test_unknown_names_and_bidi_marks(calls: list[EventRecord | BadRecord | SkippedRecord]) -> None:
    us = [e for e in events(calls) if e.duration_min == 60][0]
    assert us.parties == [Party(phone="+1 (202) 555-0143", name="")]
    assert us.source_key == "call:+12025550143:1719855000000"


def test_skips_and_bad_records(calls: list[EventRecord | BadRecord | SkippedRecord]) -> None:
    assert reasons(calls) == Counter(
        {
            "missed call": 1,
            "rejected call": 1,
            "blocked call": 1,
            "voicemail": 1,
            "zero-length call": 1,
            "withheld number": 1,
        }
    )
    bad = [r for r in calls if isinstance(r, BadRecord)]
    assert bad == [BadRecord("call at line 16", "bad date")]


def test_default_zone_is_the_system_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        got = events(list(parse_calls(FIXTURES / "calls.xml")))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert got[3].occurred_time == "17:30"  # 18:30 BST


def test_calls_log_counts_only(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="relj.interop.android"):
        list(parse_calls(FIXTURES / "calls.xml", tz=LONDON, region="GB"))
    text = caplog.text
    assert "5 events, 6 skipped, 1 bad" in text
    for private in ("Ana", "7946", "+44", "0143"):
        assert private not in text


# -- sms -----------------------------------------------------------------------------------


@pytest.fixture
def sms() -> list[EventRecord | BadRecord | SkippedRecord]:
    return list(parse_sms(FIXTURES / "sms.xml", tz=LONDON, region="GB"))


def test_one_event_per_conversation_per_day(sms: list[EventRecord | BadRecord | SkippedRecord]) -> None:
    got = {e.source_key: e for e in events(sms)}
    assert sorted(got) == [
        "sms:+12025550143:2024-07-01",
        "sms:+442079460000:2024-03-12",
        "sms:+447700900123,+447700900456:2024-03-12",
        "sms:+447700900123:2024-03-12",
        "sms:+447700900123:2024-03-13",
    ]
    ben = got["sms:+447700900123:2024-03-12"]
    # Sorted by date, not by file order: the first text (09:05) is later in the file.
    assert (ben.occurred_time, ben.initiator, ben.note) == ("09:05", Initiator.THEM, "3 messages")
    assert ben.parties == [Party(phone="+447700900123", name="Bén 🎸")]
    assert ben.channel is Channel.TEXT and ben.source == "sms"
    # "+44…", "07700…" and "0044…" forms of one number are one conversation.
    assert got["sms:+447700900123:2024-03-13"].note == "2 messages"
    assert got["sms:+447700900123:2024-03-13"].initiator is Initiator.ME
    ana = got["sms:+442079460000:2024-03-12"]
    assert (ana.occurred_time, ana.initiator, ana.note) == ("22:00", Initiator.ME, "2 messages")
    assert got["sms:+12025550143:2024-07-01"].note == "1 message"


def test_group_mms_leaves_out_the_owner(sms: list[EventRecord | BadRecord | SkippedRecord]) -> None:
    group = [e for e in events(sms) if "," in e.source_key]
    assert len(group) == 1
    # Sent at 20:00 (date in ms), received at 21:40 (date in seconds), and at 22:00 without an
    # address attribute: the owner's number, learnt from the sent one, is not a party.
    assert group[0].note == "3 messages"
    assert (group[0].occurred_time, group[0].initiator) == ("20:00", Initiator.ME)
    assert group[0].parties == [Party(phone="+447700900123"), Party(phone="+447700900456")]


def test_bodies_never_leave_the_parser(sms: list[EventRecord | BadRecord | SkippedRecord]) -> None:
    text = repr(sms)
    for body in ("Pub later", "Dinner", "Count me in", "Ça va", "parcel", "🍺", "🎉"):
        assert body not in text


def test_sms_skips_and_bad_records(sms: list[EventRecord | BadRecord | SkippedRecord]) -> None:
    assert reasons(sms) == Counter({"unsent message": 3, "automated sender": 1})
    assert [r for r in sms if isinstance(r, BadRecord)] == [BadRecord("sms at line 14", "bad date")]


def test_without_region_national_forms_stay_apart() -> None:
    got = events(list(parse_sms(FIXTURES / "sms.xml", tz=LONDON)))
    keys = {e.source_key for e in got}
    assert "sms:+447700900123:2024-03-12" in keys
    assert "sms:07700900123:2024-03-12" in keys


def test_known_owner_numbers(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    path.write_text(
        "<smses>"
        '<mms date="1710273600000" msg_box="1"><addrs>'
        '<addr address="+447700900123" type="137"/><addr address="+447700900999" type="151"/>'
        "</addrs></mms></smses>",
        encoding="utf-8",
    )
    without = events(list(parse_sms(path, tz=LONDON)))
    assert without[0].source_key == "sms:+447700900123,+447700900999:2024-03-12"
    known = events(list(parse_sms(path, tz=LONDON, me_numbers=frozenset({"+44 7700 900999"}))))
    assert known[0].source_key == "sms:+447700900123:2024-03-12"
    assert known[0].initiator is Initiator.THEM


def test_email_addresses_and_short_codes(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    path.write_text(
        "<smses>"
        '<sms address="Ana@Example.org" date="1710273600000" type="1"/>'
        '<sms address="88600" date="1710273600000" type="1"/>'
        '<sms address="" date="1710273600000" type="1"/>'
        "</smses>",
        encoding="utf-8",
    )
    got = list(parse_sms(path, tz=LONDON, region="GB"))
    assert reasons(got) == Counter({"automated sender": 1, "no address": 1})
    (mail,) = events(got)
    assert mail.parties == [Party(email="Ana@Example.org")]
    assert mail.source_key == "sms:ana@example.org:2024-03-12"


def test_day_boundary_follows_the_zone(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    # 23:30 UTC on 12 March: still the 12th in London, already the 13th in Berlin.
    stamp = int(dt.datetime(2024, 3, 12, 23, 30, tzinfo=dt.UTC).timestamp() * 1000)
    path.write_text(f'<smses><sms address="+447700900123" date="{stamp}" type="2"/></smses>', encoding="utf-8")
    assert events(list(parse_sms(path, tz=LONDON)))[0].occurred_on == dt.date(2024, 3, 12)
    assert events(list(parse_sms(path, tz=ZoneInfo("Europe/Berlin"))))[0].occurred_on == dt.date(2024, 3, 13)


# -- unreadable files ----------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="nope.xml"):
        list(parse_calls(tmp_path / "nope.xml"))


def test_wrong_kind_of_backup() -> None:
    with pytest.raises(UserError, match=r"expected <calls>.*found <smses>"):
        list(parse_calls(FIXTURES / "sms.xml"))
    with pytest.raises(UserError, match=r"expected <smses>.*found <calls>"):
        list(parse_sms(FIXTURES / "calls.xml"))


@pytest.mark.parametrize("content", [b"", b"not xml at all", b"<calls><call", b"\xff\xfe\x00garbage"])
def test_broken_xml_names_file_and_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "calls.xml"
    path.write_bytes(content)
    with pytest.raises(UserError, match=r"calls\.xml.*line \d+|calls\.xml: empty"):
        list(parse_calls(path))


def test_truncated_backup_fails_cleanly(tmp_path: Path) -> None:
    data = (FIXTURES / "calls.xml").read_bytes()
    path = tmp_path / "calls.xml"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UserError, match=r"line \d+.*truncated"):
        list(parse_calls(path))


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<smses><sms address="+447700900123" date="1710273600000" type="1" body="&lol9;" contact_name="&lol9;"/></smses>
"""


@pytest.mark.parametrize("parse", [parse_calls, parse_sms])
def test_billion_laughs_is_refused_at_once(tmp_path: Path, parse: object) -> None:
    path = tmp_path / "bomb.xml"
    path.write_bytes(BILLION_LAUGHS)
    start = time.monotonic()
    with pytest.raises(UserError, match=r"bomb\.xml \(line 2\): refusing an XML file with a DTD"):
        list(parse(path))  # type: ignore[operator]
    assert time.monotonic() - start < 10  # a hang guard only; refusing takes milliseconds


def test_external_entity_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    path.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE smses SYSTEM "file:///etc/passwd">'
        b'<smses><sms address="+447700900123" date="1" type="1"/></smses>'
    )
    with pytest.raises(UserError, match="DTD"):
        list(parse_sms(path))


def test_utf16_backup(tmp_path: Path) -> None:
    path = tmp_path / "calls.xml"
    text = (FIXTURES / "calls.xml").read_text(encoding="utf-8").replace("UTF-8", "UTF-16")
    path.write_bytes(text.encode("utf-16"))
    assert len(events(list(parse_calls(path, tz=LONDON, region="GB")))) == 5


def test_big_file_streams(tmp_path: Path) -> None:
    """Many messages in many chunks: one event per conversation-day, in bounded memory."""
    path = tmp_path / "sms.xml"
    base = 1710234300000
    with path.open("w", encoding="utf-8") as out:
        out.write("<smses>\n")
        for i in range(30_000):
            number = f"+4477009001{i % 10:02d}"
            out.write(f'<sms address="{number}" date="{base + i * 60_000}" type="{1 + i % 2}" body="{"x" * 80}"/>\n')
        out.write("</smses>\n")
    got = events(list(parse_sms(path, tz=LONDON, region="GB")))
    # 30,000 minutes is about 21 days: 10 conversations a day.
    assert sum(int(e.note.split()[0]) for e in got) == 30_000
    assert len(got) == 10 * len({e.occurred_on for e in got})


# -- fuzzing -------------------------------------------------------------------------------

Record = EventRecord | BadRecord | SkippedRecord


def check(parse: object, path: Path) -> None:
    try:
        records = list(parse(path, tz=LONDON, region="GB"))  # type: ignore[operator]
    except UserError as exc:
        assert "\n" not in str(exc)
        return
    assert all(isinstance(r, Record) for r in records)


def mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for pos, cut, insert in edits:
        at = pos % (len(data) + 1)
        data = data[:at] + insert + data[at + cut :]
    return data


EDITS = st.lists(
    st.tuples(
        st.integers(0, 10_000),
        st.integers(0, 40),
        st.one_of(
            st.binary(max_size=8),
            st.sampled_from(
                [b'"', b"<", b">", b"/>", b'date="', b'type="', b"&amp;", b"\xff", b"-1", b"99999999999999"]
            ),
        ),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_random_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.xml"
    path.write_bytes(data)
    check(parse_calls, path)
    check(parse_sms, path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS, which=st.sampled_from(["calls", "sms"]))
def test_mutated_fixtures(tmp_path: Path, edits: list[tuple[int, int, bytes]], which: str) -> None:
    path = tmp_path / f"{which}.xml"
    path.write_bytes(mutate((FIXTURES / f"{which}.xml").read_bytes(), edits))
    check(parse_calls if which == "calls" else parse_sms, path)


ATTR = st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=20)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    attrs=st.dictionaries(
        st.sampled_from(["address", "number", "date", "type", "msg_box", "duration", "contact_name"]),
        st.one_of(ATTR, st.integers(-(10**20), 10**20).map(str)),
    ),
    addrs=st.lists(st.tuples(ATTR, st.sampled_from(["137", "151", "130", "x"])), max_size=3),
)
def test_random_attributes(tmp_path: Path, attrs: dict[str, str], addrs: list[tuple[str, str]]) -> None:
    from xml.sax.saxutils import quoteattr

    attr_text = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items())
    addr_text = "".join(f"<addr address={quoteattr(a)} type={quoteattr(t)}/>" for a, t in addrs)
    path = tmp_path / "calls.xml"
    path.write_text(f"<calls><call {attr_text}/></calls>", encoding="utf-8")
    check(parse_calls, path)
    path = tmp_path / "sms.xml"
    path.write_text(
        f"<smses><sms {attr_text}/><mms {attr_text}><addrs>{addr_text}</addrs></mms></smses>", encoding="utf-8"
    )
    check(parse_sms, path)


def test_unknown_xml_encoding_is_a_clean_error(tmp_path: Path) -> None:
    bad = tmp_path / "calls.xml"
    bad.write_text('<?xml version="1.0" encoding="U-TF-8"?>\n<calls count="0"></calls>\n')
    with pytest.raises(UserError, match="line 1"):
        list(parse_calls(bad))


# -- dates in seconds, rows stored twice, names found late (issue 13) -------------------------


def test_sms_dates_in_seconds_or_milliseconds_per_value() -> None:
    records = list(parse_sms(FIXTURES / "sms_seconds_dates.xml", tz=LONDON, region="GB"))
    days = [(e.occurred_on.isoformat(), e.occurred_time, e.note) for e in events(records)]
    assert days == [("2024-03-12", "21:15", "2 messages"), ("2024-03-13", "08:00", "1 message")]
    assert reasons(records) == {"impossible date": 1}  # date="0": never a text on 1 Jan 1970


def test_calls_dates_in_seconds_and_impossible_dates(tmp_path: Path) -> None:
    path = tmp_path / "calls.xml"
    path.write_text(
        '<calls count="2"><call number="+447700900777" duration="60" date="1710278130" type="1" />'
        '<call number="+447700900777" duration="60" date="86400000" type="1" /></calls>'
    )
    records = list(parse_calls(path, tz=LONDON, region="GB"))
    assert [e.occurred_on.isoformat() for e in events(records)] == ["2024-03-12"]
    assert reasons(records) == {"impossible date": 1}


def test_rows_stored_twice_count_once() -> None:
    records = list(parse_sms(FIXTURES / "sms_stored_twice.xml", tz=LONDON, region="GB"))
    notes = {tuple(p.phone for p in e.parties): e.note for e in events(records)}
    assert notes == {("+447700900123",): "3 messages", ("+447700900123", "+447700900456"): "1 message"}
    assert reasons(records) == {"stored twice": 2}


def test_the_best_name_in_the_call_log_names_every_call() -> None:
    records = list(parse_calls(FIXTURES / "calls_late_name.xml", tz=LONDON, region="GB"))
    assert [e.parties[0].name for e in events(records)] == ["Dora Kovač"] * 4


def test_sms_name_given_only_by_later_messages(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    path.write_text(
        '<smses count="2"><sms address="+447700900777" date="1710278130000" type="1" body="a" contact_name="null" />'
        '<sms address="+447700900777" date="1710364530000" type="1" body="b" contact_name="Dora" /></smses>'
    )
    assert [e.parties[0].name for e in events(list(parse_sms(path, tz=LONDON, region="GB")))] == ["Dora", "Dora"]


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    os.mkfifo(path)
    result = run_guarded(
        f"""
        import json
        from pathlib import Path
        from relj.errors import UserError
        from relj.interop.android import parse_sms
        try:
            list(parse_sms(Path({str(path)!r})))
        except UserError as exc:
            print(json.dumps(str(exc)))
    """,
        timeout=30,
    )
    assert result == f"cannot read {path}: it is a named pipe, not a regular file"
