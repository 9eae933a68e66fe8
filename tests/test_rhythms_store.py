"""Rhythms and moments in a journal: Reconnect's signals, the agenda, undo, JSON and the trash."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from relj import agenda, reconnect
from relj.domain import Status
from relj.errors import NotFound, UserError
from relj.ops import OpResult
from relj.ops import people as people_ops
from relj.ops import rhythms as rhythm_ops
from relj.store import Store
from relj.store import moments as moment_store
from relj.store import rhythms as rhythm_store

D = dt.date
TODAY = D(2025, 11, 20)
FIRST_SUNDAYS = [D(2025, m, d) for m, d in ((1, 5), (2, 2), (3, 2), (4, 6), (5, 4), (6, 1), (7, 6), (8, 3), (9, 7))]


def undo(store: Store, result: OpResult[Any]) -> OpResult[Any]:
    assert result.undo is not None
    return result.undo(store)


@pytest.fixture
def family(store: Store) -> dict[str, int]:
    """Mum, Dad and Lucía share a first-Sunday dinner, kept from January to September."""
    ids = {n: store.add_person(n, circle="family").id for n in ("Mum", "Dad", "Lucía")}
    rhythm_ops.add_rhythm(store, "first-Sunday dinner", list(ids.values()), "First Sunday", "in-person",
                   time="18:00", start=D(2025, 1, 1))
    for d in FIRST_SUNDAYS:
        store.log_interaction("in-person", [ids["Mum"], ids["Dad"]], d + dt.timedelta(days=1))
    return ids


def by_name(store: Store, day: dt.date) -> dict[str, reconnect.Entry]:
    return {e.name: e for e in reconnect.compute(store, day)}


def test_two_misses_flag_every_member_with_a_true_reason_and_the_kind_by_written_contact(
        store: Store, family: dict[str, int]) -> None:
    store.log_interaction("text", [family["Mum"]], D(2025, 10, 20))
    for pid in family.values():  # no cadence and no rhythm of their own would flag them
        store.update_person(pid, cadence_rich_days=365, cadence_any_days=365)
    got = by_name(store, TODAY)
    reason = "The first-Sunday dinner with Mum, Dad and Lucía was missed in October and November."
    assert set(got) == {"Mum", "Dad"}  # Lucía has no contact on record: nothing to drift from
    assert got["Mum"].signals == ("rhythm-missed",) and got["Mum"].kind == "digital-only"
    assert got["Dad"].signals == ("rhythm-missed",) and got["Dad"].kind == "gone-quiet"
    assert got["Mum"].reason.startswith(reason) and got["Dad"].reason.startswith(reason)


def test_one_miss_flags_no_one_and_the_next_occurrence_counts_as_planned(store: Store, family: dict[str, int]) -> None:
    day = D(2025, 10, 20)
    assert by_name(store, day) == {}
    # Mum is overdue by her own cadence: the kept rhythm's next dinner is her plan.
    store.update_person(family["Mum"], cadence_rich_days=20)
    entry = by_name(store, day)["Mum"]
    assert entry.planned == D(2025, 11, 2) and not entry.overdue and "planned" in entry.signals
    assert "rhythm-missed" not in entry.signals
    # The occurrence is no plan in the journal: nothing to reconcile, no passed plan.
    assert store.conn.execute("SELECT count(*) FROM interaction WHERE status = 'planned'").fetchone()[0] == 0


def test_one_member_coming_keeps_the_occurrence(store: Store, family: dict[str, int]) -> None:
    store.log_interaction("phone", [family["Lucía"]], D(2025, 10, 7))  # a call two days after: voice counts
    store.log_interaction("video", [family["Lucía"]], D(2025, 11, 2))
    got = by_name(store, TODAY)  # Mum and Dad's own monthly rhythm is broken, but the dinner is planned
    assert {e.name: (e.planned, e.overdue, "rhythm-missed" in e.signals) for e in got.values()} == {
        "Mum": (D(2025, 12, 7), False, False), "Dad": (D(2025, 12, 7), False, False)}
    (r, st), = reconnect_states(store, TODAY)
    assert (st.last_kept, st.missed_in_a_row) == (D(2025, 11, 2), 0)
    # Written contact never keeps an occurrence.
    store.log_interaction("email", [family["Lucía"]], D(2025, 12, 7))
    assert reconnect_states(store, D(2025, 12, 20))[0][1].missed_in_a_row == 1


def reconnect_states(store: Store, day: dt.date) -> list[Any]:
    from relj.reconnect_rhythms import rhythm_states

    return rhythm_states(store, day)


def test_the_fast_and_plain_rankings_agree_with_rhythms_and_moments(store: Store, family: dict[str, int]) -> None:
    ana = store.add_person("Ana", circle="friends")
    store.log_interaction("in-person", [ana.id], D(2024, 11, 1))
    rhythm_ops.add_moment(store, ana.id, "move to Berlin", D(2025, 10, 1), kind="move")
    circles = reconnect.circle_cadences(None)
    for day in (D(2025, 10, 20), TODAY, D(2026, 1, 20)):
        fast = reconnect.rank_fast(store, day, circles)
        assert fast is not None
        plain = reconnect.rank_plain(store, day, circles)
        assert [reconnect.urgency_key(a) for a in fast[0]] == [reconnect.urgency_key(a) for a in plain[0]]


def test_a_recent_moment_raises_the_person_and_gives_an_opener(store: Store) -> None:
    ana = store.add_person("Ana García", given_name="Ana", circle="friends")
    ben = store.add_person("Ben", circle="friends")
    for p in (ana, ben):
        store.log_interaction("in-person", [p.id], D(2025, 1, 10))
    store.update_person(ana.id, cadence_rich_days=290, cadence_any_days=290)
    store.update_person(ben.id, cadence_rich_days=250, cadence_any_days=250)  # Ben drifted further than Ana
    assert [e.name for e in reconnect.compute(store, TODAY)] == ["Ben", "Ana García"]
    rhythm_ops.add_moment(store, ana.id, "move to Berlin", D(2025, 9, 1), kind="move")
    got = reconnect.compute(store, TODAY)
    assert [e.name for e in got] == ["Ana García", "Ben"]
    assert "recent-moment" in got[0].signals
    assert got[0].openers[0].to_json() == {"kind": "moment", "text": "Ask Ana how the move to Berlin went",
                                           "date": "2025-09-01"}
    # 91 days later the moment is no longer recent.
    later = D(2025, 9, 1) + dt.timedelta(days=91)
    assert all("recent-moment" not in e.signals for e in reconnect.compute(store, later))
    # A moment never flags someone who is in touch.
    store.log_interaction("in-person", [ana.id], TODAY)
    assert [e.name for e in reconnect.compute(store, TODAY)] == ["Ben"]


def test_a_moment_opener_calls_them_as_the_reason_does(store: Store) -> None:
    """No given name (added from the command line as "Lena Berg"): the reason says "Lena", so the
    opener does too; a moment written as what happened keeps its words."""
    lena = store.add_person("Lena Berg", circle="friends")
    store.log_interaction("phone", [lena.id], D(2025, 1, 10))
    rhythm_ops.add_moment(store, lena.id, "moved to Berlin", D(2025, 9, 1), kind="move")
    (entry,) = reconnect.compute(store, TODAY)
    assert "with Lena since" in entry.reason
    assert entry.openers[0].text == "Ask Lena how it went: moved to Berlin"


def test_rhythm_and_moment_operations_undo_and_redo_with_the_same_ids(store: Store, family: dict[str, int]) -> None:
    before = rhythm_store.export_rhythms(store)
    removed = rhythm_ops.remove_rhythm(store, rhythm_store.rhythm_by_name(store, "FIRST-sunday DINNER").id)
    assert rhythm_store.rhythms(store) == []
    back = undo(store, removed)
    assert rhythm_store.export_rhythms(store) == before
    undo(store, back)
    assert rhythm_store.rhythms(store) == []
    added = rhythm_ops.add_rhythm(store, "Call", [family["Mum"]], "2 weeks", "phone")
    undone = undo(store, added)
    assert rhythm_store.rhythms(store) == []
    undo(store, undone)
    assert [r.id for r in rhythm_store.rhythms(store)] == [added.value.id]
    m = rhythm_ops.add_moment(store, family["Dad"], "  new   job ", D(2025, 3, 1), kind="JOB")
    assert (m.value.text, m.value.kind) == ("new job", "job")
    undo(store, undo(store, m))
    assert moment_store.moments_for(store, family["Dad"]) == [m.value]
    gone = rhythm_ops.remove_moment(store, m.value.id)
    assert moment_store.moments_for(store, family["Dad"]) == []
    undo(store, gone)
    assert moment_store.moments_for(store, family["Dad"]) == [m.value]


def test_bad_input_writes_nothing(store: Store, family: dict[str, int]) -> None:
    with pytest.raises(UserError, match="cannot read the rule"):
        rhythm_ops.add_rhythm(store, "Lunch", [family["Mum"]], "fifth monday", "in-person")
    with pytest.raises(UserError, match="already a rhythm"):
        rhythm_ops.add_rhythm(store, "First-Sunday Dinner", [family["Mum"]], "month", "in-person")
    with pytest.raises(UserError, match="at least one person"):
        rhythm_ops.add_rhythm(store, "Lunch", [], "month", "in-person")
    with pytest.raises(NotFound):
        rhythm_ops.add_rhythm(store, "Lunch", [family["Mum"], 999], "month", "in-person")
    with pytest.raises(UserError, match="bad moment kind"):
        rhythm_ops.add_moment(store, family["Mum"], "x", TODAY, kind="party")
    with pytest.raises(UserError, match="out of range"):
        rhythm_ops.add_moment(store, family["Mum"], "x", D(1800, 1, 1))
    assert [r.name for r in rhythm_store.rhythms(store)] == ["first-Sunday dinner"]
    assert store.conn.execute("SELECT count(*) FROM moment").fetchone()[0] == 0


def test_json_export_and_import_carry_rhythms_and_moments(store: Store, family: dict[str, int], tmp_path) -> None:
    rhythm_ops.add_moment(store, family["Mum"], "Wedding", D(1980, 2, 29), kind="wedding", yearly=True)
    data = store.export_data()
    assert data["rhythms"][0]["rule"] == "first sunday" and data["rhythms"][0]["people"] == sorted(family.values())
    assert data["moments"][0]["yearly"] is True
    other = Store.open(tmp_path / "copy.db")
    other.import_data(data)
    copy = other.export_data()
    for key in ("rhythms", "moments"):
        assert copy[key] == data[key]
    other.close()


def test_deleting_a_person_and_undoing_it_keeps_their_moments_and_rhythms(store: Store, family: dict[str, int]) -> None:
    rhythm_ops.add_moment(store, family["Dad"], "knee surgery", D(2025, 9, 1), kind="health")
    before = (rhythm_store.export_rhythms(store), moment_store.export_moments(store))
    deleted = people_ops.delete_person(store, family["Dad"])
    assert [m[1] for m in rhythm_store.rhythms(store)[0].members] == ["Mum", "Lucía"]
    assert moment_store.export_moments(store) == []
    undo(store, deleted)
    assert (rhythm_store.export_rhythms(store), moment_store.export_moments(store)) == before


def test_the_agenda_lists_rhythm_occurrences_and_yearly_moments_across_a_year_boundary(
        store: Store, family: dict[str, int]) -> None:
    rhythm_ops.add_moment(store, family["Mum"], "wedding", D(1980, 12, 31), kind="wedding", yearly=True)
    rhythm_ops.add_moment(store, family["Dad"], "final exam", D(2026, 1, 2), kind="exam")
    rhythm_ops.add_moment(store, family["Lucía"], "leap-day wedding", D(2024, 2, 29), kind="wedding", yearly=True)
    got = [(e.date, e.kind, e.what) for e in agenda.upcoming(store, D(2025, 12, 28), 14)
           if e.kind in ("rhythm", "moment")]
    assert got == [
        (D(2025, 12, 31), "moment", "Mum: wedding (45 years)"),
        (D(2026, 1, 2), "moment", "Dad: final exam"),
        (D(2026, 1, 4), "rhythm", "first-Sunday dinner with Mum, Dad and Lucía at 18:00"),
    ]
    leap = [(e.date, e.what) for e in agenda.upcoming(store, D(2027, 2, 20), 14) if e.kind == "moment"]
    assert leap == [(D(2027, 2, 28), "Lucía: leap-day wedding (3 years)")]
    assert [e.date for e in agenda.upcoming(store, D(2028, 2, 20), 14) if e.kind == "moment"] == [D(2028, 2, 29)]
    plan = store.log_interaction("phone", [family["Mum"]], D(2026, 1, 3), status=Status.PLANNED)
    entries = agenda.upcoming(store, D(2025, 12, 28), 14)
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    assert any(e.kind == "plan" and e.ref == plan.id for e in entries)
