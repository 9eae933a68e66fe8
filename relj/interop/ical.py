"""iCalendar (.ics) and vCalendar 1.0 (.vcs) files: meetings in as events, plans and birthdays out.

Reading (:func:`parse_ics`) yields one :class:`EventRecord` per occurrence of each VEVENT, a
:class:`BadRecord` for an event that cannot be read, and a :class:`SkippedRecord` for one left
out on purpose ("cancelled", "declined", "birthday", an iTIP reply without a date) or for a
recurring series that was capped (see Recurrence). Other components (VTODO, VFREEBUSY,
VJOURNAL) are ignored. One broken event never loses the others: each VEVENT is parsed on its
own, with the VTIMEZONEs it names. The file is streamed twice and never held whole in memory;
a content line over 1 MiB or an event over 4 MiB is a bad record (:mod:`relj.interop.ical_read`).
What is not a regular file (a FIFO, a device) is refused.

Parties
    ATTENDEE and ORGANIZER addresses (``mailto:`` in any case, a bare address, or Apple's
    ``EMAIL=`` parameter), lower-cased, without the owner's addresses (``me``), rooms and
    resources (``CUTYPE=ROOM/RESOURCE``), Google's system addresses (any ``…calendar.google.com``
    address: shared calendars, holidays, and ``unknownorganizer@calendar.google.com``, the
    organiser of the events Gmail makes from flight and hotel mails), and attendees who
    declined. An event the owner declined is skipped as "declined". The organizer is the
    ``sender``; ``initiator`` is ME when the owner organised it, THEM when someone else did.
    An event with no other party is still yielded (with no parties): the engine decides.

Channel
    See :mod:`relj.interop.ical_channel`: ``X-RELJ-CHANNEL``, then a video link or service,
    then a LOCATION that is a call ("Conference Call", "Dial-in", a phone number) as PHONE,
    then a physical LOCATION as IN_PERSON, then call words, else IN_PERSON.

Dates and times
    A time with a TZID keeps the wall-clock time written for its zone: that is the local time
    of the event, as its calendar shows it. A UTC time (``Z``) is converted to the calendar's
    ``X-WR-TIMEZONE``, else to ``local_tz``, else to this computer's zone. Floating times stay as
    written. All-day events (``VALUE=DATE``, or a date-only value) have no time. Zones are
    found from VTIMEZONE, IANA names, global ids and Windows or Outlook names
    (:mod:`relj.interop.wintz`); they matter to match UTC EXDATE and RECURRENCE-ID values.
    A date outside the years every exporter can write (:func:`relj.clock.check_writable_date`)
    makes a bad record.

Recurrence
    RRULE, RDATE, EXDATE and RECURRENCE-ID overrides are expanded in the event's own zone
    (:mod:`relj.interop.ical_recur`). An override replaces the properties it has for its
    occurrence; with ``RANGE=THISANDFUTURE`` it does so for that occurrence and every later
    one, and moves each of them (RDATEs included) by the shift from its RECURRENCE-ID to its
    DTSTART; a later THISANDFUTURE override takes over from an earlier one. Every occurrence
    dated on or before ``today`` is DONE (at most the latest 2,000 per series); the first one
    after ``today`` is PLANNED; later ones are not yielded. A single event after ``today`` is
    PLANNED. Sub-daily rules (HOURLY and finer) and rules that can never match are not
    expanded. Each file has a budget of occurrences and of work; a series that hits a cap keeps
    its most recent occurrences and is reported by a SkippedRecord whose reason says why.
    ``source_key`` is ``UID/<original start, ISO>`` so that re-imports match, or
    ``sha256:<hash of DTSTART, SUMMARY, attendees>/<start>`` when there is no UID.

``note`` is the SUMMARY (one line, 200 characters), or the start of DESCRIPTION when there is no
summary; ``place`` is the first line of a physical LOCATION; ``duration_min`` comes from DTEND
or DURATION (not for all-day events).
"""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import hashlib
import logging
import math
import re
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import icalendar

