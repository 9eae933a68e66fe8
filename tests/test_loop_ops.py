"""The loop's operations without Qt: every state change of a plan, reconciliation, talking points,
felt, preferences and thanks; each one done, undone and redone to exactly the same rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from relj.domain import Channel, Initiator, Status
from relj.errors import NotFound, UserError
from relj.ops import plans as plan_ops
from relj.plans import PlanState, plan_state
from relj.reconnect import day_words
from relj.store import Store
from relj.store import plans as plan_store

D = dt.timedelta


def dump(store: Store) -> dict[str, Any]:
    """Every row the loop touches (updated_at aside: it records when, not what)."""
    def rows(sql: str) -> list[tuple[Any, ...]]:
        return store.conn.execute(sql).fetchall()

    return {
        "interaction": rows("SELECT id, occurred_on, occurred_time, channel, initiator, duration_min, place, note, "
                            "status, source, source_key, created_at, felt, planned_on FROM interaction ORDER BY id"),
        "participant": rows("SELECT * FROM participant ORDER BY 1, 2"),
        "talking_point": rows("SELECT * FROM talking_point ORDER BY id"),
        "followup": rows("SELECT interaction_id, state FROM followup ORDER BY 1"),
        "person": rows("SELECT id, prefers, best_time FROM person ORDER BY id"),
        "summary": rows("SELECT * FROM contact_summary ORDER BY person_id"),
    }


def round_trip(store: Store, do: Any) -> Any:
    """Run an operation, then undo, redo, undo, redo: each undo gives the rows before, each redo the rows after."""
    before = dump(store)
    result = do()
    after = dump(store)
    assert after != before
    step = result
    for expected in (before, after, before, after):
        assert step.undo is not None
        step = step.undo(store)
        assert dump(store) == expected
    return result


@pytest.fixture
def people(store: Store) -> tuple[int, int, int]:
    a = store.add_person("Ana García", emails=["ana@example.org"])
    b = store.add_person("Ben Okafor", emails=["ben@example.org"])
    c = store.add_person("Chloé")
    return a.id, b.id, c.id


# -- plans ----------------------------------------------------------------------------------------
def test_plan_with_two_people_at_a_time(store: Store, people, today) -> None:
    a, b, _ = people
    r = round_trip(store, lambda: plan_ops.plan_meeting(store, [a, b], today + D(5), channel="in-person", time="18:30",
                                                   duration_min=90, note="dinner"))
    plan = plan_store.interaction(store, r.value.id)
    assert plan.status is Status.PLANNED and plan.planned_on == today + D(5)
    assert plan.occurred_time == "18:30" and plan.duration_min == 90
    assert {p.id for p in plan.participants} == {a, b}
    assert plan_state(plan, today) is PlanState.UPCOMING
    assert plan_state(plan, today + D(6)) is PlanState.PASSED
    day = today + D(5)  # "today" is pinned by tests/conftest.py, and CI moves it
    assert r.message == f"Planned in person with Ana García and Ben Okafor on {day_words(day, day)}"


def test_plan_today_is_upcoming_and_yesterday_is_refused(store: Store, people, today) -> None:
    a, _, _ = people
    plan = plan_ops.plan_meeting(store, [a], today, channel="video").value
    assert plan_state(plan, today) is PlanState.UPCOMING
    before = dump(store)
    with pytest.raises(UserError, match="in the past"):
        plan_ops.plan_meeting(store, [a], today - D(1), channel="video")
    with pytest.raises(UserError, match="bad time"):
        plan_ops.plan_meeting(store, [a], today, channel="video", time="25:00")
    with pytest.raises(NotFound):
        plan_ops.plan_meeting(store, [a, 999], today, channel="video")
    assert dump(store) == before


def test_move_cancel_and_their_errors(store: Store, people, today) -> None:
    a, _, _ = people
    plan = plan_ops.plan_meeting(store, [a], today + D(2), channel="phone", time="09:00").value
    moved = round_trip(store, lambda: plan_ops.move_plan(store, plan.id, today + D(9), time="10:15")).value
    assert (moved.occurred_on, moved.occurred_time, moved.planned_on) == (today + D(9), "10:15", today + D(9))
    kept = plan_ops.move_plan(store, plan.id, today + D(10)).value
    assert kept.occurred_time == "10:15"
    all_day = plan_ops.move_plan(store, plan.id, today + D(10), time=None).value
    assert all_day.occurred_time is None
    before = dump(store)
    with pytest.raises(UserError, match="in the past"):
        plan_ops.move_plan(store, plan.id, today - D(1))
    with pytest.raises(NotFound, match="no plan #4242"):
        plan_ops.move_plan(store, 4242, today + D(1))
    assert dump(store) == before
    cancelled = round_trip(store, lambda: plan_ops.cancel_plan(store, plan.id)).value
    assert cancelled.status is Status.CANCELLED and plan_state(cancelled, today) is PlanState.CANCELLED
    with pytest.raises(UserError, match="cancelled, not open"):
        plan_ops.move_plan(store, plan.id, today + D(3))
    with pytest.raises(UserError, match="not open"):
        plan_ops.cancel_plan(store, plan.id)


def test_a_logged_interaction_is_not_a_plan(store: Store, people, today) -> None:
    a, _, _ = people
    i = store.log_interaction("email", [a], today)
    with pytest.raises(NotFound, match=f"no plan #{i.id}"):
        plan_ops.cancel_plan(store, i.id)


def test_passed_plan_met_with_felt_and_note(store: Store, people, today, monkeypatch) -> None:
    a, b, _ = people
    plan = plan_ops.plan_meeting(store, [a, b], today, channel="video", time="19:00", note="catch up").value
    later = today + D(2)
    monkeypatch.setenv("RELJ_TODAY", later.isoformat())  # the day has passed
    assert plan_state(plan_store.interaction(store, plan.id), later) is PlanState.PASSED
    assert plan_store.passed_plan_ids(store, later) == [plan.id]
    done = round_trip(store, lambda: plan_ops.complete_plan(store, plan.id, note="Lisbon stories", felt=4)).value
    assert done.id == plan.id and done.status is Status.DONE
    assert done.occurred_on == today and done.occurred_time == "19:00"  # the plan's day, not today
    assert done.note == "catch up\nLisbon stories" and done.felt == 4 and done.planned_on == today
    assert plan_state(done, later) is PlanState.DONE
    assert plan_store.open_plan_ids(store) == [] and plan_store.plan_ids(store) == [plan.id]
    with pytest.raises(UserError, match="done, not open"):
        plan_ops.complete_plan(store, plan.id)


def test_done_early_is_dated_today(store: Store, people, today) -> None:
    a, _, _ = people
    plan = plan_ops.plan_meeting(store, [a], today + D(10), channel="in-person").value
    assert plan_ops.complete_plan(store, plan.id).value.occurred_on == today
    plan2 = plan_ops.plan_meeting(store, [a], today + D(10), channel="in-person").value
    with pytest.raises(UserError, match="in the future"):
        plan_ops.complete_plan(store, plan2.id, day=today + D(1))


def test_felt_outside_1_to_5_writes_nothing(store: Store, people, today) -> None:
    a, _, _ = people
    plan = plan_ops.plan_meeting(store, [a], today, channel="in-person").value
    before = dump(store)
    for bad in (0, 6, -1, True):
        with pytest.raises(UserError, match="felt must be 1 to 5"):
            plan_ops.complete_plan(store, plan.id, felt=bad)
        with pytest.raises(UserError, match="felt must be 1 to 5"):
            plan_ops.log_meeting(store, "in-person", [a], today, felt=bad)
    assert dump(store) == before


# -- reconciliation -------------------------------------------------------------------------------
@pytest.mark.parametrize("offset", [-1, 1, -3, 3])
def test_logging_near_a_plan_becomes_the_plan(store: Store, people, today, offset: int) -> None:
    """Logged the day before or the day after (or three days off): one interaction, the plan's id."""
    a, _, _ = people
    plan_day = today - D(3) if offset > 0 else today
    plan = plan_ops.plan_meeting(store, [a], max(plan_day, today), channel="in-person", time="12:00",
                            note="lunch").value
    if offset > 0:  # a plan whose day has passed: put it in the past as the calendar would
        store.conn.execute("UPDATE interaction SET occurred_on = ?, planned_on = ? WHERE id = ?",
                           [plan_day.isoformat(), plan_day.isoformat(), plan.id])
    count = store.interaction_count()
    logged = round_trip(store, lambda: plan_ops.log_meeting(store, "video", [a], plan_day + D(offset),
                                                        note="went well", felt=5)).value
    assert store.interaction_count() == count
    assert logged.id == plan.id and logged.status is Status.DONE
    assert logged.occurred_on == plan_day + D(offset) and logged.channel is Channel.VIDEO
    assert logged.occurred_time == "12:00"  # no time logged: the plan's stays
    assert logged.note == "lunch\nwent well" and logged.felt == 5 and logged.planned_on == plan_day


