"""Reconnect's whole computation: rank everyone who needs attention, then build the entries shown.

The rules it applies (cadences, assess, reasons, openers) are relj/reconnect.py; the SQL is
relj/store/reconnect.py. Its names are importable from relj.reconnect as well.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from relj.reconnect import (
    SETTING_KEY,
    Assessment,
    Entry,
    Opener,
    assess,
    build_entries,
    circle_cadences,
    group_ideas,
    overdue_ratio,
    thresholds,
    urgency_key,
    urgency_score,
)
from relj.reconnect_rhythms import life as life_of

if TYPE_CHECKING:
    from relj.reconnect_rhythms import Life
    from relj.store import Store
    from relj.store.reconnect import ContactSummary, RankRow

    #: What relj.store.reconnect.rank_rows returns: the rows, and the ids it cannot answer for.
    RankRows = tuple[list[RankRow], list[int]]

log = logging.getLogger("relj.reconnect")


# -- the whole computation ---------------------------------------------------------------------
def compute(store: Store, today: dt.date | None = None, *, limit: int | None = None) -> list[Entry]:
    """Everyone who needs attention as of ``today`` (default: relj.clock.today()), most urgent first."""
    return compute_with_total(store, today, limit=limit)[0]


def compute_with_total(
    store: Store, today: dt.date | None = None, *, limit: int | None = None
) -> tuple[list[Entry], int]:
    """The first ``limit`` entries, and how many people need attention in all.

    Everyone is ranked from the summary numbers alone; reasons and openers are built only for
    the entries returned (the home view shows 200), so the cost stays flat in the journal's size.
    """
    found = ranking(store, today, limit=limit)
    return entries(store, found), found.total


@dataclass(frozen=True, slots=True)
class Ranking:
    """The people who need attention, ranked and assessed; entries are built from it, in slices."""

    day: dt.date
    #: The first ``limit`` assessments, most urgent first.
    shown: tuple[Assessment, ...]
    #: How many people need attention in all.
    total: int
    interests: Mapping[int, Sequence[tuple[str, bool]]]
    #: Group ideas among the people shown, by person; None: made for each slice of entries as it is
    #: built (the same ideas: a person's ideas do not depend on whose else are made).
    groups: Mapping[int, Sequence[Opener]] | None
    #: Rhythms and moments (relj.reconnect_rhythms).
    life: Life | None = None


def ranking(store: Store, today: dt.date | None = None, *, limit: int | None = None, groups: bool = True,
            life: Life | None = None, rows: RankRows | None = None) -> Ranking:
    """Rank everyone who needs attention; group ideas among the first ``limit`` (no details read yet).

    ``groups=False`` leaves the group ideas to entries(), slice by slice. ``life`` and ``rows``
    (relj.store.reconnect.rank_rows) may be given when computed already (relj.reconnect_parallel).
    """
    from relj.clock import today as clock_today
    from relj.store import reconnect as reconnect_store

    day = today or clock_today()
    circles = circle_cadences(store.get_setting(SETTING_KEY))
    life = life_of(store, day) if life is None else life
    shown, total = rank(store, day, circles, limit=limit, life=life, rows=rows)
    # Group ideas pair people among those shown (the most urgent): enough for advice, and bounded.
    interests = reconnect_store.person_interests(store, [a.summary.person_id for a in shown])
    ideas = group_ideas(shown, interests) if groups else None
    log.info("reconnect: %d flagged, %d shown", total, len(shown))
    return Ranking(day, tuple(shown), total, interests, ideas, life)


def first_names(store: Store, part: Sequence[Assessment]) -> list[Assessment]:
    """``part`` with each full name in sentences shortened to the first name when no one else in the
    journal has that first name ("Last saw Maya", not "Last saw Maya Okafor"); nicknames and given
    names stay as they are."""
    from dataclasses import replace

    from relj.store import reconnect as reconnect_store

    firsts = {a.summary.person_id: a.summary.name.split()[0] for a in part
              if a.summary.short_name == a.summary.name and len(a.summary.name.split()) > 1}
    if not firsts:
        return list(part)
    counts = reconnect_store.first_name_counts(store, set(firsts.values()))
    out = []
    for a in part:
        first = firsts.get(a.summary.person_id)
        if first is not None and counts.get(first.casefold(), 0) == 1:
            a = replace(a, summary=replace(a.summary, short_name=first))
        out.append(a)
    return out


def entries(store: Store, ranked: Ranking, start: int = 0, stop: int | None = None) -> list[Entry]:
    """The entries of ``ranked.shown[start:stop]``: details, reasons and openers for those only.

    Slices are independent: the entries of [0, 20) and [20, 200) are those of [0, 200).
    """
    from relj.store import reconnect as reconnect_store

    part = first_names(store, ranked.shown[start:stop])
    ids = [a.summary.person_id for a in part]
    interests = {pid: list(ranked.interests[pid]) for pid in ids if pid in ranked.interests}
    details = reconnect_store.contact_details(store, ranked.day, {a.summary.person_id: a.summary.last_rich for a in part},
                                interests)
    from relj.store.plans import loop_details

    recent = {pid: d.recent_ids for pid, d in details.items()}
    groups = ranked.groups if ranked.groups is not None else group_ideas(ranked.shown, ranked.interests, for_ids=ids)
    wanted = [mid for pid in ids for mid in ranked.life.moments.get(pid, ())] if ranked.life else []
    if wanted:
        from relj.store.moments import moments_by_ids

        moments = {m.id: m for m in moments_by_ids(store, wanted)}
    else:
        moments = {}
    return build_entries(part, details, groups, ranked.day, loop=loop_details(store, ranked.day, ids, recent),
                         life=ranked.life, moments=moments)


def rank(
    store: Store, day: dt.date, circles: Mapping[str, tuple[int, int]], *, limit: int | None = None,
    life: Life | None = None, rows: RankRows | None = None,
) -> tuple[list[Assessment], int]:
    """The first ``limit`` people who need attention on ``day``, assessed, most urgent first; and how many in all."""
    found = rank_fast(store, day, circles, limit=limit, life=life, rows=rows)
    if found is None:  # pragma: no cover - a bug; the tests compare both paths
        log.error("reconnect: the ranking pass and the model disagree; assessing everyone")
        return rank_plain(store, day, circles, limit=limit, life=life)
    return found


def rank_fast(
    store: Store, day: dt.date, circles: Mapping[str, tuple[int, int]], *, limit: int | None = None,
    life: Life | None = None, rows: RankRows | None = None,
) -> tuple[list[Assessment], int] | None:
    """rank() in one pass over RankRows; None if the pass and assess() disagree (they must not).

    The pass decides and scores everyone with the same functions as assess(); only the people
    returned get a full ContactSummary and Assessment, which are checked against the pass.
    """
    from relj.store import reconnect as reconnect_store

    life = life_of(store, day) if life is None else life
    people, stale = reconnect_store.rank_rows(store, day, thresholds(circles)) if rows is None else rows
    keys: list[tuple[bool, float, str, int]] = []
    rhythm_planned, forced = life.planned, life.missed
    listed: set[int] = set()

    def pass_over(people: Iterable[RankRow]) -> None:
        decide, score_of, raised, add, seen = overdue_ratio, urgency_score, life.moments, keys.append, listed.add
        for pid, name, circle, written_ok, planned, since_rich, since_any, since_first, exp_rich, exp_any, rhythm \
                in people:
            seen(pid)
            decided = decide(since_rich, since_any, since_first, (exp_rich, exp_any), bool(written_ok))
            missed = forced.get(pid)
            if decided is None:
                if missed is None:
                    continue
                ratio = missed  # as assess(): a missed rhythm raises the ratio to its misses in a row
            else:
                ratio = decided[2] if missed is None or missed < decided[2] else missed
            planned = bool(planned) or pid in rhythm_planned
            score = score_of(circle, ratio, planned, bool(rhythm))
            if pid in raised:
                score = life.score(pid, score)
            add((planned, -score, name.casefold(), pid))

    pass_over(people)
    # People with a missed rhythm whom the rows leave out (not overdue by cadence): their rows too.
    stale_set = set(stale)
    missing = [pid for pid in forced if pid not in listed and pid not in stale_set]
    if missing:
        more, more_stale = reconnect_store.rank_rows(store, day, thresholds(circles), person_ids=missing)
        pass_over(more)
        stale = [*stale, *(pid for pid in more_stale if pid not in stale_set)]
    assessed: dict[int, Assessment] = {}
    if stale:  # contact after the day asked about: index seeks answer, in full
        for a in _assess_all(reconnect_store.contact_summaries(store, day, person_ids=stale), day, circles, life):
            assessed[a.summary.person_id] = a
            keys.append(urgency_key(a))
    keys.sort()
    head = keys if limit is None else keys[:limit]
    need = [k[3] for k in head if k[3] not in assessed]
    if need:
        for a in _assess_all(reconnect_store.contact_summaries(store, day, person_ids=need), day, circles, life):
            assessed[a.summary.person_id] = a
    shown: list[Assessment] = []
    for k in head:
        found = assessed.get(k[3])
        if found is None or urgency_key(found) != k:
            log.debug("reconnect: ranking disagrees with assess() on person id=%d", k[3])
            return None
        shown.append(found)
    return shown, len(keys)


def rank_plain(
    store: Store, day: dt.date, circles: Mapping[str, tuple[int, int]], *, limit: int | None = None,
    life: Life | None = None,
) -> tuple[list[Assessment], int]:
    """rank() the plain way: a ContactSummary and an Assessment for every candidate (the reference)."""
    from relj.store import reconnect as reconnect_store

    life = life_of(store, day) if life is None else life
    summaries = reconnect_store.contact_summaries(store, day, thresholds=thresholds(circles))
    seen = {s.person_id for s in summaries}
    summaries += reconnect_store.contact_summaries(store, day, person_ids=[p for p in life.missed if p not in seen])
    flagged = _assess_all(summaries, day, circles, life)
    flagged.sort(key=urgency_key)
    return (flagged if limit is None else flagged[:limit]), len(flagged)


def _assess_all(summaries: Iterable[ContactSummary], day: dt.date,
                circles: Mapping[str, tuple[int, int]], life: Life | None = None) -> list[Assessment]:
    return [a for a in (assess(s, day, circles, life) for s in summaries) if a is not None]
