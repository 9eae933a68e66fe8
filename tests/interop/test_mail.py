"""The mail parsers (mbox, Maildir, .eml): rules on fixtures, the real corpus, and fuzzing."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relj.domain import Channel, Initiator
from relj.errors import UserError
from relj.interop.mail import parse_eml, parse_maildir, parse_mbox
from relj.interop.records import BadRecord, EventRecord, SkippedRecord
from tests.interop.guard import run_guarded

ME = {"me@example.com"}
Record = EventRecord | BadRecord | SkippedRecord


def events(records: list[Record]) -> list[EventRecord]:
    return [r for r in records if isinstance(r, EventRecord)]


def reasons(records: list[Record]) -> list[str]:
    return [r.reason for r in records if isinstance(r, SkippedRecord | BadRecord)]


@pytest.fixture
def personal(fixtures: Path) -> Path:
    return fixtures / "mail" / "personal.mbox"


def test_mbox_rules(personal: Path) -> None:
    records = list(parse_mbox(personal, me=ME))
    assert len(records) == 11  # the unescaped "From the bottom..." body line did not split a message
    first, group = events(records)
    assert first.source == "mbox" and first.channel is Channel.EMAIL
    assert first.source_key == "abc.123@example.org"
    assert (first.occurred_on, first.occurred_time) == (dt.date(2024, 3, 4), "09:15")
    assert first.note == "Wie geht's?"
    assert [(p.email, p.name) for p in first.parties] == [
        ("anna@example.org", "Anna Müller"),  # RFC 2047 name, mixed-case address
        ("bob@example.org", "Bob B."),  # "CC:" and "cc:" both read
        ("carol@example.org", ""),
    ]
    assert first.sender is not None and first.sender.email == "anna@example.org"
    assert first.initiator is Initiator.THEM
    assert group.source_key.startswith("sha256:")  # no Message-ID
    assert [p.email for p in group.parties] == ["erin@example.org", "frank@example.org", "gina@example.org"]
    assert reasons(records) == [
        "no other party",  # me to undisclosed-recipients
        "automated mail",  # Precedence: bulk
        "automated mail",  # List-Id
        "automated mail",  # no-reply sender
        "automated mail",  # multipart/report from mailer-daemon
        "unreadable date",  # none
        "unreadable date",  # year 3609
        "no other party",  # note to self (ME in capitals)
        "duplicate",  # the same Message-ID again
    ]


def test_me_as_sender_is_the_initiator(tmp_path: Path) -> None:
    path = tmp_path / "sent.eml"
    path.write_bytes(
        b"From: Me <Me@Example.com>\nTo: Anna <anna@example.org>\nSubject: Hi\n"
        b"Date: Sat, 2 Mar 2024 23:30:00 -0800\nMessage-ID: <x@y>\n\nBody\n"
    )
    (record,) = parse_eml(path, me=ME)
    assert isinstance(record, EventRecord)
    assert record.initiator is Initiator.ME and record.source == "eml"
    assert [p.email for p in record.parties] == ["anna@example.org"]
    assert record.sender is None  # the sender is me, who is never a party
    assert (record.occurred_on, record.occurred_time) == (dt.date(2024, 3, 2), "23:30")  # the sender's own day


def test_crlf_mbox_reads_the_same(personal: Path, tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.mbox"
    crlf.write_bytes(personal.read_bytes().replace(b"\n", b"\r\n"))
    lf = [(type(r).__name__, getattr(r, "source_key", r.where)) for r in parse_mbox(personal, me=ME)]
    assert [(type(r).__name__, getattr(r, "source_key", r.where)) for r in parse_mbox(crlf, me=ME)] == lf


def test_legacy_charsets_do_not_raise(fixtures: Path) -> None:
    (record,) = parse_eml(fixtures / "mail" / "legacy_charsets.eml", me=ME)
    assert isinstance(record, EventRecord)
    names = {p.email: p.name for p in record.parties}
    assert names["taro@example.jp"] == "日本語"  # ISO-2022-JP encoded-word
    assert names["sj@example.jp"] == "テスト"  # Shift_JIS encoded-word
    assert names["juergen@example.de"] == "Jürgen"  # UTF-7 encoded-word
    assert names["ivan@example.ru"]  # raw 8-bit windows-1251, guessed: readable or not, never an error
    assert record.note.startswith("Привет")
    assert (record.occurred_on, record.occurred_time) == (dt.date(2024, 3, 7), "10:00")


def test_maildir(personal: Path, fixtures: Path, tmp_path: Path) -> None:
    box = tmp_path / "Mail"
    for sub in ("cur", "new", "tmp"):
        (box / sub).mkdir(parents=True)
    shutil.copy(fixtures / "mail" / "legacy_charsets.eml", box / "new" / "1.host")
    (box / "cur" / "2.host:2,S").write_bytes(
        b"From: Anna <anna@example.org>\nTo: me@example.com\nDate: Mon, 4 Mar 2024 09:15:00 +0100\n\nHi\n"
    )
    (box / "cur" / "3.host:2,S").write_bytes(b"Precedence: list\nFrom: l@example.org\n\nHi\n")
    records = list(parse_maildir(box, me=ME))
    assert [r.where for r in records] == ["cur/2.host:2,S", "cur/3.host:2,S", "new/1.host"]
    assert [type(r).__name__ for r in records] == ["EventRecord", "SkippedRecord", "EventRecord"]
    assert all(r.source == "maildir" for r in events(records))
    with pytest.raises(UserError, match="not a Maildir"):
        list(parse_maildir(tmp_path, me=ME))


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("x.mbox", b"", "not an mbox"),
        ("x.mbox", b"From: a@b.c\n\nbody\n", "line 1"),
        ("x.eml", b"\x00\x01\x02 just bytes", "not an email"),
        ("x.eml", b"", "not an email"),
    ],
)
def test_unreadable_files_are_user_errors(tmp_path: Path, name: str, content: bytes, match: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    parser = parse_mbox if name.endswith(".mbox") else parse_eml
    with pytest.raises(UserError, match=match):
        list(parser(path, me=ME))
    with pytest.raises(UserError, match="missing"):
        list(parser(tmp_path / "missing", me=ME))


def test_mbox_streams_in_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.mbox"
    body = b"x" * 2000 + b"\n"
    with path.open("wb") as fh:
        for i in range(2000):
            fh.write(
                b"From a@example.org Mon Jan  1 10:00:00 2024\n"
                b"From: A <a@example.org>\nTo: me@example.com\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n"
                + f"Message-ID: <{i}@example.org>\n\n".encode()
                + body * 10
            )
    tracemalloc.start()
    count = 0
    for _ in parse_mbox(path, me=ME):
        count += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 2000
    assert peak < 4_000_000 < path.stat().st_size // 10  # a 40 MB file read in a few MB


# -- hostile input: quadratic separators, endless files, pipes (issue 13) ----------------------

_MESSAGE = b"From: A <a@example.org>\nTo: me@example.com\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\nbody\n"


def test_from_line_of_many_day_names_is_linear(tmp_path: Path) -> None:
    path = tmp_path / "days.mbox"
    # 320 KB of day names after "From x": the old separator pattern never finished on it.
    path.write_bytes(b"From a@b Mon Jan  1 00:00:00 2024\n" + _MESSAGE + b"From x " + b"Mon " * 80_000 + b"\n")
    result = run_guarded(f"""
        import json
        from pathlib import Path
        from relj.interop.mail import parse_mbox
        print(json.dumps([type(r).__name__ for r in parse_mbox(Path({str(path)!r}), me=set())]))
    """, timeout=30)
    assert result == ["EventRecord"]  # the long "From " line is body text, not a second message


def test_from_line_separators_still_recognised() -> None:
    from relj.interop.mail import is_separator

    assert is_separator(b"From sender Wed Feb  9 22:02 MET 2000")
    assert is_separator(b"From MAILER-DAEMON Fri Jul  8 12:08:34 2011")
    assert not is_separator(b"From here we go Monday")  # a day name but no time
    assert not is_separator(b"From 10:00 till Mon")  # the time comes before the day name
    assert not is_separator(b"From x " + b"Mon " * 300 + b"10:00")  # too long for a separator


def test_an_endless_line_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "zeros.mbox"
    with path.open("wb") as fh:
        fh.write(b"From a@b Mon Jan  1 00:00:00 2024\n" + _MESSAGE)
        fh.seek(600 << 20, 1)  # a sparse hole: 600 MB of NUL bytes and no line end
        fh.write(b"\n")
    result = run_guarded(f"""
        import json
        from pathlib import Path
        from relj.interop.mail import parse_mbox
        print(json.dumps([type(r).__name__ for r in parse_mbox(Path({str(path)!r}), me=set())]))
    """)
    assert result == ["EventRecord"]


@pytest.mark.parametrize(("special", "kind"), [("fifo", "a named pipe"), ("/dev/zero", "a device")])
@pytest.mark.parametrize("parser", ["parse_mbox", "parse_eml"])
def test_pipes_and_devices_are_refused(tmp_path: Path, special: str, kind: str, parser: str) -> None:
    path = Path(special)
    if special == "fifo":
        path = tmp_path / "mail.fifo"
        os.mkfifo(path)
    result = run_guarded(f"""
        import json
        from pathlib import Path
        from relj.errors import UserError
        from relj.interop.mail import {parser}
        try:
            list({parser}(Path({str(path)!r}), me=set()))
        except UserError as exc:
            print(json.dumps(str(exc)))
    """, timeout=30)
    assert result == f"cannot read {path}: it is {kind}, not a regular file"


def test_a_pipe_in_a_maildir_is_skipped_not_waited_on(tmp_path: Path) -> None:
    box = tmp_path / "Mail"
    for sub in ("cur", "new", "tmp"):
        (box / sub).mkdir(parents=True)
    (box / "cur" / "1.host:2,S").write_bytes(_MESSAGE)
    os.mkfifo(box / "cur" / "2.host:2,S")
    result = run_guarded(f"""
        import json
        from pathlib import Path
        from relj.interop.mail import parse_maildir
        print(json.dumps([getattr(r, "reason", "event") for r in parse_maildir(Path({str(box)!r}), me=set())]))
    """, timeout=30)
    assert result == ["event", "not a regular file"]


# -- the real corpus --------------------------------------------------------------------------


def _corpus_files() -> list[str]:
    root = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
    if not root.is_dir():
        return []
    return [f"email/{p.name}" for p in sorted((root / "email").iterdir())] + [
        f"copyleft/{p.name}" for p in sorted((root / "copyleft").glob("*.mbox"))
    ]


@pytest.mark.corpus
@pytest.mark.parametrize("name", _corpus_files() or ["(no corpus)"])
def test_corpus_file_parses_cleanly(corpus: Path, name: str) -> None:
    path = corpus / name
    parser = parse_mbox if path.suffix == ".mbox" else parse_eml
    try:
        records = list(parser(path, me=ME))
    except UserError as exc:
        assert "\n" not in str(exc)
        return
    assert records
    for r in records:
        assert isinstance(r, Record)


@pytest.mark.corpus
def test_corpus_specifics(corpus: Path) -> None:
    mail = corpus / "email"
    for name in (
        "mailbox_perl_mailbox_imagemagick_list_45msgs.mbox",
        "mailbox_perl_mailbox_imagemagick_list_45msgs_crlf.mbox",
    ):
        records = list(parse_mbox(corpus / "copyleft" / name, me={"markov@atcomputing.nl"}))
        assert len(records) == 45
        # 21 carry list headers; the other 24 are Mark Overmeer's own mail (to the list, or private replies).
        assert reasons(records) == ["automated mail"] * 21
        assert {r.initiator for r in events(records)} == {Initiator.ME, Initiator.THEM}
    assert len(list(parse_mbox(mail / "cpython_mailbox01_unquoted_from.mbox", me=ME))) == 1  # "From time to time"
    assert len(list(parse_mbox(mail / "mimekit_thunderbird_from_dash_unmunged.mbox", me=ME))) == 2
    assert len(list(parse_mbox(mail / "mimekit_gmail_takeout_style_mbox.mbox", me=ME))) == 4
    assert len(list(parse_mbox(mail / "mimekit_from_dash_nested_same_boundary.mbox", me=ME))) == 3
    assert reasons(list(parse_eml(mail / "rubymail_yahoo_empty_date_header.eml", me=ME))) == ["automated mail"]
    assert reasons(list(parse_eml(mail / "rubymail_year_3609_windows1251_name.eml", me=ME))) == ["unreadable date"]
    assert reasons(list(parse_eml(mail / "spamscope_bounce_dsn_multipart_report.eml", me=ME))) == ["automated mail"]
    (cc,) = events(list(parse_eml(mail / "cpython_msg20_three_cc_headers_mixed_case.eml", me=ME)))
    assert len(cc.parties) == 5
    (und,) = events(list(parse_eml(mail / "rubymail_undisclosed_recipients_group.eml", me=ME)))
    assert len(und.parties) == 1
    (eud,) = events(list(parse_eml(mail / "stalwart_eudora_adjacent_encoded_words.eml", me=ME)))
    assert "Jürgen Schmürgen" in {p.name for p in eud.parties}
    (jp,) = events(list(parse_eml(mail / "mimekit_thunderbird31_iso2022jp_subject.eml", me=ME)))
    assert jp.note.startswith("日本語")


# -- fuzzing ----------------------------------------------------------------------------------


def _check(path: Path, parser: object) -> None:
    try:
        for r in parser(path, me=ME):  # type: ignore[operator]
            assert isinstance(r, Record)
    except UserError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), prefix=st.sampled_from([b"", b"From a@b Mon Jan  1 10:00:00 2024\n"]))
def test_fuzz_random_bytes(tmp_path: Path, data: bytes, prefix: bytes) -> None:
    path = tmp_path / "fuzz"
    path.write_bytes(prefix + data)
    _check(path, parse_mbox)
    _check(path, parse_eml)


_SEEDS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "mail").iterdir())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.sampled_from(_SEEDS),
    cuts=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40), st.binary(max_size=40)), max_size=6),
)
def test_fuzz_mutated_fixtures(tmp_path: Path, seed: Path, cuts: list[tuple[int, int, bytes]]) -> None:
    data = bytearray(seed.read_bytes())
    for pos, length, insert in cuts:
        pos %= max(len(data), 1)
        data[pos : pos + length] = insert
    path = tmp_path / "mutated"
    path.write_bytes(bytes(data))
    _check(path, parse_mbox)
    _check(path, parse_eml)


# -- the fast paths agree with the email package ------------------------------------------------
# relj reads headers and address lists itself (three to five times faster); these properties
# hold it to what email.parser (compat32) and email.utils.getaddresses make of the same text.

_HEADER_PIECES = [
    "From: ", "To: ", "cc: ", "CC : ", "Date: ", "Subject: ", "Message-ID: ", "List-Id: ", "X-Other: ",
    "Return-Path: ", "\r\n", "\n", "\r", " ", "\t", ":", "From x@y Mon Mar 4 09:15:00 2024\n", "From ",
    "Anna <a@x.org>", '"Doe, J" <j@d.org>', "=?utf-8?q?Zo=C3=A9?= <z@z.org>", "a@b.c, d@e.f", "<x@y>", "é",
    "Mon, 4 Mar 2024 09:15:00 +0100", "(comment)", "grp: a@b.c;", "no colon here", "\x0b", "\x0c", "x",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_HEADER_PIECES), max_size=30), st.booleans())
def test_header_reading_agrees_with_the_email_package(pieces: list[str], bom: bool) -> None:
    import email.parser
    import email.policy

    from relj.interop.mail import WANTED, parse_headers

    block = ("".join(pieces)).encode("utf-8")
    mine = parse_headers((b"\xef\xbb\xbf" if bom else b"") + block)
    msg = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(block)
    theirs: dict[str, list[str]] = {}
    for name, value in msg.raw_items():
        theirs.setdefault(str(name).strip().lower(), []).append(str(value))
    if not theirs:
        assert mine is None
    else:
        assert mine == {k: v for k, v in theirs.items() if k in WANTED}


_NAME = st.text(alphabet='AaZz éü.\'-=?_"\\,;:@()<>', max_size=12)
_LOCAL = st.text(alphabet="abz.+_-'", min_size=1, max_size=6)
_ENTRY = st.one_of(
    st.builds(lambda n, lo: f"{n} <{lo}@x.org>", _NAME, _LOCAL),
    st.builds(lambda n, lo: f'"{n}" <{lo}@x.org>', _NAME, _LOCAL),
    st.builds(lambda lo: f"{lo}@x.org", _LOCAL),
    st.builds(lambda lo: f"< {lo}@x.org >", _LOCAL),
    st.sampled_from(["", " ", "a@b", "@", "<>", "(c) a@b.c", "a@b.c (c)", "g: a@b.c;", "x@[1.2.3.4]"]),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_ENTRY, min_size=1, max_size=4), st.sampled_from([",", ", ", " ,", ",\t"]))
def test_plain_address_lists_agree_with_getaddresses(entries: list[str], comma: str) -> None:
    import email.utils

    from relj.interop.mail import simple_addresses

    value = comma.join(entries)
    mine = simple_addresses(value)
    if mine is not None:  # None: not plain, read by getaddresses itself
        assert mine == email.utils.getaddresses([value])


def test_plain_address_lists_take_the_fast_path() -> None:
    from relj.interop.mail import simple_addresses

    assert simple_addresses('Anna Müller <anna@example.org>, "Doe, Jane" <j@d.org>, bob@b.org') == [
        ("Anna Müller", "anna@example.org"), ("Doe, Jane", "j@d.org"), ("", "bob@b.org")]
    assert simple_addresses("=?utf-8?q?Zo=C3=A9?= <z@z.org>") == [("=?utf-8?q?Zo=C3=A9?=", "z@z.org")]
    assert simple_addresses("Anna (work) <a@b.c>") is None


def test_a_copy_beyond_the_parser_window_is_left_to_the_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from relj.interop import mail

    monkeypatch.setattr(mail, "DEDUP_WINDOW", 2)
    path = tmp_path / "x.mbox"
    msg = "From a@b Mon Mar  4 09:15:00 2024\nFrom: a@example.org\nDate: Mon, 4 Mar 2024 09:15:00 +0100\n" \
          "Message-ID: <{}@x>\n\nhi\n\n"
    path.write_text("".join(msg.format(k) for k in ("1", "2", "1", "3", "4", "1")))
    assert reasons(list(parse_mbox(path, me=ME))) == ["duplicate"]  # the second 1, not the third
