"""iCalendar (.ics) and vCalendar 1.0 (.vcs) files: meetings in as events, plans and birthdays out.

Reading (:func:`parse_ics`) yields one :class:`EventRecord` per occurrence of each VEVENT, a
:class:`BadRecord` for an event that cannot be read, and a :class:`SkippedRecord` for one left
out on purpose ("cancelled", "declined", "birthday"). Other components (VTODO, VFREEBUSY,
VJOURNAL) are ignored. One broken event never loses the others: when the icalendar package
refuses a calendar, every VEVENT is parsed again on its own, with the VTIMEZONEs that parse.

Parties
    ATTENDEE and ORGANIZER addresses (``mailto:`` in any case, a bare address, or Apple's
    ``EMAIL=`` parameter), lower-cased, without the owner's addresses (``me``), rooms and
    resources (``CUTYPE=ROOM/RESOURCE``), Google's fake calendar addresses, and attendees who
    declined. An event the owner declined is skipped as "declined". The organizer is the
    ``sender``; ``initiator`` is ME when the owner organised it, THEM when someone else did.
    An event with no other party is still yielded (with no parties): the engine decides.

Channel, first rule that applies
    1. ``X-RELJ-CHANNEL`` (written by :func:`write_ics`) names the channel.
    2. VIDEO: a video-meeting link (Zoom, Google Meet, Teams, Webex, Whereby, Jitsi,
       GoToMeeting, BlueJeans, FaceTime, Skype, Nextcloud Talk ``/call/`` ...) in LOCATION,
       DESCRIPTION, URL, CONFERENCE (RFC 7986) or the Microsoft/Google meeting-URL
       properties; a CONFERENCE with ``FEATURE=VIDEO``; or a LOCATION that names a video
       service ("Microsoft Teams Meeting", "Zoom").
    3. IN_PERSON: a LOCATION that is a physical place (not empty, not a URL, not a phone number).
    4. PHONE: a phone number as LOCATION, a ``tel:`` CONFERENCE or one with ``FEATURE=PHONE``,
       or a call word in SUMMARY or DESCRIPTION ("call", "phone", "ring", "anruf", "telefon",
       "appel", "llamada", ...).
    5. Otherwise IN_PERSON: a calendar entry with no clue at all is most often a meeting.

Dates and times
    A time with a TZID keeps the wall-clock time written for its zone: that is the local time
    of the event, as its calendar shows it. A UTC time (``Z``) is converted to the calendar's
    ``X-WR-TIMEZONE``, else to ``local_tz``, else to this computer's zone. Floating times stay as
    written. All-day events (``VALUE=DATE``, or a date-only value) have no time. Zones are
    found from VTIMEZONE, IANA names, global ids and Windows or Outlook names
    (:mod:`relj.interop.wintz`); they matter to match UTC EXDATE and RECURRENCE-ID values.

Recurrence
    RRULE, RDATE, EXDATE and RECURRENCE-ID overrides are expanded in the event's own zone.
    Every occurrence dated on or before ``today`` is DONE (at most the latest 2,000 per
    series); the first one after ``today`` is yielded as PLANNED; later ones are not. A single
    event after ``today`` is PLANNED. Sub-daily rules (HOURLY and finer) are not expanded.
    ``source_key`` is ``UID/<original start, ISO>`` so that re-imports match, or
    ``sha256:<hash of DTSTART, SUMMARY, attendees>/<start>`` when there is no UID.

``note`` is the SUMMARY (one line, 200 characters), or the start of DESCRIPTION when there is no
summary; ``place`` is the first line of a physical LOCATION; ``duration_min`` comes from DTEND
or DURATION (not for all-day events).
"""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import logging
import quopri
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import icalendar
from dateutil import rrule as du_rrule

from relj.domain import Channel, Initiator, Status, normalise_email
from relj.errors import UserError
from relj.interop.records import BadRecord, EventRecord, Party, SkippedRecord
from relj.interop.wintz import resolve_tzid

log = logging.getLogger(__name__)

PRODID = "-//relj//relj//EN"
#: Past occurrences kept per recurring series (the latest ones).
MAX_OCCURRENCES = 2000
#: Rule steps walked per series before giving up: bounds the time spent on absurd rules.
MAX_STEPS = 200_000
MAX_FILE_BYTES = 256 * 1024 * 1024
NOTE_LENGTH = 200
#: Year-less birthdays are written in this leap year, as Apple does.
NO_YEAR = 1604

IcsRecord = EventRecord | BadRecord | SkippedRecord


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


# --------------------------------------------------------------------------------------------
# Channel inference

