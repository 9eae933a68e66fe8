"""Writing the files relj hands to the user (exports): atomic, private, never through a link."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from relj.errors import StorageError, UserError

#: Either the whole content, or a function that streams it into the (binary) file.
Content = bytes | Callable[[BinaryIO], object]

_OPEN_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def check_target(path: Path) -> None:
    """Refuse a target that exists and is not a regular file: a symbolic link, a folder, a device, a FIFO.

    Replacing a link would drop it (and a write through it would land elsewhere); a device or a
    FIFO is not a file to replace. A missing target is fine.
    """
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except NotADirectoryError:
        raise UserError(f"cannot write {path}: a part of the path is not a folder") from None
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    if stat.S_ISLNK(st.st_mode):
        raise UserError(f"{path} is a symbolic link; relj does not replace links: give the real file's path")
    if stat.S_ISDIR(st.st_mode):
        raise UserError(f"{path} is a folder; give a file name")
    if not stat.S_ISREG(st.st_mode):
        raise UserError(f"{path} is not a regular file (a device, a pipe or a socket); relj does not write to it")


def write_atomic(path: Path | str, content: Content) -> None:
    """Write ``content`` to ``path`` as a new file with mode 0600, or leave ``path`` as it was.

    The data goes into a temporary file beside the target, created with
    ``O_CREAT | O_EXCL | O_NOFOLLOW`` and mode 0600, flushed to disk, then renamed over the
    target. A target that is a link, a folder or a device is refused before anything is written.
    ``content`` is bytes, or a callable that writes into the binary file it is given (so a large
    export is streamed, never held in memory whole).

    Raises:
        UserError: the target is refused, or its folder is missing.
        StorageError: the disk refused (full, read-only, no permission); the target is unchanged.
    """
    path = Path(path)
    check_target(path)
    parent = path.parent
    if not parent.is_dir():
        raise UserError(f"no such folder: {parent}")
    # A name of our own, not derived from the target's (which may already be 255 bytes long).
    tmp = parent / f".relj-{secrets.token_hex(8)}.part"
    try:
        fd = os.open(tmp, _OPEN_FLAGS, 0o600)
    except OSError as exc:
        raise _storage_error(path, exc) from None
    try:
        os.fchmod(fd, 0o600)  # whatever the umask
        with os.fdopen(fd, "wb") as fh:
            if isinstance(content, bytes | bytearray | memoryview):
                fh.write(content)
            else:
                content(fh)
            fh.flush()
            os.fsync(fh.fileno())
        check_target(path)  # it may have become a link while we wrote
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _storage_error(path, exc) from None
        raise
    fsync_dir(parent)


def _storage_error(path: Path, exc: OSError) -> StorageError:
    if exc.errno == errno.ENOSPC:
        return StorageError(f"cannot write {path}: the disk is full; {path} was left as it was")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError(f"cannot write {path}: {exc.strerror} (check the folder's permissions)")
    return StorageError(f"cannot write {path}: {exc.strerror or exc}")


def fsync_dir(directory: Path) -> None:
    """Make the rename durable; some file systems cannot fsync a folder, which is harmless."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket"))  # fmt: skip


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading in binary; anything else is refused with one line.

    A named pipe would block the import forever and a device (``/dev/zero``) never ends, so
    both are refused before a byte is read. The file is opened without blocking (a pipe that
    appears between a check and the open cannot hang), then checked with ``fstat``.

    Raises:
        UserError: the file is missing, unreadable, a folder, a pipe, a device or a socket.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise UserError(f"cannot read {path}: it is a folder, not a file") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise UserError(f"cannot read {path}: it is a folder, not a file")
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise UserError(f"cannot read {path}: it is {kind}, not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
