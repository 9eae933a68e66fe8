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
import zoneinfo
from typing import TYPE_CHECKING

import icalendar

from relj.interop.plan_ics import _UTC_NAMES, ALL_DAY_ALARM, DEFAULT_DURATION, PRODID, TIMED_ALARM, local_zone_name
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
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    ev = icalendar.Event()
    ev.add("uid", f"relj-rhythm-{rhythm.id}@relj")
    ev.add("dtstamp", stamp or dt.datetime.now(dt.UTC).replace(microsecond=0))
    if rhythm.time:
        hour, minute = (int(x) for x in rhythm.time.split(":"))
        naive = dt.datetime.combine(first, dt.time(hour, minute))
        if zone_name and zone_name not in _UTC_NAMES:
            start = naive.replace(tzinfo=zoneinfo.ZoneInfo(zone_name))
        elif zone_name:
            start = naive.replace(tzinfo=dt.UTC)
        else:
            local = naive.replace(tzinfo=local_tz) if local_tz is not None else naive.astimezone()
            start = local.astimezone(dt.UTC)
        ev.add("dtstart", start)
        ev.add("dtend", start + DEFAULT_DURATION)
        alarm_before = TIMED_ALARM
    else:
        ev.add("dtstart", first)
        ev.add("dtend", first + dt.timedelta(days=1))
        ev.add("transp", "TRANSPARENT")
        alarm_before = ALL_DAY_ALARM
    ev.add("rrule", ical_rrule(rule, first))
    ev.add("summary", rhythm.name)
    who = and_words([name for _, name, _ in rhythm.members])
    ev.add("description", f"Every {rule.text} with {who} ({rhythm.channel.label}).")
    for pid, name, _ in rhythm.members:
        if pid not in emails:
            continue
        address = icalendar.vCalAddress(f"mailto:{emails[pid]}")
        address.params["CN"] = name
        address.params["ROLE"] = "REQ-PARTICIPANT"
        address.params["PARTSTAT"] = "NEEDS-ACTION"
        ev.add("attendee", address, encode=False)
    ev.add("x-relj-channel", rhythm.channel.value)
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", rhythm.name)
    alarm.add("trigger", alarm_before)
    ev.add_component(alarm)
    cal.add_component(ev)
    cal.add_missing_timezones(first_date=dt.date(first.year - 1, 1, 1),
                              last_date=dt.date(first.year + ZONE_YEARS, 1, 1))
    return cal.to_ical()


def calendar_for_rhythm(store: Store, rhythm_id: int) -> bytes:
    """The .ics of a rhythm in the journal, in the local zone."""
    from relj.store import rhythms as rq

    rhythm = rq.rhythm(store, rhythm_id)
    people = store.people_by_ids([pid for pid, _, _ in rhythm.members])
    emails = {p.id: p.emails[0] for p in people if p.emails}
    return rhythm_calendar(rhythm, emails, zone_name=local_zone_name())
