"""Incremental sync of sources: mbox, .ics and Maildir that grow, are rewritten, vanish or are half-written."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from relj.errors import NotFound, UserError
from relj.interop import mail
from relj.ops import sources as source_ops
from relj.sources import readers
from relj.sources.sync import SyncResult, sync_sources
from relj.store import sources as table
from relj.store.imports import ImportTables
from tests.sources.helpers import (
    ME,
    append,
    calendar,
    interactions,
    journal,
    keys,
    mbox,
    message,
    vevent,
)

MAIL = {"create_people": True}


@pytest.fixture
def store(tmp_path: Path) -> Any:
    s = journal(tmp_path)
    yield s
    s.close()


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The "where" of every mbox message the mail reader parses (to see what a sync read)."""
    seen: list[str] = []
    original = mail._record_for

    def spy(block: bytes, where: str, *args: Any) -> Any:
        seen.append(where)
        return original(block, where, *args)

    monkeypatch.setattr(mail, "_record_for", spy)
    return seen


def test_an_mbox_that_grows_is_read_from_where_it_stopped(store: Any, tmp_path: Path, parsed: list[str]) -> None:
    path = mbox(tmp_path / "Inbox", range(20))
    source = source_ops.add_source(store, "mbox", path, MAIL).value
    assert source.last_read is None and interactions(store) == 0  # adding reads nothing

    [first] = sync_sources(store)
    assert first.added == (7, 20) and first.error is None and first.import_id is not None
    assert len(parsed) == 20

    parsed.clear()
    append(path, "".join(message(i) for i in range(20, 25)))
    [second] = sync_sources(store)
    assert second.added == (0, 5)
    # Only the new messages were parsed, and the last one read before (read again, recognised).
    assert len(parsed) == 6
    assert interactions(store) == 25 and len(set(keys(store))) == 25
    runs = ImportTables(store).runs()
    assert [r.id for r in runs] == [first.import_id, second.import_id]
    assert table.get_source(store, source.id).last_added == (0, 5)


def test_a_source_that_did_not_change_costs_a_stat_and_adds_nothing(
    store: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = mbox(tmp_path / "Inbox", range(5))
    source_ops.add_source(store, "mbox", path, MAIL)
    sync_sources(store)
    runs = len(ImportTables(store).runs())

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("an unchanged source was read")

    monkeypatch.setattr(readers, "fingerprint", refuse)
    monkeypatch.setattr(mail, "parse_mbox_span", refuse)
    [again] = sync_sources(store)
    assert again.added == (0, 0) and again.skipped == 0 and again.error is None and again.import_id is None
    assert len(ImportTables(store).runs()) == runs  # no empty entry in the import history


def test_a_rewritten_mbox_is_read_again_whole_without_duplicates(
    store: Any, tmp_path: Path, parsed: list[str]
) -> None:
    path = mbox(tmp_path / "Inbox", range(10))
    source_ops.add_source(store, "mbox", path, MAIL)
    sync_sources(store)
    # Compacted by the mail program: message 0 deleted, the rest kept, three new ones.
    mbox(path, range(1, 13))
    parsed.clear()
    [result] = sync_sources(store)
    assert result.added == (0, 3)
    assert len(parsed) == 12  # read whole: what had been read changed
    assert interactions(store) == 13 and len(set(keys(store))) == 13


def test_a_same_size_rewrite_is_noticed(store: Any, tmp_path: Path) -> None:
    path = mbox(tmp_path / "Inbox", range(3))
    source_ops.add_source(store, "mbox", path, MAIL)
    sync_sources(store)
    text = path.read_text(encoding="utf-8").replace("msg0@", "msgX@")
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(1, 1))
    [result] = sync_sources(store)
    assert result.added == (0, 1)
    assert "msgx@example.org" in keys(store)


def test_a_half_written_last_message_waits_for_the_next_sync(store: Any, tmp_path: Path) -> None:
    path = mbox(tmp_path / "Inbox", range(3))
    source_ops.add_source(store, "mbox", path, MAIL)
    sync_sources(store)
    whole = message(3)
    cut = whole.index("Message-ID")  # mid-headers: no Message-ID, no Subject yet
    append(path, whole[:cut])
    [result] = sync_sources(store)
    assert result.added == (0, 0) and interactions(store) == 3
    append(path, whole[cut:])
    [result] = sync_sources(store)
    assert result.added == (1, 1)
    assert "msg3@example.org" in keys(store) and interactions(store) == 4


