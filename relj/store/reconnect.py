"""The SQL behind Reconnect: set-based, one row per person, never a scan of anyone's history.

The fast path reads ``contact_summary`` (kept by triggers, migration 0002_reconnect): the last
contact of each mode, the last rich days and their median gap, the latest planned rich meeting. One
query (``rank_rows``) joins it to ``person``, drops in SQL the people who are surely in touch, and
returns the numbers that rank the rest; ``contact_summaries`` reads the people shown in full. People with
contact after the day asked about ("as of") are re-read with bounded index seeks on
``participant_last(person_id, status, mode, occurred_on)``. The details of the people shown
(written messages since the last rich contact, by channel; recent contact by mode; interests) come
from one more query bounded the same way (``LIMIT``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from relj.clock import now_iso
from relj.domain import Birthday, Channel, Interaction, Mode
from relj.errors import NotFound, UserError
from relj.store.core import Store

log = logging.getLogger(__name__)

#: How many distinct rich dates per mode are read for the rhythm (the most recent ones).
RHYTHM_SAMPLE = 9
#: How many written messages since the last rich contact are read per flagged person.
WRITTEN_SAMPLE = 100
#: How many of those written messages have their channel read (for "7 emails" rather than "7 messages").
CHANNEL_SAMPLE = 20
#: How many recent contacts per mode are read to compare the rich share of recent and older contact.
RECENT_SAMPLE = 12


@dataclass(frozen=True, slots=True)
class ContactSummary:
    """What Reconnect needs to know about one tracked, active person, as of a day."""

    person_id: int
    name: str
    short_name: str
    circle: str | None
    written_ok: bool
    cadence_rich_days: int | None
    cadence_any_days: int | None
    birthday: Birthday | None
    last_together: dt.date | None
    last_voice: dt.date | None
    last_written: dt.date | None
    first_contact: dt.date | None
    #: The median gap in days between the last RHYTHM_SAMPLE distinct rich days (None under 3).
    rich_median: float | None
    planned_on: dt.date | None = None
    planned_mode: Mode | None = None

    @property
    def last_rich(self) -> dt.date | None:
        dates = [d for d in (self.last_together, self.last_voice) if d]
        return max(dates) if dates else None

    @property
    def last_any(self) -> dt.date | None:
        dates = [d for d in (self.last_together, self.last_voice, self.last_written) if d]
        return max(dates) if dates else None


@dataclass(frozen=True, slots=True)
class ContactDetail:
    """Details read only for people who are flagged."""

    person_id: int
    #: Written messages after the last rich day (at most WRITTEN_SAMPLE; capped says there were more).
    written_since: int
    written_capped: bool
    #: The channels of the latest of them (at most CHANNEL_SAMPLE), read where the reason's words
    #: use them: all of them ("7 emails and 2 texts"), or past WRITTEN_SAMPLE ("mostly emails");
    #: empty in between, where the words are "43 written messages".
    written_channels: dict[Channel, int]
    #: The latest RECENT_SAMPLE done contacts, most recent first (on one day: together, voice, written).
    recent: tuple[tuple[dt.date, Mode], ...]
    interests: tuple[str, ...]
    shared_interests: tuple[str, ...]
    #: The interactions of ``recent``, in the same order (reciprocity reads who started them).
    recent_ids: tuple[int, ...] = ()


def _d(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _seek(agg: str, mode: str, status: str = "done", cmp: str = "<=") -> str:
    return (
        f"(SELECT {agg}(occurred_on) FROM participant WHERE person_id = p.id AND status = '{status}' "
        f"AND mode = '{mode}' AND occurred_on {cmp} :day)"
    )


def _last_days(mode: str, n: int) -> str:
    return (
        "(SELECT group_concat(occurred_on) FROM (SELECT DISTINCT occurred_on FROM participant "
        f"WHERE person_id = p.id AND status = 'done' AND mode = '{mode}' AND occurred_on <= :day "
        f"ORDER BY occurred_on DESC LIMIT {n}))"
    )


_PERSON_COLS = """p.id, p.display_name, p.given_name, p.nickname, p.circle, p.written_ok, p.birthday,
       p.cadence_rich_days, p.cadence_any_days"""
_ACTIVE = """p.tracked = 1 AND p.paused = 0 AND coalesce(p.circle, '') <> 'unsorted'
  AND (p.snoozed_until IS NULL OR p.snoozed_until <= :day)"""


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The model's constants, so that SQL can skip people who are surely in touch."""

    circles: dict[str, tuple[int, int]]  # circle -> (rich days, any days); must hold "default"
    rhythm_factor: float
    rhythm_min: int
    rhythm_max: int


