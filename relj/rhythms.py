"""Rhythms the user commits to ("first Sunday dinner", "a call every 2 weeks") and life moments.
Rules and types only: no SQL (relj.store.rhythms, relj.store.moments), no Qt.

* A **rule** is ``week``, ``N weeks``, ``month``, ``N months``, ``year`` or the nth weekday of the
  month, ``first|second|third|fourth|last WEEKDAY`` (case-insensitive). Occurrences are those of
  the iCalendar RRULE the rule exports as (dateutil's ``rrule`` is the tests' reference):
  ``month`` on the 31st falls on the last day of shorter months,
  ``year`` on 29 February on the 28th in common years, ``last sunday`` on the fourth Sunday of a
  month without a fifth.
* An occurrence is **kept** when a rich interaction (together or voice) with at least one member
  is logged within ``KEPT_DAYS`` (3) of it, and **missed** once those days are over without one.
* Two misses in a row (``MISSED_FLAG``) flag every member on Reconnect (``rhythm-missed``); while
  a rhythm is kept, its next occurrence counts as planned for its members. Occurrences are never
  stored as plans.
* A **moment** is a dated event in a person's life (``MOMENT_KINDS``), optionally yearly. One in
  the last ``RECENT_MOMENT_DAYS`` (90) days adds ``recent-moment`` on Reconnect, with an opener.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from relj.clock import days_in_month
from relj.domain import Channel
from relj.errors import UserError

#: An occurrence is kept by rich contact this many days before or after it.
KEPT_DAYS = 3
#: This many misses in a row flag the members on Reconnect.
MISSED_FLAG = 2
#: A moment this recent adds ``recent-moment`` on Reconnect.
RECENT_MOMENT_DAYS = 90
MOMENT_KINDS = ("move", "job", "baby", "wedding", "loss", "health", "exam", "other")
#: Bounds of N in ``N weeks`` and ``N months``.
MAX_WEEKS, MAX_MONTHS = 52, 24
NAME_MAX, MOMENT_MAX = 100, 500

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ACCEPTED = ("week", "N weeks", "month", "N months", "year", "first|second|third|fourth|last WEEKDAY")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
_SHORT_MONTHS = tuple(m[:3] for m in _MONTH_NAMES)


@dataclass(frozen=True, slots=True)
class Rule:
    """A parsed rule: ``unit`` is "week", "month", "year" or "nth" (the nth weekday of the month)."""

    unit: str
    interval: int = 1
    #: For "nth": 1-4, or -1 for the last; and the weekday (0 = Monday).
    nth: int = 0
    weekday: int = 0

    @property
    def text(self) -> str:
        """The rule as relj writes it: 'month', '2 weeks', 'first sunday'."""
        if self.unit == "nth":
            ordinal = next(k for k, v in ORDINALS.items() if v == self.nth)
            return f"{ordinal} {WEEKDAYS[self.weekday]}"
        return self.unit if self.interval == 1 else f"{self.interval} {self.unit}s"

    @property
    def period_days(self) -> int:
        """The most days between two occurrences."""
        return {"week": 7, "month": 31, "nth": 35, "year": 366}[self.unit] * self.interval

    @property
    def monthly_words(self) -> bool:
        """Misses are named by month ('in October and November') rather than by day."""
        return self.unit != "week"


@functools.lru_cache(maxsize=256)
def parse_rule(text: str) -> Rule:
    """Read a rule, or raise a UserError that lists the accepted forms."""
    words = " ".join(re.sub(r"(?<=[a-z])-(?=[a-z])", " ", str(text).lower()).split())
    m = re.fullmatch(r"(?:every )?(?:(\d{1,3}) (week|month|year)s?|(week|month|year))", words)
    if m:
        n = int(m.group(1) or 1)
        unit = m.group(2) or m.group(3)
        if 1 <= n <= {"week": MAX_WEEKS, "month": MAX_MONTHS, "year": 1}[unit]:
            return Rule(unit, n)
    m = re.fullmatch(r"(?:every )?(first|second|third|fourth|last) (\w+?)s?", words)
    if m and m.group(2) in WEEKDAYS:
        return Rule("nth", 1, ORDINALS[m.group(1)], WEEKDAYS.index(m.group(2)))
    raise UserError(f"cannot read the rule {text!r}: use one of {', '.join(ACCEPTED)} "
                    f"(for example `month`, `2 weeks`, `first sunday`)")


def check_name(name: str) -> str:
    clean = " ".join(str(name).split())
    if not clean:
        raise UserError("a rhythm needs a name")
    if len(clean) > NAME_MAX:
        raise UserError(f"a rhythm's name is at most {NAME_MAX} characters")
    return clean


def check_time(text: str | None) -> str | None:
    if text is None or not str(text).strip():
        return None
    m = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", str(text).strip())
    if not m:
        raise UserError(f"bad time {text!r}: expected HH:MM (00:00 to 23:59)")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def check_moment(text: str, kind: str) -> tuple[str, str]:
    clean = " ".join(str(text).split())
    if not clean:
        raise UserError("a moment needs a text (what happened)")
    if len(clean) > MOMENT_MAX:
        raise UserError(f"a moment's text is at most {MOMENT_MAX} characters")
    k = str(kind).strip().lower()
    if k not in MOMENT_KINDS:
        raise UserError(f"bad moment kind {kind!r}: use one of {', '.join(MOMENT_KINDS)}")
    return clean, k


# -- occurrences ------------------------------------------------------------------------------------
def _add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after ``day``'s month."""
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def _plan(rule: Rule, start: dt.date, begin: dt.date) -> tuple[Rule, dt.date, tuple[int, ...]]:
    """The rule's rrule as (rule, first day, days of the month): its first occurrence moved forward
    to a whole number of periods from ``start`` at or before ``begin``, so that the walk starts
    near the window, not years back; and rhythms in the same phase share one walk (_walk's cache)."""
    begin = max(begin, start)
    # Month and year: the start's day of the month, or the last day of a month too short for it.
    days = tuple(range(28, start.day + 1)) if start.day > 28 else (start.day,)
    if rule.unit == "week":
        step = 7 * rule.interval
        return rule, start + dt.timedelta(days=(begin - start).days // step * step), ()
    if rule.unit == "nth":
        return rule, max(start, begin.replace(day=1)), ()
    if rule.unit == "month":
        skip = ((begin.year - start.year) * 12 + begin.month - start.month - 1) // rule.interval
        return rule, max(start, _add_months(start, max(0, skip) * rule.interval)), days
    return rule, max(start, dt.date(max(start.year, begin.year - 1), start.month, 1)), days


def _month_day(year: int, month: int, day: int) -> dt.date:
    """``day`` of that month, or its last day when the month is shorter (the 31st in April: the 30th)."""
    return dt.date(year, month, day if day <= 28 else min(day, days_in_month(year, month)))


def _nth_weekday(year: int, month: int, nth: int, weekday: int) -> dt.date:
    """The nth (1-4, or -1 for the last) ``weekday`` (0 = Monday) of that month."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = _month_day(year, month, 31)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


@functools.lru_cache(maxsize=4096)
def _walk(rule: Rule, first: dt.date, days: tuple[int, ...], until: dt.date) -> tuple[dt.date, ...]:
    """The occurrences from ``first`` through ``until``, and the first one after it.

    What ``rrule`` (RFC 5545) gives for these rules, by date arithmetic: Reconnect walks a few
    hundred rhythms at every start-up, and building rrules cost it 15 ms (tests/test_rhythms.py
    holds the two equal, with dateutil as the reference). ``days`` is the start's day of the month
    (the last day of a shorter month stands in for it).
    """
    out: list[dt.date] = []
    if rule.unit == "week":
        step = dt.timedelta(days=7 * rule.interval)
        day = first
        while not out or out[-1] <= until:
            out.append(day)
            day += step
        return tuple(out)
    every = rule.interval if rule.unit == "month" else 12 if rule.unit == "year" else 1
    month = first.year * 12 + first.month - 1
    want = max(days) if days else first.day
    while not out or out[-1] <= until:
        year, m = divmod(month, 12)
        if rule.unit == "nth":
            day = _nth_weekday(year, m + 1, rule.nth, rule.weekday)
        else:
            day = _month_day(year, m + 1, want)
        if day >= first:
            out.append(day)
        month += every
    return tuple(out)


def occurrences(rule: Rule, start: dt.date, after: dt.date, before: dt.date) -> list[dt.date]:
    """The occurrences from ``after`` to ``before`` (both included), none before ``start``."""
    if before < after or before < start:
        return []
    lo = max(after, start)
    return [d for d in _walk(*_plan(rule, start, lo), before) if lo <= d <= before]


def next_occurrence(rule: Rule, start: dt.date, day: dt.date) -> dt.date:
    """The first occurrence on or after ``day``."""
    return next(d for d in _walk(*_plan(rule, start, day), day) if d >= max(day, start))


def ical_rrule(rule: Rule, start: dt.date) -> dict[str, Any]:
    """The rule as an iCalendar RRULE (icalendar's vRecur keys): FREQ=MONTHLY;BYDAY=1SU and so on."""
    if rule.unit == "nth":
        return {"FREQ": "MONTHLY", "BYDAY": f"{rule.nth}{('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')[rule.weekday]}"}
    freq = {"week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}[rule.unit]
    out: dict[str, Any] = {"FREQ": freq}
    if rule.interval != 1:
        out["INTERVAL"] = rule.interval
    if rule.unit != "week" and start.day > 28:
        out["BYMONTHDAY"] = list(range(28, start.day + 1))
        out["BYSETPOS"] = -1
        if rule.unit == "year":
            out["BYMONTH"] = start.month
    return out


# -- kept and missed --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Rhythm:
    id: int
    name: str
    rule: str
    channel: Channel
    time: str | None
    start: dt.date
    #: (person id, display name, short name), by id.
    members: tuple[tuple[int, str, str], ...]

    @property
    def parsed(self) -> Rule:
        return parse_rule(self.rule)

    def people_json(self) -> list[dict[str, Any]]:
        return [{"id": pid, "name": name} for pid, name, _ in self.members]


@dataclass(frozen=True, slots=True)
class RhythmState:
    """A rhythm as of a day."""

    next: dt.date
    last_kept: dt.date | None
    missed_in_a_row: int
    #: The occurrences missed in a row, oldest first (empty when the last settled one was kept).
    missed: tuple[dt.date, ...]
    #: Occurrences looked at; ``at_least``: the misses reach back past them (a bounded look).
    looked_at: int
    at_least: bool = False

    @property
    def kept(self) -> bool:
        """Kept: fewer than MISSED_FLAG misses in a row."""
        return self.missed_in_a_row < MISSED_FLAG


def kept_on(day: dt.date, contact_days: Sequence[dt.date]) -> bool:
    """Is there rich contact within KEPT_DAYS of ``day``? ``contact_days`` is sorted."""
    i = bisect.bisect_left(contact_days, day - dt.timedelta(days=KEPT_DAYS))
    return i < len(contact_days) and contact_days[i] <= day + dt.timedelta(days=KEPT_DAYS)


def history_start(rule: Rule, start: dt.date, today: dt.date, lookback: int | None) -> dt.date:
    """The first day whose occurrences state() looks at: the start, or ``lookback`` periods back."""
    if lookback is None:
        return start
    return max(start, today - dt.timedelta(days=rule.period_days * (lookback + 1) + KEPT_DAYS + 7))


def window(rhythm: Rhythm, today: dt.date, lookback: int | None = None) -> tuple[dt.date, tuple[dt.date, ...]]:
    """The first day judged (history_start) and the walk of occurrences from near it through the
    first one after ``today``: what settled_occurrences() and judged() read, computed once."""
    rule = rhythm.parsed
    begin = history_start(rule, rhythm.start, today, lookback)
    return begin, _walk(*_plan(rule, rhythm.start, begin), today)


def settled_occurrences(rhythm: Rhythm, today: dt.date, lookback: int | None = None,
                        walk: tuple[dt.date, tuple[dt.date, ...]] | None = None) -> list[dt.date]:
    """The occurrences state() judges as of ``today``: from history_start through ``today``."""
    begin, days = walk or window(rhythm, today, lookback)
    return [d for d in days if begin <= d <= today]


def state(rhythm: Rhythm, contact_days: Sequence[dt.date], today: dt.date, *,
          lookback: int | None = None) -> RhythmState:
    """Kept and missed occurrences as of ``today``; ``contact_days`` (sorted) are the days of rich
    contact with any member. ``lookback`` bounds the history read to about that many periods."""
    return judged(rhythm, lambda d: kept_on(d, contact_days), today, lookback=lookback)


def judged(rhythm: Rhythm, kept: Callable[[dt.date], bool], today: dt.date, *,
           lookback: int | None = None, walk: tuple[dt.date, tuple[dt.date, ...]] | None = None) -> RhythmState:
    """state(), told by ``kept(occurrence)`` whether there was rich contact with a member within
    KEPT_DAYS of each settled occurrence (and no later than ``today``). ``walk``: window(), if
    computed already."""
    begin, days = walk or window(rhythm, today, lookback)
    # Settled occurrences: their KEPT_DAYS are over (or they were kept already).
    past = [d for d in days if begin <= d <= today]
    last_kept: dt.date | None = None
    run: list[dt.date] = []
    for d in past:
        if kept(d):
            last_kept = d
            run = []
        elif (today - d).days > KEPT_DAYS:
            run.append(d)
    at_least = begin > rhythm.start and bool(run) and run[0] == past[0]
    return RhythmState(next=next(d for d in days if d >= today), last_kept=last_kept, missed_in_a_row=len(run),
                       missed=tuple(run), looked_at=len(past), at_least=at_least)


def state_json(rhythm: Rhythm, st: RhythmState) -> dict[str, Any]:
    """One rhythm as ``relj rhythm list --json`` prints it."""
    return {
        "id": rhythm.id,
        "name": rhythm.name,
        "rule": rhythm.rule,
        "channel": rhythm.channel.value,
        "time": rhythm.time,
        "start": rhythm.start.isoformat(),
        "people": rhythm.people_json(),
        "next": st.next.isoformat(),
        "last_kept": st.last_kept.isoformat() if st.last_kept else None,
        "missed_in_a_row": st.missed_in_a_row,
    }


# -- words ------------------------------------------------------------------------------------------
def and_words(items: Sequence[str]) -> str:
    if not items:
        return "no one"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def the_name(name: str) -> str:
    """'The first-Sunday dinner', 'The Sunday call' ('the' only when the name has none of its own)."""
    if re.match(r"(the|our|my|a|an)\b", name, flags=re.IGNORECASE):
        return name[0].upper() + name[1:]
    return f"The {name}"


def missed_words(days: Sequence[dt.date], rule: Rule, today: dt.date) -> str:
    """'in October and November', 'on 5 Oct and 12 Oct', 'in December 2025 and January'."""
    if rule.monthly_words:
        names = [_MONTH_NAMES[d.month - 1] + ("" if d.year == today.year else f" {d.year}") for d in days]
        return "in " + and_words(list(dict.fromkeys(names)))
    names = [f"{d.day} {_SHORT_MONTHS[d.month - 1]}" + ("" if d.year == today.year else f" {d.year}")
             for d in days]
    return "on " + and_words(names)


def missed_reason(rhythm: Rhythm, st: RhythmState, today: dt.date) -> str:
    """'The first-Sunday dinner with Mum and Dad was missed in October and November.'"""
    who = and_words([short for _, _, short in rhythm.members])
    rule = rhythm.parsed
    if st.missed_in_a_row <= MISSED_FLAG:
        return f"{the_name(rhythm.name)} with {who} was missed {missed_words(st.missed, rule, today)}."
    last = missed_words(st.missed[-MISSED_FLAG:], rule, today)
    times = f"at least {st.missed_in_a_row}" if st.at_least else f"{st.missed_in_a_row}"
    return f"{the_name(rhythm.name)} with {who} was missed {times} times in a row, the last {last}."


# -- moments ----------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Moment:
    id: int
    person_id: int
    person_name: str
    short_name: str
    day: dt.date
    text: str
    kind: str
    yearly: bool

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "person": {"id": self.person_id, "name": self.person_name},
                "date": self.day.isoformat(), "text": self.text, "kind": self.kind, "yearly": self.yearly}


def _the(text: str) -> str:
    """'the move to Berlin' from 'Move to Berlin'; a text with its own determiner keeps it."""
    lowered = _lower(text)
    if re.match(r"(the|a|an|her|his|their|my|our)\b", lowered, flags=re.IGNORECASE):
        return lowered
    return f"the {lowered}"


#: A moment written as what happened ("moved to Berlin", "had a baby", "lost her father") rather
#: than as a thing ("move to Berlin"): its first word is a verb in the past tense.
_DONE = re.compile(r"(?:[a-z]{2,}(?<!e)ed|[a-z]{3,}eed|had|got|began|became|lost|left|went|took|made|quit|won|"
                   r"broke|bought|sold|found|gave|fell|ran|wrote|came|met|did|was|were|fought|beat|split)\b",
                   flags=re.IGNORECASE)


def moment_opener(m: Moment, name: str | None = None) -> str:
    """'Ask Ana how the move to Berlin went', 'Check in on Ana after the loss of her father';
    ``name``: what the sentence calls them (the Reconnect list's short name), else the moment's.

    A moment written as what happened keeps its words after a colon ("Ask Lena how it went:
    moved to Berlin"), which no template could turn into a noun without knowing who "she" is.
    """
    name = name or m.short_name
    text = m.text.strip()
    done = _DONE.match(text)
    if done is not None and done.group(0).lower() != "shed":
        if m.kind in ("loss", "health"):
            return f"Check in on {name}: {_lower(text)}"
        if m.kind == "baby":
            return f"Ask {name} how the baby is doing"
        return f"Ask {name} how it went: {_lower(text)}"
    if m.kind in ("loss", "health"):
        return f"Check in on {name} after {_the(text)}"
    if m.kind == "baby":
        return f"Ask {name} how {_the(text)} is doing"
    return f"Ask {name} how {_the(text)} went"


def _lower(text: str) -> str:
    """'moved to Berlin' from 'Moved to Berlin' (an acronym's capitals stay)."""
    return text[0].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


def moment_words(m: Moment, today: dt.date) -> str:
    """'Move to Berlin (12 Oct)': a moment on a timeline or in a brief."""
    when = f"{m.day.day} {_SHORT_MONTHS[m.day.month - 1]}" + ("" if m.day.year == today.year else f" {m.day.year}")
    return f"{m.text} ({when}" + (", yearly)" if m.yearly else ")")


def anniversary_words(m: Moment, day: dt.date) -> str:
    """'wedding (5 years)', 'the move (1 year)'; a moment in its own year: its text alone."""
    years = day.year - m.day.year
    return m.text + (f" ({years} year{'s' if years != 1 else ''})" if years > 0 else "")


def validate_document(doc: dict[str, Any], where: str, people_ids: set[int]) -> None:
    """Check the ``rhythms`` and ``moments`` of a JSON export (docs/json-format.md, version 2);
    a UserError names the first bad entry."""
    names: set[str] = set()
    for n, r in enumerate(doc.get("rhythms", []), 1):
        at = f"{where}: rhythms[{n}]"
        if not isinstance(r, dict) or not isinstance(r.get("id"), int) or not isinstance(r.get("name"), str):
            raise UserError(f"{at} needs an integer id and a name")
        name = check_name(r["name"]).casefold()
        if name in names:
            raise UserError(f"{at}: a second rhythm called {r['name']!r}")
        names.add(name)
        if not isinstance(r.get("rule"), str) or parse_rule(r["rule"]).text != r["rule"]:
            raise UserError(f"{at}: bad rule {r.get('rule')!r} (expected one of {', '.join(ACCEPTED)}, as relj writes it)")
        if r.get("channel") not in {c.value for c in Channel}:
            raise UserError(f"{at}: unknown channel {r.get('channel')!r}")
        if r.get("time") is not None and (not isinstance(r["time"], str) or check_time(r["time"]) != r["time"]):
            raise UserError(f"{at}: time must be HH:MM or null")
        if not _is_day(r.get("start")):
            raise UserError(f"{at}: bad start {r.get('start')!r} (YYYY-MM-DD)")
        people = r.get("people", [])
        if not isinstance(people, list) or any(p not in people_ids for p in people):
            raise UserError(f"{at}: people must be a list of ids that are in people")
    for n, m in enumerate(doc.get("moments", []), 1):
        at = f"{where}: moments[{n}]"
        if not isinstance(m, dict) or not isinstance(m.get("id"), int) or m.get("person_id") not in people_ids:
            raise UserError(f"{at} needs an integer id and a person_id that is in people")
        if not isinstance(m.get("text"), str) or not m["text"].strip():
            raise UserError(f"{at} needs some text")
        if m.get("kind", "other") not in MOMENT_KINDS:
            raise UserError(f"{at}: unknown kind {m.get('kind')!r}")
        if not _is_day(m.get("date")) or not isinstance(m.get("yearly", False), bool):
            raise UserError(f"{at}: date is YYYY-MM-DD and yearly true or false")


def _is_day(value: Any) -> bool:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True
