"""Rhythm rules, occurrences, kept and missed (relj.rhythms): pure, no journal."""

from __future__ import annotations

import datetime as dt

import pytest

from relj.domain import Channel
from relj.errors import UserError
from relj.rhythms import (
    Moment,
    Rhythm,
    ical_rrule,
    missed_reason,
    moment_opener,
    next_occurrence,
    occurrences,
    parse_rule,
    state,
)

D = dt.date


@pytest.mark.parametrize(("text", "canonical"), [
    ("week", "week"), ("Week", "week"), ("2 weeks", "2 weeks"), ("1 week", "week"), ("every 3 weeks", "3 weeks"),
    ("month", "month"), ("6 Months", "6 months"), ("year", "year"), ("first sunday", "first sunday"),
    ("First Sunday", "first sunday"), ("LAST friday", "last friday"), ("second tuesdays", "second tuesday"),
    ("third-wednesday", "third wednesday"), ("fourth  saturday", "fourth saturday"),
])
def test_every_accepted_rule_reads_and_is_written_back_the_same_way(text: str, canonical: str) -> None:
    assert parse_rule(text).text == canonical
    assert parse_rule(canonical).text == canonical


@pytest.mark.parametrize("text", ["", "fifth sunday", "first funday", "0 weeks", "53 weeks", "2 years", "weeks",
                                  "fortnight", "monthly", "every", "1.5 weeks", "-2 weeks"])
def test_an_unreadable_rule_says_which_forms_are_accepted(text: str) -> None:
    with pytest.raises(UserError) as err:
        parse_rule(text)
    message = str(err.value)
    assert "\n" not in message
    for form in ("week", "N weeks", "month", "N months", "year", "first|second|third|fourth|last WEEKDAY"):
        assert form in message


def occ(rule: str, start: D, after: D, before: D) -> list[D]:
    return occurrences(parse_rule(rule), start, after, before)


def test_weekly_rules_keep_the_start_weekday_and_their_phase_years_later() -> None:
    assert occ("week", D(2025, 1, 1), D(2025, 1, 1), D(2025, 1, 31)) == [
        D(2025, 1, 1), D(2025, 1, 8), D(2025, 1, 15), D(2025, 1, 22), D(2025, 1, 29)]
    # Every 2 weeks from a Monday in 2000: still in phase in 2025 (9,142 days = 653 fortnights).
    assert occ("2 weeks", D(2000, 1, 3), D(2025, 1, 1), D(2025, 2, 28)) == [
        D(2025, 1, 13), D(2025, 1, 27), D(2025, 2, 10), D(2025, 2, 24)]
    assert occ("week", D(2025, 3, 1), D(2025, 1, 1), D(2025, 2, 28)) == []  # nothing before the start


def test_monthly_rules_fall_on_the_last_day_of_shorter_months() -> None:
    assert occ("month", D(2024, 1, 31), D(2024, 1, 1), D(2024, 6, 30)) == [
        D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30), D(2024, 5, 31), D(2024, 6, 30)]
    assert occ("month", D(2025, 1, 30), D(2025, 2, 1), D(2025, 3, 31)) == [D(2025, 2, 28), D(2025, 3, 30)]
    assert occ("3 months", D(2020, 1, 15), D(2025, 1, 1), D(2025, 12, 31)) == [
        D(2025, 1, 15), D(2025, 4, 15), D(2025, 7, 15), D(2025, 10, 15)]
    assert occ("2 months", D(2020, 1, 31), D(2024, 8, 1), D(2024, 12, 31)) == [D(2024, 9, 30), D(2024, 11, 30)]


def test_yearly_on_29_february_falls_on_28_february_in_common_years() -> None:
    assert occ("year", D(2000, 2, 29), D(2023, 1, 1), D(2028, 12, 31)) == [
        D(2023, 2, 28), D(2024, 2, 29), D(2025, 2, 28), D(2026, 2, 28), D(2027, 2, 28), D(2028, 2, 29)]
    assert occ("year", D(2020, 7, 14), D(2024, 1, 1), D(2025, 12, 31)) == [D(2024, 7, 14), D(2025, 7, 14)]


