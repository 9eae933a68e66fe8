"""The SQL of plans, talking points, felt, preferences and briefs (migration 0005_plans).

Functions take a Store; the operations in relj/ops/plans.py call them inside ``store.atomic()``.
Undo works on snapshots: ``take`` copies the rows an operation will touch (interactions with their
participants and follow-up decision, talking points), ``put`` writes a snapshot back exactly,
inserting, updating or deleting rows so that the journal is as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from relj.clock import now_iso
from relj.domain import Channel, Interaction
from relj.errors import NotFound, UserError
from relj.plans import RECIPROCITY_SAMPLE, Reciprocity, TalkingPoint

if TYPE_CHECKING:
    from relj.store.core import Store

log = logging.getLogger(__name__)

#: Interaction columns a plan operation may change.
PLAN_FIELDS = ("occurred_on", "occurred_time", "channel", "initiator", "duration_min", "place", "note", "status",
               "felt", "planned_on", "source", "source_key")


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _ids_json(ids: Iterable[int]) -> str:
    return json.dumps(sorted(set(int(i) for i in ids)))


# -- interactions -----------------------------------------------------------------------------------
def interactions(store: Store, ids: Sequence[int]) -> list[Interaction]:
    """Interactions by id, in the order given (missing ids are skipped)."""
    found = {i.id: i for i in store.interactions_by_ids(list(dict.fromkeys(ids)))}
    return [found[i] for i in dict.fromkeys(ids) if i in found]


def interaction(store: Store, interaction_id: int) -> Interaction:
    found = interactions(store, [interaction_id])
    if not found:
        raise NotFound(f"no interaction #{interaction_id}")
    return found[0]


def update_row(store: Store, interaction_id: int, **fields: Any) -> None:
    """Set interaction columns (values already checked); triggers keep participants and summaries in step."""
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"unknown interaction fields {sorted(unknown)}")
    values = {k: (v.isoformat() if isinstance(v, dt.date) else v.value if isinstance(v, Channel) else v)
              for k, v in fields.items()}
    if not values:
        return
    values["updated_at"] = now_iso()
    sets = ", ".join(f"{k} = ?" for k in values)
    with store.atomic():
        store.conn.execute(f"UPDATE interaction SET {sets} WHERE id = ?", [*values.values(), interaction_id])


def set_people(store: Store, interaction_id: int, person_ids: Sequence[int]) -> None:
    """Replace an interaction's participants (rows are only touched when they change)."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        raise UserError("an interaction needs at least one person")
    with store.atomic():
        row = store.conn.execute("SELECT occurred_on, mode, status FROM interaction WHERE id = ?",
                                 [interaction_id]).fetchone()
        if row is None:
            raise NotFound(f"no interaction #{interaction_id}")
        have = {r[0] for r in store.conn.execute(
            "SELECT person_id FROM participant WHERE interaction_id = ?", [interaction_id])}
        gone = have - set(ids)
        if gone:
            store.conn.execute("DELETE FROM participant WHERE interaction_id = ? AND person_id IN "
                               "(SELECT value FROM json_each(?))", [interaction_id, _ids_json(gone)])
            _drop_empty_summaries(store, gone)
        store.conn.executemany(
            "INSERT INTO participant(interaction_id, person_id, occurred_on, mode, status) VALUES (?, ?, ?, ?, ?)",
            [(interaction_id, pid, *row) for pid in ids if pid not in have],
        )


def _drop_empty_summaries(store: Store, person_ids: Iterable[int]) -> None:
    """Remove the contact summary of people left without any interaction.

    The triggers of 0002 empty such a row but keep it, while a rebuild has no row for them, and
    `relj check` compares the two.
    """
    store.conn.execute(
        "DELETE FROM contact_summary WHERE person_id IN (SELECT value FROM json_each(?)) AND NOT EXISTS "
        "(SELECT 1 FROM participant pa WHERE pa.person_id = contact_summary.person_id)", [_ids_json(person_ids)])


# -- plans ----------------------------------------------------------------------------------------
def open_plan_ids(store: Store) -> list[int]:
    """Every open plan (status planned), soonest first."""
    return [r[0] for r in store.conn.execute(
        "SELECT id FROM interaction WHERE status = 'planned' ORDER BY occurred_on, coalesce(occurred_time, ''), id"
    )]


