"""Reconnect: channel-aware drift detection. Pure functions over contact summaries; no SQL, no Qt.

This module holds the rules (cadences, kinds, signals, ranking); relj.reconnect_text holds the
wording (reasons, openers, follow-up lines), whose names are re-exported here.

The model (docs/reconnect.md explains it for users):

* **Modes.** together (in person) > voice (video, phone) > written (text, email, letter, social).
  Rich contact is together or voice. Only *done* interactions on or before "today" are contact:
  planned, cancelled and later ones are not.
* **Cadences** (days, rich / any contact), per circle; the user may override them in the journal
  setting ``cadences`` (``{"friends": {"rich": 45, "any": 60}, ...}``):

  ============== ===== ===== ======
  circle          rich   any weight
  ============== ===== ===== ======
  family            60    30   1.0
  close             21    30   1.0
  friends           60    90   0.8
  colleagues       180   180   0.5
  clients          180   120   0.5
  acquaintances    365   365   0.3
  default          180   365   0.6
  ============== ===== ===== ======

  Any other circle name uses the default row. "unsorted" people (created from mail) and untracked
  people are never flagged; nor are paused people, or snoozed ones until the snooze date.
* **Rhythm.** With at least 3 distinct days of rich contact, the expected rich gap is
  ``RHYTHM_FACTOR`` (2) times the median gap between the last ``RHYTHM_SAMPLE`` (9) rich days,
  clamped to [14, 730] days. It replaces the circle's rich cadence (so it tightens or loosens it),
  and the any-contact cadence becomes at least the rhythm (a yearly friend is not "quiet" after
  three months). A per-person cadence always wins over both.
* **Kinds** (exactly one per flagged person):

  - ``gone-quiet``: no contact of any kind for longer than the any-contact cadence; or rich contact
    is overdue and nothing at all has happened since the last rich contact.
  - ``digital-only``: rich contact is overdue (or never happened) while written contact goes on.
    People marked "written contact is fine" are never digital-only.

  People with no contact at all on record are not flagged: drift is judged on the history of
  contact, never on when someone was added.
* **Signals** explain a kind: ``never-met`` (never seen or heard, only written), ``rhythm-break``
  (longer than their own rhythm), ``past-cadence`` (longer than the circle's or their own cadence),
  ``falling-rich-share`` (the newer half of the last contacts is much less often rich than the
  older half), ``birthday-soon`` (within 14 days), ``planned`` (a rich meeting is planned),
  ``plan-passed`` (an open plan's day is over: did it happen?), ``one-sided`` (the user started at
  least 85% of the last contacts whose initiator is known, with at least 6 of them; relj.plans),
  ``rhythm-missed`` (a rhythm they are in was missed twice in a row: flagged even when nothing else
  is overdue) and ``recent-moment`` (a moment of the last 90 days: the score counts 1.5 times; relj.rhythms).
* **Rhythms.** While a rhythm is kept, its next occurrence counts as planned (relj.reconnect_rhythms).
* **Planned.** A person with a rich meeting planned on or after today stays in the list, with
  ``planned`` set, ``overdue`` false, a tenth of the score, and sorted after everyone unplanned.
* **Score.** ``weight(circle) * (1 + log2(ratio))``, where ratio is how many times the expected gap
  has passed (at least 1); times ``THIN_HISTORY`` (0.5) for someone without a rhythm of rich contact
  (fewer than 3 days of it): a broken rhythm (meetings every two weeks, then months of email) is
  surer drift than a circle's cadence passed since one dinner. Most urgent first.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import islice
from typing import TYPE_CHECKING, Any

from relj.domain import CIRCLES, DEFAULT_CIRCLE, Channel, Interaction, Mode
from relj.reconnect_text import (
    DIGITAL_ONLY as _DIGITAL_ONLY,
)
from relj.reconnect_text import (
    Opener,
    ago_words,
    birthday_opener,
    day_words,
    every_words,
    followup_text,
    group_opener,
    loop_words,
    reason,
    shared_interests_opener,
    written_words,
)

if TYPE_CHECKING:
    from relj.reconnect_rhythms import Life
    from relj.rhythms import Moment
    from relj.store.plans import LoopDetail
    from relj.store.reconnect import ContactDetail, ContactSummary, Thresholds

__all__ = [
    "BIRTHDAY_WINDOW", "CIRCLE_CADENCES", "CIRCLE_WEIGHTS", "DISMISS_DAYS", "FOLLOWUP_WINDOW",
    "PLANNED_SCORE_FACTOR", "RHYTHM_FACTOR", "RHYTHM_MAX", "RHYTHM_MIN", "RHYTHM_MIN_DAYS_OF_CONTACT",
    "SETTING_KEY", "SHARE_SAMPLE", "THIN_HISTORY", "Assessment", "Channel", "Entry", "Expectation", "Interaction", "Kind",
    "Mode", "Opener", "Ranking", "Sig", "ago_words", "assess", "birthday_soon", "build_entries",
    "circle_cadences", "compute", "compute_with_total", "day_words", "entries", "every_words",
    "expectation", "falling_rich_share", "followup_text", "group_ideas", "median_gap", "overdue_ratio",
    "rank", "rank_fast", "rank_plain", "ranking", "reason", "rhythm_days", "thresholds", "urgency_key",
    "urgency_score", "written_words",
]

log = logging.getLogger(__name__)

#: circle -> (rich cadence in days, any-contact cadence in days)
CIRCLE_CADENCES: dict[str, tuple[int, int]] = {
    "family": (60, 30),
    "close": (21, 30),
    "friends": (60, 90),
    "colleagues": (180, 180),
    "clients": (180, 120),
    "acquaintances": (365, 365),
    DEFAULT_CIRCLE: (180, 365),
}
#: How much a circle's drift weighs in the order (closest first).
CIRCLE_WEIGHTS: dict[str, float] = {
    "family": 1.0,
    "close": 1.0,
    "friends": 0.8,
    "colleagues": 0.5,
    "clients": 0.5,
    "acquaintances": 0.3,
    DEFAULT_CIRCLE: 0.6,
}
#: CIRCLE_WEIGHTS as urgency_score reads it: no circle (or an unknown one) weighs as the default.
_DEFAULT_WEIGHT = CIRCLE_WEIGHTS[DEFAULT_CIRCLE]
_WEIGHTS: dict[str | None, float] = {None: _DEFAULT_WEIGHT, "": _DEFAULT_WEIGHT}
_WEIGHTS.update(CIRCLE_WEIGHTS)
RHYTHM_MIN_DAYS_OF_CONTACT = 3
RHYTHM_FACTOR = 2.0
RHYTHM_MIN = 14
RHYTHM_MAX = 730
BIRTHDAY_WINDOW = 14
FOLLOWUP_WINDOW = 7
#: "Not now" in the GUI snoozes for this many days.
DISMISS_DAYS = 14
PLANNED_SCORE_FACTOR = 0.1
#: The score's factor for someone with too little rich contact for a rhythm (under 3 days of it).
THIN_HISTORY = 0.5
#: falling-rich-share: compare the rich share of the newer and older halves of the last contacts.
SHARE_SAMPLE = 12
SETTING_KEY = "cadences"

assert set(CIRCLES) <= set(CIRCLE_CADENCES)  # every built-in circle has a cadence


class Kind(StrEnum):
    DIGITAL_ONLY = _DIGITAL_ONLY  # its value is defined where reason() reads it
    GONE_QUIET = "gone-quiet"


class Sig(StrEnum):
    NEVER_MET = "never-met"
    RHYTHM_BREAK = "rhythm-break"
    PAST_CADENCE = "past-cadence"
    FALLING_RICH_SHARE = "falling-rich-share"
    BIRTHDAY_SOON = "birthday-soon"
    PLANNED = "planned"
    PLAN_PASSED = "plan-passed"
    ONE_SIDED = "one-sided"
    RHYTHM_MISSED = "rhythm-missed"
    RECENT_MOMENT = "recent-moment"


# -- cadences ----------------------------------------------------------------------------------
def circle_cadences(setting: Any = None) -> dict[str, tuple[int, int]]:
    """The built-in circle cadences with the user's ``cadences`` setting applied over them.

    Malformed entries are ignored (logged by circle count only): a bad setting never breaks Reconnect.
    """
    out = dict(CIRCLE_CADENCES)
    if not isinstance(setting, Mapping):
        return out
    bad = 0
    for circle, value in setting.items():
        name = str(circle).strip().lower() or DEFAULT_CIRCLE
        rich, any_ = out.get(name, out[DEFAULT_CIRCLE])
        if not isinstance(value, Mapping):
            bad += 1
            continue
        try:
            rich = int(value.get("rich", rich))
            any_ = int(value.get("any", any_))
        except (TypeError, ValueError):
            bad += 1
            continue
        if rich <= 0 or any_ <= 0:
            bad += 1
            continue
        out[name] = (rich, any_)
    if bad:
        log.warning("ignored %d malformed circle cadence(s)", bad)
    return out


def thresholds(circles: Mapping[str, tuple[int, int]]) -> Thresholds:
    from relj.store.reconnect import Thresholds

    return Thresholds(circles=dict(circles), rhythm_factor=RHYTHM_FACTOR, rhythm_min=RHYTHM_MIN,
                      rhythm_max=RHYTHM_MAX)


def median_gap(days: Sequence[dt.date]) -> float | None:
    """The median gap in days between distinct days (any order); None with fewer than 3 days."""
    distinct = sorted(set(days))
    if len(distinct) < RHYTHM_MIN_DAYS_OF_CONTACT:
        return None
    import statistics  # here, not at import: it pulls in decimal and fractions (4 ms at start-up)

    return float(statistics.median((b - a).days for a, b in zip(distinct, distinct[1:], strict=False)))


def rhythm_days(median: float | None) -> float | None:
    if median is None:
        return None
    return max(float(RHYTHM_MIN), min(float(RHYTHM_MAX), RHYTHM_FACTOR * median))


@dataclass(frozen=True, slots=True)
class Expectation:
    rich: float
    any: float
    #: "person" (their own cadence), "rhythm" or "circle": where the rich expectation comes from.
    source: str
    median_gap: float | None


def expectation(s: ContactSummary, circles: Mapping[str, tuple[int, int]]) -> Expectation:
    circle_rich, circle_any = circles.get(s.circle or DEFAULT_CIRCLE, circles[DEFAULT_CIRCLE])
    median = s.rich_median
    rhythm = rhythm_days(median)
    if s.cadence_rich_days is not None:
        rich, source = float(s.cadence_rich_days), "person"
    elif rhythm is not None:
        rich, source = rhythm, "rhythm"
    else:
        rich, source = float(circle_rich), "circle"
    if s.cadence_any_days is not None:
        any_ = float(s.cadence_any_days)
    else:
        any_ = max(float(circle_any), rhythm) if rhythm is not None else float(circle_any)
    return Expectation(rich=rich, any=any_, source=source, median_gap=median)


# -- assessment --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Assessment:
    summary: ContactSummary
    kind: Kind
    expect: Expectation
    days_since_rich: int | None
    days_since_any: int
    ratio: float
    score: float
    signals: tuple[Sig, ...]

    @property
    def planned(self) -> bool:
        return self.summary.planned_on is not None


def overdue_ratio(
    since_rich: float | None, since_any: float, since_first: float, exp: Expectation | tuple[float, float],
    written_ok: bool,
) -> tuple[bool, bool, float] | None:
    """(rich overdue, any overdue, ratio) from day counts, or None when nothing is overdue.

    The one place the decision is made, for assess() and for the ranking pass over RankRows
    (2,000 calls a ranking: kept lean). ``since_first`` is only read when there was never rich contact.
    """
    exp_rich, exp_any = (exp.rich, exp.any) if type(exp) is Expectation else exp  # type: ignore[union-attr, misc]
    rich_over = not written_ok and (since_rich is None or since_rich > exp_rich)
    any_over = since_any > exp_any
    if not (rich_over or any_over):
        return None
    ratio = 1.0
    if since_rich is None:
        ratio = since_first / exp_rich
    elif rich_over:
        ratio = since_rich / exp_rich
    if any_over and since_any / exp_any > ratio:
        ratio = since_any / exp_any
    return rich_over, any_over, ratio if ratio > 1.0 else 1.0


def urgency_score(circle: str | None, ratio: float, planned: bool, established: bool = True) -> float:
    """``weight(circle) * (1 + log2(ratio))``, times THIN_HISTORY without a rhythm of rich contact,
    a tenth of it when planned; rounded to 3 places."""
    score = _WEIGHTS.get(circle, _DEFAULT_WEIGHT) * (1.0 + math.log2(ratio)) if ratio > 1.0 \
        else _WEIGHTS.get(circle, _DEFAULT_WEIGHT)
    if not established:
        score *= THIN_HISTORY
    if planned:
        score *= PLANNED_SCORE_FACTOR
    return round(score, 3)


def assess(s: ContactSummary, today: dt.date, circles: Mapping[str, tuple[int, int]],
           life: Life | None = None) -> Assessment | None:
    """Does this person need attention as of ``today``? None if not. ``life``: their rhythms and moments."""
    last_any = s.last_any
    if last_any is None:
        return None  # no contact on record: nothing to drift from
    s = life.summary(s) if life else s  # a kept rhythm's next occurrence is a plan
    missed = life.missed.get(s.person_id) if life else None
    last_rich = s.last_rich
    exp = expectation(s, circles)
    since_any = (today - last_any).days
    since_rich = (today - last_rich).days if last_rich else None
    first = s.first_contact or last_any
    decided = overdue_ratio(since_rich, since_any, (today - first).days, exp, s.written_ok)
    if decided is None and missed is None:
        return None
    rich_over, any_over, ratio = decided or (False, False, 1.0)  # only a missed rhythm: no cadence signal
    ratio = max(ratio, missed) if missed is not None else ratio
    written_since = s.last_written is not None and (last_rich is None or s.last_written > last_rich)
    rich_due = rich_over or decided is None  # a missed rhythm makes rich contact due
    kind = Kind.DIGITAL_ONLY if (rich_due and not any_over and written_since) else Kind.GONE_QUIET
    signals: list[Sig] = []
    if since_rich is None:
        if not s.written_ok:
            signals.append(Sig.NEVER_MET)
    elif rich_over:
        signals.append(Sig.RHYTHM_BREAK if exp.source == "rhythm" else Sig.PAST_CADENCE)
    if any_over and Sig.PAST_CADENCE not in signals and Sig.RHYTHM_BREAK not in signals:
        signals.append(Sig.PAST_CADENCE)
    if birthday_soon(s, today) is not None:
        signals.append(Sig.BIRTHDAY_SOON)
    if s.planned_on is not None:
        signals.append(Sig.PLANNED)
    if missed is not None:
        signals.append(Sig.RHYTHM_MISSED)
    score = urgency_score(s.circle, ratio, s.planned_on is not None, s.rich_median is not None)
    if life is not None and s.person_id in life.moments:
        signals.append(Sig.RECENT_MOMENT)
        score = life.score(s.person_id, score)
    return Assessment(s, kind, exp, since_rich, since_any, ratio, score, tuple(signals))


def birthday_soon(s: ContactSummary, today: dt.date) -> dt.date | None:
    """The person's next birthday when it is within ``BIRTHDAY_WINDOW`` days of ``today``."""
    if s.birthday is None:
        return None
    nxt = s.birthday.next_after(today)
    return nxt if (nxt - today).days <= BIRTHDAY_WINDOW else None


