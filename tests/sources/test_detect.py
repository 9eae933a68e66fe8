"""relj.sources.detect: made-up Thunderbird and Evolution profiles and mail folders in a temporary home."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from relj.sources.detect import EVOLUTION_CONTACTS, THUNDERBIRD_CALENDAR, Found, detect, thunderbird_profiles

MBOX = b"From - Mon Jan  1 00:00:00 2024\nFrom: Ana <ana@example.com>\nTo: me@example.com\n\nhello\n"


def _write(path: Path, data: bytes = b"") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _mbox(folder: Path, name: str, data: bytes = MBOX, msf: bool = True) -> Path:
    _write(folder / f"{name}.msf", b"// mork") if msf else None
    return _write(folder / name, data)


def _maildir(folder: Path) -> Path:
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    return folder


def _thunderbird(home: Path, elsewhere: Path) -> dict[str, Path]:
    """A Thunderbird root with one relative profile and one absolute one outside the home."""
    root = home / ".thunderbird"
    rel = root / "abcd1234.default-release"
    absolute = elsewhere / "work-profile"
    _write(root / "profiles.ini", (
        "[Install4F96D1932A9F858E]\nDefault=abcd1234.default-release\nLocked=1\n\n"
        "[Profile1]\nName=work\nIsRelative=0\nPath=" + str(absolute) + "\n\n"
        "[Profile0]\nName=default-release\nIsRelative=1\nPath=abcd1234.default-release\nDefault=1\n\n"
        "[General]\nStartWithLastProfile=1\nVersion=2\n"
    ).encode())
    local = rel / "Mail" / "Local Folders"
    imap = rel / "ImapMail" / "imap.example.com"
    paths = {
        "local_inbox": _mbox(local, "Inbox"),
        "local_sent": _mbox(local, "Sent", b""),  # empty: still listed
        "archive_2024": _mbox(local / "Archives.sbd", "2024"),
        "imap_inbox": _mbox(imap, "INBOX"),
        "imap_sent": _mbox(imap, "Sent"),
        "gmail_all": _mbox(imap / "[Gmail].sbd", "All Mail"),
        "calendar": _write(rel / "calendar-data" / "local.sqlite", b"SQLite format 3\x00"),
        "work_inbox": _mbox(absolute / "Mail" / "pop.example.org", "Inbox"),
    }
    _write(local / "msgFilterRules.dat", b"version=\"9\"")
    _write(local / "filterlog.html", b"<html>")
    _write(imap / "INBOX.msf", b"// mork")  # already there; rewritten, no harm
    _write(imap / "folderTree.json", b"{}")
    _write(rel / "calendar-data" / "local.sqlite-wal", b"")
    _write(rel / "prefs.js", b'user_pref("mail.server.server1.hostname", "imap.example.com");\n')
    _write(rel / "Mail" / "Local Folders" / "Trash", MBOX)  # no .msf but starts like an mbox
    _write(rel / "Mail" / "Local Folders" / "notes", b"not mail")  # no .msf, not an mbox: left out
    return paths


def _evolution(home: Path) -> dict[str, Path]:
    root = home / ".local" / "share" / "evolution"
    local = _maildir(root / "mail" / "local")
    sent = _maildir(local / ".Sent")
    _write(local / "folders.db", b"SQLite format 3\x00")
    return {
        "local": local,
        "sent": sent,
        "calendar": _write(root / "calendar" / "system" / "calendar.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
        "contacts": _write(root / "addressbook" / "system" / "contacts.db", b"SQLite format 3\x00"),
    }


def _snapshot(root: Path) -> dict[str, tuple[str, int, str]]:
    """Every file and folder under root with its type, mtime and content hash."""
    out: dict[str, tuple[str, int, str]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = path.lstat()
            digest = ""
            if path.is_file() and not path.is_symlink():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[str(path.relative_to(root))] = (oct(st.st_mode), st.st_mtime_ns, digest)
    return out


def _by_path(found: list[Found]) -> dict[Path, Found]:
    return {f.path: f for f in found}


def test_thunderbird_profiles_relative_and_absolute(tmp_path: Path) -> None:
    home, elsewhere = tmp_path / "home", tmp_path / "disk"
    paths = _thunderbird(home, elsewhere)
    profiles = thunderbird_profiles(home / ".thunderbird")
    assert profiles == [home / ".thunderbird" / "abcd1234.default-release", elsewhere / "work-profile"]
    found = _by_path(detect(home))
    for key in ("local_inbox", "local_sent", "archive_2024", "imap_inbox", "imap_sent", "gmail_all", "work_inbox"):
        assert found[paths[key]] == Found("mbox", paths[key], "thunderbird", "mail"), key
    assert found[paths["calendar"]] == Found(THUNDERBIRD_CALENDAR, paths["calendar"], "thunderbird", "calendar")
    local = paths["local_inbox"].parent
    assert found[local / "Trash"].kind == "mbox"
    names = {p.name for p in found}
    assert not names & {"notes", "msgFilterRules.dat", "filterlog.html", "Inbox.msf", "folderTree.json",
                        "prefs.js", "local.sqlite-wal"}


def test_thunderbird_without_profiles_ini_and_other_roots(tmp_path: Path) -> None:
    home = tmp_path / "home"
    snap = home / "snap" / "thunderbird" / "common" / ".thunderbird" / "x.default"
    inbox = _mbox(snap / "Mail" / "Local Folders", "Inbox")  # no profiles.ini: the folder is found anyway
    flat = home / ".var" / "app" / "org.mozilla.Thunderbird" / ".thunderbird"
    _write(flat / "profiles.ini", b"[Profile0]\nPath=p1\n")  # IsRelative missing: relative
    flat_inbox = _mbox(flat / "p1" / "ImapMail" / "mail.example.net", "INBOX")
    old = home / ".mozilla-thunderbird"
    _write(old / "profiles.ini", b"[Profile0\nthis is not ini")  # broken: no crash
    assert {f.path for f in detect(home)} == {inbox, flat_inbox}


def test_thunderbird_calendar_files_from_prefs_and_profile(tmp_path: Path) -> None:
    home = tmp_path / "home"
    profile = home / ".thunderbird" / "p"
    _write(home / ".thunderbird" / "profiles.ini", b"[Profile0]\nIsRelative=1\nPath=p\n")
    mine = _write(tmp_path / "cals" / "my cal.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    gone = tmp_path / "cals" / "gone.ics"
    _write(profile / "prefs.js", (
        f'user_pref("calendar.registry.a1.uri", "file://{str(mine).replace(" ", "%20")}");\n'
        f'user_pref("calendar.registry.a2.uri", "file://{gone}");\n'
        'user_pref("calendar.registry.a3.uri", "https://example.com/cal.ics");\n'
    ).encode())
    cache = _write(profile / "calendar-data" / "cache.sqlite", b"SQLite format 3\x00")
    found = _by_path(detect(home))
    assert found[mine] == Found("ics", mine, "thunderbird", "calendar")
    assert found[cache].kind == THUNDERBIRD_CALENDAR
    assert gone not in found


def test_evolution_stores(tmp_path: Path) -> None:
    home = tmp_path / "home"
    paths = _evolution(home)
    found = _by_path(detect(home))
    assert found[paths["local"]] == Found("maildir", paths["local"], "evolution", "mail")
    assert found[paths["sent"]] == Found("maildir", paths["sent"], "evolution", "mail")
    assert found[paths["calendar"]] == Found("ics", paths["calendar"], "evolution", "calendar")
    assert found[paths["contacts"]] == Found(EVOLUTION_CONTACTS, paths["contacts"], "evolution", "contacts")
    assert len(found) == 4


def test_maildir_and_mail_folders(tmp_path: Path) -> None:
    home = tmp_path / "home"
    inbox = _maildir(home / "Maildir")
    work = _maildir(home / "Maildir" / ".Work")
    synced = _maildir(home / "Mail" / "example" / "INBOX")  # mbsync layout
    mutt_in = _write(home / "Mail" / "inbox", MBOX)
    mutt_sent = _write(home / "Mail" / "sent", b"")  # an empty mbox is still a store
    _write(home / "Mail" / ".mbsyncstate", b"")
    _write(home / "Mail" / "readme.txt", b"notes")
    found = detect(home)
    assert [(f.path, f.kind, f.program) for f in found] == [
        (inbox, "maildir", "maildir"),
        (work, "maildir", "maildir"),
        (synced, "maildir", "mail"),
        (mutt_in, "mbox", "mail"),
        (mutt_sent, "mbox", "mail"),
    ]
    assert all(f.what == "mail" for f in found)


def test_empty_store_listed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    empty = _maildir(home / "Maildir")
    assert detect(home) == [Found("maildir", empty, "maildir", "mail")]


def test_nothing_found_in_an_empty_home(tmp_path: Path) -> None:
    assert detect(tmp_path) == []
    assert detect(tmp_path / "no such home") == []


def test_home_defaults_to_HOME(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "elsewhere"
    box = _maildir(home / "Maildir")
    monkeypatch.setenv("HOME", str(home))
    assert detect() == [Found("maildir", box, "maildir", "mail")]


def test_unreadable_folders_are_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    paths = _thunderbird(home, tmp_path / "disk")
    locked = paths["imap_inbox"].parent
    locked_box = _maildir(home / "Mail" / "locked")
    # Refused as a folder without permission refuses it (chmod does not bind root, who runs CI).
    scandir = os.scandir

    def refusing(path: os.PathLike[str] | str = ".") -> object:
        if Path(path) in (locked, home / "Mail"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    with caplog.at_level("INFO", logger="relj.sources.detect"):
        found = _by_path(detect(home))
    assert paths["local_inbox"] in found
    assert paths["imap_inbox"] not in found and locked_box not in found
    assert "unreadable=2" in caplog.text
    assert "Inbox" not in caplog.text and str(home) not in caplog.text  # counts only, no names


def test_symlink_loops_and_depth_are_bounded(tmp_path: Path) -> None:
    home = tmp_path / "home"
    paths = _thunderbird(home, tmp_path / "disk")
    local = paths["local_inbox"].parent
    (local / "Loop.sbd").symlink_to(local)  # a folder that contains itself
    (home / "Mail").mkdir()
    (home / "Mail" / "back").symlink_to(home)  # ~/Mail/back -> ~
    (home / "Mail" / "self").symlink_to(home / "Mail" / "self")  # dangling loop
    deep = home / "Maildir"
    for i in range(30):
        deep = deep / f"d{i}"
    _maildir(deep)
    found = detect(home)
    assert len(found) == len({f.path.resolve() for f in found})  # nothing twice
    assert paths["local_inbox"] in {f.path for f in found}
    assert deep not in {f.path for f in found}


def test_detect_writes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _thunderbird(home, tmp_path / "disk")
    _evolution(home)
    _maildir(home / "Maildir")
    _write(home / "Mail" / "inbox", MBOX)
    before = _snapshot(tmp_path)
    assert len(detect(home)) > 10
    assert _snapshot(tmp_path) == before


def test_a_pipe_is_never_opened(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "Mail").mkdir(parents=True)
    os.mkfifo(home / "Mail" / "inbox")  # opening it would block for ever
    _mbox(home / ".thunderbird" / "p" / "Mail" / "Local Folders", "Inbox")
    os.mkfifo(home / ".thunderbird" / "p" / "Mail" / "Local Folders" / "Sent")
    (home / ".thunderbird" / "p" / "Mail" / "Local Folders" / "Sent.msf").write_bytes(b"")
    found = {f.path.name for f in detect(home)}
    assert found == {"Inbox"}


def test_sources_detect_json_keys(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from relj.cli import main

    home = tmp_path / "home"
    _thunderbird(home, tmp_path / "disk")
    _evolution(home)
    before = _snapshot(tmp_path / "home")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "j.db"), "sources", "detect", "--json"],
                                env={"HOME": str(home)}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert all(list(item) == ["kind", "path", "program", "what"] for item in items)
    assert items == [{"kind": f.kind, "path": str(f.path), "program": f.program, "what": f.what}
                     for f in detect(home)]
    assert {i["program"] for i in items} == {"thunderbird", "evolution"}
    assert {i["what"] for i in items} == {"mail", "calendar", "contacts"}
    assert _snapshot(tmp_path / "home") == before
    assert not (tmp_path / "j.db").exists()  # detecting opens no journal