def plan_ids(store: Store) -> list[int]:
    """Every plan ever made: open ones, and done or cancelled ones that were planned; soonest first."""
    return [r[0] for r in store.conn.execute(
        "SELECT id, occurred_on, coalesce(occurred_time, '') FROM interaction WHERE status = 'planned' UNION "
        "SELECT id, occurred_on, coalesce(occurred_time, '') FROM interaction WHERE planned_on IS NOT NULL "
        "ORDER BY 2, 3, 1"
    )]


def open_plans_near(store: Store, person_ids: Sequence[int], day: dt.date, days: int) -> list[int]:
    """Open plans with any of these people, dated within ``days`` of ``day``."""
    if not person_ids:
        return []
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT interaction_id FROM participant WHERE person_id IN (SELECT value FROM json_each(?)) "
        "AND status = 'planned' AND occurred_on BETWEEN ? AND ? ORDER BY interaction_id",
        [_ids_json(person_ids), (day - dt.timedelta(days=days)).isoformat(),
         (day + dt.timedelta(days=days)).isoformat()],
    )]


def person_plan_ids(store: Store, person_id: int, *, since: dt.date | None = None) -> list[int]:
    """A person's open plans (on or after ``since`` when given), soonest first."""
    return [r[0] for r in store.conn.execute(
        "SELECT pa.interaction_id FROM participant pa JOIN interaction i ON i.id = pa.interaction_id "
        "WHERE pa.person_id = ? AND pa.status = 'planned' AND pa.occurred_on >= ? "
        "ORDER BY pa.occurred_on, coalesce(i.occurred_time, ''), i.id",
        [person_id, since.isoformat() if since else ""],
    )]


def reconcile_import(store: Store, row: dict[str, Any], person_ids: Sequence[int],
                     before_update: Callable[[int], None] | None = None) -> int | None:
    """An imported meeting or call (done, together or voice) within RECONCILE_DAYS of an open plan
    with one of its people becomes that plan; returns the plan's id, or None to insert it as new.

    As a logged meeting does, the plan takes the event's day, time (if any), channel, initiator,
    duration and place, keeps its note and appends the event's; it takes the event's source and key,
    so a re-import finds it. Its people are the plan's and the event's together (a call names one
    person; a calendar may leave someone out). The plan stays the user's: undoing the import does
    not delete it.

    A plan that came from the same source (a calendar's own planned event, a weekly 1:1, and a
    lunch in the same calendar) is another event of that source, not this one's plan: it is left
    as it is, and becomes done through its own key when that source says it took place.
    ``before_update(plan id)`` is called before the plan is written (the import indexes its rows).
    """
    from relj.plans import RECONCILE_DAYS, appended_note, nearest_plan

    if row.get("status") != "done" or row.get("mode") == "written" or not person_ids:
        return None
    day = dt.date.fromisoformat(row["occurred_on"])
    window = [(day - dt.timedelta(days=RECONCILE_DAYS)).isoformat(), (day + dt.timedelta(days=RECONCILE_DAYS)).isoformat()]
    # One seek on the open-plans index first: an import of 100,000 calls usually meets no plan at all.
    if store.conn.execute("SELECT 1 FROM interaction WHERE status = 'planned' AND occurred_on BETWEEN ? AND ? "
                          "LIMIT 1", window).fetchone() is None:
        return None
    near = [i for i in interactions(store, open_plans_near(store, person_ids, day, RECONCILE_DAYS))
            if not (i.source_key and i.source == row.get("source"))]
    plan = nearest_plan(near, day)
    if plan is None:
        return None
    if before_update is not None:
        before_update(plan.id)
    fields: dict[str, Any] = {"occurred_on": day, "channel": row["channel"], "status": "done",
                              "note": appended_note(plan.note, row.get("note") or ""),
                              "source": row["source"], "source_key": row["source_key"]}
    if plan.planned_on is None:
        fields["planned_on"] = plan.occurred_on
    for key in ("occurred_time", "duration_min"):
        if row.get(key) is not None:
            fields[key] = row[key]
    if row.get("initiator") not in (None, "unknown"):
        fields["initiator"] = row["initiator"]
    if (row.get("place") or "").strip():
        fields["place"] = row["place"]
    with store.atomic():
        update_row(store, plan.id, **fields)
        set_people(store, plan.id, [*(p.id for p in plan.participants), *person_ids])
    log.info("import reconciled with plan id=%d", plan.id)
    return plan.id


