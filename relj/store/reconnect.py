"""The SQL behind Reconnect: set-based queries that seek participant_last, never a scan per person.

Every per-person value is a correlated subquery that SQLite answers with one seek (or a short
bounded walk) on ``participant_last(person_id, status, mode, occurred_on)``: max/min per mode, the
last few distinct rich dates (``LIMIT``), the next planned rich meeting. So the cost grows with the
number of people, not with the number of interactions. The details of the few people who are
flagged (written messages since the last rich contact, by channel; recent contact by mode;
interests) come from a second query bounded the same way (``LIMIT``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from relj.clock import now_iso
from relj.domain import Birthday, Channel, Interaction, Mode, Status
from relj.errors import NotFound, UserError
from relj.store.core import Store

log = logging.getLogger(__name__)

#: How many distinct rich dates per mode are read for the rhythm (the most recent ones).
RHYTHM_SAMPLE = 9
#: How many written messages since the last rich contact are read per flagged person.
WRITTEN_SAMPLE = 100
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
    #: Distinct days of rich contact, most recent first (at most 2 * RHYTHM_SAMPLE).
    rich_days: tuple[dt.date, ...]
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
    #: Written messages after the last rich day, by channel (at most WRITTEN_SAMPLE in all).
    written_since: dict[Channel, int]
    written_capped: bool
    #: Recent done contact, most recent first: (day, mode), at most RECENT_SAMPLE per mode.
    recent: tuple[tuple[dt.date, Mode], ...]
    interests: tuple[str, ...]
    shared_interests: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FollowupRow:
    interaction: Interaction


def _d(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _dates(text: str | None) -> list[dt.date]:
    return [dt.date.fromisoformat(t) for t in text.split(",")] if text else []


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


SUMMARY_SQL = f"""
SELECT p.id, p.display_name, p.given_name, p.nickname, p.circle, p.written_ok, p.birthday,
       p.cadence_rich_days, p.cadence_any_days,
       {_seek('max', 'together')} AS last_together,
       {_seek('max', 'voice')} AS last_voice,
       {_seek('max', 'written')} AS last_written,
       {_seek('min', 'written')} AS first_written,
       {_last_days('together', RHYTHM_SAMPLE)} AS days_together,
       {_last_days('voice', RHYTHM_SAMPLE)} AS days_voice,
       {_seek('min', 'together', 'planned', '>=')} AS planned_together,
       {_seek('min', 'voice', 'planned', '>=')} AS planned_voice
FROM person p
WHERE p.tracked = 1 AND p.paused = 0 AND coalesce(p.circle, '') <> 'unsorted'
  AND (p.snoozed_until IS NULL OR p.snoozed_until <= :day)
  {{extra}}