from relj.clock import check_writable_date
from relj.domain import Channel, Initiator, Status, normalise_email
from relj.errors import UserError
from relj.interop.ical_channel import infer_channel, is_physical
from relj.interop.ical_read import (
    MAX_FILE_BYTES,
    NOTE_LENGTH,
    Index,
    good_timezones,
    one_line,
    open_calendar,
    params_of,
    read_event,
    scan,
    short,
    text,
    values,
)
from relj.interop.ical_recur import (
    MAX_OCCURRENCES,
    Budget,
    Moment,
    Start,
    as_datetime,
    date_of,
    duration,
    expand,
    localise,
    raw_dt,
    start_of,
)
from relj.interop.ical_write import NO_YEAR, PRODID, IcsBirthday, IcsEvent, write_ics
from relj.interop.records import BadRecord, EventRecord, Party, SkippedRecord
from relj.interop.wintz import resolve_tzid

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_OCCURRENCES",
    "NOTE_LENGTH",
    "NO_YEAR",
    "PRODID",
    "IcsBirthday",
    "IcsEvent",
    "IcsRecord",
    "infer_channel",
    "parse_ics",
    "series_records",
    "write_ics",
]

log = logging.getLogger(__name__)

IcsRecord = EventRecord | BadRecord | SkippedRecord
_UTC = dt.UTC
#: iTIP methods whose events may have no DTSTART (RFC 5546): such an event is no meeting.
_DATELESS_METHODS = {"REPLY", "REFRESH", "DECLINECOUNTER"}
NO_DATE_REPLY = "calendar reply without a date"


# --------------------------------------------------------------------------------------------
# Parties

_EMAIL = re.compile(r"[^@\s<>\"(),;:]+@[^@\s<>\"(),;:]+\.[^@\s<>\"(),;:]+|[^@\s<>\"(),;:]+@[A-Za-z0-9\-]+")
_NOT_PEOPLE = re.compile(
    r"@virtual$|@([\w\-]+\.)*calendar\.google\.com$|calendar-notification@|^noreply@|^no-reply@",
    re.IGNORECASE,
)


def _address(value: Any, params: dict[str, str]) -> str | None:
    address = str(value).strip().strip('"').strip()
    if address.lower().startswith("mailto:"):
        address = address[7:].strip()
    angle = re.search(r"<([^<>]+)>", address)
    if angle:
        address = angle.group(1).strip()
    candidates = [address, params.get("EMAIL", "").strip().strip('"')]
    for candidate in candidates:
        if candidate and _EMAIL.fullmatch(candidate):
            return normalise_email(candidate)
    return None


@dataclass(slots=True)
class _People:
    parties: list[Party]
    organizer: Party | None
    organised_by_me: bool
    me_declined: bool


def _people(comp: Any, me: set[str]) -> _People:
    parties: dict[str, Party] = {}
    organizer: Party | None = None
    organised_by_me = False
    me_declined = False
    entries = [("ORGANIZER", v) for v in values(comp, "ORGANIZER") + values(comp, "X-ORGANIZER")]
    entries += [("ATTENDEE", v) for v in values(comp, "ATTENDEE")]
    for role, value in entries:
        params = params_of(value)
        email = _address(value, params)
        if email is None or _NOT_PEOPLE.search(email):
            continue
        declined = params.get("PARTSTAT", "").upper() == "DECLINED"
        if email in me:
            if role == "ORGANIZER":
                organised_by_me = True
            elif declined:
                me_declined = True
            continue
        if params.get("CUTYPE", "").upper() in ("ROOM", "RESOURCE"):
            continue
        name = one_line(params.get("CN", "").strip().strip('"'), 200)
        if name.lower().removeprefix("mailto:") == email:
            name = ""
        party = parties.get(email) or Party(email=email, name=name)
        party.name = party.name or name
        if role == "ORGANIZER":
            organizer = party
        elif declined:
            continue
        parties[email] = party
    return _People(list(parties.values()), organizer, organised_by_me, me_declined)


# --------------------------------------------------------------------------------------------
# Records


_BIRTHDAY_WORDS = re.compile(
    r"birthday|b-day|geburtstag|anniversaire|cumplea[ñn]os|compleanno|verjaardag|f[öo]delsedag|syntym[äa]p[äa]iv[äa]",
    re.IGNORECASE,
)