def passed_plan_ids(store: Store, day: dt.date) -> list[int]:
    """Open plans dated before ``day``: the "did you meet?" questions, oldest first."""
    return [r[0] for r in store.conn.execute(
        "SELECT id FROM interaction WHERE status = 'planned' AND occurred_on < ? "
        "ORDER BY occurred_on, coalesce(occurred_time, ''), id", [day.isoformat()]
    )]


# -- felt and preferences -------------------------------------------------------------------------
def set_felt(store: Store, interaction_id: int, felt: int | None) -> None:
    update_row(store, interaction_id, felt=felt)


def preferences(store: Store, person_ids: Sequence[int]) -> dict[int, tuple[Channel | None, str | None]]:
    """Each person's preferred channel and best time."""
    if not person_ids:
        return {}
    return {r[0]: (Channel(r[1]) if r[1] else None, r[2]) for r in store.conn.execute(
        "SELECT id, prefers, best_time FROM person WHERE id IN (SELECT value FROM json_each(?))",
        [_ids_json(person_ids)],
    )}


def set_preferences(store: Store, person_id: int, prefers: Channel | None, best_time: str | None) -> None:
    """Set both preferences (None clears one); a blank best time is None."""
    best = " ".join(best_time.split()) if best_time else None
    with store.atomic():
        cur = store.conn.execute(
            "UPDATE person SET prefers = ?, best_time = ?, updated_at = ? WHERE id = ?",
            [prefers.value if prefers else None, best or None, now_iso(), person_id],
        )
        if not cur.rowcount:
            raise NotFound(f"no person #{person_id}")


# -- talking points -------------------------------------------------------------------------------
_POINT_COLS = "id, person_id, text, created_on, covered_on, covered_by"


def _point(r: Sequence[Any]) -> TalkingPoint:
    return TalkingPoint(id=r[0], person_id=r[1], text=r[2], created_on=dt.date.fromisoformat(r[3]),
                        covered_on=_date(r[4]), covered_by=r[5])


def add_point(store: Store, person_id: int, text: str, day: dt.date, *, point_id: int | None = None) -> TalkingPoint:
    with store.atomic():
        if not store.person_exists(person_id):
            raise NotFound(f"no person #{person_id}")
        cur = store.conn.execute(
            "INSERT INTO talking_point(id, person_id, text, created_on) VALUES (?, ?, ?, ?)",
            [point_id, person_id, text, day.isoformat()],
        )
        pid = int(cur.lastrowid or 0)
    log.info("talking point added: id=%d person=%d", pid, person_id)
    return points_by_ids(store, [pid])[0]


def points_by_ids(store: Store, ids: Sequence[int]) -> list[TalkingPoint]:
    """Talking points by id, in id order (missing ids are skipped)."""
    if not ids:
        return []
    return [_point(r) for r in store.conn.execute(
        f"SELECT {_POINT_COLS} FROM talking_point WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
        [_ids_json(ids)],
    )]


def points_for(store: Store, person_id: int, *, open_only: bool = True) -> list[TalkingPoint]:
    """A person's talking points, oldest first (open ones only by default)."""
    extra = " AND covered_on IS NULL" if open_only else ""
    return [_point(r) for r in store.conn.execute(
        f"SELECT {_POINT_COLS} FROM talking_point WHERE person_id = ?{extra} ORDER BY created_on, id", [person_id]
    )]


def open_points_for_people(store: Store, person_ids: Sequence[int]) -> list[TalkingPoint]:
    """The open talking points of several people (quick log lists them), by person then age."""
    if not person_ids:
        return []
    return [_point(r) for r in store.conn.execute(
        f"SELECT {_POINT_COLS} FROM talking_point WHERE person_id IN (SELECT value FROM json_each(?)) "
        "AND covered_on IS NULL ORDER BY person_id, created_on, id", [_ids_json(person_ids)]
    )]


def points_covered_by(store: Store, interaction_id: int) -> list[int]:
    return [r[0] for r in store.conn.execute(
        "SELECT id FROM talking_point WHERE covered_by = ? ORDER BY id", [interaction_id])]


def cover_points(store: Store, ids: Sequence[int], day: dt.date, interaction_id: int | None) -> None:
    with store.atomic():
        store.conn.execute(
            "UPDATE talking_point SET covered_on = ?, covered_by = ? WHERE id IN (SELECT value FROM json_each(?))",
            [day.isoformat(), interaction_id, _ids_json(ids)],
        )


