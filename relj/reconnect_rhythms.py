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
    Rhythm,
    RhythmState,
    judged,
    missed_reason,
    settled_occurrences,
    window,
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
    #: People in a rhythm missed MISSED_FLAG times or more in a row: the most misses in a row
    #: among their rhythms (the ratio the score reads); missed_reason() says which.
    missed: dict[int, float] = field(default_factory=dict)
    #: People in a kept rhythm: its next occurrence counts as planned (the earliest, and its mode).
    planned: dict[int, tuple[dt.date, Mode]] = field(default_factory=dict)
    #: The ids of the moments of the last RECENT_MOMENT_DAYS days, by person, newest first
    #: (relj.store.moments.moments_by_ids reads those of the people shown).
    moments: dict[int, tuple[int, ...]] = field(default_factory=dict)
    #: The missed rhythms of each person in ``missed``, with their states (the reasons are written
    #: for the people shown only).
    missed_rhythms: dict[int, tuple[tuple[Rhythm, RhythmState], ...]] = field(default_factory=dict)

    def missed_reason(self, person_id: int) -> str | None:
        """'The first-Sunday dinner with Mum and Dad was missed in October and November.' (one
        sentence per missed rhythm), or None."""
        found = self.missed_rhythms.get(person_id)
        return " ".join(missed_reason(r, st, self.day) for r, st in found) if found else None

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
                    {p: v for p, v in self.moments.items() if p in ids},
                    {p: v for p, v in self.missed_rhythms.items() if p in ids})

    def score(self, person_id: int, score: float) -> float:
        """A score raised for a recent moment (rounded as urgency_score rounds)."""
        return round(score * MOMENT_SCORE_FACTOR, 3) if person_id in self.moments else score


def rhythm_states(store: Store, day: dt.date, lookback: int | None = None) -> list[tuple[Rhythm, RhythmState]]:
    """Every rhythm (by name) with its state on ``day``; ``lookback`` bounds the history read."""
    from relj.store import rhythms as rhythm_store

    found, sample = rhythm_store.rhythms_and_rich_days(store)
    walks = {r.id: window(r, day, lookback) for r in found}
    kept = _kept(store, found, sample,
                 {r.id: settled_occurrences(r, day, walk=walks[r.id]) for r in found}, day)
    return [(r, judged(r, lambda d, rid=r.id: (rid, d) in kept, day, walk=walks[r.id]))  # type: ignore[misc]
            for r in found]


def _kept(store: Store, found: Sequence[Rhythm], sample: dict[int, tuple[str, ...]],
          occurrences: dict[int, list[dt.date]], day: dt.date) -> set[tuple[int, dt.date]]:
    """The (rhythm, occurrence) pairs with rich contact with a member within KEPT_DAYS of the
    occurrence (no later than ``day``).

    Answered from each member's latest rich days in the contact summary (``sample``) where they reach back far
    enough (a member's sample is complete for a window when it holds fewer days than its size, or
    its oldest day is before the window); the rest, in one query of the journal (index seeks).
    """
    from relj.store import rhythms as rhythm_store
    from relj.store.reconnect import RHYTHM_SAMPLE

    kept: set[tuple[int, dt.date]] = set()
    ask: dict[int, list[dt.date]] = {}
    today = day.isoformat()
    windows: dict[dt.date, tuple[str, str]] = {}  # rhythms share their days: each window once
    for r in found:
        members = [sample.get(pid, ()) for pid, _, _ in r.members]
        for d in occurrences.get(r.id, ()):
            bounds = windows.get(d)
            if bounds is None:
                bounds = windows[d] = ((d - _KEPT).isoformat(), min((d + _KEPT).isoformat(), today))
            lo, hi = bounds
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
    return kept | rhythm_store.kept_occurrences(store, ask, day) if ask else kept


def life(store: Store, day: dt.date) -> Life:
    """What rhythms and moments say about everyone on ``day`` (at most three queries)."""
    from relj.store import moments as moment_store

    missed: dict[int, float] = {}
    why: dict[int, list[tuple[Rhythm, RhythmState]]] = {}
    planned: dict[int, tuple[dt.date, Mode]] = {}
    for r, st in rhythm_states(store, day, RECONNECT_LOOKBACK):
        if st.kept:
            for pid, _, _ in r.members:
                have = planned.get(pid)
                if have is None or st.next < have[0]:
                    planned[pid] = (st.next, r.channel.mode)
            continue
        for pid, _, _ in r.members:
            missed[pid] = max(missed.get(pid, 0.0), float(st.missed_in_a_row))
            why.setdefault(pid, []).append((r, st))
    moments = moment_store.recent_moment_ids(store, day - dt.timedelta(days=RECENT_MOMENT_DAYS), day)
    return Life(day, missed, planned, moments,
                {pid: tuple(v) for pid, v in why.items()})
