"""Acting on drift: plans, talking points, how it felt, reciprocity and the brief. Types and rules; no SQL, no Qt.

The loop is notice drift → circle a date → prepare → meet → reflect → say thanks.

* A **plan** is an interaction with status ``planned`` (its day is kept in ``planned_on``). Its
  state is derived: ``upcoming`` (on or after today), ``passed`` (the day is over and nothing was
  confirmed), ``done`` (it happened: the plan became the logged interaction), ``cancelled``.
* **Reconciliation**: a rich interaction (together or voice) logged with someone within
  ``RECONCILE_DAYS`` of one of their open plans *becomes* that plan (same id, status done).
* **Talking points** belong to a person, open until an interaction covers them.
* **Felt**: how an interaction went, 1 (draining) to 5 (wonderful).
* **Reciprocity**: of the last ``RECIPROCITY_SAMPLE`` (10) contacts, when at least ``RECIPROCITY_MIN``
  (6) have a known initiator and the user started ``RECIPROCITY_SHARE`` (85%) or more of those: ``one-sided``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from relj.domain import Channel, Initiator, Interaction, PersonRef, RelationKind, Relationship, Status
from relj.errors import UserError

#: A rich interaction logged this many days before or after an open plan becomes that plan.
RECONCILE_DAYS = 3
FELT_MIN, FELT_MAX = 1, 5
FELT_WORDS = {1: "draining", 2: "tiring", 3: "fine", 4: "good", 5: "wonderful"}
#: Reciprocity: the last N contacts; at least MIN of them with a known initiator; SHARE of those started by me.
RECIPROCITY_SAMPLE = 10
RECIPROCITY_MIN = 6
RECIPROCITY_SHARE = 0.85
#: The brief: this many recent interactions; birthdays this many days ahead.
BRIEF_RECENT = 3
BRIEF_BIRTHDAY_DAYS = 60
#: A talking point is short: one line of at most this many characters.
POINT_MAX = 500


class PlanState(enum.StrEnum):
    UPCOMING = "upcoming"
    PASSED = "passed"
    DONE = "done"
    CANCELLED = "cancelled"


def plan_state(i: Interaction, today: dt.date) -> PlanState:
    if i.status is Status.CANCELLED:
        return PlanState.CANCELLED
    if i.status is Status.DONE:
        return PlanState.DONE
    return PlanState.UPCOMING if i.occurred_on >= today else PlanState.PASSED


def plan_json(i: Interaction, today: dt.date) -> dict[str, Any]:
    """One plan as ``relj plans --json`` prints it."""
    return {
        "id": i.id,
        "date": i.occurred_on.isoformat(),
        "time": i.occurred_time,
        "channel": i.channel.value,
        "note": i.note,
        "state": plan_state(i, today).value,
        "people": [{"id": p.id, "name": p.name} for p in i.participants],
    }


def plan_sort_key(i: Interaction) -> tuple[dt.date, str, int]:
    """Soonest first; an all-day plan before the timed ones of its day."""
    return (i.occurred_on, i.occurred_time or "", i.id)


def check_felt(value: int | None) -> int | None:
    """``felt`` as given, or a UserError when it is outside 1-5."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not FELT_MIN <= value <= FELT_MAX:
        raise UserError(f"felt must be {FELT_MIN} to {FELT_MAX} (1 draining … 5 wonderful), not {value!r}")
    return value


def felt_mark(value: int | None) -> str:
    """A small mark for timelines and the brief: '●●●○○'."""
    if value is None:
        return ""
    return "●" * value + "○" * (FELT_MAX - value)


def check_time(text: str | None) -> str | None:
    """``HH:MM`` (24 h) or None; a UserError otherwise."""
    if text is None:
        return None
    text = text.strip()
    m = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text)
    if not m:
        raise UserError(f"bad time {text!r}: expected HH:MM (24-hour)")
    return f"{int(m[1]):02d}:{m[2]}"


def clean_point(text: str) -> str:
    """A talking point's text: one line, spaces collapsed, never empty."""
    clean = " ".join("".join(ch for ch in text if ch.isprintable() or ch.isspace()).split())
    if not clean:
        raise UserError("a talking point needs some text")
    if len(clean) > POINT_MAX:
        raise UserError(f"a talking point is at most {POINT_MAX} characters (this one has {len(clean)})")
    return clean


_NEXT = re.compile(r"^\s*next\s*:\s*(.*?)\s*$", re.IGNORECASE)


def extract_next(note: str) -> tuple[str, list[str]]:
    """Split ``next:`` lines out of a note: they become talking points for next time.

    Returns the note without them and their texts (empty ones dropped).
    """
    kept: list[str] = []
    points: list[str] = []
    for line in note.splitlines():
        m = _NEXT.match(line)
        if m:
            if m[1]:
                points.append(m[1])
        else:
            kept.append(line)
    if not points:
        return note, []
    return "\n".join(kept).strip("\n"), points


