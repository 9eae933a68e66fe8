"""The agenda: what is coming in the next days, soonest first. No Qt; the SQL is in relj.store.agenda.

Everyone's birthdays (not only people who drifted), yearly moments, open plans, rhythm occurrences
and open thank-you follow-ups. ``relj upcoming`` prints it; the home view and ``relj notify`` show it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from relj.domain import Birthday, Channel, Interaction
from relj.rhythms import Moment, Rhythm, anniversary_words, occurrences

if TYPE_CHECKING:
    from relj.store import Store

#: The kinds of entry, in the order an agenda lists the entries of one day.
KINDS = ("birthday", "moment", "followup", "rhythm", "plan")
DEFAULT_DAYS = 14
#: ``relj upcoming --days``: at most this many days ahead.
MAX_DAYS = 366

#: What a plan of each channel is called: "Meet Ana", "Call Ana".
_PLAN_VERBS: dict[Channel, str] = {
    Channel.IN_PERSON: "Meet {who}",
    Channel.VIDEO: "Video call with {who}",
    Channel.PHONE: "Call {who}",
    Channel.TEXT: "Text {who}",
    Channel.EMAIL: "Email {who}",
    Channel.LETTER: "Write to {who}",
    Channel.SOCIAL: "Message {who}",
}


@dataclass(frozen=True)
class AgendaEntry:
    date: dt.date
    kind: str  # "birthday" | "moment" | "plan" | "rhythm" | "followup"
    what: str  # a plain sentence: "Dmitri's birthday", "Sunday dinner with Mum and Dad"
    people: tuple[tuple[int, str], ...]  # (person id, display name)
    ref: int | None  # plan/interaction id for plan and followup, rhythm id, moment id; None for birthday

    def to_json(self) -> dict[str, object]:
        """One entry as ``relj upcoming --json`` prints it."""
        return {
            "date": self.date.isoformat(),
            "kind": self.kind,
            "what": self.what,
            "people": [{"id": pid, "name": name} for pid, name in self.people],
        }


def and_words(names: list[str] | tuple[str, ...]) -> str:
    """'Ana', 'Ana and Ben', 'Ana, Ben and Chloé'."""
    if not names:
        return "no one"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def yearly_dates(month: int, day: int, start: dt.date, end: dt.date) -> list[dt.date]:
    """The anniversaries of (month, day) from ``start`` to ``end``; 29 February is the 28th in common years."""
    out: list[dt.date] = []
    for year in range(start.year, end.year + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            d = dt.date(year, 2, 28)
        if start <= d <= end:
            out.append(d)
    return out


def upcoming(store: Store, today: dt.date, days: int = DEFAULT_DAYS) -> list[AgendaEntry]:
    """The agenda from ``today`` through ``days`` days ahead (today + days included), soonest first."""
    end = today + dt.timedelta(days=max(0, days))
    entries: list[AgendaEntry] = []
    entries.extend(_birthdays(store, today, end))
    entries.extend(_plans(store, today, end))
    entries.extend(_followups(store, today))
    entries.extend(_rhythms(store, today, end))
    entries.extend(_moments(store, today, end))
    order = {k: n for n, k in enumerate(KINDS)}
    entries.sort(key=lambda e: (e.date, order.get(e.kind, len(order)), e.what.casefold(), e.ref or 0, e.people))
    return entries


def _birthdays(store: Store, start: dt.date, end: dt.date) -> list[AgendaEntry]:
    from relj.store.agenda import birthdays_between

    out: list[AgendaEntry] = []
    for pid, name, short, text in birthdays_between(store, start, end):
        try:
            b = Birthday.parse(text)
        except ValueError:
            continue
        for d in yearly_dates(b.month, b.day, start, end):
            age = f" ({d.year - b.year})" if b.year and d.year > b.year else ""
            out.append(AgendaEntry(d, "birthday", f"{short}'s birthday{age}", ((pid, name),), None))
    return out


def plan_words(i: Interaction) -> str:
    """'Meet Ana and Ben at 19:00: dinner at Luigi's'."""
    text = _PLAN_VERBS[i.channel].format(who=and_words([p.name for p in i.participants]))
    if i.occurred_time:
        text += f" at {i.occurred_time}"
    note = i.note.strip().splitlines()[0] if i.note.strip() else ""
    return text + (f": {note}" if note else "")


def _plans(store: Store, start: dt.date, end: dt.date) -> list[AgendaEntry]:
    from relj.store import plans as plan_store
    from relj.store.agenda import open_plan_ids_between

    return [AgendaEntry(i.occurred_on, "plan", plan_words(i), tuple((p.id, p.name) for p in i.participants), i.id)
            for i in plan_store.interactions(store, open_plan_ids_between(store, start, end))]


def _followups(store: Store, today: dt.date) -> list[AgendaEntry]:
    """Open thank-you follow-ups, due today (relj.reconnect's window)."""
    from relj.reconnect import FOLLOWUP_WINDOW, followup_text
    from relj.store.reconnect import pending_followups

    return [AgendaEntry(today, "followup", followup_text(i, today), tuple((p.id, p.name) for p in i.participants),
                        i.id) for i in reversed(pending_followups(store, today, FOLLOWUP_WINDOW))]


def rhythm_words(r: Rhythm) -> str:
    """'first-Sunday dinner with Mum and Dad at 18:00'."""
    text = f"{r.name} with {and_words([name for _, name, _ in r.members])}"
    return text + (f" at {r.time}" if r.time else "")


def _rhythms(store: Store, start: dt.date, end: dt.date) -> list[AgendaEntry]:
    from relj.store import rhythms as rhythm_store

    out: list[AgendaEntry] = []
    for r in rhythm_store.rhythms(store):
        people = tuple((pid, name) for pid, name, _ in r.members)
        out.extend(AgendaEntry(d, "rhythm", rhythm_words(r), people, r.id)
                   for d in occurrences(r.parsed, r.start, start, end))
    return out


def moment_agenda_words(m: Moment, day: dt.date) -> str:
    """'Ana: wedding (5 years)', 'Ana: exam'."""
    return f"{m.short_name}: {anniversary_words(m, day)}"


def _moments(store: Store, start: dt.date, end: dt.date) -> list[AgendaEntry]:
    """Yearly moments' anniversaries, and moments dated in the window (an exam next week)."""
    from relj.store import moments as moment_store
    from relj.store.agenda import month_days

    out: dict[tuple[int, dt.date], AgendaEntry] = {}
    for m in moment_store.recent_moments(store, start, end):
        out[(m.id, m.day)] = AgendaEntry(m.day, "moment", moment_agenda_words(m, m.day),
                                         ((m.person_id, m.person_name),), m.id)
    for m in moment_store.yearly_moments(store, month_days(start, end)):
        for d in yearly_dates(m.day.month, m.day.day, start, end):
            if d >= m.day:
                out[(m.id, d)] = AgendaEntry(d, "moment", moment_agenda_words(m, d), ((m.person_id, m.person_name),),
                                             m.id)
    return list(out.values())
