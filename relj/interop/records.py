"""Neutral records that every file parser yields and the import engine applies to the store.

Parsers never touch the store: they turn bytes into these records, streaming. The engine
(relj.interop.engine) matches them to people, writes them in one transaction, and keeps
the import history.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from relj.clock import MAX_YEAR, MIN_YEAR, check_writable_date
from relj.domain import Channel, Initiator, Status
from relj.errors import UserError
from relj.interop.textutil import NO_YEAR_MARKER, normalise_date, strip_marks

#: The longest duration an interaction keeps, in minutes (about ten weeks): longer than any call
#: or meeting (a calendar event counts up to 14 days), short enough for every exporter and for
#: date arithmetic. A record with a longer one keeps no duration, so every journal relj writes
#: passes the JSON import's check (relj.interop.jsonio).
MAX_DURATION_MIN = 100_000

#: ``ContactRecord.birthday`` when the file gives a birthday in a year relj does not keep (outside
#: 1900..2200: ``BDAY:99991231``, a CSV's ``12/31/9999``, .NET's empty date ``0001-01-01``). It is
#: not a date, so the import engine leaves the birthday out with its note ("birthday outside
#: 1900..2200 left out") and imports the person without it.
BIRTHDAY_OUT_OF_RANGE = "(a year out of range)"


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
    birthday: str | None = None  # "YYYY-MM-DD" or "--MM-DD" when the year is unknown; see contact_birthday
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

    def __post_init__(self) -> None:
        if self.duration_min is not None and not 0 <= self.duration_min <= MAX_DURATION_MIN:
            self.duration_min = None  # a phone's "duration" of 10^20 seconds is no duration


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


def date_out_of_range(day: dt.date) -> str:
    """Why a record cannot carry ``day`` (its year is outside 1900..2200), or "".

    The reason is the calendar import's: "date 9999-12-31 out of range (the year must be ...)".
    """
    try:
        check_writable_date(day, "")
    except UserError as exc:
        return str(exc).removeprefix(": ")
    return ""


def contact_birthday(text: str) -> str | None:
    """A birthday an address book gives, as ``ContactRecord.birthday`` keeps it.

    "YYYY-MM-DD" in a year relj accepts (relj.clock.MIN_YEAR..MAX_YEAR); "--MM-DD" when the
    file gives no year or a year that means none (0000, or Apple's and CardBook's 1604);
    ``BIRTHDAY_OUT_OF_RANGE`` for any other year; None when the text is no date
    (relj.interop.textutil.normalise_date reads the forms).
    """
    date = normalise_date(text)
    if date is None:
        return None
    year = _stated_year(strip_marks(text)) if date.startswith("--") else int(date[:4])
    if year is None or year in (0, NO_YEAR_MARKER) or MIN_YEAR <= year <= MAX_YEAR:
        return date
    return BIRTHDAY_OUT_OF_RANGE


def _stated_year(text: str) -> int | None:
    """The year written in a date that normalise_date read as year-less ("0001-12-31" and
    "12/31/0001" give 1), or None when it has none ("--12-31", "31.12.")."""
    if text.startswith("--"):
        return None
    runs = re.findall(r"[0-9]+", text)
    if runs and len(runs[0]) in (4, 8):  # year first: 0001-12-31, 00011231
        return int(runs[0][:4])
    years = [run for run in runs if len(run) == 4]  # year last: 12/31/0001, 31.12.0001, 31 Dec 0001
    return int(years[-1]) if years else None
