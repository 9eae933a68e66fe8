"""Bulk writes for generated journals (demo, benchmarks): executemany, one transaction."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from relj.clock import now_iso
from relj.domain import ContactKind, normalise_email
from relj.store.base import chunks, contact_norm
from relj.store.core import Store

log = logging.getLogger(__name__)


def add_people(store: Store, people: Iterable[tuple[str, Sequence[str]]]) -> int:
    """Add many ``(name, emails)`` people in one transaction, searchable at once (benchmarks)."""
    now = now_iso()
    count = 0
    with store.atomic():
        first = int(store._one("SELECT coalesce(max(id), 0) FROM person")) + 1
        persons: list[tuple[Any, ...]] = []
        contacts: list[tuple[Any, ...]] = []
        for offset, (name, emails) in enumerate(people):
            pid = first + offset
            persons.append((pid, " ".join(name.split()), now, now))
            contacts.extend((pid, e.strip(), normalise_email(e)) for e in emails)
            count += 1
        store.conn.executemany(
            "INSERT INTO person(id, display_name, created_at, updated_at) VALUES (?, ?, ?, ?)", persons
        )
        store.conn.executemany(
            "INSERT INTO contact_point(person_id, kind, value, value_norm) VALUES (?, 'email', ?, ?)", contacts
        )
        for chunk in chunks([p[0] for p in persons], 900):
            store._reindex_people(chunk)
    log.info("people added in bulk: %d", count)
    return count


def insert_people(store: Store, rows: Iterable[dict[str, Any]]) -> None:
    """Insert people with explicit ids. Keys: id, display_name, circle, ... created_at, updated_at."""
    rows = list(rows)
    if not rows:
        return
    cols = list(rows[0])
    store.conn.executemany(
        f"INSERT INTO person({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [[r[c] for c in cols] for r in rows],
    )


def insert_contacts(store: Store, rows: Iterable[tuple[int, str, str, str]]) -> None:
    """(person_id, kind, value, label) tuples."""
    store.conn.executemany(
        "INSERT INTO contact_point(person_id, kind, value, value_norm, label) VALUES (?, ?, ?, ?, ?)",
        [(pid, kind, value, contact_norm(ContactKind(kind), value), label) for pid, kind, value, label in rows],
    )


def insert_interests(store: Store, links: Iterable[tuple[int, str]], mine: Sequence[str] = ()) -> None:
    """Link (person_id, interest name) pairs, creating interests; mark ``mine`` as the owner's."""
    names: dict[str, int] = {}
    pairs = list(links)
    for _, name in pairs:
        if name not in names:
            names[name] = store._interest_id(name)
    for name in mine:
        store.conn.execute("INSERT OR IGNORE INTO owner_interest(interest_id) VALUES (?)", [store._interest_id(name)])
    store.conn.executemany(
        "INSERT OR IGNORE INTO person_interest(person_id, interest_id) VALUES (?, ?)",
        [(pid, names[name]) for pid, name in pairs],
    )


def insert_interactions(
    store: Store,
    interactions: Sequence[tuple[Any, ...]],
    participants: Sequence[tuple[int, int, str, str, str]],
) -> None:
    """Interactions as (id, occurred_on, occurred_time, channel, initiator, duration_min, place, note,
    status, source, created_at) and participants as (interaction_id, person_id, occurred_on, mode, status)."""
    store.conn.executemany(
        "INSERT INTO interaction(id, occurred_on, occurred_time, channel, initiator, duration_min, place, note, "
        "status, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*row, row[-1]) for row in interactions],
    )
    store.conn.executemany(
        "INSERT INTO participant(interaction_id, person_id, occurred_on, mode, status) VALUES (?, ?, ?, ?, ?)",
        participants,
    )


def insert_followups(store: Store, interaction_ids: Iterable[int], state: str) -> None:
    """Record thank-you follow-up decisions ('done' or 'dismissed')."""
    store.conn.executemany(
        "INSERT OR REPLACE INTO followup(interaction_id, state, decided_at) VALUES (?, ?, ?)",
        [(iid, state, now_iso()) for iid in interaction_ids],
    )


def insert_relationships(store: Store, rows: Iterable[tuple[int, int, str, str]]) -> None:
    store.conn.executemany(
        "INSERT OR IGNORE INTO relationship(person_a, person_b, kind, note) VALUES (?, ?, ?, ?)", list(rows)
    )


#: Triggers that keep derived tables in step row by row; a bulk load rebuilds those tables once.
_BULK_SUSPENDED = ("contact_summary_ai", "contact_summary_ad", "contact_summary_au", "interaction_fts_ai")


def suspend_triggers(store: Store) -> list[str]:
    """Drop the per-row triggers for a bulk load (inside its transaction). Returns their SQL."""
    marks = ",".join("?" * len(_BULK_SUSPENDED))
    saved = [r[0] for r in store.conn.execute(
        f"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})", _BULK_SUSPENDED)]
    for name in _BULK_SUSPENDED:
        store.conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    return saved


def finish(store: Store, suspended: list[str] | None = None) -> None:
    """Restore suspended triggers, rebuild derived tables and indexes, refresh statistics."""
    from relj.store.reconnect import rebuild_contact_summary

    for sql in suspended or []:
        store.conn.execute(sql)
    if suspended is not None:
        rebuild_contact_summary(store)
        store.conn.execute("INSERT INTO interaction_fts(interaction_fts) VALUES ('delete-all')")
        store.conn.execute(
            "INSERT INTO interaction_fts(rowid, note, place) SELECT id, note, place FROM interaction "
            "WHERE note <> '' OR place <> ''"
        )
    store._reindex_people(None)
    store.conn.execute("ANALYZE")
