"""Benchmark: reconnect on 10,000 people with 100,000 and 1,000,000 interactions.

Run: ``.venv/bin/python tests/bench/bench_reconnect.py [--keep DIR]``. Not collected by pytest
(the file is named bench_*.py). Prints the median query time of repeated runs for both sizes and
their ratio; the targets are < 50 ms at 1M and a ratio <= 1.5.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from relj.clock import today
from relj.store import Store

#: The demo journal is dated relative to today (RELJ_TODAY), so the benchmark asks as of today.
TODAY = today()
PEOPLE = 10_000
SIZES = (100_000, 1_000_000)
CIRCLES = ("family", "close", "friends", "colleagues", "clients", "acquaintances", None, None, "unsorted")
CHANNELS = ("in-person", "video", "phone", "text", "email", "email", "text", "letter", "social")
MODE = {"in-person": "together", "video": "voice", "phone": "voice"}


def _bulk(store: Store, people: int, interactions: int, seed: int) -> None:
    """Fallback generator: raw bulk inserts, a few seconds for a million interactions."""
    rnd = random.Random(seed)
    now = "2025-01-01T00:00:00+00:00"
    conn = store.conn
    with store.atomic():
        conn.executemany(
            "INSERT INTO person(id, display_name, circle, tracked, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            [(pid, f"Person {pid}", c, int(c != "unsorted"), now, now)
             for pid in range(1, people + 1) for c in [rnd.choice(CIRCLES)]],
        )
        # Some people are seen often, most rarely: a skewed weight per person.
        weights = [rnd.paretovariate(1.2) for _ in range(people)]
        owners = rnd.choices(range(1, people + 1), weights=weights, k=interactions)
        start = TODAY - dt.timedelta(days=6 * 365)
        span = (TODAY - start).days + 30
        rows, parts = [], []
        for iid, pid in enumerate(owners, 1):
            channel = rnd.choice(CHANNELS)
            day = (start + dt.timedelta(days=rnd.randrange(span))).isoformat()
            status = "planned" if day > TODAY.isoformat() else ("cancelled" if rnd.random() < 0.02 else "done")
            rows.append((iid, day, channel, status, now, now))
            who = {pid}
            if rnd.random() < 0.1:
                who.update(rnd.sample(range(1, people + 1), rnd.randint(1, 4)))
            parts.extend((iid, p, day, MODE.get(channel, "written"), status) for p in who)
        conn.executemany(
            "INSERT INTO interaction(id, occurred_on, channel, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO participant(interaction_id, person_id, occurred_on, mode, status) VALUES (?, ?, ?, ?, ?)",
            parts,
        )
    conn.execute("ANALYZE")


def build(path: Path, people: int, interactions: int, seed: int = 7) -> Store:
    store = Store.open(path)
    if store.is_empty():
        try:
            from relj.demo import build_demo  # type: ignore[import-not-found]
        except ImportError:
            _bulk(store, people, interactions, seed)
        else:
            build_demo(store, people=people, interactions=interactions, seed=seed)
            store.conn.execute("ANALYZE")
    return store


def _median_ms(fn, repeats: int) -> float:
    fn()  # warm the page cache
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def time_reconnect(store: Store, repeats: int = 15) -> dict[str, float]:
    """Median milliseconds of: the SQL alone, the home view (top 200) and the whole list."""
    from relj import reconnect as rc
    from relj.store import reconnect as q

    circles = rc.circle_cadences(store.get_setting(rc.SETTING_KEY))
    th = rc.thresholds(circles)
    flagged = len(rc.compute(store, TODAY))
    return {
        "flagged": flagged,
        "summary_query": _median_ms(lambda: q.rank_rows(store, TODAY, th), repeats),
        "top_200": _median_ms(lambda: rc.compute(store, TODAY, limit=200), repeats),
        "all": _median_ms(lambda: rc.compute(store, TODAY), max(3, repeats // 3)),
        "as_of_a_year_ago": _median_ms(lambda: rc.compute(store, TODAY - dt.timedelta(days=365), limit=200),
                                       max(3, repeats // 3)),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--keep", type=Path, default=None, help="Keep (and reuse) the journals in this directory.")
    ap.add_argument("--repeats", type=int, default=15)
    args = ap.parse_args(argv)
    directory = args.keep or Path(tempfile.mkdtemp(prefix="relj-bench-"))
    directory.mkdir(parents=True, exist_ok=True)
    results = {}
    for size in SIZES:
        t0 = time.perf_counter()
        store = build(directory / f"reconnect-{PEOPLE}-{size}.db", PEOPLE, size)
        built = time.perf_counter() - t0
        r = time_reconnect(store, args.repeats)
        store.close()
        results[size] = r
        print(f"{PEOPLE} people, {size:>9,} interactions ({int(r['flagged'])} flagged; ready in {built:.1f} s): "
              f"summary query {r['summary_query']:.1f} ms, home view (top 200) {r['top_200']:.1f} ms, "
              f"whole list {r['all']:.1f} ms, as of a year ago (top 200) {r['as_of_a_year_ago']:.1f} ms")
    small, large = results[SIZES[0]], results[SIZES[1]]
    for key in ("summary_query", "top_200", "all"):
        print(f"{key}: 1M/100k ratio {large[key] / small[key]:.2f} (target <= 1.5); at 1M {large[key]:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
