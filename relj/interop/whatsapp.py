"""WhatsApp "Export chat" text files, from Android and iOS, in any of their date formats.

Every message line starts with a date and time whose shape depends on the phone's locale:

    12/03/2024, 21:15 - Ana: hi              Android, day first, 24-hour
    [12/03/2024, 21:15:07] Ana: hi           iOS (often after a U+200E mark)
    3/12/24, 9:15 PM - Ana: hi               US, month first, 12-hour (U+202F before PM)
    12.03.24, 21:15 - Ana: hi                German
    2024-03-12 21:15 - Ana: hi               ISO

A line whose date cannot be read, or falls outside 1900..2200, is a bad record.
Lines without a timestamp continue the previous message. Messages become one TEXT event per
day per chat; call notices become PHONE or VIDEO events. Bodies are read only to recognise
system lines and call notices: they never reach a record or the log.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from relj.domain import Channel, Initiator
from relj.errors import UserError
from relj.interop.phone import clean_phone, looks_like_phone
from relj.interop.records import BadRecord, EventRecord, Party, SkippedRecord, date_out_of_range
from relj.interop.textutil import CHUNK, iter_lines, open_regular, read_chunks

__all__ = ["DATE_ORDERS", "detect_date_order", "looks_like_chat", "parse_whatsapp"]

log = logging.getLogger(__name__)

DATE_ORDERS = ("dmy", "mdy", "ymd")
# A message line is never longer: the rest of a longer one is not read.
_MAX_LINE_BYTES = 1 << 20

WhatsAppRecord = EventRecord | BadRecord | SkippedRecord

_MARKS = "\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
_MARKS_TEXT = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff \t"
_STRIP_MARKS = re.compile(f"[{_MARKS}]")
_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\.?"
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
_AMPM = r"[AaPp]\.?\s?[Mm]\.?"
# "\s" covers the no-break spaces (U+00A0, U+202F) that exports put before AM/PM. A bracketed
# (iOS) stamp is followed by the sender; a bare (Android) one by " - ".
# Some locales put a word between date and time: Finnish "12.3.2024 klo 21.15", Danish and
# Norwegian "12.03.2024 kl. 21.15".
_AT = r"(?:klo|kl\.?)"
_HEAD = re.compile(
    rf"^[{_MARKS}\s]*(?P<open>\[)?[{_MARKS}]*(?P<date>{_DATE}),?\s+(?:{_AT}\s+)?(?P<time>{_TIME})"
    rf"(?:\s*(?P<ampm>{_AMPM}))?(?(open)\]\s*|\s*[-\u2013]\s+)(?P<rest>.*)$"
)
# A line that starts like a message line (a date, a few letters at most, a time) but that
# _HEAD cannot read: a format relj does not know. Never taken for a message's second line.
_LOOKS_STAMPED = re.compile(rf"^[{_MARKS}\s]*\[?[{_MARKS}]*{_DATE},?\s+[^\d\s]{{0,6}}\s*\d{{1,2}}[:.]\d{{2}}")
# "Ana: hi". A colon inside quotes belongs to a system line ('Ana changed the subject to "a: b"').
_SENDER = re.compile(r"^(?P<sender>[^:\n]{1,120}?): (?P<text>.*)$", re.DOTALL)
_NOT_IN_NAMES = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')

_DELETED = re.compile(
    r"^(?:this message was deleted|you deleted this message|diese nachricht wurde gelöscht"
    r"|du hast diese nachricht gelöscht|se eliminó este mensaje|eliminaste este mensaje"
    r"|ce message a été supprimé|vous avez supprimé ce message|essa mensagem foi apagada"
    r"|você apagou esta mensagem|questo messaggio è stato eliminato|hai eliminato questo messaggio)\.?$",
    re.IGNORECASE,
)
# iOS marks system texts with a leading U+200E, but media notices carry it too and are real
# messages from their sender.
_MEDIA = re.compile(
    r"(?:omitted|weggelassen|omitido|omis|omesso|<attached:|<anhang:|<adjunto:|<pièce jointe|<allegato:"
    r"|^location:|^standort:|^ubicación:|<this message was edited>)",
    re.IGNORECASE,
)
_MISSED = re.compile(
    r"^(?:missed (?:group )?(?:voice|video) call|silenced (?:voice|video) call"
    r"|verpasster (?:gruppen-)?(?:sprach|video)anruf|verpasster anruf"
    r"|llamada (?:de voz |de video |de vídeo )?perdida|videollamada perdida"
    r"|appel (?:vocal |vidéo )?manqué|chamada (?:de voz |de vídeo )?perdida|chiamata (?:vocale |video )?persa)",
    re.IGNORECASE,
)
_VIDEO = re.compile(
    r"^(?:(?:group )?video call|(?:gruppen-)?videoanruf|videollamada|appel vidéo|chamada de vídeo"
    r"|videochiamata|videogesprek)",
    re.IGNORECASE,
)
_VOICE = re.compile(
    r"^(?:(?:group )?voice call|(?:gruppen-)?sprachanruf|anruf|llamada de voz|llamada|appel vocal|appel"
    r"|chamada de voz|chamada|chiamata vocale|chiamata|spraakoproep)",
    re.IGNORECASE,
)
_UNANSWERED = re.compile(
    r"^(?:no answer|keine antwort|nicht angenommen|sin respuesta|pas de réponse|sem resposta|nessuna risposta"
    r"|geen antwoord|declined|abgelehnt|rechazada)\.?$",
    re.IGNORECASE,
)
# System notices that exports sometimes put behind the chat's name, as if it had said them
# (iOS, with the U+200E mark that tells them apart lost on the way). The encryption notice
# opens every chat; the others are group events, recognised only behind the chat's name.
_ENCRYPTION_NOTICE = re.compile(
    r"^(?:messages and calls are end-to-end encrypted|messages (?:you send )?to this (?:group|chat)(?: and calls)?"
    r" are now secured with end-to-end encryption|nachrichten und anrufe sind ende-zu-ende-verschlüsselt"
    r"|los mensajes y las llamadas están cifrados de extremo a extremo"
    r"|les messages et les appels sont chiffrés de bout en bout"
    r"|as mensagens e as chamadas são protegidas com a criptografia de ponta a ponta"
    r"|i messaggi e le chiamate sono crittografati end-to-end|berichten en oproepen zijn end-to-end versleuteld"
    r"|viestit ja puhelut ovat päästä päähän salattuja)",
    re.IGNORECASE,
)
_GROUP_EVENT = re.compile(
    r"\b(?:created (?:the )?group|created this group|added|removed|left|joined using|changed the subject"
    r"|changed this group's|changed the group|changed their phone number|is now an admin|now an admin"
    r"|hat die gruppe|hinzugefügt|entfernt|beigetreten|verlassen"
    r"|creó el grupo|añadió|eliminó|salió|a créé le groupe|a ajouté|a retiré|est parti"
    r"|loi ryhmän|lisäsi|poisti|poistui)\b",
    re.IGNORECASE,
)
_CALL_BACK = re.compile(r"call back|zurückrufen|devolver|rappeler|retornar|richiamare|terugbellen", re.IGNORECASE)
_CLOCK = re.compile(r"^(\d{1,3}):(\d{2})(?::(\d{2}))?$")
_UNIT = re.compile(
    r"(\d{1,4})\s*(hours?|hrs?|h|std\.?|stunden?|horas?|heures?|ore|minutes?|minuten|minutos?|minuti|mins?|m"
    r"|seconds?|secs?|sekunden?|sek\.?|segundos?|secondes?|secondi|s)\.?(?=\s|,|$)",
    re.IGNORECASE,
)
_CHAT_FILE = re.compile(
    r"^(?:whatsapp[- ]chat (?:with|mit|con|avec|com|met|z|-)|chat de whatsapp con|discussion whatsapp avec"
    r"|conversa do whatsapp com)\s+(?P<name>.+?)(?:\s*\(\d+\))?$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Stamp:
    """The date and time of a message line, before they are read as a date."""

    fields: tuple[str, str, str]
    separator: str  # between the date's fields: "/", "." or "-"
    hour: int
    minute: int
    second: int | None
    ampm: str | None


@dataclass(slots=True)
class _Day:
    first_at: tuple[str, int]  # ("HH:MM:SS", line): the earliest message decides the initiator
    first_sender: str
    count: int = 0
    writers: dict[str, None] = field(default_factory=dict)  # who wrote that day, in order
    seen: dict[str, None] = field(default_factory=dict)  # anyone with a line that day (calls too)


@dataclass(slots=True)
class _Call:
    line: int
    day: dt.date
    time: str
    caller: str
    channel: Channel
    seconds: int | None


@dataclass(slots=True)
class _Chat:
    senders: dict[str, None] = field(default_factory=dict)  # in order of appearance
    days: dict[dt.date, _Day] = field(default_factory=dict)
    calls: list[_Call] = field(default_factory=list)


def _unmark(text: str) -> str:
    return _STRIP_MARKS.sub("", text).strip()


def _stamp(line: str) -> tuple[_Stamp, str] | None:
    """The timestamp of a message line and the rest of it; None for a continuation line."""
    m = _HEAD.match(line)
    if m is None:
        return None
    parts = re.split(r"[./-]", m["date"].rstrip("."))
    if len(parts) != 3:
        return None
    clock = re.split(r"[:.]", m["time"])
    second = int(clock[2]) if len(clock) == 3 else None
    ampm = m["ampm"][0].lower() if m["ampm"] else None
    separator = m["date"][len(parts[0])]
    return _Stamp((parts[0], parts[1], parts[2]), separator, int(clock[0]), int(clock[1]), second, ampm), m["rest"]


def looks_like_chat(lines: Iterable[str]) -> bool:
    """Whether text starts like a WhatsApp export: its first non-empty line is a message line
    (a date, a time, then a sender or a system notice). Used to recognise a file by its content."""
    for line in lines:
        if line.strip(_MARKS_TEXT):
            found = _stamp(line)
            return found is not None and bool(found[1].strip())
    return False


def detect_date_order(lines: Iterable[str]) -> str:
    """Infer "dmy", "mdy" or "ymd" from every timestamp in a chat export.

    A four-digit first field means year first. Otherwise a first field above 12 means day
    first, and a second field above 12 means month first (the first wins if a file has
    both). When no field decides, the order under which the dates run in sequence wins, since
    exports are chronological. When even that ties: dotted dates and zero-padded dates are
    read day first, unpadded dates with AM/PM month first (the US style).
    """
    ymd = other = 0
    first_big = second_big = dotted = padded = ampm = False
    previous: dict[str, tuple[int, int, int] | None] = {"dmy": None, "mdy": None}
    backwards = {"dmy": 0, "mdy": 0}
    for line in lines:
        found = _stamp(line)
        if found is None:
            continue
        stamp = found[0]
        a, b, c = stamp.fields
        if len(a) == 4:
            ymd += 1
            continue
        other += 1
        first, second, year = int(a), int(b), int(c)
        first_big |= first > 12
        second_big |= second > 12
        dotted |= stamp.separator == "."
        padded |= (len(a) == 2 and a.startswith("0")) or (len(b) == 2 and b.startswith("0"))
        ampm |= stamp.ampm is not None
        for order, (day, month) in (("dmy", (first, second)), ("mdy", (second, first))):
            key = (year, month, day)
            last = previous[order]
            if last is not None and key < last:
                backwards[order] += 1
            previous[order] = key
    if ymd > other:
        return "ymd"
    if first_big:
        return "dmy"
    if second_big:
        return "mdy"
    if backwards["dmy"] != backwards["mdy"]:
        return "dmy" if backwards["dmy"] < backwards["mdy"] else "mdy"
    if dotted or padded or not ampm:
        return "dmy"
    return "mdy"


def _date(fields: tuple[str, str, str], order: str) -> dt.date | None:
    if order == "ymd":
        y, m, d = fields
    elif order == "mdy":
        m, d, y = fields
    else:
        d, m, y = fields
    if len(y) not in (2, 4):
        return None
    year = int(y)
    if len(y) == 2:
        year += 2000  # WhatsApp is younger than 2000
    try:
        return dt.date(year, int(m), int(d))
    except ValueError:
        return None


def _time(stamp: _Stamp) -> str | None:
    hour = stamp.hour
    if stamp.ampm is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if stamp.ampm == "p" else 0)
    if hour > 23 or stamp.minute > 59 or (stamp.second or 0) > 59:
        return None
    return f"{hour:02d}:{stamp.minute:02d}" + ("" if stamp.second is None else f":{stamp.second:02d}")


def _duration(text: str) -> int | None:
    """Seconds in "12 min", "1:02:03", "45 sec", "1 hr 3 min"; None if that is not all the text."""
    text = text.strip(" ,.")
    m = _CLOCK.match(text)
    if m:
        a, b, c = int(m[1]), int(m[2]), m[3]
        return a * 3600 + b * 60 + int(c) if c is not None else a * 60 + b
    total, end = 0, 0
    for unit in _UNIT.finditer(text):
        if text[end : unit.start()].strip(" ,"):
            return None
        n, name = int(unit[1]), unit[2].lower()
        if name.startswith(("h", "std", "stund", "ore")):
            total += n * 3600
        elif name.startswith("m"):
            total += n * 60
        else:
            total += n
        end = unit.end()
    if end == 0 or text[end:].strip(" ,."):
        return None
    return total


def _call(text: str) -> tuple[str, Channel, int | None] | None:
    """Read a call notice: ("missed"|"unanswered"|"call", channel, seconds), or None.

    Only a whole notice counts: "Voice call, 12 min" is a call, "Voice call tomorrow?" a text.
    """
    missed = _MISSED.match(text)
    if missed:
        rest = text[missed.end() :].strip(" ,.")
        if rest and not _CALL_BACK.search(rest):
            return None
        return ("missed", Channel.VIDEO if "vid" in missed[0].lower() else Channel.PHONE, None)
    for pattern, channel in ((_VIDEO, Channel.VIDEO), (_VOICE, Channel.PHONE)):
        m = pattern.match(text)
        if m is None:
            continue
        rest = text[m.end() :].strip(" ,.")
        if not rest:
            return ("call", channel, None)
        if _UNANSWERED.match(rest):
            return ("unanswered", channel, None)
        seconds = _duration(rest)
        return ("call", channel, seconds) if seconds is not None else None
    return None


def _chat_name(path: Path) -> str | None:
    """The chat's name from "WhatsApp Chat with Ana.txt", or from the folder of an iOS "_chat.txt"."""
    for candidate in (path.stem, path.parent.name):
        m = _CHAT_FILE.match(candidate.strip())
        if m:
            return m["name"].strip()
    return None


