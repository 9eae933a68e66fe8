"""Open a journal file: permissions, pragmas, named migrations, refusing a newer schema."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relj.errors import JournalCorrupt, JournalTooNew, UserError

log = logging.getLogger(__name__)

MIGRATION_SET = "relj"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite_utils.Migrations.migrations_table

if TYPE_CHECKING:
    import sqlite_utils


class _Registry:
    """Named migrations, registered in order. Applied with sqlite-utils' built-in Migrations.

    Only a journal that needs migrating imports sqlite_utils: it costs ~100 ms at start-up.
    """

    class _Entry:
        def __init__(self, name: str, fn: Callable[[Any], None]) -> None:
            self.name = name
            self.fn = fn

    def __init__(self) -> None:
        self._migrations: list[_Registry._Entry] = []

    def __call__(self, *, name: str) -> Callable[[Callable[[Any], None]], Callable[[Any], None]]:
        def register(fn: Callable[[Any], None]) -> Callable[[Any], None]:
            if any(m.name == name for m in self._migrations):
                raise ValueError(f"migration {name} registered twice")
            self._migrations.append(self._Entry(name, fn))
            return fn

        return register

    def build(self) -> sqlite_utils.Migrations:
        import sqlite_utils

        built = sqlite_utils.Migrations(MIGRATION_SET)
        for m in self._migrations:
            built(name=m.name)(m.fn)
        return built


migrations = _Registry()


def run_script(db: Any, sql: str) -> None:
    """Run a multi-statement script inside the current transaction.

    ``sqlite3.executescript`` would COMMIT first, breaking the migration's atomicity, and
    sqlite-utils' splitter is quadratic (0.1 s per migration). Statements end where
    ``sqlite3.complete_statement`` says so, which understands trigger bodies.
    """
    conn: sqlite3.Connection = getattr(db, "conn", db)
    buf: list[str] = []
    for line in sql.splitlines(keepends=True):
        buf.append(line)
        statement = "".join(buf)
        if sqlite3.complete_statement(statement):
            if statement.strip().strip(";").strip():
                conn.execute(statement)
            buf = []
    rest = "".join(buf).strip()
    if rest:
        raise ValueError(f"incomplete SQL statement in migration: {rest[:60]}")

#: Called with (db_path) before pending migrations touch a journal that holds data.
PreMigrationHook = Callable[[Path], None]


@migrations(name="0001_initial")
def _m0001_initial(db: sqlite_utils.Database) -> None:
    run_script(db,
        """
        CREATE TABLE person (
            id INTEGER PRIMARY KEY,
            display_name TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
            given_name TEXT NOT NULL DEFAULT '',
            family_name TEXT NOT NULL DEFAULT '',
            nickname TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            how_met TEXT NOT NULL DEFAULT '',
            birthday TEXT CHECK (birthday IS NULL OR birthday GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                                 OR birthday GLOB '--[0-9][0-9]-[0-9][0-9]'),
            notes TEXT NOT NULL DEFAULT '',
            circle TEXT,
            tracked INTEGER NOT NULL DEFAULT 1 CHECK (tracked IN (0, 1)),
            cadence_rich_days INTEGER CHECK (cadence_rich_days IS NULL OR cadence_rich_days > 0),
            cadence_any_days INTEGER CHECK (cadence_any_days IS NULL OR cadence_any_days > 0),
            paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
            written_ok INTEGER NOT NULL DEFAULT 0 CHECK (written_ok IN (0, 1)),
            snoozed_until TEXT,
            import_id INTEGER REFERENCES import_run(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX person_name ON person(display_name COLLATE NOCASE);
        CREATE INDEX person_circle ON person(circle);

        CREATE TABLE contact_point (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'address', 'url')),
            value TEXT NOT NULL CHECK (length(trim(value)) > 0),
            value_norm TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            import_id INTEGER REFERENCES import_run(id) ON DELETE SET NULL
        );
        -- Emails are unique in the journal, matched case-insensitively.
        CREATE UNIQUE INDEX contact_point_email ON contact_point(value_norm) WHERE kind = 'email';
        CREATE INDEX contact_point_lookup ON contact_point(kind, value_norm);
        CREATE INDEX contact_point_person ON contact_point(person_id);

        CREATE TABLE interest (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0)
        );
        CREATE TABLE person_interest (
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            interest_id INTEGER NOT NULL REFERENCES interest(id) ON DELETE CASCADE,
            import_id INTEGER REFERENCES import_run(id) ON DELETE SET NULL,
            PRIMARY KEY (person_id, interest_id)
        ) WITHOUT ROWID;
        CREATE INDEX person_interest_interest ON person_interest(interest_id, person_id);

        CREATE TABLE owner (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL DEFAULT '',
            region TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE owner_email (
            email_norm TEXT PRIMARY KEY,
            email TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE owner_interest (
            interest_id INTEGER PRIMARY KEY REFERENCES interest(id) ON DELETE CASCADE
        );

        CREATE TABLE interaction (
            id INTEGER PRIMARY KEY,
            occurred_on TEXT NOT NULL CHECK (occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            occurred_time TEXT CHECK (occurred_time IS NULL OR occurred_time GLOB '[0-2][0-9]:[0-5][0-9]'),
            channel TEXT NOT NULL
                CHECK (channel IN ('in-person', 'video', 'phone', 'text', 'email', 'letter', 'social')),
            mode TEXT GENERATED ALWAYS AS (
                CASE channel WHEN 'in-person' THEN 'together'
                             WHEN 'video' THEN 'voice' WHEN 'phone' THEN 'voice'
                             ELSE 'written' END) VIRTUAL,
            initiator TEXT NOT NULL DEFAULT 'unknown' CHECK (initiator IN ('me', 'them', 'unknown')),
            duration_min INTEGER CHECK (duration_min IS NULL OR duration_min >= 0),
            place TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'planned', 'cancelled')),
            source TEXT NOT NULL DEFAULT 'manual',
            source_key TEXT,
            import_id INTEGER REFERENCES import_run(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        -- A re-import never duplicates: one row per (source, source_key).
        CREATE UNIQUE INDEX interaction_source ON interaction(source, source_key)
            WHERE source_key IS NOT NULL;
        CREATE INDEX interaction_date ON interaction(occurred_on DESC, id DESC);
        CREATE INDEX interaction_import ON interaction(import_id) WHERE import_id IS NOT NULL;

        -- Participants carry a copy of the interaction's date, mode and status, kept in step by
        -- the triggers below, so that "last contact of each mode for each person" is an index
        -- seek on participant_last rather than a join and a scan.
        CREATE TABLE participant (
            interaction_id INTEGER NOT NULL REFERENCES interaction(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            occurred_on TEXT NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('together', 'voice', 'written')),
            status TEXT NOT NULL CHECK (status IN ('done', 'planned', 'cancelled')),
            PRIMARY KEY (interaction_id, person_id)
        ) WITHOUT ROWID;
        CREATE INDEX participant_last ON participant(person_id, status, mode, occurred_on);
        CREATE TRIGGER interaction_sync_participant AFTER UPDATE OF occurred_on, channel, status
            ON interaction BEGIN
            UPDATE participant SET occurred_on = NEW.occurred_on, mode = NEW.mode, status = NEW.status
            WHERE interaction_id = NEW.id;
        END;

        CREATE TABLE relationship (
            id INTEGER PRIMARY KEY,
            person_a INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            person_b INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('partner', 'family', 'parent', 'child', 'sibling',
                'friend', 'colleague', 'manager', 'client', 'introduced-by', 'other')),
            note TEXT NOT NULL DEFAULT '',
            CHECK (person_a <> person_b),
            UNIQUE (person_a, person_b, kind)
        );
        CREATE INDEX relationship_b ON relationship(person_b);

        -- Follow-ups ("send a thank-you note") are computed; this records the user's decision.
        CREATE TABLE followup (
            interaction_id INTEGER PRIMARY KEY REFERENCES interaction(id) ON DELETE CASCADE,
            state TEXT NOT NULL CHECK (state IN ('done', 'dismissed')),
            decided_at TEXT NOT NULL
        );

        CREATE TABLE import_run (
            id INTEGER PRIMARY KEY,
            format TEXT NOT NULL,
            file_name TEXT NOT NULL,
            started_at TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(summary)),
            undone_at TEXT
        );

        -- Journal settings that travel with the journal (cadences, backup policy). JSON values.
        CREATE TABLE setting (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL CHECK (json_valid(value))
        ) WITHOUT ROWID;

        CREATE VIRTUAL TABLE person_fts USING fts5(
            name, emails, organisation, notes, interests,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE VIRTUAL TABLE interaction_fts USING fts5(
            note, place, content = 'interaction', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER interaction_fts_ai AFTER INSERT ON interaction
            WHEN NEW.note <> '' OR NEW.place <> '' BEGIN
            INSERT INTO interaction_fts(rowid, note, place) VALUES (NEW.id, NEW.note, NEW.place);
        END;
        CREATE TRIGGER interaction_fts_ad AFTER DELETE ON interaction
            WHEN OLD.note <> '' OR OLD.place <> '' BEGIN
            INSERT INTO interaction_fts(interaction_fts, rowid, note, place)
                VALUES ('delete', OLD.id, OLD.note, OLD.place);
        END;
        CREATE TRIGGER interaction_fts_au AFTER UPDATE OF note, place ON interaction BEGIN
            INSERT INTO interaction_fts(interaction_fts, rowid, note, place)
                SELECT 'delete', OLD.id, OLD.note, OLD.place WHERE OLD.note <> '' OR OLD.place <> '';
            INSERT INTO interaction_fts(rowid, note, place)
                SELECT NEW.id, NEW.note, NEW.place WHERE NEW.note <> '' OR NEW.place <> '';
        END;
        """
    )



def _summary_recompute(who: str, where: str | None = None) -> str:
    """SQL that recomputes contact_summary rows from participant (index seeks only).

    ``who`` is the person id expression; ``where`` picks the rows (default: that person's).
    """
    where = where or f"person_id = {who}"

    def seek(agg: str, mode: str, status: str = "done") -> str:
        return (f"(SELECT {agg}(occurred_on) FROM participant WHERE person_id = {who} "
                f"AND status = '{status}' AND mode = '{mode}')")

    def days(mode: str) -> str:
        return (f"SELECT d FROM (SELECT DISTINCT occurred_on AS d FROM participant WHERE person_id = {who} "
                f"AND status = 'done' AND mode = '{mode}' ORDER BY d DESC LIMIT 9)")

    return f"""
        UPDATE contact_summary SET
            last_together = {seek('max', 'together')},
            last_voice = {seek('max', 'voice')},
            last_written = {seek('max', 'written')},
            first_written = {seek('min', 'written')},
            rich_days = coalesce((SELECT json_group_array(d) FROM
                (SELECT d FROM ({days('together')} UNION {days('voice')}) ORDER BY d DESC LIMIT 9)), '[]'),
            planned_last = nullif(max(coalesce({seek('max', 'together', 'planned')}, ''),
                                      coalesce({seek('max', 'voice', 'planned')}, '')), '')
        WHERE {where};
        {_summary_median(where)}"""


def _summary_median(where: str) -> str:
    """SQL that sets rich_median: the median gap in days between the distinct rich days kept."""
    return f"""
        UPDATE contact_summary SET rich_median = CASE WHEN json_array_length(rich_days) >= 3 THEN (
            SELECT avg(g) FROM (
                SELECT g, row_number() OVER (ORDER BY g) AS rn, count(*) OVER () AS n FROM (
                    SELECT julianday(x.value) - julianday(y.value) AS g
                    FROM json_each(contact_summary.rich_days) x
                    JOIN json_each(contact_summary.rich_days) y ON y.key = x.key + 1))
            WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) END
        WHERE {where};"""


@migrations(name="0002_reconnect")
def _m0002_reconnect(db: sqlite_utils.Database) -> None:
    """A per-person contact summary kept by triggers, so Reconnect reads one row per person.

    Without it, Reconnect needs about ten index seeks per person (70-110 ms for 10,000 people);
    with it, one sequential read. The summary covers every done contact, so it is exact for any
    "as of" day on or after the person's latest contact; for an earlier day Reconnect falls back
    to index seeks for the people concerned (relj/store/reconnect.py).
    """
    recompute_new = _summary_recompute("NEW.person_id")
    recompute_old = _summary_recompute("OLD.person_id")
    run_script(db,
        f"""
        CREATE TABLE contact_summary (
            person_id INTEGER PRIMARY KEY,
            last_together TEXT,
            last_voice TEXT,
            last_written TEXT,
            first_written TEXT,
            -- The 9 most recent distinct days of done rich contact, newest first (a JSON array),
            -- and the median gap between them in days (NULL with fewer than 3).
            rich_days TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(rich_days)),
            rich_median REAL,
            -- The latest planned rich meeting (together or voice), whether past or future.
            planned_last TEXT
        );
        INSERT INTO contact_summary(person_id) SELECT DISTINCT person_id FROM participant;
        {_summary_recompute("contact_summary.person_id", "1")}

        CREATE TRIGGER contact_summary_person_ad AFTER DELETE ON person BEGIN
            DELETE FROM contact_summary WHERE person_id = OLD.id;
        END;
        -- Inserts (the common case: logging, imports) update the row incrementally.
        CREATE TRIGGER contact_summary_ai AFTER INSERT ON participant BEGIN
            INSERT OR IGNORE INTO contact_summary(person_id) VALUES (NEW.person_id);
            UPDATE contact_summary SET
                last_together = CASE WHEN NEW.status = 'done' AND NEW.mode = 'together'
                    AND (last_together IS NULL OR NEW.occurred_on > last_together)
                    THEN NEW.occurred_on ELSE last_together END,
                last_voice = CASE WHEN NEW.status = 'done' AND NEW.mode = 'voice'
                    AND (last_voice IS NULL OR NEW.occurred_on > last_voice)
                    THEN NEW.occurred_on ELSE last_voice END,
                last_written = CASE WHEN NEW.status = 'done' AND NEW.mode = 'written'
                    AND (last_written IS NULL OR NEW.occurred_on > last_written)
                    THEN NEW.occurred_on ELSE last_written END,
                first_written = CASE WHEN NEW.status = 'done' AND NEW.mode = 'written'
                    AND (first_written IS NULL OR NEW.occurred_on < first_written)
                    THEN NEW.occurred_on ELSE first_written END,
                planned_last = CASE WHEN NEW.status = 'planned' AND NEW.mode <> 'written'
                    AND (planned_last IS NULL OR NEW.occurred_on > planned_last)
                    THEN NEW.occurred_on ELSE planned_last END
            WHERE person_id = NEW.person_id;
            {_summary_recompute("NEW.person_id",
                                "person_id = NEW.person_id AND NEW.status = 'done' AND NEW.mode <> 'written'")}
        END;
        CREATE TRIGGER contact_summary_ad AFTER DELETE ON participant BEGIN
            {recompute_old}
        END;
        CREATE TRIGGER contact_summary_au AFTER UPDATE ON participant BEGIN
            INSERT OR IGNORE INTO contact_summary(person_id) VALUES (NEW.person_id);
            {recompute_new}
            {_summary_recompute("OLD.person_id", "person_id = OLD.person_id AND OLD.person_id <> NEW.person_id")}
        END;
        """
    )


@migrations(name="0003_followup_index")
def _m0003_followup_index(db: sqlite_utils.Database) -> None:
    """An index of done in-person meetings by day, for the home view's thank-you list.

    Finding last week's meetings otherwise reads every interaction of the week to check its
    channel and status (6,000 rows, 12-30 ms on a journal of 1,000,000); with it, about 1 ms.
    """
    run_script(db,
        """
        CREATE INDEX interaction_followup ON interaction(occurred_on DESC, id DESC)
            WHERE channel = 'in-person' AND status = 'done';
        """
    )


def known_migrations() -> list[str]:
    return [m.name for m in migrations._migrations]


def _secure_file(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if p.exists():
            os.chmod(p, 0o600)


def ensure_private_dir(directory: Path) -> None:
    """Create the journal directory with mode 0700 (and tighten it if we created it)."""
    if not directory.exists():
        directory.mkdir(parents=True, mode=0o700)
        os.chmod(directory, 0o700)


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


def _why_not_open(path: Path, exc: sqlite3.Error) -> str:
    if str(path) != ":memory:" and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return f"{exc}: the journal or its folder is read-only, and relj needs to write beside it"
    return str(exc)


def _cheap_check(conn: sqlite3.Connection, path: Path) -> None:
    """Read the header and the schema: enough to catch a file that is not a journal, or a cut one."""
    problem = _header_problem(path) if str(path) != ":memory:" else None
    if problem is None:
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            # Locked, read-only, cannot open: the file may be fine; do not send the user to a backup.
            conn.close()
            raise UserError(f"cannot open journal {path}: {_why_not_open(path, exc)}") from None
        except sqlite3.DatabaseError as exc:
            problem = str(exc)
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
    except sqlite3.OperationalError as exc:
        raise UserError(f"cannot open journal {path}: {exc}") from None
    _cheap_check(conn, path)
    # Pragmas outside any transaction: WAL and foreign keys cannot change inside one.
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.OperationalError as exc:
        raise UserError(f"cannot open journal {path}: {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise JournalCorrupt(f"{path} is not a readable relj journal ({exc}); {_restore_hint(path)}") from None
    _refuse_foreign(conn, path)
    applied = applied_migrations(conn)
    unknown = [name for name in applied if name not in known_migrations()]
    if unknown:
        raise JournalTooNew(
            f"{path} was written by a newer relj (unknown schema step {unknown[-1]}); "
            "upgrade relj to open it"
        )
    pending = [m for m in known_migrations() if m not in applied]
    if migrate and pending:
        import sqlite_utils

        if applied and before_migrate is not None:
            before_migrate(path)
        try:
            migrations.build().apply(sqlite_utils.Database(conn))
        except sqlite3.OperationalError as exc:
            raise UserError(f"cannot update journal {path}: {exc}") from None
        log.info("migrated journal: %d step(s)", len(pending))
    if str(path) != ":memory:":
        _secure_file(path)
    return conn


def _refuse_foreign(conn: sqlite3.Connection, path: Path) -> None:
    """A non-empty SQLite file without our migrations table is someone else's database."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and MIGRATIONS_TABLE not in tables:
        raise JournalCorrupt(f"{path} is an SQLite file, but not a relj journal")


def snapshot_to(conn: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy of an open journal to ``target`` (mode 0600).

    Uses SQLite's backup API, not a file copy: pages still in the WAL would be lost.
    """
    ensure_private_dir(target.parent)
    tmp = target.with_name(target.name + ".part")
    if tmp.exists():
        tmp.unlink()
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    dest = sqlite3.connect(str(tmp))
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)


def pre_migration_backup(path: Path) -> Path:
    """Back up a journal before its schema changes (a relj backup file); returns the backup file."""
    from relj.backup import create_backup, new_backup_path

    target = new_backup_path(path, "pre-migration")
    create_backup(path, target)
    return target