def urgency_key(a: Assessment) -> tuple[Any, ...]:
    """Unplanned first, then the highest score; ties by name and id, so the order is stable."""
    return (a.planned, -a.score, a.summary.name.casefold(), a.summary.person_id)


def falling_rich_share(recent: Sequence[tuple[dt.date, Mode]]) -> bool:
    """The newer half of the last contacts is rich less than half as often as the older half.

    ``recent`` is most recent first (as ContactDetail.recent).
    """
    if len(recent) < SHARE_SAMPLE:
        return False
    half = SHARE_SAMPLE // 2
    rich = [m is not Mode.WRITTEN for _, m in recent[:SHARE_SAMPLE]]
    newer = sum(rich[:half]) / half
    older = sum(rich[half:]) / half
    return older >= 1 / 3 and newer < older / 2


# -- entries -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Entry:
    """One person who needs attention, ready for the CLI, JSON and the GUI."""

    person_id: int
    name: str
    circle: str
    kind: Kind
    signals: tuple[str, ...]
    score: float
    last_rich_contact: dt.date | None
    last_rich_mode: Mode | None
    last_contact: dt.date | None
    written_since: int
    written_capped: bool
    reason: str
    shared_interests: tuple[str, ...]
    planned: dt.date | None
    planned_mode: Mode | None
    openers: tuple[Opener, ...]
    expected_rich_days: int
    expected_any_days: int
    rhythm_days: int | None
    days_since_rich: int | None
    days_since_contact: int
    birthday_soon: dt.date | None = None
    interests: tuple[str, ...] = field(default=())
    #: The loop (relj.plans): open talking points, preferences, the oldest open plan whose day is over.
    talking_points: int = 0
    prefers: Channel | None = None
    best_time: str | None = None
    passed_plan: dt.date | None = None

    @property
    def overdue(self) -> bool:
        return self.planned is None

    def to_json(self) -> dict[str, Any]:
        def iso(d: dt.date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "person_id": self.person_id,
            "name": self.name,
            "kind": self.kind.value,
            "signals": list(self.signals),
            "score": self.score,
            "last_rich_contact": iso(self.last_rich_contact),
            "last_rich_mode": self.last_rich_mode.value if self.last_rich_mode else None,
            "last_contact": iso(self.last_contact),
            "written_since": self.written_since,
            "written_since_capped": self.written_capped,
            "reason": self.reason,
            "shared_interests": list(self.shared_interests),
            "planned": iso(self.planned),
            "planned_mode": self.planned_mode.value if self.planned_mode else None,
            "overdue": self.overdue,
            "circle": self.circle,
            "openers": [o.to_json() for o in self.openers],
            "expected_rich_days": self.expected_rich_days,
            "expected_any_days": self.expected_any_days,
            "rhythm_days": self.rhythm_days,
            "days_since_rich": self.days_since_rich,
            "days_since_contact": self.days_since_contact,
            "birthday_soon": iso(self.birthday_soon),
            "talking_points": self.talking_points,
            "prefers": self.prefers.value if self.prefers else None,
        }


