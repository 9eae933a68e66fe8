"""The Store's foundation: the connection, transactions, settings and the helpers every part shares."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from relj import db as dbmod
from relj.domain import ContactKind, normalise_email, normalise_interest
from relj.errors import UserError
from relj.store.errors import translated

if TYPE_CHECKING:
    import sqlite_utils

_savepoints = itertools.count(1)


def normalise_phone_key(value: str) -> str:
    """A loose key for phone numbers: digits and a leading plus. Importers refine this to E.164."""
    value = value.strip()
    digits = re.sub(r"\D", "", value)
    return ("+" + digits) if value.startswith("+") else digits


def contact_norm(kind: ContactKind, value: str) -> str:
    if kind is ContactKind.EMAIL:
        return normalise_email(value)
    if kind is ContactKind.PHONE:
        return normalise_phone_key(value)
    return " ".join(value.split()).casefold()


def fts_query(text: str) -> str | None:
    """Turn what a user typed into a safe FTS5 prefix query: every word must match."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def parse_date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def looks_like_email(norm: str) -> bool:
    return bool(re.fullmatch(r"[^@\s]+@[^@\s]+", norm))


def chunks(seq: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(seq), size):
        yield seq[start:start + size]


class StoreBase:
    """The connection and its transactions; the other parts of Store build on these."""

    def __init__(self, db: sqlite3.Connection | sqlite_utils.Database, path: Path | None = None) -> None:
        self.conn: sqlite3.Connection = getattr(db, "conn", db)  # type: ignore[assignment,arg-type]
        self.path = path
        self._db: sqlite_utils.Database | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """A sqlite-utils view of the same connection, created on first use (it is slow to import)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = True,
        before_migrate: dbmod.PreMigrationHook | None = None,
    ) -> Self:
        path = Path(path)
        return cls(dbmod.open_db(path, create=create, before_migrate=before_migrate), path)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction; a savepoint when nested. Disk full, read-only, busy and damaged become
        UserErrors (relj/store/errors.py sorts them by result code).

        BEGIN IMMEDIATE takes the write lock at the start, waiting out the busy timeout: a deferred
        transaction that reads and then writes can fail at once when another process (the app, a
        CLI command) committed in between.
        """
        with translated(path=self.path):
            if self.conn.in_transaction:
                name = f"relj_{next(_savepoints)}"
                self.conn.execute(f"SAVEPOINT {name}")
                try:
                    yield
                except BaseException:
                    # An error can end the whole transaction; only roll back what still exists.
                    if self.conn.in_transaction:
                        self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                        self.conn.execute(f"RELEASE SAVEPOINT {name}")
                    raise
                else:
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
            else:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
                else:
                    try:
                        self.conn.execute("COMMIT")
                    except BaseException:
                        if self.conn.in_transaction:
                            self.conn.execute("ROLLBACK")
                        raise

    def _q(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, params)
        cols = [d[0] for d in cur.description] if cur.description else []
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def _one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def data_version(self) -> int:
        """Changes when another connection (the CLI) commits to this journal."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    # -- settings --------------------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        raw = self._one("SELECT value FROM setting WHERE key = ?", [key])
        return default if raw is None else json.loads(raw)

    def set_setting(self, key: str, value: Any) -> None:
        with self.atomic():
            self.conn.execute(
                "INSERT INTO setting(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, sort_keys=True)],
            )

    def all_settings(self) -> dict[str, Any]:
        return {r["key"]: json.loads(r["value"]) for r in self._q("SELECT key, value FROM setting ORDER BY key")}

    # -- shared writes ---------------------------------------------------------------------
    def _interest_id(self, name: str) -> int:
        clean = normalise_interest(name)
        if not clean:
            raise UserError("an interest needs a name")
        self.conn.execute("INSERT OR IGNORE INTO interest(name) VALUES (?)", [clean])
        return int(self._one("SELECT id FROM interest WHERE name = ?", [clean]))

    def _reindex_people(self, ids: Sequence[int] | None) -> None:
        """Rebuild the FTS documents of these people (all of them when ids is None)."""
        if ids is None:
            self.conn.execute("DELETE FROM person_fts")
            where, params = "1", []  # type: ignore[var-annotated]
        else:
            marks = ",".join("?" * len(ids))
            self.conn.execute(f"DELETE FROM person_fts WHERE rowid IN ({marks})", list(ids))
            where, params = f"p.id IN ({marks})", list(ids)
        self.conn.execute(
            f"""
            INSERT INTO person_fts(rowid, name, emails, organisation, notes, interests)
            SELECT p.id,
                   p.display_name || ' ' || p.given_name || ' ' || p.family_name || ' ' || p.nickname,
                   coalesce((SELECT group_concat(value, ' ') FROM contact_point c
                             WHERE c.person_id = p.id AND c.kind IN ('email', 'phone')), ''),
                   p.organisation || ' ' || p.role,
                   p.notes || ' ' || p.how_met,
                   coalesce((SELECT group_concat(i.name, ' ') FROM person_interest pi
                             JOIN interest i ON i.id = pi.interest_id WHERE pi.person_id = p.id), '')
            FROM person p WHERE {where}
            """,
            params,
        )