def _lines(path: Path) -> Iterator[str]:
    """The file's lines, decoded as UTF-8 (or UTF-16 with a BOM); bad bytes become U+FFFD.

    Streamed in bounded memory: a line longer than ``_MAX_LINE_BYTES`` is cut there (the rest
    of a message is never read, only its first line's start is). Only ``\\n``, ``\\r`` and
    ``\\r\\n`` end a line: U+2028 and friends may sit inside a message.
    """
    with open_regular(path) as raw:
        try:
            head = raw.read(2)
            raw.seek(0)
            if head in (b"\xff\xfe", b"\xfe\xff"):
                text = io.TextIOWrapper(raw, encoding="utf-16", errors="replace", newline="")
                chunks: Iterator[bytes] = (part.encode("utf-8") for part in iter(lambda: text.read(CHUNK), ""))
            else:
                chunks = read_chunks(raw)
            first = True
            for line, _too_long in iter_lines(chunks, _MAX_LINE_BYTES):
                if first:
                    line, first = line.removeprefix(b"\xef\xbb\xbf"), False
                yield line.decode("utf-8", "replace")
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None


def parse_whatsapp(
    path: Path, *, me_names: set[str], date_order: str | None = None
) -> Iterator[EventRecord | BadRecord | SkippedRecord]:
    """Read one exported chat: a TEXT event per day, PHONE/VIDEO events for call notices.

    Args:
        path: the exported .txt ("WhatsApp Chat with Ana.txt", or an iOS "_chat.txt" in a
            folder named after the chat). The chat's name, from the file name, keys the
            events; without it the sorted names of the other senders do, and those keys
            change when someone new writes in the chat.
        me_names: the owner's names as WhatsApp shows them, compared case-insensitively.
            Their messages count for the day and decide the initiator, but they are not a
            party. When empty, nothing is inferred: every sender is a party and the
            initiator is UNKNOWN, and the import engine must tell the owner apart.
        date_order: "dmy", "mdy" or "ymd"; detected from the whole file when None.

    Events come out at the end, once every sender of the chat is known: in a group chat
    every event names every other sender as a party.
    """
    if date_order is not None and date_order not in DATE_ORDERS:
        raise UserError(f"Unknown date order {date_order!r}: use one of {', '.join(DATE_ORDERS)}")
    me = {_unmark(name).casefold() for name in me_names} - {""}
    return _counted(_parse(path, me, date_order))