_VIDEO_LINK = re.compile(
    r"zoom\.us|zoomgov\.com|meet\.google\.com|hangouts\.google\.com|teams\.microsoft\.com|teams\.live\.com"
    r"|webex\.com|whereby\.com|meet\.jit\.si|jitsi|gotomeeting|gotomeet\.me|bluejeans\.com|facetime"
    r"|skype|8x8\.vc|chime\.aws|meet\.lync\.com|/call/[a-z0-9]",
    re.IGNORECASE,
)
_VIDEO_WORDS = re.compile(
    r"\b(zoom|skype|facetime|teams|webex|whereby|jitsi|google meet|hangouts?|video ?(call|chat|conference)?"
    r"|videocall|visio|videoconferen\w*|videollamada|videochiamata|videoanruf)\b",
    re.IGNORECASE,
)
_CALL_WORDS = re.compile(
    r"\b(call|phone|phonecall|ring|telephone|anruf|telefon|telefonat|telefonisch|appel|t[ée]l[ée]phone"
    r"|llamada|tel[ée]fono|telefonata|chiamata|bellen|telefoon|samtal|puhelu)\b",
    re.IGNORECASE,
)
_PHONE_NUMBER = re.compile(r"^(tel:)?\s*\+?[\d\s().\-/]{6,}(\s*(x|ext\.?)\s*\d+)?$", re.IGNORECASE)
_URL = re.compile(r"^\s*[a-z][a-z0-9+.\-]*://|^\s*www\.", re.IGNORECASE)
_MEETING_URL_PROPS = (
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
    "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK",
    "X-GOOGLE-CONFERENCE",
    "X-GOOGLE-HANGOUT",
)


def _values(comp: Any, name: str) -> list[Any]:
    value = comp.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(comp: Any, name: str) -> str:
    for value in _values(comp, name):
        if isinstance(value, bytes):
            return value.decode("utf-8", "replace")
        try:
            return str(value)
        except Exception:  # a value icalendar could not turn into text: treat as absent
            return ""
    return ""


def _one_line(text: str, limit: int = NOTE_LENGTH) -> str:
    return " ".join(text.split())[:limit].strip()


def _params(value: Any) -> dict[str, str]:
    params = getattr(value, "params", None)
    if not params:
        return {}
    out: dict[str, str] = {}
    for key, item in params.items():
        if isinstance(item, list):
            item = ",".join(str(i) for i in item)
        out[str(key).upper()] = str(item)
    return out


def _is_physical(location: str) -> bool:
    loc = location.strip()
    if not loc or _URL.search(loc) or _PHONE_NUMBER.match(loc):
        return False
    return not (_VIDEO_LINK.search(loc) or _VIDEO_WORDS.search(loc))


def infer_channel(event: Any) -> Channel:
    """The channel of a VEVENT, by the rules in the module docstring."""
    explicit = _text(event, "X-RELJ-CHANNEL").strip().lower()
    if explicit in {c.value for c in Channel}:
        return Channel(explicit)
    location = _text(event, "LOCATION")
    summary = _text(event, "SUMMARY")
    description = _text(event, "DESCRIPTION")
    conferences = _values(event, "CONFERENCE")
    links = [location, description, _text(event, "URL")]
    links += [str(c) for c in conferences]
    links += [_text(event, name) for name in _MEETING_URL_PROPS]
    if any(_VIDEO_LINK.search(text) for text in links if text):
        return Channel.VIDEO
    if any("VIDEO" in _params(c).get("FEATURE", "").upper() for c in conferences):
        return Channel.VIDEO
    if location and (_VIDEO_WORDS.search(location) and not _URL.search(location)):
        return Channel.VIDEO
    if _is_physical(location):
        return Channel.IN_PERSON
    if location and _PHONE_NUMBER.match(location.strip()):
        return Channel.PHONE
    for conf in conferences:
        if str(conf).strip().lower().startswith("tel:") or "PHONE" in _params(conf).get("FEATURE", "").upper():
            return Channel.PHONE
    if _CALL_WORDS.search(summary) or _CALL_WORDS.search(description):
        return Channel.PHONE
    return Channel.IN_PERSON


# --------------------------------------------------------------------------------------------
# Text clean-up before the icalendar package sees it


@dataclass(slots=True)
class _Line:
    lineno: int
    text: str


@dataclass(slots=True)
class _Calendar:
    props: list[str] = field(default_factory=list)
    timezones: list[list[str]] = field(default_factory=list)
    events: list[tuple[int, list[str]]] = field(default_factory=list)  # (first line number, lines)


_DATE_PROPS = {"DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE", "DTSTAMP", "CREATED", "LAST-MODIFIED"}
_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})
_BARE_DATE_Z = re.compile(r"\b(\d{8})Z\b")


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Old Mozilla and Outlook exports wrote the local code page, most often Latin-1/cp1252.
        return data.decode("cp1252", "replace")


def _unfold(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), 1):
        if not raw.strip():
            continue  # blank lines: between components, or stray inside one
        if raw[0] in " \t" and lines:
            lines[-1].text += raw[1:]
        else:
            lines.append(_Line(number, raw.strip() if raw[0] in " \t" else raw))
    return lines