def _is_birthday(comp: Any) -> bool:
    if text(comp, "X-RELJ-KIND").strip().lower() == "birthday":
        return True
    if re.search(r"(^|_)BIRTHDAY_", text(comp, "UID")):
        return True
    if "birthday" in text(comp, "CATEGORIES").lower() or "cake" in text(comp, "X-GOOGLE-CALENDAR-CONTENT-ICON"):
        return True
    # A yearly all-day entry called "birthday" is a reminder, not a meeting.
    yearly = any("YEARLY" in str(r.to_ical()) for r in values(comp, "RRULE") if hasattr(r, "to_ical"))
    start = values(comp, "DTSTART")
    all_day = bool(start) and not isinstance(raw_dt(start[0]), dt.datetime)
    return yearly and all_day and bool(_BIRTHDAY_WORDS.search(text(comp, "SUMMARY")))


def _uid_key(comp: Any) -> str:
    uid = text(comp, "UID").strip()
    if uid:
        return uid
    start = values(comp, "DTSTART")
    raw = start[0].to_ical().decode("utf-8", "replace") if start and hasattr(start[0], "to_ical") else ""
    attendees = sorted(str(a).lower() for a in values(comp, "ATTENDEE"))
    digest = hashlib.sha256("\x1f".join([raw, text(comp, "SUMMARY"), *attendees]).encode("utf-8", "replace"))
    return "sha256:" + digest.hexdigest()[:32]


@dataclass(slots=True)
class _Context:
    today: dt.date
    me: set[str]
    display: dt.tzinfo | None
    method: str
    budget: Budget


@dataclass(slots=True)
class _Event:
    index: int  # 1-based, in file order
    lineno: int
    component: Any
    label: str = ""  # how messages name it when it comes from elsewhere than a file's lines

    @property
    def where(self) -> str:
        return self.label or f"event {self.index} (line {self.lineno})"


@dataclass(slots=True)
class _Facts:
    """What one component says, the same for each of its occurrences."""

    cancelled: bool
    people: _People
    channel: Channel
    place: str
    note: str


def _facts(comp: Any, ctx: _Context) -> _Facts:
    location = text(comp, "LOCATION")
    place = ""
    if is_physical(location):
        place = one_line(next((ln for ln in location.splitlines() if ln.strip()), ""))
    return _Facts(
        cancelled=text(comp, "STATUS").strip().upper() == "CANCELLED",
        people=_people(comp, ctx.me),
        channel=infer_channel(comp),
        place=place,
        note=one_line(text(comp, "SUMMARY")) or one_line(text(comp, "DESCRIPTION")),
    )


def _shown(start: Start, moment: Moment, display: dt.tzinfo | None) -> Moment:
    """The moment as the owner's calendar shows it: UTC converted, zoned and floating as written."""
    if not start.utc or not isinstance(moment, dt.datetime):
        return moment
    aware = moment.replace(tzinfo=_UTC)
    shown = aware.astimezone(display) if display is not None else aware.astimezone()
    return shown.replace(tzinfo=None)


def _out_of_range(day: dt.date, where: str) -> str:
    """Why ``day`` cannot be imported, or ""."""
    try:
        check_writable_date(day, where)
    except UserError as exc:
        return str(exc).removeprefix(f"{where}: ")
    return ""


def _record(
    facts: _Facts, start: Start, original: Moment, where: str, uid: str, ctx: _Context, planned: bool, minutes: int | None
) -> IcsRecord:
    if facts.cancelled:
        return SkippedRecord(where, "cancelled")
    if facts.people.me_declined:
        return SkippedRecord(where, "declined")
    shown = _shown(start, start.local, ctx.display)
    refused = _out_of_range(date_of(shown), where)
    if refused:
        return BadRecord(where, refused)
    people = facts.people
    if people.organised_by_me:
        initiator = Initiator.ME
    elif people.organizer is not None:
        initiator = Initiator.THEM
    else:
        initiator = Initiator.UNKNOWN
    return EventRecord(
        where=where,
        source="ics",
        source_key=f"{uid}/{original.isoformat()}",
        occurred_on=date_of(shown),
        channel=facts.channel,
        parties=people.parties,
        occurred_time=shown.strftime("%H:%M") if isinstance(shown, dt.datetime) else None,
        status=Status.PLANNED if planned else Status.DONE,
        initiator=initiator,
        duration_min=minutes,
        place=facts.place,
        note=facts.note,
        sender=people.organizer,
    )


