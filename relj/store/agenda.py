"""The SQL of the agenda (relj.agenda): birthdays and open plans in a window of days."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from relj.store.core import Store


def month_days(start: dt.date, end: dt.date) -> list[str] | None:
    """The 'MM-DD' keys of the days from ``start`` to ``end`` (None: a year or more, every day).

    29 February is added when 28 February of a common year is in the window: a birthday or a
    yearly moment on the 29th falls on the 28th in other years.
    """
    if (end - start).days >= 365:
        return None
    keys: list[str] = []
    day = start
    while day <= end:
        keys.append(day.strftime("%m-%d"))
        if day.month == 2 and day.day == 28 and (day + dt.timedelta(days=1)).month == 3:
            keys.append("02-29")
        day += dt.timedelta(days=1)
    return keys


def birthdays_between(store: Store, start: dt.date, end: dt.date) -> list[tuple[int, str, str, str]]:
    """Everyone whose birthday falls from ``start`` to ``end``: (id, display name, short name, birthday text).

    One pass over the person table (10,000 rows: a few milliseconds), filtered in SQL on the month and day.
    """
    keys = month_days(start, end)
    where = "birthday IS NOT NULL" + ("" if keys is None else
                                      " AND substr(birthday, -5) IN (SELECT value FROM json_each(:keys))")
    return [(r[0], r[1], r[2], r[3]) for r in store.conn.execute(
        f"SELECT id, display_name, coalesce(nullif(nickname, ''), nullif(given_name, ''), display_name), birthday "
        f"FROM person WHERE {where} ORDER BY id", {"keys": json.dumps(keys)})]


def open_plan_ids_between(store: Store, start: dt.date, end: dt.date) -> list[int]:
    """Open plans dated from ``start`` to ``end``, soonest first (the open-plans index of 0005)."""
    return [r[0] for r in store.conn.execute(
        "SELECT id FROM interaction WHERE status = 'planned' AND occurred_on BETWEEN ? AND ? "
        "ORDER BY occurred_on, coalesce(occurred_time, ''), id", [start.isoformat(), end.isoformat()])]
