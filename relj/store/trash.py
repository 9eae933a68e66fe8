"""The trash: deleted people kept for 30 days with everything needed to put them back."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import TYPE_CHECKING

from relj.clock import now_iso, today
from relj.domain import TRASH_DAYS, Person, TrashItem
from relj.errors import NotFound

if TYPE_CHECKING:
    from relj.store import Store

log = logging.getLogger(__name__)


def _cutoff(today: dt.date) -> str:
    return (today - dt.timedelta(days=TRASH_DAYS)).isoformat()


def trash_person(store: Store, person_id: int) -> TrashItem:
    """Delete a person and keep what puts them back. One transaction."""
    with store.atomic():
        name = store.person(person_id).display_name
        snapshot = store.delete_person(person_id)
        # Stamped on relj's "today" (RELJ_TODAY when set), which is what the 30 days are counted from.
        deleted_at = f"{today().isoformat()}{now_iso()[10:]}"
        cur = store.conn.execute(
            "INSERT INTO trash(kind, item_id, label, snapshot, deleted_at) VALUES ('person', ?, ?, ?, ?)",
            [person_id, name, json.dumps(snapshot, ensure_ascii=False), deleted_at],
        )
        trash_id = int(cur.lastrowid or 0)
    log.info("person moved to the trash: id=%d trash=%d", person_id, trash_id)
    return TrashItem(trash_id, "person", person_id, name, deleted_at)


def restore_from_trash(store: Store, trash_id: int) -> Person:
    """Put a trashed person back, with the ids they had. One transaction."""
    with store.atomic():
        row = store.conn.execute("SELECT item_id, snapshot FROM trash WHERE id = ?", [trash_id]).fetchone()
        if row is None:
            raise NotFound(f"nothing in the trash with id {trash_id}; `relj trash` lists what is there")
        if store.person_exists(int(row[0])):
            raise NotFound(f"trash item {trash_id} is already back in the journal")
        store.restore_snapshot(json.loads(row[1]))
        store.conn.execute("DELETE FROM trash WHERE id = ?", [trash_id])
    log.info("person restored from the trash: id=%d trash=%d", row[0], trash_id)
    return store.person(int(row[0]))


def trash_items(store: Store, today: dt.date) -> list[TrashItem]:
    """What the trash holds, newest first (older than 30 days counts as gone)."""
    rows = store.conn.execute(
        "SELECT id, kind, item_id, label, deleted_at FROM trash WHERE deleted_at >= ? ORDER BY deleted_at DESC, id DESC",
        [_cutoff(today)],
    ).fetchall()
    return [TrashItem(int(r[0]), r[1], int(r[2]), r[3], r[4]) for r in rows]


def trash_id_for(store: Store, person_id: int) -> int | None:
    """The newest trash entry of a person, if they are in the trash."""
    row = store.conn.execute("SELECT id FROM trash WHERE kind = 'person' AND item_id = ? ORDER BY id DESC LIMIT 1",
                             [person_id]).fetchone()
    return int(row[0]) if row else None


def empty_old_trash(store: Store, today: dt.date) -> int:
    """Forget what was deleted more than 30 days ago; returns how many entries went."""
    with store.atomic():
        cur = store.conn.execute("DELETE FROM trash WHERE deleted_at < ?", [_cutoff(today)])
    if cur.rowcount:
        log.info("trash emptied of %d old entries", cur.rowcount)
    return int(cur.rowcount or 0)