def test_four_days_away_is_another_meeting(store: Store, people, today) -> None:
    a, _, _ = people
    plan = plan_ops.plan_meeting(store, [a], today, channel="in-person").value
    store.conn.execute("UPDATE interaction SET occurred_on = ? WHERE id = ?", [(today - D(4)).isoformat(), plan.id])
    logged = plan_ops.log_meeting(store, "in-person", [a], today).value
    assert logged.id != plan.id
    assert plan_store.interaction(store, plan.id).status is Status.PLANNED


def test_written_contact_never_reconciles(store: Store, people, today) -> None:
    a, _, _ = people
    plan = plan_ops.plan_meeting(store, [a], today, channel="in-person").value
    logged = plan_ops.log_meeting(store, "email", [a], today).value
    assert logged.id != plan.id and plan_store.interaction(store, plan.id).status is Status.PLANNED


def test_reconciling_with_two_people_takes_the_logged_people_and_time(store: Store, people, today) -> None:
    a, b, c = people
    plan = plan_ops.plan_meeting(store, [a, b], today, channel="in-person", time="18:00").value
    logged = plan_ops.log_meeting(store, "in-person", [b, c], today, time="19:30", initiator="me").value
    assert logged.id == plan.id
    assert {p.id for p in logged.participants} == {b, c}
    assert store.check() == []
    assert logged.occurred_time == "19:30" and logged.initiator is Initiator.ME
    # The summary follows: Ana's plan is gone, Ben and Chloé met in person today.
    last = dict(store.conn.execute("SELECT person_id, last_together FROM contact_summary").fetchall())
    assert last[b] == last[c] == today.isoformat() and last.get(a) is None