def appended_note(before: str, added: str) -> str:
    """The plan's note is kept and a logged note is appended (never the same text twice)."""
    before, added = before.rstrip(), added.strip()
    if not added or added == before:
        return before
    if not before:
        return added
    return f"{before}\n{added}"


def nearest_plan(candidates: Sequence[Interaction], day: dt.date) -> Interaction | None:
    """The open plan a meeting on ``day`` reconciles with: the nearest within RECONCILE_DAYS, the earlier on a tie."""
    near = [p for p in candidates if abs((p.occurred_on - day).days) <= RECONCILE_DAYS]
    if not near:
        return None
    return min(near, key=lambda p: (abs((p.occurred_on - day).days), p.occurred_on, p.id))


# -- talking points ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TalkingPoint:
    """Something to bring up next time ("ask how the Lisbon move went")."""

    id: int
    person_id: int
    text: str
    created_on: dt.date
    covered_on: dt.date | None = None
    covered_by: int | None = None

    @property
    def is_open(self) -> bool:
        return self.covered_on is None

    def to_json(self) -> dict[str, Any]:
        """As ``relj next --json`` prints it."""
        return {"id": self.id, "text": self.text, "created": self.created_on.isoformat()}


# -- reciprocity -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Reciprocity:
    """Who started the last RECIPROCITY_SAMPLE contacts: how many by me, of how many with a known initiator."""

    started_by_me: int
    known: int

    @classmethod
    def of(cls, initiators: Sequence[Initiator | str]) -> Reciprocity:
        """From the initiators of the latest contacts, newest first (only the first RECIPROCITY_SAMPLE count)."""
        # Plain string comparisons: Reconnect calls this for every person on the list.
        sample = [str(x) for x in initiators[:RECIPROCITY_SAMPLE]]
        return cls(sample.count("me"), len(sample) - sample.count("unknown"))

    @property
    def one_sided(self) -> bool:
        return self.known >= RECIPROCITY_MIN and self.started_by_me >= RECIPROCITY_SHARE * self.known

    def words(self) -> str:
        """'you started 9 of the last 10 contacts'."""
        return f"you started {self.started_by_me} of the last {self.known} contacts"


# -- relationships, seen from one person ---------------------------------------------------------
#: For "a is KIND of b" seen from a: what b is to a.
_INVERSE = {
    RelationKind.PARENT: "child",
    RelationKind.CHILD: "parent",
    RelationKind.MANAGER: "report",
    RelationKind.CLIENT: "provider",
    RelationKind.INTRODUCED_BY: "introduced",
}


def relation_from(person_id: int, r: Relationship) -> tuple[PersonRef, str]:
    """The other person of a relationship and what they are to ``person_id`` ("partner", "child"...).

    "a is parent of b": seen from b, a is their parent; seen from a, b is their child. "a is
    introduced-by b" reads "a was introduced by b": seen from a, b introduced them (introduced-by);
    seen from b, a is someone they introduced.
    """
    if r.kind is RelationKind.INTRODUCED_BY:
        return (r.person_b, "introduced-by") if r.person_a.id == person_id else (r.person_a, "introduced")
    if r.person_b.id == person_id:
        return r.person_a, r.kind.value
    return r.person_b, _INVERSE.get(r.kind, r.kind.value)


# -- the brief -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Upcoming:
    day: dt.date
    what: str

    def to_json(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "what": self.what}