def _expected_sql(th: Thresholds, params: dict[str, Any]) -> tuple[str, str]:
    """SQL expressions for the expected rich and any-contact gaps (mirrors relj.reconnect)."""
    whens_rich, whens_any = [], []
    for n, (circle, (rich, any_)) in enumerate(sorted(th.circles.items())):
        params[f"c{n}"], params[f"r{n}"], params[f"a{n}"] = circle, rich, any_
        whens_rich.append(f"WHEN :c{n} THEN :r{n}")
        whens_any.append(f"WHEN :c{n} THEN :a{n}")
    params.update(rf=th.rhythm_factor, rmin=th.rhythm_min, rmax=th.rhythm_max)
    default_rich, default_any = th.circles["default"]
    circle = "coalesce(p.circle, 'default')"
    rhythm = "max(:rmin, min(:rmax, :rf * s.rich_median))"
    rich_sql = (f"coalesce(p.cadence_rich_days, CASE WHEN s.rich_median IS NOT NULL THEN {rhythm} ELSE "
                f"CASE {circle} {' '.join(whens_rich)} ELSE {default_rich} END END)")
    circle_any = f"CASE {circle} {' '.join(whens_any)} ELSE {default_any} END"
    any_sql = (f"coalesce(p.cadence_any_days, CASE WHEN s.rich_median IS NOT NULL "
               f"THEN max({circle_any}, {rhythm}) ELSE {circle_any} END)")
    return rich_sql, any_sql


#: The fast path: one row per person from contact_summary (migration 0002_reconnect).
#: ``{filter}`` keeps people whose summary cannot answer for the day (contact after it) and, when
#: thresholds are given, drops people whose last contact is surely recent enough.
SUMMARY_SQL = f"""
SELECT {_PERSON_COLS},
       s.last_together, s.last_voice, s.last_written, s.first_written, s.rich_days ->> '$[#-1]', s.rich_median,
       s.planned_last
FROM person p JOIN contact_summary s ON s.person_id = p.id
WHERE {_ACTIVE} {{extra}}
  AND (max(coalesce(s.last_together, ''), coalesce(s.last_voice, ''), coalesce(s.last_written, '')) > :day
       OR (coalesce(s.last_together, s.last_voice, s.last_written) IS NOT NULL AND ({{filter}})))
"""

#: The "as of" path, for people with contact after the day asked about: index seeks, bounded.
SEEK_SQL = f"""
SELECT p.id,
       {_seek('max', 'together')}, {_seek('max', 'voice')}, {_seek('max', 'written')}, {_seek('min', 'written')},
       {_last_days('together', RHYTHM_SAMPLE)}, {_last_days('voice', RHYTHM_SAMPLE)}
FROM person p WHERE p.id IN (SELECT value FROM json_each(:ids))
"""

#: The next planned rich meeting on or after the day, for people whose latest plan is not past.
PLANNED_SQL = f"""
SELECT p.id, {_seek('min', 'together', 'planned', '>=')}, {_seek('min', 'voice', 'planned', '>=')}
FROM person p WHERE p.id IN (SELECT value FROM json_each(:ids))
"""


