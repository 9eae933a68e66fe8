"""SQLite errors sorted in one place, by their result code (never by their message text).

Environment errors (a full disk, a read-only file, a journal another program holds, a damaged
file) are things the user can fix: they become ``UserError``s with one clear line. Anything else
(a constraint the code should have checked, a syntax error) is a bug and keeps its traceback.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from relj.errors import JournalBusy, JournalCorrupt, ReljError, StorageError

log = logging.getLogger(__name__)

#: Below this much free space an I/O error is reported as a full disk: SQLite often says
#: SQLITE_IOERR_WRITE (or "disk I/O error") when the write that failed ran out of room.
_NEARLY_FULL = 1 << 20


def error_name(exc: BaseException) -> str:
    """``SQLITE_FULL``, ``SQLITE_IOERR_WRITE``...; empty for an error without a result code."""
    return getattr(exc, "sqlite_errorname", "") or ""


def _free_bytes(path: Path | None) -> int | None:
    if path is None or str(path) == ":memory:":
        return None
    folder = Path(path).parent
    try:
        st = os.statvfs(folder)
    except OSError:
        return None
    return st.f_bavail * st.f_frsize


def _read_only(path: Path | None) -> bool:
    if path is None or str(path) == ":memory:":
        return False
    path = Path(path)
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def is_environment_error(exc: BaseException) -> bool:
    """True when the user (or the machine) is the cause, not relj."""
    name = error_name(exc)
    return name.startswith((
        "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_BUSY", "SQLITE_LOCKED",
        "SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_NOLFS",
    ))


def classify(exc: sqlite3.Error, *, path: Path | None = None, doing: str = "write the journal",
             unchanged: bool = True) -> ReljError | None:
    """The UserError that explains ``exc``, or None when it is a bug.

    ``doing`` completes "could not ...", and ``unchanged`` adds "nothing was changed" (true inside
    a transaction that was rolled back).
    """
    name = error_name(exc)
    tail = "; nothing was changed" if unchanged else ""
    where = f" ({path})" if path is not None and str(path) != ":memory:" and str(path) not in doing else ""
    free = _free_bytes(path)  # 0 is a full disk, None unknown
    if name.startswith("SQLITE_FULL") or (name.startswith("SQLITE_IOERR") and free is not None and free < _NEARLY_FULL):
        return StorageError(f"could not {doing}: the disk is full{where}{tail}; free some space and try again")
    if name.startswith("SQLITE_IOERR") or name == "SQLITE_NOLFS":
        return StorageError(f"could not {doing}: the disk could not be read or written{where}{tail}")
    if name.startswith("SQLITE_READONLY") or name == "SQLITE_PERM":
        return StorageError(f"could not {doing}: the journal or its folder is read-only{where}{tail}")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return JournalBusy(f"could not {doing}: the journal is busy, another relj is writing to it{tail}; "
                           "try again in a moment")
    if name.startswith("SQLITE_CANTOPEN") and _read_only(path):
        return StorageError(f"could not {doing}: the journal or its folder is read-only, and relj needs to "
                            f"write beside it{where}{tail}")
    if name.startswith("SQLITE_CANTOPEN"):
        return StorageError(f"could not {doing}: the journal file cannot be opened{where}{tail}")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return JournalCorrupt(f"could not {doing}: the journal is damaged{where}{tail}; "
                              "restore your latest backup with `relj backup restore FILE`")
    return None


@contextlib.contextmanager
def translated(*, path: Path | None = None, doing: str = "write the journal", unchanged: bool = True) -> Iterator[None]:
    """Raise an environment error as its UserError; let a bug go on with its traceback (logged)."""
    try:
        yield
    except sqlite3.Error as exc:
        known = classify(exc, path=path, doing=doing, unchanged=unchanged)
        if known is None:
            log.error("unexpected SQLite error %s while trying to %s", error_name(exc) or type(exc).__name__, doing)
            raise
        log.warning("SQLite %s while trying to %s", error_name(exc), doing)
        raise known from None
