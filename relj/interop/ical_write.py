"""Writing iCalendar: planned interactions as events, birthdays as yearly all-day events."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import BinaryIO

import icalendar

from relj.clock import check_writable_date
from relj.domain import Channel
from relj.errors import UserError

log = logging.getLogger(__name__)

PRODID = "-//relj//relj//EN"
#: Year-less birthdays are written in this leap year, as Apple does.
NO_YEAR = 1604


@dataclass(slots=True)
class IcsEvent:
    """A planned interaction to export as a VEVENT."""

    uid: str
    date: dt.date
    time: str | None  # "HH:MM" local (floating) time; None for an all-day entry
    duration_min: int | None
    summary: str
    description: str = ""
    location: str = ""
    attendees: list[tuple[str, str]] = field(default_factory=list)  # (name, email)
    channel: Channel | None = None  # written as X-RELJ-CHANNEL so that a re-import keeps it


@dataclass(slots=True)
class IcsBirthday:
    """A birthday to export as a yearly all-day VEVENT."""

    uid: str
    name: str
    month: int
    day: int
    year: int | None = None


def _time(value: str) -> dt.time | None:
    try:
        return dt.time.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        return None


def _writable(day: dt.date, where: str) -> bool:
    try:
        check_writable_date(day, where)
    except UserError:
        return False
    return True


def write_ics(events: Iterable[IcsEvent], birthdays: Iterable[IcsBirthday], out: BinaryIO) -> int:
    """Write planned interactions and birthdays as one VCALENDAR; return the number of VEVENTs.

    Times are floating (the journal keeps local times, without zone). Birthdays repeat yearly as
    all-day events; one whose year is unknown starts in 1604, as Apple's calendar does, and 29
    February falls on the last day of February in other years. A plan dated in a year no
    calendar can take (see :func:`relj.clock.check_writable_date`; only an old journal can hold
    one) is left out and logged; a birthday with such a year is written without its year.
    """
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    count = 0
    left_out = 0
    for item in events:
        if not _writable(item.date, item.uid):
            left_out += 1
            continue
        ev = icalendar.Event()
        ev.add("uid", item.uid)
        ev.add("dtstamp", stamp)
        at = _time(item.time) if item.time else None
        if at is not None:
            ev.add("dtstart", dt.datetime.combine(item.date, at.replace(second=0, microsecond=0)))
            if item.duration_min and 0 < item.duration_min <= 14 * 24 * 60:
                ev.add("duration", dt.timedelta(minutes=item.duration_min))
        else:
            ev.add("dtstart", item.date)
            ev.add("dtend", item.date + dt.timedelta(days=1))
        ev.add("summary", item.summary)
        if item.description:
            ev.add("description", item.description)
        if item.location:
            ev.add("location", item.location)
        for name, email in item.attendees:
            if not email:
                continue
            address = icalendar.vCalAddress(f"mailto:{email}")
            if name:
                address.params["CN"] = name
            address.params["ROLE"] = "REQ-PARTICIPANT"
            ev.add("attendee", address, encode=False)
        if item.channel is not None:
            ev.add("x-relj-channel", item.channel.value)
        cal.add_component(ev)
        count += 1
    if left_out:
        log.warning("export ics: %d planned interactions left out (dates no calendar can hold)", left_out)
    for bday in birthdays:
        ev = icalendar.Event()
        ev.add("uid", bday.uid)
        ev.add("dtstamp", stamp)
        year = bday.year if bday.year is not None else NO_YEAR
        if year != NO_YEAR and not _writable(dt.date(year, 1, 1), bday.uid):
            year = NO_YEAR  # a year no calendar can take: written as a birthday without a year
        leap_day = (bday.month, bday.day) == (2, 29)
        try:
            start = dt.date(year, bday.month, bday.day)
        except ValueError:
            start = dt.date(NO_YEAR, bday.month, bday.day)  # 29 Feb of a non-leap year: keep the day
        ev.add("dtstart", start)
        ev.add("dtend", start + dt.timedelta(days=1))
        if leap_day:
            ev.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 2, "BYMONTHDAY": -1})
        else:
            ev.add("rrule", {"FREQ": "YEARLY"})
        ev.add("summary", f"Birthday: {bday.name}")
        ev.add("transp", "TRANSPARENT")
        ev.add("x-relj-kind", "birthday")
        cal.add_component(ev)
        count += 1
    try:
        out.write(cal.to_ical())
    except OSError as exc:
        raise UserError(f"cannot write the calendar: {exc.strerror or exc}") from None
    return count
