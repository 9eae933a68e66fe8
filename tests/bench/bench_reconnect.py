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

from relj.store import Store

TODAY = dt.date(2025, 11, 20)
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


def time_reconnect(store: Store, repeats: int = 15) -> tuple[float, int]:
    from relj.reconnect import compute

    compute(store, TODAY)  # warm the page cache
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        entries = compute(store, TODAY)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), len(entries)


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
        ms, flagged = time_reconnect(store, args.repeats)
        store.close()
        results[size] = ms
        print(f"{PEOPLE} people, {size:>9,} interactions: reconnect {ms:7.1f} ms median "
              f"({flagged} flagged; journal ready in {built:.1f} s)")
    ratio = results[SIZES[1]] / results[SIZES[0]]
    print(f"ratio 1M/100k: {ratio:.2f} (target <= 1.5); 1M: {results[SIZES[1]]:.1f} ms (target < 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
