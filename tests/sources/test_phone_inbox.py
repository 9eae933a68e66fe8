"""A phone inbox: a folder a phone fills on its own, each file read by the kind its content says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from relj.ops import sources as source_ops
from relj.sources.readers import recognise
from relj.sources.sync import sync_sources
from relj.store import sources as table
from relj.store.imports import ImportTables
from tests.sources.helpers import calendar, call, calls_file, interactions, journal, mbox, vevent

ANA = "+447700900001"
BEN = "+447700900002"
CLEO = "+447700900003"
T0 = 1_709_290_800_000  # 2024-03-01 11:00 UTC, in milliseconds


@pytest.fixture
def store(tmp_path: Path) -> Any:
    s = journal(tmp_path)
    yield s
    s.close()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "Phone"
    folder.mkdir()
    return folder


def _calls(n: int) -> list[str]:
    numbers = [ANA, BEN, CLEO]
    return [call(numbers[i % 3], T0 + i * 3_600_000, name=f"Person {i % 3}") for i in range(n)]


def test_a_bigger_calls_file_with_the_same_calls_adds_only_the_new_ones(store: Any, inbox: Path) -> None:
    source = source_ops.add_source(store, "phone-inbox", inbox, {"create_people": True}).value
    assert sync_sources(store)[0].added == (0, 0)  # an empty inbox
    backup = inbox / "calls-20240301.xml"
    backup.write_text(calls_file(_calls(4)), encoding="utf-8")
    [first] = sync_sources(store)
    assert first.added == (3, 4) and first.error is None
    # SMS Backup & Restore writes the next scheduled backup over it: the same calls and new ones.
    backup.write_text(calls_file(_calls(7)), encoding="utf-8")
    [second] = sync_sources(store)
    assert second.added == (0, 3)
    assert interactions(store) == 7
    # Each read is one import of the inbox.
    runs = ImportTables(store).runs()
    assert [r.format for r in runs] == ["phone-inbox", "phone-inbox"]
    assert table.get_source(store, source.id).last_added == (0, 3)
    assert sync_sources(store)[0].added == (0, 0)


def test_files_are_recognised_by_content_not_by_name(store: Any, inbox: Path, tmp_path: Path) -> None:
    (inbox / "backup.dat").write_text(calls_file(_calls(2)), encoding="utf-8")  # calls, misnamed
    (inbox / "calls.xml").write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Dana Doe\nTEL:+447700900004\nEND:VCARD\n",
                                     encoding="utf-8")  # a vCard named like a call log
    (inbox / "notes.txt").write_text("shopping: milk, eggs\n", encoding="utf-8")  # nothing relj reads
    (inbox / "meetings.txt").write_text(calendar([vevent("m1@test", "20240305")]), encoding="utf-8")
    mbox(inbox / "mail.vcf", range(2))
    assert recognise(inbox / "backup.dat") == "calls"
    assert recognise(inbox / "calls.xml") == "vcard"
    assert recognise(inbox / "notes.txt") is None
    assert recognise(inbox / "meetings.txt") == "ics"
    assert recognise(inbox / "mail.vcf") == "mbox"
    source_ops.add_source(store, "phone-inbox", inbox, {"create_people": True})
    [result] = sync_sources(store)
    assert result.error is None
    people = {r[0] for r in store.conn.execute("SELECT display_name FROM person")}
    assert "Dana Doe" in people
    sources = {r[0] for r in store.conn.execute("SELECT DISTINCT source FROM interaction")}
    assert sources == {"calls", "ics", "mbox"}


def test_an_address_book_is_read_before_the_calls_of_the_same_read(store: Any, inbox: Path) -> None:
    (inbox / "a-calls.xml").write_text(calls_file([call(ANA, T0)]), encoding="utf-8")
    (inbox / "z-contacts.vcf").write_text(f"BEGIN:VCARD\nVERSION:3.0\nFN:Ana Silva\nTEL:{ANA}\nEND:VCARD\n",
                                          encoding="utf-8")
    source_ops.add_source(store, "phone-inbox", inbox)  # no --create-people: the call needs Ana known
    assert sync_sources(store)[0].added == (1, 1)


def test_whatsapp_exports_need_the_owners_name_and_are_read_by_content(store: Any, inbox: Path) -> None:
    chat = inbox / "WhatsApp Chat with Ana.txt"
    chat.write_text("12/03/2024, 21:15 - Ana: hi\n12/03/2024, 21:16 - Sam Me: hello\n", encoding="utf-8")
    source_ops.add_source(store, "phone-inbox", inbox, {"create_people": True})
    [result] = sync_sources(store)
    assert result.added == (1, 1) and result.error is None


def test_a_broken_file_is_reported_and_the_other_files_are_read(store: Any, inbox: Path) -> None:
    (inbox / "calls.xml").write_text(calls_file(_calls(2)), encoding="utf-8")
    (inbox / "sms.xml").write_text("<?xml version='1.0'?>\n<smses count='1'>\n  <sms address=", encoding="utf-8")
    source = source_ops.add_source(store, "phone-inbox", inbox, {"create_people": True}).value
    [result] = sync_sources(store)
    assert result.added == (2, 2)
    assert result.error is not None and "\n" not in result.error
    assert table.get_source(store, source.id).error == result.error
    # Not read again until it changes (still reported); then read.
    again = sync_sources(store)[0]
    assert again.error == result.error and again.added == (0, 0)
    (inbox / "sms.xml").write_text(
        "<?xml version='1.0'?>\n<smses count='1'>\n"
        f'  <sms address="{ANA}" date="{T0}" type="1" body="hi" />\n</smses>\n', encoding="utf-8")
    [result] = sync_sources(store)
    assert result.error is None and result.added == (0, 1)


def test_syncthing_files_in_progress_and_hidden_files_are_left_alone(store: Any, inbox: Path) -> None:
    (inbox / ".stfolder").mkdir()
    (inbox / ".syncthing.calls.xml.tmp").write_text(calls_file(_calls(1)), encoding="utf-8")
    (inbox / "~syncthing~calls.xml.tmp").write_text(calls_file(_calls(1)), encoding="utf-8")
    sub = inbox / "2024"
    sub.mkdir()
    (sub / "calls.xml").write_text(calls_file(_calls(2)), encoding="utf-8")
    source_ops.add_source(store, "phone-inbox", inbox, {"create_people": True})
    assert sync_sources(store)[0].added == (2, 2)
    assert set(table.files(store, 1)) == {"2024/calls.xml"}


def test_a_file_that_went_away_is_forgotten(store: Any, inbox: Path) -> None:
    (inbox / "calls.xml").write_text(calls_file(_calls(2)), encoding="utf-8")
    source = source_ops.add_source(store, "phone-inbox", inbox, {"create_people": True}).value
    sync_sources(store)
    (inbox / "calls.xml").unlink()
    assert sync_sources(store)[0].error is None
    assert table.files(store, source.id) == {}
    assert interactions(store) == 2  # what it brought stays


def test_an_inbox_folder_that_vanished_is_an_error(store: Any, inbox: Path) -> None:
    source_ops.add_source(store, "phone-inbox", inbox)
    inbox.rmdir()
    [result] = sync_sources(store)
    assert result.error is not None and "not there any more" in result.error
