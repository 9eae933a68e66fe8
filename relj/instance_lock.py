"""One app per journal: ``flock``s on private, empty lock files, held for the life of the process.

Two windows on one journal would undo each other's work. A lock belongs to the open file, so the
system lets go of it when the process ends, however it ends: no PID to check after a crash (a
PID that a new process reused kept the app from starting), nothing about the machine in the file.

Two locks, so that every way to reach the journal leads to one of them held:

* one beside the journal's resolved path (``journal.db.lock``): a link to the journal, a relative
  path or its folder seen through a bind mount lead to the same lock file;
* one keyed on the journal file itself, its device and inode, in relj's state folder
  (``~/.local/state/relj/locks``): a hard link to the journal (another name, perhaps in another
  folder) leads there too. SQLite would name its ``-wal`` file after each name, and two writers
  would damage the journal: this is refused.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import stat
from pathlib import Path
from types import TracebackType

from relj.errors import StorageError, UserError

log = logging.getLogger(__name__)

_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
#: flock is not supported on this file system: run without the lock rather than not at all.
_UNSUPPORTED = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL, errno.ENOSYS}


class AlreadyOpen(UserError):
    """Another relj process holds this journal's lock."""


def lock_path(journal: Path | str) -> Path:
    """The lock file of ``journal``: beside the file that every path to it resolves to."""
    real = Path(os.path.realpath(Path(journal).expanduser()))
    return real.with_name(real.name + ".lock")


class _LockFile:
    """One flock on one lock file (created 0600), removed when let go."""

    def __init__(self, path: Path, journal: Path) -> None:
        self.path = path
        self.journal = journal
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        # Another process may unlink the file between our open and our flock (it does so when it
        # quits): then we hold a lock on a file nobody else will find, so try again.
        for _ in range(20):
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                    raise AlreadyOpen(f"relj is already open on this journal ({self.journal})") from None
                if exc.errno in _UNSUPPORTED:
                    log.warning("the journal's folder does not support file locks; running without one")
                    return
                raise self._error(exc) from None
            if self._same_file(fd):
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)  # an older relj's lock file held a PID and the host name
                self._fd = fd
                return
            os.close(fd)
        raise StorageError(f"cannot lock the journal: {self.path} keeps changing")

    def release(self) -> None:
        """Remove the lock file and let go of the lock (removing first: see acquire)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            if self._same_file(fd):
                os.unlink(self.path)
        os.close(fd)

    def _open(self) -> int:
        try:
            fd = os.open(self.path, _FLAGS, 0o600)
        except OSError as exc:
            raise self._error(exc) from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                os.close(fd)
                raise StorageError(f"cannot lock the journal: {self.path} is not a regular file")
            if stat.S_IMODE(st.st_mode) != 0o600:
                os.fchmod(fd, 0o600)  # the umask, or an older relj's 0644
        except OSError as exc:
            os.close(fd)
            raise self._error(exc) from None
        return fd

    def _same_file(self, fd: int) -> bool:
        try:
            here, there = os.fstat(fd), os.stat(self.path, follow_symlinks=False)
        except OSError:
            return False
        return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)

    def _error(self, exc: OSError) -> StorageError:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            why = "the disk is full"
        elif exc.errno == errno.ELOOP:
            why = "it is a symbolic link"
        else:
            why = exc.strerror or str(exc)
        return StorageError(f"cannot create the lock file {self.path}: {why}")


def inode_lock_path(journal: Path | str) -> Path | None:
    """The lock file keyed on the journal file itself (device and inode), in relj's state folder;
    None when the journal does not exist yet (a new journal has a single name)."""
    try:
        st = os.stat(Path(journal).expanduser())
    except OSError:
        return None
    from relj import paths

    return paths.lock_dir() / f"{st.st_dev:x}-{st.st_ino:x}.lock"


class InstanceLock:
    """``with InstanceLock(path):`` or ``acquire()`` ... ``release()``.

    ``acquire`` raises AlreadyOpen when another process holds either lock, and StorageError when
    a lock file cannot be made (a full disk, a read-only folder): a different message.
    """

    def __init__(self, journal: Path | str) -> None:
        self.journal = Path(journal)
        self.path = lock_path(journal)
        self._locks: list[_LockFile] = []

    @property
    def held(self) -> bool:
        return bool(self._locks) and all(lock.held for lock in self._locks)

    def acquire(self) -> None:
        if self._locks:
            return
        by_path = _LockFile(self.path, self.journal)
        by_path.acquire()
        locks = [by_path]
        inode_path = inode_lock_path(self.journal)
        if inode_path is not None:
            from relj import paths

            try:
                paths.make_app_dir(inode_path.parent)
            except OSError as exc:
                by_path.release()
                raise StorageError(f"cannot create the folder {inode_path.parent}: {exc.strerror or exc}") from None
            by_inode = _LockFile(inode_path, self.journal)
            try:
                by_inode.acquire()
            except BaseException:
                by_path.release()
                raise
            locks.append(by_inode)
        self._locks = locks

    def release(self) -> None:
        locks, self._locks = self._locks, []
        for lock in reversed(locks):
            lock.release()

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