def _split(text: str) -> tuple[str, str, str] | None:
    """(NAME, params, value) of a content line; quoted parameters may hold ':' and ';'."""
    quoted = False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            head, value = text[:i], text[i + 1 :]
            name, _, params = head.partition(";")
            return name.strip().upper(), params, value
    if ":" in text:  # an unbalanced quote: fall back to the first colon
        head, _, value = text.partition(":")
        name, _, params = head.partition(";")
        return name.strip().upper(), params, value
    return None


def _decode_qp(lines: list[_Line], index: int, params: str) -> tuple[str, int]:
    """Join a vCalendar-style QUOTED-PRINTABLE value's soft breaks; return (value, lines used)."""
    parts = _split(lines[index].text)
    value = parts[2] if parts else ""
    used = 1
    while value.endswith("=") and index + used < len(lines):
        value = value[:-1] + lines[index + used].text
        used += 1
    charset = "utf-8"
    match = re.search(r"CHARSET=([\w\-]+)", params, re.IGNORECASE)
    if match:
        charset = match.group(1)
    raw = quopri.decodestring(value.encode("utf-8", "replace"))
    try:
        decoded = raw.decode(charset, "replace")
    except LookupError:
        decoded = raw.decode("utf-8", "replace")
    decoded = decoded.replace("\r\n", "\n").replace("\r", "\n")
    return decoded.translate(_TEXT_ESCAPES), used


_VCAL_FREQ = {"D": "DAILY", "W": "WEEKLY", "MP": "MONTHLY", "MD": "MONTHLY", "YM": "YEARLY", "YD": "YEARLY"}
_VCAL_DAYS = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"}


def _vcal_rrule(value: str) -> str | None:
    """Translate a vCalendar 1.0 rule ("W2 MO WE FR 20050630T000000", "MP3 2- FR #17")."""
    tokens = value.upper().split()
    if not tokens:
        return None
    match = re.fullmatch(r"(MP|MD|YM|YD|D|W)(\d+)", tokens[0])
    if not match:
        return None
    kind, interval = match.group(1), int(match.group(2) or 1)
    parts = [f"FREQ={_VCAL_FREQ[kind]}", f"INTERVAL={max(interval, 1)}"]
    days: list[str] = []
    numbers: list[str] = []
    position = ""
    for token in tokens[1:]:
        if token.startswith("#"):
            count = token[1:]
            if count.isdigit() and int(count) > 0:
                parts.append(f"COUNT={int(count)}")
        elif re.fullmatch(r"\d{8}(T\d{6}Z?)?", token):
            parts.append(f"UNTIL={token}")
        elif token in _VCAL_DAYS:
            days.append(position + token)
        elif re.fullmatch(r"\d{1,3}[+-]?", token):
            sign = "-" if token.endswith("-") else ""
            digits = token.rstrip("+-")
            if kind == "MP":
                position = f"{sign}{digits}"
            else:
                numbers.append(f"{sign}{digits}")
        elif token == "LD":
            numbers.append("-1")
    if days:
        parts.append("BYDAY=" + ",".join(days))
    if numbers:
        by = {"MD": "BYMONTHDAY", "YM": "BYMONTH", "YD": "BYYEARDAY"}.get(kind)
        if by:
            parts.append(f"{by}=" + ",".join(numbers))
    return ";".join(parts)


def _clean(line: str) -> str | None:
    """Repair what real exporters get wrong in one content line; None drops the line."""
    parts = _split(line)
    if parts is None:
        return None  # a stray line with no ':' (icalendar refuses the whole calendar for it)
    name, params, value = parts
    if not name or not re.fullmatch(r"[A-Z0-9\-.]+", name):
        return None
    if ";;" in params or params.startswith(";") or params.endswith(";"):
        params = re.sub(r";{2,}", ";", params).strip(";")
    if re.search(r"(^|;)TZID=\s*(;|$)", params, re.IGNORECASE):
        params = re.sub(r"(^|;)TZID=\s*(?=;|$)", "", params, flags=re.IGNORECASE).strip(";")
    if name in ("RRULE", "EXRULE"):
        if "FREQ=" in value.upper():
            value = re.sub(r"[\s\\]", "", value)  # "BYDAY=MO, TU" (Exchange CDO), "\;" (DIMEX)
        else:
            converted = _vcal_rrule(value)  # vCalendar 1.0: "W2 MO WE FR 20050630T000000"
            if converted is None:
                return None
            value = converted
        params = ""  # "RRULE;TZID=Eastern:" (Lotus Notes) is not allowed
    elif name in _DATE_PROPS or name == "DURATION" or name == "METHOD":
        value = value.strip().strip('"')
        if name in ("EXDATE", "RDATE"):
            value = ",".join(v for v in value.split(",") if v.strip())
        if not value:
            return None
        value = _BARE_DATE_Z.sub(r"\1", value)
    elif name in ("ATTENDEE", "ORGANIZER", "X-ORGANIZER"):
        value = value.strip().strip('"').strip()
        if not value:
            return None
    return f"{name};{params}:{value}" if params else f"{name}:{value}"