def contact_summaries(
    store: Store,
    day: dt.date,
    *,
    thresholds: Thresholds | None = None,
    person_ids: Sequence[int] | None = None,
) -> list[ContactSummary]:
    """Tracked people, neither paused nor snoozed on ``day``, with some contact, as of ``day``.

    Untracked and "unsorted" people (auto-created from mail) and people with no done contact are
    left out. Contact after ``day``, planned and cancelled interactions are not contact; the next
    planned rich meeting on or after ``day`` is reported as ``planned_on``. With ``thresholds``,
    people whose last rich and last contact are both well within what is expected are left out
    too (a conservative filter: a day of slack; the model decides the rest).
    """
    iso = day.isoformat()
    params: dict[str, Any] = {"day": iso}
    extra = ""
    if person_ids is not None:
        extra = "AND p.id IN (SELECT value FROM json_each(:ids))"
        params["ids"] = json.dumps(list(person_ids))
    where = "1"
    if thresholds is not None:
        rich, any_ = _expected_sql(thresholds, params)
        last_rich = "nullif(max(coalesce(s.last_together, ''), coalesce(s.last_voice, '')), '')"
        last_any = "max(coalesce(s.last_together, ''), coalesce(s.last_voice, ''), coalesce(s.last_written, ''))"
        where = (f"{last_rich} IS NULL OR julianday(:day) - julianday({last_rich}) >= {rich} - 1 "
                 f"OR julianday(:day) - julianday({last_any}) >= {any_} - 1")
    rows = store.conn.execute(SUMMARY_SQL.format(extra=extra, filter=where), params).fetchall()
    # The summary holds every done contact: it is exact unless some contact lies after the day.
    stale = [r[0] for r in rows if (r[9] and r[9] > iso) or (r[10] and r[10] > iso) or (r[11] and r[11] > iso)]
    seek: dict[int, tuple[Any, ...]] = {}
    if stale:
        for r in store.conn.execute(SEEK_SQL, {"day": iso, "ids": json.dumps(stale)}):
            days = sorted(set(_split(r[5])) | set(_split(r[6])), reverse=True)[:RHYTHM_SAMPLE]
            seek[r[0]] = (*r[1:5], days[-1] if days else None, median_gap(days))
    upcoming = [r[0] for r in rows if r[15] and r[15] >= iso]
    planned: dict[int, tuple[dt.date, Mode]] = {}
    if upcoming:
        for pid, plan_t, plan_v in store.conn.execute(PLANNED_SQL, {"day": iso, "ids": json.dumps(upcoming)}):
            options = [(d, m) for d, m in ((plan_t, Mode.TOGETHER), (plan_v, Mode.VOICE)) if d]
            if options:
                d, m = min(options, key=lambda x: (x[0], x[1] is not Mode.TOGETHER))
                planned[pid] = (dt.date.fromisoformat(d), m)
    out: list[ContactSummary] = []
    fromiso = dt.date.fromisoformat
    for r in rows:
        pid, name, given, nick, circle, written_ok, birthday, c_rich, c_any = r[:9]
        l_t, l_v, l_w, f_w, oldest_rich, median = seek.get(pid) or r[9:15]
        if not (l_t or l_v or l_w):
            continue  # all of their contact lies after the day
        # The oldest rich day kept bounds the first contact from above: enough to say how long a
        # relationship has lasted without a rich contact (its only use).
        first = min(x for x in (f_w, oldest_rich) if x) if (f_w or oldest_rich) else None
        plan = planned.get(pid)
        out.append(
            ContactSummary(
                person_id=pid,
                name=name,
                short_name=nick or given or name,
                circle=circle,
                written_ok=bool(written_ok),
                cadence_rich_days=c_rich,
                cadence_any_days=c_any,
                birthday=_birthday(birthday) if birthday else None,
                last_together=fromiso(l_t) if l_t else None,
                last_voice=fromiso(l_v) if l_v else None,
                last_written=fromiso(l_w) if l_w else None,
                first_contact=fromiso(first) if first else None,
                rich_median=median,
                planned_on=plan[0] if plan else None,
                planned_mode=plan[1] if plan else None,
            )
        )
    log.debug("reconnect summaries: %d people, %d as of an earlier day", len(out), len(stale))
    return out


#: One person's numbers for ranking, as rank_rows returns them (plain tuples: 2,000 rows a call):
#: (person_id, name, circle, written_ok, planned, since_rich, since_any, since_first,
#:  expected_rich, expected_any, has_rhythm). Day counts are whole days (floats, from julianday); since_rich
#: is None without rich contact, and since_first is only set then (0 otherwise). The expected
#: gaps mirror relj.reconnect.expectation.
RankRow = tuple[int, str, str | None, int, int, float | None, float, float, float, float, int]


#: The last rich day of a summary row, or NULL (a CASE: cheaper than max() of coalesce() over 10,000 rows).
_LAST_RICH = ("CASE WHEN s.last_voice IS NULL OR s.last_together > s.last_voice "
              "THEN s.last_together ELSE s.last_voice END")

