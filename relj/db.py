"""Open a journal file: permissions, pragmas, named migrations, refusing a newer schema."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from relj import migrations
from relj.errors import JournalCorrupt, JournalTooNew, UserError
from relj.migrations import MIGRATION_SET, MIGRATIONS_TABLE
from relj.store.errors import classify, translated

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)

#: Called with (db_path) before pending migrations touch a journal that holds data.
PreMigrationHook = Callable[[Path], None]

#: How long a write waits for another process (a CLI import) to let go of the journal.
BUSY_TIMEOUT_MS = 5000
#: The same for the app's own connection: a click must not freeze the window for seconds;
#: past this the write fails with JournalBusy and the app says the journal is busy.
INTERACTIVE_BUSY_TIMEOUT_MS = 250
#: SQLite's page cache per connection, in KiB (a negative cache_size). The default 2 MiB is smaller
#: than the contact summary and people of a 10,000-person journal (about 3 MiB), which the home
#: view reads on every change: with it, each ranking read those pages again from the OS.
CACHE_KIB = 32768


def set_busy_timeout(conn: sqlite3.Connection, ms: int) -> None:
    """How long statements on ``conn`` wait for a lock another connection holds (SQLITE_BUSY)."""
    conn.execute(f"PRAGMA busy_timeout = {int(ms)}")


def known_migrations() -> list[str]:
    return migrations.names()


def _secure_file(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if p.exists():
            os.chmod(p, 0o600)


def ensure_private_dir(directory: Path) -> None:
    """Create the journal directory, and every missing folder above it, with mode 0700."""
    from relj.paths import make_private_dir

    make_private_dir(directory)


def _restore_hint(path: Path) -> str:
    try:
        from relj.backup import restore_hint

        return restore_hint(path)
    except Exception:  # noqa: BLE001 - a hint must never hide the real problem
        return "restore your latest backup with `relj backup restore FILE`"


def _header_problem(path: Path) -> str | None:
    """Read the 100-byte SQLite header: a wrong magic, or a file shorter than its header says."""
    try:
        size = path.stat().st_size
        if size == 0:
            return None  # a journal created but never written: the migrations fill it
        with open(path, "rb") as fh:
            header = fh.read(100)
        wal = Path(f"{path}-wal")
        wal_size = wal.stat().st_size if wal.exists() else 0
    except OSError:
        return None  # SQLite will say what is wrong
    if len(header) < 100 or header[:16] != b"SQLite format 3\0":
        return "not an SQLite database"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The size in the header is valid when the change counter matches "version valid for". With a
    # WAL, a checkpoint cut short may leave the file shorter than page 1 says: the WAL repairs it.
    valid = header[24:28] == header[92:96]
    if valid and wal_size == 0 and pages * page_size > size:
        return f"the file is truncated ({size} bytes of {pages * page_size})"
    return None


def _cheap_check(conn: sqlite3.Connection, path: Path) -> None:
    """Read the header and the schema: enough to catch a file that is not a journal, or a cut one."""
    problem = _header_problem(path) if str(path) != ":memory:" else None
    if problem is None:
        try:
            set_busy_timeout(conn, BUSY_TIMEOUT_MS)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            known = classify(exc, path=path, doing=f"open journal {path}", unchanged=False)
            if known is None or isinstance(known, JournalCorrupt):
                problem = str(exc)
            else:
                # Locked, read-only, full: the file may be fine; do not send the user to a backup.
                conn.close()
                raise known from None
    if problem is not None:
        conn.close()
        raise JournalCorrupt(f"{path} is not a readable relj journal ({problem}); {_restore_hint(path)}")


def applied_migrations(db: sqlite3.Connection | sqlite_utils.Database) -> list[str]:
    """Names of the migrations applied to this journal, in order (no sqlite_utils import)."""
    conn: sqlite3.Connection = getattr(db, "conn", db)  # type: ignore[assignment,arg-type]
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                          [MIGRATIONS_TABLE]).fetchone()
    if not exists:
        return []
    return [r[0] for r in conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET])]


def open_db(
    path: Path,
    *,
    create: bool = True,
    migrate: bool = True,
    before_migrate: PreMigrationHook | None = None,
) -> sqlite3.Connection:
    """Open (or create) the journal at ``path`` and bring its schema up to date.

    Refuses a journal that holds migrations this build does not know. Calls
    ``before_migrate(path)`` before migrating a journal that already holds data.
    """
    path = Path(path)
    if str(path) != ":memory:":
        if not path.exists():
            if not create:
                raise UserError(f"no journal at {path}")
            ensure_private_dir(path.parent)
            # Create the file ourselves so that it is 0600 from its first byte.
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        elif path.is_dir():
            raise UserError(f"{path} is a directory, not a journal file")
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise classify(exc, path=path, doing=f"open journal {path}", unchanged=False) or UserError(
            f"cannot open journal {path}: {exc}") from None
    _cheap_check(conn, path)
    # Refuse before any write: WAL mode rewrites the header, and a refused file stays byte-identical.
    try:
        _refuse_foreign(conn, path)
        applied = applied_migrations(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise classify(exc, path=path, doing=f"open journal {path}", unchanged=False) or JournalCorrupt(
            f"{path} is not a readable relj journal ({exc}); {_restore_hint(path)}") from None
    unknown = [name for name in applied if name not in known_migrations()]
    if unknown:
        conn.close()
        raise JournalTooNew(
            f"{path} was written by a newer relj (unknown schema step {unknown[-1]}); "
            "upgrade relj to open it"
        )
    # Pragmas outside any transaction: WAL and foreign keys cannot change inside one.
    try:
        set_busy_timeout(conn, BUSY_TIMEOUT_MS)
        conn.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    except sqlite3.Error as exc:
        conn.close()
        raise classify(exc, path=path, doing=f"open journal {path}", unchanged=False) or JournalCorrupt(
            f"{path} is not a readable relj journal ({exc}); {_restore_hint(path)}") from None
    pending = [m for m in known_migrations() if m not in applied]
    if migrate and pending:
        import sqlite_utils

        if applied and before_migrate is not None:
            before_migrate(path)
        with translated(path=path, doing=f"update journal {path} to this version of relj"):
            migrations.build().apply(sqlite_utils.Database(conn))
        log.info("migrated journal: %d step(s)", len(pending))
    if str(path) != ":memory:":
        _secure_file(path)
    return conn


def open_reader(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to a journal already at this build's schema (for a forked helper,
    relj.helper_process): None if there is none yet, or it still needs a migration (the app does that).

    Nothing is written: no migration, no pragma that changes the file, ``query_only`` on.
    """
    path = Path(path)
    try:
        if path.stat().st_size == 0:
            return None
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    except (OSError, sqlite3.Error):
        return None
    try:
        set_busy_timeout(conn, BUSY_TIMEOUT_MS)
        conn.execute("PRAGMA query_only = ON")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if applied_migrations(conn) == known_migrations():
            return conn
    except sqlite3.Error:
        pass
    conn.close()
    return None


