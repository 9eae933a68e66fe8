"""Ranking against hand-made histories (issue 14): a broken rhythm outranks a cadence passed since one
dinner; first names in sentences when no one else has that first name. No Qt."""

from __future__ import annotations

import datetime as dt

import pytest

from relj import reconnect as rc
from relj.domain import Channel

TODAY = dt.date(2025, 11, 20)


def maya_and_one_dinner(store, circle):  # type: ignore[no-untyped-def]
    """Maya: meetings every two weeks, then five months of email. The others: one dinner and one text."""
    maya = store.add_person("Maya Okafor", circle=circle).id
    start = TODAY - dt.timedelta(days=150 + 14 * 10)
    for k in range(10):
        store.log_interaction(Channel.IN_PERSON, [maya], start + dt.timedelta(days=14 * k))
    day = TODAY - dt.timedelta(days=150)
    while day < TODAY:
        store.log_interaction(Channel.EMAIL, [maya], day)
        day += dt.timedelta(days=7)
    for name, dinner, text in (("Dan Once", 400, 300), ("Dee Recent", 200, 100), ("Dora Old", 1000, 900)):
        pid = store.add_person(name, circle=circle).id
        store.log_interaction(Channel.IN_PERSON, [pid], TODAY - dt.timedelta(days=dinner))
        store.log_interaction(Channel.TEXT, [pid], TODAY - dt.timedelta(days=text))
    return maya


@pytest.mark.parametrize("circle", [None, "friends", "close", "family", "acquaintances"])
def test_a_broken_rhythm_ranks_above_one_dinner_and_one_text(store, circle):
    maya = maya_and_one_dinner(store, circle)
    found = rc.compute(store, TODAY)
    assert found[0].person_id == maya, [(e.name, e.score) for e in found]
    assert found[0].kind is rc.Kind.DIGITAL_ONLY and "rhythm-break" in found[0].signals
    # The fast ranking and the reference agree.
    circles = rc.circle_cadences(None)
    fast = rc.rank_fast(store, TODAY, circles)
    assert fast is not None
    assert [a.summary.person_id for a in fast[0]] == [a.summary.person_id for a in rc.rank_plain(store, TODAY, circles)[0]]


def test_thin_history_halves_the_score():
    assert rc.urgency_score("friends", 4.0, False, established=False) == pytest.approx(
        rc.urgency_score("friends", 4.0, False) * rc.THIN_HISTORY, abs=1e-3)


def test_first_names_in_sentences_when_unique(store):
    maya_and_one_dinner(store, "friends")
    found = {e.name: e for e in rc.compute(store, TODAY)}
    assert found["Maya Okafor"].reason.startswith("Last saw Maya in person")
    assert "Maya Okafor" not in found["Maya Okafor"].reason


def test_full_names_when_the_first_name_is_shared(store):
    maya_and_one_dinner(store, "friends")
    store.add_person("Maya Lin")
    found = {e.name: e for e in rc.compute(store, TODAY)}
    assert found["Maya Okafor"].reason.startswith("Last saw Maya Okafor in person")


def test_the_whole_list_keeps_the_order_of_compute(store):
    maya_and_one_dinner(store, None)
    ranked = rc.ranking(store, TODAY)
    assert [e.person_id for e in rc.entries(store, ranked, 0, 2) + rc.entries(store, ranked, 2)] == \
        [e.person_id for e in rc.compute(store, TODAY)]
