"""No plaintext left behind, no write through a link, a full disk said plainly.

Scratch files live in claims (a private folder per process, locked while it lives) inside one
scratch folder per journal; `clean_scratch` (run at every start) removes the claims of dead
processes. A verify decrypts to a file without a name (O_TMPFILE) on Linux.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from relj import backup, paths
from relj import db as dbmod
from relj.backup import create as backup_create
from relj.backup import files
from relj.backup import restore as backup_restore
from relj.cli import main
from relj.errors import UserError
from relj.store import Store

ROOT = Path(__file__).resolve().parent.parent
PASS = "scratch test passphrase"
SECRET = b"Zebulon Quartermaine"


pytestmark = pytest.mark.usefixtures("cheap_scrypt")


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    path = tmp_path / "home" / "journal.db"
    s = Store.open(path)
    s.add_person(SECRET.decode(), notes="private note")
    s.close()
    return path


def plaintext_files(top: Path, *, allowed: tuple[Path, ...] = ()) -> list[Path]:
    """Every file under ``top`` that holds the journal's plaintext, but the ``allowed`` ones."""
    found = []
    for p in top.rglob("*"):
        if p.is_file() and not p.is_symlink() and p not in allowed and SECRET in p.read_bytes():
            found.append(p)
    return found


def journal_files(db: Path) -> tuple[Path, ...]:
    return tuple(Path(f"{db}{s}") for s in ("", "-wal", "-shm"))


def cli(db: Path, *args: str) -> object:
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False,
                              env={"RELJ_BACKUP_PASSPHRASE": PASS})


