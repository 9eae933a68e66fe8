"""What rhythms and moments add to Reconnect and the agenda, as of a day. No SQL (relj.store.rhythms,
relj.store.moments), no Qt.

Reconnect reads everything here with at most three queries whatever the journal's size: the
rhythms with their members and each member's latest rich days (from the contact summary), the
occurrences those samples cannot answer for (index seeks), and the moments of the last
RECENT_MOMENT_DAYS days. Only the last ``RECONNECT_LOOKBACK`` periods of a rhythm are looked at:
two misses in a row is all Reconnect asks about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from relj.domain import Mode
from relj.rhythms import (
    KEPT_DAYS,
    RECENT_MOMENT_DAYS,
    Moment,
    Rhythm,
    RhythmState,
    judged,
    missed_reason,
    settled_occurrences,
)

if TYPE_CHECKING:
    from relj.store import Store
    from relj.store.reconnect import ContactSummary

#: Reconnect looks this many periods back (and a few days more): enough to see two misses in a row.
RECONNECT_LOOKBACK = 1
_KEPT = dt.timedelta(days=KEPT_DAYS)
#: A recent moment multiplies the score of someone who needs attention by this much.
MOMENT_SCORE_FACTOR = 1.5


@dataclass(frozen=True)
class Life:
    """Rhythms and moments as Reconnect sees them on ``day``."""

    day: dt.date
    #: People in a rhythm missed MISSED_FLAG times or more in a row: (reason, ratio for the score).
    missed: dict[int, tuple[str, float]] = field(default_factory=dict)
    #: People in a kept rhythm: its next occurrence counts as planned (the earliest, and its mode).
    planned: dict[int, tuple[dt.date, Mode]] = field(default_factory=dict)
    #: Moments of the last RECENT_MOMENT_DAYS days, by person, newest first.
    moments: dict[int, tuple[Moment, ...]] = field(default_factory=dict)

    def summary(self, s: ContactSummary) -> ContactSummary:
        """``s`` with a kept rhythm's next occurrence as its planned meeting, when it comes first."""
        found = self.planned.get(s.person_id)
        if found is None or (s.planned_on is not None and s.planned_on <= found[0]):
            return s
        return replace(s, planned_on=found[0], planned_mode=found[1])

    def only(self, person_ids: Iterable[int]) -> Life:
        """The same, for these people only: all that building their entries reads."""
        ids = set(person_ids)
        return Life(self.day, {p: v for p, v in self.missed.items() if p in ids},
                    {p: v for p, v in self.planned.items() if p in ids},
                    {p: v for p, v in self.moments.items() if p in ids})

    def score(self, person_id: int, score: float) -> float:
        """A score raised for a recent moment (rounded as urgency_score rounds)."""
        return round(score * MOMENT_SCORE_FACTOR, 3) if person_id in self.moments else score


def rhythm_states(store: Store, day: dt.date, lookback: int | None = None) -> list[tuple[Rhythm, RhythmState]]:
    """Every rhythm (by name) with its state on ``day``; ``lookback`` bounds the history read."""
    from relj.store import rhythms as rq

    found, sample = rq.rhythms_and_rich_days(store)
    kept = _kept(store, found, sample, {r.id: settled_occurrences(r, day, lookback) for r in found}, day)
    return [(r, judged(r, lambda d, rid=r.id: (rid, d) in kept, day, lookback=lookback))  # type: ignore[misc]
            for r in found]


def _kept(store: Store, found: Sequence[Rhythm], sample: dict[int, tuple[str, ...]],
          occurrences: dict[int, list[dt.date]], day: dt.date) -> set[tuple[int, dt.date]]:
    """The (rhythm, occurrence) pairs with rich contact with a member within KEPT_DAYS of the
    occurrence (no later than ``day``).

    Answered from each member's latest rich days in the contact summary (``sample``) where they reach back far
    enough (a member's sample is complete for a window when it holds fewer days than its size, or
    its oldest day is before the window); the rest, in one query of the journal (index seeks).
    """
    from relj.store import rhythms as rq
    from relj.store.reconnect import RHYTHM_SAMPLE

    kept: set[tuple[int, dt.date]] = set()
    ask: dict[int, list[dt.date]] = {}
    today = day.isoformat()
    for r in found:
        members = [sample.get(pid, ()) for pid, _, _ in r.members]
        for d in occurrences.get(r.id, ()):
            lo, hi = (d - _KEPT).isoformat(), (d + _KEPT).isoformat()
            hi = min(hi, today)
            sure = True
            for days in members:  # newest first
                hit = False
                for x in days:
                    if x <= hi:
                        hit = x >= lo
                        break
                if hit:
                    kept.add((r.id, d))
                    break
                if len(days) >= RHYTHM_SAMPLE and days[-1] >= lo:
                    sure = False  # older rich days, not in the sample, may fall in the window
            else:
                if not sure:
                    ask.setdefault(r.id, []).append(d)
    return kept | rq.kept_occurrences(store, ask, day) if ask else kept


def life(store: Store, day: dt.date) -> Life:
    """What rhythms and moments say about everyone on ``day`` (at most three queries)."""
    from relj.store import moments as mq

    missed: dict[int, tuple[str, float]] = {}
    planned: dict[int, tuple[dt.date, Mode]] = {}
    for r, st in rhythm_states(store, day, RECONNECT_LOOKBACK):
        if st.kept:
            for pid, _, _ in r.members:
                have = planned.get(pid)
                if have is None or st.next < have[0]:
                    planned[pid] = (st.next, r.channel.mode)
            continue
        text = missed_reason(r, st, day)
        for pid, _, _ in r.members:
            before = missed.get(pid)
            ratio = float(st.missed_in_a_row)
            missed[pid] = (text, ratio) if before is None else (f"{before[0]} {text}", max(before[1], ratio))
    moments: dict[int, list[Moment]] = {}
    for m in mq.recent_moments(store, day - dt.timedelta(days=RECENT_MOMENT_DAYS), day):
        moments.setdefault(m.person_id, []).insert(0, m)
    return Life(day, missed, planned, {pid: tuple(ms) for pid, ms in moments.items()})
