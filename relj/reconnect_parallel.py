"""`relj reconnect --json` over the whole list, on both cores (relj.helper_process).

The whole list is the one long read of the command line: ranking thousands of people, then a
reason, openers and loop details for each. Twice the work is split with a forked helper that
reads the journal with its own read-only connection:

1. ranking: the helper reads the rank rows (relj.store.reconnect.rank_rows) while this process
   works out rhythms and moments (relj.reconnect_rhythms.life); both are needed to rank;
2. entries: the helper builds and writes the last part of the list while this process builds the
   first part (entries are independent slices: relj.reconnect_rank.entries).

A helper's answer is used only if no commit reached the journal between the start of the
command and the end of its read (relj.db.fingerprint); otherwise, or if it fails, this process
computes that part itself. The text printed is the same either way, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from relj.reconnect_rank import Ranking, entries, ranking

if TYPE_CHECKING:
    from relj.store import Store

T = TypeVar("T")

log = logging.getLogger(__name__)

#: Below this many people flagged the list is built in one process: a helper would not pay for itself.
PARALLEL_MIN = 300
#: The share of the entries built by this process; the helper, whose cache starts cold, builds
#: the rest (measured on the 10k-people journal: both then end together).
OWN_SHARE = 0.53


def _json(store: Store, ranked: Ranking, start: int, stop: int | None) -> str:
    from relj.terminal import json_text

    return json_text([e.to_json() for e in entries(store, ranked, start, stop)])


def in_helper(store: Store, fn: Callable[[Store], T]) -> Callable[[], T | None]:
    """Start ``fn`` on a read-only connection of its own in a forked helper; the returned function
    waits for its value: None if there is no helper, it failed, or the journal changed meanwhile."""
    from relj.db import fingerprint
    from relj.helper_process import Helper

    path = store.path
    if path is None or str(path) == ":memory:":
        return lambda: None
    journal = Path(path)
    before = fingerprint(journal)

    def run() -> tuple[tuple[object, ...], T] | None:
        from relj.db import open_reader
        from relj.store import Store

        conn = open_reader(journal)
        if conn is None:
            return None
        value = fn(Store(conn, journal))
        return fingerprint(journal), value

    helper = Helper.fork(run)

    def value() -> T | None:
        answer = helper.result() if helper is not None else None
        if answer is None or not answer[0] == before == fingerprint(journal):
            if helper is not None:
                log.info("reconnect: the helper's answer was not used; computing it here")
            return None
        return answer[1]

    return value


def whole_list_json(store: Store, day: dt.date, limit: int | None = None) -> str:
    """The JSON array `relj reconnect --json [--limit N]` prints: relj.terminal.json_text of every
    entry's to_json(), most urgent first."""
    from relj.reconnect import SETTING_KEY, circle_cadences, thresholds
    from relj.reconnect_rhythms import life as life_of
    from relj.store import reconnect as reconnect_store

    if limit is not None and limit < PARALLEL_MIN:
        return _json(store, ranking(store, day, limit=limit), 0, None)
    circles = circle_cadences(store.get_setting(SETTING_KEY))
    rows = in_helper(store, lambda reader: reconnect_store.rank_rows(reader, day, thresholds(circles)))
    life = life_of(store, day)
    ranked = ranking(store, day, limit=limit, groups=False, life=life, rows=rows())
    count = len(ranked.shown)
    if count < PARALLEL_MIN:
        return _json(store, ranked, 0, None)
    split = round(count * OWN_SHARE)
    last = in_helper(store, lambda reader: _json(reader, ranked, split, count))
    first = _json(store, ranked, 0, split)
    return join_json_arrays(first, last() or _json(store, ranked, split, count))


def join_json_arrays(first: str, last: str) -> str:
    """Two non-empty JSON arrays indented by two spaces (as relj.terminal writes them) as one: the
    text json_text writes for the two lists joined."""
    if not (first.startswith("[\n") and first.endswith("\n]") and last.startswith("[\n") and last.endswith("\n]")):
        raise ValueError("not two non-empty indented JSON arrays")
    return f"{first[:-2]},\n{last[2:]}"
