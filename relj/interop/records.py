"""Neutral records that every file parser yields and the import engine applies to the store.

Parsers never touch the store: they turn bytes into these records, streaming. The engine
(relj.interop.engine) matches them to people, writes them in one transaction, and keeps
the import history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from relj.domain import Channel, Initiator, Status


@dataclass(slots=True)
class ContactRecord:
    """One person from an address book (a vCard, a CSV row)."""

    where: str  # "card 3 (line 41)", "row 12": used in messages about this record
    display_name: str = ""  # already derived: FN, else "Given Family", else NICKNAME, else email
    given_name: str = ""
    family_name: str = ""
    nickname: str = ""
    organisation: str = ""
    role: str = ""
    birthday: str | None = None  # "YYYY-MM-DD" or "--MM-DD" when the year is unknown
    notes: str = ""
    emails: list[str] = field(default_factory=list)
    email_labels: dict[str, str] = field(default_factory=dict)  # lower-cased email -> "work", "home"...
    phones: list[tuple[str, str]] = field(default_factory=list)  # (number, label)
    addresses: list[tuple[str, str]] = field(default_factory=list)  # (one-line address, label)
    urls: list[tuple[str, str]] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    uid: str | None = None


@dataclass(slots=True)
class Party:
    """Someone on the other side of an event: matched to a person by email or phone."""

    email: str | None = None
    phone: str | None = None  # as written in the file; the engine normalises it
    name: str = ""  # display name as the source gives it, for --create-people
    is_me: bool = False  # the parser knows this party is the owner (e.g. WhatsApp --me-name)


@dataclass(slots=True)
class EventRecord:
    """One interaction: a meeting, a call, a day of texts, an email."""

    where: str
    source: str  # "ics", "mbox", "maildir", "calls", "sms", "whatsapp"
    source_key: str  # stable across re-imports of the same data: UID+occurrence, Message-ID...
    occurred_on: dt.date
    channel: Channel
    parties: list[Party]
    occurred_time: str | None = None  # "HH:MM" local time, when known
    status: Status = Status.DONE
    initiator: Initiator = Initiator.UNKNOWN
    duration_min: int | None = None
    place: str = ""
    note: str = ""
    sender: Party | None = None  # who sent or organised it, when the format says


@dataclass(slots=True)
class BadRecord:
    """A record that could not be read: skipped with --skip-bad, fatal otherwise."""

    where: str
    reason: str


@dataclass(slots=True)
class SkippedRecord:
    """A record read fine but deliberately not imported (automated mail, a missed call...)."""

    where: str
    reason: str  # short and countable: "automated mail", "missed call", "no date"


Record = ContactRecord | EventRecord | BadRecord | SkippedRecord