def test_nth_weekday_of_the_month_and_the_last_one_in_months_without_a_fifth() -> None:
    start = D(2025, 1, 1)
    assert occ("first sunday", start, D(2025, 9, 1), D(2025, 12, 31)) == [
        D(2025, 9, 7), D(2025, 10, 5), D(2025, 11, 2), D(2025, 12, 7)]
    assert occ("second tuesday", start, D(2025, 1, 1), D(2025, 2, 28)) == [D(2025, 1, 14), D(2025, 2, 11)]
    assert occ("third wednesday", start, D(2025, 1, 1), D(2025, 2, 28)) == [D(2025, 1, 15), D(2025, 2, 19)]
    # June 2025 has four Sundays, March and August five: "fourth" is always the fourth, "last" the last.
    assert occ("fourth sunday", start, D(2025, 3, 1), D(2025, 3, 31)) == [D(2025, 3, 23)]
    assert occ("last sunday", start, D(2025, 3, 1), D(2025, 8, 31)) == [
        D(2025, 3, 30), D(2025, 4, 27), D(2025, 5, 25), D(2025, 6, 29), D(2025, 7, 27), D(2025, 8, 31)]
    assert occ("last sunday", start, D(2025, 2, 1), D(2025, 2, 28)) == [D(2025, 2, 23)]  # four Sundays
    # A start in the middle of a month: that month's occurrence only if it is on or after the start.
    assert occ("first sunday", D(2025, 1, 10), D(2025, 1, 1), D(2025, 2, 28)) == [D(2025, 2, 2)]
    assert next_occurrence(parse_rule("last friday"), start, D(2025, 12, 27)) == D(2026, 1, 30)


def test_rules_as_icalendar_rrules() -> None:
    assert ical_rrule(parse_rule("first sunday"), D(2025, 1, 5)) == {"FREQ": "MONTHLY", "BYDAY": "1SU"}
    assert ical_rrule(parse_rule("last friday"), D(2025, 1, 31)) == {"FREQ": "MONTHLY", "BYDAY": "-1FR"}
    assert ical_rrule(parse_rule("2 weeks"), D(2025, 1, 5)) == {"FREQ": "WEEKLY", "INTERVAL": 2}
    assert ical_rrule(parse_rule("month"), D(2025, 1, 31)) == {"FREQ": "MONTHLY", "BYMONTHDAY": [28, 29, 30, 31],
                                                             "BYSETPOS": -1}
    assert ical_rrule(parse_rule("year"), D(2024, 2, 29)) == {"FREQ": "YEARLY", "BYMONTHDAY": [28, 29],
                                                            "BYSETPOS": -1, "BYMONTH": 2}


JAN = D(2025, 1, 1)


def dinner(rule: str = "first sunday", start: D = JAN) -> Rhythm:
    people = ((1, "Maria Rivera", "Mum"), (2, "Tomás Rivera", "Dad"))
    return Rhythm(1, "first-Sunday dinner", rule, Channel.IN_PERSON, "18:00", start, people)


OCT = D(2025, 10, 5)  # a first Sunday
FROM_OCT = D(2025, 10, 1)


@pytest.mark.parametrize(("offset", "kept"), [(-4, False), (-3, True), (0, True), (3, True), (4, False)])
def test_an_occurrence_is_kept_by_rich_contact_within_three_days(offset: int, kept: bool) -> None:
    st = state(dinner(start=FROM_OCT), [OCT + dt.timedelta(days=offset)], D(2025, 10, 20))
    assert (st.last_kept == OCT) is kept
    assert st.missed == (() if kept else (OCT,))


def test_an_occurrence_is_missed_only_once_its_three_days_are_over() -> None:
    assert state(dinner(start=FROM_OCT), [], OCT + dt.timedelta(days=3)).missed_in_a_row == 0  # may still be kept
    assert state(dinner(start=FROM_OCT), [], OCT + dt.timedelta(days=4)).missed == (OCT,)
    # Kept in advance: contact two days before, today is the day itself.
    assert state(dinner(start=FROM_OCT), [OCT - dt.timedelta(days=2)], OCT).last_kept == OCT


def test_two_misses_in_a_row_versus_one() -> None:
    kept_days = [D(2025, m, d) for m, d in ((1, 5), (2, 2), (3, 2), (4, 6), (5, 4), (6, 1), (7, 6), (8, 3), (9, 7))]
    one = state(dinner(), kept_days, D(2025, 10, 20))
    assert (one.missed_in_a_row, one.kept, one.last_kept, one.next) == (1, True, D(2025, 9, 7), D(2025, 11, 2))
    two = state(dinner(), kept_days, D(2025, 11, 20))
    assert (two.missed_in_a_row, two.kept, two.missed) == (2, False, (D(2025, 10, 5), D(2025, 11, 2)))
    assert missed_reason(dinner(), two, D(2025, 11, 20)) == (
        "The first-Sunday dinner with Mum and Dad was missed in October and November.")
    # A miss, then kept again, then a miss: never two in a row.
    broken = state(dinner(), [*kept_days[:-2], kept_days[-1]], D(2025, 10, 20))
    assert broken.missed_in_a_row == 1
    three = state(dinner(), kept_days, D(2025, 12, 20))
    assert missed_reason(dinner(), three, D(2025, 12, 20)) == (
        "The first-Sunday dinner with Mum and Dad was missed 3 times in a row, the last in November and December.")


