"""An encrypted backup is made from the journal's own file, held still by a read transaction after
a full checkpoint: no plaintext copy is written anywhere, commits made meanwhile are not in it, and
when the journal cannot be held still a snapshot is encrypted instead. The result restores alike."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from relj import backup
from relj.backup import create as backup_create
from relj.domain import Channel
from relj.store import Store

PASS = "correct horse battery staple"


pytestmark = pytest.mark.usefixtures("cheap_scrypt")


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    path = tmp_path / "home" / "journal.db"
    s = Store.open(path)
    s.conn.execute("PRAGMA wal_autocheckpoint = 0")  # pages stay in the WAL until the backup
    ana = s.add_person("Ana Lima", emails=["ana@example.org"])
    for day in range(1, 29):
        s.log_interaction(Channel.EMAIL, [ana.id], dt.date(2024, 2, day), note=f"note {day}")
    s.close()
    return path


def restored(target: Path, tmp_path: Path, name: str) -> Store:
    path = tmp_path / name / "r.db"
    backup.restore_backup(target, path, passphrase=PASS)
    return Store.open(path, create=False)


def snapshots(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    made: list[Path] = []
    real = backup_create._snapshot_into

    def spy(src: sqlite3.Connection, path: Path, timeout: float = 10.0) -> None:
        made.append(path)
        real(src, path, timeout)

    monkeypatch.setattr(backup_create, "_snapshot_into", spy)
    return made


def test_no_plaintext_copy_and_the_same_journal_back(journal: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    made = snapshots(monkeypatch)
    target = tmp_path / "out" / "b.reljbak"
    m = backup.create_backup(journal, target, passphrase=PASS)
    assert made == []  # encrypted from the journal itself
    assert m.counts["interaction"] == 28
    s = restored(target, tmp_path, "a")
    assert s.interaction_count() == 28 and s.check() == []
    s.close()
    from relj.backup.restore import extract

    with open(tmp_path / "body", "w+b") as body:
        extract(target, body, PASS)
        body.seek(18)
        assert body.read(2) == b"\x01\x01"  # a self-contained file, not marked for a WAL


def test_a_commit_during_the_backup_is_not_half_in_it(journal: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process commits while the file is read: the backup holds the state before it, whole."""
    writer = Store.open(journal)
    ana = writer.resolve("Ana Lima")
    real = backup_create._encrypt_file
    wrote: list[int] = []

    def commit_midway(*args: object, **kwargs: object) -> None:
        for day in range(1, 29):
            writer.log_interaction(Channel.PHONE, [ana.id], dt.date(2024, 3, day))
        wrote.append(1)
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(backup_create, "_encrypt_file", commit_midway)
    target = tmp_path / "out" / "b.reljbak"
    m = backup.create_backup(journal, target, passphrase=PASS)
    assert wrote and m.counts["interaction"] == 28
    writer.close()
    s = restored(target, tmp_path, "b")
    assert s.interaction_count() == 28 and s.check() == []
    s.close()


def test_a_journal_that_cannot_be_held_still_is_snapshotted(journal: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader inside the WAL keeps the checkpoint from emptying it: the backup falls back to a
    snapshot (the backup API), and is as complete."""
    writer = Store.open(journal)
    writer.conn.execute("PRAGMA wal_autocheckpoint = 0")
    writer.log_interaction(Channel.PHONE, [writer.resolve("Ana Lima").id], dt.date(2024, 3, 1))
    reader = sqlite3.connect(journal, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM interaction").fetchone()  # holds frames of the WAL
    made = snapshots(monkeypatch)
    target = tmp_path / "out" / "b.reljbak"
    m = backup.create_backup(journal, target, passphrase=PASS)
    reader.execute("ROLLBACK")
    reader.close()
    writer.close()
    assert len(made) == 1 and m.counts["interaction"] == 29
    s = restored(target, tmp_path, "c")
    assert s.interaction_count() == 29 and s.check() == []
    s.close()


def test_a_rollback_journal_is_encrypted_in_place_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    s = Store.open(path)
    s.add_person("Bo")
    s.conn.execute("PRAGMA journal_mode = DELETE")
    s.close()
    made = snapshots(monkeypatch)
    target = tmp_path / "b.reljbak"
    assert backup.create_backup(path, target, passphrase=PASS).counts["person"] == 1
    assert made == []
    r = restored(target, tmp_path, "d")
    assert r.person_count() == 1
    r.close()
