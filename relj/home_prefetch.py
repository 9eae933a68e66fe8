"""The home view's ranking, computed by a helper process (relj.helper_process) while the app loads Qt.

A cold start spends most of its time in two independent things: loading Qt and building the
window, and ranking everyone for Reconnect. The launcher (relj.launch) starts the helper before
it imports the app; the Reconnect list takes its answer when it first loads (take()). It is used only when it is
exactly what the list would compute now: the same journal, day and sizes, and no commit to the
journal since the helper began reading (relj.db.fingerprint). Otherwise the list computes it
itself, as it does on every later reload. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relj import launch

if TYPE_CHECKING:
    from relj.helper_process import Helper
    from relj.reconnect import Entry
    from relj.reconnect_rank import Ranking

log = logging.getLogger(__name__)

#: The home view ranks this many people in full (the rest are counted, not drawn)...
LIMIT = 200
#: ...and builds the entries of this many rows on its first load: more than a tall window shows.
ROWS = 24


class Home:
    """What the Reconnect list shows first: the entries of its first rows, how many people it ranks,
    and the ranking itself, kept pickled until it is first asked for (after the window is painted:
    for the rows after the first, a person to select, or the whole list)."""

    __slots__ = ("path", "day", "limit", "rows", "total", "shown", "fingerprint", "_blob", "_ranking")

    def __init__(self, path: str, day: dt.date, limit: int, ranking: Ranking, rows: tuple[Entry, ...],
                 fingerprint: tuple[object, ...]) -> None:
        import pickle

        self.path, self.day, self.limit, self.rows = path, day, limit, rows
        self.total, self.shown = ranking.total, len(ranking.shown)
        #: relj.db.fingerprint of the journal, the same before and after the helper read it.
        self.fingerprint = fingerprint
        self._blob: bytes | None = pickle.dumps(ranking, protocol=pickle.HIGHEST_PROTOCOL)
        self._ranking: Ranking | None = None

    @property
    def ranking(self) -> Ranking:
        if self._ranking is None:
            import pickle

            assert self._blob is not None
            self._ranking, self._blob = pickle.loads(self._blob), None
        return self._ranking

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "day": self.day, "limit": self.limit, "rows": self.rows, "total": self.total,
                "shown": self.shown, "fingerprint": self.fingerprint, "_blob": self._blob}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self._ranking = None


@dataclass
class _Pending:
    helper: Helper[Home | None]
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


#: The first argument that makes `relj` (a frozen app) the helper: relj.launch hands it to main().
HELPER_ARG = launch.HOME_HELPER_ARG


def helper_argv(path: Path, day: dt.date, limit: int, rows: int) -> list[str] | None:
    """The command of a helper process: this Python (or this frozen app, when it is a folder: a
    one-file app would unpack itself again, so that forks instead); None to fork."""
    args = [str(path), day.isoformat(), str(limit), str(rows)]
    if not getattr(sys, "frozen", False):
        return [sys.executable, "-c", "from relj.home_prefetch import main; main()", *args]
    if Path(sys.executable).with_name("_internal").is_dir():
        return [sys.executable, HELPER_ARG, *args]
    return None


def main(argv: list[str] | None = None) -> None:
    """The helper process: compute the home view and write it, pickled, on standard output."""
    import pickle

    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == HELPER_ARG:
        args = args[1:]
    try:
        path, day, limit, rows = Path(args[0]), dt.date.fromisoformat(args[1]), int(args[2]), int(args[3])
    except (IndexError, ValueError):
        print(f"relj: error: {HELPER_ARG} is for relj itself (JOURNAL YYYY-MM-DD LIMIT ROWS)", file=sys.stderr)
        raise SystemExit(2) from None
    home = compute(path, day, limit, rows)
    sys.stdout.buffer.write(pickle.dumps(home, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()


def start(path: Path, day: dt.date, limit: int = LIMIT, rows: int = ROWS) -> bool:
    """Start computing the home view of the journal at ``path`` in a helper; False if none can run.

    Call it as early as possible (relj.launch does, before the app is imported): a spawned helper
    starts a Python of its own, which takes about as long as this process takes to load Qt.
    """
    global _pending
    from relj.helper_process import Helper

    cancel()
    path = Path(path).resolve()
    if not path.is_file():
        return False
    argv = helper_argv(path, day, limit, rows)
    helper = Helper.spawn(argv) if argv is not None else None
    if helper is None:
        helper = Helper.fork(lambda: compute(path, day, limit, rows))
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
    home = pending.helper.result(timeout=5.0)
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
