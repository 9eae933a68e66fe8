"""Reconnect and the loop: plan-passed, one-sided (the reciprocity threshold), talking points and
preferences in the entries, and the reason naming the preferred channel."""

from __future__ import annotations

import datetime as dt

import pytest

from relj import reconnect
from relj.domain import Initiator
from relj.ops import plans as plan_ops
from relj.plans import RECIPROCITY_MIN, Reciprocity
from relj.store import Store

D = dt.timedelta
ME, THEM, UNKNOWN = Initiator.ME, Initiator.THEM, Initiator.UNKNOWN


# -- the rule -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("initiators", "one_sided"), [
    ([ME] * 6, True),                        # 6 of 6
    ([ME] * 5, False),                       # too few known
    ([ME] * 5 + [THEM], False),              # 5 of 6 = 83%
    ([ME] * 9 + [THEM], True),               # 9 of 10 = 90%
    ([ME] * 8 + [THEM] * 2, False),          # 8 of 10 = 80%
    ([ME] * 6 + [UNKNOWN] * 4, True),        # unknown initiators do not count
    ([ME] * 5 + [UNKNOWN] * 5, False),       # 5 known of the last 10: too few
    ([UNKNOWN] * 5 + [ME] * 10, False),      # only the last 10 contacts count
    ([THEM] * 6 + [ME] * 10, False),         # 0 of 6
    ([ME] * 10 + [THEM] * 10, True),         # the newest 10 are mine
])
def test_reciprocity_threshold(initiators: list[Initiator], one_sided: bool) -> None:
    r = Reciprocity.of(initiators)
    assert r.one_sided is one_sided
    assert r.known == len([x for x in initiators[:10] if x is not UNKNOWN])


def test_reciprocity_words() -> None:
    assert Reciprocity.of([ME] * 9 + [THEM]).words() == "you started 9 of the last 10 contacts"


# -- in Reconnect ---------------------------------------------------------------------------------
@pytest.fixture
def drifted(store: Store, today: dt.date) -> int:
    """Ana, a friend last seen eight months ago, written to since."""
    ana = store.add_person("Ana", circle="friends").id
    store.log_interaction("in-person", [ana], today - D(240))
    store.log_interaction("email", [ana], today - D(30))
    return ana


def _entry(store: Store, day: dt.date, person_id: int) -> reconnect.Entry:
    found = [e for e in reconnect.compute(store, day) if e.person_id == person_id]
    assert found, "not on the list"
    return found[0]


def test_plan_passed(store: Store, today: dt.date, drifted: int) -> None:
    plan = plan_ops.plan_meeting(store, [drifted], today + D(2), channel="in-person").value
    e = _entry(store, today, drifted)
    assert "planned" in e.signals and "plan-passed" not in e.signals
    later = today + D(5)
    e = _entry(store, later, drifted)
    assert "plan-passed" in e.signals and "planned" not in e.signals
    assert e.passed_plan == today + D(2)
    # "today" is pinned by tests/conftest.py, and CI moves it: the day in words follows it.
    assert f"A meeting was planned for {reconnect.day_words(today + D(2), later)}: did it happen?" in e.reason
    # Deciding clears it: cancelled, or met.
    plan_ops.cancel_plan(store, plan.id)
    assert "plan-passed" not in _entry(store, later, drifted).signals


def test_one_sided_signal(store: Store, today: dt.date, drifted: int) -> None:
    for n in range(RECIPROCITY_MIN - 1):
        store.log_interaction("email", [drifted], today - D(60 + n), initiator="me")
    assert "one-sided" not in _entry(store, today, drifted).signals  # 5 known: too few
    store.log_interaction("text", [drifted], today - D(20), initiator="me")
    e = _entry(store, today, drifted)
    assert "one-sided" in e.signals
    assert e.kind.value in ("digital-only", "gone-quiet")  # it explains; it never makes a kind
    store.log_interaction("text", [drifted], today - D(10), initiator="them")
    assert "one-sided" in _entry(store, today, drifted).signals  # 6 of 7 = 86%
    store.log_interaction("text", [drifted], today - D(9), initiator="them")
    assert "one-sided" not in _entry(store, today, drifted).signals  # 6 of 8 = 75%


def test_talking_points_and_preferences_in_entries(store: Store, today: dt.date, drifted: int) -> None:
    e = _entry(store, today, drifted)
    assert (e.talking_points, e.prefers) == (0, None)
    assert e.to_json()["talking_points"] == 0 and e.to_json()["prefers"] is None
    plan_ops.add_points(store, drifted, ["ask about Lisbon", "the book"])
    plan_ops.set_preferences(store, drifted, prefers="phone", best_time="evenings")
    e = _entry(store, today, drifted)
    assert e.to_json()["talking_points"] == 2 and e.to_json()["prefers"] == "phone"
    assert e.reason.endswith(" Ana prefers phone calls, evenings.")
