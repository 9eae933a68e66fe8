"""One plan as an iCalendar event (``relj plan --ics``, the GUI's "Add to calendar…").

A plan with a time starts at that local time in the local zone, written with its IANA ``TZID``
and a VTIMEZONE; when the local zone has no IANA name, the time is converted to UTC (``Z``). A
time is never floating: a calendar in another zone would move the meeting. A plan without a time
is an all-day event. Attendees are the people's first addresses; a VALARM reminds before it; the
talking points go into DESCRIPTION. The UID is the one ``relj export ics`` gives the plan, so a
calendar that sends the file back adds nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import time as timemod
import zoneinfo
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import icalendar

from relj import __version__
from relj.domain import Interaction, Person
from relj.plans import TalkingPoint

if TYPE_CHECKING:
    from relj.store import Store

PRODID = f"-//relj//relj {__version__}//EN"
#: A timed plan without a duration lasts this long; the reminder comes this long before it.
DEFAULT_DURATION = dt.timedelta(minutes=60)
TIMED_ALARM = dt.timedelta(hours=-1)
#: An all-day plan's reminder: 9:00 the day before.
ALL_DAY_ALARM = dt.timedelta(hours=-15)
_UTC_NAMES = {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu"}


def _valid_zone(name: str) -> bool:
    if not name or name.startswith("/") or ".." in name:
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _from_path(path: str) -> str | None:
    marker = "zoneinfo/"
    if marker not in path:
        return None
    name = path.split(marker, 1)[1]
    for prefix in ("posix/", "right/"):
        name = name.removeprefix(prefix)
    return name if _valid_zone(name) else None


def local_zone_name() -> str | None:
    """The IANA name of the local time zone, or None when it has none.

    ``TZ`` wins when set (a name, or a path into a zoneinfo folder; a POSIX rule such as
    ``CET-1CEST`` has no name). Otherwise /etc/localtime's link target or /etc/timezone (Linux,
    macOS), then the Windows zone name through CLDR's table.
    """
    tz = os.environ.get("TZ")
    if tz is not None:
        name = tz.removeprefix(":")
        if "/" in name and "zoneinfo/" in name:
            return _from_path(name)
        return name if _valid_zone(name) else None
    try:
        found = _from_path(os.path.realpath("/etc/localtime"))
        if found:
            return found
    except OSError:
        pass
    try:
        name = Path("/etc/timezone").read_text(encoding="utf-8").strip()
        if _valid_zone(name):
            return name
    except (OSError, UnicodeDecodeError):
        pass
    if os.name == "nt":  # pragma: no cover - Windows only
        from relj.interop.wintz import WINDOWS_TO_IANA

        name = WINDOWS_TO_IANA.get(timemod.tzname[0], "")
        return name if _valid_zone(name) else None
    return None


def _summary(plan: Interaction) -> str:
    if plan.note.strip():
        return plan.note.strip().splitlines()[0]
    names = [p.name for p in plan.participants]
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{plan.channel.label.capitalize()} with {who}"


def _description(plan: Interaction, points: Sequence[TalkingPoint], people: dict[int, str]) -> str:
    parts: list[str] = []
    if plan.note.strip():
        parts.append(plan.note.strip())
    if points:
        several = len({t.person_id for t in points}) > 1
        lines = [f"- {t.text}" + (f" ({people.get(t.person_id, '')})" if several else "") for t in points]
        parts.append("Talking points:\n" + "\n".join(lines))
    return "\n\n".join(parts)


def plan_calendar(
    plan: Interaction,
    people: Sequence[Person],
    points: Sequence[TalkingPoint] = (),
    *,
    organizer: tuple[str, str] | None = None,
    zone_name: str | None = None,
    local_tz: dt.tzinfo | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """The plan as a VCALENDAR with one VEVENT (and its VTIMEZONE).

    ``zone_name`` is the local zone's IANA name (local_zone_name()); without one a timed plan is
    written in UTC, converted from ``local_tz`` (default: the system's local time for that day).
    ``organizer`` is my (name, email) when I have an address.
    """
    cal = new_calendar()
    ev = icalendar.Event()
    ev.add("uid", f"relj-interaction-{plan.id}@relj")
    ev.add("dtstamp", stamp or dt.datetime.now(dt.UTC).replace(microsecond=0))
    duration = dt.timedelta(minutes=plan.duration_min) if plan.duration_min else DEFAULT_DURATION
    alarm_before = add_when(ev, plan.occurred_on, plan.occurred_time, duration, zone_name=zone_name,
                            local_tz=local_tz)
    summary = _summary(plan)
    ev.add("summary", summary)
    names = {p.id: p.display_name for p in people}
    description = _description(plan, points, names)
    if description:
        ev.add("description", description)
    if plan.place.strip():
        ev.add("location", plan.place.strip())
    if organizer is not None and organizer[1]:
        org = icalendar.vCalAddress(f"mailto:{organizer[1]}")
        if organizer[0]:
            org.params["CN"] = organizer[0]
        ev.add("organizer", org, encode=False)
    add_people_and_alarm(ev, [(p.display_name, p.emails[0]) for p in people if p.emails], plan.channel.value,
                         summary, alarm_before)
    cal.add_component(ev)
    # The zone's rules around the plan's day only: a VTIMEZONE from 1970 is 4 KB of RDATEs.
    cal.add_missing_timezones(first_date=dt.date(plan.occurred_on.year - 1, 1, 1),
                              last_date=dt.date(plan.occurred_on.year + 2, 1, 1))
    return cal.to_ical()



def new_calendar() -> icalendar.Calendar:
    """An empty VCALENDAR as relj writes them."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    return cal


def add_when(ev: icalendar.Event, day: dt.date, time: str | None, duration: dt.timedelta, *,
             zone_name: str | None, local_tz: dt.tzinfo | None) -> dt.timedelta:
    """DTSTART and DTEND of an event on ``day``: at ``time`` (HH:MM) with a TZID when the local zone
    has an IANA name, in UTC otherwise (never floating); all day without a time. Its alarm's lead."""
    if not time:
        ev.add("dtstart", day)
        ev.add("dtend", day + dt.timedelta(days=1))
        ev.add("transp", "TRANSPARENT")
        return ALL_DAY_ALARM
    hour, minute = (int(x) for x in time.split(":"))
    naive = dt.datetime.combine(day, dt.time(hour, minute))
    if zone_name and zone_name not in _UTC_NAMES:
        start = naive.replace(tzinfo=zoneinfo.ZoneInfo(zone_name))
    elif zone_name:  # the local zone is UTC itself
        start = naive.replace(tzinfo=dt.UTC)
    else:  # no IANA name: the local time for that day, in UTC
        local = naive.replace(tzinfo=local_tz) if local_tz is not None else naive.astimezone()
        start = local.astimezone(dt.UTC)
    ev.add("dtstart", start)
    ev.add("dtend", start + duration)
    return TIMED_ALARM


def add_people_and_alarm(ev: icalendar.Event, attendees: Sequence[tuple[str, str]], channel: str,
                         reminder: str, before: dt.timedelta) -> None:
    """The attendees (name, address), relj's channel and a display alarm ``before`` the start."""
    for name, email in attendees:
        address = icalendar.vCalAddress(f"mailto:{email}")
        address.params["CN"] = name
        address.params["ROLE"] = "REQ-PARTICIPANT"
        address.params["PARTSTAT"] = "NEEDS-ACTION"
        ev.add("attendee", address, encode=False)
    ev.add("x-relj-channel", channel)
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", reminder)
    alarm.add("trigger", before)
    ev.add_component(alarm)

def calendar_for_plan(store: Store, plan_id: int) -> bytes:
    """The .ics of a plan in the journal: its people, their open talking points, me as organizer,
    in the local zone (the CLI's --ics and the GUI's "Add to calendar…" write these bytes)."""
    from relj.store import plans as plan_store

    plan = plan_store.interaction(store, plan_id)
    ids = [p.id for p in plan.participants]
    owner = store.owner()
    organizer = (owner.name, owner.emails[0]) if owner.emails else None
    return plan_calendar(plan, store.people_by_ids(ids), plan_store.open_points_for_people(store, ids),
                         organizer=organizer, zone_name=local_zone_name())
