"""A full disk or a read-only journal gives a clear message and no corruption.

SQLITE_FULL is simulated with `PRAGMA max_page_count`; where the tests run as root (CI does), a real
small tmpfs is mounted too, full and then read-only (chmod does not stop root; a read-only mount
does).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from relj import backup
from relj import db as dbmod
from relj.cli import main
from relj.errors import UserError
from relj.store import Store

ROOT = Path(__file__).resolve().parent.parent


def fill(store: Store, n: int = 5) -> None:
    ids = [store.add_person(f"Person {i}", notes="x" * 50).id for i in range(n)]
    for i, pid in enumerate(ids):
        store.log_interaction("in-person", [pid], dt.date(2024, 1, 1) + dt.timedelta(days=i), note=f"met {i}")


def cap(store: Store) -> None:
    """No page may be added: the next write that needs one fails with SQLITE_FULL."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_disk_full_is_a_clear_error_and_changes_nothing(tmp_path: Path) -> None:
    s = Store.open(tmp_path / "j.db")
    fill(s)
    before = s.export_data()
    cap(s)
    with pytest.raises(UserError, match="full.*nothing was changed"), s.atomic():
        for i in range(200):
            s.add_person(f"Big {i}", notes="n" * 4000)
    assert s.export_data() == before
    # A single write that does not fit fails alone, and the journal stays sound and usable.
    with pytest.raises(UserError, match="full"):
        s.add_person("Too big", notes="n" * 100_000)
    assert s.check() == []
    s.conn.execute("PRAGMA max_page_count = 1073741823")
    s.add_person("Fits now")
    assert s.check() == []
    s.close()


def test_disk_full_during_import_is_all_or_nothing(tmp_path: Path) -> None:
    src = Store.open(tmp_path / "src.db")
    fill(src, 60)
    doc = src.export_data()
    src.close()
    s = Store.open(tmp_path / "j.db")
    cap(s)
    with pytest.raises(UserError, match="full"):
        s.import_data(doc)
    assert s.counts()["person"] == 0 and s.counts()["interaction"] == 0
    assert s.check() == []
    s.close()


def test_cli_reports_disk_full_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "j.db"
    s = Store.open(db)
    fill(s)
    s.close()
    real_open = dbmod.open_db

    def capped(*args, **kwargs):  # type: ignore[no-untyped-def]
        conn = real_open(*args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(dbmod, "open_db", capped)
    result = CliRunner().invoke(main, ["--db", str(db), "person", "add", "Ana", "--note", "n" * 200_000])
    assert result.exit_code == 1
    assert result.stderr.startswith("relj: error: could not write the journal: the disk is full")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output + result.stderr
    monkeypatch.undo()
    s = Store.open(db)
    assert s.check() == [] and s.counts()["person"] == 5
    s.close()


def test_read_only_connection_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    s = Store.open(db)
    fill(s)
    s.close()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
    ro = Store(conn, db)
    with pytest.raises(UserError, match="read-only.*nothing was changed"):
        ro.add_person("Nope")
    ro.close()
    s = Store.open(db)
    assert s.check() == [] and s.counts()["person"] == 5
    s.close()


# -- a real small filesystem, where we may mount one ---------------------------------------------
@contextlib.contextmanager
def tiny_fs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "relj", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, check=False)


def test_really_full_disk(tmp_path: Path) -> None:
    with tiny_fs(tmp_path / "mnt", "1m") as mnt:
        db = mnt / "j.db"
        assert cli("--db", str(db), "person", "add", "Ana").returncode == 0
        # Fill the disk with notes until a write is refused.
        refused = None
        for i in range(200):
            r = cli("--db", str(db), "person", "add", f"P{i}", "--note", "n" * 60_000)
            if r.returncode != 0:
                refused = r
                break
        assert refused is not None, "the disk never filled up"
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert "full" in refused.stderr or "No space" in refused.stderr, refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1
        r = cli("--db", str(db), "check")
        assert r.returncode == 0, r.stderr
        # A backup to the full disk fails cleanly and leaves no partial file.
        r = cli("--db", str(db), "backup", "create", "--to", str(mnt / "b"))
        assert r.returncode == 1 and "Traceback" not in r.stderr
        assert "disk is full" in r.stderr or "No space left" in r.stderr, r.stderr
        assert [p for p in (mnt / "b").iterdir()] == [] if (mnt / "b").exists() else True
        assert not [p for p in mnt.iterdir() if p.name.endswith(".part")]


def test_really_read_only_filesystem(tmp_path: Path) -> None:
    with tiny_fs(tmp_path / "mnt", "4m") as mnt:
        db = mnt / "j.db"
        assert cli("--db", str(db), "person", "add", "Ana").returncode == 0
        good = backup.create_backup(db, tmp_path / "b.reljbak")
        assert good
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        r = cli("--db", str(db), "person", "add", "Bo")
        assert r.returncode == 1 and "Traceback" not in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert "read-only" in r.stderr and "not a readable" not in r.stderr, r.stderr
        r = cli("--db", str(db), "backup", "restore", str(tmp_path / "b.reljbak"))
        assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
        subprocess.run(["mount", "-o", "remount,rw", str(mnt)], check=True)
        r = cli("--db", str(db), "check")
        assert r.returncode == 0 and "1 people" in r.stdout, r.stdout + r.stderr


def test_busy_journal_is_a_clear_error(tmp_path: Path) -> None:
    """Another process holds the write lock past the busy timeout: a UserError, not a crash."""
    db = tmp_path / "j.db"
    app = Store.open(db)
    fill(app)
    cli_store = Store.open(db)
    cli_store.conn.execute("PRAGMA busy_timeout = 50")
    with app.atomic():
        app.add_person("Being written by the app")
        with pytest.raises(UserError, match="busy.*nothing was changed"):
            cli_store.add_person("Blocked")
    cli_store.add_person("Now it goes through")
    assert cli_store.counts()["person"] == 7 and cli_store.check() == []
    cli_store.close()
    app.close()
