"""Files for backups: private exclusive creation, scratch folders that cleanup can find, plaintext
that cannot outlive the process where the system allows it, and background fsync.

Every scratch file lives in a *claim*: a private 0700 folder of one process, holding a lock file
that the process keeps locked while it lives. The lock dies with the process however it ends
(kill -9, power cut), so ``clean_scratch`` can tell a dead process's leftovers from a live one's
without trusting process ids (which are reused). Claims live in one scratch folder per journal
(``.journal.db.scratch`` beside it) or, for a backup file being written, in the folder it goes to
(``.relj-PID-TOKEN.part``), so that the finished file is renamed into place on one filesystem.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import re
import secrets
import shutil
import sqlite3
import stat
import sys
import threading
from pathlib import Path
from typing import BinaryIO

from relj import paths
from relj.errors import StorageError, UserError
from relj.fileio import check_target

log = logging.getLogger(__name__)

CHUNK = 4 << 20
_CREATE = (os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
           | getattr(os, "O_BINARY", 0))
#: A claim in a journal's scratch folder, and one in a folder a backup is written to.
_CLAIM_RE = re.compile(r"^(?P<pid>\d+)-[0-9a-f]{16}(?P<new>\.new)?$")
_PART_RE = re.compile(r"^\.relj-(?P<pid>\d+)-[0-9a-f]{16}\.part(?P<new>\.new)?$")
#: Scratch files of relj 0.x before claims: beside the journal, in the backups or --to folder.
_LEGACY_RE = re.compile(r"^\..+\.(?:reljbak|snapshot|restore)\.(?P<pid>\d+)\.part(?:-journal)?$")
_LEGACY_VERIFY_RE = re.compile(r"^relj-verify-[A-Za-z0-9_]{8}$")


# -- small helpers ---------------------------------------------------------------------------
def os_error(path: Path, exc: OSError, doing: str = "write") -> UserError:
    """One line for an OSError: a full disk says so."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return StorageError(f"cannot {doing} {path}: the disk is full; nothing was changed")
    return StorageError(f"cannot {doing} {path}: {exc.strerror or exc}; nothing was changed")