#: One row per person who may need attention: the decision's inputs, computed in SQL from
#: contact_summary; people with contact after the day come back as ``stale`` (the "as of" path).
RANK_SQL = f"""
SELECT (s.last_together > :day OR s.last_voice > :day OR s.last_written > :day) AS stale,
       p.id, p.display_name, p.circle, p.written_ok,
       coalesce(s.planned_last >= :day, 0),
       :jd - julianday({_LAST_RICH}) AS sr,
       :jd - julianday(max(coalesce(s.last_together, ''), coalesce(s.last_voice, ''),
                           coalesce(s.last_written, ''))) AS sa,
       -- Without rich contact, the first contact is the first written one (no rich days to bound it).
       CASE WHEN coalesce(s.last_together, s.last_voice) IS NULL
            THEN :jd - julianday(coalesce(s.first_written, s.last_written)) ELSE 0 END,
       {{rich}} AS er, {{any}} AS ea, s.rich_median IS NOT NULL
FROM person p JOIN contact_summary s ON s.person_id = p.id
WHERE {_ACTIVE} AND coalesce(s.last_together, s.last_voice, s.last_written) IS NOT NULL
  AND {{filter}}
"""

#: RANK_SQL's filter: contact after the day, or perhaps overdue.
MAY_NEED_ATTENTION = f"""(stale OR CASE
    -- The common case, tested first because it is cheap: a rhythm, no cadence of their own, and
    -- written contact not enough. The any-contact gap is then at least the rich one, and the
    -- last contact no older than the last rich one, so only the rich gap can be overdue.
    WHEN s.rich_median IS NOT NULL AND p.written_ok = 0 AND p.cadence_rich_days IS NULL
         AND p.cadence_any_days IS NULL
    THEN coalesce(:jd - julianday({_LAST_RICH})
                  >= max(:rmin, min(:rmax, :rf * s.rich_median)) - 1, 1)
    ELSE (p.written_ok = 0 AND (sr IS NULL OR sr >= er - 1)) OR sa >= ea - 1 END)"""


def rank_rows(store: Store, day: dt.date, thresholds: Thresholds,
              person_ids: Sequence[int] | None = None) -> tuple[list[RankRow], list[int]]:
    """Everyone who may need attention on ``day``, as RankRows; and the ids the summary cannot answer for.

    One scan of the 10,000-row summary, whatever the number of interactions. The filter is
    conservative (a day of slack); the model decides exactly. People with contact after ``day``
    are returned as ids only: read them with contact_summaries (index seeks). With ``person_ids``:
    the rows of these people whether or not they are overdue (people with a missed rhythm).
    """
    iso = day.isoformat()
    params: dict[str, Any] = {"day": iso}
    rich, any_ = _expected_sql(thresholds, params)
    params["jd"] = store.conn.execute("SELECT julianday(?)", [iso]).fetchone()[0]
    rows: list[RankRow] = []
    stale: list[int] = []
    where = MAY_NEED_ATTENTION
    if person_ids is not None:
        params["ids"] = json.dumps(list(person_ids))
        where = "p.id IN (SELECT value FROM json_each(:ids))"
    for row in store.conn.execute(RANK_SQL.format(rich=rich, any=any_, filter=where), params):
        if row[0]:
            stale.append(row[1])
        else:
            rows.append(row[1:])
    return rows, stale


def first_name_counts(store: Store, firsts: Iterable[str]) -> dict[str, int]:
    """How many people in the journal have each of ``firsts`` as the first word of their name
    (casefolded keys; SQLite's lower() is ASCII-only, so the comparison is made here)."""
    wanted = {f.casefold() for f in firsts}
    counts: dict[str, int] = dict.fromkeys(wanted, 0)
    for (first,) in store.conn.execute(
            "SELECT substr(display_name, 1, instr(display_name || ' ', ' ') - 1) FROM person"):
        key = first.casefold()
        if key in counts:
            counts[key] += 1
    return counts


