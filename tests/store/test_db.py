"""Opening journals: permissions, migrations, refusing newer or foreign files."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from pathlib import Path

import pytest

from relj import db as dbmod
from relj import migrations, reconnect
from relj.errors import JournalCorrupt, JournalTooNew, UserError
from relj.store import Store


def test_new_journal_is_private(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "journal.db"
    Store.open(path).close()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_pragmas(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_migrations_applied_twice_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    Store.open(path).close()
    s = Store.open(path)
    assert dbmod.applied_migrations(s.db) == dbmod.known_migrations()
    s.close()


def test_unknown_migration_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('relj', '9999_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(JournalTooNew, match="newer relj"):
        Store.open(path)


def test_backup_before_migrating_a_journal_with_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.db"
    s = Store.open(path)
    s.add_person("Ana")
    s.close()
    # Pretend a new migration shipped since this journal was written.
    calls: list[Path] = []

    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, migrations.Step(
        "9000_test_only", "CREATE TABLE test_only (x);")))
    s = Store.open(path, before_migrate=lambda p: calls.append(dbmod.pre_migration_backup(p)))
    assert len(calls) == 1 and calls[0].exists()
    assert stat.S_IMODE(calls[0].stat().st_mode) == 0o600
    backup = sqlite3.connect(calls[0])
    assert backup.execute("SELECT display_name FROM person").fetchall() == [("Ana",)]
    backup.close()
    s.close()


def test_no_backup_for_a_new_journal(tmp_path: Path) -> None:
    calls: list[Path] = []
    Store.open(tmp_path / "j.db", before_migrate=calls.append).close()
    assert calls == []


def test_garbage_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(JournalCorrupt):
        Store.open(path)


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE stuff (x)")
    conn.commit()
    conn.close()
    with pytest.raises(JournalCorrupt, match="not a relj journal"):
        Store.open(path)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="directory"):
        Store.open(tmp_path)


SCHEMAS = Path(__file__).parent.parent / "fixtures" / "schemas"


@pytest.mark.parametrize("saved", sorted(SCHEMAS.glob("*.db")), ids=lambda p: p.stem)
def test_saved_journal_of_every_released_schema_upgrades(saved: Path, tmp_path: Path) -> None:
    """A journal written by each older schema opens, is backed up first, migrates and checks clean."""
    import shutil

    path = tmp_path / "old.db"
    shutil.copy(saved, path)
    backups: list[Path] = []
    pending = saved.stem != dbmod.known_migrations()[-1]
    store = Store.open(path, before_migrate=lambda p: backups.append(dbmod.pre_migration_backup(p)))
    assert dbmod.applied_migrations(store.conn) == dbmod.known_migrations()
    assert len(backups) == (1 if pending else 0)
    assert store.check() == []
    ana = store.resolve("ana@example.org")
    assert [r.name for r in store.people_rows_for(store.people_ids(query="garcia"))] == ["Ana García"]
    (row,) = store.people_rows_for([ana.id])
    assert str(row.last_together) == "2025-03-01" and str(row.last_written) == "2025-10-01"
    # The migration filled the reconnect summary from the old history.
    as_of = {e.person_id: e.kind for e in reconnect.compute(store, dt.date(2025, 10, 15))}
    assert as_of[ana.id] == "digital-only"
    store.close()


def _schema(conn: sqlite3.Connection) -> list[tuple[str, str, str, str | None]]:
    return conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()


@pytest.mark.parametrize("saved", sorted(SCHEMAS.glob("*.db")), ids=lambda p: p.stem)
def test_every_saved_schema_migrates_to_exactly_a_fresh_journal(saved: Path, tmp_path: Path) -> None:
    """Tables, indexes, triggers and their SQL text: a migrated journal is a fresh journal, byte for byte."""
    import shutil

    path = tmp_path / "old.db"
    shutil.copy(saved, path)
    migrated = Store.open(path)
    fresh = Store.open(tmp_path / "fresh.db")
    assert _schema(migrated.conn) == _schema(fresh.conn)
    migrated.close()
    fresh.close()


def test_the_saved_schemas_cover_every_released_step() -> None:
    """Each step but the newest has a saved journal written when it was the latest (the newest is
    saved when the next step is added)."""
    saved = {p.stem for p in SCHEMAS.glob("*.db")}
    assert set(dbmod.known_migrations()[:-1]) <= saved


def test_the_runtime_summary_rebuild_matches_the_migration_triggers(store: Store) -> None:
    """The repair's own SQL and the frozen triggers of 0002 compute the same summary."""
    from relj.store import reconnect as reconnect_store

    a = store.add_person("Ana")
    b = store.add_person("Ben")
    for day, channel in (("2025-01-01", "in-person"), ("2025-02-03", "phone"), ("2025-03-20", "video"),
                         ("2025-04-01", "email"), ("2025-05-09", "in-person")):
        store.log_interaction(channel, [a.id, b.id], dt.date.fromisoformat(day))
    store.log_interaction("video", [a.id], dt.date(2025, 6, 1), status="planned")
    by_triggers = reconnect_store.contact_summary_rows(store)
    reconnect_store.rebuild_contact_summary(store)
    assert reconnect_store.contact_summary_rows(store) == by_triggers


@pytest.mark.parametrize("kind", ["foreign", "newer"])
def test_a_refused_file_is_left_byte_identical(tmp_path: Path, kind: str) -> None:
    """Refuse before any write: WAL mode would rewrite the header of a file we then refuse."""
    path = tmp_path / "j.db"
    conn = sqlite3.connect(path)
    if kind == "foreign":
        conn.execute("CREATE TABLE stuff (x)")
    else:
        conn.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT)")
        conn.execute("INSERT INTO _sqlite_migrations VALUES ('relj', '9999_future', 'x')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises((JournalCorrupt, JournalTooNew)):
        Store.open(path)
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_huge_numbers_are_refused_by_their_range(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from relj.cli import main

    for args in (["reconnect", "--limit", "99999999999999999999"],
                 ["cadences", "--set", "friends", "99999999999999999999", "5"]):
        result = CliRunner().invoke(main, ["--db", str(tmp_path / "j.db"), *args])
        assert result.exit_code == 2 and "Traceback" not in result.output, args