"""


def contact_summaries(store: Store, day: dt.date, person_ids: Sequence[int] | None = None) -> list[ContactSummary]:
    """One row per tracked person who is neither paused nor snoozed on ``day``, as of ``day``.

    Untracked and "unsorted" people (auto-created from mail) are left out. Contact after ``day``,
    planned and cancelled interactions are not contact; the next planned rich meeting on or after
    ``day`` is reported as ``planned_on``.
    """
    params: dict[str, Any] = {"day": day.isoformat()}
    extra = ""
    if person_ids is not None:
        extra = "AND p.id IN (SELECT value FROM json_each(:ids))"
        params["ids"] = json.dumps(list(person_ids))
    out: list[ContactSummary] = []
    for r in store.conn.execute(SUMMARY_SQL.format(extra=extra), params):
        (pid, name, given, nick, circle, written_ok, birthday, c_rich, c_any, l_t, l_v, l_w, f_w,
         days_t, days_v, plan_t, plan_v) = r
        last_t, last_v, first_w = _d(l_t), _d(l_v), _d(f_w)
        rich = sorted(set(_dates(days_t)) | set(_dates(days_v)), reverse=True)
        # The earliest rich day we know of is a lower bound of the first contact: enough to say how
        # long a relationship has lasted without ever a rich contact (only then is it used).
        firsts = [d for d in (first_w, rich[-1] if rich else None) if d]
        planned: list[tuple[str, Mode]] = [(d, m) for d, m in ((plan_t, Mode.TOGETHER), (plan_v, Mode.VOICE)) if d]
        planned.sort(key=lambda x: (x[0], x[1] is not Mode.TOGETHER))
        out.append(
            ContactSummary(
                person_id=pid,
                name=name,
                short_name=nick or given or name,
                circle=circle,
                written_ok=bool(written_ok),
                cadence_rich_days=c_rich,
                cadence_any_days=c_any,
                birthday=_birthday(birthday),
                last_together=last_t,
                last_voice=last_v,
                last_written=_d(l_w),
                first_contact=min(firsts) if firsts else None,
                rich_days=tuple(rich),
                planned_on=_d(planned[0][0]) if planned else None,
                planned_mode=planned[0][1] if planned else None,
            )
        )
    log.debug("reconnect summaries: %d people", len(out))
    return out


def _birthday(text: str | None) -> Birthday | None:
    if not text:
        return None
    try:
        return Birthday.parse(text)
    except ValueError:
        return None


def contact_details(store: Store, day: dt.date, since: dict[int, dt.date | None]) -> dict[int, ContactDetail]:
    """Details of flagged people: ``since`` maps each person to their last rich day (or None)."""
    if not since:
        return {}
    payload = json.dumps([[pid, d.isoformat() if d else ""] for pid, d in since.items()])
    params = {"day": day.isoformat(), "f": payload}
    written = f"""
        WITH f(pid, since) AS (SELECT value ->> 0, value ->> 1 FROM json_each(:f))
        SELECT f.pid,
          (SELECT group_concat(channel) FROM (
              SELECT i.channel FROM participant pa JOIN interaction i ON i.id = pa.interaction_id
              WHERE pa.person_id = f.pid AND pa.status = 'done' AND pa.mode = 'written'
                AND pa.occurred_on > f.since AND pa.occurred_on <= :day
              ORDER BY pa.occurred_on DESC LIMIT {WRITTEN_SAMPLE + 1})) AS channels,
          {', '.join(
              f'''(SELECT group_concat(occurred_on) FROM (SELECT occurred_on FROM participant
                   WHERE person_id = f.pid AND status = 'done' AND mode = '{m.value}' AND occurred_on <= :day
                   ORDER BY occurred_on DESC LIMIT {RECENT_SAMPLE})) AS recent_{m.value}'''
              for m in Mode)}
        FROM f
    """
    rows: dict[int, Any] = {}
    for r in store.conn.execute(written, params):
        rows[int(r[0])] = r
    interests: dict[int, list[str]] = {}
    shared: dict[int, list[str]] = {}
    for pid, name, mine in store.conn.execute(
        """
        SELECT pi.person_id, i.name, (o.interest_id IS NOT NULL)
        FROM person_interest pi JOIN interest i ON i.id = pi.interest_id
        LEFT JOIN owner_interest o ON o.interest_id = pi.interest_id
        WHERE pi.person_id IN (SELECT value ->> 0 FROM json_each(:f))
        ORDER BY i.name COLLATE NOCASE
        """,
        params,
    ):
        interests.setdefault(pid, []).append(name)
        if mine:
            shared.setdefault(pid, []).append(name)
    out: dict[int, ContactDetail] = {}
    for pid in since:
        r = rows.get(pid)
        channels = (r[1].split(",") if r and r[1] else [])
        capped = len(channels) > WRITTEN_SAMPLE
        counts: dict[Channel, int] = {}
        for c in channels[:WRITTEN_SAMPLE]:
            counts[Channel(c)] = counts.get(Channel(c), 0) + 1
        recent: list[tuple[dt.date, Mode]] = []
        if r:
            for m, text in zip(Mode, r[2:], strict=True):
                recent.extend((d, m) for d in _dates(text))
        recent.sort(key=lambda x: (x[0], x[1].is_rich), reverse=True)
        out[pid] = ContactDetail(
            person_id=pid,
            written_since=counts,
            written_capped=capped,
            recent=tuple(recent),
            interests=tuple(interests.get(pid, [])),
            shared_interests=tuple(shared.get(pid, [])),
        )
    return out


# -- follow-ups ----------------------------------------------------------------------------
def pending_followups(store: Store, day: dt.date, window_days: int) -> list[Interaction]:
    """In-person meetings done in the ``window_days`` up to ``day`` with no decision recorded."""
    start = (day - dt.timedelta(days=window_days)).isoformat()
    ids = [
        r[0]
        for r in store.conn.execute(
            "SELECT i.id FROM interaction i WHERE i.occurred_on BETWEEN ? AND ? AND i.channel = 'in-person' "
            "AND i.status = 'done' AND NOT EXISTS (SELECT 1 FROM followup f WHERE f.interaction_id = i.id) "
            "ORDER BY i.occurred_on DESC, i.id DESC",
            [start, day.isoformat()],
        )
    ]
    return store.interactions_by_ids(ids)


def decide_followup(store: Store, interaction_id: int, state: str, *, day: dt.date, window_days: int) -> Interaction:
    """Record that a follow-up was done or dismissed."""
    if state not in ("done", "dismissed"):
        raise ValueError(state)
    found = store.interactions_by_ids([interaction_id])
    if not found:
        raise NotFound(f"no follow-up #{interaction_id}")
    i = found[0]
    if i.channel is not Channel.IN_PERSON or i.status is not Status.DONE:
        raise UserError(f"#{interaction_id} is not an in-person meeting, so it has no follow-up")
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