@dataclass(frozen=True, slots=True)
class Brief:
    """One page before a meeting."""

    person_id: int
    name: str
    talking_points: tuple[TalkingPoint, ...]
    recent: tuple[Interaction, ...]
    shared_interests: tuple[str, ...]
    relationships: tuple[tuple[str, str], ...]  # (name, kind)
    upcoming: tuple[Upcoming, ...]
    last_rich_contact: dt.date | None
    prefers: Channel | None
    best_time: str | None
    reciprocity: Reciprocity = field(default_factory=lambda: Reciprocity(0, 0))
    #: Moments of their life, newest first (relj.rhythms): (day, kind, text, yearly).
    moments: tuple[tuple[dt.date, str, str, bool], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """As ``relj brief --json`` prints it."""
        return {
            "person_id": self.person_id,
            "name": self.name,
            "talking_points": [t.to_json() for t in self.talking_points],
            "recent": [{"date": i.occurred_on.isoformat(), "channel": i.channel.value, "note": i.note,
                        "felt": i.felt} for i in self.recent],
            "shared_interests": list(self.shared_interests),
            "relationships": [{"name": n, "kind": k} for n, k in self.relationships],
            "upcoming": [u.to_json() for u in self.upcoming],
            "last_rich_contact": self.last_rich_contact.isoformat() if self.last_rich_contact else None,
            "prefers": self.prefers.value if self.prefers else None,
            "best_time": self.best_time,
            "moments": [{"date": d.isoformat(), "kind": k, "text": t, "yearly": y} for d, k, t, y in self.moments],
        }

    def lines(self, today: dt.date) -> list[str]:
        """The brief as plain text lines (the CLI prints them; the GUI has its own layout)."""
        from relj.reconnect_text import ago_words, day_words

        out = [self.name]
        if self.prefers or self.best_time:
            pref = [f"prefers {self.prefers.label}" if self.prefers else "", f"best time: {self.best_time}"
                    if self.best_time else ""]
            out.append("  " + "; ".join(p for p in pref if p))
        if self.last_rich_contact is not None:
            days = (today - self.last_rich_contact).days
            out.append(f"  last seen or heard: {day_words(self.last_rich_contact, today)} ({ago_words(days)})")
        else:
            out.append("  last seen or heard: never")
        if self.reciprocity.one_sided:
            out.append(f"  {self.reciprocity.words()}")
        out.append("talking points:" if self.talking_points else "talking points: none")
        out.extend(f"  [{t.id}] {t.text}" for t in self.talking_points)
        if self.recent:
            out.append("recent:")
            for i in self.recent:
                mark = f"  {felt_mark(i.felt)}" if i.felt else ""
                note = i.note.splitlines()[0] if i.note.strip() else ""
                out.append(f"  {i.occurred_on}  {i.channel.label:<9} {note}{mark}".rstrip())
        if self.shared_interests:
            out.append("you both like: " + ", ".join(self.shared_interests))
        if self.relationships:
            out.append("people: " + ", ".join(f"{n} ({k})" for n, k in self.relationships))
        if self.moments:
            out.append("moments:")
            out.extend(f"  {d}  {t}" + (" (yearly)" if y else "") for d, _, t, y in self.moments)
        if self.upcoming:
            out.append("coming up:")
            out.extend(f"  {u.day}  {u.what}" for u in self.upcoming)
        return out


def preference_words(name: str, prefers: Channel | None, best_time: str | None) -> str:
    """'Ana prefers phone calls, evenings.' for reasons; '' without preferences."""
    if prefers is None and not best_time:
        return ""
    how = {Channel.IN_PERSON: "meeting in person", Channel.VIDEO: "video calls", Channel.PHONE: "phone calls",
           Channel.TEXT: "texts", Channel.EMAIL: "email", Channel.LETTER: "letters",
           Channel.SOCIAL: "social messages"}
    if prefers is None:
        return f"Best time for {name}: {best_time}."
    return f"{name} prefers {how[prefers]}" + (f", {best_time}." if best_time else ".")


# -- the JSON format, version 2 ---------------------------------------------------------------------
def validate_document(doc: dict[str, Any], where: str, people_ids: set[int]) -> None:
    """Check the keys version 2 of the JSON format adds (docs/json-format.md); a UserError names the first bad one."""
    channels = {c.value for c in Channel}

    def day(value: Any) -> bool:
        try:
            dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        return True

    for n, p in enumerate(doc.get("people", []), 1):
        if p.get("prefers") is not None and p["prefers"] not in channels:
            raise UserError(f"{where}: people[{n}]: unknown channel {p['prefers']!r} in prefers")
        if p.get("best_time") is not None and not isinstance(p["best_time"], str):
            raise UserError(f"{where}: people[{n}]: best_time must be text or null")
    interaction_ids = set()
    for n, i in enumerate(doc.get("interactions", []), 1):
        interaction_ids.add(i["id"])
        felt = i.get("felt")
        if felt is not None and (isinstance(felt, bool) or not isinstance(felt, int) or not FELT_MIN <= felt <= FELT_MAX):
            raise UserError(f"{where}: interactions[{n}]: felt must be 1 to 5 or null, not {felt!r}")
        if i.get("planned_on") is not None and not day(i["planned_on"]):
            raise UserError(f"{where}: interactions[{n}]: bad planned_on {i['planned_on']!r}")
    for n, tp in enumerate(doc.get("talking_points", []), 1):
        at = f"{where}: talking_points[{n}]"
        if not isinstance(tp, dict) or not isinstance(tp.get("id"), int) or tp.get("person_id") not in people_ids:
            raise UserError(f"{at} needs an integer id and a person_id that is in people")
        if not isinstance(tp.get("text"), str) or not tp["text"].strip():
            raise UserError(f"{at} needs some text")
        if not day(tp.get("created_on")) or (tp.get("covered_on") is not None and not day(tp["covered_on"])):
            raise UserError(f"{at}: created_on and covered_on are YYYY-MM-DD (covered_on may be null)")
        if tp.get("covered_by") is not None and tp["covered_by"] not in interaction_ids:
            raise UserError(f"{at}: covered_by #{tp['covered_by']} is not in interactions")
