"""WhatsApp "Export chat" text files in the formats of several locales and both phone systems."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relj.domain import Channel, Initiator
from relj.errors import UserError
from relj.interop.records import BadRecord, EventRecord, Party, SkippedRecord
from relj.interop.whatsapp import detect_date_order, parse_whatsapp
from tests.interop.guard import run_guarded

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "whatsapp"
ME = {"sam owner", "SAM"}

Record = EventRecord | BadRecord | SkippedRecord


def parse(path: Path, me: set[str] | None = None, order: str | None = None) -> list[Record]:
    return list(parse_whatsapp(path, me_names=ME if me is None else me, date_order=order))


def events(records: list[Record]) -> list[EventRecord]:
    return [r for r in records if isinstance(r, EventRecord)]


def texts(records: list[Record]) -> list[tuple[str, str | None, Initiator, str]]:
    return [
        (e.occurred_on.isoformat(), e.occurred_time, e.initiator, e.note)
        for e in events(records)
        if e.channel is Channel.TEXT
    ]


def calls(records: list[Record]) -> list[tuple[str, str | None, Channel, Initiator, int | None]]:
    return [
        (e.occurred_on.isoformat(), e.occurred_time, e.channel, e.initiator, e.duration_min)
        for e in events(records)
        if e.channel is not Channel.TEXT
    ]


def reasons(records: list[Record]) -> Counter[str]:
    return Counter(r.reason for r in records if isinstance(r, SkippedRecord))


def write(tmp_path: Path, text: str, name: str = "WhatsApp Chat with Ana.txt") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- the fixtures, one per locale ----------------------------------------------------------


def test_android_day_first_24_hour() -> None:
    records = parse(FIXTURES / "WhatsApp Chat with Ana.txt")
    assert texts(records) == [
        # Hi, Yes (+ two continuation lines), <Media omitted>: the deleted one does not count.
        ("2024-03-12", "21:15", Initiator.THEM, "3 messages"),
        ("2024-03-13", "09:30", Initiator.ME, "1 message"),  # "Voice call tomorrow?" is a text
        ("2024-03-25", "07:45", Initiator.THEM, "1 message"),
    ]
    assert reasons(records) == Counter({"system message": 1, "deleted message": 2})
    first = events(records)[0]
    assert first.parties == [Party(name="Ana Løvström")]
    assert first.source == "whatsapp"
    assert first.source_key == "whatsapp:Ana:2024-03-12"
    assert first.where == "messages from line 2"


def test_us_month_first_12_hour_with_narrow_spaces() -> None:
    records = parse(FIXTURES / "WhatsApp Chat with Ben.txt")
    assert texts(records) == [
        ("2024-03-12", "21:15", Initiator.THEM, "2 messages"),
        ("2024-03-13", "00:05", Initiator.THEM, "1 message"),  # 12:05 AM
    ]
    assert calls(records) == [
        ("2024-03-14", "07:10", Channel.PHONE, Initiator.ME, 12),
        ("2024-03-14", "12:30", Channel.VIDEO, Initiator.THEM, 1),  # 12:30 PM, 45 sec
    ]
    assert reasons(records)["missed call"] == 1
    keys = [e.source_key for e in events(records)]
    assert "whatsapp:Ben:2024-03-14:call:07:10" in keys


def test_ios_group_with_marks_seconds_and_a_number() -> None:
    records = parse(FIXTURES / "WhatsApp Chat - Family" / "_chat.txt")
    # The group's own name is the "sender" of its system lines: it is not a person.
    assert reasons(records) == Counter({"system message": 3, "missed call": 1, "deleted message": 1})
    (day,) = [e for e in events(records) if e.channel is Channel.TEXT]
    assert day.parties == [Party(name="Mum"), Party(phone="+44 7700 900123")]
    assert (day.occurred_time, day.initiator, day.note) == ("21:16", Initiator.THEM, "4 messages")
    assert day.source_key == "whatsapp:Family:2024-03-12"
    assert calls(records) == [("2024-03-13", "19:05", Channel.VIDEO, Initiator.ME, 63)]  # 1:02:03
    (call,) = [e for e in events(records) if e.channel is Channel.VIDEO]
    assert call.source_key == "whatsapp:Family:2024-03-13:call:19:05:00"
    assert call.sender == Party(name="Sam Owner", is_me=True)


def test_german_dotted_dates() -> None:
    records = parse(FIXTURES / "WhatsApp Chat mit Juergen.txt")
    assert texts(records) == [("2024-03-12", "21:15", Initiator.THEM, "3 messages")]
    assert calls(records) == [("2024-03-13", "08:00", Channel.PHONE, Initiator.ME, 12)]
    assert reasons(records) == Counter({"system message": 1, "missed call": 1})
    assert events(records)[0].parties == [Party(name="Jürgen")]
    assert events(records)[0].source_key == "whatsapp:Juergen:2024-03-12"


def test_android_group_ambiguous_dates_read_in_sequence() -> None:
    records = parse(FIXTURES / "WhatsApp Chat with Climbing.txt")
    # No field above 12: only day-first keeps 01/02, 03/02, 01/03 in order.
    assert [d for d, *_ in texts(records)] == ["2024-02-01", "2024-02-03", "2024-03-01"]
    # 'changed the subject to "Climbing: Tuesdays"' holds a colon but is a system line.
    assert reasons(records) == Counter({"system message": 5})
    parties = events(records)[0].parties
    assert parties == [Party(name="Ana"), Party(phone="+44 7700 900456")]
    assert texts(records)[1][2] is Initiator.ME


def test_message_text_never_leaves_the_parser(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="relj.interop.whatsapp"):
        records = [r for p in sorted(FIXTURES.rglob("*.txt")) for r in parse(p)]
    text = repr(records) + caplog.text
    for body in ("Hi!", "birthday", "Welcome", "Hallo", "Tuesday 7pm", "usual place", "🎂", "👋"):
        assert body not in text
    assert "Ana" not in caplog.text and "events" in caplog.text


# -- owner ---------------------------------------------------------------------------------


def test_without_me_names_every_sender_is_a_party() -> None:
    records = parse(FIXTURES / "WhatsApp Chat with Ana.txt", me=set())
    first = events(records)[0]
    assert first.parties == [Party(name="Ana Løvström"), Party(name="Sam Owner")]
    assert {e.initiator for e in events(records)} == {Initiator.UNKNOWN}


def test_me_names_ignore_case_and_marks(tmp_path: Path) -> None:
    path = write(tmp_path, "12/03/2024, 21:15 - \u202aSAM Owner\u202c: hi\n12/03/2024, 21:16 - Ana: hey\n")
    (day,) = events(parse(path, me={"Sam owner"}))
    assert day.parties == [Party(name="Ana")]
    assert day.initiator is Initiator.ME


def test_strangers_shown_with_a_tilde(tmp_path: Path) -> None:
    path = write(tmp_path, "12/03/2024, 21:15 - ~\u202fAna: hi\n12/03/2024, 21:16 - ~ Ana: hi again\n")
    (day,) = events(parse(path))
    assert day.parties == [Party(name="Ana")]
    assert day.note == "2 messages"


def test_chat_with_only_me_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, "12/03/2024, 21:15 - Sam: note to self\n", name="_chat.txt")
    assert reasons(parse(path)) == Counter({"own message": 1})


def test_quiet_one_to_one_chat_uses_the_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, "12/03/2024, 21:15 - Sam: are you there?\n", name="WhatsApp Chat with Dee (2).txt")
    (day,) = events(parse(path))
    assert day.parties == [Party(name="Dee")]
    assert day.source_key == "whatsapp:Dee:2024-03-12"
    assert day.initiator is Initiator.ME


@pytest.mark.parametrize(
    ("name", "chat"),
    [
        ("WhatsApp Chat with Ana Løvström 🌻.txt", "Ana Løvström 🌻"),
        ("WhatsApp Chat mit Jürgen.txt", "Jürgen"),
        ("Chat de WhatsApp con Lucía.txt", "Lucía"),
        ("WhatsApp Chat - Ana/_chat.txt", "Ana"),
        ("export/_chat.txt", "Ana,Ben"),
    ],
)
def test_chat_names(tmp_path: Path, name: str, chat: str) -> None:
    path = write(tmp_path, "12/03/2024, 21:15 - Ben: hi\n12/03/2024, 21:16 - Ana: hi\n", name=name)
    assert events(parse(path))[0].source_key == f"whatsapp:{chat}:2024-03-12"


# -- formats and notices -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "day", "clock"),
    [
        ("12/03/2024, 21:15 - Ana: hi", "2024-03-12", "21:15"),
        ("[12/03/2024, 21:15:07] Ana: hi", "2024-03-12", "21:15"),
        ("\u200e[12/03/2024, 9:15:07\u202fPM] Ana: hi", "2024-03-12", "21:15"),
        ("12.03.24, 21:15 - Ana: hi", "2024-03-12", "21:15"),
        ("2024-03-12 21:15 - Ana: hi", "2024-03-12", "21:15"),
        ("2024/03/12, 21:15 - Ana: hi", "2024-03-12", "21:15"),
        ("12/03/2024 21:15 - Ana: hi", "2024-03-12", "21:15"),
        ("12/03/2024, 9:15 p.\u00a0m. - Ana: hi", "2024-03-12", "21:15"),
        ("12/03/2024, 12:00 am - Ana: hi", "2024-03-12", "00:00"),
        ("[12.03.24, 21:15:07] Ana: hi", "2024-03-12", "21:15"),
        ("12.3.2024 klo 21.15 - Ana: hi", "2024-03-12", "21:15"),
        ("[12.3.2024 klo 21.15.07] Ana: hi", "2024-03-12", "21:15"),
        ("12.03.2024 kl. 21.15 - Ana: hi", "2024-03-12", "21:15"),
    ],
)
def test_timestamp_formats(tmp_path: Path, line: str, day: str, clock: str) -> None:
    (event,) = events(parse(write(tmp_path, line + "\n")))
    assert (event.occurred_on.isoformat(), event.occurred_time) == (day, clock)


@pytest.mark.parametrize(
    ("notice", "channel", "minutes"),
    [
        ("Voice call, 12 min", Channel.PHONE, 12),
        ("Voice call. 12 min", Channel.PHONE, 12),
        ("\u200eVoice call, \u200e1 hr 3 min", Channel.PHONE, 63),
        ("Video call, 1:02:03", Channel.VIDEO, 63),
        ("Video call, 0:59", Channel.VIDEO, 1),
        ("Group voice call, 30 sec", Channel.PHONE, 1),
        ("Sprachanruf, 12 Min.", Channel.PHONE, 12),
        ("Anruf, 2 Std. 5 Min.", Channel.PHONE, 125),
        ("Videoanruf", Channel.VIDEO, None),
        ("Videollamada, 3 min", Channel.VIDEO, 3),
    ],
)
def test_call_notices(tmp_path: Path, notice: str, channel: Channel, minutes: int | None) -> None:
    records = parse(write(tmp_path, f"12/03/2024, 21:15 - Ana: {notice}\n"))
    assert calls(records) == [("2024-03-12", "21:15", channel, Initiator.THEM, minutes)]
    assert texts(records) == []


@pytest.mark.parametrize(
    ("notice", "reason"),
    [
        ("Missed voice call", "missed call"),
        ("\u200eMissed video call", "missed call"),
        ("Missed voice call, Tap to call back", "missed call"),
        ("Verpasster Sprachanruf", "missed call"),
        ("Voice call, No answer", "unanswered call"),
        ("Voice call, 0 sec", "zero-length call"),
    ],
)
def test_calls_that_did_not_happen(tmp_path: Path, notice: str, reason: str) -> None:
    records = parse(write(tmp_path, f"12/03/2024, 21:15 - Ana: {notice}\n"))
    assert reasons(records) == Counter({reason: 1})
    assert events(records) == []


@pytest.mark.parametrize(
    "text", ["Voice call later?", "Missed voice call again, sorry!", "Video call: 3 things", "Anrufen?"]
)
def test_texts_about_calls_are_texts(tmp_path: Path, text: str) -> None:
    records = parse(write(tmp_path, f"12/03/2024, 21:15 - Ana: {text}\n"))
    assert texts(records) == [("2024-03-12", "21:15", Initiator.THEM, "1 message")]


def test_bad_dates_and_times_are_bad_records(tmp_path: Path) -> None:
    path = write(tmp_path, "31/02/2024, 21:15 - Ana: hi\n12/03/2024, 25:15 - Ana: hi\n13/03/2024, 10:00 - Ana: ok\n")
    records = parse(path)
    assert [r for r in records if isinstance(r, BadRecord)] == [
        BadRecord("line 1", "bad date"),
        BadRecord("line 2", "bad time"),
    ]
    assert len(events(records)) == 1


def test_crlf_bom_and_utf16(tmp_path: Path) -> None:
    text = "\ufeff12/03/2024, 21:15 - Ana: hi\r\nsecond line\r\n13/03/2024, 08:00 - Ana: 🌞\r\n"
    one = tmp_path / "WhatsApp Chat with Ana.txt"
    one.write_bytes(text.encode("utf-8"))
    two = tmp_path / "other" / "WhatsApp Chat with Ana.txt"
    two.parent.mkdir()
    two.write_bytes(text[1:].encode("utf-16"))
    assert (
        texts(parse(one))
        == texts(parse(two))
        == [
            ("2024-03-12", "21:15", Initiator.THEM, "1 message"),
            ("2024-03-13", "08:00", Initiator.THEM, "1 message"),
        ]
    )


def test_explicit_date_order(tmp_path: Path) -> None:
    path = write(tmp_path, "03/04/2024, 10:00 - Ana: hi\n")
    assert events(parse(path, order="dmy"))[0].occurred_on == dt.date(2024, 4, 3)
    assert events(parse(path, order="mdy"))[0].occurred_on == dt.date(2024, 3, 4)
    with pytest.raises(UserError, match="date order"):
        parse(path, order="ydm")


# -- date order ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "order"),
    [
        (["01/02/2024, 10:00 - A: x", "25/02/2024, 10:00 - A: x"], "dmy"),
        (["1/2/24, 10:00 AM - A: x", "2/25/24, 10:00 AM - A: x"], "mdy"),
        (["2024-02-01 10:00 - A: x"], "ymd"),
        (["[2024/02/01, 10:00:00] A: x"], "ymd"),
        # The first field decides when a broken file has both.
        (["13/01/2024, 10:00 - A: x", "01/13/2024, 10:00 - A: x"], "dmy"),
        # Chronology: 1 Feb, 3 Feb, 1 Mar reads in order only day first...
        (["01/02/2024, 10:00 - A: x", "03/02/2024, 10:00 - A: x", "01/03/2024, 10:00 - A: x"], "dmy"),
        # ... and 2 Jan, 2 Mar, 3 Jan... no: 1/2, 3/2, 1/3 month first is Jan 2, Mar 2, Jan 3.
        (["1/2/24, 10:00 AM - A: x", "1/3/24, 10:00 AM - A: x", "2/1/24, 10:00 AM - A: x"], "mdy"),
        # No evidence: the US style for unpadded 12-hour stamps, else day first.
        (["1/2/24, 10:00\u202fAM - A: x"], "mdy"),
        (["01/02/2024, 10:00 - A: x"], "dmy"),
        (["1.2.24, 10:00 - A: x"], "dmy"),
        ([], "dmy"),
        (["continuation only", "12/03/2024 is not a stamp"], "dmy"),
    ],
)
def test_detect_date_order(lines: list[str], order: str) -> None:
    assert detect_date_order(lines) == order


def test_detect_date_order_reads_the_whole_file(tmp_path: Path) -> None:
    lines = ["01/02/2024, 10:00 - A: x"] * 500 + ["2/13/2024, 10:00 - A: x"]
    assert detect_date_order(iter(lines)) == "mdy"


# -- unreadable files ----------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="nope.txt"):
        parse(tmp_path / "nope.txt")


@pytest.mark.parametrize("content", [b"", b"hello\nworld\n", b"\x00\x01\x02\xff\xfe"])
def test_not_a_chat(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(content)
    with pytest.raises(UserError, match=r"chat\.txt: no WhatsApp messages"):
        parse(path)


def test_directory_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="cannot read .*: it is a folder"):
        parse(tmp_path)


# -- fuzzing -------------------------------------------------------------------------------


def check(path: Path, me: set[str] = ME) -> None:
    try:
        records = list(parse_whatsapp(path, me_names=me))
    except UserError as exc:
        assert "\n" not in str(exc)
        return
    assert all(isinstance(r, Record) for r in records)
    for r in records:
        if isinstance(r, EventRecord):
            assert r.parties or r.channel is not Channel.TEXT
            assert r.source_key.startswith("whatsapp:")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_random_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.txt"
    path.write_bytes(data)
    check(path)


STAMP = st.from_regex(
    r"\A\u200e?\[?\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\.?,? \d{1,2}[:.]\d{2}([:.]\d{2})?(\u202f[AP]M)?\]? (- )?\Z"
)
REST = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "Ana: hi",
            "Sam Owner: hi",
            "Ana: Voice call, 99:99",
            "Ana: Video call, 1:2:3",
            "Ana: Missed voice call",
            "Ana: \u200eimage omitted",
            "Ana: \u200eAna added Ben",
            "Ana: Sprachanruf, 9999 Std.",
            "+44 7700 900123: x",
            ": empty sender",
            '"Ana": quoted',
        ]
    ),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.tuples(STAMP, REST), max_size=12), me=st.sets(st.sampled_from(["Sam Owner", "Ana", ""])))
def test_random_chats(tmp_path: Path, lines: list[tuple[str, str]], me: set[str]) -> None:
    path = tmp_path / "WhatsApp Chat with Ana.txt"
    path.write_text("".join(stamp + rest + "\n" for stamp, rest in lines), encoding="utf-8")
    check(path, me)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    which=st.sampled_from(sorted(str(p.relative_to(FIXTURES)) for p in FIXTURES.rglob("*.txt"))),
    edits=st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 30), st.binary(max_size=6)), min_size=1, max_size=6),
)
def test_mutated_fixtures(tmp_path: Path, which: str, edits: list[tuple[int, int, bytes]]) -> None:
    data = (FIXTURES / which).read_bytes()
    for pos, cut, insert in edits:
        at = pos % (len(data) + 1)
        data = data[:at] + insert + data[at + cut :]
    path = tmp_path / "WhatsApp Chat with Ana.txt"
    path.write_bytes(data)
    check(path)


# -- Finnish "klo", notices behind the group's name, who takes part each day (issue 13) ----------


def test_finnish_klo_reads_every_message() -> None:
    records = parse(FIXTURES / "WhatsApp Chat with Liisa Virtanen.txt")
    assert texts(records) == [
        ("2024-03-12", "21:16", Initiator.THEM, "2 messages"),
        ("2024-03-13", "09:05", Initiator.THEM, "1 message"),
    ]
    assert reasons(records) == Counter({"system message": 1})  # the encryption notice
    assert events(records)[0].parties == [Party(name="Liisa Virtanen")]


def test_group_name_before_a_notice_without_a_mark_is_not_a_person() -> None:
    records = parse(FIXTURES / "WhatsApp Chat - Book Club" / "_chat.txt")
    assert reasons(records) == Counter({"system message": 3, "own message": 1})
    days = [(e.occurred_on.isoformat(), [p.name for p in e.parties], e.note) for e in events(records)]
    # Only the people who wrote that day take part in it; a day only I wrote is mine alone.
    assert days == [("2024-03-12", ["Ana", "Ben"], "2 messages"), ("2024-03-13", ["Ana"], "2 messages")]


def test_encryption_notice_behind_a_contacts_name_is_not_a_message(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        (
            "[12/03/2024, 21:15:07] Ana: Messages and calls are end-to-end encrypted. No one outside of this chat,"
            " not even WhatsApp, can read or listen to them.\n"
            "[12/03/2024, 21:16:00] Ana: are our chats end-to-end encrypted?\n"
        ),
    )
    assert texts(parse(path)) == [("2024-03-12", "21:16", Initiator.THEM, "1 message")]


def test_group_call_is_with_its_caller_or_whoever_was_there(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        (
            "12/03/2024, 10:00 - Ana: hi\n12/03/2024, 10:01 - Ben: hi\n12/03/2024, 10:02 - Cai: hi\n"
            "13/03/2024, 19:00 - Ben: Voice call, 5 min\n"
            "14/03/2024, 18:00 - Cai: later?\n14/03/2024, 19:00 - Sam Owner: Video call, 10 min\n"
        ),
        name="WhatsApp Chat with Friends.txt",
    )
    found = [([p.name for p in e.parties], e.initiator) for e in events(parse(path)) if e.channel is not Channel.TEXT]
    assert found == [(["Ben"], Initiator.THEM), (["Cai"], Initiator.ME)]


def test_no_line_is_dropped_without_a_reason(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        (
            "Exported by a tool\n"
            "12/03/2024, 21:15 - Ana: hi\n"
            "and a second line\n"
            "12.03.2024 à 21:15 - Ana: une date inconnue\n"
            "12/03/2024, 21:16 - Ana: bye\n"
        ),
    )
    records = parse(path)
    assert texts(records) == [("2024-03-12", "21:15", Initiator.THEM, "2 messages")]
    assert sorted((r.where, r.reason) for r in records if isinstance(r, SkippedRecord)) == [
        ("line 1", "unreadable line (before the first message)"),
        ("line 4", "unreadable line (unknown date format)"),
    ]


def test_a_huge_line_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Ana.txt"
    with path.open("wb") as fh:
        fh.write(b"12/03/2024, 21:15 - Ana: " + b"x" * 4000)
        fh.seek(600 << 20, 1)  # a sparse hole: 600 MB with no line end
        fh.write(b"\n12/03/2024, 21:16 - Ana: bye\n")
    result = run_guarded(f"""
        import json
        from pathlib import Path
        from relj.interop.whatsapp import parse_whatsapp
        records = parse_whatsapp(Path({str(path)!r}), me_names={{"Sam"}}, date_order="dmy")
        print(json.dumps([getattr(r, "note", None) or r.reason for r in records]))
    """)
    assert result == ["2 messages"]
