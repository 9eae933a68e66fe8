"""Bulk writes for generated journals (demo, benchmarks): executemany, one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from relj.store.core import Store, contact_norm
from relj.domain import ContactKind


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


def insert_relationships(store: Store, rows: Iterable[tuple[int, int, str, str]]) -> None:
    store.conn.executemany(
        "INSERT OR IGNORE INTO relationship(person_a, person_b, kind, note) VALUES (?, ?, ?, ?)", list(rows)
    )


def finish(store: Store) -> None:
    """Rebuild search indexes and statistics after a bulk load."""
    store._reindex_people(None)
    store.conn.execute("ANALYZE")
