"""relj's benchmark suite: `./dev bench` (or `python -m tests.bench`). Not part of the test run.

Every figure is a median of repeated runs and, where there is one, a ratio to a bare baseline
measured in the same run, because these machines are noisy. Journals are generated with
`relj demo` and cached in bench-cache/. The table is printed and written to
bench-cache/results.md (the README shows the latest one).

    python -m tests.bench                 # everything
    python -m tests.bench --only start,reconnect
    python -m tests.bench --quick         # smaller inputs, fewer repeats: a smoke run
    python -m tests.bench --fresh         # regenerate the cached journals (times `relj demo`)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.bench import journals

ROOT = journals.ROOT
TODAY = dt.date.fromisoformat(journals.TODAY)


@dataclass
class Row:
    what: str
    measured: str
    baseline: str
    ratio: str
    target: str
    ok: bool | None  # None: informational


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def run_child(cmd: list[str], *, env: dict[str, str] | None = None, peak: bool = False) -> tuple[str, float, int]:
    """Run a command; return its stdout, wall seconds and, with ``peak``, its peak RSS (kB), else 0.

    The peak is measured by tests/bench/peak.py, a small process between this one and the
    command: measured from here, it would count this process's own memory (see peak.py). That
    adds the small process's start (about 20 ms) to the wall time.
    """
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "peak"
        run = [sys.executable, str(Path(__file__).with_name("peak.py")), str(report), *cmd] if peak else cmd
        t0 = time.perf_counter()
        proc = subprocess.run(run, capture_output=True, env=env or journals.env(), check=False)
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            err = proc.stderr.decode(errors="replace")
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err.strip()[-400:]}")
        kb = int(report.read_text()) if peak else 0
    return proc.stdout.decode(), wall, kb


# -- benchmarks ----------------------------------------------------------------------------

def bench_demo(args: argparse.Namespace) -> list[Row]:
    _, seconds = journals.journal("10k-1m", fresh=args.fresh)
    if seconds is None:
        return [Row("`relj demo` 10k people / 1M interactions", "n/a", "", "", "< 60 s", None)]
    return [Row("`relj demo --people 10000 --interactions 1000000`", f"{seconds:.1f} s", "", "",
                "< 60 s", seconds < 60)]


def _installed_env() -> dict[str, str]:
    """The environment of an installed app: bytecode compiled once and reused.

    pip and the PyInstaller bundle ship relj compiled; a checkout run with
    PYTHONDONTWRITEBYTECODE would compile every module on every start (~50 ms), which no user
    pays. The bytecode goes to bench-cache/pycache, not into the source tree.
    """
    e = journals.env()
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    e["PYTHONPYCACHEPREFIX"] = str(journals.CACHE / "pycache")
    return e


def _until_first_line(cmd: list[str], env: dict[str, str]) -> float:
    """Milliseconds from spawning ``cmd`` to its first line on stdout (its first paint).

    Measured by the parent: the child's own figure counts from its start time in /proc, which
    has a resolution of 10 ms (clock ticks), too coarse for a ratio near 2.
    """
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    ms = (time.perf_counter() - t0) * 1000
    proc.stdout.read()
    if proc.wait() != 0 or not line.strip().isdigit():
        raise RuntimeError(f"{' '.join(cmd)} failed")
    return ms


def bench_start(args: argparse.Namespace) -> list[Row]:
    db, _ = journals.journal("10k-1m")
    repeats = 5 if args.quick else 15
    relj_ms, bare_ms, rss = [], [], []
    relj = [*journals.relj_cmd(), "--db", str(db), "gui", "--exit-after-load"]
    bare = [sys.executable, str(Path(__file__).with_name("bare_window.py"))]
    env = _installed_env()
    run_child(relj, env=env)  # warm the page cache once for both, and compile
    run_child(bare, env=env)
    for _ in range(repeats):
        relj_ms.append(_until_first_line(relj, env))
        bare_ms.append(_until_first_line(bare, env))
    for _ in range(3):  # apart from the timed runs, which a process in between would slow
        rss.append(run_child(relj, env=env, peak=True)[2] / 1024)
    ratio = median(relj_ms) / median(bare_ms)
    return [
        Row("GUI cold start to first paint with data (10k/1M)", f"{median(relj_ms):.0f} ms",
            f"{median(bare_ms):.0f} ms bare window", f"{ratio:.2f}x", "<= 2x (goal 1.5x)", ratio <= 2.0),
        Row("GUI memory (max RSS) after load", f"{median(rss):.0f} MB", "", "", "<= 250 MB", median(rss) <= 250),
    ]


def _timed(fn: Callable[[], object], repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def bench_reconnect(args: argparse.Namespace) -> list[Row]:
    """Reconnect as the home view runs it: rank everyone who needs attention and build the reasons,
    openers and group ideas of the 200 shown (``compute_with_total(limit=200)``). The query row is
    the SQL alone (one pass over the contact summary); the whole list (``reconnect --json``) is
    informational."""
    from relj import reconnect
    from relj.store import Store
    from relj.store import plans as plan_store
    from relj.store import reconnect as reconnect_store

    repeats = 5 if args.quick else 11
    home, whole, query_ms, loop_ms = {}, {}, {}, {}
    flagged = 0
    for size in ("10k-100k", "10k-1m"):
        db, _ = journals.journal(size)
        store = Store.open(db)
        reconnect.compute(store, TODAY)  # warm caches
        home[size] = median(_timed(lambda s=store: reconnect.compute_with_total(s, TODAY, limit=200), repeats))
        whole[size] = median(_timed(lambda s=store: reconnect.compute(s, TODAY), max(3, repeats // 2)))
        flagged = reconnect.compute_with_total(store, TODAY, limit=1)[1]
        circles = reconnect.circle_cadences(store.get_setting(reconnect.SETTING_KEY))
        th = reconnect.thresholds(circles)
        query_ms[size] = median(_timed(lambda s=store, t=th: reconnect_store.rank_rows(s, TODAY, t), repeats))
        # The loop's signals (plan-passed, one-sided) and keys (talking_points, prefers) for the
        # whole list, as entries() reads them: included in the figures above, shown on their own.
        ranked = reconnect.ranking(store, TODAY)
        shown = {a.summary.person_id: a.summary.last_rich for a in ranked.shown}
        recent = {pid: d.recent_ids for pid, d in reconnect_store.contact_details(store, ranked.day, shown).items()}
        loop_ms[size] = median(_timed(lambda s=store, r=recent, i=list(shown): plan_store.loop_details(s, TODAY, i, r),
                                      repeats))
        store.close()
    ratio = home["10k-1m"] / home["10k-100k"]
    return [
        Row("reconnect query (10k people / 1M)", f"{query_ms['10k-1m']:.1f} ms",
            f"{query_ms['10k-100k']:.1f} ms at 100k", f"{query_ms['10k-1m'] / query_ms['10k-100k']:.2f}x",
            "<= 50 ms", query_ms["10k-1m"] <= 50),
        Row(f"reconnect computation: rank all {flagged:,} flagged, reasons for the top 200 (10k / 1M)",
            f"{home['10k-1m']:.1f} ms", f"{home['10k-100k']:.1f} ms at 100k", f"{ratio:.2f}x",
            "<= 50 ms and <= 1.5x of 100k", home["10k-1m"] <= 50 and ratio <= 1.5),
        Row("reconnect, whole list with reasons (`reconnect --json`, 10k / 1M)", f"{whole['10k-1m']:.1f} ms",
            f"{whole['10k-100k']:.1f} ms at 100k", f"{whole['10k-1m'] / whole['10k-100k']:.2f}x", "", None),
        Row("reconnect's loop signals and keys, whole list (10k / 1M)", f"{loop_ms['10k-1m']:.1f} ms",
            f"{whole['10k-1m']:.1f} ms the whole list", f"{loop_ms['10k-1m'] / whole['10k-1m']:.2f}x",
            "<= 0.25x of the whole list", loop_ms["10k-1m"] <= 0.25 * whole["10k-1m"]),
    ]


def _relj_script() -> list[str]:
    """The `relj` console script of this environment (what a user types), else `python -m relj`."""
    script = Path(sys.executable).with_name("relj")
    return [str(script)] if script.exists() else journals.relj_cmd()


def _wall_ms(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
    ms = (time.perf_counter() - t0) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode().strip()[-400:]}")
    return ms


def bench_cli(args: argparse.Namespace) -> list[Row]:
    """The command line's start-up, from spawning to exit, against a bare interpreter and a bare
    `import click` timed in the same interleaved rounds (so a busy moment hurts all alike)."""
    db, _ = journals.journal("10k-1m")
    env = _installed_env()
    relj = [*_relj_script(), "--db", str(db)]
    cmds = {
        "bare": [sys.executable, "-c", "pass"],
        "click": [sys.executable, "-c", "import click"],
        "version": [*_relj_script(), "--version"],
        "top20": [*relj, "reconnect", "--json", "--limit", "20"],
        "whole": [*relj, "reconnect", "--json"],
    }
    for cmd in cmds.values():  # compile and warm the page cache once
        _wall_ms(cmd, env)
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(5 if args.quick else 15):
        for name, cmd in cmds.items():
            times[name].append(_wall_ms(cmd, env))
    m = {k: median(v) for k, v in times.items()}
    above = {k: m[k] - m["bare"] for k in ("top20", "whole")}
    return [
        Row("`relj --version`", f"{m['version']:.0f} ms", f"{m['click']:.0f} ms `python -c 'import click'`",
            f"{m['version'] / m['click']:.2f}x", "<= 1.5x", m["version"] / m["click"] <= 1.5),
        Row("`relj reconnect --json --limit 20` (10k / 1M), above interpreter start", f"{above['top20']:.0f} ms",
            f"{m['bare']:.0f} ms bare `python -c pass`", f"{m['top20'] / m['bare']:.2f}x", "<= 150 ms",
            above["top20"] <= 150),
        Row("`relj reconnect --json`, the whole list (10k / 1M), above interpreter start", f"{above['whole']:.0f} ms",
            f"{m['bare']:.0f} ms bare `python -c pass`", f"{m['whole'] / m['bare']:.2f}x", "<= 300 ms",
            above["whole"] <= 300),
    ]


def _qt_journal(size: str):  # type: ignore[no-untyped-def]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["RELJ_TODAY"] = journals.TODAY
    from PySide6.QtWidgets import QApplication

    from relj.store import Store
    from relj.ui.journal import Journal

    app = QApplication.instance() or QApplication([])
    db, _ = journals.journal(size)
    return app, Journal(Store.open(db))


def _settled(app):  # type: ignore[no-untyped-def]
    """As the app does after its first paint (relj.ui.app.settle_heap): the start-up heap is parked."""
    from relj.ui.app import settle_heap

    app.processEvents()
    settle_heap()


def _people_table():  # type: ignore[no-untyped-def]
    """The People view as the app shows it (its delegates, header and filters) on the 10k/1M journal."""
    app, journal = _qt_journal("10k-1m")
    app.setStyle("Fusion")  # as relj.ui.app does

    from relj.ui.people_view import PeopleView

    people = PeopleView(journal)
    people.resize(1100, 700)
    people.show()
    _settled(app)
    return app, people


def bench_views(args: argparse.Namespace) -> list[Row]:
    """Switching views in the main window: the longest freeze a user can cause by navigating."""
    app, journal = _qt_journal("10k-1m")
    from relj.ui.main_window import MainWindow

    window = MainWindow(journal, restore_state=False)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    first: list[float] = []
    times: list[float] = []
    for rnd in range(4 if args.quick else 8):
        for view in (1, 2, 3, 0):
            t0 = time.perf_counter()
            window.show_view(view)
            window.repaint()
            (first if rnd == 0 else times).append((time.perf_counter() - t0) * 1000)
    pid = journal.store.conn.execute(
        "SELECT person_id FROM participant GROUP BY person_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    t0 = time.perf_counter()
    window.navigate_to_person(pid)
    window.repaint()
    person_ms = (time.perf_counter() - t0) * 1000
    worst = max(first + times + [person_ms])
    return [Row("switch views (Reconnect, People, Interests, Timeline, busiest person)",
                f"max {worst:.0f} ms", f"first visit max {max(first):.0f} ms", f"median {median(times):.1f} ms",
                "never blocks > 100 ms", worst <= 100)]


def bench_search(args: argparse.Namespace) -> list[Row]:
    """A keystroke in the People view's search box: filter (FTS), reset the model, and let the event
    loop paint what changed (the rows, the count, the box), as it does between two key presses."""
    app, people = _people_table()

    def forced_full_paint() -> None:
        people.repaint()  # the count, the box, the filters
        people.table.viewport().repaint()  # the rows (a scroll area's viewport is not repainted with its parent)

    words = ["alexandra", "mensah", "climbing", "mail.example", "müller", "ana garcía", "zo", "photography"]
    times, forced = [], []
    for word in words:
        for n in range(1, len(word) + 1):
            t0 = time.perf_counter()
            people.set_search_text(word[:n])  # what the debounce timer runs, without its 100 ms wait
            app.processEvents()  # the keystroke is done when its changes are painted
            times.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            people.set_search_text(word[:n] + " ")  # the same rows again, everything repainted
            forced_full_paint()
            forced.append((time.perf_counter() - t0) * 1000)
        people.set_search_text("")
        app.processEvents()
    # Baseline: the whole view painted with no query change at all.
    bare = _timed(forced_full_paint, 30)
    return [Row("search as you type over 10k people (per keystroke, p95)", f"{p95(times):.1f} ms",
                f"{median(bare):.1f} ms whole view repainted", f"median {median(times):.1f} ms; "
                f"p95 {p95(forced):.1f} ms with the whole view repainted", "p95 <= 16 ms", p95(times) <= 16)]


def bench_person(args: argparse.Namespace) -> list[Row]:
    app, journal = _qt_journal("10k-1m")
    from relj.ui.person_page import PersonPage

    store = journal.store
    pid, n = store.conn.execute(
        "SELECT person_id, count(*) AS n FROM participant GROUP BY person_id HAVING n >= 5000 ORDER BY n LIMIT 1"
    ).fetchone() or store.conn.execute(
        "SELECT person_id, count(*) AS n FROM participant GROUP BY person_id ORDER BY n DESC LIMIT 1").fetchone()
    other = store.conn.execute("SELECT min(id) FROM person WHERE id <> ?", [pid]).fetchone()[0]
    page = PersonPage(journal)
    page.resize(1100, 750)
    page.show()
    app.processEvents()
    times = []
    for _ in range(5 if args.quick else 11):
        page.show_person(other)
        app.processEvents()
        t0 = time.perf_counter()
        page.show_person(pid)
        page.repaint()
        times.append((time.perf_counter() - t0) * 1000)
    return [Row(f"open a person with {n:,} interactions (page + chart, painted)", f"{median(times):.1f} ms",
                "", "", "<= 50 ms", median(times) <= 50)]


def bench_scroll(args: argparse.Namespace) -> list[Row]:
    """Scroll the People table a page per frame, top to bottom, rows read as they come into view.

    Three passes, each from a fresh model (no row cached); a frame's figure is its median over the
    passes, so one preemption by another process does not count as a slow frame, a slow frame
    (a block read, a paint) does. The single worst frame of any pass is shown as well.
    """
    app, people = _people_table()
    view, model = people.table, people.model
    bar = view.verticalScrollBar()
    passes: list[list[float]] = []
    for _ in range(2 if args.quick else 3):
        model.reload()
        bar.setValue(0)
        app.processEvents()
        frames = []
        step = max(1, bar.pageStep())
        value = 0
        while value <= bar.maximum():
            t0 = time.perf_counter()
            bar.setValue(value)
            view.viewport().repaint()
            frames.append((time.perf_counter() - t0) * 1000)
            value += step
        passes.append(frames)
    per_frame = [median(list(f)) for f in zip(*passes, strict=True)]
    worst_single = max(max(f) for f in passes)
    return [Row(f"scroll the people table end to end ({model.rowCount():,} rows, {len(per_frame)} frames)",
                f"max {max(per_frame):.1f} ms", f"worst single frame {worst_single:.1f} ms",
                f"p95 {p95(per_frame):.1f} ms", "no frame over 16 ms", max(per_frame) <= 16)]


#: The mbox benchmark's journal: the owner and 2,000 people the mail is with.
MBOX_ME = "sam@rivera.example"
MBOX_PEOPLE = 2_000


def _mbox_name(address: str) -> str:
    """A display name per address, RFC 2047-encoded now and then, as mail clients write them."""
    local = address.split("@")[0]
    return f"=?utf-8?q?Zo=C3=A9_{local}?=" if local.endswith("7") else local.replace(".", " ").title()


def _synthetic_mbox(path: Path, n: int, known: list[str]) -> None:
    """Mail as a client stores it, streamed to disk: half mine, half theirs; one in five with a
    stranger, one in five with a Cc, one in twenty from a mailing list; bodies of a few lines."""
    import email.utils
    import random

    rng = random.Random(7)
    start = dt.datetime(TODAY.year - 3, TODAY.month, 1, tzinfo=dt.UTC).timestamp()
    body = b"Hello,\n\n" + b"Some text of a realistic length for a personal message.\n" * 20 + b"\nBye\n"
    tmp = path.with_suffix(".part")
    with open(tmp, "wb") as fh:
        for i in range(n):
            when = start + i * (3 * 365 * 86400 // n)
            other = rng.choice(known) if rng.random() < 0.8 else f"stranger{rng.randrange(20_000)}@example.com"
            friend = rng.choice(known)
            cc = f"\nCc: {_mbox_name(friend)} <{friend}>" if rng.random() < 0.2 else ""
            sender, to = (MBOX_ME, other) if rng.random() < 0.5 else (other, MBOX_ME)
            listing = "\nList-Id: <news.example.com>" if rng.random() < 0.05 else ""
            head = (f"From {sender} {time.asctime(time.gmtime(when))}\n"
                    f"From: {_mbox_name(sender)} <{sender}>\nTo: {_mbox_name(to)} <{to}>{cc}\n"
                    f"Subject: Re: catching up, part {i}\nDate: {email.utils.formatdate(when)}\n"
                    f"Message-ID: <m{i}.{rng.randrange(10**9)}@mail.example>{listing}\n"
                    "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n")
            fh.write(head.encode() + body + b"\n")
    tmp.replace(path)


def _mbox_journal(path: Path, known: list[str]) -> None:
    from relj.store import Store, bulk

    store = Store.open(path)
    store.update_owner(add_emails=[MBOX_ME])
    bulk.add_people(store, ((f"Friend {i}", [a]) for i, a in enumerate(known)))
    store.close()


BARE_MBOX = """
import mailbox, sys
from email.parser import BytesHeaderParser
p = BytesHeaderParser()
n = 0
for key, msg in mailbox.mbox(sys.argv[1], factory=None).iteritems():
    h = p.parsebytes(msg if isinstance(msg, bytes) else bytes(msg))
    h["from"], h["to"], h["cc"], h["date"], h["message-id"]
    n += 1
