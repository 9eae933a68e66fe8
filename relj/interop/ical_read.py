"""Reading .ics files for :mod:`relj.interop.ical`: bounded lines, repairs, one icalendar parse per event.

The file is read twice, as a stream, and never held whole in memory. The first pass
(:func:`scan`) checks that it is a calendar and notes where each VEVENT starts and ends, its UID,
SEQUENCE and whether it overrides an occurrence; it keeps the calendars' VTIMEZONE blocks and
two calendar properties (METHOD, X-WR-TIMEZONE). The second pass (:func:`read_event`) reads one
event again by its offsets, repairs its lines and parses it with the icalendar package, with the
VTIMEZONEs it names. Memory is bounded by the largest event, not by the file.

Limits: a content line (unfolded) of at most :data:`MAX_LINE_BYTES`, an event of at most
:data:`MAX_EVENT_BYTES` (both without ``ATTACH`` and ``X-ALT-DESC``, which are never used and are
skipped as they stream by); an event over a limit is a bad record, the others are read. Only a
regular file is read: a FIFO or a device is refused without being opened for a blocking read.
"""

from __future__ import annotations

import hashlib
import io
import os
import quopri
import re
import warnings
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import icalendar

from relj.errors import UserError
from relj.fileio import open_regular

MAX_FILE_BYTES = 256 * 1024 * 1024
#: UTF-16 files are converted in memory: a smaller limit.
MAX_UTF16_BYTES = 32 * 1024 * 1024
MAX_LINE_BYTES = 1024 * 1024
MAX_EVENT_BYTES = 4 * 1024 * 1024
#: VTIMEZONE text kept for the whole file; more is ignored (zones are then found by name).
MAX_TIMEZONE_BYTES = 8 * 1024 * 1024
NOTE_LENGTH = 200
_CHUNK = 64 * 1024
#: Properties relj never uses that can be huge (inline attachments, Outlook's HTML description).
_DROPPED = ("ATTACH", "X-ALT-DESC")
_EOL = re.compile(rb"\r\n|\r|\n")


# --------------------------------------------------------------------------------------------
# Property access on icalendar components


def values(comp: Any, name: str) -> list[Any]:
    value = comp.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def text(comp: Any, name: str) -> str:
    for value in values(comp, name):
        if isinstance(value, bytes):
            return value.decode("utf-8", "replace")
        try:
            return str(value)
        except Exception:  # a value icalendar could not turn into text: treat as absent
            return ""
    return ""


def one_line(value: str, limit: int = NOTE_LENGTH) -> str:
    return " ".join(value.split())[:limit].strip()


def params_of(value: Any) -> dict[str, str]:
    params = getattr(value, "params", None)
    if not params:
        return {}
    out: dict[str, str] = {}
    for key, item in params.items():
        if isinstance(item, list):
            item = ",".join(str(i) for i in item)
        out[str(key).upper()] = str(item)
    return out


def short(exc: BaseException) -> str:
    message = " ".join(str(exc).split())
    return (message[:120] + "...") if len(message) > 120 else message or type(exc).__name__


# --------------------------------------------------------------------------------------------
# Opening and splitting into lines, with bounded memory


def open_calendar(path: Path) -> BinaryIO:
    """The file opened for reading; a UserError for what is not a readable regular file."""
    fh = open_regular(path)
    try:
        info = os.fstat(fh.fileno())
        if info.st_size > MAX_FILE_BYTES:
            raise UserError(f"{path}: too large for a calendar ({info.st_size // 2**20} MiB, at most 256 MiB)")
    except BaseException:
        fh.close()
        raise
    head = fh.read(4)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _utf16_as_utf8(fh, path, info.st_size)
    fh.seek(0)
    return fh