def uncover_points(store: Store, ids: Sequence[int]) -> None:
    with store.atomic():
        store.conn.execute(
            "UPDATE talking_point SET covered_on = NULL, covered_by = NULL WHERE id IN (SELECT value FROM json_each(?))",
            [_ids_json(ids)],
        )


def open_point_counts(store: Store, person_ids: Sequence[int]) -> dict[int, int]:
    if not person_ids:
        return {}
    return {r[0]: r[1] for r in store.conn.execute(
        "SELECT person_id, count(*) FROM talking_point WHERE covered_on IS NULL "
        "AND person_id IN (SELECT value FROM json_each(?)) GROUP BY person_id", [_ids_json(person_ids)]
    )}


# -- snapshots for undo ---------------------------------------------------------------------------
@dataclass(frozen=True)
class RowState:
    """One interaction as it was: its columns (None: it did not exist), people and follow-up decision."""

    interaction_id: int
    row: dict[str, Any] | None
    people: tuple[int, ...] = ()
    followup: tuple[str, str] | None = None


@dataclass(frozen=True)
class State:
    """The rows an operation touches, as they were (or are)."""

    rows: tuple[RowState, ...] = ()
    points: tuple[tuple[int, tuple[Any, ...] | None], ...] = ()  # point id -> raw row, or None: absent
    people: tuple[tuple[int, str | None, str | None], ...] = ()  # person id, prefers, best_time

    def __or__(self, other: State) -> State:
        return State(self.rows + other.rows, self.points + other.points, self.people + other.people)


def _interaction_columns(store: Store) -> list[str]:
    # table_info leaves out the generated column (mode), which cannot be written.
    return [r[1] for r in store.conn.execute("PRAGMA table_info(interaction)")]


def take(store: Store, interaction_ids: Iterable[int] = (), point_ids: Iterable[int] = (),
         person_ids: Iterable[int] = ()) -> State:
    """A snapshot of these interactions, talking points and people's preferences as they are now."""
    cols = _interaction_columns(store)
    rows: list[RowState] = []
    for iid in dict.fromkeys(interaction_ids):
        r = store.conn.execute(f"SELECT {', '.join(cols)} FROM interaction WHERE id = ?", [iid]).fetchone()
        if r is None:
            rows.append(RowState(iid, None))
            continue
        people = tuple(x[0] for x in store.conn.execute(
            "SELECT person_id FROM participant WHERE interaction_id = ? ORDER BY person_id", [iid]))
        f = store.conn.execute("SELECT state, decided_at FROM followup WHERE interaction_id = ?", [iid]).fetchone()
        rows.append(RowState(iid, dict(zip(cols, r, strict=True)), people, (f[0], f[1]) if f else None))
    points: list[tuple[int, tuple[Any, ...] | None]] = []
    for pid in dict.fromkeys(point_ids):
        r = store.conn.execute(f"SELECT {_POINT_COLS} FROM talking_point WHERE id = ?", [pid]).fetchone()
        points.append((pid, tuple(r) if r else None))
    people_state = [(r[0], r[1], r[2]) for r in store.conn.execute(
        "SELECT id, prefers, best_time FROM person WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
        [_ids_json(person_ids)],
    )] if person_ids else []
    return State(tuple(rows), tuple(points), tuple(people_state))


def put(store: Store, state: State) -> None:
    """Write a snapshot back: the rows become exactly what ``take`` saw."""
    with store.atomic():
        for rs in state.rows:
            exists = store.conn.execute("SELECT 1 FROM interaction WHERE id = ?", [rs.interaction_id]).fetchone()
            if rs.row is None:
                if exists:
                    people = [r[0] for r in store.conn.execute(
                        "SELECT person_id FROM participant WHERE interaction_id = ?", [rs.interaction_id])]
                    store.conn.execute("DELETE FROM interaction WHERE id = ?", [rs.interaction_id])
                    _drop_empty_summaries(store, people)
                continue
            cols = [c for c in rs.row if c != "id"]
            if exists:
                sets = ", ".join(f"{c} = ?" for c in cols)
                store.conn.execute(f"UPDATE interaction SET {sets} WHERE id = ?",
                                   [*(rs.row[c] for c in cols), rs.interaction_id])
            else:
                all_cols = ["id", *cols]
                store.conn.execute(
                    f"INSERT INTO interaction({', '.join(all_cols)}) VALUES ({', '.join('?' * len(all_cols))})",
                    [rs.interaction_id, *(rs.row[c] for c in cols)],
                )
            set_people(store, rs.interaction_id, rs.people)
            store.conn.execute("DELETE FROM followup WHERE interaction_id = ?", [rs.interaction_id])
            if rs.followup is not None:
                store.conn.execute("INSERT INTO followup(interaction_id, state, decided_at) VALUES (?, ?, ?)",
                                   [rs.interaction_id, *rs.followup])
        # Points after interactions: deleting an interaction sets covered_by to NULL.
        for pid, raw in state.points:
            if raw is None:
                store.conn.execute("DELETE FROM talking_point WHERE id = ?", [pid])
            else:
                store.conn.execute(f"INSERT OR REPLACE INTO talking_point({_POINT_COLS}) VALUES (?, ?, ?, ?, ?, ?)",
                                   list(raw))
        for person_id, prefers, best_time in state.people:
            store.conn.execute("UPDATE person SET prefers = ?, best_time = ?, updated_at = ? WHERE id = ?",
                               [prefers, best_time, now_iso(), person_id])