def test_a_last_message_without_its_final_newline_waits(store: Any, tmp_path: Path) -> None:
    path = mbox(tmp_path / "Inbox", range(2))
    source_ops.add_source(store, "mbox", path, MAIL)
    sync_sources(store)
    whole = message(2)
    append(path, whole[:-10])  # headers done, body cut mid-line
    assert sync_sources(store)[0].added == (0, 0)
    append(path, whole[-10:])
    assert sync_sources(store)[0].added == (1, 1)


def test_a_vanished_source_has_an_error_and_the_others_are_read(store: Any, tmp_path: Path) -> None:
    gone = mbox(tmp_path / "Old", range(3))
    kept = mbox(tmp_path / "Inbox", range(10, 13))
    a = source_ops.add_source(store, "mbox", gone, MAIL).value
    b = source_ops.add_source(store, "mbox", kept, MAIL).value
    gone.unlink()
    results = {r.id: r for r in sync_sources(store)}
    assert results[a.id].error is not None and "not there any more" in results[a.id].error
    assert results[a.id].error.endswith(".") and "\n" not in results[a.id].error
    assert results[b.id].error is None and results[b.id].added[1] == 3
    assert table.get_source(store, a.id).error == results[a.id].error
    # It comes back: read, and its error is cleared.
    mbox(gone, range(3))
    results = {r.id: r for r in sync_sources(store)}
    assert results[a.id].error is None and results[a.id].added[1] == 3
    assert table.get_source(store, a.id).error is None


def test_a_file_that_is_no_mbox_gives_a_sentence(store: Any, tmp_path: Path) -> None:
    path = tmp_path / "notes.mbox"
    path.write_text("just some notes\n", encoding="utf-8")
    source = source_ops.add_source(store, "mbox", path).value
    [result] = sync_sources(store)
    assert result.error is not None and "not an mbox" in result.error
    assert table.get_source(store, source.id).error == result.error
    assert sync_sources(store)[0].error == result.error  # unchanged: still said, not read again
    mbox(path, range(2))
    assert sync_sources(store)[0] == SyncResult(source.id, (0, 0), 2, None, None)  # read: 2 unknown senders


def test_an_empty_mbox_is_fine_until_mail_comes(store: Any, tmp_path: Path) -> None:
    path = tmp_path / "Sent"
    path.write_bytes(b"")
    source_ops.add_source(store, "mbox", path, MAIL)
    assert sync_sources(store)[0].added == (0, 0)
    mbox(path, range(2))
    assert sync_sources(store)[0].added == (2, 2)


def test_undo_of_a_sync_removes_what_it_added(store: Any, tmp_path: Path) -> None:
    path = mbox(tmp_path / "Inbox", range(4))
    source_ops.add_source(store, "mbox", path, MAIL)
    source_ops.sync(store)
    append(path, "".join(message(i) for i in range(4, 6)))
    result = source_ops.sync(store)
    [read] = result.value
    assert read.added == (2, 2) and result.undo is not None
    result.undo(store)
    assert interactions(store) == 4
    assert store.conn.execute("SELECT count(*) FROM person").fetchone()[0] == 4
    run = ImportTables(store).run(read.import_id)
    assert run.undone_at is not None
    # What was undone stays undone: the source reads on from where it stopped.
    assert sync_sources(store)[0].added == (0, 0)


def test_a_sync_that_finds_nothing_new_cannot_be_undone(store: Any, tmp_path: Path) -> None:
    path = mbox(tmp_path / "Inbox", range(2))
    source_ops.add_source(store, "mbox", path, MAIL)
    source_ops.sync(store)
    assert source_ops.sync(store).undo is None


