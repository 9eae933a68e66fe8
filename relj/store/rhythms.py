"""The SQL of rhythms (migration 0006_rhythms_moments). Functions take a Store; relj.ops.rhythms
calls them inside ``store.atomic()``. Occurrences are computed (relj.rhythms), never stored."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from relj.clock import now_iso
from relj.domain import Channel
from relj.errors import NotFound, UserError
from relj.rhythms import KEPT_DAYS, Rhythm

if TYPE_CHECKING:
    from relj.store.core import Store

log = logging.getLogger(__name__)
_KEPT = dt.timedelta(days=KEPT_DAYS)

_SHORT = "coalesce(nullif(p.nickname, ''), nullif(p.given_name, ''), p.display_name)"
_RHYTHMS_SQL = "SELECT id, name, rule, channel, time, start_on FROM rhythm {where} ORDER BY name COLLATE NOCASE, id"
#: The members of every rhythm (or of some), each with their latest rich days from the contact
#: summary (relj.reconnect_rhythms reads them). CROSS JOIN keeps the members first: a few hundred
#: primary-key reads of person, not a scan of everyone.
_MEMBERS_SQL = f"""
SELECT m.rhythm_id, p.id, p.display_name, {_SHORT}, s.rich_days
FROM rhythm_member m CROSS JOIN person p ON p.id = m.person_id LEFT JOIN contact_summary s ON s.person_id = p.id
{{where}} ORDER BY m.rhythm_id, p.id
"""
_CHANNELS = {c.value: c for c in Channel}


def _days(text: str | None) -> tuple[str, ...]:
    """A summary's rich days (a JSON array of ISO days, as json_group_array writes it) as a tuple."""
    if not text or text == "[]":
        return ()
    if text.startswith('["') and text.endswith('"]') and "\\" not in text:
        return tuple(text[2:-2].split('","'))
    return tuple(json.loads(text))


def _read(store: Store, ids: Sequence[int] | None,
          sample: dict[int, tuple[str, ...]] | None = None) -> list[Rhythm]:
    where, params = "", []
    if ids is not None:
        where, params = "WHERE {col} IN (SELECT value FROM json_each(?))", [json.dumps(list(ids))]
    members: dict[int, list[tuple[int, str, str]]] = {}
    for rid, pid, name, short, days in store.conn.execute(_MEMBERS_SQL.format(where=where.format(col="m.rhythm_id")),
                                                          params):
        members.setdefault(rid, []).append((pid, name, short))
        if sample is not None:
            sample[pid] = _days(days)
    fromiso = dt.date.fromisoformat
    return [Rhythm(id=r[0], name=r[1], rule=r[2], channel=_CHANNELS[r[3]], time=r[4], start=fromiso(r[5]),
                   members=tuple(members.get(r[0], ())))
            for r in store.conn.execute(_RHYTHMS_SQL.format(where=where.format(col="id")), params)]


def rhythms_and_rich_days(store: Store) -> tuple[list[Rhythm], dict[int, tuple[str, ...]]]:
    """rhythms(), and each member's latest distinct days of rich contact (done, together or voice),
    newest first, as ISO days: at most RHYTHM_SAMPLE of them, from the contact summary."""
    sample: dict[int, tuple[str, ...]] = {}
    return _read(store, None, sample), sample


def rhythms(store: Store, ids: Sequence[int] | None = None) -> list[Rhythm]:
    """Every rhythm (or these), by name, with their members: two queries."""
    return _read(store, ids)


def rhythm(store: Store, rhythm_id: int) -> Rhythm:
    found = rhythms(store, [rhythm_id])
    if not found:
        raise NotFound(f"no rhythm #{rhythm_id}")
    return found[0]


def rhythm_id_by_name(store: Store, name: str) -> int | None:
    row = store.conn.execute("SELECT id FROM rhythm WHERE name = ?", [" ".join(name.split())]).fetchone()
    return int(row[0]) if row else None


def rhythm_by_name(store: Store, name: str) -> Rhythm:
    rid = rhythm_id_by_name(store, name)
    if rid is None:
        names = [r[0] for r in store.conn.execute("SELECT name FROM rhythm ORDER BY name COLLATE NOCASE LIMIT 6")]
        hint = f"; the rhythms are: {', '.join(names)}" if names else "; there are none yet (relj rhythm add)"
        raise NotFound(f"no rhythm called {name!r}{hint}")
    return rhythm(store, rid)


