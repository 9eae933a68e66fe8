"""A person's brief: one page before a meeting, read with a handful of bounded queries."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from relj.plans import BRIEF_BIRTHDAY_DAYS, BRIEF_RECENT, Brief, Upcoming, relation_from
from relj.store import plans as q

if TYPE_CHECKING:
    from relj.store.core import Store

#: At most this many plans are listed as upcoming.
BRIEF_PLANS = 5


def brief(store: Store, person_id: int, day: dt.date) -> Brief:
    """Open talking points, the last few interactions, shared interests, relationships, upcoming
    dates (birthday, plans), the last rich contact, preferences and reciprocity, as of ``day``."""
    person = store.person(person_id)
    prefers, best_time = q.preferences(store, [person_id]).get(person_id, (None, None))
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
    for plan in q.interactions(store, q.person_plan_ids(store, person_id, since=day)[:BRIEF_PLANS]):
        others = [p.name for p in plan.participants if p.id != person_id]
        what = f"{plan.channel.label.capitalize()} planned" + (f" at {plan.occurred_time}" if plan.occurred_time else "")
        if others:
            what += " with " + ", ".join(others)
        if plan.note.strip():
            what += f": {plan.note.strip().splitlines()[0]}"
        upcoming.append(Upcoming(plan.occurred_on, what))
    upcoming.sort(key=lambda u: u.day)
    return Brief(
        person_id=person.id,
        name=person.display_name,
        talking_points=tuple(q.points_for(store, person_id)),
        recent=tuple(q.interactions(store, q.recent_done_ids(store, person_id, day, BRIEF_RECENT))),
        shared_interests=tuple(store.shared_interests(person_id)),
        relationships=tuple(relationships),
        upcoming=tuple(upcoming),
        last_rich_contact=q.last_rich_contact(store, person_id, day),
        prefers=prefers,
        best_time=best_time,
        reciprocity=q.reciprocity(store, person_id, day),
    )