def median_gap(days: Sequence[str]) -> float | None:
    """The median gap in days between distinct ISO days; None with fewer than 3 (as the trigger)."""
    distinct = sorted({dt.date.fromisoformat(d) for d in days})
    if len(distinct) < 3:
        return None
    import statistics  # here, not at import: it pulls in decimal and fractions (4 ms at start-up)

    return float(statistics.median((b - a).days for a, b in zip(distinct, distinct[1:], strict=False)))


def _split(text: str | None) -> list[str]:
    return text.split(",") if text else []


#: The runtime's own recompute of every summary row (a repair). It matches what the triggers of
#: migration 0002 compute, and a test holds the two equal; it is not shared with the migration,
#: whose text is frozen as it shipped.
REBUILD_SUMMARY_SQL = """
UPDATE contact_summary SET
    last_together = (SELECT max(occurred_on) FROM participant WHERE person_id = contact_summary.person_id AND status = 'done' AND mode = 'together'),
    last_voice = (SELECT max(occurred_on) FROM participant WHERE person_id = contact_summary.person_id AND status = 'done' AND mode = 'voice'),
    last_written = (SELECT max(occurred_on) FROM participant WHERE person_id = contact_summary.person_id AND status = 'done' AND mode = 'written'),
    first_written = (SELECT min(occurred_on) FROM participant WHERE person_id = contact_summary.person_id AND status = 'done' AND mode = 'written'),
    rich_days = coalesce((SELECT json_group_array(d) FROM
        (SELECT d FROM (SELECT d FROM (SELECT DISTINCT occurred_on AS d FROM participant WHERE person_id = contact_summary.person_id AND status = 'done' AND mode = 'together' ORDER BY d DESC LIMIT 9) UNION SELECT d FROM (SELECT DISTINCT occurred_on AS d FROM participant WHERE person_id = contact_summary.person_id AND status = 'done' AND mode = 'voice' ORDER BY d DESC LIMIT 9)) ORDER BY d DESC LIMIT 9)), '[]'),
    planned_last = nullif(max(coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = contact_summary.person_id AND status = 'planned' AND mode = 'together'), ''),
                              coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = contact_summary.person_id AND status = 'planned' AND mode = 'voice'), '')), '')
WHERE 1;
UPDATE contact_summary SET rich_median = CASE WHEN json_array_length(rich_days) >= 3 THEN (
    SELECT avg(g) FROM (
        SELECT g, row_number() OVER (ORDER BY g) AS rn, count(*) OVER () AS n FROM (
            SELECT julianday(x.value) - julianday(y.value) AS g
            FROM json_each(contact_summary.rich_days) x
            JOIN json_each(contact_summary.rich_days) y ON y.key = x.key + 1))
    WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) END
WHERE 1;
"""


def rebuild_contact_summary(store: Store) -> None:
    """Recompute the whole contact summary from participant (a repair; the triggers keep it right)."""
    with store.atomic():
        store.conn.execute("DELETE FROM contact_summary")
        store.conn.execute("INSERT INTO contact_summary(person_id) SELECT DISTINCT person_id FROM participant")
        for statement in REBUILD_SUMMARY_SQL.split(";"):
            if statement.strip():
                store.conn.execute(statement)


def contact_summary_rows(store: Store) -> list[tuple[Any, ...]]:
    """The raw summary table, for checks and tests."""
    return store.conn.execute("SELECT * FROM contact_summary ORDER BY person_id").fetchall()


def _birthday(text: str | None) -> Birthday | None:
    if not text:
        return None
    try:
        return Birthday.parse(text)
    except ValueError:
        return None