def test_a_switched_off_source_is_not_read_unless_asked_for(store: Any, tmp_path: Path) -> None:
    path = mbox(tmp_path / "Inbox", range(2))
    source = source_ops.add_source(store, "mbox", path, MAIL).value
    result = source_ops.set_enabled(store, source.id, False)
    assert result.value.enabled is False
    assert sync_sources(store) == []
    [read] = sync_sources(store, [source.id])
    assert read.added == (2, 2)
    assert result.undo is not None
    assert result.undo(store).value.enabled is True
    with pytest.raises(NotFound):
        sync_sources(store, [source.id + 99])


def test_removing_a_source_forgets_it_and_undo_puts_it_back_with_its_state(store: Any, tmp_path: Path) -> None:
    path = mbox(tmp_path / "Inbox", range(3))
    source = source_ops.add_source(store, "mbox", path, MAIL).value
    sync_sources(store)
    removed = source_ops.remove_source(store, source.id)
    assert store.list_sources() == []
    assert interactions(store) == 3  # what it imported stays
    assert removed.undo is not None
    removed.undo(store)
    [back] = store.list_sources()
    assert back.id == source.id and back.last_added == (3, 3)
    assert table.files(store, source.id)[""].resume_at > 0
    append(path, message(3, "friend0@example.org"))
    assert sync_sources(store)[0].added == (0, 1)


def test_adding_checks_kind_path_and_options_and_writes_nothing_when_wrong(store: Any, tmp_path: Path) -> None:
    path = mbox(tmp_path / "Inbox", range(1))
    for kind, where, options, words in [
        ("json", path, {}, "not re-read"),
        ("pop3", path, {}, "unknown source kind"),
        ("mbox", tmp_path / "missing", {}, "no such file"),
        ("mbox", tmp_path, {}, "a folder"),
        ("maildir", path, {}, "is a file"),
        ("maildir", tmp_path, {}, "not a Maildir"),
        ("calls", path, {"me": [ME]}, "--me is not an option"),
        ("mbox", path, {"min_messages": 0, "create_people": True}, "--min-messages"),
        ("mbox", path, {"min_messages": 3}, "only counts with --create-people"),
        ("mbox", path, {"me": ["not an address"]}, "not an email address"),
        ("csv", path, {"map": "nonsense"}, "is not field=Column"),
        ("mbox", path, {"colour": "red"}, "unknown source option"),
    ]:
        with pytest.raises(UserError, match=words):
            source_ops.add_source(store, kind, where, options)
    assert store.list_sources() == []
    source_ops.add_source(store, "mbox", path)
    with pytest.raises(UserError, match="already"):
        source_ops.add_source(store, "mbox", path)


# -- iCalendar ------------------------------------------------------------------------------------
@pytest.fixture
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELJ_TODAY", "2024-06-30")


