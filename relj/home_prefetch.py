"""The home view's ranking, computed by a forked helper (relj.forked) while the app loads Qt.

A cold start spends most of its time in two independent things: loading Qt and building the
window, and ranking everyone for Reconnect. app.run() starts the ranking here before it imports
PySide6; the Reconnect list takes it when it first loads (take()). It is used only when it is
exactly what the list would compute now: the same journal, day and sizes, and no commit to the
journal since the helper began reading (relj.db.fingerprint). Otherwise the list computes it
itself, as it does on every later reload. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from relj.forked import Forked
    from relj.reconnect import Entry
    from relj.reconnect_rank import Ranking

log = logging.getLogger(__name__)

#: The home view ranks this many people in full (the rest are counted, not drawn)...
LIMIT = 200
#: ...and builds the entries of this many rows on its first load: more than a tall window shows.
ROWS = 24


@dataclass(frozen=True)
class Home:
    """What the Reconnect list shows first: the ranking and the entries of its first rows."""

    path: str
    day: dt.date
    limit: int
    ranking: Ranking
    rows: tuple[Entry, ...]
    #: relj.db.fingerprint of the journal, the same before and after the helper read it.
    fingerprint: tuple[object, ...]


@dataclass
class _Pending:
    helper: Forked[Home | None]
    path: str
    day: dt.date
    limit: int


_pending: _Pending | None = None


def compute(path: Path, day: dt.date, limit: int, rows: int) -> Home | None:
    """The home view's first data, read with a connection of its own; None when the journal is new,
    needs a migration, or changed while it was read. (Run in the helper; callable anywhere.)"""
    from relj.db import fingerprint, open_reader
    from relj.reconnect_rank import entries, ranking
    from relj.store import Store

    before = fingerprint(path)
    conn = open_reader(path)
    if conn is None:
        return None
    store = Store(conn, path)
    ranked = ranking(store, day, limit=limit)
    first = entries(store, ranked, 0, min(rows, len(ranked.shown)))
    # What the list reads of rhythms and moments is about the people shown: send only that.
    if ranked.life is not None:
        ranked = replace(ranked, life=ranked.life.only(a.summary.person_id for a in ranked.shown))
    after = fingerprint(path)
    if before != after:
        return None
    return Home(str(path), day, limit, ranked, tuple(first), after)


def start(path: Path, day: dt.date, limit: int = LIMIT, rows: int = ROWS) -> bool:
    """Start computing the home view of the journal at ``path`` in a helper; False if none can run."""
    global _pending
    from relj.forked import Forked

    cancel()
    path = Path(path).resolve()
    if not path.is_file():
        return False
    helper = Forked.start(lambda: compute(path, day, limit, rows))
    if helper is None:
        return False
    _pending = _Pending(helper, str(path), day, limit)
    return True


def take(path: Path | None, day: dt.date, limit: int) -> Home | None:
    """The helper's result if it is what the list would compute now for ``path`` on ``day``; else
    None (and the helper is gone either way: only the first load can use it)."""
    global _pending
    pending, _pending = _pending, None
    if pending is None:
        return None
    if path is None or str(Path(path).resolve()) != pending.path or day != pending.day or limit != pending.limit:
        pending.helper.cancel()
        return None
    home = pending.helper.result()
    if home is None:
        log.info("home prefetch: not used (the helper had no answer)")
        return None
    from relj.db import fingerprint

    if fingerprint(Path(pending.path)) != home.fingerprint:
        log.info("home prefetch: not used (the journal changed meanwhile)")
        return None
    return home


def cancel() -> None:
    """Drop a helper still running (the app stops before its window is built)."""
    global _pending
    pending, _pending = _pending, None
    if pending is not None:
        pending.helper.cancel()