def _structure(text: str) -> list[_Calendar]:
    """Split into calendars of VTIMEZONE and VEVENT blocks, repairing lines on the way."""
    lines = _unfold(text)
    calendars: list[_Calendar] = []
    current: _Calendar | None = None
    stack: list[str] = []  # component names inside the VCALENDAR
    capture: list[str] | None = None
    start_line = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        upper = line.text.strip().upper()
        if upper.startswith("BEGIN:"):
            comp = upper[6:].strip()
            if comp == "VCALENDAR":
                current = _Calendar()
                calendars.append(current)
                stack, capture = [], None
                continue
            if current is None:  # a bare VEVENT with no VCALENDAR around it
                current = _Calendar()
                calendars.append(current)
            if comp == "VEVENT" and "VEVENT" in stack:
                stack = []  # a VEVENT that never ended: close it
                capture = None
            if not stack:
                if comp in ("VEVENT", "VTIMEZONE"):
                    capture = [f"BEGIN:{comp}"]
                    start_line = line.lineno
                    if comp == "VEVENT":
                        current.events.append((start_line, capture))
                    else:
                        current.timezones.append(capture)
                else:
                    capture = None
            elif capture is not None:
                capture.append(f"BEGIN:{comp}")
            stack.append(comp)
            continue
        if upper.startswith("END:"):
            comp = upper[4:].strip()
            if comp == "VCALENDAR":
                current, stack, capture = None, [], None
                continue
            if comp in stack:
                while stack:
                    top = stack.pop()
                    if capture is not None:
                        capture.append(f"END:{top}")
                    if top == comp:
                        break
                if not stack:
                    capture = None
            continue
        if current is None:
            continue  # garbage outside any calendar
        if "ENCODING=QUOTED-PRINTABLE" in line.text.split(":", 1)[0].upper():
            parts = _split(line.text)
            if parts:
                name, params, _ = parts
                value, used = _decode_qp(lines, i - 1, params)
                i += used - 1
                params = re.sub(r"(^|;)(ENCODING|CHARSET)=[^;]*", "", params, flags=re.IGNORECASE).strip(";")
                line = _Line(line.lineno, f"{name};{params}:{value}" if params else f"{name}:{value}")
        cleaned = _clean(line.text)
        if cleaned is None:
            continue
        if not stack:
            if not cleaned.upper().startswith(("BEGIN", "END")):
                current.props.append(cleaned)
        elif capture is not None:
            capture.append(cleaned)
    for cal in calendars:  # close components cut off by the end of the file
        for _, block in cal.events:
            if block[-1].upper() != "END:VEVENT":
                block.append("END:VEVENT")
        for block in cal.timezones:
            if block[-1].upper() != "END:VTIMEZONE":
                block.append("END:VTIMEZONE")
    return calendars


# --------------------------------------------------------------------------------------------
# icalendar parsing, with a per-event fallback


def _from_ical(parts: Iterable[str]) -> Any:
    text = "\r\n".join(["BEGIN:VCALENDAR", *parts, "END:VCALENDAR", ""])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return icalendar.Calendar.from_ical(text)


@dataclass(slots=True)
class _Event:
    index: int  # 1-based, in file order
    lineno: int
    component: Any | None  # an icalendar.Event, or None when it could not be parsed
    error: str = ""
    calendar_props: dict[str, str] = field(default_factory=dict)


def _cal_props(lines: list[str]) -> dict[str, str]:
    props: dict[str, str] = {}
    for line in lines:
        parts = _split(line)
        if parts:
            props.setdefault(parts[0], parts[2].strip())
    return props


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text[:120] + "...") if len(text) > 120 else text or type(exc).__name__