def test_an_ics_that_grows_is_read_from_its_last_complete_event(
    store: Any, tmp_path: Path, fixed_today: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "calendar.ics"
    events = [vevent(f"e{i}@test", f"202403{10 + i:02d}") for i in range(3)]
    path.write_text(calendar(events), encoding="utf-8")
    source_ops.add_source(store, "ics", path, {"create_people": True})
    assert sync_sources(store)[0].added == (1, 3)

    from relj.interop import ical

    spans: list[Any] = []
    original = ical.parse_ics

    def spy(*args: Any, **kwargs: Any) -> Any:
        spans.append(kwargs.get("spans"))
        return original(*args, **kwargs)

    monkeypatch.setattr(ical, "parse_ics", spy)
    # The calendar program writes the file again with one more event before END:VCALENDAR.
    events.append(vevent("e3@test", "20240320"))
    path.write_text(calendar(events), encoding="utf-8")
    assert sync_sources(store)[0].added == (0, 1)
    [(head, new)] = [s for s in spans]  # type: ignore[misc]
    assert head[0] == 0 and new[0] > head[1]  # the head, then only what is new

    # An event still being written (no END:VEVENT) is left for the next sync.
    half = vevent("e4@test", "20240321")
    path.write_text(calendar(events)[: -len("END:VCALENDAR\r\n")] + half[:60], encoding="utf-8")
    assert sync_sources(store)[0].added == (0, 0)
    events.append(half)
    path.write_text(calendar(events), encoding="utf-8")
    assert sync_sources(store)[0].added == (0, 1)
    assert interactions(store) == 5


def test_an_ics_is_read_again_when_the_day_changes(store: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELJ_TODAY", "2024-03-01")
    path = tmp_path / "calendar.ics"
    path.write_text(calendar([vevent("plan@test", "20240310")]), encoding="utf-8")
    source_ops.add_source(store, "ics", path, {"create_people": True})
    assert sync_sources(store)[0].added == (1, 1)
    status = "SELECT status FROM interaction"
    assert store.conn.execute(status).fetchone()[0] == "planned"
    assert sync_sources(store)[0].added == (0, 0)  # same day, same file: nothing read
    monkeypatch.setenv("RELJ_TODAY", "2024-03-11")
    assert sync_sources(store)[0].added == (0, 0)
    assert store.conn.execute(status).fetchone()[0] == "done"  # the plan became a meeting


# -- Maildir --------------------------------------------------------------------------------------
def _deliver(folder: Path, name: str, i: int) -> None:
    text = message(i)
    (folder / name).write_text(text[text.index("\n") + 1:], encoding="utf-8")


def test_a_maildir_reads_only_the_messages_it_has_not_seen(store: Any, tmp_path: Path, parsed: list[str]) -> None:
    box = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (box / sub).mkdir(parents=True)
    for i in range(3):
        _deliver(box / "cur", f"100{i}.M1P1.host:2,S", i)
    source_ops.add_source(store, "maildir", box, MAIL)
    assert sync_sources(store)[0].added == (3, 3)
    parsed.clear()
    _deliver(box / "new", "2000.M1P1.host", 3)
    os.rename(box / "cur" / "1000.M1P1.host:2,S", box / "cur" / "1000.M1P1.host:2,RS")  # a flag changed
    assert sync_sources(store)[0].added == (1, 1)
    assert parsed == ["new/2000.M1P1.host"]
    parsed.clear()
    assert sync_sources(store)[0].added == (0, 0) and parsed == []
    # The program moves it to cur/: the same message, not read again.
    os.rename(box / "new" / "2000.M1P1.host", box / "cur" / "2000.M1P1.host:2,S")
    assert sync_sources(store)[0].added == (0, 0) and parsed == []


def test_a_bug_in_one_reader_does_not_stop_the_others(
    store: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    ics = tmp_path / "calendar.ics"
    ics.write_text(calendar([vevent("a@test", "20240310")]), encoding="utf-8")
    box = mbox(tmp_path / "Inbox", range(2))
    a = source_ops.add_source(store, "ics", ics, MAIL).value
    b = source_ops.add_source(store, "mbox", box, MAIL).value

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError

    monkeypatch.setattr(readers, "_ics", broken)
    results = {r.id: r for r in sync_sources(store)}
    assert results[a.id].error is not None and "unexpected error" in results[a.id].error
    assert results[b.id].added == (2, 2)
    assert "ZeroDivisionError" in caplog.text


def test_a_stopped_read_keeps_the_sources_before_and_leaves_the_one_under_way_as_it_was(
    store: Any, tmp_path: Path
) -> None:
    """Stop (keep_going() False) mid-source: that source's import is rolled back and its reading
    state kept as it was; the sources read before keep what they added; none after it is read."""
    first = source_ops.add_source(store, "mbox", mbox(tmp_path / "A", range(20)), MAIL).value
    second = source_ops.add_source(store, "mbox", mbox(tmp_path / "B", range(100, 550)), MAIL).value
    third = source_ops.add_source(store, "mbox", mbox(tmp_path / "C", range(600, 605)), MAIL).value

    def keep_going() -> bool:  # stop once B has begun to add (its first 200 records: asked every 200)
        return interactions(store) <= 20

    results = sync_sources(store, keep_going=keep_going)
    assert [(r.id, r.stopped) for r in results] == [(first.id, False), (second.id, True)]
    assert results[0].added[1] == 20 and results[1].added == (0, 0) and results[1].import_id is None
    assert interactions(store) == 20
    assert table.get_source(store, second.id).last_read is None and table.files(store, second.id) == {}
    assert table.get_source(store, second.id).error is None  # stopping is not an error of the source
    assert table.get_source(store, third.id).last_read is None
    result = source_ops.sync(store)
    assert [r.added[1] for r in result.value] == [0, 450, 5] and interactions(store) == 475
