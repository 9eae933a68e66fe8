"""Android call logs and texts, as written by "SMS Backup & Restore" (calls.xml, sms.xml).

The files reach hundreds of megabytes, so they are read with expat in chunks and never held
as a tree: each <call>, <sms> or <mms> is turned into plain values as soon as it closes.
DTDs are refused outright (defusedxml's approach): an entity bomb must fail at once, not hang.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import math
import re
from collections import Counter, OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from relj.clock import today as clock_today
from relj.domain import Channel, Initiator
from relj.errors import UserError
from relj.interop.phone import clean_phone, phone_key
from relj.interop.records import BadRecord, EventRecord, Party, SkippedRecord
from relj.interop.textutil import open_regular

__all__ = ["parse_calls", "parse_sms"]

log = logging.getLogger(__name__)

_CHUNK = 1 << 20

AndroidRecord = EventRecord | BadRecord | SkippedRecord

# CallLog.Calls.TYPE. 7 is a call answered on another device (a watch, a linked tablet).
_CALL_INCOMING, _CALL_OUTGOING, _CALL_ANSWERED_ELSEWHERE = 1, 2, 7
_CALL_SKIPS = {3: "missed call", 4: "voicemail", 5: "rejected call", 6: "blocked call"}
# Telephony.Sms.TYPE and Telephony.Mms.MESSAGE_BOX: 1 received, 2 sent; 3-6 were never sent.
_RECEIVED, _SENT = 1, 2
# PduHeaders: the FROM address of an MMS.
_ADDR_FROM = "137"
# What Android writes for a number it does not know.
_NO_NAME = {"", "(unknown)", "null", "unknown"}
_NO_NUMBER = {"", "null", "-1", "-2", "-3", "-4", "unknown", "private", "insert-address-token"}
# Before 1973 in milliseconds is after 5138 in seconds: dates come in either unit, even
# within one file (MMS always in seconds on some phones, SMS too after some restores).
_MS_THRESHOLD = 100_000_000_000
# The first text message was sent in December 1992; an earlier date is a placeholder (0,
# 1970) or garbage, never guessed, as mail is not.
_FIRST_YEAR = 1990
#: Recent message keys remembered to count a message the phone stored twice once.
DEDUP_WINDOW = 50_000


class _ForbiddenDTDError(Exception):
    """A DTD or entity declaration: refused before expat expands anything."""


class _WrongRootError(Exception):
    """The file is XML, but not the expected kind of backup."""

    def __init__(self, tag: str) -> None:
        super().__init__(tag)
        self.tag = tag


@dataclass(slots=True)
class _Element:
    """One top-level element, reduced to what the parsers need."""

    tag: str
    line: int
    attrs: dict[str, str]
    addrs: list[tuple[str, str]] = field(default_factory=list)  # MMS (address, type)


def _elements(path: Path, root_tag: str, kinds: frozenset[str]) -> Iterator[_Element]:
    """Stream the children of the root element whose tag is in ``kinds``.

    Raises UserError when the file cannot be opened, is not well-formed XML, holds a DTD,
    or has another root element than ``root_tag``.
    """
    handle: BinaryIO = open_regular(path)
    with handle:
        parser = expat.ParserCreate()
        pending: list[_Element] = []
        depth = 0
        current: _Element | None = None
        root_seen: list[str] = []

        def forbid(*_args: object) -> None:
            raise _ForbiddenDTDError

        def start(tag: str, attrs: dict[str, str]) -> None:
            nonlocal depth, current
            depth += 1
            if depth == 1:
                root_seen.append(tag)
                if tag != root_tag:
                    raise _WrongRootError(tag)
            elif depth == 2 and tag in kinds:
                current = _Element(tag, parser.CurrentLineNumber, attrs)
            elif current is not None and tag == "addr":
                current.addrs.append((attrs.get("address", ""), attrs.get("type", "")))

        def end(_tag: str) -> None:
            nonlocal depth, current
            if depth == 2 and current is not None:
                pending.append(current)
                current = None
            depth -= 1

        parser.StartDoctypeDeclHandler = forbid
        parser.EntityDeclHandler = forbid
        parser.ExternalEntityRefHandler = forbid  # type: ignore[assignment]
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        while True:
            try:
                chunk = handle.read(_CHUNK)
            except OSError as exc:
                raise UserError(f"Cannot read {path}: {exc.strerror or exc}") from None
            try:
                parser.Parse(chunk, not chunk)
            except _ForbiddenDTDError:
                raise UserError(
                    f"{path} (line {parser.CurrentLineNumber}): refusing an XML file with a DTD or entities"
                ) from None
            except _WrongRootError as exc:
                raise UserError(
                    f"{path} (line {parser.CurrentLineNumber}): expected <{root_tag}> from SMS Backup & Restore,"
                    f" found <{exc.tag}>"
                ) from None
            except expat.ExpatError as exc:
                raise UserError(
                    f"{path} (line {exc.lineno}): not well-formed XML ({expat.ErrorString(exc.code)});"
                    " is the backup truncated?"
                ) from None
            except (LookupError, ValueError) as exc:  # an XML declaration naming an unknown encoding
                raise UserError(f"{path} (line {parser.CurrentLineNumber}): cannot read this XML ({exc})") from None
            yield from pending
            pending.clear()
            if not chunk:
                break
        if not root_seen:
            raise UserError(f"{path}: empty XML file")


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    value = value.strip()
    if not re.fullmatch(r"-?\d{1,20}", value):
        return None
    return int(value)


def _ms(stamp: int) -> int:
    """Milliseconds since the epoch from a date in milliseconds or in seconds, told by its size."""
    return stamp * 1000 if abs(stamp) < _MS_THRESHOLD else stamp


def _local(ms: int, tz: dt.tzinfo | None) -> dt.datetime | None:
    """Milliseconds since the epoch as local time in ``tz`` (naive system local when None)."""
    try:
        return dt.datetime.fromtimestamp(ms // 1000, tz)
    except (OverflowError, OSError, ValueError):
        return None


def _impossible(when: dt.datetime) -> bool:
    """Before texts existed, or after next year: a placeholder or a broken clock."""
    return not _FIRST_YEAR <= when.year <= clock_today().year + 1


def _name(value: str | None) -> str:
    name = (value or "").strip()
    return "" if name.casefold() in _NO_NAME else name


def _has_number(value: str | None) -> bool:
    return clean_phone(value or "").casefold() not in _NO_NUMBER


def _counted(records: Iterator[AndroidRecord], what: str) -> Iterator[AndroidRecord]:
    """Pass records through and log how many of each kind: counts only, the log is not private."""
    counts = {"event": 0, "skipped": 0, "bad": 0}
    for record in records:
        if isinstance(record, EventRecord):
            counts["event"] += 1
        elif isinstance(record, SkippedRecord):
            counts["skipped"] += 1
        else:
            counts["bad"] += 1
        yield record
    log.info("%s: %d events, %d skipped, %d bad", what, counts["event"], counts["skipped"], counts["bad"])


def parse_calls(
    path: Path, *, tz: dt.tzinfo | None = None, region: str | None = None
) -> Iterator[EventRecord | BadRecord | SkippedRecord]:
    """Read a calls.xml: answered calls become PHONE events, the rest are skipped.

    Args:
        path: the backup file.
        tz: the zone for local dates and times; the system's zone when None.
        region: the owner's country ("GB"), so national numbers get a stable E.164 key.
            Pass the same region on every import or source keys of national numbers change.
    """
    return _counted(_calls(path, tz, region), "calls")


def _calls(path: Path, tz: dt.tzinfo | None, region: str | None) -> Iterator[AndroidRecord]:
    # A first pass for the names: a number's first call may have none and a later one a name.
    names = _Names()
    for el in _elements(path, "calls", frozenset({"call"})):
        names.add(phone_key(el.attrs.get("number", ""), region), _name(el.attrs.get("contact_name")))
    dedup = _Dedup()
    for el in _elements(path, "calls", frozenset({"call"})):
        where = f"call at line {el.line}"
        a = el.attrs
        if dedup.seen(("call", a.get("number"), a.get("date"), a.get("type"), a.get("duration"))):
            yield SkippedRecord(where, "stored twice")
            continue
        kind = _int(a.get("type"))
        if kind is None:
            yield BadRecord(where, "no call type")
            continue
        if kind in _CALL_SKIPS:
            yield SkippedRecord(where, _CALL_SKIPS[kind])
            continue
        if kind not in (_CALL_INCOMING, _CALL_OUTGOING, _CALL_ANSWERED_ELSEWHERE):
            yield SkippedRecord(where, "unknown call type")
            continue
        stamp = _int(a.get("date"))
        ms = _ms(stamp) if stamp is not None else None
        when = _local(ms, tz) if ms is not None else None
        if ms is None or when is None:
            yield BadRecord(where, "no date" if a.get("date") is None else "bad date")
            continue
        if _impossible(when):
            yield SkippedRecord(where, "impossible date")
            continue
        seconds = _int(a.get("duration", "0"))
        if seconds is None or seconds < 0:
            yield BadRecord(where, "bad duration")
            continue
        if seconds == 0:
            yield SkippedRecord(where, "answered elsewhere" if kind == _CALL_ANSWERED_ELSEWHERE else "zero-length call")
            continue
        number = a.get("number", "")
        if not _has_number(number):
            yield SkippedRecord(where, "withheld number")
            continue
        key = phone_key(number, region)
        party = Party(phone=clean_phone(number), name=names.best(key))
        yield EventRecord(
            where=where,
            source="calls",
            source_key=f"call:{key}:{ms}",
            occurred_on=when.date(),
            occurred_time=when.strftime("%H:%M"),
            channel=Channel.PHONE,
            parties=[party],
            initiator=Initiator.ME if kind == _CALL_OUTGOING else Initiator.THEM,
            duration_min=math.ceil(seconds / 60),
        )


class _Names:
    """The contact names a file gives each number; the best is the one it gives most often.

    A name a phone showed later counts as much as an earlier one, so a number whose first rows
    have no name (a contact saved after the first call) still gets it.
    """

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}

    def add(self, key: str, name: str) -> None:
        if key and name:
            self.counts.setdefault(key, Counter())[name] += 1

    def best(self, key: str) -> str:
        counts = self.counts.get(key)
        return counts.most_common(1)[0][0] if counts else ""


class _Dedup:
    """Remembers recent rows: the same message or call stored twice by the phone counts once.

    Only a digest of each row's identifying attributes, and only the last ``DEDUP_WINDOW``
    of them, so memory stays flat for any backup; a phone writes its copies close together.
    """

    def __init__(self) -> None:
        self.keys: OrderedDict[bytes, None] = OrderedDict()

    def seen(self, fields: tuple[object, ...]) -> bool:
        digest = hashlib.blake2b(repr(fields).encode("utf-8", "surrogatepass"), digest_size=12).digest()
        if digest in self.keys:
            return True
        self.keys[digest] = None
        if len(self.keys) > DEDUP_WINDOW:
            self.keys.popitem(last=False)
        return False


@dataclass(slots=True)
class _Day:
    """The texts of one conversation on one day, as counts: bodies are never kept."""

    first_at: tuple[int, int]  # (epoch ms, line): the earliest message decides the initiator
    first_line: int
    first_sent: bool
    count: int = 0


@dataclass(slots=True)
class _Message:
    line: int
    ms: int
    sent: bool
    others: list[str]  # the raw numbers of the conversation
    owner_candidates: list[str]  # raw numbers that may be the owner's (MMS only)
    name: str


def parse_sms(
    path: Path,
    *,
    tz: dt.tzinfo | None = None,
    region: str | None = None,
    me_numbers: frozenset[str] = frozenset(),
) -> Iterator[EventRecord | BadRecord | SkippedRecord]:
    """Read an sms.xml: one TEXT event per conversation per local day, with "N messages".

    A conversation is the set of other numbers: one for a plain SMS, several for a group MMS.
    The owner's own number is learnt from sent MMS (their FROM address) and from
    ``me_numbers``, and taken out of every conversation. Broken and unsent messages come out
    as they are met; the day events come out at the end, in date order.

    Args:
        path: the backup file.
        tz: the zone for local dates; the system's zone when None.
        region: the owner's country ("GB"): "07700 900123" and "+447700900123" are then one
            conversation, and keys stay stable. Pass the same region on every import.
        me_numbers: the owner's numbers, when known.
    """
    return _counted(_sms(path, tz, region, me_numbers), "sms")


def _sms(path: Path, tz: dt.tzinfo | None, region: str | None, me_numbers: frozenset[str]) -> Iterator[AndroidRecord]:
    def key(number: str) -> str:
        if "@" in number:  # MMS to and from email addresses
            return number.strip().casefold()
        return phone_key(number, region)

    owner: set[str] = {key(n) for n in me_numbers} - {""}
    # (conversation keys as first met, local date) -> counts; merged once the owner is known.
    days: dict[tuple[frozenset[str], dt.date], _Day] = {}
    shown: dict[str, str] = {}  # key -> the number as first written, for Party.phone
    names = _Names()  # key -> contact names, from one-to-one messages only
    dedup = _Dedup()
    for el in _elements(path, "smses", frozenset({"sms", "mms"})):
        where = f"{el.tag} at line {el.line}"
        if dedup.seen(_identity(el)):
            yield SkippedRecord(where, "stored twice")
            continue
        message = _read_sms(el) if el.tag == "sms" else _read_mms(el)
        if isinstance(message, BadRecord | SkippedRecord):
            message.where = where
            yield message
            continue
        when = _local(message.ms, tz)
        if when is None:
            yield BadRecord(where, "bad date")
            continue
        if _impossible(when):
            yield SkippedRecord(where, "impossible date")
            continue
        keys = set()
        automated = 0
        for number in message.others:
            k = key(number)
            if _is_automated(number, k):
                automated += 1
            elif k:
                keys.add(k)
                shown.setdefault(k, clean_phone(number))
        for number in message.owner_candidates:
            k = key(number)
            if k:
                owner.add(k)
        if not keys:
            yield SkippedRecord(where, "automated sender" if automated else "no address")
            continue
        if len(keys) == 1:
            names.add(next(iter(keys)), message.name)
        slot = (frozenset(keys), when.date())
        day = days.get(slot)
        at = (message.ms, el.line)
        if day is None:
            day = days[slot] = _Day(first_at=at, first_line=el.line, first_sent=message.sent)
        elif at < day.first_at:
            day.first_at, day.first_line, day.first_sent = at, el.line, message.sent
        day.count += 1
    yield from _sms_days(days, owner, shown, names, tz)


def _sms_days(
    days: dict[tuple[frozenset[str], dt.date], _Day],
    owner: set[str],
    shown: dict[str, str],
    names: _Names,
    tz: dt.tzinfo | None,
) -> Iterator[EventRecord]:
    merged: dict[tuple[frozenset[str], dt.date], _Day] = {}
    for (keys, date), day in days.items():
        # Without the owner, unless that leaves nobody (a note to self).
        conv = frozenset(keys - owner) or keys
        slot = (conv, date)
        into = merged.get(slot)
        if into is None:
            merged[slot] = _Day(day.first_at, day.first_line, day.first_sent, day.count)
            continue
        if day.first_at < into.first_at:
            into.first_at, into.first_line, into.first_sent = day.first_at, day.first_line, day.first_sent
        into.count += day.count
    for (conv, date), day in sorted(merged.items(), key=lambda item: (item[0][1], item[1].first_at)):
        ordered = sorted(conv)
        parties = [_party(shown.get(k, k), names.best(k) if len(conv) == 1 else "") for k in ordered]
        first = _local(day.first_at[0], tz)
        yield EventRecord(
            where=f"messages from line {day.first_line}",
            source="sms",
            source_key=f"sms:{','.join(ordered)}:{date.isoformat()}",
            occurred_on=date,
            occurred_time=first.strftime("%H:%M") if first else None,
            channel=Channel.TEXT,
            parties=parties,
            initiator=Initiator.ME if day.first_sent else Initiator.THEM,
            note=f"{day.count} message" + ("" if day.count == 1 else "s"),
        )


def _identity(el: _Element) -> tuple[object, ...]:
    """What makes a message itself: a copy the phone stored twice has all of it the same."""
    a = el.attrs
    if el.tag == "sms":
        return ("sms", a.get("address"), a.get("date"), a.get("type"), a.get("body"))
    return ("mms", a.get("address"), a.get("date"), a.get("msg_box"), a.get("m_id"), a.get("tr_id"), a.get("sub"),
            tuple(el.addrs))  # fmt: skip


def _is_automated(number: str, key: str) -> bool:
    """A sender name ("AMAZON") or a short code ("88600"): nobody to keep in touch with."""
    if "@" in number:
        return False
    if any(ch.isalpha() for ch in clean_phone(number)):
        return True
    return not key.startswith("+") and len(key) <= 6


def _party(shown: str, name: str) -> Party:
    if "@" in shown:
        return Party(email=shown, name=name)
    return Party(phone=shown, name=name)


def _split(addresses: str | None) -> list[str]:
    """An address attribute: one number, or several joined by "~" (sometimes ";" or ",")."""
    return [a for a in re.split(r"[~;,]", addresses or "") if _has_number(a)]


def _box(value: str | None) -> bool | BadRecord | SkippedRecord:
    """True for sent, False for received; a record for what must not count."""
    box = _int(value)
    if box is None:
        return BadRecord("", "no message type")
    if box not in (_RECEIVED, _SENT):
        return SkippedRecord("", "unsent message")
    return box == _SENT


def _read_sms(el: _Element) -> _Message | BadRecord | SkippedRecord:
    a = el.attrs
    sent = _box(a.get("type"))
    if not isinstance(sent, bool):
        return sent
    stamp = _int(a.get("date"))
    if stamp is None:
        return BadRecord("", "no date" if a.get("date") is None else "bad date")
    others = _split(a.get("address"))
    return _Message(el.line, _ms(stamp), sent, others, [], _name(a.get("contact_name")))


def _read_mms(el: _Element) -> _Message | BadRecord | SkippedRecord:
    a = el.attrs
    sent = _box(a.get("msg_box"))
    if not isinstance(sent, bool):
        return sent
    stamp = _int(a.get("date"))
    if stamp is None:
        return BadRecord("", "no date" if a.get("date") is None else "bad date")
    ms = _ms(stamp)
    owner: list[str] = []
    if sent:
        # The FROM of a sent MMS is the owner (or a placeholder token, which _has_number drops).
        owner = [number for number, kind in el.addrs if kind == _ADDR_FROM and _has_number(number)]
    # The address attribute is Android's thread: the other people, "~"-joined. Without it,
    # every addr but the owner's; the owner is taken out once known, at the end.
    others = _split(a.get("address"))
    if not others:
        others = [number for number, _kind in el.addrs if _has_number(number) and number not in owner]
    return _Message(el.line, ms, sent, others, owner, _name(a.get("contact_name")))