# -- the brief and reconnect ----------------------------------------------------------------------
def recent_done_ids(store: Store, person_id: int, day: dt.date, limit: int) -> list[int]:
    """A person's latest done interactions on or before ``day``, newest first."""
    return [r[0] for r in store.conn.execute(
        "SELECT i.id FROM participant pa JOIN interaction i ON i.id = pa.interaction_id "
        "WHERE pa.person_id = ? AND pa.status = 'done' AND pa.occurred_on <= ? "
        "ORDER BY pa.occurred_on DESC, coalesce(i.occurred_time, '') DESC, i.id DESC LIMIT ?",
        [person_id, day.isoformat(), limit],
    )]


def last_rich_contact(store: Store, person_id: int, day: dt.date) -> dt.date | None:
    """Two index seeks on participant_last."""
    row = store.conn.execute(
        "SELECT max(coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = :p AND status = 'done' "
        "AND mode = 'together' AND occurred_on <= :d), ''), coalesce((SELECT max(occurred_on) FROM participant "
        "WHERE person_id = :p AND status = 'done' AND mode = 'voice' AND occurred_on <= :d), ''))",
        {"p": person_id, "d": day.isoformat()},
    ).fetchone()
    return _date(row[0]) if row and row[0] else None


def _recent_ids_sql(mode: str) -> str:
    """The newest RECIPROCITY_SAMPLE contacts of one mode: days and ids (an index-only walk, bounded)."""
    return (f"(SELECT group_concat(occurred_on || ' ' || interaction_id) FROM (SELECT occurred_on, interaction_id "
            f"FROM participant WHERE person_id = p.id AND status = 'done' AND mode = '{mode}' AND occurred_on <= :day "
            f"ORDER BY occurred_on DESC LIMIT {RECIPROCITY_SAMPLE}))")


def recent_contact_ids(store: Store, day: dt.date, person_ids: Sequence[int]) -> dict[int, list[int]]:
    """Each person's last RECIPROCITY_SAMPLE done contacts on or before ``day``, newest first."""
    out: dict[int, list[int]] = {}
    sql = (f"SELECT p.id, {_recent_ids_sql('together')}, {_recent_ids_sql('voice')}, {_recent_ids_sql('written')} "
           "FROM person p WHERE p.id IN (SELECT value FROM json_each(:ids))")
    for r in store.conn.execute(sql, {"day": day.isoformat(), "ids": _ids_json(person_ids)}):
        pairs = [x.split(" ") for text in r[1:] if text for x in text.split(",")]
        pairs.sort(key=lambda dx: (dx[0], int(dx[1])), reverse=True)
        out[r[0]] = [int(x) for _, x in pairs[:RECIPROCITY_SAMPLE]]
    return out


@dataclass(frozen=True, slots=True)
class LoopDetail:
    """What Reconnect adds for the loop, for each person shown."""

    person_id: int
    talking_points: int
    prefers: Channel | None
    best_time: str | None
    #: The oldest open plan dated before the day ("did you meet?"), or None.
    passed_plan: dt.date | None
    reciprocity: Reciprocity


