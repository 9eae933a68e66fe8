"""The SQL of moments (migration 0006_rhythms_moments): dated events in a person's life."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from relj.clock import now_iso
from relj.errors import NotFound
from relj.rhythms import Moment

if TYPE_CHECKING:
    from relj.store.core import Store

log = logging.getLogger(__name__)

_COLS = ("m.id, m.person_id, p.display_name, coalesce(nullif(p.nickname, ''), nullif(p.given_name, ''), "
         "p.display_name), m.occurred_on, m.text, m.kind, m.yearly")
_FROM = "FROM moment m JOIN person p ON p.id = m.person_id"


def _moment(r: Sequence[Any]) -> Moment:
    return Moment(id=r[0], person_id=r[1], person_name=r[2], short_name=r[3], day=dt.date.fromisoformat(r[4]),
                  text=r[5], kind=r[6], yearly=bool(r[7]))


def add_moment(store: Store, person_id: int, day: dt.date, text: str, kind: str, yearly: bool, *,
               moment_id: int | None = None, created_at: str | None = None) -> int:
    """Insert a moment (values already checked); its id."""
    with store.atomic():
        if not store.person_exists(person_id):
            raise NotFound(f"no person #{person_id}")
        cur = store.conn.execute(
            "INSERT INTO moment(id, person_id, occurred_on, text, kind, yearly, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [moment_id, person_id, day.isoformat(), text, kind, int(yearly), created_at or now_iso()])
        mid = int(cur.lastrowid or 0)
    log.info("moment added: id=%d person=%d", mid, person_id)
    return mid


def remove_moment(store: Store, moment_id: int) -> None:
    with store.atomic():
        store.conn.execute("DELETE FROM moment WHERE id = ?", [moment_id])


def moments_by_ids(store: Store, ids: Sequence[int]) -> list[Moment]:
    return [_moment(r) for r in store.conn.execute(
        f"SELECT {_COLS} {_FROM} WHERE m.id IN (SELECT value FROM json_each(?)) ORDER BY m.id", [json.dumps(list(ids))])]


def moment(store: Store, moment_id: int) -> Moment:
    found = moments_by_ids(store, [moment_id])
    if not found:
        raise NotFound(f"no moment #{moment_id}")
    return found[0]


def moments_for(store: Store, person_id: int) -> list[Moment]:
    """A person's moments, newest first."""
    return [_moment(r) for r in store.conn.execute(
        f"SELECT {_COLS} {_FROM} WHERE m.person_id = ? ORDER BY m.occurred_on DESC, m.id DESC", [person_id])]


def recent_moments(store: Store, start: dt.date, end: dt.date) -> list[Moment]:
    """Moments dated from ``start`` to ``end`` (Reconnect's recent ones, the agenda's coming ones),
    by day: one range seek on moment_day."""
    return [_moment(r) for r in store.conn.execute(
        f"SELECT {_COLS} {_FROM} WHERE m.occurred_on BETWEEN ? AND ? ORDER BY m.occurred_on, m.id",
        [start.isoformat(), end.isoformat()])]


def recent_moment_ids(store: Store, start: dt.date, end: dt.date) -> dict[int, tuple[int, ...]]:
    """The ids of the moments dated from ``start`` to ``end``, by person, newest first (what
    Reconnect ranks by; it reads the moments themselves for the people it shows): one range seek."""
    out: dict[int, list[int]] = {}
    for mid, pid in store.conn.execute(
            "SELECT id, person_id FROM moment WHERE occurred_on BETWEEN ? AND ? ORDER BY occurred_on DESC, id DESC",
            [start.isoformat(), end.isoformat()]):
        out.setdefault(pid, []).append(mid)
    return {pid: tuple(ids) for pid, ids in out.items()}


def yearly_moments(store: Store, month_days: Sequence[str] | None) -> list[Moment]:
    """Yearly moments whose month and day ('MM-DD') are among ``month_days`` (None: every one)."""
    if month_days is None:
        return [_moment(r) for r in store.conn.execute(f"SELECT {_COLS} {_FROM} WHERE m.yearly = 1 ORDER BY m.id")]
    return [_moment(r) for r in store.conn.execute(
        f"SELECT {_COLS} {_FROM} WHERE m.yearly = 1 AND substr(m.occurred_on, 6) IN (SELECT value FROM json_each(?)) "
        "ORDER BY m.id", [json.dumps(list(month_days))])]


# -- JSON export and import, snapshots -----------------------------------------------------------
def export_moments(store: Store, person_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Moments as the JSON format writes them (docs/json-format.md, version 2), by id."""
    where = "" if person_ids is None else "WHERE person_id IN (SELECT value FROM json_each(?))"
    params = [] if person_ids is None else [json.dumps(list(person_ids))]
    return [
        {"id": r[0], "person_id": r[1], "date": r[2], "text": r[3], "kind": r[4], "yearly": bool(r[5]),
         "created_at": r[6]}
        for r in store.conn.execute(
            f"SELECT id, person_id, occurred_on, text, kind, yearly, created_at FROM moment {where} ORDER BY id", params)
    ]


def load_moments(store: Store, rows: Sequence[dict[str, Any]], *, merge: bool = False) -> None:
    """Insert moments from an export or a snapshot, keeping their ids (after people); a moment of
    a person who is not in the journal is left out."""
    ignore = " OR IGNORE" if merge else ""
    for m in rows:
        store.conn.execute(
            f"INSERT{ignore} INTO moment(id, person_id, occurred_on, text, kind, yearly, created_at) "
            "SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM person WHERE id = ?)",
            [m["id"], m["person_id"], dt.date.fromisoformat(m["date"]).isoformat(), m["text"], m.get("kind", "other"),
             int(bool(m.get("yearly"))), m.get("created_at") or now_iso(), m["person_id"]])


def insert_moments(store: Store, rows: Sequence[tuple[int, str, str, str, bool]]) -> None:
    """Bulk insert (the demo): rows of (person id, date, text, kind, yearly)."""
    now = now_iso()
    with store.atomic():
        store.conn.executemany(
            "INSERT INTO moment(person_id, occurred_on, text, kind, yearly, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [(pid, day, text, kind, int(yearly), now) for pid, day, text, kind, yearly in rows])