def test_the_nearest_plan_wins(store: Store, people, today) -> None:
    a, _, _ = people
    far = plan_ops.plan_meeting(store, [a], today + D(3), channel="in-person").value
    near = plan_ops.plan_meeting(store, [a], today + D(1), channel="in-person").value
    assert plan_ops.log_meeting(store, "in-person", [a], today).value.id == near.id
    assert plan_store.open_plan_ids(store) == [far.id]


# -- talking points -------------------------------------------------------------------------------
def test_talking_points_add_cover_reopen_delete(store: Store, people, today) -> None:
    a, b, _ = people
    added = round_trip(store, lambda: plan_ops.add_points(store, a, ["ask how the Lisbon move went", "  the  book "])).value
    assert [t.text for t in added] == ["ask how the Lisbon move went", "the book"]
    assert [t.to_json() for t in plan_store.points_for(store, a)] == [
        {"id": added[0].id, "text": "ask how the Lisbon move went", "created": today.isoformat()},
        {"id": added[1].id, "text": "the book", "created": today.isoformat()},
    ]
    round_trip(store, lambda: plan_ops.cover_points(store, a, [added[0].id]))
    assert [t.id for t in plan_store.points_for(store, a)] == [added[1].id]
    round_trip(store, lambda: plan_ops.reopen_point(store, added[0].id))
    round_trip(store, lambda: plan_ops.delete_point(store, added[1].id))
    with pytest.raises(NotFound, match="no talking point #999"):
        plan_ops.cover_points(store, a, [999])
    with pytest.raises(UserError, match="belongs to someone who was not there"):
        plan_ops.cover_points(store, b, [added[0].id])
    with pytest.raises(UserError, match="needs some text"):
        plan_ops.add_points(store, a, ["   "])


