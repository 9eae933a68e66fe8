"""Other programs' SQLite files, read from a private copy and never written: Thunderbird's calendar
(``calendar-data/local.sqlite``) and Evolution's address book (``addressbook/*/contacts.db``).

The file is never opened for writing. :func:`private_copy` checks the SQLite header, then copies
the database with SQLite's backup API from a ``mode=ro`` connection (which reads pages still in
the program's WAL; a plain file copy would lose them), into a 0600 file in a 0700 temporary
folder; when that fails (the program holds a lock, or a read-only folder keeps SQLite from
opening the WAL) it copies from an ``immutable=1`` connection, which reads the main file only. A
WAL database whose ``-wal`` and ``-shm`` are not there (the program is closed) is read immutably
at once: all of it is in the main file, and a read-only connection would create both beside it.
Every query runs on the copy, which is deleted afterwards. A file that is not such a database is
refused with one line (a UserError); nothing of it is changed.

The SQL for both stores is here, as all of relj's SQL is in relj.store: the interop modules
(relj.interop.thunderbird_calendar, relj.interop.evolution_contacts) turn these rows into records.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from relj.errors import UserError
from relj.fileio import open_regular

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
#: How long the read-only copy waits for a program that holds a lock before reading immutably.
_BUSY_MS = 1000


def check_sqlite_file(path: Path, what: str) -> bytes:
    """The database header of ``path``; a UserError unless it is a regular file that starts as an
    SQLite database does."""
    with open_regular(path) as fh:
        try:
            head = fh.read(100)
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not head.startswith(SQLITE_HEADER):
        raise UserError(f"{path}: not {what} (not an SQLite database)")
    return head


def _first_flag(path: Path, head: bytes) -> str:
    """How to open the program's file for the copy. A WAL database (header bytes 18-19 are 2)
    whose ``-wal`` and ``-shm`` are not both there is read immutably: everything is in the main
    file, and a read-only connection would otherwise create them beside it and leave them."""
    wal_mode = len(head) >= 20 and head[18] == 2 and head[19] == 2
    if wal_mode and not (Path(f"{path}-wal").is_file() and Path(f"{path}-shm").is_file()):
        return "immutable=1"
    return "mode=ro"


def _uri(path: Path, flag: str) -> str:
    return f"file:{quote(str(path.absolute()))}?{flag}"


class _Locked(sqlite3.OperationalError):
    """The program held its lock longer than relj waits."""


def _copy_from(path: Path, flag: str, target: sqlite3.Connection) -> None:
    # Connection.backup retries for ever while the source is busy or locked: the progress
    # callback, called after every step, gives up once the wait is over.
    deadline = time.monotonic() + _BUSY_MS / 1000

    def progress(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise _Locked("the database is locked")

    source = sqlite3.connect(_uri(path, flag), uri=True, timeout=_BUSY_MS / 1000)
    try:
        source.execute(f"PRAGMA busy_timeout = {_BUSY_MS // 4}")
        source.backup(target, progress=progress, sleep=0.05)
    finally:
        source.close()


@contextlib.contextmanager
def private_copy(path: Path, what: str) -> Iterator[sqlite3.Connection]:
    """A connection to a private copy of the SQLite file ``path`` ("a Thunderbird calendar"...).

    Raises:
        UserError: the file is missing, unreadable, or not an SQLite database.
    """
    path = Path(path)
    first = _first_flag(path, check_sqlite_file(path, what))
    with tempfile.TemporaryDirectory(prefix="relj-copy-") as folder:  # 0700, removed with the copy
        copy = Path(folder) / "copy.sqlite"
        os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        conn = sqlite3.connect(copy)
        try:
            try:
                _copy_from(path, first, conn)
            except sqlite3.Error as exc:
                if first == "immutable=1":
                    raise UserError(f"{path}: cannot read it as {what} (a damaged database)") from None
                log.info("read-only copy failed (%s): reading the main file immutably", exc.sqlite_errorname
                         if hasattr(exc, "sqlite_errorname") else type(exc).__name__)
                try:
                    _copy_from(path, "immutable=1", conn)
                except sqlite3.Error:
                    raise UserError(f"{path}: cannot read it as {what} (a damaged or locked database)") from None
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.DatabaseError:
                raise UserError(f"{path}: not {what} (a damaged database)") from None
            yield conn
        finally:
            conn.close()


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]).lower() for row in conn.execute(f"PRAGMA table_info({_ident(table)})")}


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _guard(path: Path, what: str) -> contextlib.AbstractContextManager[None]:
    """SQLite errors while reading the copy, as one line about the file."""

    @contextlib.contextmanager
    def guard() -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as exc:
            log.info("reading a copy failed: %s", getattr(exc, "sqlite_errorname", type(exc).__name__))
            raise UserError(f"{path}: cannot read it as {what} (a damaged database)") from None

    return guard()


# -- Thunderbird's calendar ----------------------------------------------------------------------
TB_WHAT = "a Thunderbird calendar"
#: Columns relj reads from cal_events (Thunderbird's storage schema since version 22, 2013).
_TB_EVENT_COLUMNS = ("cal_id", "id", "title", "ical_status", "flags", "event_start", "event_start_tz",
                     "event_end", "event_end_tz", "recurrence_id", "recurrence_id_tz")
_TB_SIDE = {"cal_attendees": "icalstring", "cal_recurrence": "icalstring", "cal_properties": "value"}


@dataclass(slots=True)
class TbItem:
    """One cal_events row (an event, or an exception of a recurring one) with its side rows."""

    cal_id: str
    id: str
    title: str
    status: str
    flags: int
    start: int | None
    start_tz: str
    end: int | None
    end_tz: str
    recurrence_id: int | None
    recurrence_id_tz: str
    attendees: list[str] = field(default_factory=list)  # ATTENDEE / ORGANIZER content lines
    recurrence: list[str] = field(default_factory=list)  # RRULE / RDATE / EXDATE / EXRULE lines
    properties: list[tuple[str, str]] = field(default_factory=list)  # (name, value)


def _tb_check(conn: sqlite3.Connection, path: Path) -> dict[str, set[str]]:
    tables = {str(r[0]).lower() for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "cal_events" not in tables:
        raise UserError(f"{path}: not {TB_WHAT} (no cal_events table)")
    cols = {t: _columns(conn, t) for t in ("cal_events", *_TB_SIDE) if t in tables}
    missing = [c for c in _TB_EVENT_COLUMNS if c not in cols["cal_events"]]
    old = [t for t, c in _TB_SIDE.items() if t in cols and c not in cols[t]]
    if missing or old:
        raise UserError(f"{path}: a calendar store relj cannot read (an old or unknown Thunderbird format; "
                        "open it once in a current Thunderbird)")
    return cols


def _tb_indexes(conn: sqlite3.Connection, cols: dict[str, set[str]]) -> None:
    """Indexes on the private copy (Thunderbird's own may be missing): one lookup per event."""
    conn.execute("CREATE INDEX IF NOT EXISTS relj_events ON cal_events (cal_id, id)")
    for table in _TB_SIDE:
        if table in cols and {"cal_id", "item_id"} <= cols[table]:
            conn.execute(f"CREATE INDEX IF NOT EXISTS relj_{table} ON {table} (cal_id, item_id)")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _int(value: object) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _side(conn: sqlite3.Connection, cols: dict[str, set[str]], table: str, item: TbItem) -> list[sqlite3.Row]:
    if table not in cols or not {"cal_id", "item_id"} <= cols[table]:
        return []
    value = "key, value" if table == "cal_properties" else "icalString"
    rid = "recurrence_id" in cols[table]
    if item.recurrence_id is None:
        where = " AND recurrence_id IS NULL" if rid else ""
        args: tuple[object, ...] = (item.cal_id, item.id)
    else:
        if not rid:
            return []
        where = " AND recurrence_id = ?"
        args = (item.cal_id, item.id, item.recurrence_id)
    return list(conn.execute(f"SELECT {value} FROM {table} WHERE cal_id = ? AND item_id = ?{where} ORDER BY rowid",
                             args))


def _tb_item(conn: sqlite3.Connection, cols: dict[str, set[str]], row: sqlite3.Row) -> TbItem:
    item = TbItem(
        cal_id=_text(row["cal_id"]), id=_text(row["id"]), title=_text(row["title"]),
        status=_text(row["ical_status"]), flags=_int(row["flags"]) or 0,
        start=_int(row["event_start"]), start_tz=_text(row["event_start_tz"]),
        end=_int(row["event_end"]), end_tz=_text(row["event_end_tz"]),
        recurrence_id=_int(row["recurrence_id"]), recurrence_id_tz=_text(row["recurrence_id_tz"]),
    )
    item.attendees = [_text(r[0]) for r in _side(conn, cols, "cal_attendees", item)]
    if item.recurrence_id is None:
        item.recurrence = [_text(r[0]) for r in _side(conn, cols, "cal_recurrence", item)]
    item.properties = [(_text(r[0]), _text(r[1])) for r in _side(conn, cols, "cal_properties", item)]
    return item


#: calIChangeLog.OFFLINE_FLAG_DELETED_RECORD: deleted while offline, waiting to be deleted on the server.
_OFFLINE_DELETED = 4


def thunderbird_events(path: Path) -> Iterator[tuple[TbItem, list[TbItem]]]:
    """Each event of a Thunderbird calendar store with its exceptions (rows with a recurrence id),
    by calendar and id; events deleted while offline are left out.

    Raises:
        UserError: the file is not a Thunderbird calendar store relj can read.
    """
    path = Path(path)
    with private_copy(path, TB_WHAT) as conn, _guard(path, TB_WHAT):
        conn.row_factory = sqlite3.Row
        cols = _tb_check(conn, path)
        _tb_indexes(conn, cols)
        journal = ", offline_journal" if "offline_journal" in cols["cal_events"] else ", NULL AS offline_journal"
        select = f"SELECT {', '.join(_TB_EVENT_COLUMNS)}{journal} FROM cal_events"
        reader = conn.cursor()
        lookup = conn.cursor()
        count = 0
        for row in reader.execute(f"{select} WHERE recurrence_id IS NULL ORDER BY cal_id, id, rowid"):
            if _int(row["offline_journal"]) == _OFFLINE_DELETED:
                continue
            master = _tb_item(conn, cols, row)
            exceptions = [_tb_item(conn, cols, r) for r in lookup.execute(
                f"{select} WHERE cal_id = ? AND id = ? AND recurrence_id IS NOT NULL ORDER BY rowid",
                (row["cal_id"], row["id"])) if _int(r["offline_journal"]) != _OFFLINE_DELETED]
            count += 1
            yield master, exceptions
        log.info("thunderbird calendar store: %d events", count)


# -- Evolution's address book --------------------------------------------------------------------
EDS_WHAT = "an Evolution address book"
_EDS_DEFAULT = "folder_id"


@dataclass(slots=True)
class EdsCard:
    """One contact row: its uid, its vCard text (None in a summary-only book), and whether it is a list."""

    uid: str
    vcard: str | None
    is_list: bool


def evolution_cards(path: Path) -> Iterator[EdsCard]:
    """The contacts of an Evolution ``contacts.db`` (EBookSqlite), by uid.

    Raises:
        UserError: the file is not an Evolution address book relj can read.
    """
    path = Path(path)
    with private_copy(path, EDS_WHAT) as conn, _guard(path, EDS_WHAT):
        tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        folders = [_EDS_DEFAULT]
        if "folders" in tables and "folder_id" in _columns(conn, "folders"):
            folders = [_text(r[0]) for r in conn.execute("SELECT folder_id FROM folders ORDER BY rowid")] or folders
        books = [f for f in dict.fromkeys(folders) if f in tables and {"uid", "vcard"} <= _columns(conn, f)]
        if not books:
            raise UserError(f"{path}: not {EDS_WHAT} (no contacts table with vCards)")
        count = 0
        for book in books:
            listed = "is_list" if "is_list" in _columns(conn, book) else "0"
            for uid, vcard, is_list in conn.execute(f"SELECT uid, vcard, {listed} FROM {_ident(book)} ORDER BY uid"):
                count += 1
                text = None if vcard is None else _text(vcard)
                yield EdsCard(_text(uid), text, bool(_int(is_list)))
        log.info("evolution address book: %d contacts", count)