def _counted(records: Iterator[WhatsAppRecord]) -> Iterator[WhatsAppRecord]:
    counts = {"event": 0, "skipped": 0, "bad": 0}
    for record in records:
        kind = "event" if isinstance(record, EventRecord) else "skipped" if isinstance(record, SkippedRecord) else "bad"
        counts[kind] += 1
        yield record
    log.info("whatsapp: %d events, %d skipped, %d bad", counts["event"], counts["skipped"], counts["bad"])


def _parse(path: Path, me: set[str], date_order: str | None) -> Iterator[WhatsAppRecord]:
    order = date_order or detect_date_order(_lines(path))
    chat = _Chat()
    name = _chat_name(path)
    chat_key = _loose(name) if name else ""
    stamps = 0
    for number, line in enumerate(_lines(path), start=1):
        found = _stamp(line)
        where = f"line {number}"
        if found is None:
            # A message's next line, unless it starts like a message line in a format relj
            # cannot read, or comes before any message: never dropped without a word.
            if _LOOKS_STAMPED.match(line):
                yield SkippedRecord(where, "unreadable line (unknown date format)")
            elif stamps == 0 and line.strip(_MARKS_TEXT):
                yield SkippedRecord(where, "unreadable line (before the first message)")
            continue
        stamps += 1
        stamp, rest = found
        day = _date(stamp.fields, order)
        if day is None:
            yield BadRecord(where, "bad date")
            continue
        refused = date_out_of_range(day)  # 12/03/9999: a real date, but none relj keeps
        if refused:
            yield BadRecord(where, refused)
            continue
        time = _time(stamp)
        if time is None:
            yield BadRecord(where, "bad time")
            continue
        yield from _line(chat, where, number, day, time, rest, chat_key)
    if stamps == 0:
        raise UserError(f"{path}: no WhatsApp messages found (is it a chat exported as text?)")
    yield from _events(chat, name, me)


