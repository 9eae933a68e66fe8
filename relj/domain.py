"""Domain types of the journal: frozen dataclasses and enums, no SQL and no Qt."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class Channel(enum.StrEnum):
    """How an interaction happened."""

    IN_PERSON = "in-person"
    VIDEO = "video"
    PHONE = "phone"
    TEXT = "text"
    EMAIL = "email"
    LETTER = "letter"
    SOCIAL = "social"

    @property
    def mode(self) -> Mode:
        return CHANNEL_MODE[self]

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


class Mode(enum.StrEnum):
    """How rich a contact is: together > voice > written."""

    TOGETHER = "together"
    VOICE = "voice"
    WRITTEN = "written"

    @property
    def is_rich(self) -> bool:
        return self is not Mode.WRITTEN


CHANNEL_MODE: dict[Channel, Mode] = {
    Channel.IN_PERSON: Mode.TOGETHER,
    Channel.VIDEO: Mode.VOICE,
    Channel.PHONE: Mode.VOICE,
    Channel.TEXT: Mode.WRITTEN,
    Channel.EMAIL: Mode.WRITTEN,
    Channel.LETTER: Mode.WRITTEN,
    Channel.SOCIAL: Mode.WRITTEN,
}

CHANNEL_LABELS: dict[Channel, str] = {
    Channel.IN_PERSON: "in person",
    Channel.VIDEO: "video",
    Channel.PHONE: "phone",
    Channel.TEXT: "text",
    Channel.EMAIL: "email",
    Channel.LETTER: "letter",
    Channel.SOCIAL: "social",
}

RICH_MODES = (Mode.TOGETHER, Mode.VOICE)


class Initiator(enum.StrEnum):
    ME = "me"
    THEM = "them"
    UNKNOWN = "unknown"


class Status(enum.StrEnum):
    DONE = "done"
    PLANNED = "planned"
    CANCELLED = "cancelled"


class ContactKind(enum.StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS = "address"
    URL = "url"


class RelationKind(enum.StrEnum):
    """Typed relationships. Directional kinds read "a is KIND of b"."""

    PARTNER = "partner"
    FAMILY = "family"
    PARENT = "parent"
    CHILD = "child"
    SIBLING = "sibling"
    FRIEND = "friend"
    COLLEAGUE = "colleague"
    MANAGER = "manager"
    CLIENT = "client"
    INTRODUCED_BY = "introduced-by"
    OTHER = "other"


#: Circles, closest first. ``None`` in the database means the default circle.
CIRCLES: tuple[str, ...] = ("family", "close", "friends", "colleagues", "clients", "acquaintances")
#: People created automatically (from mail) until the user gives them a circle.
UNSORTED = "unsorted"
DEFAULT_CIRCLE = "default"


@dataclass(frozen=True, slots=True)
class ContactPoint:
    kind: ContactKind
    value: str
    label: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Birthday:
    """A birthday whose year may be unknown."""

    month: int
    day: int
    year: int | None = None

    @classmethod
    def parse(cls, text: str) -> Birthday:
        """Parse ``YYYY-MM-DD`` or ``--MM-DD`` (year unknown)."""
        text = text.strip()
        if text.startswith("--"):
            d = dt.date.fromisoformat("2000-" + text[2:])  # leap year: 29 Feb is valid
            return cls(d.month, d.day, None)
        d = dt.date.fromisoformat(text)
        return cls(d.month, d.day, d.year)

    def iso(self) -> str:
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def next_after(self, day: dt.date) -> dt.date:
        """The first anniversary on or after ``day`` (29 Feb falls on 28 Feb in other years)."""
        for year in (day.year, day.year + 1):
            try:
                candidate = dt.date(year, self.month, self.day)
            except ValueError:
                candidate = dt.date(year, 2, 28)
            if candidate >= day:
                return candidate
        raise AssertionError("unreachable")


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    display_name: str
    given_name: str = ""
    family_name: str = ""
    nickname: str = ""
    organisation: str = ""
    role: str = ""
    how_met: str = ""
    birthday: Birthday | None = None
    notes: str = ""
    circle: str | None = None
    tracked: bool = True
    cadence_rich_days: int | None = None
    cadence_any_days: int | None = None
    paused: bool = False
    written_ok: bool = False
    snoozed_until: dt.date | None = None
    created_at: str = ""
    updated_at: str = ""
    contacts: tuple[ContactPoint, ...] = ()
    interests: tuple[str, ...] = ()
    #: The channel they prefer ("meet me in the middle") and a free-text best time ("evenings").
    prefers: Channel | None = None
    best_time: str | None = None

    @property
    def emails(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.contacts if c.kind is ContactKind.EMAIL)

    @property
    def phones(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.contacts if c.kind is ContactKind.PHONE)

    @property
    def circle_name(self) -> str:
        return self.circle or DEFAULT_CIRCLE


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A lightweight person reference: id and name."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Interaction:
    id: int
    occurred_on: dt.date
    channel: Channel
    participants: tuple[PersonRef, ...]
    occurred_time: str | None = None
    initiator: Initiator = Initiator.UNKNOWN
    duration_min: int | None = None
    place: str = ""
    note: str = ""
    status: Status = Status.DONE
    source: str = "manual"
    source_key: str | None = None
    created_at: str = ""
    #: How it went: 1 (draining) to 5 (wonderful), or None.
    felt: int | None = None
    #: The day it was planned for: set on plans, kept when a plan becomes done.
    planned_on: dt.date | None = None

    @property
    def mode(self) -> Mode:
        return self.channel.mode


@dataclass(frozen=True, slots=True)
class Relationship:
    id: int
    person_a: PersonRef
    person_b: PersonRef
    kind: RelationKind
    note: str = ""


@dataclass(frozen=True, slots=True)
class Owner:
    """The journal's owner ("me"): never a person in the journal."""

    name: str = ""
    emails: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    region: str = ""


@dataclass(frozen=True, slots=True)
class InterestSummary:
    name: str
    mine: bool
    people: tuple[PersonRef, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # "person", "interaction" or "interest"
    person_id: int
    name: str
    snippet: str
    interaction_id: int | None = None
    rank: float = 0.0


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One row of the people table: a person with their last contact per mode."""

    id: int
    name: str
    circle: str | None
    tracked: bool
    last_together: dt.date | None
    last_voice: dt.date | None
    last_written: dt.date | None
    count_together: int
    count_voice: int
    count_written: int

    @property
    def last_any(self) -> dt.date | None:
        dates = [d for d in (self.last_together, self.last_voice, self.last_written) if d]
        return max(dates) if dates else None

    @property
    def last_rich(self) -> dt.date | None:
        dates = [d for d in (self.last_together, self.last_voice) if d]
        return max(dates) if dates else None


@dataclass(frozen=True, slots=True)
class Change:
    """What a write changed, for screens to refresh (Anki's OpChanges, cut down)."""

    kinds: frozenset[str]
    ids: tuple[int, ...] = ()


def normalise_email(address: str) -> str:
    """Emails are matched case-insensitively, without surrounding space or brackets."""
    return address.strip().strip("<>").strip().lower()


def normalise_interest(name: str) -> str:
    """Interest names are compared case-insensitively with collapsed spaces."""
    return " ".join(name.split())


@dataclass(frozen=True)
class TrashItem:
    """A deleted person, kept in the trash for TRASH_DAYS days."""

    id: int
    kind: str
    item_id: int
    label: str
    deleted_at: str  # ISO UTC time


#: How long the trash keeps what was deleted.
TRASH_DAYS = 30