# --------------------------------------------------------------------------------------------
# Series: a master event, its occurrences and its overrides

#: Properties an override does not hand on: the occurrence's own times and the rule.
_OWN_PROPS = {"DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "RRULE", "RDATE", "EXDATE", "EXRULE"}


def _merged(master: Any, override: Any) -> Any:
    """The master with the override's properties in place of its own (times are the override's)."""
    merged = icalendar.Event()
    for key, value in master.items():
        if key not in override and key.upper() not in _OWN_PROPS:
            merged[key] = value
    for key, value in override.items():
        if key.upper() not in ("RRULE", "RDATE", "EXDATE", "EXRULE"):
            merged[key] = value
    return merged


def _in_zone(start: Start, zone: dt.tzinfo | None, all_day: bool) -> Moment:
    """An override's start as a wall-clock time of the series' zone."""
    moment = start.local
    if isinstance(moment, dt.datetime) and start.zone is not None and zone is not None and start.zone != zone:
        moment = moment.replace(tzinfo=start.zone).astimezone(zone).replace(tzinfo=None)
    if all_day and isinstance(moment, dt.datetime):
        return moment.date()
    return moment


@dataclass(slots=True)
class _Change:
    """An override that applies from ``since`` on (RANGE=THISANDFUTURE)."""

    since: Moment
    shift: dt.timedelta
    event: _Event
    minutes: int | None
    has_start: bool


@dataclass(slots=True)
class _Occurrence:
    original: Moment
    start: Start
    comp: Any
    minutes: int | None
    where: str


def _sequence(comp: Any) -> int:
    try:
        return int(str(text(comp, "SEQUENCE")).strip() or 0)
    except ValueError:
        return 0


class _Series:
    def __init__(self, master: _Event, overrides: list[_Event], start: Start, ctx: _Context) -> None:
        self.master = master
        self.start = start
        self.ctx = ctx
        self.all_day = not isinstance(start.local, dt.datetime)
        self.recurring = bool(values(master.component, "RRULE") or values(master.component, "RDATE"))
        self.minutes = duration(master.component, start)
        self.singles: dict[Moment, _Event] = {}
        changes: list[tuple[dt.datetime, int, int, _Change]] = []
        for item in overrides:
            rid = values(item.component, "RECURRENCE-ID")
            key = localise(raw_dt(rid[0]), start.zone, self.all_day, start.local) if rid else None
            if key is None:
                continue
            if params_of(rid[0]).get("RANGE", "").upper() != "THISANDFUTURE":
                self.singles[key] = item
                continue
            new = start_of(item.component)
            moved = _in_zone(new, start.zone, self.all_day) if new is not None else key
            shift = as_datetime(moved) - as_datetime(key)
            if self.all_day:
                shift = dt.timedelta(days=shift.days)
            minutes = duration(item.component, new) if new is not None else None
            change = _Change(key, shift, item, minutes, new is not None)
            changes.append((as_datetime(key), _sequence(item.component), item.index, change))
        changes.sort(key=lambda c: c[:3])
        self.changes = [c[3] for c in changes]
        self.since = [c[0] for c in changes]
        self.merged: dict[tuple[int, int], Any] = {}

    def comp_of(self, item: _Event, base: _Event | None = None) -> Any:
        """The override's properties over those of ``base`` (a THISANDFUTURE change) or the master."""
        key = (item.index, base.index if base is not None else 0)
        if key not in self.merged:
            under = self.comp_of(base) if base is not None else self.master.component
            self.merged[key] = _merged(under, item.component)
        return self.merged[key]

    def change_at(self, original: Moment) -> _Change | None:
        """The THISANDFUTURE override in force at ``original``: the latest one at or before it."""
        at = bisect.bisect_right(self.since, as_datetime(original)) - 1
        return self.changes[at] if at >= 0 else None

    def occurrence(self, original: Moment) -> _Occurrence:
        start = self.start
        where = f"{self.master.where} on {date_of(original).isoformat()}" if self.recurring else self.master.where
        single = self.singles.pop(original, None)
        if single is not None:
            return self._single(original, single, where)
        change = self.change_at(original)
        if change is not None:
            moved = as_datetime(original) + change.shift
            local: Moment = moved.date() if self.all_day else moved
            minutes = change.minutes if change.has_start else self.minutes
            return _Occurrence(original, Start(local, start.zone, start.utc), self.comp_of(change.event), minutes, where)
        return _Occurrence(original, Start(original, start.zone, start.utc), self.master.component, self.minutes, where)

    def _single(self, original: Moment, item: _Event, where: str) -> _Occurrence:
        change = self.change_at(original)
        comp = self.comp_of(item, change.event if change is not None else None)
        o_start = start_of(item.component)
        if o_start is None:
            return _Occurrence(original, Start(original, self.start.zone, self.start.utc), comp, self.minutes, where)
        return _Occurrence(original, o_start, comp, duration(item.component, o_start), where)

    def slack(self) -> int:
        """Days an override may move an occurrence: how far past today originals are needed."""
        return max((math.ceil(abs(c.shift.total_seconds()) / 86400) for c in self.changes), default=0)


def _series(master: _Event, overrides: list[_Event], ctx: _Context) -> Iterator[IcsRecord]:
    comp = master.component
    where = master.where
    if ctx.method == "CANCEL" or text(comp, "STATUS").strip().upper() == "CANCELLED":
        yield SkippedRecord(where, "cancelled")
        return
    if _is_birthday(comp):
        yield SkippedRecord(where, "birthday")
        return
    start = start_of(comp)
    if start is None:
        if not values(comp, "DTSTART") and ctx.method in _DATELESS_METHODS:
            yield SkippedRecord(where, NO_DATE_REPLY)
        else:
            yield BadRecord(where, "no start date" if not values(comp, "DTSTART") else "unreadable start date")
        return
    refused = _out_of_range(date_of(start.local), where)
    if refused:
        yield BadRecord(where, refused)
        return
    uid = _uid_key(comp)
    series = _Series(master, overrides, start, ctx)
    originals: list[Moment]
    if series.recurring:
        expansion = expand(comp, start, ctx.today + dt.timedelta(days=series.slack()), ctx.budget)
        for reason in dict.fromkeys([*expansion.notes, *([expansion.capped] if expansion.capped else [])]):
            log.info("event %d: %s", master.index, reason)
            yield SkippedRecord(where, reason)
        originals = expansion.past + ([expansion.later] if expansion.later is not None else [])
    else:
        originals = [start.local]
    facts: dict[int, _Facts] = {}
    past: list[_Occurrence] = []
    planned: _Occurrence | None = None
    first_date = date_of(originals[0]) if originals else None
    for original in originals:
        occ = series.occurrence(original)
        if date_of(_shown(occ.start, occ.start.local, ctx.display)) <= ctx.today:
            past.append(occ)
        elif planned is None or as_datetime(occ.start.local) < as_datetime(planned.start.local):
            planned = occ
    for occ, is_planned in [*((o, False) for o in past), *([(planned, True)] if planned else [])]:
        key = id(occ.comp)
        if key not in facts:
            facts[key] = _facts(occ.comp, ctx)
        yield _record(facts[key], occ.start, occ.original, occ.where, uid, ctx, is_planned, occ.minutes)
    # Overrides of occurrences not generated above (moved in from elsewhere, or beyond the rule).
    for original, item in sorted(series.singles.items(), key=lambda kv: as_datetime(kv[0])):
        if first_date is not None and date_of(original) < first_date:
            continue  # older than the occurrences kept
        o_start = start_of(item.component) or Start(original, start.zone, start.utc)
        if date_of(_shown(o_start, o_start.local, ctx.display)) > ctx.today:
            continue
        change = series.change_at(original)
        o_comp = series.comp_of(item, change.event if change is not None else None)
        yield _record(
            _facts(o_comp, ctx), o_start, original, item.where, uid, ctx, False, duration(item.component, o_start)
        )


# --------------------------------------------------------------------------------------------
# The file


def _read(fh: BinaryIO, index: Index, i: int) -> tuple[_Event | None, IcsRecord | None]:
    comp, error = read_event(fh, index, i)
    event = _Event(i + 1, index.linenos[i], comp)
    if comp is None:
        log.debug("event %d could not be read", i + 1)
        return None, BadRecord(event.where, f"cannot read event: {error}")
    return event, None


def _context(index: Index, i: int, today: dt.date, me: set[str], local_tz: dt.tzinfo | None, budget: Budget) -> _Context:
    calendar = index.calendar_list[index.calendars[i]]
    display = resolve_tzid(calendar.wr_timezone) if calendar.wr_timezone else None
    return _Context(today, me, display or local_tz, calendar.method.strip().upper(), budget)


def _records(
    fh: BinaryIO, index: Index, today: dt.date, me: set[str], local_tz: dt.tzinfo | None
) -> Iterator[IcsRecord]:
    first: dict[int, int] = {}  # UID key -> the first copy of the event (its place in the output)
    latest: dict[int, int] = {}  # UID key -> the copy that wins (highest SEQUENCE, then the last)
    overrides: dict[int, list[int]] = collections.defaultdict(list)
    for i in range(len(index)):
        key = index.keys.get(i)
        if key is None:
            continue
        if i in index.overrides:
            overrides[key].append(i)
        elif key not in first:
            first[key] = latest[key] = i
        elif index.sequences.get(i, 0) >= index.sequences.get(latest[key], 0):
            latest[key] = i  # an updated copy of the same event (iTIP REQUEST): the latest wins
    budget = Budget()
    for i in range(len(index)):
        key = index.keys.get(i)
        if key is not None and key in first and (i in index.overrides or first[key] != i):
            continue  # read with its master
        chosen = latest[key] if key is not None and key in first else i
        master, bad = _read(fh, index, chosen)
        items: list[_Event] = []
        own = overrides.get(key, []) if key is not None and key in first else []
        for j in own:
            item, item_bad = _read(fh, index, j)
            if item_bad is not None:
                yield item_bad
            elif item is not None:
                items.append(item)
        if master is None:
            assert bad is not None
            yield bad
            masters, items = items, []  # the overrides are events of their own
        else:
            masters = [master]
        for event in masters:
            ctx = _context(index, event.index - 1, today, me, local_tz, budget)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    yield from _series(event, items, ctx)
            except Exception as exc:  # one event's absurd values must not end the import
                log.debug("event %d could not be read: %s", event.index, type(exc).__name__)
                yield BadRecord(event.where, f"cannot read event: {short(exc)}")


def series_records(
    master: Any, overrides: Sequence[tuple[Any, str]], *, where: str, index: int, today: dt.date, me: set[str],
    budget: Budget, local_tz: dt.tzinfo | None = None,
) -> Iterator[IcsRecord]:
    """The records of one VEVENT already parsed (from another program's store, such as Thunderbird's
    calendar) and its RECURRENCE-ID overrides, each with how messages name it: the rules of
    :func:`parse_ics` (parties, channel, recurrence, cancelled, declined, birthdays), one ``budget``
    for all the events of one store. ``me``: lower-cased addresses."""
    ctx = _Context(today, me, local_tz, "", budget)
    event = _Event(index, 0, master, where)
    # Distinct numbers: a series tells its overrides apart by them (see _Series.comp_of).
    items = [_Event(index + n, 0, comp, label) for n, (comp, label) in enumerate(overrides, 1)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield from _series(event, items, ctx)
    except Exception as exc:  # one event's absurd values must not end the import
        log.debug("event %d could not be read: %s", index, type(exc).__name__)
        yield BadRecord(where, f"cannot read event: {short(exc)}")


def parse_ics(
    path: Path, *, today: dt.date, me: set[str], local_tz: dt.tzinfo | None = None,
    spans: Sequence[tuple[int, int | None]] | None = None,
) -> Iterator[EventRecord | BadRecord | SkippedRecord]:
    """Read an .ics or .vcs file: see the module docstring for the rules. ``spans``: only these
    byte ranges, read as if they were the file (see :func:`relj.interop.ical_read.scan`).

    Raises:
        UserError: the file cannot be read, or is not a calendar at all.
    """
    path = Path(path)
    with open_calendar(path) as fh:
        index = scan(fh, path, spans)
        good_timezones(index)
        log.info("calendar file: %d events found", len(index))
        me = {normalise_email(m) for m in me}
        try:
            yield from _records(fh, index, today, me, local_tz)
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