def test_logging_covers_points_and_next_lines_become_points(store: Store, people, today) -> None:
    a, b, _ = people
    point = plan_ops.add_points(store, a, ["ask about Lisbon"]).value[0]
    r = round_trip(store, lambda: plan_ops.log_meeting(store, "in-person", [a, b], today, covered=[point.id],
                                                   note="coffee\nnext: bring the climbing guide"))
    i = r.value
    assert i.note == "coffee"
    covered = plan_store.points_by_ids(store, [point.id])[0]
    assert covered.covered_by == i.id and covered.covered_on == today
    assert [(t.person_id, t.text) for t in plan_store.open_points_for_people(store, [a, b])] == [
        (a, "bring the climbing guide"), (b, "bring the climbing guide")]
    with pytest.raises(NotFound, match="no talking point #77"):
        plan_ops.log_meeting(store, "in-person", [a], today, covered=[77])


def test_deleting_the_covering_interaction_keeps_the_point_covered(store: Store, people, today) -> None:
    a, _, _ = people
    point = plan_ops.add_points(store, a, ["x"]).value[0]
    i = plan_ops.log_meeting(store, "phone", [a], today, covered=[point.id]).value
    store.delete_interaction(i.id)
    again = plan_store.points_by_ids(store, [point.id])[0]
    assert again.covered_by is None and again.covered_on == today


# -- felt, preferences ----------------------------------------------------------------------------
def test_set_felt_and_preferences(store: Store, people, today) -> None:
    a, _, _ = people
    i = plan_ops.log_meeting(store, "in-person", [a], today).value
    assert round_trip(store, lambda: plan_ops.set_felt(store, i.id, 2)).value.felt == 2
    p = round_trip(store, lambda: plan_ops.set_preferences(store, a, prefers="phone", best_time=" evenings ")).value
    assert (p.prefers, p.best_time) == (Channel.PHONE, "evenings")
    p = plan_ops.set_preferences(store, a, best_time=None).value
    assert (p.prefers, p.best_time) == (Channel.PHONE, None)
    p = plan_ops.set_preferences(store, a, prefers=None).value
    assert p.prefers is None


# -- thanks ---------------------------------------------------------------------------------------
def test_thanks_after_a_meeting_logs_one_written_interaction(store: Store, people, today) -> None:
    from relj.reconnect import FOLLOWUP_WINDOW
    from relj.store import reconnect as reconnect_store

    a, b, _ = people
    meeting = plan_ops.log_meeting(store, "in-person", [a, b], today - D(1), note="coffee").value
    assert reconnect_store.pending_followup_ids(store, today, FOLLOWUP_WINDOW) == [meeting.id]
    sent = round_trip(store, lambda: plan_ops.thank(store, meeting.id)).value
    assert sent.channel is Channel.EMAIL and sent.initiator is Initiator.ME and sent.occurred_on == today
    assert {p.id for p in sent.participants} == {a, b} and sent.note == "Thank-you note for “coffee”"
    assert reconnect_store.pending_followup_ids(store, today, FOLLOWUP_WINDOW) == []
    with pytest.raises(UserError, match="a thank-you is written"):
        plan_ops.thank(store, meeting.id, "phone")


def test_a_planned_call_that_took_place_asks_for_thanks(store: Store, people, today) -> None:
    from relj.reconnect import FOLLOWUP_WINDOW
    from relj.store import reconnect as reconnect_store

    a, _, _ = people
    unplanned = plan_ops.log_meeting(store, "video", [a], today - D(2)).value
    plan = plan_ops.plan_meeting(store, [a], today, channel="video").value
    assert reconnect_store.pending_followup_ids(store, today, FOLLOWUP_WINDOW) == []  # neither a plan done nor in person
    plan_ops.log_meeting(store, "video", [a], today)
    assert reconnect_store.pending_followup_ids(store, today, FOLLOWUP_WINDOW) == [plan.id]
    with pytest.raises(NotFound, match=f"no follow-up #{unplanned.id}"):
        plan_ops.thank(store, unplanned.id)
    sent = plan_ops.thank(store, plan.id, "text").value
    assert sent.channel is Channel.TEXT
    # Old meetings fall out of the window.
    assert reconnect_store.pending_followup_ids(store, today + D(FOLLOWUP_WINDOW + 1), FOLLOWUP_WINDOW) == []
