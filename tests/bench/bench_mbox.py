"""Benchmark: import a synthetic mbox of 100,000 messages through the CLI.

Run: ``.venv/bin/python tests/bench/bench_mbox.py [--messages N] [--keep DIR]``. Not collected by
pytest (the file is named bench_*.py). Writes an mbox (streamed, never held in memory), a journal
of 2,000 people, then runs ``relj import mbox`` twice in a child process (the second run is the
idempotent re-import) and prints messages/s and the child's peak RSS. Targets: about a minute for
100,000 messages, and a peak RSS that does not grow with the mbox (compare --messages 10000).
"""

from __future__ import annotations

import argparse
import email.utils
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from relj.store import Store

PEOPLE = 2_000
ME = "me@example.org"


def addresses(n: int) -> list[str]:
    return [f"person{i}@example.net" for i in range(n)]


def name(address: str) -> str:
    """A display name per address, RFC 2047-encoded now and then, as mail clients write them."""
    local = address.split("@")[0]
    return f"=?utf-8?q?Zo=C3=A9_{local}?=" if local.endswith("7") else local.title()


def messages(count: int, known: list[str], seed: int = 7) -> Iterator[bytes]:
    """Messages as a mail client stores them: some mine, some theirs, some lists, some strangers."""
    rnd = random.Random(seed)
    start = 1_600_000_000
    body = b"Hello,\n\n" + b"Some text of a realistic length for a personal message.\n" * 20 + b"\nBye\n"
    for n in range(count):
        when = start + n * 600
        other = rnd.choice(known) if rnd.random() < 0.8 else f"stranger{rnd.randrange(20_000)}@example.com"
        friend = rnd.choice(known)
        cc = f"\nCc: {friend.split('@')[0].title()} <{friend}>" if rnd.random() < 0.2 else ""
        sender, to = (ME, other) if rnd.random() < 0.5 else (other, ME)
        listing = "\nList-Id: <news.example.com>" if rnd.random() < 0.05 else ""
        date = email.utils.formatdate(when)
        head = (f"From {sender} {time.asctime(time.gmtime(when))}\n"
                f"From: {name(sender)} <{sender}>\nTo: {name(to)} <{to}>{cc}\n"
                f"Subject: Message number {n}\nDate: {date}\nMessage-ID: <msg{n}@bench.example>{listing}\n"
                "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n")
        yield head.encode() + body + b"\n"


def run(db: Path, mbox: Path, extra: list[str]) -> tuple[float, int, str]:
    """One import in a child process: seconds, peak RSS in KiB, and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "relj", "--db", str(db), "import", "mbox", str(mbox), *extra],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before), done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=None, help="Write the files here and keep them.")
    parser.add_argument("--create-people", action="store_true",
                        help="Import with --create-people --min-messages 2 (two passes over the file).")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="relj-bench-mbox-"))
    folder.mkdir(parents=True, exist_ok=True)
    mbox, db = folder / "bench.mbox", folder / "journal.db"
    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)
    known = addresses(PEOPLE)
    t0 = time.perf_counter()
    with mbox.open("wb") as fh:
        for chunk in messages(args.messages, known):
            fh.write(chunk)
    print(f"wrote {args.messages:,} messages ({mbox.stat().st_size / 2**20:.0f} MiB) in {time.perf_counter() - t0:.1f} s")
    store = Store.open(db)
    store.update_owner(add_emails=[ME], region="GB")
    store.add_people_bulk((f"Person {i}", [a]) for i, a in enumerate(known))
    store.close()
    extra = ["--create-people", "--min-messages", "2"] if args.create_people else []
    for label in ("first import", "re-import"):
        seconds, peak, out = run(db, mbox, extra)
        print(f"{label}: {seconds:.1f} s, {args.messages / seconds:,.0f} messages/s, peak RSS {peak / 1024:.0f} MiB")
        print("  " + "\n  ".join(out.strip().splitlines()[:3]))


if __name__ == "__main__":
    main()
