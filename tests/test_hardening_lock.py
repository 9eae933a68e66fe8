"""One app per journal, and an app that never freezes on a busy journal (issue 13)."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from relj import instance_lock
from relj.errors import JournalBusy, StorageError, UserError
from relj.instance_lock import AlreadyOpen, InstanceLock, lock_path

HOLDER = textwrap.dedent("""
    import sys, time
    from relj.instance_lock import InstanceLock
    lock = InstanceLock(sys.argv[1])
    lock.acquire()
    print("locked", flush=True)
    time.sleep(120)
""")


@contextlib.contextmanager
def held_elsewhere(journal: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the journal's lock until the block ends, then killed (SIGKILL: a crash)."""
    with subprocess.Popen([sys.executable, "-c", HOLDER, str(journal)], stdout=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
            yield proc
        finally:
            proc.send_signal(signal.SIGKILL)  # no clean-up runs
            proc.wait(timeout=60)


# -- the key: the resolved file -------------------------------------------------------------------
def test_a_symlink_to_the_journal_finds_the_same_lock(tmp_path: Path) -> None:
    real = tmp_path / "journal.db"
    real.touch()
    link = tmp_path / "link.db"
    link.symlink_to(real)
    assert lock_path(link) == lock_path(real)
    with InstanceLock(real), pytest.raises(AlreadyOpen, match="already open on this journal"):
        InstanceLock(link).acquire()


def test_a_hard_link_in_another_folder_finds_the_same_lock(tmp_path: Path) -> None:
    """Keyed on the file too (device and inode): another name for the same journal is refused,
    as SQLite would keep a second -wal file under that name (found by an audit)."""
    from relj.instance_lock import inode_lock_path

    real = tmp_path / "a" / "journal.db"
    real.parent.mkdir()
    real.touch()
    other = tmp_path / "b" / "same.db"
    other.parent.mkdir()
    os.link(real, other)
    assert lock_path(other) != lock_path(real) and inode_lock_path(other) == inode_lock_path(real)
    lock = InstanceLock(real)
    with lock, pytest.raises(AlreadyOpen, match="already open on this journal"):
        InstanceLock(other).acquire()
    held = inode_lock_path(real)
    assert held is not None and not held.exists()  # let go and removed
    with InstanceLock(other):  # and the other name may open it once the first lets go
        assert held.exists() and (held.stat().st_mode & 0o777) == 0o600
        assert (held.parent.stat().st_mode & 0o777) == 0o700


def test_the_app_refuses_a_second_instance_through_a_hard_link(tmp_path: Path) -> None:
    real = tmp_path / "journal.db"
    real.write_bytes(b"")
    other = tmp_path / "other.db"
    os.link(real, other)
    with held_elsewhere(real):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        done = subprocess.run([sys.executable, "-c", "from relj.cli import main; main()", "--db", str(other),
                               "--exit-after-load"], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 1 and "relj is already open on this journal" in done.stderr


def test_a_symlinked_folder_and_a_relative_path_find_the_same_lock(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "journal.db").touch()
    (tmp_path / "alias").symlink_to(tmp_path / "data")
    monkeypatch.chdir(tmp_path / "alias")
    with InstanceLock(tmp_path / "data" / "journal.db"):
        for other in (Path("journal.db"), tmp_path / "alias" / "journal.db", Path("../data/./journal.db")):
            with pytest.raises(AlreadyOpen):
                InstanceLock(other).acquire()


def test_different_journals_do_not_block_each_other(tmp_path: Path) -> None:
    with InstanceLock(tmp_path / "a.db"), InstanceLock(tmp_path / "b.db") as b:
        assert b.held


# -- across processes ------------------------------------------------------------------------------
def test_another_process_holding_the_lock_refuses_us_and_its_death_frees_it(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    with held_elsewhere(journal), pytest.raises(AlreadyOpen):
        InstanceLock(journal).acquire()
    assert lock_path(journal).exists()  # left behind by the crash...
    with InstanceLock(journal) as lock:  # ...and no obstacle: the system let go of the lock
        assert lock.held


def test_a_reused_pid_in_a_stale_lock_file_does_not_block(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    # QLockFile's format: PID, application name, host name. This PID is alive (ours, a python3.11).
    lock_path(journal).write_text(f"{os.getpid()}\npython3.11\n{os.uname().nodename}\n")
    with InstanceLock(journal) as lock:
        assert lock.held


def test_release_then_acquire_again(tmp_path: Path) -> None:
    lock = InstanceLock(tmp_path / "journal.db")
    lock.acquire()
    lock.release()
    assert not lock.path.exists()
    lock.acquire()
    assert lock.held
    lock.release()
    lock.release()  # twice is harmless


def test_the_app_refuses_a_second_instance_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "journal.db"
    link = tmp_path / "link.db"
    link.symlink_to(real)
    with held_elsewhere(real):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        done = subprocess.run([sys.executable, "-c", "from relj.cli import main; main()", "--db", str(link),
                               "--exit-after-load"], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 1
    assert "relj is already open on this journal" in done.stderr
    assert done.stdout == ""


# -- failures that are not "already open" ---------------------------------------------------------
def test_a_full_disk_is_not_reported_as_already_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(instance_lock.os, "open", full)
    with pytest.raises(StorageError, match="the disk is full") as caught:
        InstanceLock(tmp_path / "journal.db").acquire()
    assert not isinstance(caught.value, AlreadyOpen)
    assert "already open" not in str(caught.value)


def test_the_app_says_the_disk_is_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str], qapp: object) -> None:
    from relj.ui import app

    def full(self: InstanceLock) -> None:
        raise StorageError(f"cannot create the lock file {self.path}: the disk is full")

    monkeypatch.setattr(InstanceLock, "acquire", full)
    assert app.run(tmp_path / "journal.db", exit_after_load=True) == 1
    err = capsys.readouterr().err
    assert "the disk is full" in err and "already open" not in err


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES, errno.EDQUOT])
def test_a_folder_we_cannot_write_is_not_already_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      code: int) -> None:
    def refuse(*args: object, **kwargs: object) -> int:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(instance_lock.os, "open", refuse)
    with pytest.raises(StorageError, match="cannot create the lock file") as caught:
        InstanceLock(tmp_path / "journal.db").acquire()
    assert not isinstance(caught.value, AlreadyOpen)