def contact_details(
    store: Store, day: dt.date, since: dict[int, dt.date | None],
    interests: dict[int, list[tuple[str, bool]]] | None = None,
) -> dict[int, ContactDetail]:
    """Details of flagged people: ``since`` maps each person to their last rich day (or None).

    ``interests`` (from person_interests for these people) saves reading them again.

    Bounded per person: the written count stops at WRITTEN_SAMPLE + 1 (index only), the channels
    are read for the latest CHANNEL_SAMPLE written messages (where the words use them, see
    ContactDetail), the recent contacts for RECENT_SAMPLE.
    """
    if not since:
        return {}
    payload = json.dumps([[pid, d.isoformat() if d else ""] for pid, d in since.items()])
    params = {"day": day.isoformat(), "f": payload}
    written_range = ("person_id = f.pid AND status = 'done' AND mode = 'written' "
                     "AND occurred_on > f.since AND occurred_on <= :day")
    # The latest RECENT_SAMPLE of each mode (three bounded index walks), merged and cut to the
    # latest RECENT_SAMPLE in all by SQLite: Python sees 12 contacts a person, not 36.
    per_mode = " UNION ALL ".join(
        f"""SELECT * FROM (SELECT occurred_on AS d, {k} AS k, interaction_id AS iid FROM participant
             WHERE person_id = f.pid AND status = 'done' AND mode = '{m.value}' AND occurred_on <= :day
             ORDER BY occurred_on DESC, interaction_id DESC LIMIT {RECENT_SAMPLE})"""
        for k, m in enumerate(_MODE_ORDER)
    )
    recent_sql = f"""(SELECT group_concat(d || ' ' || k || ' ' || iid) FROM (
                    {per_mode} ORDER BY d DESC, k, iid DESC LIMIT {RECENT_SAMPLE}))"""
    # With RECENT_SAMPLE written messages or more since the last rich contact (most people who
    # write only), those are the latest contacts of all: one walk instead of three (the same rows).
    written_k = _MODE_ORDER.index(Mode.WRITTEN)
    latest_written = f"""(SELECT group_concat(d || ' {written_k} ' || iid) FROM (
                    SELECT occurred_on AS d, interaction_id AS iid FROM participant
                    WHERE person_id = f.pid AND status = 'done' AND mode = 'written' AND occurred_on <= :day
                    ORDER BY occurred_on DESC, interaction_id DESC LIMIT {RECENT_SAMPLE}))"""
    sql = f"""
        WITH f0(pid, since) AS (SELECT value ->> 0, value ->> 1 FROM json_each(:f)),
        f AS MATERIALIZED (SELECT pid, since,
            (SELECT count(*) FROM (SELECT 1 FROM participant
                WHERE person_id = f0.pid AND status = 'done' AND mode = 'written'
                AND occurred_on > f0.since AND occurred_on <= :day LIMIT {WRITTEN_SAMPLE + 1})) AS n FROM f0)
        SELECT f.pid, f.n,
          CASE WHEN f.n <= {CHANNEL_SAMPLE} OR f.n > {WRITTEN_SAMPLE} THEN (SELECT group_concat(channel) FROM (
              SELECT i.channel FROM participant pa JOIN interaction i ON i.id = pa.interaction_id
              WHERE pa.{written_range.replace(" AND ", " AND pa.")}
              ORDER BY pa.occurred_on DESC LIMIT {CHANNEL_SAMPLE})) END,
          CASE WHEN f.n >= {RECENT_SAMPLE} THEN {latest_written} ELSE {recent_sql} END
        FROM f
    """
    rows = {int(r[0]): r for r in store.conn.execute(sql, params)}
    if interests is None:
        interests = person_interests(store, list(since))
    channel_of = _CHANNEL_BY_VALUE
    mode_of = {str(k): m for k, m in enumerate(_MODE_ORDER)}
    fromiso = dt.date.fromisoformat
    days: dict[str, dt.date] = {}  # a few thousand distinct days among tens of thousands of contacts
    out: dict[int, ContactDetail] = {}
    for pid in since:
        r = rows.get(pid)
        count = int(r[1]) if r else 0
        counts: dict[Channel, int] = {}
        recent: list[tuple[dt.date, Mode]] = []
        recent_ids: list[int] = []
        if r:
            if r[2]:
                counts = {channel_of[c]: n for c, n in Counter(r[2].split(",")).items()}
            if r[3]:
                flat = r[3].replace(",", " ").split(" ")  # day, mode, interaction id; day, mode, ...
                for d, k in zip(flat[0::3], flat[1::3], strict=True):
                    day_of = days.get(d)
                    if day_of is None:
                        day_of = days[d] = fromiso(d)
                    recent.append((day_of, mode_of[k]))
                recent_ids = [int(i) for i in flat[2::3]]
        mine = interests.get(pid, [])
        out[pid] = ContactDetail(
            person_id=pid,
            written_since=min(count, WRITTEN_SAMPLE),
            written_capped=count > WRITTEN_SAMPLE,
            written_channels=counts,
            recent=tuple(recent),
            interests=tuple(n for n, _ in mine),
            shared_interests=tuple(n for n, shared in mine if shared),
            recent_ids=tuple(recent_ids),
        )
    return out