def fingerprint(path: Path) -> tuple[object, ...]:
    """What changes whenever a transaction commits to the journal at ``path`` (from another
    connection or process): the database file's and the WAL's size and time, and the WAL header,
    whose salts change each time the WAL starts over. Equal before and after a read: nothing was
    committed meanwhile."""
    out: list[object] = []
    for p in (str(path), f"{path}-wal"):
        try:
            st = os.stat(p)
        except OSError:
            st = None
        if st is None or st.st_size == 0:  # no WAL, or one just created by a connection opening
            out.append(0)
            continue
        head = b""
        if p.endswith("-wal"):
            try:
                with open(p, "rb") as fh:
                    head = fh.read(32)
            except OSError:
                head = b""
        out.append((st.st_ino, st.st_size, st.st_mtime_ns, head))
    return tuple(out)


def _refuse_foreign(conn: sqlite3.Connection, path: Path) -> None:
    """A non-empty SQLite file without our migrations table is someone else's database."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and MIGRATIONS_TABLE not in tables:
        raise JournalCorrupt(f"{path} is an SQLite file, but not a relj journal")


def snapshot_to(conn: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy of an open journal to ``target`` (mode 0600).

    Uses SQLite's backup API, not a file copy: pages still in the WAL would be lost.
    """
    import secrets

    from relj.fileio import check_target

    check_target(target)  # never replace a link, a folder or a device (/dev/full)
    ensure_private_dir(target.parent)
    # A name no one can plant a link at in advance, created exclusively without following links.
    tmp = target.with_name(f".relj-{secrets.token_hex(8)}.part")
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    os.close(os.open(tmp, flags, 0o600))
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        check_target(target)
        os.replace(tmp, target)
    except BaseException:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)
        raise


def pre_migration_backup(path: Path) -> Path:
    """Back up a journal before its schema changes (a relj backup file); returns the backup file."""
    from relj.backup import create_backup, new_backup_path

    target = new_backup_path(path, "pre-migration")
    create_backup(path, target)
    return target