def loop_details(store: Store, day: dt.date, person_ids: Sequence[int],
                 recent: Mapping[int, Sequence[int]] | None = None) -> dict[int, LoopDetail]:
    """Open talking points, preferences, passed plans and reciprocity of these people.

    ``recent`` maps people to their latest contacts, newest first (Reconnect's ContactDetail has
    them already); without it they are read here. Cost: a seek per person for preferences and
    talking points, one pass over the open plans (few), and one primary-key read per contact
    sampled (at most RECIPROCITY_SAMPLE a person) for who started it.
    """
    if not person_ids:
        return {}
    ids_json = _ids_json(person_ids)
    prefs = {r[0]: (r[1], r[2]) for r in store.conn.execute(
        "SELECT id, prefers, best_time FROM person WHERE id IN (SELECT value FROM json_each(?))", [ids_json])}
    points = open_point_counts(store, person_ids)
    wanted = set(person_ids)
    passed: dict[int, str] = {}
    for pid, first in store.conn.execute(
        "SELECT pa.person_id, min(i.occurred_on) FROM interaction i JOIN participant pa ON pa.interaction_id = i.id "
        "WHERE i.status = 'planned' AND i.occurred_on < ? GROUP BY pa.person_id", [day.isoformat()]
    ):
        if pid in wanted:
            passed[pid] = first
    if recent is None:
        recent = recent_contact_ids(store, day, person_ids)
    # Who started each person's sampled contacts, counted in SQL: one primary-key read a contact.
    sample = {str(pid): list(recent.get(pid, ()))[:RECIPROCITY_SAMPLE] for pid in person_ids}
    counts = {int(r[0]): Reciprocity(int(r[1]), int(r[2])) for r in store.conn.execute(
        "SELECT s.key, total(i.initiator = 'me'), total(i.initiator <> 'unknown') FROM json_each(?) s, "
        "json_each(s.value) x JOIN interaction i ON i.id = x.value GROUP BY s.key", [json.dumps(sample)],
    )}
    out: dict[int, LoopDetail] = {}
    for pid in dict.fromkeys(person_ids):
        if pid not in prefs:
            continue
        prefers, best = prefs[pid]
        out[pid] = LoopDetail(
            person_id=pid,
            talking_points=points.get(pid, 0),
            prefers=Channel(prefers) if prefers else None,
            best_time=best,
            passed_plan=_date(passed.get(pid)),
            reciprocity=counts.get(pid, Reciprocity(0, 0)),
        )
    return out


def reciprocity(store: Store, person_id: int, day: dt.date) -> Reciprocity:
    found = loop_details(store, day, [person_id]).get(person_id)
    return found.reciprocity if found else Reciprocity(0, 0)


# -- JSON export and import -----------------------------------------------------------------------
def export_points(store: Store) -> list[dict[str, Any]]:
    """Every talking point, for the JSON export (docs/json-format.md, version 2)."""
    return [
        {"id": r[0], "person_id": r[1], "text": r[2], "created_on": r[3], "covered_on": r[4], "covered_by": r[5]}
        for r in store.conn.execute(f"SELECT {_POINT_COLS} FROM talking_point ORDER BY id")
    ]


def load_points(store: Store, rows: Sequence[dict[str, Any]], *, merge: bool = False) -> None:
    """Insert talking points from an export or a snapshot, keeping their ids (after people and interactions).

    A point of a person who is not in the journal is left out; a covering interaction that is not
    there leaves the point covered by nothing.
    """
    ignore = " OR IGNORE" if merge else ""
    for t in rows:
        store.conn.execute(
            f"INSERT{ignore} INTO talking_point({_POINT_COLS}) SELECT ?, ?, ?, ?, ?, "
            "(SELECT id FROM interaction WHERE id = ?) WHERE EXISTS (SELECT 1 FROM person WHERE id = ?)",
            [t["id"], t["person_id"], t["text"], dt.date.fromisoformat(t["created_on"]).isoformat(),
             dt.date.fromisoformat(t["covered_on"]).isoformat() if t.get("covered_on") else None,
             t.get("covered_by"), t["person_id"]],
        )


def snapshot_points(store: Store, person_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The talking points of these people, as export_points writes them (for the trash)."""
    if not person_ids:
        return []
    return [
        {"id": r[0], "person_id": r[1], "text": r[2], "created_on": r[3], "covered_on": r[4], "covered_by": r[5]}
        for r in store.conn.execute(
            f"SELECT {_POINT_COLS} FROM talking_point WHERE person_id IN (SELECT value FROM json_each(?)) ORDER BY id",
            [_ids_json(person_ids)],
        )
    ]