def test_a_lock_path_that_is_a_symlink_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep")
    lock_path(tmp_path / "journal.db").symlink_to(victim)
    with pytest.raises(UserError, match="symbolic link"):
        InstanceLock(tmp_path / "journal.db").acquire()
    assert victim.read_text() == "keep"


def test_a_file_system_without_flock_runs_without_the_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unsupported(fd: int, op: int) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(instance_lock.fcntl, "flock", unsupported)
    lock = InstanceLock(tmp_path / "journal.db")
    lock.acquire()  # no exception: better an app without the guard than no app
    assert not lock.held


# -- a busy journal: the app's writes give up quickly -------------------------------------------------
def test_the_app_store_waits_briefly_and_the_cli_store_waits_longer(tmp_path: Path) -> None:
    from relj.db import BUSY_TIMEOUT_MS, INTERACTIVE_BUSY_TIMEOUT_MS
    from relj.store import Store
    from relj.ui.app import open_journal

    db = tmp_path / "journal.db"
    gui = open_journal(db)
    cli = Store.open(db)
    try:
        assert gui.conn.execute("PRAGMA busy_timeout").fetchone()[0] == INTERACTIVE_BUSY_TIMEOUT_MS <= 500
        assert cli.conn.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
    finally:
        gui.close()
        cli.close()


def test_an_app_write_during_a_cli_import_is_journal_busy(tmp_path: Path) -> None:
    from relj.store import Store
    from relj.ui.app import open_journal

    db = tmp_path / "journal.db"
    gui = open_journal(db)
    cli = Store.open(db)
    try:
        with cli.atomic():  # an import holding the write lock
            cli.add_person("Imported")
            with pytest.raises(JournalBusy), gui.atomic():
                gui.add_person("Clicked")
            assert [p.display_name for p in gui.people()] == []  # reads go on (WAL)
        with gui.atomic():  # once the import is done, the app writes again
            gui.add_person("Clicked")
        assert sorted(p.display_name for p in gui.people()) == ["Clicked", "Imported"]
    finally:
        gui.close()
        cli.close()
