"""Rules that can never match, found before any walk (dateutil would walk to the year 9999).

``never_matches`` reads the rule's text: day filters that can never agree (``BYMONTH=1;
BYYEARDAY=200``, 30 February). ``setpos_never_matches`` reads a parsed rule: a BYSETPOS beyond
the starts one period can hold (``FREQ=DAILY;BYSETPOS=2``). Used by relj.interop.ical_recur.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateutil import rrule as du_rrule

__all__ = ["never_matches", "setpos_never_matches", "starts_per_period"]


def _ints(rule: dict[str, list[Any]], key: str) -> list[int]:
    out = []
    for item in rule.get(key, []):
        try:
            out.append(int(str(item)))
        except ValueError:
            continue
    return out


_MONTH_DAYS = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def _month_of_yearday(day: int, leap: bool) -> int | None:
    length = 366 if leap else 365
    if day < 0:
        day = length + 1 + day
    if not 1 <= day <= length:
        return None
    return (dt.date(2024 if leap else 2023, 1, 1) + dt.timedelta(days=day - 1)).month


def _months_of_weekno(week: int) -> set[int]:
    """The months ISO week ``week`` (or -week) can touch in some year."""
    months: set[int] = set()
    for year in (2020, 2021, 2022, 2023, 2026, 2027, 2032):  # each weekday for 1 January, leap or not
        weeks = dt.date(year, 12, 28).isocalendar()[1]
        number = week if week > 0 else weeks + 1 + week
        if 1 <= number <= weeks:
            monday = dt.date.fromisocalendar(year, number, 1)
            months |= {(monday + dt.timedelta(days=d)).month for d in range(7)}
    return months


def never_matches(rule: dict[str, list[Any]]) -> bool:
    """A rule whose day filters can never agree: dateutil would walk for ever looking."""
    months = [m for m in _ints(rule, "BYMONTH") if 1 <= m <= 12]
    if rule.get("BYMONTH") and not months:
        return True
    months = months or list(range(1, 13))
    monthdays = _ints(rule, "BYMONTHDAY")
    if rule.get("BYMONTHDAY"):
        longest = max(_MONTH_DAYS[m] for m in months)
        if all(d == 0 or abs(d) > longest for d in monthdays):
            return True
    yeardays = _ints(rule, "BYYEARDAY")
    if rule.get("BYYEARDAY"):
        reachable = {_month_of_yearday(d, leap) for d in yeardays for leap in (False, True)} - {None}
        if not reachable & set(months):
            return True
    weeknos = _ints(rule, "BYWEEKNO")
    if rule.get("BYWEEKNO"):
        reachable = set().union(*(_months_of_weekno(w) for w in weeknos if 0 < abs(w) <= 53))
        if not reachable & set(months):
            return True
    return False


def starts_per_period(rule: du_rrule.rrule) -> int | None:
    """At most how many starts one period of ``rule`` holds (its days times its times a day).

    An upper bound, from the period's length and each BY* part that limits its days (the parts
    all have to agree, so the smallest bound holds). None for a rule finer than daily.
    """
    freq = rule._freq
    longest = {du_rrule.DAILY: 1, du_rrule.WEEKLY: 7, du_rrule.MONTHLY: 31, du_rrule.YEARLY: 366}.get(freq)
    times = rule._timeset
    if longest is None or times is None:
        return None
    bymonth = rule._bymonth or ()
    months = {du_rrule.DAILY: 1, du_rrule.WEEKLY: 2, du_rrule.MONTHLY: 1}.get(freq, len(bymonth) or 12)
    bounds = [longest]
    if bymonth and freq == du_rrule.YEARLY:
        bounds.append(31 * len(bymonth))
    plain, nth = rule._byweekday or (), rule._bynweekday or ()
    if plain or nth:
        # A weekday falls once a day or week, at most 5 times a month, 53 a year; an nth weekday
        # (MONTHLY and YEARLY only) once a month, or once in each month of BYMONTH.
        each = {du_rrule.DAILY: 1, du_rrule.WEEKLY: 1, du_rrule.MONTHLY: 5}.get(freq, 53)
        bounds.append(len(plain) * each + len(nth) * months)
    if rule._bymonthday or rule._bynmonthday:
        bounds.append((len(rule._bymonthday) + len(rule._bynmonthday)) * months)
    if rule._byyearday:
        bounds.append(2 * len(rule._byyearday))  # once a year (twice, for a week across New Year)
    if rule._byweekno:
        bounds.append(14 * len(rule._byweekno))  # a week, and week 1 of the next year
    return min(bounds) * len(times)


def setpos_never_matches(rule: du_rrule.rrule) -> bool:
    """A BYSETPOS that asks for starts no period holds (``FREQ=DAILY;BYSETPOS=2``): never a match."""
    positions = rule._bysetpos
    most = starts_per_period(rule)
    return bool(positions) and most is not None and all(abs(p) > most for p in positions)
