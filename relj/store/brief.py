"""A person's brief: one page before a meeting, read with a handful of bounded queries."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from relj.plans import BRIEF_BIRTHDAY_DAYS, BRIEF_RECENT, Brief, Upcoming, relation_from
from relj.store import moments as moment_store
from relj.store import plans as plan_store
from relj.store import rhythms as rhythm_store

if TYPE_CHECKING:
    from relj.store.core import Store

#: At most this many plans are listed as upcoming.
BRIEF_PLANS = 5
#: At most this many moments are listed.
BRIEF_MOMENTS = 5


def brief(store: Store, person_id: int, day: dt.date) -> Brief:
    """Open talking points, the last few interactions, shared interests, relationships, upcoming
    dates (birthday, plans), the last rich contact, preferences and reciprocity, as of ``day``."""
    person = store.person(person_id)
    prefers, best_time = plan_store.preferences(store, [person_id]).get(person_id, (None, None))
    relationships = []
    for r in store.relationships_for(person_id):
        other, kind = relation_from(person_id, r)
        relationships.append((other.name, kind))
    upcoming: list[Upcoming] = []
    if person.birthday is not None:
        nxt = person.birthday.next_after(day)
        if (nxt - day).days <= BRIEF_BIRTHDAY_DAYS:
            age = f" (turns {nxt.year - person.birthday.year})" if person.birthday.year else ""
            upcoming.append(Upcoming(nxt, f"Birthday{age}"))
    for plan in plan_store.interactions(store, plan_store.person_plan_ids(store, person_id, since=day)[:BRIEF_PLANS]):
        others = [p.name for p in plan.participants if p.id != person_id]
        what = f"{plan.channel.label.capitalize()} planned" + (f" at {plan.occurred_time}" if plan.occurred_time else "")
        if others:
            what += " with " + ", ".join(others)
        if plan.note.strip():
            what += f": {plan.note.strip().splitlines()[0]}"
        upcoming.append(Upcoming(plan.occurred_on, what))
    upcoming.extend(_rhythms_and_anniversaries(store, person_id, day))
    upcoming.sort(key=lambda u: u.day)
    return Brief(
        person_id=person.id,
        name=person.display_name,
        talking_points=tuple(plan_store.points_for(store, person_id)),
        recent=tuple(plan_store.interactions(store, plan_store.recent_done_ids(store, person_id, day, BRIEF_RECENT))),
        shared_interests=tuple(store.shared_interests(person_id)),
        relationships=tuple(relationships),
        upcoming=tuple(upcoming),
        last_rich_contact=plan_store.last_rich_contact(store, person_id, day),
        prefers=prefers,
        best_time=best_time,
        reciprocity=plan_store.reciprocity(store, person_id, day),
        moments=tuple((m.day, m.kind, m.text, m.yearly) for m in moment_store.moments_for(store, person_id)[:BRIEF_MOMENTS]),
    )


def _rhythms_and_anniversaries(store: Store, person_id: int, day: dt.date) -> list[Upcoming]:
    """Their rhythms' next occurrences and their yearly moments, within BRIEF_BIRTHDAY_DAYS."""
    from relj.agenda import yearly_dates
    from relj.rhythms import anniversary_words, next_occurrence

    end = day + dt.timedelta(days=BRIEF_BIRTHDAY_DAYS)
    out: list[Upcoming] = []
    for r in rhythm_store.rhythms(store, rhythm_store.rhythm_ids_of(store, [person_id])):
        nxt = next_occurrence(r.parsed, r.start, day)
        if nxt <= end:
            out.append(Upcoming(nxt, r.name + (f" at {r.time}" if r.time else "")))
    for m in moment_store.moments_for(store, person_id):
        if m.yearly:
            out.extend(Upcoming(d, anniversary_words(m, d))
                       for d in yearly_dates(m.day.month, m.day.day, day, end) if d > m.day)
    return out
