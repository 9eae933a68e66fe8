"""Reconnect's wording: the reasons, openers and follow-up lines a person reads. No rules, no SQL, no Qt.

relj.reconnect decides who needs attention and why (kinds, signals, dates); this module only says it.
Every name here is also importable from relj.reconnect.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from relj.domain import Channel, Interaction, Mode

if TYPE_CHECKING:
    from relj.reconnect import Assessment
    from relj.store.plans import LoopDetail
    from relj.store.reconnect import ContactDetail, ContactSummary

# -- words --------------------------------------------------------------------------------------
#: relj.reconnect.Kind.DIGITAL_ONLY (a StrEnum; that module imports this one at its top).
DIGITAL_ONLY = "digital-only"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CHANNEL_WORDS: dict[Channel, tuple[str, str]] = {
    Channel.EMAIL: ("email", "emails"),
    Channel.TEXT: ("text", "texts"),
    Channel.LETTER: ("letter", "letters"),
    Channel.SOCIAL: ("social message", "social messages"),
}


def day_words(d: dt.date, today: dt.date) -> str:
    """'22 Apr' this year, '3 Mar 2025' otherwise."""
    text = f"{d.day} {_MONTHS[d.month - 1]}"
    return text if d.year == today.year else f"{text} {d.year}"


def ago_words(days: int) -> str:
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 730:
        return f"{round(days / 30.44)} months ago"
    return f"{round(days / 365.25)} years ago"


def every_words(days: float) -> str:
    """A median gap in words: 'every week', 'every 3 weeks', 'every 2 months', 'every year'."""
    if days < 10:
        return "every week" if days >= 5 else "every few days"
    if days < 56:
        n = round(days / 7)
        return "every week" if n <= 1 else f"every {n} weeks"
    if days < 330:
        n = round(days / 30.44)
        return "every month" if n <= 1 else f"every {n} months"
    n = round(days / 365.25)
    return "every year" if n <= 1 else f"every {n} years"


def _plural(n: int, words: tuple[str, str]) -> str:
    return f"{n} {words[0] if n == 1 else words[1]}"


def written_words(count: int, capped: bool, channels: Mapping[Channel, int]) -> str:
    """'7 emails', '7 emails and 2 texts', '100+ written messages (mostly emails)'."""
    if capped:
        top = max(channels.items(), key=lambda kv: kv[1])[0] if channels else None
        extra = f" (mostly {_CHANNEL_WORDS[top][1]})" if top in _CHANNEL_WORDS else ""
        return f"{count}+ written messages{extra}"
    if sum(channels.values()) != count or not channels:
        return _plural(count, ("written message", "written messages"))
    parts = [_plural(n, _CHANNEL_WORDS.get(c, ("message", "messages")))
             for c, n in sorted(channels.items(), key=lambda kv: (-kv[1], kv[0].value))]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def reason(a: Assessment, detail: ContactDetail | None, today: dt.date) -> str:
    """Why this person is on the list, in one or two sentences."""
    s = a.summary
    name = s.short_name
    last_rich = s.last_rich
    count = detail.written_since if detail else 0
    capped = detail.written_capped if detail else False
    written = written_words(count, capped, detail.written_channels if detail else {})
    digital_only = a.kind == DIGITAL_ONLY
    if digital_only and last_rich is None:
        text = f"You have only written to {name}; you have never met or spoken."
        if count:
            text += f" {written[0].upper()}{written[1:]} so far."
    elif digital_only:
        assert last_rich is not None
        text = _last_rich_words(s, today) + (f"; {written} since." if count else ".")
        if a.expect.source == "rhythm" and a.expect.median_gap is not None:
            text += f" You usually meet {every_words(a.expect.median_gap)}."
    else:
        last_any = s.last_any
        assert last_any is not None
        text = f"No contact with {name} since {day_words(last_any, today)} ({ago_words(a.days_since_any)})."
        if last_rich is None:
            text += " You have never met or spoken." if not s.written_ok else ""
        elif last_rich < last_any:
            text += " " + _last_rich_words(s, today) + "."
    if s.planned_on is not None:
        what = "Meeting" if s.planned_mode is Mode.TOGETHER else "Call"
        text += f" {what} planned for {day_words(s.planned_on, today)}."
    return text


def loop_words(name: str, extra: LoopDetail, today: dt.date) -> str:
    """What the loop adds to a reason: a plan whose day is over, and their preferred channel.

    '' when there is nothing to add; otherwise it starts with a space.
    """
    from relj.plans import preference_words

    text = ""
    if extra.passed_plan is not None:
        text += f" A meeting was planned for {day_words(extra.passed_plan, today)}: did it happen?"
    prefers = preference_words(name, extra.prefers, extra.best_time)
    return text + (f" {prefers}" if prefers else "")


def _last_rich_words(s: ContactSummary, today: dt.date) -> str:
    last_rich = s.last_rich
    assert last_rich is not None
    when = f"{day_words(last_rich, today)} ({ago_words((today - last_rich).days)})"
    if s.last_together is not None and s.last_together == last_rich:
        return f"Last saw {s.short_name} in person on {when}"
    return f"Last spoke with {s.short_name} on {when}"


# -- openers ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Opener:
    kind: str  # "shared-interests" | "birthday" | "group"
    text: str
    interests: tuple[str, ...] = ()
    person_ids: tuple[int, ...] = ()
    day: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.interests:
            out["interests"] = list(self.interests)
        if self.person_ids:
            out["person_ids"] = list(self.person_ids)
        if self.day:
            out["date"] = self.day.isoformat()
        return out

def shared_interests_opener(shared: Sequence[str]) -> Opener:
    return Opener("shared-interests", "You both like " + _and(shared), interests=tuple(shared))


def birthday_opener(day: dt.date, today: dt.date) -> Opener:
    """'Birthday on 22 Apr (in 3 days)'."""
    n = (day - today).days
    when = "today" if n == 0 else "tomorrow" if n == 1 else f"in {n} days"
    return Opener("birthday", f"Birthday on {day_words(day, today)} ({when})", day=day)


def group_opener(names: Sequence[str], person_ids: Sequence[int], interest: str) -> Opener:
    """'Ana and Dmitri both like climbing: invite them together' (``names`` starts with the person's own)."""
    who = names[0] + " and " + names[1] if len(names) == 2 else ", ".join(names[:-1]) + " and " + names[-1]
    verb = "both like" if len(names) == 2 else "all like"
    return Opener("group", f"{who} {verb} {interest}: invite them together",
                  interests=(interest,), person_ids=tuple(person_ids))


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def followup_text(i: Interaction, today: dt.date) -> str:
    """'Send Ana a thank-you note for "coffee" yesterday.'"""
    names = _and([p.name for p in i.participants]) or "them"
    days = (today - i.occurred_on).days
    when = "today" if days <= 0 else "yesterday" if days == 1 else "on " + day_words(i.occurred_on, today)
    what = i.note.strip().splitlines()[0] if i.note.strip() else ""
    meeting = "call" if i.mode is Mode.VOICE else "meeting"
    return f"Send {names} a thank-you note for " + (f"“{what}” {when}." if what else f"{meeting} {when}.")