def _loose(name: str) -> str:
    """A name compared loosely: letters and digits only, case-folded ("Family 👨‍👩‍👧" is "family")."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _line(
    chat: _Chat, where: str, number: int, day: dt.date, time: str, rest: str, chat_key: str
) -> Iterator[SkippedRecord]:
    """Account for one message line; yield a record only when it is skipped."""
    m = _SENDER.match(rest)
    # Newer exports show someone not in the address book as "~ Ana" (or "~\u202fAna").
    sender = _unmark(m["sender"]).removeprefix("~").strip() if m else ""
    if m is None or not sender or _NOT_IN_NAMES.search(sender):
        yield SkippedRecord(where, "system message")
        return
    raw_text = m["text"].lstrip()
    text = _unmark(raw_text)
    if _ENCRYPTION_NOTICE.match(text) or (
        chat_key and _loose(sender) == chat_key and len(text) < 500 and _GROUP_EVENT.search(text)
    ):
        # The chat's name in front of a notice, without the mark that says so: not a person.
        yield SkippedRecord(where, "system message")
        return
    call = _call(text)
    if call is not None:
        chat.senders.setdefault(sender)
        _seen(chat, day, time, number, sender).seen.setdefault(sender)
        kind, channel, seconds = call
        if kind == "missed":
            yield SkippedRecord(where, "missed call")
        elif kind == "unanswered":
            yield SkippedRecord(where, "unanswered call")
        elif seconds == 0:
            yield SkippedRecord(where, "zero-length call")
        else:
            chat.calls.append(_Call(number, day, time, sender, channel, seconds))
        return
    if _DELETED.match(text):
        chat.senders.setdefault(sender)
        _seen(chat, day, time, number, sender).seen.setdefault(sender)
        yield SkippedRecord(where, "deleted message")
        return
    if raw_text.startswith("\u200e") and not _MEDIA.search(text):
        # iOS: "[…] Family: ‎Ana added Ben". The "sender" is the group, not a person.
        yield SkippedRecord(where, "system message")
        return
    chat.senders.setdefault(sender)
    slot = _seen(chat, day, time, number, sender)
    at = (time, number)
    if slot.count == 0 or at < slot.first_at:
        slot.first_at, slot.first_sender = at, sender
    slot.count += 1
    slot.writers.setdefault(sender)
    slot.seen.setdefault(sender)


def _seen(chat: _Chat, day: dt.date, time: str, number: int, sender: str) -> _Day:
    """The day's slot, made when a day's first line is read."""
    slot = chat.days.get(day)
    if slot is None:
        slot = chat.days[day] = _Day((time, number), sender)
    return slot


def _party(sender: str) -> Party:
    if looks_like_phone(sender):
        return Party(phone=clean_phone(sender))
    return Party(name=sender)


def _events(chat: _Chat, name: str | None, me: set[str]) -> Iterator[WhatsAppRecord]:
    """One TEXT event per day with messages, one event per call.

    In a chat with one other person, that person takes part every day. In a group (more than
    one other sender) a day's interaction is with the people who wrote that day, and a call
    with its caller, or when the owner called, with the people active that day (everyone
    seen in the chat when nobody else was).
    """
    others = [s for s in chat.senders if s.casefold() not in me]
    group = len(others) > 1
    everyone = [_party(s) for s in others]
    if not everyone and name:
        everyone = [Party(name=name)]
    chat_id = name or ",".join(sorted(others))

    def initiator(sender: str) -> Initiator:
        if not me:
            return Initiator.UNKNOWN
        return Initiator.ME if sender.casefold() in me else Initiator.THEM

    def who(names: Iterable[str]) -> list[Party]:
        return [_party(s) for s in names if s.casefold() not in me]

    for day, slot in sorted(chat.days.items()):
        if slot.count == 0:
            continue  # only calls and deleted messages that day
        where = f"messages from line {slot.first_at[1]}"
        parties = who(slot.writers) if group else everyone
        if not parties:
            yield SkippedRecord(where, "own message")
            continue
        yield EventRecord(
            where=where,
            source="whatsapp",
            source_key=f"whatsapp:{chat_id}:{day.isoformat()}",
            occurred_on=day,
            occurred_time=slot.first_at[0][:5],
            channel=Channel.TEXT,
            parties=parties,
            initiator=initiator(slot.first_sender),
            note=f"{slot.count} message" + ("" if slot.count == 1 else "s"),
        )
    for call in chat.calls:
        where = f"line {call.line}"
        parties = everyone
        if group:
            parties = who([call.caller]) or who(chat.days[call.day].seen) or everyone
        if not parties:
            yield SkippedRecord(where, "own message")
            continue
        yield EventRecord(
            where=where,
            source="whatsapp",
            source_key=f"whatsapp:{chat_id}:{call.day.isoformat()}:call:{call.time}",
            occurred_on=call.day,
            occurred_time=call.time[:5],
            channel=call.channel,
            parties=[Party(p.email, p.phone, p.name) for p in parties],
            initiator=initiator(call.caller),
            duration_min=None if call.seconds is None else math.ceil(call.seconds / 60),
            sender=Party(name=call.caller, is_me=call.caller.casefold() in me),
        )
