"""Benchmark journals, generated with `relj demo` and cached in bench-cache/ between runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("RELJ_BENCH_CACHE", ROOT / "bench-cache"))
TODAY = "2026-11-24"  # fixed, so cached journals and results do not move with the calendar

SIZES = {
    "1k-100k": (1_000, 100_000),
    "10k-100k": (10_000, 100_000),
    "10k-1m": (10_000, 1_000_000),
}


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["RELJ_TODAY"] = TODAY
    e.setdefault("QT_QPA_PLATFORM", "offscreen")
    return e


def relj_cmd() -> list[str]:
    return [sys.executable, "-m", "relj"]


def journal(size: str, *, fresh: bool = False) -> tuple[Path, float | None]:
    """The cached journal of this size, and how long `relj demo` took to write it (seconds)."""
    people, interactions = SIZES[size]
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"journal-{size}.db"
    meta = path.with_suffix(".json")
    if fresh or not path.exists() or not meta.exists():
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), meta):
            if p.exists():
                p.unlink()
        t0 = time.perf_counter()
        subprocess.run(
            [*relj_cmd(), "--db", str(path), "demo", "--people", str(people), "--interactions", str(interactions),
             "--seed", "1"],
            check=True, env=env(), stdout=subprocess.DEVNULL,
        )
        meta.write_text(json.dumps({"seconds": time.perf_counter() - t0}))
    return path, json.loads(meta.read_text()).get("seconds")
