"""Properties of Reconnect over random histories (hypothesis)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relj import reconnect as rc
from relj.store import Store

TODAY = dt.date(2025, 11, 20)
CHANNELS = ["in-person", "video", "phone", "text", "email", "letter", "social"]

event = st.tuples(
    st.integers(0, 3),  # which person
    st.sampled_from(CHANNELS),
    st.integers(-30, 900),  # days before today (negative: after today)
    st.sampled_from(["done", "done", "done", "planned", "cancelled"]),
)
person_fields = st.fixed_dictionaries({
    "circle": st.sampled_from([None, "family", "close", "friends", "colleagues", "clients", "acquaintances"]),
    "written_ok": st.booleans(),
    "cadence_rich_days": st.one_of(st.none(), st.integers(1, 400)),
})
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _build(path: Path, people: list[dict], events: list[tuple[int, str, int, str]]) -> tuple[Store, list[int]]:
    store = Store.open(path)
    ids = [store.add_person(f"P{n}", **fields).id for n, fields in enumerate(people)]
    for who, channel, ago, status in events:
        store.log_interaction(channel, [ids[who]], TODAY - dt.timedelta(days=ago), status=status)
    return store, ids


def _result(store: Store) -> list[dict]:
    return [e.to_json() for e in rc.compute(store, TODAY)]


@SETTINGS
@given(people=st.lists(person_fields, min_size=4, max_size=4), events=st.lists(event, max_size=25), data=st.data())
def test_order_of_entry_does_not_matter(tmp_path_factory, people, events, data) -> None:
    shuffled = data.draw(st.permutations(events))
    base = tmp_path_factory.mktemp("order")
    a, _ = _build(base / "a.db", people, events)
    b, _ = _build(base / "b.db", people, list(shuffled))
    try:
        assert _result(a) == _result(b)
    finally:
        a.close()
        b.close()


@SETTINGS
@given(people=st.lists(person_fields, min_size=4, max_size=4), events=st.lists(event, max_size=25),
       who=st.integers(0, 3), channel=st.sampled_from(["in-person", "video", "phone"]))
def test_rich_contact_today_takes_a_person_off(tmp_path_factory, people, events, who, channel) -> None:
    store, ids = _build(tmp_path_factory.mktemp("rich") / "j.db", people, events)
    try:
        store.log_interaction(channel, [ids[who]], TODAY)
        assert ids[who] not in {e.person_id for e in rc.compute(store, TODAY)}
    finally:
        store.close()


def _reference(store: Store, today: dt.date) -> dict[int, str]:
    """An oracle: the summaries built in plain Python from every interaction, then assessed."""
    from relj.store.reconnect import ContactSummary

    circles = rc.circle_cadences(store.get_setting("cadences"))
    out: dict[int, str] = {}
    history = store.timeline_page(limit=100_000)
    for p in store.people():
        if not p.tracked or p.paused or p.circle == "unsorted" or (p.snoozed_until and p.snoozed_until > today):
            continue
        mine = [i for i in history if p.id in {x.id for x in i.participants}]
        done = [i for i in mine if i.status.value == "done" and i.occurred_on <= today]
        if not done:
            continue

        def last(mode: str, rows=done) -> dt.date | None:
            days = [i.occurred_on for i in rows if i.mode.value == mode]
            return max(days) if days else None

        rich = sorted({i.occurred_on for i in done if i.mode.is_rich}, reverse=True)[:9]
        written = [i.occurred_on for i in done if not i.mode.is_rich]
        plans = sorted((i.occurred_on, i.mode is not rc.Mode.TOGETHER, i.mode) for i in mine
                       if i.status.value == "planned" and i.mode.is_rich and i.occurred_on >= today)
        firsts = [d for d in (min(written) if written else None, rich[-1] if rich else None) if d]
        s = ContactSummary(
            person_id=p.id, name=p.display_name, short_name=p.display_name, circle=p.circle,
            written_ok=p.written_ok, cadence_rich_days=p.cadence_rich_days, cadence_any_days=p.cadence_any_days,
            birthday=p.birthday, last_together=last("together"), last_voice=last("voice"),
            last_written=last("written"), first_contact=min(firsts) if firsts else None,
            rich_median=rc.median_gap(rich), planned_on=plans[0][0] if plans else None,
            planned_mode=plans[0][2] if plans else None)
        a = rc.assess(s, today, circles)
        if a is not None:
            out[p.id] = a.kind.value
    return out


@SETTINGS
@given(people=st.lists(person_fields, min_size=4, max_size=4), events=st.lists(event, max_size=25),
       shift=st.integers(-400, 400))
def test_matches_a_plain_python_oracle(tmp_path_factory, people, events, shift) -> None:
    """Fast path (summary table) and "as of" path (index seeks) both agree with the oracle."""
    store, _ = _build(tmp_path_factory.mktemp("oracle") / "j.db", people, events)
    try:
        for day in (TODAY, TODAY + dt.timedelta(days=shift)):
            got = {e.person_id: e.kind.value for e in rc.compute(store, day)}
            assert got == _reference(store, day)
    finally:
        store.close()


@SETTINGS
@given(people=st.lists(person_fields, min_size=4, max_size=4), events=st.lists(event, max_size=25))
def test_invariants(tmp_path_factory, people, events) -> None:
    store, _ = _build(tmp_path_factory.mktemp("inv") / "j.db", people, events)
    try:
        entries = rc.compute(store, TODAY)
        keys = [(e.planned is not None, -e.score, e.name.casefold(), e.person_id) for e in entries]
        assert keys == sorted(keys)
        for e in entries:
            assert e.kind in (rc.Kind.DIGITAL_ONLY, rc.Kind.GONE_QUIET)
            assert e.last_contact is not None and e.last_contact <= TODAY
            assert e.last_rich_contact is None or e.last_rich_contact <= e.last_contact
            assert e.reason
    finally:
        store.close()


full_person_fields = st.fixed_dictionaries({
    "circle": st.sampled_from([None, "family", "close", "friends", "colleagues", "clients", "acquaintances",
                               "climbing club"]),
    "written_ok": st.booleans(),
    "cadence_rich_days": st.one_of(st.none(), st.integers(1, 400)),
    "cadence_any_days": st.one_of(st.none(), st.integers(1, 400)),
})


@settings(SETTINGS, max_examples=150)
@given(people=st.lists(full_person_fields, min_size=6, max_size=6),
       events=st.lists(st.tuples(st.integers(0, 5), st.sampled_from(CHANNELS), st.integers(-30, 900),
                                 st.sampled_from(["done", "done", "done", "planned", "cancelled"])), max_size=40),
       shift=st.integers(-400, 400), limit=st.one_of(st.none(), st.integers(1, 4)),
       cadences=st.one_of(st.none(), st.just({"friends": {"rich": 10, "any": 20}, "default": {"rich": 30}})))
def test_ranking_pass_matches_assessing_everyone(tmp_path_factory, people, events, shift, limit, cadences) -> None:
    """The ranking pass (SQL numbers, one pass) returns exactly what assessing every summary returns."""
    store, _ = _build(tmp_path_factory.mktemp("rank") / "j.db", people, events)
    try:
        if cadences:
            store.set_setting(rc.SETTING_KEY, cadences)
        circles = rc.circle_cadences(store.get_setting(rc.SETTING_KEY))
        for day in (TODAY, TODAY + dt.timedelta(days=shift)):
            fast = rc.rank_fast(store, day, circles, limit=limit)
            assert fast is not None, "the ranking pass disagreed with assess()"
            assert fast == rc.rank_plain(store, day, circles, limit=limit)
    finally:
        store.close()
