"""Operations of the loop: plan, move, cancel, met; log with reconciliation; talking points; felt; thanks.

Each runs in one transaction and returns an OpResult whose undo puts back exactly the rows it
touched (relj.store.plans.take / put); the undo's own undo redoes the change, with the same ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from relj.domain import Channel, Initiator, Interaction, Mode, Person, Status
from relj.errors import NotFound, UserError
from relj.ops import INTERACTIONS, PEOPLE, RECONNECT, Changes, OpResult
from relj.plans import (
    RECONCILE_DAYS,
    PlanState,
    TalkingPoint,
    appended_note,
    check_felt,
    check_time,
    clean_point,
    extract_next,
    nearest_plan,
    plan_state,
)
from relj.store import plans as plan_store

if TYPE_CHECKING:
    from relj.store import Store

T = TypeVar("T")


class _Keep:
    """A parameter left as it is (None means "clear")."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()
#: A thank-you is written.
THANK_CHANNELS = (Channel.EMAIL, Channel.TEXT, Channel.LETTER, Channel.SOCIAL)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _today() -> dt.date:
    from relj.clock import today

    return today()


def _short(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _names(i: Interaction) -> str:
    names = [p.name for p in i.participants]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else "no one"


def _changes(*items: Interaction, people: Sequence[int] = ()) -> Changes:
    pids = {p.id for i in items for p in i.participants} | set(people)
    return Changes.of(INTERACTIONS, PEOPLE, RECONNECT, people=pids, interactions=[i.id for i in items])


def _absent(state: plan_store.State, interaction_ids: Sequence[int] = (), point_ids: Sequence[int] = ()) -> plan_store.State:
    """``state`` plus rows that did not exist before the operation created them."""
    return plan_store.State(state.rows + tuple(plan_store.RowState(i, None) for i in interaction_ids),
                   state.points + tuple((p, None) for p in point_ids), state.people)


def _swap(value: T, changes: Changes, label: str, message: str, before: plan_store.State, after: plan_store.State) -> OpResult[T]:
    """The result of a change from ``before`` to ``after``: undo puts ``before`` back, redo ``after``."""
    return OpResult(value, changes, label, message, lambda s: _put(s, before, after, changes, label, undoing=True))


def _put(store: Store, target: plan_store.State, other: plan_store.State, changes: Changes, label: str, *,
         undoing: bool) -> OpResult[None]:
    plan_store.put(store, target)
    return OpResult(None, changes, label, f"{'Undid' if undoing else 'Redid'}: {label}",
                    lambda s: _put(s, other, target, changes, label, undoing=not undoing))


def _people_ids(store: Store, person_ids: Sequence[int]) -> list[int]:
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        raise UserError("a meeting needs at least one person")
    for pid in ids:
        if not store.person_exists(pid):
            raise NotFound(f"no person #{pid}")
    return ids


def _open_plan(store: Store, plan_id: int) -> Interaction:
    found = plan_store.interactions(store, [plan_id])
    if not found or (found[0].status is Status.DONE and found[0].planned_on is None):
        raise NotFound(f"no plan #{plan_id}")
    plan = found[0]
    if plan.status is not Status.PLANNED:
        raise UserError(f"plan #{plan_id} is {plan_state(plan, _today()).value}, not open")
    return plan


def _check_points(store: Store, point_ids: Sequence[int], people: Sequence[int]) -> list[int]:
    """The ids of talking points to cover: each must exist and belong to one of ``people``."""
    ids = list(dict.fromkeys(point_ids))
    found = {t.id: t for t in plan_store.points_by_ids(store, ids)}
    for tid in ids:
        if tid not in found:
            raise NotFound(f"no talking point #{tid}")
        if found[tid].person_id not in people:
            raise UserError(f"talking point #{tid} belongs to someone who was not there (#{found[tid].person_id})")
    return ids


def _add_next_points(store: Store, texts: Sequence[str], people: Sequence[int], day: dt.date) -> list[int]:
    return [plan_store.add_point(store, pid, clean_point(text), day).id for text in texts for pid in people]


# -- plans ----------------------------------------------------------------------------------------
def plan_meeting(
    store: Store,
    person_ids: Sequence[int],
    day: dt.date,
    *,
    channel: Channel | str,
    time: str | None = None,
    duration_min: int | None = None,
    note: str = "",
    place: str = "",
) -> OpResult[Interaction]:
    """Plan a meeting with one or more people on ``day`` (today or later), at an optional time."""
    channel = Channel(channel)
    time = check_time(time)
    if day < _today():
        raise UserError(f"{day} is in the past; log a meeting that happened instead")
    if duration_min is not None and duration_min < 0:
        raise UserError("a duration is a number of minutes, 0 or more")
    with store.atomic():
        ids = _people_ids(store, person_ids)
        made = store.log_interaction(channel, ids, day, occurred_time=time, duration_min=duration_min, note=note,
                                     place=place, status=Status.PLANNED)
        plan_store.update_row(store, made.id, planned_on=day)
        plan = plan_store.interaction(store, made.id)
        after = plan_store.take(store, [plan.id])
    return _swap(plan, _changes(plan), "Plan meeting",
                 f"Planned {channel.label} with {_names(plan)} on {_short(day)}",
                 plan_store.State((plan_store.RowState(plan.id, None),)), after)


def move_plan(store: Store, plan_id: int, day: dt.date, *, time: str | None = KEEP) -> OpResult[Interaction]:
    """Move an open plan to another day (today or later) and, optionally, time (None: all day)."""
    if day < _today():
        raise UserError(f"{day} is in the past; a plan moves to today or later")
    fields: dict[str, Any] = {"occurred_on": day, "planned_on": day}
    if time is not KEEP:
        fields["occurred_time"] = check_time(time)
    with store.atomic():
        plan = _open_plan(store, plan_id)
        before = plan_store.take(store, [plan_id])
        plan_store.update_row(store, plan_id, **fields)
        after = plan_store.take(store, [plan_id])
        moved = plan_store.interaction(store, plan_id)
    return _swap(moved, _changes(moved, plan), "Move plan", f"Moved the plan with {_names(moved)} to {_short(day)}",
                 before, after)


def cancel_plan(store: Store, plan_id: int) -> OpResult[Interaction]:
    """It didn't happen: the plan is cancelled (kept, so ``plans --all`` still shows it)."""
    with store.atomic():
        _open_plan(store, plan_id)
        before = plan_store.take(store, [plan_id])
        plan_store.update_row(store, plan_id, status=Status.CANCELLED.value)
        after = plan_store.take(store, [plan_id])
        plan = plan_store.interaction(store, plan_id)
    return _swap(plan, _changes(plan), "Cancel plan", f"Cancelled the plan with {_names(plan)}", before, after)


def complete_plan(
    store: Store,
    plan_id: int,
    *,
    day: dt.date | None = None,
    time: str | None = KEEP,
    channel: Channel | str | None = None,
    note: str = "",
    felt: int | None = None,
    covered: Sequence[int] = (),
    people: Sequence[int] | None = None,
    initiator: Initiator | str | None = None,
) -> OpResult[Interaction]:
    """It happened: the plan becomes the logged interaction (same id, status done).

    The day defaults to the plan's day, or today for a plan dated later. The plan's note is kept
    and ``note`` appended; ``next:`` lines in it become talking points for everyone there.
    """
    felt = check_felt(felt)
    today = _today()
    with store.atomic():
        plan = _open_plan(store, plan_id)
        when = day if day is not None else min(plan.occurred_on, today)
        if when > today:
            raise UserError(f"{when} is in the future; a meeting that happened is dated today or earlier")
        return _become(store, plan, when, time=time, channel=Channel(channel) if channel else plan.channel,
                       note=note, felt=felt, covered=covered, people=people, initiator=initiator,
                       label="Met", duration_min=None, place="")


def _become(store: Store, plan: Interaction, day: dt.date, *, time: str | None, channel: Channel, note: str,
            felt: int | None, covered: Sequence[int], people: Sequence[int] | None,
            initiator: Initiator | str | None, label: str, duration_min: int | None,
            place: str) -> OpResult[Interaction]:
    """Turn an open plan into a done interaction (inside the caller's transaction)."""
    ids = _people_ids(store, people) if people is not None else [p.id for p in plan.participants]
    note, next_texts = extract_next(note)
    point_ids = _check_points(store, covered, ids)
    before = plan_store.take(store, [plan.id], point_ids)
    fields: dict[str, Any] = {"occurred_on": day, "channel": channel, "status": Status.DONE.value,
                              "note": appended_note(plan.note, note), "felt": felt if felt is not None else plan.felt}
    if plan.planned_on is None:
        fields["planned_on"] = plan.occurred_on
    if time is not KEEP and time is not None:
        fields["occurred_time"] = check_time(time)
    if initiator is not None and Initiator(initiator) is not Initiator.UNKNOWN:
        fields["initiator"] = Initiator(initiator).value
    if duration_min is not None:
        fields["duration_min"] = duration_min
    if place.strip():
        fields["place"] = place.strip()
    plan_store.update_row(store, plan.id, **fields)
    plan_store.set_people(store, plan.id, ids)
    plan_store.cover_points(store, point_ids, day, plan.id)
    created = _add_next_points(store, next_texts, ids, day)
    after = plan_store.take(store, [plan.id], [*point_ids, *created])
    done = plan_store.interaction(store, plan.id)
    message = f"Logged {channel.label} with {_names(done)} on {_short(day)} (planned for {_short(plan.occurred_on)})"
    return _swap(done, _changes(done, plan), label, message, _absent(before, point_ids=created), after)


def log_meeting(
    store: Store,
    channel: Channel | str,
    person_ids: Sequence[int],
    day: dt.date,
    *,
    time: str | None = None,
    note: str = "",
    place: str = "",
    duration_min: int | None = None,
    initiator: Initiator | str = Initiator.UNKNOWN,
    felt: int | None = None,
    covered: Sequence[int] = (),
) -> OpResult[Interaction]:
    """Log an interaction that happened, reconciling it with an open plan.

    A rich interaction (together or voice) with someone who has an open plan within
    RECONCILE_DAYS becomes that plan: the same id, status done, the logged day, time (if given),
    channel and people; the plan's note kept and this note appended. Otherwise a new interaction.
    ``next:`` lines of the note become talking points for everyone there; ``covered`` talking
    points are marked covered by it.
    """
    channel = Channel(channel)
    felt = check_felt(felt)
    time = check_time(time)
    if day > _today():
        raise UserError(f"{day} is in the future; plan a meeting to come instead")
    with store.atomic():
        ids = _people_ids(store, person_ids)
        if channel.mode is not Mode.WRITTEN:
            plans = plan_store.interactions(store, plan_store.open_plans_near(store, ids, day, RECONCILE_DAYS))
            plan = nearest_plan(plans, day)
            if plan is not None:
                return _become(store, plan, day, time=time, channel=channel, note=note, felt=felt, covered=covered,
                               people=ids, initiator=initiator, label=f"Log {channel.label}",
                               duration_min=duration_min, place=place)
        note, next_texts = extract_next(note)
        point_ids = _check_points(store, covered, ids)
        before = plan_store.take(store, (), point_ids)
        made = store.log_interaction(channel, ids, day, occurred_time=time, note=note, place=place,
                                     duration_min=duration_min, initiator=initiator)
        if felt is not None:
            plan_store.set_felt(store, made.id, felt)
        plan_store.cover_points(store, point_ids, day, made.id)
        created = _add_next_points(store, next_texts, ids, day)
        after = plan_store.take(store, [made.id], [*point_ids, *created])
        done = plan_store.interaction(store, made.id)
    return _swap(done, _changes(done), f"Log {channel.label}",
                 f"Logged {channel.label} with {_names(done)} on {_short(day)}",
                 _absent(before, [made.id], created), after)


def set_felt(store: Store, interaction_id: int, felt: int | None) -> OpResult[Interaction]:
    """Record how an interaction went (1-5), or forget it (None)."""
    felt = check_felt(felt)
    with store.atomic():
        plan_store.interaction(store, interaction_id)
        before = plan_store.take(store, [interaction_id])
        plan_store.set_felt(store, interaction_id, felt)
        after = plan_store.take(store, [interaction_id])
        i = plan_store.interaction(store, interaction_id)
    return _swap(i, _changes(i), "How it went", "Noted how it went" if felt else "Forgot how it went", before, after)


# -- talking points -------------------------------------------------------------------------------
def add_points(store: Store, person_id: int, texts: Sequence[str]) -> OpResult[list[TalkingPoint]]:
    """Add talking points ("for next time") to a person."""
    clean = [clean_point(t) for t in texts]
    if not clean:
        raise UserError("no talking point given")
    today = _today()
    with store.atomic():
        person = store.person(person_id)
        added = [plan_store.add_point(store, person_id, text, today) for text in clean]
        after = plan_store.take(store, point_ids=[t.id for t in added])
    n = len(added)
    return _swap(added, Changes.of(PEOPLE, RECONNECT, people=[person_id]), "Add talking point",
                 f"Added {n} talking point{'s' if n != 1 else ''} for {person.display_name}",
                 plan_store.State(points=tuple((t.id, None) for t in added)), after)


def cover_points(store: Store, person_id: int, point_ids: Sequence[int],
                 interaction_id: int | None = None) -> OpResult[list[TalkingPoint]]:
    """Mark a person's talking points covered (by an interaction, when one is given)."""
    ids = list(dict.fromkeys(point_ids))
    if not ids:
        raise UserError("no talking point given")
    with store.atomic():
        person = store.person(person_id)
        _check_points(store, ids, [person_id])
        day = _today()
        if interaction_id is not None:
            day = plan_store.interaction(store, interaction_id).occurred_on
        before = plan_store.take(store, point_ids=ids)
        plan_store.cover_points(store, ids, day, interaction_id)
        after = plan_store.take(store, point_ids=ids)
        covered = plan_store.points_by_ids(store, ids)
    n = len(ids)
    return _swap(covered, Changes.of(PEOPLE, RECONNECT, people=[person_id]), "Cover talking point",
                 f"Covered {n} talking point{'s' if n != 1 else ''} with {person.display_name}", before, after)


def reopen_point(store: Store, point_id: int) -> OpResult[TalkingPoint]:
    """A covered talking point is open again (unticked)."""
    with store.atomic():
        found = plan_store.points_by_ids(store, [point_id])
        if not found:
            raise NotFound(f"no talking point #{point_id}")
        before = plan_store.take(store, point_ids=[point_id])
        plan_store.uncover_points(store, [point_id])
        after = plan_store.take(store, point_ids=[point_id])
        point = plan_store.points_by_ids(store, [point_id])[0]
    return _swap(point, Changes.of(PEOPLE, RECONNECT, people=[point.person_id]), "Reopen talking point",
                 "Reopened the talking point", before, after)


def delete_point(store: Store, point_id: int) -> OpResult[None]:
    """Forget a talking point."""
    with store.atomic():
        found = plan_store.points_by_ids(store, [point_id])
        if not found:
            raise NotFound(f"no talking point #{point_id}")
        before = plan_store.take(store, point_ids=[point_id])
        plan_store.put(store, plan_store.State(points=((point_id, None),)))
        after = plan_store.take(store, point_ids=[point_id])
    return _swap(None, Changes.of(PEOPLE, RECONNECT, people=[found[0].person_id]), "Delete talking point",
                 "Deleted the talking point", before, after)


# -- preferences ----------------------------------------------------------------------------------
def set_preferences(store: Store, person_id: int, *, prefers: Channel | str | None = KEEP,
                    best_time: str | None = KEEP) -> OpResult[Person]:
    """Set a person's preferred channel and best time ("evenings"); None clears one, KEEP leaves it."""
    with store.atomic():
        person = store.person(person_id)
        old_prefers, old_best = plan_store.preferences(store, [person_id])[person_id]
        new_prefers = old_prefers if prefers is KEEP else (Channel(prefers) if prefers else None)
        new_best = old_best if best_time is KEEP else best_time
        before = plan_store.take(store, person_ids=[person_id])
        plan_store.set_preferences(store, person_id, new_prefers, new_best)
        after = plan_store.take(store, person_ids=[person_id])
        person = store.person(person_id)
    return _swap(person, Changes.of(PEOPLE, RECONNECT, people=[person_id]), f"Preferences of {person.display_name}",
                 f"Updated {person.display_name}'s preferences", before, after)


# -- say thanks -----------------------------------------------------------------------------------
def thank(store: Store, meeting_id: int, channel: Channel | str = Channel.EMAIL) -> OpResult[Interaction]:
    """Mark a follow-up done: log the thank-you as one written interaction with all of the meeting's
    people (initiator me, dated today), and record the decision."""
    from relj.store import reconnect as reconnect_store

    channel = Channel(channel)
    if channel not in THANK_CHANNELS:
        raise UserError(f"a thank-you is written: use {', '.join(c.value for c in THANK_CHANNELS)}, not {channel.value}")
    today = _today()
    with store.atomic():
        meeting = plan_store.interactions(store, [meeting_id])
        if not meeting or not reconnect_store.has_followup(store, meeting_id):
            raise NotFound(f"no follow-up #{meeting_id}")
        m = meeting[0]
        before = plan_store.take(store, [meeting_id])
        reconnect_store.decide_followup(store, meeting_id, "done")
        what = m.note.strip().splitlines()[0] if m.note.strip() else ""
        note = "Thank-you note" + (f" for “{what}”" if what else f" for the meeting on {_short(m.occurred_on)}")
        sent = store.log_interaction(channel, [p.id for p in m.participants], today, note=note,
                                     initiator=Initiator.ME)
        after = plan_store.take(store, [meeting_id, sent.id])
        sent = plan_store.interaction(store, sent.id)
    return _swap(sent, _changes(sent, m), "Say thanks", f"Logged a thank-you {channel.label} to {_names(sent)}",
                 _absent(before, [sent.id]), after)


__all__ = [
    "KEEP", "PlanState", "add_points", "cancel_plan", "complete_plan", "cover_points", "delete_point", "log_meeting",
    "move_plan", "plan_meeting", "reopen_point", "set_felt", "set_preferences", "thank",
]