def _utf16_as_utf8(fh: BinaryIO, path: Path, size: int) -> BinaryIO:
    with fh:
        if size > MAX_UTF16_BYTES:
            raise UserError(f"{path}: a UTF-16 calendar of {size // 2**20} MiB is too large (at most 32 MiB)")
        fh.seek(0)
        data = fh.read(MAX_UTF16_BYTES + 1).decode("utf-16", "replace")
    return io.BytesIO(data.encode("utf-8"))


@dataclass(slots=True)
class Line:
    """One logical (unfolded) content line."""

    lineno: int
    offset: int  # byte offset of its first physical line
    text: str
    too_long: int = 0  # the line's length in bytes when over MAX_LINE_BYTES (then text is its start)


def _physical(fh: BinaryIO, start: int, end: int | None) -> Iterator[tuple[int, bytes, int]]:
    """(offset, content, full length) of each physical line; content is cut at MAX_LINE_BYTES."""
    fh.seek(start)
    offset = start
    buf = b""
    eof = False
    long_prefix: bytes | None = None  # the start of an over-long line being skipped
    long_length = 0
    while True:
        if not eof:
            want = _CHUNK if end is None else min(_CHUNK, end - offset - len(buf) - long_length)
            chunk = fh.read(want) if want > 0 else b""
            eof = not chunk
            buf += chunk
        pos = 0
        while True:
            match = _EOL.search(buf, pos)
            if match is None or (match.group() == b"\r" and match.end() == len(buf) and not eof):
                break
            if long_prefix is not None:
                length = long_length + match.start()
                yield offset, long_prefix, length
                long_prefix, long_length = None, 0
                offset += length + len(match.group())
            else:
                yield offset, buf[pos : match.start()], match.start() - pos
                offset += match.end() - pos
            pos = match.end()
        buf = buf[pos:]
        if len(buf) > MAX_LINE_BYTES:
            if long_prefix is None:
                long_prefix = buf[:256]
            long_length += len(buf) - 1  # keep one byte: a '\r' that may pair with the next '\n'
            buf = buf[-1:]
        if eof:
            if long_prefix is not None:
                yield offset, long_prefix, long_length + len(buf)
            elif buf:
                yield offset, buf, len(buf)
            return


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Old Mozilla and Outlook exports wrote the local code page, most often Latin-1/cp1252.
        return raw.decode("cp1252", "replace")


def _dropped(head: str) -> bool:
    name = re.split(r"[;:]", head, maxsplit=1)[0].strip().upper()
    return name in _DROPPED


def logical_lines(fh: BinaryIO, start: int = 0, end: int | None = None) -> Iterator[Line]:
    """Unfolded content lines; blank lines and the huge properties relj never uses are left out."""
    current: Line | None = None
    size = 0
    skipping = False  # inside a dropped property's continuation lines
    for lineno, (offset, raw, length) in enumerate(_physical(fh, start, end), 1):
        if b"\x00" in raw:
            raise _Binary()
        if offset == 0 and raw.startswith(b"\xef\xbb\xbf"):
            raw, length = raw[3:], length - 3  # a UTF-8 byte order mark
        if not raw.strip():
            continue
        if raw[:1] in (b" ", b"\t") and (current is not None or skipping):
            if skipping:
                continue
            assert current is not None
            size += length
            if size > MAX_LINE_BYTES:
                current.too_long = size
            elif not current.too_long:
                current.text += _decode(raw[1:])
            continue
        if current is not None:
            yield current
            current = None
        head = _decode(raw[:256])
        skipping = _dropped(head)
        if skipping:
            continue
        size = length
        if length > MAX_LINE_BYTES:
            current = Line(lineno, offset, head.strip(), too_long=length)
        else:
            decoded = _decode(raw)
            current = Line(lineno, offset, decoded.strip() if decoded[:1] in " \t" else decoded)
    if current is not None:
        yield current


class _Binary(Exception):
    """A NUL byte: this is not a text file."""


