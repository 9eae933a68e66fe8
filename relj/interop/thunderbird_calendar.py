"""Thunderbird's local calendar store (``calendar-data/local.sqlite`` in a profile) in, as meetings.

The store is read from a private copy (:mod:`relj.store.foreign`), never written. Each event row
(table ``cal_events``; its exceptions are rows with the same id and a ``recurrence_id``) becomes
the VEVENT it stands for, which then goes through the very rules of the .ics importer
(:func:`relj.interop.ical.series_records`): parties from the ATTENDEE and ORGANIZER lines that
``cal_attendees`` keeps as iCalendar text, the channel from LOCATION, DESCRIPTION and URL
(``cal_properties``), recurrence from the RRULE, RDATE and EXDATE lines of ``cal_recurrence``
(expanded by :mod:`relj.interop.ical_recur`), cancelled, declined and birthday events skipped,
past occurrences done and the next one planned.

Times are microseconds since 1970 (UTC) with a zone column: an IANA or other zone name gives
the wall-clock time in that zone (as the calendar shows it), ``UTC`` a UTC time, ``floating``
(or nothing) the time as written; a zone Thunderbird stored as a whole VTIMEZONE, or one relj
cannot name, is read as UTC. The all-day flag makes dates. Records are keyed as the .ics
importer keys them (``UID/<original start>``, source ``ics``), so an event already imported
from an .ics export of the same calendar is recognised, not added twice. Events deleted while
offline are left out; tasks (``cal_todos``) are not meetings and are not read.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from relj.domain import normalise_email
from relj.interop.ical import IcsRecord, series_records
from relj.interop.ical_read import MAX_EVENT_BYTES, MAX_LINE_BYTES, _from_ical, clean, short
from relj.interop.ical_recur import Budget
from relj.interop.records import BadRecord
from relj.interop.wintz import resolve_tzid
from relj.store.foreign import TB_WHAT, TbItem, check_sqlite_file, thunderbird_events

__all__ = ["parse_thunderbird_calendar"]

log = logging.getLogger(__name__)

#: CAL_ITEM_FLAG in Thunderbird's calStorageHelpers.
FLAG_ALLDAY = 8
FLAG_RECURRENCE_ID_ALLDAY = 512
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_FOLD = re.compile(r"\r?\n[ \t]")
#: Properties that cal_events holds in columns, or that relj never uses (and may be huge).
_NOT_FROM_PROPERTIES = {"UID", "SUMMARY", "STATUS", "DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "RRULE",
                        "RDATE", "EXDATE", "EXRULE", "ATTENDEE", "ORGANIZER", "ATTACH", "X-ALT-DESC",
                        "BEGIN", "END"}
#: Properties whose value is free text: written escaped, as iCalendar text is.
_RAW_PROPERTIES = {"URL", "SEQUENCE", "CATEGORIES", "TRANSP", "CLASS", "PRIORITY", "GEO", "CREATED",
                   "LAST-MODIFIED", "DTSTAMP"}
_NAME = re.compile(r"[A-Z0-9\-]+")


def _escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _time(name: str, micros: int | None, tz: str, all_day: bool) -> str | None:
    """One content line for a time column, or None when there is none."""
    if micros is None or micros == 0:  # Thunderbird reads 0 as "no time" too
        return None
    instant = _EPOCH + dt.timedelta(microseconds=micros)  # OverflowError: the caller's bad record
    zone_name = tz.strip()
    if zone_name.lower() in ("", "floating"):
        local = instant.replace(tzinfo=None)
        return f"{name};VALUE=DATE:{local:%Y%m%d}" if all_day else f"{name}:{local:%Y%m%dT%H%M%S}"
    zone = None
    if zone_name.upper() not in ("UTC", "Z", "GMT") and not zone_name.upper().startswith("BEGIN:"):
        zone = resolve_tzid(zone_name)
    if zone is None:  # UTC, a zone stored as a whole VTIMEZONE, or one relj cannot name: UTC
        return f"{name};VALUE=DATE:{instant:%Y%m%d}" if all_day else f"{name}:{instant:%Y%m%dT%H%M%SZ}"
    local = instant.astimezone(zone)
    if all_day:
        return f"{name};VALUE=DATE:{local:%Y%m%d}"
    tzid = zone_name.replace('"', "")
    return f'{name};TZID="{tzid}":{local:%Y%m%dT%H%M%S}' if re.search(r"[;:,]", tzid) else \
        f"{name};TZID={tzid}:{local:%Y%m%dT%H%M%S}"


def _lines(item: TbItem) -> list[str]:
    """The VEVENT that one cal_events row stands for, as repaired content lines."""
    all_day = bool(item.flags & FLAG_ALLDAY)
    raw = [f"UID:{_one_line(item.id)}"]
    if item.title:
        raw.append(f"SUMMARY:{_escape(item.title)}")
    if item.status.strip():
        raw.append(f"STATUS:{_one_line(item.status)}")
    for line in (
        _time("DTSTART", item.start, item.start_tz, all_day),
        _time("DTEND", item.end, item.end_tz, all_day),
        _time("RECURRENCE-ID", item.recurrence_id, item.recurrence_id_tz, bool(item.flags & FLAG_RECURRENCE_ID_ALLDAY)),
    ):
        if line is not None:
            raw.append(line)
    for text in [*item.attendees, *item.recurrence]:
        line = _FOLD.sub("", text).strip()
        head = re.split(r"[;:]", line, maxsplit=1)[0].upper()
        if head in ("ATTENDEE", "ORGANIZER", "RRULE", "RDATE", "EXDATE", "EXRULE"):
            raw.append(line.replace("\r", "").replace("\n", ""))
    for key, value in item.properties:
        key = key.strip().upper()
        if not _NAME.fullmatch(key) or key in _NOT_FROM_PROPERTIES:
            continue
        raw.append(f"{key}:{_one_line(value) if key in _RAW_PROPERTIES else _escape(value)}")
    out = ["BEGIN:VEVENT"]
    for line in raw:
        if len(line.encode("utf-8", "replace")) > MAX_LINE_BYTES:
            continue  # as the .ics reader does with a line over its bound
        cleaned = clean(line)
        if cleaned is not None:
            out.append(cleaned)
    out.append("END:VEVENT")
    return out


def _component(item: TbItem) -> tuple[object | None, str]:
    """(the parsed VEVENT, "") or (None, why it cannot be read)."""
    try:
        lines = _lines(item)
    except (OverflowError, ValueError) as exc:
        return None, f"a time out of range ({short(exc)})"
    if sum(len(x) for x in lines) > MAX_EVENT_BYTES:
        return None, f"event too large (over {MAX_EVENT_BYTES // 2**20} MiB)"
    try:
        parsed = _from_ical(lines)
    except Exception as exc:  # icalendar's errors are plain ValueErrors and worse
        return None, short(exc)
    found = [c for c in parsed.subcomponents if getattr(c, "name", "") == "VEVENT"]
    return (found[0], "") if found else (None, "empty event")


def _records(path: Path, today: dt.date, me: set[str], local_tz: dt.tzinfo | None) -> Iterator[IcsRecord]:
    budget = Budget()
    events = bad = 0
    for index, (master, exceptions) in enumerate(thunderbird_events(path), 1):
        where = f"event {index}"
        comp, error = _component(master)
        if comp is None:
            bad += 1
            yield BadRecord(where, f"cannot read event: {error}")
            continue
        overrides = []
        for n, exception in enumerate(exceptions, 1):
            o_where = f"event {index}, changed occurrence {n}"
            o_comp, o_error = _component(exception)
            if o_comp is None:
                bad += 1
                yield BadRecord(o_where, f"cannot read event: {o_error}")
            else:
                overrides.append((o_comp, o_where))
        events += 1
        yield from series_records(comp, overrides, where=where, index=index, today=today, me=me, budget=budget,
                                  local_tz=local_tz)
    log.info("thunderbird calendar read: %d events, %d unreadable", events, bad)


def parse_thunderbird_calendar(
    path: Path, *, today: dt.date, me: set[str], local_tz: dt.tzinfo | None = None
) -> Iterator[IcsRecord]:
    """Read a Thunderbird calendar store: see the module docstring.

    Raises:
        UserError: the file is missing, not an SQLite database, or not a Thunderbird calendar store
            (the first two at once, the last when the records are read).
    """
    path = Path(path)
    check_sqlite_file(path, TB_WHAT)
    return _records(path, today, {normalise_email(m) for m in me} - {""}, local_tz)