_CHANNEL_BY_VALUE = {c.value: c for c in Channel}
#: On one day, the richest contact counts as the more recent (as ContactDetail.recent orders them).
_MODE_ORDER = (Mode.TOGETHER, Mode.VOICE, Mode.WRITTEN)


def person_interests(store: Store, person_ids: Sequence[int]) -> dict[int, list[tuple[str, bool]]]:
    """Each person's interests as (name, shared with me), by name."""
    out: dict[int, list[tuple[str, bool]]] = {}
    if not person_ids:
        return out
    for pid, name, mine in store.conn.execute(
        """
        SELECT pi.person_id, i.name, (o.interest_id IS NOT NULL)
        FROM person_interest pi JOIN interest i ON i.id = pi.interest_id
        LEFT JOIN owner_interest o ON o.interest_id = pi.interest_id
        WHERE pi.person_id IN (SELECT value FROM json_each(:ids))
        ORDER BY i.name COLLATE NOCASE
        """,
        {"ids": json.dumps(list(person_ids))},
    ):
        out.setdefault(pid, []).append((name, bool(mine)))
    return out


# -- follow-ups ----------------------------------------------------------------------------
#: Which interactions call for a thank-you: in-person meetings, and planned video or phone meetings
#: that took place (their plan became done; migration 0005_plans keeps the planned day). Each
#: half has its partial index (0003_followup_index, 0005_plans).
FOLLOWUP_KINDS = ("i.channel = 'in-person' AND i.status = 'done'",
                  "i.status = 'done' AND i.planned_on IS NOT NULL AND i.channel IN ('video', 'phone')")


def pending_followups(store: Store, day: dt.date, window_days: int) -> list[Interaction]:
    """In-person meetings and planned calls done in the ``window_days`` up to ``day`` with no decision recorded."""
    return store.interactions_by_ids(pending_followup_ids(store, day, window_days))


def pending_followup_ids(store: Store, day: dt.date, window_days: int) -> list[int]:
    """The ids of pending_followups, newest first: the home view reads the interactions it shows."""
    start = (day - dt.timedelta(days=window_days)).isoformat()
    part = ("SELECT i.id, i.occurred_on FROM interaction i WHERE i.occurred_on BETWEEN :start AND :day AND {kind} "
            "AND NOT EXISTS (SELECT 1 FROM followup f WHERE f.interaction_id = i.id)")
    sql = " UNION ALL ".join(part.format(kind=k) for k in FOLLOWUP_KINDS) + " ORDER BY 2 DESC, 1 DESC"
    return [r[0] for r in store.conn.execute(sql, {"start": start, "day": day.isoformat()})]


def has_followup(store: Store, interaction_id: int) -> bool:
    """Does this interaction call for a thank-you (whatever was decided about it)?"""
    where = " OR ".join(f"({k})" for k in FOLLOWUP_KINDS)
    return store.conn.execute(f"SELECT 1 FROM interaction i WHERE i.id = ? AND ({where})",
                              [interaction_id]).fetchone() is not None


def decide_followup(store: Store, interaction_id: int, state: str) -> Interaction:
    """Record that a follow-up was done or dismissed."""
    if state not in ("done", "dismissed"):
        raise ValueError(state)
    found = store.interactions_by_ids([interaction_id])
    if not found:
        raise NotFound(f"no follow-up #{interaction_id}")
    i = found[0]
    if not has_followup(store, interaction_id):
        raise UserError(f"#{interaction_id} is not an in-person meeting or a planned call that took place, "
                        "so it has no follow-up")
    with store.atomic():
        store.conn.execute(
            "INSERT INTO followup(interaction_id, state, decided_at) VALUES (?, ?, ?) "
            "ON CONFLICT(interaction_id) DO UPDATE SET state = excluded.state, decided_at = excluded.decided_at",
            [interaction_id, state, now_iso()],
        )
    log.info("follow-up %s: interaction id=%d", state, interaction_id)
    return i


def undo_followup(store: Store, interaction_id: int) -> None:
    with store.atomic():
        store.conn.execute("DELETE FROM followup WHERE interaction_id = ?", [interaction_id])