def line_numbers(fh: BinaryIO, start: int, first_lineno: int, end: int | None) -> Iterator[Line]:
    """logical_lines() from an offset, numbered as in the whole file."""
    for line in logical_lines(fh, start, end):
        line.lineno += first_lineno - 1
        yield line


# --------------------------------------------------------------------------------------------
# Repairs of single lines (what real exporters get wrong)


_DATE_PROPS = {"DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE", "DTSTAMP", "CREATED", "LAST-MODIFIED"}
_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})
_BARE_DATE_Z = re.compile(r"\b(\d{8})Z\b")


def split(line: str) -> tuple[str, str, str] | None:
    """(NAME, params, value) of a content line; quoted parameters may hold ':' and ';'."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            head, value = line[:i], line[i + 1 :]
            name, _, params = head.partition(";")
            return name.strip().upper(), params, value
    if ":" in line:  # an unbalanced quote: fall back to the first colon
        head, _, value = line.partition(":")
        name, _, params = head.partition(";")
        return name.strip().upper(), params, value
    return None


def _decode_qp(lines: list[Line], index: int, params: str) -> tuple[str, int]:
    """Join a vCalendar-style QUOTED-PRINTABLE value's soft breaks; return (value, lines used)."""
    parts = split(lines[index].text)
    value = parts[2] if parts else ""
    used = 1
    while value.endswith("=") and index + used < len(lines) and len(value) < MAX_LINE_BYTES:
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


def clean(line: str) -> str | None:
    """Repair what real exporters get wrong in one content line; None drops the line."""
    parts = split(line)
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


