"""Benchmarks of sources (issue 17): a sync of an unchanged source, and a grown mbox against its new part alone.

Both in process, on the mbox benchmark's journal (2,000 people) and mailbox (100,000 messages;
20,000 with --quick): the interpreter's start would otherwise hide what is measured.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from tests.bench import journals

if TYPE_CHECKING:
    from tests.bench.__main__ import Row

NEW = 1_000


def _new_messages(path: Path, known: list[str]) -> bytes:
    """1,000 messages like the benchmark mailbox's, with Message-IDs it does not have."""
    from tests.bench.__main__ import _synthetic_mbox

    _synthetic_mbox(path, NEW, known)
    return path.read_bytes().replace(b"Message-ID: <m", b"Message-ID: <new-m")


def bench_sources(args: argparse.Namespace) -> list[Row]:
    from relj.interop.engine import ImportOptions, open_records, run_import
    from relj.ops import sources as source_ops
    from relj.sources.sync import sync_sources
    from relj.store import Store
    from tests.bench.__main__ import MBOX_PEOPLE, Row, _mbox_journal, _synthetic_mbox, median

    size = 20_000 if args.quick else 100_000
    repeats = 2 if args.quick else 3
    known = [f"friend.{i}@mail.example" for i in range(MBOX_PEOPLE)]
    big = journals.CACHE / f"mail-{size}.mbox"
    if not big.exists():
        journals.CACHE.mkdir(parents=True, exist_ok=True)
        _synthetic_mbox(big, size, known)
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        box = tmpd / "Inbox"
        shutil.copyfile(big, box)
        template = tmpd / "template.db"
        _mbox_journal(template, known)
        store = Store.open(template)
        source_ops.add_source(store, "mbox", box, {"create_people": True})
        t0 = time.perf_counter()
        [first] = sync_sources(store)
        first_s = time.perf_counter() - t0
        assert first.error is None and first.added[1] > 0, first
        # Unchanged: a stat, and the bookkeeping of a read that found nothing.
        unchanged_ms = []
        for _ in range(20):
            t0 = time.perf_counter()
            [again] = sync_sources(store)
            unchanged_ms.append((time.perf_counter() - t0) * 1000)
            assert again.added == (0, 0)
        store.close()
        new_file = tmpd / "new.mbox"
        new_file.write_bytes(_new_messages(tmpd / "gen.mbox", known))
        sync_s, alone_s = [], []
        for k in range(repeats):  # interleaved, so a busy moment hurts both alike
            db = tmpd / f"grow-{k}.db"
            shutil.copyfile(template, db)
            store = Store.open(db)
            with box.open("ab") as fh:
                fh.write(new_file.read_bytes())
            t0 = time.perf_counter()
            [grown] = sync_sources(store)
            sync_s.append(time.perf_counter() - t0)
            assert grown.error is None and grown.added[1] > 0, grown
            store.close()
            with box.open("r+b") as fh:  # back to the mailbox the template read
                fh.truncate(big.stat().st_size)

            db = tmpd / f"alone-{k}.db"
            shutil.copyfile(template, db)
            store = Store.open(db)
            options = ImportOptions(fmt="mbox", file_name=new_file.name, create_people=True, skip_bad=True)
            t0 = time.perf_counter()
            summary = run_import(store, open_records("mbox", new_file, store), options)
            alone_s.append(time.perf_counter() - t0)
            assert summary.interactions_added == grown.added[1], (summary.interactions_added, grown.added)
            store.close()
    ratio = median(sync_s) / median(alone_s)
    return [
        Row(f"first sync of a {size:,}-message mbox source (a whole read)", f"{size / first_s:,.0f} msg/s",
            "", "", "", None),
        Row("sync of an unchanged source (a stat)", f"{median(unchanged_ms):.1f} ms", "", "", "<= 20 ms",
            median(unchanged_ms) <= 20),
        Row(f"append {NEW:,} messages to a {size:,}-message mbox and sync", f"{median(sync_s) * 1000:.0f} ms",
            f"{median(alone_s) * 1000:.0f} ms importing those {NEW:,} alone", f"{ratio:.2f}x", "<= 3x", ratio <= 3),
    ]