# -- verify leaves nothing ------------------------------------------------------------------------
def test_verify_decrypts_to_a_file_without_a_name(journal: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out" / "b.reljbak"
    backup.create_backup(journal, target, passphrase=PASS)
    seen: dict[str, list[str]] = {}
    real_extract, real_check = backup_restore.extract, backup_restore._check_database

    def claim_files() -> list[str]:
        return sorted(p.name for p in files.scratch_root(journal).rglob("*") if p.is_file())

    def extract(*args: object) -> object:
        result = real_extract(*args)  # type: ignore[arg-type]
        seen["after decrypting"] = claim_files()
        return result

    def check(conn: sqlite3.Connection, path: Path) -> None:
        seen["while SQLite checks it"] = claim_files()
        real_check(conn, path)

    monkeypatch.setattr(backup_restore, "extract", extract)
    monkeypatch.setattr(backup_restore, "_check_database", check)
    assert backup.verify_backup(target, passphrase=PASS, journal=journal).counts["person"] == 1
    if sys.platform == "linux":
        # Only the claim's lock file: the plaintext had no name while it was written or checked.
        assert seen == {"after decrypting": ["lock"], "while SQLite checks it": ["lock"]}
    assert [p for p in files.scratch_root(journal).iterdir()] == []
    assert plaintext_files(tmp_path, allowed=journal_files(journal)) == []


def test_cli_verify_leaves_no_folder_beside_the_journal(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "b.reljbak"
    backup.create_backup(journal, target, passphrase=PASS)
    before = sorted(p.name for p in journal.parent.iterdir())
    r = cli(journal, "backup", "verify", str(target))
    assert r.exit_code == 0, r.stderr  # type: ignore[attr-defined]
    after = sorted(p.name for p in journal.parent.iterdir())
    assert [n for n in after if n not in before] in ([], [files.scratch_root(journal).name])
    assert not any(n.startswith("relj-verify-") for n in after)
    assert plaintext_files(tmp_path, allowed=journal_files(journal)) == []


# -- cleanup at start ---------------------------------------------------------------------------
KILLED_CLAIM = """
import os, sys
from pathlib import Path
from relj.backup import files
claim = files.Claim(files.scratch_root(Path(sys.argv[1])))
claim.file("snapshot.db").write_bytes(b"SQLite format 3\\0" + {secret!r})
part = files.Claim(Path(sys.argv[2]), in_target=True)
part.file("backup.reljbak").write_bytes({secret!r})
(part.file("backup.reljbak-journal")).write_bytes({secret!r})
print("ready", flush=True)
os.kill(os.getpid(), 9)
"""


def kill_with_claims(journal: Path) -> None:
    """A process that made scratch files (a snapshot, a part and its -journal), then was killed."""
    code = KILLED_CLAIM.format(secret=SECRET)
    done = subprocess.run([sys.executable, "-c", code, str(journal), str(paths.backups_dir(journal))],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          timeout=60, check=False)
    assert done.returncode == -signal.SIGKILL and "ready" in done.stdout, done.stderr


def test_the_next_start_removes_what_a_killed_relj_left(journal: Path, tmp_path: Path) -> None:
    kill_with_claims(journal)
    # Leftovers of relj before claims: a verify folder beside the journal, parts in backups/.
    legacy_verify = journal.parent / "relj-verify-abcd1234"
    legacy_verify.mkdir()
    (legacy_verify / "journal.db").write_bytes(SECRET)
    dead_pid = 2**22 + 12345  # above pid_max's default: no such process
    for name in (f".journal.db.snapshot.{dead_pid}.part", f".journal.db.snapshot.{dead_pid}.part-journal"):
        (journal.parent / name).write_bytes(SECRET)
    for name in (f".j-1-manual.reljbak.{dead_pid}.part", f".j-1-manual.reljbak.{dead_pid}.part-journal"):
        (paths.backups_dir(journal) / name).write_bytes(SECRET)
    assert len(plaintext_files(tmp_path, allowed=journal_files(journal))) == 8
    r = cli(journal, "person", "list")  # any command that opens the journal cleans first
    assert r.exit_code == 0
    assert plaintext_files(tmp_path, allowed=journal_files(journal)) == []
    assert list(files.scratch_root(journal).iterdir()) == []
    assert list(paths.backups_dir(journal).iterdir()) == []


def test_cleanup_spares_a_live_claim_and_other_files(journal: Path) -> None:
    keep = journal.parent / ".journal.db.snapshot.notes.part"  # not a relj name: never touched
    keep.write_bytes(b"x")
    with files.Claim(files.scratch_root(journal)) as claim:
        claim.file("mine.db").write_bytes(b"in use")
        live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        try:
            other = files.scratch_root(journal) / f"{live.pid}-{'0' * 16}.new"  # being made by a live process
            other.mkdir()
            assert backup.clean_scratch(journal) == 0
            assert claim.file("mine.db").exists() and other.exists()
        finally:
            live.kill()
            live.wait()
        assert backup.clean_scratch(journal) == 1  # its process is gone now
        assert claim.file("mine.db").exists()
    assert keep.exists() and list(files.scratch_root(journal).iterdir()) == []
    assert backup.clean_scratch(journal) == 0 and backup.clean_scratch(Path(":memory:")) == 0


def test_scratch_folders_are_private(journal: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with files.Claim(files.scratch_root(journal)) as claim:
            assert stat.S_IMODE(files.scratch_root(journal).stat().st_mode) == 0o700
            assert stat.S_IMODE(claim.file("").stat().st_mode) == 0o700
            with files.private_create(claim.file("x")) as fh:
                fh.write(b"x")
            assert stat.S_IMODE(claim.file("x").stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_a_planted_link_at_the_scratch_folder_is_refused(journal: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    files.scratch_root(journal).symlink_to(elsewhere)
    with pytest.raises(UserError, match="not a folder relj made"):
        backup.create_backup(journal, tmp_path / "b.reljbak", passphrase=PASS)
    assert list(elsewhere.iterdir()) == [] and not (tmp_path / "b.reljbak").exists()


# -- no write through a link, none to a device ---------------------------------------------------
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_backup_outputs_refuse_devices(journal: Path) -> None:
    with pytest.raises(UserError, match="not a regular file"):
        backup.create_backup(journal, Path("/dev/full"))
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)
    r = cli(Path("/dev/full"), "backup", "restore", "/dev/null")
    assert r.exit_code == 1  # type: ignore[attr-defined]
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)
    conn = sqlite3.connect(journal)
    try:
        with pytest.raises(UserError, match="not a regular file"):
            dbmod.snapshot_to(conn, Path("/dev/full"))
    finally:
        conn.close()
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


def test_backup_outputs_refuse_links(journal: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"keep me")
    link = tmp_path / "out" / "b.reljbak"
    link.parent.mkdir()
    link.symlink_to(victim)
    with pytest.raises(UserError, match="symbolic link"):
        backup.create_backup(journal, link)
    good = tmp_path / "good.reljbak"
    backup.create_backup(journal, good)
    restore_link = tmp_path / "restore-link.db"
    restore_link.symlink_to(victim)
    with pytest.raises(UserError, match="symbolic link"):
        backup.restore_backup(good, restore_link)
    conn = sqlite3.connect(journal)
    try:
        with pytest.raises(UserError, match="symbolic link"):
            dbmod.snapshot_to(conn, link)
    finally:
        conn.close()
    assert victim.read_bytes() == b"keep me" and link.is_symlink() and restore_link.is_symlink()


def test_a_planted_link_at_a_part_name_redirects_nothing(journal: Path, tmp_path: Path) -> None:
    """The names relj used to write to (``.NAME.PID.part`` and its ``-journal``) hold planted links;
    every temporary name is now random and created with O_EXCL | O_NOFOLLOW, in a private folder."""
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"keep me")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "b.reljbak"
    planted = [out / f".b.reljbak.{os.getpid()}.part", out / f".b.reljbak.{os.getpid()}.part-journal",
               out / "b.reljbak.part", out / "b.reljbak.part-journal"]
    for p in planted:
        p.symlink_to(victim)
    backup.create_backup(journal, target)
    backup.create_backup(journal, out / "c.reljbak", passphrase=PASS)
    conn = sqlite3.connect(journal)
    try:
        dbmod.snapshot_to(conn, out / "b.reljbak.snapshot")  # not .part: but its old tmp was b.reljbak.part
        dbmod.snapshot_to(conn, out / "b.reljbak")
    finally:
        conn.close()
    assert victim.read_bytes() == b"keep me"
    assert all(p.is_symlink() for p in planted)
    with pytest.raises(FileExistsError):
        files.private_create(planted[0])
    assert victim.read_bytes() == b"keep me"


# -- a full disk ---------------------------------------------------------------------------------
def test_a_full_disk_during_create_says_the_disk_is_full(journal: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's result code decides (SQLITE_FULL, or an I/O error with no space left), not its text."""
    def full(src: object, path: Path, timeout: float = 10.0) -> None:
        exc = sqlite3.OperationalError("database or disk is full")
        exc.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(backup_create, "_snapshot_into", full)
    r = cli(journal, "backup", "create", "--to", str(tmp_path / "out"))
    assert r.exit_code == 1 and "the disk is full" in r.stderr  # type: ignore[attr-defined]
    assert len(r.stderr.strip().splitlines()) == 1  # type: ignore[attr-defined]
    assert list((tmp_path / "out").iterdir()) == []

    def io_error(src: object, path: Path, timeout: float = 10.0) -> None:
        exc = sqlite3.OperationalError("disk I/O error")
        exc.sqlite_errorname = "SQLITE_IOERR_WRITE"  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(backup_create, "_snapshot_into", io_error)
    monkeypatch.setattr("relj.store.errors._free_bytes", lambda path: 0)
    r = cli(journal, "backup", "create", "--to", str(tmp_path / "out"))
    assert r.exit_code == 1 and "the disk is full" in r.stderr  # type: ignore[attr-defined]
    assert "not a readable" not in r.stderr  # type: ignore[attr-defined]


def test_a_really_full_disk_under_a_closed_journal(tmp_path: Path) -> None:
    """The journal closed cleanly on a full disk: opening it for the snapshot fails with an I/O
    error (no room for its -shm). relj used to call that "not a readable relj journal"."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mnt)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        db = mnt / "j.db"
        s = Store.open(db)
        s.add_person("Ana")
        s.close()
        with open(mnt / "filler", "wb", buffering=0) as fh:  # unbuffered: close has nothing left to flush
            try:
                while True:
                    fh.write(b"\0" * 65536)
            except OSError:
                pass
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        for args in ([], ["--to", str(tmp_path / "out")]):
            r = subprocess.run([sys.executable, "-m", "relj", "--db", str(db), "backup", "create", *args],
                               capture_output=True, text=True, cwd=ROOT, env=env, timeout=60, check=False)
            assert r.returncode == 1 and "the disk is full" in r.stderr, r.stderr
            assert "not a readable" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)