def group_ideas(
    flagged: Sequence[Assessment],
    interests: Mapping[int, Sequence[tuple[str, bool]]],
    *,
    for_ids: Iterable[int] | None = None,
    per_person: int = 2,
) -> dict[int, list[Opener]]:
    """Drifted people who share an interest: 'Ana and Dmitri both like climbing: invite them together'.

    Interests I share come first, then the ones most drifted people share. Planned people are left
    out. Openers are made for ``for_ids`` (default: everyone flagged); partners come from all flagged.
    """
    wanted = None if for_ids is None else set(for_ids)
    by_interest: dict[str, list[Assessment]] = {}
    mine: set[str] = set()
    for a in flagged:
        if a.planned:
            continue
        for name, shared in interests.get(a.summary.person_id, ()):
            key = name.casefold()
            by_interest.setdefault(key, []).append(a)
            if shared:
                mine.add(key)
    labels = {name.casefold(): name for lst in interests.values() for name, _ in lst}
    out: dict[int, list[Opener]] = {}
    ranked = sorted((k for k, v in by_interest.items() if len(v) >= 2),
                    key=lambda k: (k not in mine, -len(by_interest[k]), k))
    for key in ranked:
        group = by_interest[key]
        for a in group:
            pid = a.summary.person_id
            if (wanted is not None and pid not in wanted) or len(out.get(pid, [])) >= per_person:
                continue
            # islice: the first three others, without walking a large group once per member
            others = list(islice((o for o in group if o.summary.person_id != pid), 3))
            people = [a, *others]
            out.setdefault(pid, []).append(group_opener(
                [p.summary.short_name for p in people], [p.summary.person_id for p in people], labels[key]))
    return out