def _parse_calendars(calendars: list[_Calendar]) -> Iterator[_Event]:
    index = 0
    for cal in calendars:
        props = _cal_props(cal.props)
        head = [p for p in cal.props if not p.upper().startswith(("BEGIN", "END"))]
        components: list[Any] | None = None
        try:
            parsed = _from_ical(
                [*head, *(ln for tz in cal.timezones for ln in tz), *(ln for _, ev in cal.events for ln in ev)]
            )
            found = [c for c in parsed.subcomponents if getattr(c, "name", "") == "VEVENT"]
            if len(found) == len(cal.events):
                components = found
        except Exception:  # icalendar refused the calendar as a whole: parse event by event
            components = None
        if components is not None:
            for (lineno, _), comp in zip(cal.events, components, strict=True):
                index += 1
                yield _Event(index, lineno, comp, calendar_props=props)
            continue
        good_tz: list[str] = []
        for tz in cal.timezones:
            try:
                _from_ical(tz)
                good_tz.extend(tz)
            except Exception:  # a broken VTIMEZONE: its TZID is then resolved by name
                continue
        for lineno, block in cal.events:
            index += 1
            error = ""
            for attempt in ([*head, *good_tz, *block], block):
                try:
                    parsed = _from_ical(attempt)
                    found = [c for c in parsed.subcomponents if getattr(c, "name", "") == "VEVENT"]
                    if found:
                        yield _Event(index, lineno, found[0], calendar_props=props)
                        break
                    error = "empty event"
                except Exception as exc:  # icalendar's errors are plain ValueErrors and worse
                    error = _short(exc)
            else:
                yield _Event(index, lineno, None, error=error, calendar_props=props)


# --------------------------------------------------------------------------------------------
# Times

_UTC = dt.UTC
Moment = dt.datetime | dt.date  # naive local datetime, or a date for all-day


@dataclass(slots=True)
class _Start:
    local: Moment  # naive wall-clock time in ``zone`` (or floating), or a date
    zone: dt.tzinfo | None
    utc: bool  # written with Z: shown converted to the display zone


def _raw_dt(prop: Any) -> Any:
    try:
        value = getattr(prop, "dt", None)
    except Exception:  # icalendar 7 raises on access to a property it could not parse
        return None
    if isinstance(value, tuple) and value:  # a PERIOD: its start
        value = value[0]
    return value


def _start_of(comp: Any, name: str = "DTSTART") -> _Start | None:
    props = _values(comp, name)
    if not props:
        return None
    prop = props[0]
    value = _raw_dt(prop)
    params = _params(prop)
    if isinstance(value, dt.datetime):
        if params.get("VALUE", "").upper() == "DATE":
            return _Start(value.date(), None, False)
        if value.tzinfo is not None:
            utc = "TZID" not in params
            return _Start(value.replace(tzinfo=None), value.tzinfo, utc)
        tzid = params.get("TZID", "")
        return _Start(value, resolve_tzid(tzid) if tzid else None, False)
    if isinstance(value, dt.date):
        return _Start(value, None, False)
    return None


def _localise(value: Any, zone: dt.tzinfo | None, all_day: bool, start: Moment) -> Moment | None:
    """An EXDATE/RDATE/RECURRENCE-ID value as a key comparable with the series' starts."""
    if isinstance(value, tuple) and value:
        value = value[0]
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(zone).replace(tzinfo=None) if zone is not None else value.replace(tzinfo=None)
        return value.date() if all_day else value
    if isinstance(value, dt.date):
        if all_day:
            return value
        assert isinstance(start, dt.datetime)
        return dt.datetime.combine(value, start.time())
    return None


def _date_of(moment: Moment) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def _as_datetime(moment: Moment) -> dt.datetime:
    return moment if isinstance(moment, dt.datetime) else dt.datetime.combine(moment, dt.time())


