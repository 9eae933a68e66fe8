"""The named migrations, frozen as they shipped, applied in order with sqlite-utils' Migrations.

Each step is a module ``mNNNN_name.py`` holding ``NAME`` and literal ``SQL``. A released step is
never edited and never calls code the runtime also uses: a later change to that code would
silently change what the step does. A change to the schema is a new step, added to ``STEPS``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from relj.migrations import (
    m0001_initial,
    m0002_reconnect,
    m0003_followup_index,
    m0004_trash,
    m0005_plans,
    m0006_rhythms_moments,
    m0007_sources,
)

if TYPE_CHECKING:
    import sqlite_utils

#: sqlite-utils keeps its own bookkeeping table; relj's steps form one migration set in it.
MIGRATION_SET = "relj"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite_utils.Migrations.migrations_table


@dataclass(frozen=True)
class Step:
    name: str
    sql: str


STEPS: tuple[Step, ...] = tuple(
    Step(m.NAME, m.SQL)
    for m in (
        m0001_initial,
        m0002_reconnect,
        m0003_followup_index,
        m0004_trash,
        m0005_plans,
        m0006_rhythms_moments,
        m0007_sources,
    )
)


def names() -> list[str]:
    """The names of every step this build knows, in order."""
    return [s.name for s in STEPS]


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


def build(steps: tuple[Step, ...] | None = None) -> sqlite_utils.Migrations:
    """The steps as a ``sqlite_utils.Migrations`` set (imported here only: ~100 ms at start-up)."""
    import sqlite_utils

    steps = STEPS if steps is None else steps
    built = sqlite_utils.Migrations(MIGRATION_SET)
    for step in steps:

        def apply(db: sqlite_utils.Database, sql: str = step.sql) -> None:
            run_script(db, sql)

        built(name=step.name)(apply)
    return built
