"""Rhythm states from the contact summary's latest rich days, with the journal asked only where a
member's sample does not reach back far enough (relj.reconnect_rhythms._kept): always the states
that every rich day gives (relj.rhythms.state), and the fast ranking always the plain one's."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from relj import reconnect as rc
from relj.ops import rhythms as rhythm_ops
from relj.reconnect_rhythms import RECONNECT_LOOKBACK, rhythm_states
from relj.rhythms import state
from relj.store import Store
from relj.store import rhythms as rhythm_store
from tests.generated import DAY

D = dt.date


def every_rich_day(store: Store, member_ids: list[int], day: dt.date) -> list[dt.date]:
    """The reference: every day of done rich contact with any of these people, up to ``day``."""
    marks = ",".join("?" * len(member_ids))
    rows = store.conn.execute(
        f"SELECT DISTINCT occurred_on FROM participant WHERE person_id IN ({marks}) AND status = 'done' "
        "AND mode IN ('together', 'voice') AND occurred_on <= ? ORDER BY 1", [*member_ids, day.isoformat()])
    return [D.fromisoformat(r[0]) for r in rows]


def reference(store: Store, day: dt.date, lookback: int | None) -> list[object]:
    return [(r.id, state(r, every_rich_day(store, [m[0] for m in r.members], day), day, lookback=lookback))
            for r in rhythm_store.rhythms(store)]


def test_a_busy_member_sends_the_old_occurrences_to_the_journal(store: Store) -> None:
    """Mum has more than a sample of rich days since the yearly dinner: the sample cannot say whether
    last year's dinner was kept, the journal can; and a meeting after the day asked about counts not."""
    mum = store.add_person("Mum").id
    rhythm_ops.add_rhythm(store, "Christmas dinner", [mum], "year", "in-person", start=D(2022, 12, 25))
    store.log_interaction("in-person", [mum], D(2023, 12, 26))  # kept, a day late
    for k in range(12):  # then a call every week: the sample holds only these
        store.log_interaction("phone", [mum], D(2024, 9, 1) + dt.timedelta(days=7 * k))
    store.log_interaction("in-person", [mum], D(2024, 12, 27))  # after the day asked about below
    for day in (D(2024, 12, 24), D(2024, 12, 31), D(2025, 6, 1)):
        for lookback in (None, RECONNECT_LOOKBACK):
            assert [(r.id, s) for r, s in rhythm_states(store, day, lookback)] == reference(store, day, lookback)


def test_sampled_states_equal_the_reference_on_a_generated_journal(generated_journal) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(generated_journal, create=False)  # read only: the shared journal itself
    assert len(rhythm_store.rhythms(store)) > 5
    rng = random.Random(4)
    days = [DAY] + [D(2024, 1, 1) + dt.timedelta(days=rng.randrange(1100)) for _ in range(6)]
    circles = rc.circle_cadences(None)
    for day in days:
        for lookback in (None, RECONNECT_LOOKBACK):
            assert [(r.id, s) for r, s in rhythm_states(store, day, lookback)] == reference(store, day, lookback)
        fast = rc.rank_fast(store, day, circles)
        assert fast is not None and fast[0] == rc.rank_plain(store, day, circles)[0]
        head = rc.rank_fast(store, day, circles, limit=20)
        assert head is not None and head[0] == fast[0][:20] and head[1] == len(fast[0])
    store.close()


@pytest.fixture
def store(tmp_path):  # type: ignore[no-untyped-def]
    s = Store.open(tmp_path / "journal.db")
    yield s
    s.close()
