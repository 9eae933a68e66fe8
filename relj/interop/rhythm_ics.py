"""One rhythm as one recurring iCalendar event (``relj rhythm export NAME --ics FILE``).

The event starts on the rhythm's first occurrence and repeats by an ``RRULE``
(``FREQ=MONTHLY;BYDAY=1SU`` for "first sunday"), so it lands in a calendar once. A rhythm with a
time starts at that local time in the local zone, with its IANA ``TZID`` and a VTIMEZONE, as
relj.interop.plan_ics writes plans (its helpers are used here); without an IANA name the time is
written in UTC. A rhythm without a time is a recurring all-day event. Attendees are the members'
first addresses.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import icalendar

from relj.interop.plan_ics import DEFAULT_DURATION, add_people_and_alarm, add_when, local_zone_name, new_calendar
from relj.rhythms import Rhythm, and_words, ical_rrule, next_occurrence

if TYPE_CHECKING:
    from relj.store import Store

#: The VTIMEZONE covers this many years from the first occurrence (a few RDATEs a year).
ZONE_YEARS = 20


def rhythm_calendar(rhythm: Rhythm, emails: dict[int, str], *, zone_name: str | None = None,
                    local_tz: dt.tzinfo | None = None, stamp: dt.datetime | None = None) -> bytes:
    """The rhythm as a VCALENDAR with one recurring VEVENT; ``emails`` maps members to an address."""
    rule = rhythm.parsed
    first = next_occurrence(rule, rhythm.start, rhythm.start)
    cal = new_calendar()
    ev = icalendar.Event()
    ev.add("uid", f"relj-rhythm-{rhythm.id}@relj")
    ev.add("dtstamp", stamp or dt.datetime.now(dt.UTC).replace(microsecond=0))
    alarm_before = add_when(ev, first, rhythm.time, DEFAULT_DURATION, zone_name=zone_name, local_tz=local_tz)
    ev.add("rrule", ical_rrule(rule, first))
    ev.add("summary", rhythm.name)
    who = and_words([name for _, name, _ in rhythm.members])
    ev.add("description", f"Every {rule.text} with {who} ({rhythm.channel.label}).")
    add_people_and_alarm(ev, [(name, emails[pid]) for pid, name, _ in rhythm.members if pid in emails],
                         rhythm.channel.value, rhythm.name, alarm_before)
    cal.add_component(ev)
    cal.add_missing_timezones(first_date=dt.date(first.year - 1, 1, 1),
                              last_date=dt.date(first.year + ZONE_YEARS, 1, 1))
    return cal.to_ical()


def calendar_for_rhythm(store: Store, rhythm_id: int) -> bytes:
    """The .ics of a rhythm in the journal, in the local zone."""
    from relj.store import rhythms as rhythm_store

    rhythm = rhythm_store.rhythm(store, rhythm_id)
    people = store.people_by_ids([pid for pid, _, _ in rhythm.members])
    emails = {p.id: p.emails[0] for p in people if p.emails}
    return rhythm_calendar(rhythm, emails, zone_name=local_zone_name())
