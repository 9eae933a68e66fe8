"""Operations on rhythms and moments: add and remove, each undoable (the undo's undo redoes it, same ids)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from relj.domain import Channel
from relj.errors import UserError
from relj.ops import PEOPLE, RECONNECT, Changes, OpResult
from relj.rhythms import Moment, Rhythm, and_words, check_moment, check_name, check_time, parse_rule
from relj.store import moments as moment_store
from relj.store import rhythms as rhythm_store

if TYPE_CHECKING:
    from relj.store import Store


def _today() -> dt.date:
    from relj.clock import today

    return today()


def _rhythm_changes(r: Rhythm | dict[str, Any]) -> Changes:
    people = [m[0] for m in r.members] if isinstance(r, Rhythm) else r.get("people", [])
    return Changes.of(PEOPLE, RECONNECT, people=people)


def _put_rhythm(store: Store, row: dict[str, Any], present: bool, label: str, *, undoing: bool) -> OpResult[None]:
    """Make the rhythm of ``row`` present (as it was, same id) or absent."""
    with store.atomic():
        if present:
            rhythm_store.load_rhythms(store, [row])
        else:
            rhythm_store.remove_rhythm(store, row["id"])
    return OpResult(None, _rhythm_changes(row), label, f"{'Undid' if undoing else 'Redid'}: {label}",
                    lambda s: _put_rhythm(s, row, not present, label, undoing=not undoing))


def add_rhythm(store: Store, name: str, person_ids: Sequence[int], rule: str, channel: Channel | str, *,
               time: str | None = None, start: dt.date | None = None) -> OpResult[Rhythm]:
    """A rhythm with one or more people: ``rule`` as relj.rhythms reads it, from ``start`` (default today)."""
    clean = check_name(name)
    parsed = parse_rule(rule)
    try:
        chan = Channel(channel)
    except ValueError:
        raise UserError(f"unknown channel {channel!r}: use one of {', '.join(c.value for c in Channel)}") from None
    when = check_time(time)
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        raise UserError("a rhythm needs at least one person (--with WHO)")
    from relj.clock import check_writable_date

    day = check_writable_date(start or _today(), "the rhythm's start")
    with store.atomic():
        rid = rhythm_store.add_rhythm(store, clean, parsed.text, chan, when, day, ids)
        made = rhythm_store.rhythm(store, rid)
        row = rhythm_store.export_rhythms(store, [rid])[0]
    label = f"Add rhythm {clean}"
    return OpResult(made, _rhythm_changes(made), label,
                    f"Added {clean}: every {parsed.text} with {and_words([m[1] for m in made.members])}",
                    lambda s: _put_rhythm(s, row, False, label, undoing=True))


def remove_rhythm(store: Store, rhythm_id: int) -> OpResult[Rhythm]:
    with store.atomic():
        gone = rhythm_store.rhythm(store, rhythm_id)
        row = rhythm_store.export_rhythms(store, [rhythm_id])[0]
        rhythm_store.remove_rhythm(store, rhythm_id)
    label = f"Remove rhythm {gone.name}"
    return OpResult(gone, _rhythm_changes(gone), label, f"Removed {gone.name}",
                    lambda s: _put_rhythm(s, row, True, label, undoing=True))


# -- moments --------------------------------------------------------------------------------------
def _put_moment(store: Store, row: dict[str, Any], present: bool, label: str, *, undoing: bool) -> OpResult[None]:
    with store.atomic():
        if present:
            moment_store.load_moments(store, [row])
        else:
            moment_store.remove_moment(store, row["id"])
    return OpResult(None, Changes.of(PEOPLE, RECONNECT, people=[row["person_id"]]), label,
                    f"{'Undid' if undoing else 'Redid'}: {label}",
                    lambda s: _put_moment(s, row, not present, label, undoing=not undoing))


def add_moment(store: Store, person_id: int, text: str, day: dt.date, *, kind: str = "other",
               yearly: bool = False) -> OpResult[Moment]:
    """A moment in a person's life: a move, a new job, a baby... (``yearly``: an anniversary too)."""
    from relj.clock import check_writable_date

    clean, k = check_moment(text, kind)
    check_writable_date(day, "the moment's date")
    with store.atomic():
        mid = moment_store.add_moment(store, person_id, day, clean, k, yearly)
        made = moment_store.moment(store, mid)
        row = moment_store.export_moments(store, [person_id])
    (mine,) = [r for r in row if r["id"] == mid]
    label = f"Add moment for {made.person_name}"
    return OpResult(made, Changes.of(PEOPLE, RECONNECT, people=[person_id]), label,
                    f"Added a moment for {made.person_name}: {clean} ({day.isoformat()})",
                    lambda s: _put_moment(s, mine, False, label, undoing=True))


def remove_moment(store: Store, moment_id: int) -> OpResult[Moment]:
    with store.atomic():
        gone = moment_store.moment(store, moment_id)
        (row,) = [r for r in moment_store.export_moments(store, [gone.person_id]) if r["id"] == moment_id]
        moment_store.remove_moment(store, moment_id)
    label = f"Remove moment for {gone.person_name}"
    return OpResult(gone, Changes.of(PEOPLE, RECONNECT, people=[gone.person_id]), label,
                    f"Removed the moment {gone.text!r} of {gone.person_name}",
                    lambda s: _put_moment(s, row, True, label, undoing=True))
