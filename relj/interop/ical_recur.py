"""Times and recurrence of calendar events, expanded within a budget (see :mod:`relj.interop.ical`).

Expansion is bounded three ways:

* per series: the latest :data:`MAX_OCCURRENCES` occurrences on or before today are kept (a
  series with more is reported as capped), and at most :data:`MAX_SERIES_WORK` steps are walked;
* per file: :class:`Budget` holds :data:`MAX_FILE_OCCURRENCES` occurrences and
  :data:`MAX_FILE_WORK` steps for all its series; a series that finds it spent is capped;
* per rule: rules that can never match (``BYMONTH=1;BYYEARDAY=200``, 30 February, a BYSETPOS
  beyond the starts a period can hold such as ``FREQ=DAILY;BYSETPOS=2``) are found before any
  walk, and no walk goes past the last year relj can write (dateutil would otherwise walk to the
  year 9999 looking for a match that never comes). A rule whose walk from DTSTART reaches that
  year without a single occurrence is reported as never matching too.

A step is one occurrence, or one period (day, week, month or year) that dateutil walks, weighed
by what it costs (:data:`_YEAR_STEPS`...): about a microsecond a step. The periods are counted
inside dateutil's own walk (:class:`_Periods`), so a rule that yields nothing is stopped by its
budget like any other, instead of walking on for years between two occurrences. When a series
needs more steps than it may take from its start, the walk starts again just before today (at a
period boundary of the rule, so the occurrences are the same), so that the occurrences kept are
always the most recent ones. A rule with COUNT cannot be started midway: its matching days are
walked instead, which says where its last occurrences fall.
"""

from __future__ import annotations

import datetime as dt
import heapq
import types
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import icalendar
from dateutil import rrule as du_rrule

from relj.clock import MAX_YEAR
from relj.interop.ical_read import params_of, values
from relj.interop.ical_rule_checks import never_matches, setpos_never_matches
from relj.interop.wintz import resolve_tzid

#: Past occurrences kept per recurring series (the latest ones).
MAX_OCCURRENCES = 2000
#: Steps walked per series (see the module docstring).
MAX_SERIES_WORK = 200_000
#: Occurrences and steps for all the series of one file.
MAX_FILE_OCCURRENCES = 50_000
MAX_FILE_WORK = 2_000_000
#: Steps a series may take once the file's budget is spent (its latest occurrence, the next):
#: the few periods around today of most rules, about a millisecond.
_SPENT_LIMIT = 1_000

CAPPED_LATEST = f"recurring series capped: only its latest {MAX_OCCURRENCES} occurrences imported"
CAPPED_WORK = "recurring series capped: rule too costly to expand, only its latest occurrences imported"
CAPPED_FILE = "recurring series capped: the file's budget for recurrences is spent, only its latest occurrences imported"
NEVER_MATCHES = "recurrence rule never matches: only the first occurrence imported"
SUB_DAILY = "recurrence rule finer than daily: only the first occurrence imported"

_UTC = dt.UTC
Moment = dt.datetime | dt.date  # naive local datetime, or a date for all-day


# --------------------------------------------------------------------------------------------
# Times


@dataclass(slots=True)
class Start:
    local: Moment  # naive wall-clock time in ``zone`` (or floating), or a date
    zone: dt.tzinfo | None
    utc: bool  # written with Z: shown converted to the display zone


def raw_dt(prop: Any) -> Any:
    try:
        value = getattr(prop, "dt", None)
    except Exception:  # icalendar 7 raises on access to a property it could not parse
        return None
    if isinstance(value, tuple) and value:  # a PERIOD: its start
        value = value[0]
    return value