def component_lines(lines: list[Line]) -> list[str]:
    """The repaired lines of one component (BEGIN to END, nested components kept and closed)."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        upper = line.text.strip().upper()
        if upper.startswith("BEGIN:"):
            comp = upper[6:].strip()
            stack.append(comp)
            out.append(f"BEGIN:{comp}")
            continue
        if upper.startswith("END:"):
            comp = upper[4:].strip()
            if comp in stack:
                while stack:
                    top = stack.pop()
                    out.append(f"END:{top}")
                    if top == comp:
                        break
            if not stack:
                break
            continue
        if line.too_long:
            continue
        if "ENCODING=QUOTED-PRINTABLE" in line.text.split(":", 1)[0].upper():
            parts = split(line.text)
            if parts:
                name, params, _ = parts
                value, used = _decode_qp(lines, i - 1, params)
                i += used - 1
                params = re.sub(r"(^|;)(ENCODING|CHARSET)=[^;]*", "", params, flags=re.IGNORECASE).strip(";")
                line = Line(line.lineno, line.offset, f"{name};{params}:{value}" if params else f"{name}:{value}")
        cleaned = clean(line.text)
        if cleaned is not None and stack:
            out.append(cleaned)
    while stack:
        out.append(f"END:{stack.pop()}")
    return out


# --------------------------------------------------------------------------------------------
# The first pass: where each event is


@dataclass(slots=True)
class Calendar:
    method: str = ""
    wr_timezone: str = ""
    timezones: dict[str, list[str]] = field(default_factory=dict)  # TZID -> repaired VTIMEZONE lines


@dataclass(slots=True)
class Index:
    """Where each VEVENT of the file is, and what is needed to group a series before reading it."""

    begins: array[int] = field(default_factory=lambda: array("q"))
    ends: array[int] = field(default_factory=lambda: array("q"))
    linenos: array[int] = field(default_factory=lambda: array("q"))
    calendars: array[int] = field(default_factory=lambda: array("l"))
    errors: dict[int, str] = field(default_factory=dict)  # 0-based event -> why it cannot be read
    keys: dict[int, int] = field(default_factory=dict)  # 0-based event -> UID key (absent: no UID)
    overrides: set[int] = field(default_factory=set)  # events with a RECURRENCE-ID
    sequences: dict[int, int] = field(default_factory=dict)
    calendar_list: list[Calendar] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.begins)


def uid_key(uid: str) -> int:
    return int.from_bytes(hashlib.blake2b(uid.strip().encode("utf-8", "replace"), digest_size=8).digest(), "big")


class _Scan:
    def __init__(self) -> None:
        self.index = Index()
        self.calendar: Calendar | None = None
        self.found = False
        self.tz_bytes = 0
        self.event: int | None = None  # 0-based index of the open VEVENT
        self.ending = False  # its END:VEVENT was read: it ends where the next line starts
        self.event_size = 0
        self.depth: list[str] = []  # components open inside a VEVENT or VTIMEZONE, or skipped whole
        self.tz: list[Line] | None = None

    def new_calendar(self) -> Calendar:
        self.calendar = Calendar()
        self.index.calendar_list.append(self.calendar)
        return self.calendar

    def close_event(self, end: int) -> None:
        if self.event is not None:
            self.index.ends.append(end)
            self.depth = []
        self.event, self.ending = None, False

    def close_tz(self) -> None:
        if self.tz is not None and self.calendar is not None:
            block = component_lines(self.tz)
            self.tz_bytes += sum(len(x) for x in block)
            tzid = next((ln.split(":", 1)[1].strip() for ln in block if ln.upper().startswith("TZID")), "")
            if tzid and self.tz_bytes <= MAX_TIMEZONE_BYTES:
                self.calendar.timezones.setdefault(tzid, block)
        if self.tz is not None:
            self.depth = []
        self.tz = None

    def line(self, line: Line) -> None:
        if self.ending:
            self.close_event(line.offset)
        upper = line.text.strip().upper()
        if upper.startswith("BEGIN:"):
            self.begin(line, upper[6:].strip())
        elif upper.startswith("END:"):
            self.end(line, upper[4:].strip())
        elif self.tz is not None:
            if len(self.tz) < 10_000 and not line.too_long:
                self.tz.append(line)
        elif self.event is not None:
            self.event_line(line)
        elif self.calendar is not None and not self.depth:
            parts = split(line.text)
            if parts and parts[0] == "METHOD" and not self.calendar.method:
                self.calendar.method = parts[2].strip()[:40]
            elif parts and parts[0] == "X-WR-TIMEZONE" and not self.calendar.wr_timezone:
                self.calendar.wr_timezone = parts[2].strip()[:200]

    def begin(self, line: Line, comp: str) -> None:
        if comp == "VCALENDAR":
            self.close_event(line.offset)
            self.close_tz()
            self.depth = []
            self.new_calendar()
            self.found = True
            return
        if comp == "VEVENT" and self.event is not None:
            self.close_event(line.offset)  # a VEVENT that never ended: close it
        if self.event is not None or self.tz is not None:
            self.depth.append(comp)  # VALARM, STANDARD, DAYLIGHT...
            if self.tz is not None:
                self.tz.append(line)
            return
        if self.calendar is None:
            self.new_calendar()  # a bare VEVENT with no VCALENDAR around it
        if comp == "VEVENT":
            self.found = True
            self.depth = []
            ix = self.index
            self.event = len(ix.begins)
            ix.begins.append(line.offset)
            ix.linenos.append(line.lineno)
            ix.calendars.append(len(ix.calendar_list) - 1)
            self.event_size = 0
        elif comp == "VTIMEZONE" and not self.depth:
            self.tz = [line]
        else:
            self.depth.append(comp)  # another component (VTODO, VJOURNAL...): skipped whole

    def end(self, line: Line, comp: str) -> None:
        if comp == "VCALENDAR":
            self.close_event(line.offset)
            self.close_tz()
            self.calendar, self.depth = None, []
            return
        if comp in self.depth:
            while self.depth and self.depth.pop() != comp:
                pass
            if self.tz is not None:
                self.tz.append(line)
        elif comp == "VEVENT" and self.event is not None:
            self.ending = True
        elif comp == "VTIMEZONE" and self.tz is not None:
            self.tz.append(line)
            self.close_tz()

    def event_line(self, line: Line) -> None:
        assert self.event is not None
        ix = self.index
        if line.too_long and self.event not in ix.errors:
            ix.errors[self.event] = f"line {line.lineno} is too long ({line.too_long // 1024} KiB, at most 1 MiB)"
        self.event_size += len(line.text)
        if self.event_size > MAX_EVENT_BYTES and self.event not in ix.errors:
            ix.errors[self.event] = f"event too large (over {MAX_EVENT_BYTES // 2**20} MiB)"
        if self.depth:
            return  # a VALARM's lines
        parts = split(line.text)
        if parts is None:
            return
        name, _, value = parts
        if name == "UID" and value.strip() and self.event not in ix.keys:
            ix.keys[self.event] = uid_key(value)
        elif name == "RECURRENCE-ID":
            ix.overrides.add(self.event)
        elif name == "SEQUENCE" and value.strip().isdigit():
            ix.sequences[self.event] = int(value.strip()[:9])


def scan(fh: BinaryIO, path: Path, spans: Sequence[tuple[int, int | None]] | None = None) -> Index:
    """The first pass over the file; a UserError when it is not a calendar.

    ``spans``, (start, end) byte ranges read in order as if they were the file, lets a source
    read only what is new: the calendar's head (its properties and VTIMEZONEs, up to the first
    event), then from where the last read stopped up to the end of the last complete event.
    """
    state = _Scan()
    try:
        for start, end in spans or ((0, None),):
            for line in logical_lines(fh, start, end):
                state.line(line)
        last = spans[-1][1] if spans else None
        if last is None:
            fh.seek(0, os.SEEK_END)
            last = fh.tell()
        state.close_event(last)
    except _Binary:
        raise UserError(f"{path}: not an iCalendar file (binary data)") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    state.close_tz()
    if not state.found:
        raise UserError(f"{path}: not an iCalendar file (no BEGIN:VCALENDAR on any line)")
    return state.index


# --------------------------------------------------------------------------------------------
# The second pass: one event parsed


def _from_ical(parts: Iterable[str]) -> Any:
    joined = "\r\n".join(["BEGIN:VCALENDAR", *parts, "END:VCALENDAR", ""])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return icalendar.Calendar.from_ical(joined)


_TZID_PARAM = re.compile(r";TZID=\"?([^\";:]+)", re.IGNORECASE)


def good_timezones(index: Index) -> None:
    """Keep only the VTIMEZONEs icalendar can read (a broken one is then resolved by name)."""
    for calendar in index.calendar_list:
        for tzid, block in list(calendar.timezones.items()):
            try:
                _from_ical(block)
            except Exception:
                del calendar.timezones[tzid]


def read_event(fh: BinaryIO, index: Index, i: int) -> tuple[Any | None, str]:
    """(the icalendar VEVENT, "") or (None, why it cannot be read) for the 0-based event ``i``."""
    if i in index.errors:
        return None, index.errors[i]
    lines = list(line_numbers(fh, index.begins[i], index.linenos[i], index.ends[i]))
    block = component_lines(lines)
    if not block or block[0].upper() != "BEGIN:VEVENT":
        return None, "empty event"
    calendar = index.calendar_list[index.calendars[i]]
    zones: list[str] = []
    for tzid in dict.fromkeys(m.group(1).strip() for ln in block for m in _TZID_PARAM.finditer(ln.split(":", 1)[0])):
        zones.extend(calendar.timezones.get(tzid, []))
    error = "empty event"
    for attempt in ([*zones, *block], block) if zones else (block,):
        try:
            parsed = _from_ical(attempt)
            found = [c for c in parsed.subcomponents if getattr(c, "name", "") == "VEVENT"]
            if found:
                return found[0], ""
            error = "empty event"
        except Exception as exc:  # icalendar's errors are plain ValueErrors and worse
            error = short(exc)
    return None, error