print(n)
"""


def bench_mbox(args: argparse.Namespace) -> list[Row]:
    """`relj import mbox --create-people` in a child process, against a bare `mailbox` + header parse
    of the same file, on a journal of 2,000 people; then the idempotent re-import; peak RSS by size."""
    import shutil

    sizes = [5_000, 20_000] if args.quick else [20_000, 100_000]
    repeats = 2 if args.quick else 3
    known = [f"friend.{i}@mail.example" for i in range(MBOX_PEOPLE)]
    rows = []
    rss = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        template = tmpd / "template.db"
        _mbox_journal(template, known)
        for n in sizes:
            box = journals.CACHE / f"mail-{n}.mbox"
            if not box.exists():
                journals.CACHE.mkdir(parents=True, exist_ok=True)
                _synthetic_mbox(box, n, known)
            bare_s, relj_s, again_s, kbs = [], [], [], []
            for k in range(repeats):  # interleaved, so a busy moment hurts both alike
                bare_s.append(run_child([sys.executable, "-c", BARE_MBOX, str(box)])[1])
                db = tmpd / f"import-{n}-{k}.db"
                shutil.copy(template, db)  # a closed journal, checkpointed: a plain copy is whole
                cmd = [*journals.relj_cmd(), "--db", str(db), "import", "mbox", str(box), "--create-people"]
                _, wall, kb = run_child(cmd, peak=True)
                relj_s.append(wall)
                kbs.append(kb)
                again_s.append(run_child(cmd)[1])
            rss[n] = median(kbs) / 1024
            ratio = median(bare_s) / median(relj_s)
            rows.append(Row(f"mbox import, {n:,} messages, 2,000 people (--create-people)",
                            f"{n / median(relj_s):,.0f} msg/s", f"{n / median(bare_s):,.0f} msg/s bare mailbox",
                            f"{ratio:.0%}", ">= 60% of bare", ratio >= 0.6))
        big = sizes[-1]
        rows.append(Row(f"mbox re-import, {big:,} messages (adds nothing)", f"{big / median(again_s):,.0f} msg/s",
                        "", "", "", None))
        # Memory: the journal's page cache (relj.db.CACHE_KIB) fills up over the first imports,
        # so flatness is judged past it, between the larger file and one twice its size.
        huge = 2 * big
        box = journals.CACHE / f"mail-{huge}.mbox"
        if not box.exists():
            _synthetic_mbox(box, huge, known)
        db = tmpd / f"import-{huge}.db"
        shutil.copy(template, db)
        cmd = [*journals.relj_cmd(), "--db", str(db), "import", "mbox", str(box), "--create-people"]
        rss[huge] = run_child(cmd, peak=True)[2] / 1024
    small, big = sizes
    growth = rss[huge] / rss[big]
    rows.append(Row("mbox import memory (max RSS)", f"{rss[huge]:.0f} MB at {huge:,}",
                    f"{rss[big]:.0f} MB at {big:,}, {rss[small]:.0f} MB at {small:,}",
                    f"{growth:.2f}x for 2x the file", "flat in file size (past the page cache)", growth <= 1.15))
    return rows


def bench_backup(args: argparse.Namespace) -> list[Row]:
    import sqlite3

    from relj.backup import create_backup

    db, _ = journals.journal("10k-1m")
    repeats = 3 if args.quick else 5
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)

        def bare() -> None:
            target = tmpd / "bare.db"
            if target.exists():
                target.unlink()
            src, dst = sqlite3.connect(db), sqlite3.connect(target)
            src.backup(dst)
            dst.close()
            src.close()

        def plain() -> None:
            target = tmpd / "plain.reljbackup"
            if target.exists():
                target.unlink()
            create_backup(db, target)

        def encrypted() -> None:
            target = tmpd / "enc.reljbackup"
            if target.exists():
                target.unlink()
            create_backup(db, target, passphrase="correct horse battery staple")

        # Interleaved rounds, so a burst of load from elsewhere hits all three alike.
        times: dict[str, list[float]] = {"bare": [], "plain": [], "enc": []}
        for _ in range(repeats):
            for name, fn in (("bare", bare), ("plain", plain), ("enc", encrypted)):
                times[name].extend(_timed(fn, 1))
        bare_ms, plain_ms, enc_ms = (median(times[k]) for k in ("bare", "plain", "enc"))
    return [
        Row("backup create (10k / 1M journal)", f"{plain_ms:.0f} ms", f"{bare_ms:.0f} ms SQLite backup API",
            f"{plain_ms / bare_ms:.2f}x", "<= 1.5x", plain_ms / bare_ms <= 1.5),
        Row("backup create, encrypted", f"{enc_ms:.0f} ms", f"{bare_ms:.0f} ms SQLite backup API",
            f"{enc_ms / bare_ms:.2f}x", "<= 2.5x", enc_ms / bare_ms <= 2.5),
    ]


BENCHES: dict[str, Callable[[argparse.Namespace], list[Row]]] = {
    "demo": bench_demo,
    "start": bench_start,
    "cli": bench_cli,
    "reconnect": bench_reconnect,
    "search": bench_search,
    "person": bench_person,
    "scroll": bench_scroll,
    "views": bench_views,
    "mbox": bench_mbox,
    "sources": lambda args: __import__("tests.bench.sources", fromlist=["bench_sources"]).bench_sources(args),
    "backup": bench_backup,
}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlite3

    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")


def table(rows: list[Row]) -> str:
    lines = ["| what | measured | baseline (same run) | ratio | target | verdict |", "|---|---|---|---|---|---|"]
    for r in rows:
        verdict = "info" if r.ok is None else ("ok" if r.ok else "**missed**")
        lines.append(f"| {r.what} | {r.measured} | {r.baseline} | {r.ratio} | {r.target} | {verdict} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated: " + ", ".join(BENCHES))
    parser.add_argument("--quick", action="store_true", help="smaller inputs and fewer repeats")
    parser.add_argument("--fresh", action="store_true", help="regenerate cached journals")
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or list(BENCHES)
    rows: list[Row] = []
    for name in names:
        print(f"bench: {name}...", file=sys.stderr, flush=True)
        try:
            rows.extend(BENCHES[name](args))
        except Exception as exc:  # noqa: BLE001 - one failing bench must not hide the others
            rows.append(Row(name, f"failed: {type(exc).__name__}: {str(exc)[:120]}", "", "", "", False))
    header = f"Machine: {machine()}. Date: {dt.date.today()}. Journals: `relj demo --seed 1`, today = {TODAY}."
    text = header + "\n\n" + table(rows) + "\n"
    print(text)
    journals.CACHE.mkdir(parents=True, exist_ok=True)
    (journals.CACHE / "results.md").write_text(text)
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