def test_a_bounded_lookback_sees_the_same_recent_misses() -> None:
    days = [D(2025, 8, 6)]
    full = state(dinner("week"), days, D(2025, 10, 1))
    short = state(dinner("week"), days, D(2025, 10, 1), lookback=4)
    assert full.missed_in_a_row == 7 and full.last_kept == D(2025, 8, 6)
    assert short.next == full.next and short.missed[-2:] == full.missed[-2:] and not short.kept
    assert 4 <= short.missed_in_a_row <= full.missed_in_a_row
    assert missed_reason(dinner("week"), full, D(2025, 10, 1)).endswith("missed 7 times in a row, the last on 17 Sep and 24 Sep.")


def test_moment_openers_name_the_moment() -> None:
    def m(text: str, kind: str) -> Moment:
        return Moment(1, 1, "Ana García", "Ana", D(2025, 10, 1), text, kind, False)

    assert moment_opener(m("move to Berlin", "move")) == "Ask Ana how the move to Berlin went"
    assert moment_opener(m("Move to Berlin", "move")) == "Ask Ana how the move to Berlin went"
    assert moment_opener(m("her new job at Figma", "job")) == "Ask Ana how her new job at Figma went"
    assert moment_opener(m("the loss of her father", "loss")) == "Check in on Ana after the loss of her father"
    assert moment_opener(m("baby Noah", "baby")) == "Ask Ana how the baby Noah is doing"
    # Written as what happened: its words kept, never "how the moved to Berlin went".
    assert moment_opener(m("Moved to Berlin", "move")) == "Ask Ana how it went: moved to Berlin"
    assert moment_opener(m("passed the bar exam", "exam")) == "Ask Ana how it went: passed the bar exam"
    assert moment_opener(m("lost her father", "loss")) == "Check in on Ana: lost her father"
    assert moment_opener(m("had a baby", "baby")) == "Ask Ana how the baby is doing"
    assert moment_opener(m("speed dating", "other")) == "Ask Ana how the speed dating went"
    assert moment_opener(m("shed renovation", "other")) == "Ask Ana how the shed renovation went"
    # The name the Reconnect list uses for them (a unique first name) rather than the moment's.
    assert moment_opener(m("move to Berlin", "move"), "Ana G.") == "Ask Ana G. how the move to Berlin went"


def _reference(rule_text: str, start: dt.date, after: dt.date, before: dt.date) -> list[dt.date]:
    """dateutil's rrule of the RRULE the rhythm exports as: the reference for relj's arithmetic."""
    import icalendar
    from dateutil import rrule as du_rrule

    rule = parse_rule(rule_text)
    text = icalendar.vRecur(ical_rrule(rule, start)).to_ical().decode()
    walk = du_rrule.rrulestr(text, dtstart=dt.datetime.combine(start, dt.time()))
    lo = dt.datetime.combine(max(after, start), dt.time())
    hi = dt.datetime.combine(before, dt.time())
    return [d.date() for d in walk.between(lo, hi, inc=True)]


def test_occurrences_are_those_of_the_exported_rrule() -> None:
    """Occurrences are computed by date arithmetic (fast at start-up); for every rule form, random
    starts (the 29th to the 31st included) and windows, they are exactly dateutil's."""
    import random

    rng = random.Random(16)
    forms = ["week", "2 weeks", "3 weeks", "month", "2 months", "3 months", "6 months", "year",
             *(f"{o} {w}" for o in ("first", "second", "third", "fourth", "last") for w in ("monday", "sunday"))]
    checked = 0
    for _ in range(600):
        form = rng.choice(forms)
        start = D(rng.randint(2019, 2026), rng.randint(1, 12), 1) + dt.timedelta(days=rng.choice(
            [0, 27, 28, 29, 30, rng.randint(0, 30)]))
        after = start + dt.timedelta(days=rng.randint(-40, 900))
        before = after + dt.timedelta(days=rng.randint(0, 500))
        assert occurrences(parse_rule(form), start, after, before) == _reference(form, start, after, before), \
            (form, start, after, before)
        day = after
        expected = _reference(form, start, day, day + dt.timedelta(days=800))[0]
        assert next_occurrence(parse_rule(form), start, day) == expected, (form, start, day)
        checked += 1
    assert checked == 600