def start_of(comp: Any, name: str = "DTSTART") -> Start | None:
    props = values(comp, name)
    if not props:
        return None
    prop = props[0]
    value = raw_dt(prop)
    params = params_of(prop)
    if isinstance(value, dt.datetime):
        if params.get("VALUE", "").upper() == "DATE":
            return Start(value.date(), None, False)
        if value.tzinfo is not None:
            utc = "TZID" not in params
            return Start(value.replace(tzinfo=None), value.tzinfo, utc)
        tzid = params.get("TZID", "")
        return Start(value, resolve_tzid(tzid) if tzid else None, False)
    if isinstance(value, dt.date):
        return Start(value, None, False)
    return None


def localise(value: Any, zone: dt.tzinfo | None, all_day: bool, start: Moment) -> Moment | None:
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


def date_of(moment: Moment) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def as_datetime(moment: Moment) -> dt.datetime:
    return moment if isinstance(moment, dt.datetime) else dt.datetime.combine(moment, dt.time())


def duration(comp: Any, start: Start) -> int | None:
    if not isinstance(start.local, dt.datetime):
        return None
    delta: dt.timedelta | None = None
    end = values(comp, "DTEND")
    if end:
        value = raw_dt(end[0])
        if isinstance(value, dt.datetime):
            begin = start.local.replace(tzinfo=start.zone) if start.zone is not None else start.local
            if value.tzinfo is not None and begin.tzinfo is None:
                value = value.replace(tzinfo=None)
            elif value.tzinfo is None and begin.tzinfo is not None:
                begin = begin.replace(tzinfo=None)
            delta = value - begin
    if delta is None:
        dur = values(comp, "DURATION")
        value = raw_dt(dur[0]) if dur else None
        if isinstance(value, dt.timedelta):
            delta = value
    if delta is None:
        return None
    minutes = int(delta.total_seconds() // 60)
    return minutes if 0 < minutes <= 14 * 24 * 60 else None


# --------------------------------------------------------------------------------------------
# Rules


class _Spent(Exception):
    """Raised inside dateutil's walk when the walk has used up its steps."""


#: Steps a period costs dateutil, whether it holds an occurrence or not (a year, a month, a
#: week, a day): a list as long as the year, and a test of each of the period's days. Measured
#: at about a microsecond a step, as an occurrence.
_YEAR_STEPS, _MONTH_STEPS, _WEEK_STEPS, _DAY_STEPS = 30, 5, 3, 2
_DAYSETS = ("ydayset", "mdayset", "wdayset", "ddayset")
_ITERINFO: Any = getattr(du_rrule, "_iterinfo", None)


class _Periods(_ITERINFO if isinstance(_ITERINFO, type) else object):  # type: ignore[misc]
    """dateutil's helper for one walk of a rule: it is asked for the days of each period walked,
    and counts the period on the walk's meter (read from the rule when the walk starts)."""

    def __init__(self, rule: Any) -> None:
        super().__init__(rule)
        self.meter: _Walk | None = getattr(rule, "_meter", None)

    def _walked(self, steps: int, got: Any) -> Any:
        if self.meter is not None:
            self.meter.period(steps)
        return got

    def ydayset(self, year: int, month: int, day: int) -> Any:
        return self._walked(_YEAR_STEPS, super().ydayset(year, month, day))

    def mdayset(self, year: int, month: int, day: int) -> Any:
        return self._walked(_MONTH_STEPS, super().mdayset(year, month, day))

    def wdayset(self, year: int, month: int, day: int) -> Any:
        return self._walked(_WEEK_STEPS, super().wdayset(year, month, day))

    def ddayset(self, year: int, month: int, day: int) -> Any:
        return self._walked(_DAY_STEPS, super().ddayset(year, month, day))


def _bounded_iter() -> tuple[Any, bool]:
    """dateutil's rrule walk, stopping after MAX_YEAR instead of 9999 when nothing matches, and
    counting the periods it walks (True) when this dateutil's walk is the one expected."""
    walk = du_rrule.rrule._iter
    code = getattr(walk, "__code__", None)
    if code is None or "MAXYEAR" not in code.co_names or code.co_freevars:
        return walk, False  # another dateutil: the static checks and the budgets still bound the work
    bounded = types.SimpleNamespace(**{k: getattr(dt, k) for k in dir(dt) if not k.startswith("__")})
    bounded.MAXYEAR = MAX_YEAR + 1
    names: dict[str, Any] = {**vars(du_rrule), "datetime": bounded}
    metered = (
        "_iterinfo" in code.co_names
        and isinstance(_ITERINFO, type)
        and all(callable(getattr(_ITERINFO, name, None)) for name in _DAYSETS)
    )
    if metered:
        names["_iterinfo"] = _Periods
    return types.FunctionType(code, names, walk.__name__, walk.__defaults__), metered


_ITER, METERED = _bounded_iter()


class Rule(du_rrule.rrule):
    """An rrule whose walk ends after the last year relj accepts, its periods counted (METERED)."""

    _iter = _ITER
    _meter: _Walk | None = None  # the walk to count the periods on, read when a walk starts


def _rule_kwargs(rule: du_rrule.rrule, **changes: Any) -> dict[str, Any]:
    kwargs: dict[str, Any] = {
        "interval": rule._interval,
        "count": rule._count,
        "dtstart": rule._dtstart,
        "freq": rule._freq,
        "until": rule._until,
        "wkst": rule._wkst,
        "cache": False,
    }
    kwargs.update(rule._original_rule)
    kwargs.update(changes)
    return kwargs


def until_of(value: Any, start: Start) -> dt.datetime | None:
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


_SUB_DAILY = {"HOURLY", "MINUTELY", "SECONDLY"}


def rules_of(comp: Any, start: Start) -> tuple[list[Rule], list[str]]:
    """The event's RRULEs ready to walk, and the notes on those left out (NEVER_MATCHES...)."""
    rules: list[Rule] = []
    notes: list[str] = []
    dtstart = as_datetime(start.local)
    for prop in values(comp, "RRULE"):
        try:
            rule = {str(k).upper(): list(v) if isinstance(v, list) else [v] for k, v in dict(prop).items()}
        except Exception:
            continue
        freq = str((rule.get("FREQ") or [""])[0]).upper()
        if not freq:
            continue
        if freq in _SUB_DAILY:
            notes.append(SUB_DAILY)
            continue
        if never_matches(rule):
            notes.append(NEVER_MATCHES)
            continue
        until_values = rule.pop("UNTIL", None)
        text = icalendar.vRecur(rule).to_ical().decode("ascii", "replace")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = du_rrule.rrulestr(text, dtstart=dtstart)
        if not isinstance(parsed, du_rrule.rrule):
            continue
        changes: dict[str, Any] = {}
        if until_values and "COUNT" not in rule:
            until = until_of(until_values[0], start)
            if until is not None:
                changes["until"] = until
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ready = Rule(**_rule_kwargs(parsed, **changes))
        if setpos_never_matches(ready):
            notes.append(NEVER_MATCHES)
            continue
        rules.append(ready)
    return rules, notes


def fast_forward(rule: Rule, near: dt.datetime) -> Rule | None:
    """The same rule started at the last period boundary on or before ``near``; None if it cannot be."""
    if rule._count is not None:
        return None
    start, k, freq = rule._dtstart, rule._interval, rule._freq
    if freq == du_rrule.YEARLY:
        anchor = dt.datetime(start.year + (near.year - start.year) // k * k, 1, 1)
    elif freq == du_rrule.MONTHLY:
        months = start.month - 1 + ((near.year - start.year) * 12 + near.month - start.month) // k * k
        anchor = dt.datetime(start.year + months // 12, months % 12 + 1, 1)
    elif freq == du_rrule.WEEKLY:
        week0 = start.date() - dt.timedelta(days=(start.weekday() - rule._wkst) % 7)
        weeks = (near.date() - week0).days // (7 * k) * 7 * k
        anchor = dt.datetime.combine(week0 + dt.timedelta(days=weeks), dt.time())
    elif freq == du_rrule.DAILY:
        days = (near.date() - start.date()).days // k * k
        anchor = dt.datetime.combine(start.date() + dt.timedelta(days=days), dt.time())
    else:
        return None
    if anchor <= start:
        return None
    return _restart(rule, anchor)


def _restart(rule: Rule, anchor: dt.datetime, **more: Any) -> Rule:
    """The rule started at ``anchor`` instead of DTSTART (with ``more`` changed too)."""
    start = rule._dtstart
    # What dateutil derives from DTSTART must now be written out: the anchor is not DTSTART.
    original = rule._original_rule
    changes: dict[str, Any] = {"dtstart": anchor}
    if "bymonth" in original and original["bymonth"] is None:
        changes["bymonth"] = start.month
    if "bymonthday" in original and original["bymonthday"] is None:
        changes["bymonthday"] = start.day
    if "byweekday" in original and original["byweekday"] is None:
        changes["byweekday"] = start.weekday()
    for key in ("byhour", "byminute", "bysecond"):
        if key not in original:
            changes[key] = getattr(start, key[2:])
    changes.update(more)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Rule(**_rule_kwargs(rule, **changes))


def _counted_latest(
    rules: list[Rule], dates: list[dt.datetime], until: dt.date, exdates: set[Moment], all_day: bool,
    limit: int, keep: int,
) -> tuple[deque[Moment], Moment | None, int] | None:
    """The latest ``keep`` starts up to ``until`` of a series with COUNT, too dense to walk from DTSTART.

    COUNT numbers occurrences from DTSTART, so a walk cannot start near ``until``. But without
    BYSETPOS, every matching day of a daily-or-coarser rule holds the same times (the rule's time
    set): the matching days alone, walked once from DTSTART (a step a day, not an occurrence),
    say where the COUNT-th occurrence falls, and only the last days are expanded into times.
    EXDATEs count towards COUNT and are then left out, as RFC 5545 says. None for other series.
    """
    if len(rules) != 1:
        return None
    rule = rules[0]
    if rule._count is None or rule._bysetpos or not rule._timeset:
        return None
    start = rule._dtstart
    times = sorted(t.replace(tzinfo=None) for t in rule._timeset)
    total = rule._count
    days_rule = _restart(rule, dt.datetime.combine(start.date(), dt.time()), count=None,
                         byhour=0, byminute=0, bysecond=0)
    walk = _Walk(limit)
    # The last days, holding at least ``want`` starts (excluded ones are dropped afterwards).
    want = keep + len(exdates)
    tail: deque[list[dt.datetime]] = deque()
    in_tail = 0
    counted = 0
    later: Moment | None = None
    for occurrence in walk.rule(days_rule):
        if counted >= total:
            break
        day = occurrence.date()
        starts = [dt.datetime.combine(day, t) for t in times]
        if day == start.date():
            starts = [m for m in starts if m >= start]
        starts = starts[: total - counted]
        if not starts:
            continue
        if day > until:
            later = day if all_day else starts[0]
            break
        tail.append(starts)
        in_tail += len(starts)
        while in_tail - len(tail[0]) >= want:
            in_tail -= len(tail.popleft())
        counted += len(starts)
        if walk.work > limit:
            return None
    if walk.spent:
        return None
    found = sorted({*(m for starts in tail for m in starts), *(d for d in dates if d.date() <= until)})
    kept: deque[Moment] = deque(maxlen=keep)
    for m in found:
        moment: Moment = m.date() if all_day else m
        if moment not in exdates:
            kept.append(moment)
    return kept, later, walk.work


# --------------------------------------------------------------------------------------------
# Expansion


@dataclass(slots=True)
class Budget:
    """What is left for the series of one file."""

    occurrences: int = MAX_FILE_OCCURRENCES
    work: int = MAX_FILE_WORK


@dataclass(slots=True)
class Expansion:
    """The original starts of a series around today."""

    past: list[Moment] = field(default_factory=list)  # on or before ``until``: the latest ones
    later: Moment | None = None  # the first start after ``until``
    capped: str = ""  # why occurrences were left out ("" when none were)
    notes: list[str] = field(default_factory=list)  # rules left out


class _Walk:
    """Steps counted across the rules and dates of one series."""

    def __init__(self, limit: int) -> None:
        self.work = 0
        self.limit = limit
        self.spent = False  # a rule's walk was stopped for want of steps
        self.barren = 0  # rules without UNTIL walked to the end of the years without an occurrence

    def period(self, steps: int) -> None:
        """dateutil walks a period costing ``steps`` (see :class:`_Periods`); stop it past the limit."""
        self.work += steps
        if self.work > self.limit:
            raise _Spent

    def rule(self, rule: Rule) -> Iterator[dt.datetime]:
        previous = rule._dtstart
        interval = max(rule._interval, 1)
        found = False
        try:
            for occurrence in _metered(rule, self):
                self.work += 1 if METERED else 1 + (occurrence - previous).days // interval
                previous = occurrence
                found = True
                yield occurrence
        except _Spent:
            self.spent = True
            return
        if not METERED and (not found or (rule._until is None and rule._count is None)):
            # Nothing matched after the last one: dateutil walked on to the end of the years.
            self.work += (dt.datetime(MAX_YEAR + 1, 12, 31) - previous).days // interval
        if not found and rule._until is None:
            self.barren += 1


def _metered(rule: Rule, meter: _Walk) -> Iterator[dt.datetime]:
    """The rule's occurrences, the periods dateutil walks for them counted on ``meter``."""
    rule._meter = meter
    try:
        stream = iter(rule)
        first = next(stream, None)  # the walk starts here, and takes the meter from the rule
    finally:
        rule._meter = None
    if first is not None:
        yield first
        yield from stream


def _merged(streams: Iterable[Iterable[dt.datetime]]) -> Iterator[dt.datetime]:
    last: dt.datetime | None = None
    for moment in heapq.merge(*streams):
        if moment != last:
            last = moment
            yield moment


@dataclass(slots=True)
class _Walked:
    """What one walk of a series found."""

    kept: deque[Moment]  # the latest starts up to ``until``
    later: Moment | None  # the first start after ``until``
    seen: int  # how many starts up to ``until`` there were
    stopped: bool  # stopped by the limit of steps
    work: int  # steps taken
    barren: bool  # every rule walked to the end of the years without an occurrence


def _walk(
    rules: list[Rule], dates: list[dt.datetime], until: dt.date, exdates: set[Moment], all_day: bool, limit: int
) -> _Walked:
    walk = _Walk(limit)
    kept: deque[Moment] = deque(maxlen=MAX_OCCURRENCES)
    seen = 0
    later: Moment | None = None
    stopped = False
    for occurrence in _merged([*(walk.rule(r) for r in rules), dates]):
        moment: Moment = occurrence.date() if all_day else occurrence
        if moment in exdates:
            continue
        if date_of(moment) > until:
            later = moment
            break
        seen += 1
        kept.append(moment)
        if walk.work > walk.limit:
            stopped = True
            break
    barren = bool(rules) and walk.barren == len(rules)
    return _Walked(kept, later, seen, stopped or walk.spent, walk.work, barren)


def _recent(
    rules: list[Rule],
    dates: list[dt.datetime],
    until: dt.date,
    exdates: set[Moment],
    all_day: bool,
    limit: int,
    keep: int,
) -> tuple[deque[Moment], Moment | None, int] | None:
    """The latest ``keep`` starts up to ``until`` from walks that begin ever further before it.

    Each walk starts at a period boundary of the rules (:func:`fast_forward`), so it finds the
    same occurrences as a walk from DTSTART. None when a rule cannot be started midway (COUNT).
    When even the shortest walk runs out of steps, the starts it found (maybe none) are all.
    """
    work = 0
    best: tuple[deque[Moment], Moment | None, int] | None = None
    end = dt.datetime.combine(until, dt.time())
    first = min([r._dtstart for r in rules] + dates[:1])
    for days in (2, 8, 32, 128, 512, 2048, 8192, 32768):
        near = end - dt.timedelta(days=days)
        moved = [fast_forward(r, near) if near > r._dtstart else r for r in rules]
        if any(m is None for m in moved):
            return None
        walked = _walk(
            [m for m in moved if m is not None], [d for d in dates if d >= near], until, exdates, all_day, limit
        )
        work += walked.work
        if walked.stopped:
            # Too dense to walk this far back: the previous, shorter walk has the latest.
            if best is None:
                best = (deque(list(walked.kept)[-keep:], maxlen=MAX_OCCURRENCES), None, work)
            break
        best = (deque(list(walked.kept)[-keep:], maxlen=MAX_OCCURRENCES), walked.later, work)
        if len(walked.kept) >= keep or near <= first:
            break
    if best is None:
        return deque(maxlen=MAX_OCCURRENCES), None, work
    return best[0], best[1], work


def expand(comp: Any, start: Start, until: dt.date, budget: Budget) -> Expansion:
    """The original starts of a recurring event: the latest up to ``until``, and the next."""
    all_day = not isinstance(start.local, dt.datetime)
    rules, notes = rules_of(comp, start)
    out = Expansion(notes=notes)
    first = as_datetime(start.local)
    rdates = [localise(raw_dt(v), start.zone, all_day, start.local) for p in values(comp, "RDATE") for v in p.dts]
    excluded = (localise(raw_dt(v), start.zone, all_day, start.local) for p in values(comp, "EXDATE") for v in p.dts)
    exdates: set[Moment] = {x for x in excluded if x is not None}
    dates = sorted({first, *(as_datetime(r) for r in rdates if r is not None)})
    if budget.work <= 0 or budget.occurrences <= 0:
        # The file's budget is spent: only the latest occurrence and the next, from a short walk.
        recent = _recent(rules, dates, until, exdates, all_day, _SPENT_LIMIT, 1)
        work = recent[2] if recent is not None else 0
        if recent is not None and recent[0]:
            kept, later = recent[0], recent[1]
        else:  # no walk of the rules found one in its steps: the dates alone
            walked = _walk([], dates, until, exdates, all_day, _SPENT_LIMIT)
            kept, later, work = walked.kept, walked.later, work + walked.work
        out.capped = CAPPED_FILE if rules else ""
        budget.work -= work
        out.past, out.later = list(kept)[-1:], later
        return out
    limit = min(MAX_SERIES_WORK, budget.work)
    walked = _walk(rules, dates, until, exdates, all_day, limit)
    kept, later, work = walked.kept, walked.later, walked.work
    if walked.barren and NEVER_MATCHES not in out.notes:
        out.notes.append(NEVER_MATCHES)  # walked to the end of the years: DTSTART (and RDATEs) only
    if walked.stopped:
        # Too many steps from DTSTART: walk again from just before ``until``, keeping the latest.
        out.capped = CAPPED_WORK
        recent = _recent(rules, dates, until, exdates, all_day, limit, MAX_OCCURRENCES)
        if recent is None:  # a rule with COUNT cannot start midway: count the days instead
            recent = _counted_latest(rules, dates, until, exdates, all_day, limit, MAX_OCCURRENCES)
        if recent is not None:
            work += recent[2]
            if recent[0]:  # else none near ``until`` within the steps: those from DTSTART stay
                kept, later = recent[0], recent[1]
    elif walked.seen > len(kept):
        out.capped = CAPPED_LATEST
    budget.work -= work
    allowed = max(budget.occurrences, 1)
    if len(kept) > allowed:
        kept = deque(list(kept)[-allowed:])
        out.capped = CAPPED_FILE
    budget.occurrences -= len(kept)
    out.past, out.later = list(kept), later
    return out