def _duration(comp: Any, start: _Start) -> int | None:
    if not isinstance(start.local, dt.datetime):
        return None
    delta: dt.timedelta | None = None
    end = _values(comp, "DTEND")
    if end:
        value = _raw_dt(end[0])
        if isinstance(value, dt.datetime):
            begin = start.local.replace(tzinfo=start.zone) if start.zone is not None else start.local
            if value.tzinfo is not None and begin.tzinfo is None:
                value = value.replace(tzinfo=None)
            elif value.tzinfo is None and begin.tzinfo is not None:
                begin = begin.replace(tzinfo=None)
            delta = value - begin
    if delta is None:
        dur = _values(comp, "DURATION")
        value = _raw_dt(dur[0]) if dur else None
        if isinstance(value, dt.timedelta):
            delta = value
    if delta is None:
        return None
    minutes = int(delta.total_seconds() // 60)
    return minutes if 0 < minutes <= 14 * 24 * 60 else None


# --------------------------------------------------------------------------------------------
# Recurrence

_SUB_DAILY = {"HOURLY", "MINUTELY", "SECONDLY"}
_MONTH_DAYS = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def _impossible(rule: dict[str, list[Any]]) -> bool:
    """A rule that can never match (30 February): dateutil would walk to year 9999 looking."""
    months = [int(m) for m in rule.get("BYMONTH", []) if str(m).lstrip("-").isdigit()]
    days = [int(d) for d in rule.get("BYMONTHDAY", []) if str(d).lstrip("-").isdigit()]
    if months and days:
        longest = max(_MONTH_DAYS.get(m, 31) for m in months)
        return all(abs(d) > longest for d in days)
    return any(abs(d) > 31 or d == 0 for d in days) and len(days) == len(rule.get("BYMONTHDAY", []))


def _until(value: Any, start: _Start) -> dt.datetime | None:
    """UNTIL as a naive time in the series' zone; a date means the whole of that day."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(start.zone).replace(tzinfo=None) if start.zone else value.replace(tzinfo=None)
        if not isinstance(start.local, dt.datetime):
            return dt.datetime.combine(value.date(), dt.time.max)
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time.max)
    return None


def _rules(comp: Any, start: _Start) -> list[du_rrule.rrule]:
    rules: list[du_rrule.rrule] = []
    dtstart = _as_datetime(start.local)
    for prop in _values(comp, "RRULE"):
        try:
            rule = {str(k).upper(): list(v) if isinstance(v, list) else [v] for k, v in dict(prop).items()}
        except Exception:
            continue
        freq = str((rule.get("FREQ") or [""])[0]).upper()
        if freq in _SUB_DAILY or not freq or _impossible(rule):
            continue
        until_values = rule.pop("UNTIL", None)
        text = icalendar.vRecur(rule).to_ical().decode("ascii", "replace")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = du_rrule.rrulestr(text, dtstart=dtstart)
        if not isinstance(parsed, du_rrule.rrule):
            continue
        if until_values and "COUNT" not in rule:
            until = _until(until_values[0], start)
            if until is not None:
                parsed = parsed.replace(until=until)
        rules.append(parsed)
    return rules


def _expand(comp: Any, start: _Start, today: dt.date) -> tuple[list[Moment], Moment | None, int]:
    """(past starts, at most MAX_OCCURRENCES; the next future start; how many were dropped)."""
    all_day = not isinstance(start.local, dt.datetime)
    rules = _rules(comp, start)
    rdates = [_localise(_raw_dt(v), start.zone, all_day, start.local) for p in _values(comp, "RDATE") for v in p.dts]
    exdates = {_localise(_raw_dt(v), start.zone, all_day, start.local) for p in _values(comp, "EXDATE") for v in p.dts}
    rset = du_rrule.rruleset()
    for rule in rules:
        rset.rrule(rule)
    rset.rdate(_as_datetime(start.local))
    for rdate in rdates:
        if rdate is not None:
            rset.rdate(_as_datetime(rdate))
    past: collections.deque[Moment] = collections.deque(maxlen=MAX_OCCURRENCES)
    future: Moment | None = None
    seen = 0
    for steps, occurrence in enumerate(rset):
        if steps >= MAX_STEPS:
            break
        moment: Moment = occurrence.date() if all_day else occurrence
        if moment in exdates:
            continue
        if _date_of(moment) > today:
            future = moment
            break
        seen += 1
        past.append(moment)
    return list(past), future, max(0, seen - len(past))


# --------------------------------------------------------------------------------------------
# Parties

_EMAIL = re.compile(r"[^@\s<>\"(),;:]+@[^@\s<>\"(),;:]+\.[^@\s<>\"(),;:]+|[^@\s<>\"(),;:]+@[A-Za-z0-9\-]+")
_NOT_PEOPLE = re.compile(
    r"@virtual$|@(resource|group|import)\.calendar\.google\.com$|calendar-notification@|^noreply@|^no-reply@",
    re.IGNORECASE,
)


def _address(value: Any, params: dict[str, str]) -> str | None:
    text = str(value).strip().strip('"').strip()
    if text.lower().startswith("mailto:"):
        text = text[7:].strip()
    angle = re.search(r"<([^<>]+)>", text)
    if angle:
        text = angle.group(1).strip()
    candidates = [text, params.get("EMAIL", "").strip().strip('"')]
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
    entries = [("ORGANIZER", v) for v in _values(comp, "ORGANIZER") + _values(comp, "X-ORGANIZER")]
    entries += [("ATTENDEE", v) for v in _values(comp, "ATTENDEE")]
    for role, value in entries:
        params = _params(value)
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
        name = _one_line(params.get("CN", "").strip().strip('"'), 200)
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
    if _text(comp, "X-RELJ-KIND").strip().lower() == "birthday":
        return True
    if re.search(r"(^|_)BIRTHDAY_", _text(comp, "UID")):
        return True
    if "birthday" in _text(comp, "CATEGORIES").lower() or "cake" in _text(comp, "X-GOOGLE-CALENDAR-CONTENT-ICON"):
        return True
    # A yearly all-day entry called "birthday" is a reminder, not a meeting.
    yearly = any("YEARLY" in str(r.to_ical()) for r in _values(comp, "RRULE") if hasattr(r, "to_ical"))
    start = _values(comp, "DTSTART")
    all_day = bool(start) and not isinstance(_raw_dt(start[0]), dt.datetime)
    return yearly and all_day and bool(_BIRTHDAY_WORDS.search(_text(comp, "SUMMARY")))


def _uid_key(comp: Any) -> str:
    uid = _text(comp, "UID").strip()
    if uid:
        return uid
    start = _values(comp, "DTSTART")
    raw = start[0].to_ical().decode("utf-8", "replace") if start and hasattr(start[0], "to_ical") else ""
    attendees = sorted(str(a).lower() for a in _values(comp, "ATTENDEE"))
    digest = hashlib.sha256("\x1f".join([raw, _text(comp, "SUMMARY"), *attendees]).encode("utf-8", "replace"))
    return "sha256:" + digest.hexdigest()[:32]


def _iso(moment: Moment) -> str:
    return moment.isoformat()


@dataclass(slots=True)
class _Context:
    today: dt.date
    me: set[str]
    display: dt.tzinfo | None
    cancelled_method: bool


def _shown(start: _Start, moment: Moment, display: dt.tzinfo | None) -> Moment:
    """The moment as the owner's calendar shows it: UTC converted, zoned and floating as written."""
    if not start.utc or not isinstance(moment, dt.datetime):
        return moment
    aware = moment.replace(tzinfo=_UTC)
    shown = aware.astimezone(display) if display is not None else aware.astimezone()
    return shown.replace(tzinfo=None)


def _record(
    comp: Any,
    start: _Start,
    original: Moment,
    where: str,
    uid: str,
    ctx: _Context,
    planned: bool,
    duration: int | None,
) -> IcsRecord:
    if _text(comp, "STATUS").strip().upper() == "CANCELLED":
        return SkippedRecord(where, "cancelled")
    people = _people(comp, ctx.me)
    if people.me_declined:
        return SkippedRecord(where, "declined")
    shown = _shown(start, start.local, ctx.display)
    location = _text(comp, "LOCATION")
    place = ""
    if _is_physical(location):
        first = next((ln for ln in location.splitlines() if ln.strip()), "")
        place = _one_line(first)
    note = _one_line(_text(comp, "SUMMARY")) or _one_line(_text(comp, "DESCRIPTION"))
    if people.organised_by_me:
        initiator = Initiator.ME
    elif people.organizer is not None:
        initiator = Initiator.THEM
    else:
        initiator = Initiator.UNKNOWN
    return EventRecord(
        where=where,
        source="ics",
        source_key=f"{uid}/{_iso(original)}",
        occurred_on=_date_of(shown),
        channel=infer_channel(comp),
        parties=people.parties,
        occurred_time=shown.strftime("%H:%M") if isinstance(shown, dt.datetime) else None,
        status=Status.PLANNED if planned else Status.DONE,
        initiator=initiator,
        duration_min=duration,
        place=place,
        note=note,
        sender=people.organizer,
    )


def _series(master: _Event, overrides: list[_Event], ctx: _Context) -> Iterator[IcsRecord]:
    comp = master.component
    where = f"event {master.index} (line {master.lineno})"
    if ctx.cancelled_method or _text(comp, "STATUS").strip().upper() == "CANCELLED":
        yield SkippedRecord(where, "cancelled")
        return
    if _is_birthday(comp):
        yield SkippedRecord(where, "birthday")
        return
    start = _start_of(comp)
    if start is None:
        yield BadRecord(where, "no start date" if not _values(comp, "DTSTART") else "unreadable start date")
        return
    uid = _uid_key(comp)
    duration = _duration(comp, start)
    recurring = bool(_values(comp, "RRULE") or _values(comp, "RDATE"))
    all_day = not isinstance(start.local, dt.datetime)
    if recurring:
        past, future, dropped = _expand(comp, start, ctx.today)
        if dropped:
            log.info(
                "event %d: kept the latest %d occurrences, %d older ones dropped", master.index, len(past), dropped
            )
    elif _date_of(_shown(start, start.local, ctx.display)) > ctx.today:
        past, future = [], start.local
    else:
        past, future = [start.local], None
    by_key: dict[Moment, _Event] = {}
    for item in overrides:
        rid = _values(item.component, "RECURRENCE-ID")
        key = _localise(_raw_dt(rid[0]), start.zone, all_day, start.local) if rid else None
        if key is not None:
            by_key[key] = item
    starts: list[tuple[Moment, bool]] = [(m, False) for m in past]
    if future is not None:
        starts.append((future, True))
    for original, planned in starts:
        override = by_key.pop(original) if original in by_key else None
        occurrence_where = f"{where} on {_date_of(original).isoformat()}" if recurring else where
        if override is not None:
            o_start = _start_of(override.component) or _Start(original, start.zone, start.utc)
            o_duration = _duration(override.component, o_start) if _values(override.component, "DTSTART") else duration
            yield _record(override.component, o_start, original, occurrence_where, uid, ctx, planned, o_duration)
        else:
            o_start = _Start(original, start.zone, start.utc)
            yield _record(comp, o_start, original, occurrence_where, uid, ctx, planned, duration)
    # Overrides of occurrences not generated above (moved in from elsewhere, or beyond the rule).
    for original, override in sorted(by_key.items(), key=lambda kv: _as_datetime(kv[0])):
        if _date_of(original) > ctx.today or (past and _date_of(original) < _date_of(past[0])):
            continue
        o_start = _start_of(override.component) or _Start(original, start.zone, start.utc)
        if _date_of(o_start.local) > ctx.today:
            continue
        o_where = f"event {override.index} (line {override.lineno})"
        yield _record(
            override.component, o_start, original, o_where, uid, ctx, False, _duration(override.component, o_start)
        )


def _sequence(event: _Event) -> int:
    try:
        return int(str(_text(event.component, "SEQUENCE")).strip() or 0)
    except ValueError:
        return 0


def _records(events: list[_Event], today: dt.date, me: set[str], local_tz: dt.tzinfo | None) -> Iterator[IcsRecord]:
    masters: dict[str, _Event] = {}
    order: list[str] = []
    overrides: dict[str, list[_Event]] = collections.defaultdict(list)
    for event in events:
        if event.component is None:
            yield BadRecord(f"event {event.index} (line {event.lineno})", f"cannot read event: {event.error}")
            continue
        uid = _text(event.component, "UID").strip() or f"\x00{event.index}"
        if _values(event.component, "RECURRENCE-ID"):
            overrides[uid].append(event)
            continue
        previous = masters.get(uid)
        if previous is None:
            order.append(uid)
            masters[uid] = event
        elif _sequence(event) >= _sequence(previous):
            masters[uid] = event  # an updated copy of the same event (iTIP REQUEST): the latest wins
    # Overrides with no master are events of their own.
    for uid, items in overrides.items():
        if uid not in masters:
            for item in items:
                key = f"{uid}\x00{item.index}"
                order.append(key)
                masters[key] = item
    for key in order:
        master = masters[key]
        props = master.calendar_props
        display = resolve_tzid(props["X-WR-TIMEZONE"]) if props.get("X-WR-TIMEZONE") else None
        ctx = _Context(today, me, display or local_tz, props.get("METHOD", "").upper() == "CANCEL")
        uid = key.split("\x00", 1)[0]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                yield from _series(master, overrides.get(uid, []) if "\x00" not in key else [], ctx)
        except Exception as exc:  # one event's absurd values must not end the import
            log.debug("event %d could not be read: %s", master.index, type(exc).__name__)
            yield BadRecord(f"event {master.index} (line {master.lineno})", f"cannot read event: {_short(exc)}")


def parse_ics(
    path: Path, *, today: dt.date, me: set[str], local_tz: dt.tzinfo | None = None
) -> Iterator[EventRecord | BadRecord | SkippedRecord]:
    """Read an .ics or .vcs file: see the module docstring for the rules.

    Raises:
        UserError: the file cannot be read, or is not a calendar at all.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UserError(f"{path}: too large for a calendar ({path.stat().st_size // 2**20} MiB)")
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    text = _decode(data)
    if "\x00" in text:
        raise UserError(f"{path}: not an iCalendar file (binary data)")
    if not re.search(r"^\s*BEGIN:(VCALENDAR|VEVENT)\s*$", text, re.IGNORECASE | re.MULTILINE):
        raise UserError(f"{path}: not an iCalendar file (no BEGIN:VCALENDAR on any line)")
    me = {normalise_email(m) for m in me}
    try:
        calendars = _structure(text)
        events = list(_parse_calendars(calendars))
    except RecursionError:
        raise UserError(f"{path}: calendar nested too deeply to read") from None
    log.info("calendar file: %d events found", len(events))
    yield from _records(events, today, me, local_tz)


# --------------------------------------------------------------------------------------------
# Writing


def _time(text: str) -> dt.time | None:
    try:
        return dt.time.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        return None


def write_ics(events: Iterable[IcsEvent], birthdays: Iterable[IcsBirthday], out: BinaryIO) -> int:
    """Write planned interactions and birthdays as one VCALENDAR; return the number of VEVENTs.

    Times are floating (the journal keeps local times, without zone). Birthdays repeat yearly as
    all-day events; one whose year is unknown starts in 1604, as Apple's calendar does, and 29
    February falls on the last day of February in other years.
    """
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    stamp = dt.datetime.now(_UTC).replace(microsecond=0)
    count = 0
    for item in events:
        ev = icalendar.Event()
        ev.add("uid", item.uid)
        ev.add("dtstamp", stamp)
        at = _time(item.time) if item.time else None
        if at is not None:
            ev.add("dtstart", dt.datetime.combine(item.date, at.replace(second=0, microsecond=0)))
            if item.duration_min:
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
    for bday in birthdays:
        ev = icalendar.Event()
        ev.add("uid", bday.uid)
        ev.add("dtstamp", stamp)
        year = bday.year if bday.year is not None else NO_YEAR
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
