"""The SQL of sources (migration 0007_sources): the files relj re-reads, and how far it has read them.

Functions take a Store; writes expect the caller's ``store.atomic()`` (relj/ops/sources.py and
relj/sources/sync.py). A source's ``source_file`` rows are its reading state: one per file
(``name`` '' for a source that is one file), with its size, mtime, where the next read starts and
fingerprints. Sources belong to this computer: ``export json`` never sees these tables.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relj.errors import NotFound, UserError
from relj.store.base import StoreBase

if TYPE_CHECKING:
    from relj.store.core import Store

_COLUMNS = ("id, kind, path, options, enabled, last_read, last_people, last_interactions, error, "
            "last_import, created_at")


@dataclass(frozen=True)
class Source:
    """A file or folder that relj re-reads: its kind, path, import options, and its last read."""

    id: int
    kind: str
    path: Path
    options: dict[str, Any]
    enabled: bool
    last_read: dt.datetime | None
    last_added: tuple[int, int]  # (people, interactions) that the last read added
    error: str | None
    last_import: int | None = None  # the import-history entry of the last read that added something
    created_at: str = ""


@dataclass(slots=True)
class FileState:
    """What the last read saw of one file: whether it changed since, and where to read on."""

    name: str
    size: int = -1
    mtime_ns: int = -1
    resume_at: int = 0
    state: dict[str, Any] = field(default_factory=dict)


def _source(row: tuple[Any, ...]) -> Source:
    try:
        options = json.loads(row[3])
    except (TypeError, ValueError):
        options = {}
    last_read = dt.datetime.fromisoformat(row[5]) if row[5] else None
    return Source(id=row[0], kind=row[1], path=Path(row[2]), options=options if isinstance(options, dict) else {},
                  enabled=bool(row[4]), last_read=last_read, last_added=(int(row[6]), int(row[7])),
                  error=row[8], last_import=row[9], created_at=row[10])


class SourcesMixin(StoreBase):
    """``store.list_sources()``: the sources, for screens that hold a Store."""

    def list_sources(self) -> list[Source]:
        return list_sources(self)  # type: ignore[arg-type]


def list_sources(store: Store) -> list[Source]:
    """Every source, in the order they were added."""
    return [_source(r) for r in store.conn.execute(f"SELECT {_COLUMNS} FROM source ORDER BY id")]


def get_source(store: Store, source_id: int) -> Source:
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM source WHERE id = ?", [source_id]).fetchone()
    if row is None:
        raise NotFound(f"no source #{source_id} (see `relj sources list`)")
    return _source(row)


def find_source(store: Store, kind: str, path: Path) -> Source | None:
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM source WHERE kind = ? AND path = ?",
                             [kind, str(path)]).fetchone()
    return _source(row) if row else None


def insert_source(store: Store, kind: str, path: Path, options: Mapping[str, Any], now: str,
                  source_id: int | None = None) -> int:
    """A new source (``source_id`` given: put back a removed one under its id)."""
    if find_source(store, kind, path) is not None:
        raise UserError(f"{path} is already a {kind} source (see `relj sources list`)")
    cur = store.conn.execute(
        "INSERT INTO source(id, kind, path, options, created_at) VALUES (?, ?, ?, ?, ?)",
        [source_id, kind, str(path), json.dumps(dict(options), sort_keys=True), now],
    )
    return int(cur.lastrowid or 0) if source_id is None else source_id


def snapshot(store: Store, source_id: int) -> dict[str, Any]:
    """A source's row and its reading state, as ``restore`` puts them back (undo of a removal)."""
    get_source(store, source_id)
    cur = store.conn.execute("SELECT * FROM source WHERE id = ?", [source_id])
    cols = [d[0] for d in cur.description]
    row = dict(zip(cols, cur.fetchone(), strict=True))
    cur = store.conn.execute("SELECT * FROM source_file WHERE source_id = ? ORDER BY name", [source_id])
    fcols = [d[0] for d in cur.description]
    files = [dict(zip(fcols, r, strict=True)) for r in cur.fetchall()]
    return {"source": row, "files": files}


def restore(store: Store, snap: Mapping[str, Any]) -> int:
    row = dict(snap["source"])
    if store.conn.execute("SELECT 1 FROM import_run WHERE id = ?", [row.get("last_import")]).fetchone() is None:
        row["last_import"] = None
    cols = list(row)
    store.conn.execute(f"INSERT INTO source({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                       [row[c] for c in cols])
    for f in snap["files"]:
        fcols = list(f)
        store.conn.execute(f"INSERT INTO source_file({', '.join(fcols)}) VALUES ({', '.join('?' * len(fcols))})",
                           [f[c] for c in fcols])
    return int(row["id"])


def delete_source(store: Store, source_id: int) -> None:
    get_source(store, source_id)
    store.conn.execute("DELETE FROM source WHERE id = ?", [source_id])


def set_enabled(store: Store, source_id: int, enabled: bool) -> None:
    get_source(store, source_id)
    store.conn.execute("UPDATE source SET enabled = ? WHERE id = ?", [int(enabled), source_id])


def set_error(store: Store, source_id: int, error: str | None) -> None:
    store.conn.execute("UPDATE source SET error = ? WHERE id = ?", [error, source_id])


def record_read(store: Store, source_id: int, *, when: str, people: int, interactions: int,
                import_id: int | None) -> None:
    """A read that worked: when, what it added, its import (kept when this one added nothing)."""
    store.conn.execute(
        "UPDATE source SET last_read = ?, last_people = ?, last_interactions = ?, error = NULL, "
        "last_import = coalesce(?, last_import) WHERE id = ?",
        [when, people, interactions, import_id, source_id],
    )


# -- reading state --------------------------------------------------------------------------------
def files(store: Store, source_id: int) -> dict[str, FileState]:
    """The reading state of every file of a source, by name."""
    out: dict[str, FileState] = {}
    for name, size, mtime_ns, resume_at, state in store.conn.execute(
        "SELECT name, size, mtime_ns, resume_at, state FROM source_file WHERE source_id = ?", [source_id]
    ):
        try:
            loaded = json.loads(state)
        except (TypeError, ValueError):
            loaded = {}
        out[name] = FileState(name, size, mtime_ns, resume_at, loaded if isinstance(loaded, dict) else {})
    return out


def save_files(store: Store, source_id: int, changed: Iterable[FileState], removed: Iterable[str] = ()) -> None:
    store.conn.executemany(
        "INSERT INTO source_file(source_id, name, size, mtime_ns, resume_at, state) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(source_id, name) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, "
        "resume_at = excluded.resume_at, state = excluded.state",
        [(source_id, f.name, f.size, f.mtime_ns, f.resume_at, json.dumps(f.state, sort_keys=True)) for f in changed],
    )
    store.conn.executemany("DELETE FROM source_file WHERE source_id = ? AND name = ?",
                           [(source_id, name) for name in removed])


def forget_files(store: Store, source_id: int) -> None:
    """Drop a source's reading state: its next read is a whole one."""
    store.conn.execute("DELETE FROM source_file WHERE source_id = ?", [source_id])


def drop_empty_run(store: Store, run_id: int) -> None:
    """Remove an import-history entry that added and changed nothing (a sync that found nothing new)."""
    for table in ("person", "interaction", "contact_point", "person_interest"):
        if store.conn.execute(f"SELECT 1 FROM {table} WHERE import_id = ? LIMIT 1", [run_id]).fetchone():
            return
    store.conn.execute("UPDATE source SET last_import = NULL WHERE last_import = ?", [run_id])
    store.conn.execute("DELETE FROM import_run WHERE id = ?", [run_id])