def private_create(path: Path, mode: str = "wb") -> BinaryIO:
    """A new file, mode 0600 from its first byte, created exclusively without following a link:
    whatever sits at ``path`` (a planted link, a device) makes this fail rather than be written."""
    flags = _CREATE | (os.O_RDWR if "+" in mode else os.O_WRONLY)
    fd = os.open(path, flags, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # whatever the umask
        return os.fdopen(fd, mode)  # type: ignore[return-value]
    except BaseException:
        os.close(fd)
        raise




def ensure_private_dir(directory: Path) -> None:
    """Create a folder with mode 0700 (an existing folder is left as it is)."""
    if directory.is_dir():
        return
    try:
        directory.mkdir(parents=True, mode=0o700)
        os.chmod(directory, 0o700)
    except FileExistsError:
        if not directory.is_dir():
            raise UserError(f"{directory} is not a folder") from None
    except OSError as exc:
        raise UserError(f"cannot create {directory}: {exc.strerror or exc}") from None


def unlink_quietly(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


def check_output(path: Path) -> None:
    """A backup never replaces a link, a folder, a device or a FIFO (``/dev/full``, a planted link)."""
    check_target(path)


def ro_uri(path: Path) -> str:
    """A read-only SQLite URI for ``path``, whatever characters (``?``, ``#``, ``%``) it holds."""
    return Path(os.path.abspath(path)).as_uri() + "?mode=ro"


def hash_file(fh: BinaryIO, limit: int | None = None) -> tuple[str, int]:
    """SHA-256 and length of what ``fh`` holds from where it is (at most ``limit`` bytes), read
    into one buffer, reused (no fresh memory for each chunk)."""
    h = hashlib.sha256()
    size = 0
    buf = bytearray(CHUNK)
    while True:
        want = CHUNK if limit is None else min(CHUNK, limit - size)
        if want <= 0:
            break
        n = fh.readinto(memoryview(buf)[:want])  # type: ignore[attr-defined]
        if not n:
            break
        h.update(memoryview(buf)[:n])
        size += n
    return h.hexdigest(), size


class Syncer:
    """fsync a file in a background thread while the caller keeps working (hashing, encrypting)."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.thread: threading.Thread | None = None
        self.error: OSError | None = None

    def __enter__(self) -> Syncer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.wait()

    def _run(self) -> None:
        try:
            os.fsync(self.fh.fileno())
        except OSError as exc:
            self.error = exc

    def kick(self) -> None:
        """Start an fsync unless one is still running."""
        if self.thread is None or not self.thread.is_alive():
            self.fh.flush()
            self.thread = threading.Thread(target=self._run, name="relj-backup-fsync", daemon=True)
            self.thread.start()

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        if self.error is not None:
            error, self.error = self.error, None
            raise error


# -- locks that die with their process -------------------------------------------------------
def _try_lock(fd: int) -> bool:
    """Lock ``fd`` without waiting; False when another (live) process holds it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":
        return True  # os.kill would end it: never guess there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


# -- claims ----------------------------------------------------------------------------------
def scratch_root(db_path: Path) -> Path:
    """The journal's one scratch folder, beside it (same filesystem: a restore renames out of it)."""
    real = Path(db_path).resolve()
    return real.parent / f".{real.name}.scratch"


def _private_root(root: Path) -> None:
    """``root`` exists, is a real folder (not a link) of ours, mode 0700."""
    try:
        root.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError as exc:
        raise os_error(root, exc, "create") from None
    st = os.lstat(root)
    if not stat.S_ISDIR(st.st_mode) or (hasattr(os, "geteuid") and st.st_uid != os.geteuid()):
        raise UserError(f"{root} is not a folder relj made; move it away and try again")
    if stat.S_IMODE(st.st_mode) != 0o700:
        os.chmod(root, 0o700)


class Claim:
    """One process's private scratch folder, locked while the process lives; removed on close."""

    def __init__(self, root: Path, *, in_target: bool = False) -> None:
        self.lock_fd = -1
        self.path: Path | None = None
        if in_target:
            ensure_private_dir(root)
        else:
            ensure_private_dir(root.parent)
            _private_root(root)
        token = secrets.token_hex(8)
        name = f".relj-{os.getpid()}-{token}.part" if in_target else f"{os.getpid()}-{token}"
        # Made under a name that cleanup leaves alone while we live, locked, then renamed: a
        # cleaner never sees an unlocked claim of a live process.
        new = root / f"{name}.new"
        try:
            new.mkdir(mode=0o700)
            os.chmod(new, 0o700)
            self.lock_fd = os.open(new / "lock", _CREATE | os.O_RDWR, 0o600)
            if not _try_lock(self.lock_fd):
                raise OSError(errno.EAGAIN, "cannot lock a new scratch folder")
            os.rename(new, root / name)
        except OSError as exc:
            self._close_lock()
            unlink_quietly(new / "lock")
            with contextlib.suppress(OSError):
                os.rmdir(new)
            raise os_error(root, exc, "write in") from None
        self.path = root / name

    def _close_lock(self) -> None:
        if self.lock_fd >= 0:
            os.close(self.lock_fd)
            self.lock_fd = -1

    def file(self, name: str) -> Path:
        assert self.path is not None
        return self.path / name

    def close(self) -> None:
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            self.path = None
        self._close_lock()

    def __enter__(self) -> Claim:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _remove_dead_claim(path: Path, pid: int, new: bool) -> bool:
    """Remove a claim folder if its process is gone. True if removed."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    try:
        fd = os.open(path / "lock", os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        if new and _pid_alive(pid):
            return False  # being made right now
        shutil.rmtree(path, ignore_errors=True)
        return True
    except OSError:
        return False
    try:
        if not _try_lock(fd):
            return False  # its process is alive
        if sys.platform == "win32":
            os.close(fd)
            fd = -1
        shutil.rmtree(path, ignore_errors=True)
        return not path.exists()
    finally:
        if fd >= 0:
            os.close(fd)


def _clean_folder(folder: Path, claim_re: re.Pattern[str], *, legacy: bool = True) -> int:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    removed = 0
    for entry in entries:
        m = claim_re.match(entry.name)
        if m:
            removed += _remove_dead_claim(Path(entry.path), int(m["pid"]), bool(m["new"]))
            continue
        if not legacy:
            continue
        m = _LEGACY_RE.match(entry.name)
        if m and int(m["pid"]) != os.getpid() and not _pid_alive(int(m["pid"])):
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) or entry.is_symlink():
                    os.unlink(entry.path)
                    removed += 1
    return removed


def clean_target_folder(folder: Path) -> int:
    """Remove what killed backups left in a folder backups are written to."""
    return _clean_folder(folder, _PART_RE)


def clean_scratch(journal_path: Path | str) -> int:
    """Remove every scratch file that a dead relj left for this journal: in its scratch folder,
    beside it (older relj), and in its backups folder. Cheap (a few folder listings); never raises.
    Run at every start, by the CLI and the app. Returns how many files or folders were removed."""
    removed = 0
    try:
        db_path = Path(journal_path)
        if str(db_path) == ":memory:":
            return 0
        root = scratch_root(db_path)
        if root.is_dir() and not root.is_symlink():
            removed += _clean_folder(root, _CLAIM_RE, legacy=False)
        folder = root.parent
        removed += _clean_folder(folder, _PART_RE)
        # relj 0.x verified into relj-verify-* beside the journal: a killed verify left plaintext.
        with contextlib.suppress(OSError):
            for entry in os.scandir(folder):
                if _LEGACY_VERIFY_RE.match(entry.name) and entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                    removed += 1
        removed += clean_target_folder(paths.backups_dir(db_path))
    except Exception:  # noqa: BLE001 - cleanup must never stop a start
        log.warning("scratch cleanup failed", exc_info=True)
    if removed:
        log.info("scratch cleanup: %d leftover(s) of killed relj processes removed", removed)
    return removed


# -- plaintext that cannot outlive us --------------------------------------------------------
class PlainFile:
    """A file for decrypted data in a claim: on Linux nameless (O_TMPFILE) while it is written, so
    a kill leaves nothing; it gets a name only when SQLite needs one (SQLite opens files by name
    and resolves links, so ``/proc/self/fd/N`` does not work). Elsewhere it is named from the start,
    inside the claim that cleanup removes."""

    def __init__(self, claim: Claim, name: str) -> None:
        self.folder = claim.file("")
        self.name = name
        self.path: Path | None = None
        fd = -1
        tmpfile = getattr(os, "O_TMPFILE", 0)
        if tmpfile and os.path.isdir("/proc/self/fd"):
            try:
                fd = os.open(self.folder, tmpfile | os.O_RDWR | getattr(os, "O_CLOEXEC", 0), 0o600)
                os.fchmod(fd, 0o600)
            except OSError:
                fd = -1  # a filesystem without O_TMPFILE
        if fd < 0:
            self.path = self.folder / name
            self.fh = private_create(self.path, "w+b")
        else:
            self.fh = os.fdopen(fd, "w+b")

    @property
    def nameless(self) -> bool:
        return self.path is None

    def named(self) -> Path:
        """Give the file its name in the claim (once), and return it."""
        if self.path is None:
            self.fh.flush()
            target = self.folder / self.name
            dfd = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                # linkat(AT_SYMLINK_FOLLOW) through /proc: the documented way to name an O_TMPFILE.
                os.link(f"/proc/self/fd/{self.fh.fileno()}", self.name, dst_dir_fd=dfd, follow_symlinks=True)
            finally:
                os.close(dfd)
            self.path = target
        return self.path

    def connect_detached(self) -> sqlite3.Connection:
        """A read-only SQLite connection on the file, whose name is removed at once where the system
        allows (POSIX): the plaintext then has no name for the rest of the check."""
        path = self.named()
        conn = sqlite3.connect(f"{ro_uri(path)}&immutable=1", uri=True, check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            conn.close()
            raise
        if os.name == "posix":
            unlink_quietly(path)
            self.path = None
        return conn

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.fh.close()
        if self.path is not None:
            unlink_quietly(self.path)
            self.path = None
