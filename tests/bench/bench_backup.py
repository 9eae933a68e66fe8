"""Benchmark: `relj backup create` against a bare SQLite backup API call on the same journal.

Not collected by pytest (bench_*.py). Run it by hand:

    .venv/bin/python tests/bench/bench_backup.py [--journal PATH] [--people N] [--interactions N]

With no --journal it builds one with `relj demo --people 10000 --interactions 1000000` when the demo
generator exists, else with a small generator of its own. It prints the time of each step and the
ratios against the bare backup (targets: <= 1.5x plain, <= 2.5x encrypted).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

WORDS = ["coffee", "lunch", "walk", "call", "catch-up", "birthday", "climbing", "dinner", "project", "book", "film", "museum", "garden", "train", "trip", "wedding", "party", "tennis", "chess", "board-games", "recipe", "concert", "hike", "swim", "run", "review"]


def make_journal(path: Path, people: int, interactions: int, seed: int = 7) -> None:
    """Write a large journal: the demo generator if present, else plain bulk SQL."""
    try:
        from relj.demo import build_demo
    except ImportError:
        build_demo = None  # type: ignore[assignment]
    from relj.store import Store

    store = Store.open(path)
    try:
        if build_demo is not None:
            build_demo(store, people=people, interactions=interactions, seed=seed)
            return
        rng = random.Random(seed)
        now = "2024-01-01T00:00:00+00:00"
        conn = store.conn
        with store.atomic():
            conn.executemany(
                "INSERT INTO person(id, display_name, notes, circle, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                [(i, f"Person {i}", " ".join(rng.choices(WORDS, k=8)), rng.choice([None, "close", "friends"]),
                  now, now) for i in range(1, people + 1)],
            )
            start = dt.date(2010, 1, 1)
            batch_i: list[tuple[object, ...]] = []
            batch_p: list[tuple[object, ...]] = []
            channels = [("in-person", "together"), ("video", "voice"), ("phone", "voice"), ("text", "written"),
                        ("email", "written")]
            for iid in range(1, interactions + 1):
                day = (start + dt.timedelta(days=rng.randrange(5000))).isoformat()
                ch, mode = rng.choice(channels)
                note = " ".join(rng.choices(WORDS, k=rng.randrange(0, 12)))
                batch_i.append((iid, day, ch, note, now, now))
                batch_p.append((iid, rng.randrange(1, people + 1), day, mode, "done"))
                if len(batch_i) >= 50_000:
                    conn.executemany("INSERT INTO interaction(id, occurred_on, channel, note, created_at, updated_at)"
                                     " VALUES (?, ?, ?, ?, ?, ?)", batch_i)
                    conn.executemany("INSERT INTO participant VALUES (?, ?, ?, ?, ?)", batch_p)
                    batch_i, batch_p = [], []
            if batch_i:
                conn.executemany("INSERT INTO interaction(id, occurred_on, channel, note, created_at, updated_at)"
                                 " VALUES (?, ?, ?, ?, ?, ?)", batch_i)
                conn.executemany("INSERT INTO participant VALUES (?, ?, ?, ?, ?)", batch_p)
            store.reindex_all()
    finally:
        store.close()


def bare_backup(src: Path, dest: Path) -> None:
    """What any program would do: the SQLite backup API into a new file."""
    if dest.exists():
        dest.unlink()
    s = sqlite3.connect(str(src))
    d = sqlite3.connect(str(dest))
    try:
        s.backup(d)
    finally:
        d.close()
        s.close()


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--journal", type=Path, default=None)
    ap.add_argument("--people", type=int, default=10_000)
    ap.add_argument("--interactions", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from relj import backup

    with tempfile.TemporaryDirectory(prefix="relj-bench-") as tmp:
        work = Path(tmp)
        journal = args.journal
        if journal is None:
            journal = work / "journal.db"
            t0 = time.perf_counter()
            make_journal(journal, args.people, args.interactions)
            print(f"built journal: {args.people} people, {args.interactions} interactions "
                  f"in {time.perf_counter() - t0:.1f} s")
        size = journal.stat().st_size
        print(f"journal: {journal} ({size / 1e6:.1f} MB)")
        os.environ["RELJ_BACKUP_PASSPHRASE"] = "correct horse battery staple"

        passphrase = os.environ["RELJ_BACKUP_PASSPHRASE"]
        steps = {
            "bare": lambda: bare_backup(journal, work / "bare.db"),
            "plain": lambda: backup.create_backup(journal, work / "plain.reljbak"),
            "encrypted": lambda: backup.create_backup(journal, work / "enc.reljbak", passphrase=passphrase),
        }
        # Interleaved, so that a busy machine slows every step alike; medians of each.
        times: dict[str, list[float]] = {k: [] for k in steps}
        for _ in range(args.repeat):
            for name, fn in steps.items():
                times[name].append(timed(fn, 1))
        bare, plain, enc = (statistics.median(times[k]) for k in steps)
        verify = timed(lambda: backup.verify_backup(work / "plain.reljbak"), 1)
        print(f"bare sqlite3 backup API : {bare:7.3f} s")
        print(f"backup create (plain)   : {plain:7.3f} s   ratio {plain / bare:.2f}x  (target <= 1.5x)")
        print(f"backup create --encrypt : {enc:7.3f} s   ratio {enc / bare:.2f}x  (target <= 2.5x)")
        print(f"backup verify (plain, with integrity_check): {verify:7.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