def add_rhythm(store: Store, name: str, rule: str, channel: Channel, time: str | None, start: dt.date,
               member_ids: Sequence[int], *, rhythm_id: int | None = None, created_at: str | None = None) -> int:
    """Insert a rhythm and its members (values already checked); its id."""
    with store.atomic():
        if rhythm_id_by_name(store, name) is not None:
            raise UserError(f"there is already a rhythm called {name!r}")
        for pid in member_ids:
            if not store.person_exists(pid):
                raise NotFound(f"no person #{pid}")
        cur = store.conn.execute(
            "INSERT INTO rhythm(id, name, rule, channel, time, start_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [rhythm_id, name, rule, channel.value, time, start.isoformat(), created_at or now_iso()])
        rid = int(cur.lastrowid or 0)
        store.conn.executemany("INSERT OR IGNORE INTO rhythm_member(rhythm_id, person_id) VALUES (?, ?)",
                               [(rid, pid) for pid in dict.fromkeys(member_ids)])
    log.info("rhythm added: id=%d members=%d", rid, len(set(member_ids)))
    return rid


def remove_rhythm(store: Store, rhythm_id: int) -> None:
    with store.atomic():
        store.conn.execute("DELETE FROM rhythm WHERE id = ?", [rhythm_id])
    log.info("rhythm removed: id=%d", rhythm_id)


def kept_occurrences(store: Store, occurrences: Mapping[int, Sequence[dt.date]],
                     today: dt.date) -> set[tuple[int, dt.date]]:
    """Which of each rhythm's occurrences had rich contact (done, together or voice) with any of its
    members within KEPT_DAYS of it, and no later than ``today``: one query, an index seek on
    participant_last per occurrence, member and mode that stops at the first contact."""
    pairs = [[rid, d.isoformat(), (d - _KEPT).isoformat(), min(d + _KEPT, today).isoformat()]
             for rid, days in occurrences.items() for d in days]
    if not pairs:
        return set()
    fromiso = dt.date.fromisoformat
    return {(int(rid), fromiso(d)) for rid, d in store.conn.execute(
        """
        WITH o(rid, d, a, b) AS (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?))
        SELECT o.rid, o.d FROM o WHERE EXISTS (
            SELECT 1 FROM rhythm_member m JOIN participant pa ON pa.person_id = m.person_id AND pa.status = 'done'
                 AND pa.mode IN ('together', 'voice') AND pa.occurred_on BETWEEN o.a AND o.b
            WHERE m.rhythm_id = o.rid)
        """, [json.dumps(pairs)])}


def rhythm_ids_of(store: Store, person_ids: Sequence[int]) -> list[int]:
    """The rhythms these people belong to."""
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT rhythm_id FROM rhythm_member WHERE person_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY rhythm_id", [json.dumps(list(person_ids))])]


# -- JSON export and import, snapshots -----------------------------------------------------------
def export_rhythms(store: Store, ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Rhythms as the JSON format writes them (docs/json-format.md, version 2), by id."""
    where = "" if ids is None else "WHERE id IN (SELECT value FROM json_each(?))"
    params = [] if ids is None else [json.dumps(list(ids))]
    members: dict[int, list[int]] = {}
    for rid, pid in store.conn.execute("SELECT rhythm_id, person_id FROM rhythm_member ORDER BY rhythm_id, person_id"):
        members.setdefault(rid, []).append(pid)
    return [
        {"id": r[0], "name": r[1], "rule": r[2], "channel": r[3], "time": r[4], "start": r[5], "created_at": r[6],
         "people": members.get(r[0], [])}
        for r in store.conn.execute(
            f"SELECT id, name, rule, channel, time, start_on, created_at FROM rhythm {where} ORDER BY id", params)
    ]


def load_rhythms(store: Store, rows: Sequence[dict[str, Any]], *, merge: bool = False) -> None:
    """Insert rhythms from an export or a snapshot, keeping their ids (after people); members who
    are not in the journal are left out. With ``merge``, a rhythm already there keeps its row."""
    ignore = " OR IGNORE" if merge else ""
    for r in rows:
        store.conn.execute(
            f"INSERT{ignore} INTO rhythm(id, name, rule, channel, time, start_on, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [r["id"], r["name"], r["rule"], r["channel"], r.get("time"), dt.date.fromisoformat(r["start"]).isoformat(),
             r.get("created_at") or now_iso()])
        store.conn.executemany(
            "INSERT OR IGNORE INTO rhythm_member(rhythm_id, person_id) SELECT ?, ? "
            "WHERE EXISTS (SELECT 1 FROM person WHERE id = ?) AND EXISTS (SELECT 1 FROM rhythm WHERE id = ?)",
            [(r["id"], pid, pid, r["id"]) for pid in r.get("people", [])])


def insert_rhythms(store: Store, rows: Sequence[tuple[int, str, str, str, str | None, str]],
                   members: Sequence[tuple[int, int]]) -> None:
    """Bulk insert (the demo): rows of (id, name, rule, channel, time, start), members of (rhythm id, person id)."""
    now = now_iso()
    with store.atomic():
        store.conn.executemany(
            "INSERT INTO rhythm(id, name, rule, channel, time, start_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(*r, now) for r in rows])
        store.conn.executemany("INSERT OR IGNORE INTO rhythm_member(rhythm_id, person_id) VALUES (?, ?)", members)
