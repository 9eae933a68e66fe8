"""Operations on interactions: log, edit, delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from relj.domain import Channel, Interaction, Status
from relj.ops import INTERACTIONS, PEOPLE, RECONNECT, Changes, OpResult

if TYPE_CHECKING:
    from relj.store import Store


def _changes(i: Interaction | None, person_ids: Sequence[int] = (), interaction_id: int | None = None) -> Changes:
    people = [p.id for p in i.participants] if i is not None else list(person_ids)
    ids = [i.id] if i is not None else ([interaction_id] if interaction_id is not None else [])
    return Changes.of(INTERACTIONS, PEOPLE, RECONNECT, people=people, interactions=ids)


def _log_label(channel: Channel, status: Status) -> str:
    return "Plan meeting" if status is Status.PLANNED else f"Log {channel.label}"


def log_interaction(
    store: Store, channel: Channel | str, person_ids: Sequence[int], occurred_on: dt.date, **fields: Any
) -> OpResult[Interaction]:
    """Log (or plan, with ``status="planned"``) an interaction. Undo deletes it; redo puts it back
    with the same id."""
    channel = Channel(channel)
    status = Status(fields.get("status", Status.DONE))
    with store.atomic():
        i = store.log_interaction(channel, person_ids, occurred_on, **fields)
    names = ", ".join(p.name for p in i.participants)
    said = "Planned" if status is Status.PLANNED else "Logged"
    return OpResult(i, _changes(i), _log_label(channel, status), f"{said} {channel.label} with {names}",
                    lambda s: _unlog(s, i.id, _log_label(channel, status)))


def _unlog(store: Store, interaction_id: int, label: str) -> OpResult[None]:
    with store.atomic():
        before = store.interaction(interaction_id)
        snapshot = store.delete_interaction(interaction_id)
    return OpResult(None, _changes(before), label, f"Undid: {label}",
                    lambda s: _relog(s, snapshot, interaction_id, label))


def _relog(store: Store, snapshot: dict[str, Any], interaction_id: int, label: str) -> OpResult[Interaction]:
    store.restore_snapshot(snapshot)
    i = store.interaction(interaction_id)
    return OpResult(i, _changes(i), label, f"Redid: {label}", lambda s: _unlog(s, interaction_id, label))


def update_interaction(store: Store, interaction_id: int, **fields: Any) -> OpResult[Interaction]:
    """Change an interaction's fields; undo puts the old values back."""
    with store.atomic():
        before = store.interaction(interaction_id)
        old = {k: getattr(before, k) for k in fields}
        after = store.update_interaction(interaction_id, **fields)
    return OpResult(after, _changes(after), "Edit interaction", "Updated the interaction",
                    lambda s: update_interaction(s, interaction_id, **old))


def delete_interaction(store: Store, interaction_id: int) -> OpResult[None]:
    """Delete an interaction; undo puts it back with the same id, people and follow-up decision."""
    with store.atomic():
        before = store.interaction(interaction_id)
        snapshot = store.delete_interaction(interaction_id)
    return OpResult(None, _changes(before), "Delete interaction", "Deleted the interaction",
                    lambda s: _undelete(s, snapshot, interaction_id))


def _undelete(store: Store, snapshot: dict[str, Any], interaction_id: int) -> OpResult[Interaction]:
    store.restore_snapshot(snapshot)
    i = store.interaction(interaction_id)
    return OpResult(i, _changes(i), "Delete interaction", "Put the interaction back",
                    lambda s: delete_interaction(s, interaction_id))