def build_entries(
    ranked: Sequence[Assessment],
    details: Mapping[int, ContactDetail],
    groups: Mapping[int, Sequence[Opener]],
    today: dt.date,
    falling: Iterable[int] = (),
    loop: Mapping[int, LoopDetail] | None = None,
    life: Life | None = None,
    moments: Mapping[int, Moment] | None = None,
) -> list[Entry]:
    """The entries of ``ranked``; ``moments``: the recent moments of ``life`` for these people, by id."""
    from relj.rhythms import moment_opener

    falling_ids = set(falling)
    loop = loop or {}
    out: list[Entry] = []
    for a in ranked:
        s = a.summary
        d = details.get(s.person_id)
        signals = list(a.signals)
        if s.person_id in falling_ids or (d is not None and falling_rich_share(d.recent)):
            signals.insert(len([x for x in signals if x in (Sig.NEVER_MET, Sig.RHYTHM_BREAK, Sig.PAST_CADENCE)]),
                           Sig.FALLING_RICH_SHARE)
        extra = loop.get(s.person_id)
        if extra is not None and extra.passed_plan is not None:
            signals.append(Sig.PLAN_PASSED)
        if extra is not None and extra.reciprocity.one_sided:
            signals.append(Sig.ONE_SIDED)
        openers: list[Opener] = []
        shared = d.shared_interests if d else ()
        if shared:
            openers.append(shared_interests_opener(shared))
        bday = birthday_soon(s, today)
        if bday is not None:
            openers.append(birthday_opener(bday, today))
        openers.extend(groups.get(s.person_id, ()))
        for mid in life.moments.get(s.person_id, ()) if life and moments else ():
            m = moments.get(mid)  # type: ignore[union-attr]
            if m is not None:
                openers.insert(0, Opener("moment", moment_opener(m, s.short_name), day=m.day))
        missed = life.missed_reason(s.person_id) if life else None
        last_rich = s.last_rich
        rich_mode = None
        if last_rich is not None:
            rich_mode = Mode.TOGETHER if s.last_together == last_rich else Mode.VOICE
        rhythm = rhythm_days(a.expect.median_gap)
        out.append(Entry(
            person_id=s.person_id,
            name=s.name,
            circle=s.circle or DEFAULT_CIRCLE,
            kind=a.kind,
            signals=tuple(str(x) for x in signals),
            score=a.score,
            last_rich_contact=last_rich,
            last_rich_mode=rich_mode,
            last_contact=s.last_any,
            written_since=d.written_since if d else 0,
            written_capped=d.written_capped if d else False,
            reason=(f"{missed} " if missed else "") + reason(a, d, today)
            + (loop_words(s.short_name, extra, today) if extra else ""),
            shared_interests=tuple(shared),
            planned=s.planned_on,
            planned_mode=s.planned_mode,
            openers=tuple(openers),
            expected_rich_days=round(a.expect.rich),
            expected_any_days=round(a.expect.any),
            rhythm_days=round(rhythm) if rhythm is not None else None,
            days_since_rich=a.days_since_rich,
            days_since_contact=a.days_since_any,
            birthday_soon=bday,
            interests=d.interests if d else (),
            talking_points=extra.talking_points if extra else 0,
            prefers=extra.prefers if extra else None,
            best_time=extra.best_time if extra else None,
            passed_plan=extra.passed_plan if extra else None,
        ))
    return out


# The whole computation (rank everyone, build the entries shown) is relj/reconnect_rank.py, which
# builds on this module; its names are importable from here too.
_RANKING = frozenset({"compute", "compute_with_total", "Ranking", "ranking", "entries", "rank", "rank_fast",
                      "rank_plain"})

if TYPE_CHECKING:
    from relj.reconnect_rank import (
        Ranking,
        compute,
        compute_with_total,
        entries,
        rank,
        rank_fast,
        rank_plain,
        ranking,
    )


def __getattr__(name: str) -> Any:
    if name in _RANKING:
        from relj import reconnect_rank

        return getattr(reconnect_rank, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
