"""Kill -9 at any moment of an import, a run of `relj log`, a backup, a restore or a migration
leaves a journal that passes `relj check`, with every committed interaction still there.

Each scenario runs the real command line in a child process and SIGKILLs it at a random moment,
many times. The default run does a few rounds of each (well under a minute); the `slow` test does
many more. The seed is fixed (so a run can be repeated); set RELJ_KILL_SEED to another number to
replay a failing run, or to "random" for a fresh seed (printed with each scenario).
"""

from __future__ import annotations

import email.utils
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from relj import backup, migrations
from relj import db as dbmod
from relj.store import Store

ROOT = Path(__file__).resolve().parent.parent
PASS = "kill test passphrase"
_SEED_TEXT = os.environ.get("RELJ_KILL_SEED", "").strip() or "20260615"
SEED = random.SystemRandom().randrange(1 << 30) if _SEED_TEXT == "random" else int(_SEED_TEXT)


def child_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"RELJ_LOG_DIR": str(tmp / "log"), "RELJ_BACKUP_PASSPHRASE": PASS, "PYTHONPATH": str(ROOT)})
    env.pop("RELJ_DB", None)
    return env


def relj(*args: str) -> list[str]:
    return [sys.executable, "-m", "relj", *args]


def run_killed(cmd: list[str], env: dict[str, str], after: float) -> tuple[str, bool]:
    """Start ``cmd``, SIGKILL it ``after`` seconds later. Returns (stdout so far, whether it was killed)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    try:
        proc.wait(timeout=after)
        killed = False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed = True
    out, err = proc.communicate()
    if not killed:
        assert proc.returncode == 0, err.decode()
    return out.decode(errors="replace"), killed


def duration(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return time.perf_counter() - t0


def assert_sound(path: Path) -> Store:
    """What `relj check` does: open (finishing an interrupted migration) and check. Caller closes."""
    s = Store.open(path, create=False)
    assert s.check() == [], f"journal unsound (seed {SEED})"
    return s


def export(path: Path) -> dict[str, object]:
    s = Store.open(path, create=False)
    try:
        return json.loads(json.dumps(s.export_data()))
    finally:
        s.close()


def fresh_copy(template: Path, target: Path) -> None:
    """Copy a closed journal (no WAL): safe, unlike a copy of a live one."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.copyfile(template, target)
    os.chmod(target, 0o600)


@pytest.fixture(scope="module")
def big_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed journal large enough that backups and migrations take a while."""
    from relj.demo import build_demo

    path = tmp_path_factory.mktemp("kill") / "template.db"
    s = Store.open(path)
    build_demo(s, people=600, interactions=30_000, seed=11)
    s.close()
    assert not Path(f"{path}-wal").exists()
    return path


# -- scenarios ---------------------------------------------------------------------------------
def scenario_log_loop(tmp: Path, rng: random.Random, rounds: int) -> None:
    """A stream of `relj log` commands: every "logged #N" printed is committed and must survive."""
    db = tmp / "log" / "journal.db"
    s = Store.open(db)
    pid = s.add_person("Ana Lima").id
    s.close()
    driver = (
        "import sys\n"
        "from relj.cli import main\n"
        "for i in range(100000):\n"
        f"    main(['--db', {str(db)!r}, 'log', 'text', '--with', '#{pid}', '--note', f'n{{i}}',"
        " '--date', '2024-01-01'], standalone_mode=False)\n"
    )
    env = child_env(tmp)
    committed: set[int] = set()
    for _ in range(rounds):
        out, killed = run_killed([sys.executable, "-c", driver], env, rng.uniform(0.2, 1.5))
        assert killed
        committed |= {int(m) for m in re.findall(r"logged #(\d+)", out)}
        s = assert_sound(db)
        have = {r[0] for r in s.conn.execute("SELECT id FROM interaction")}
        s.close()
        assert committed <= have, f"lost committed interactions {sorted(committed - have)[:5]} (seed {SEED})"
    assert committed, "the log loop never committed anything"


def scenario_import_json(tmp: Path, rng: random.Random, rounds: int, template: Path) -> None:
    """`relj import json` into an empty journal: all or nothing."""
    dump = tmp / "dump.json"
    if not dump.exists():
        from relj.interop import jsonio

        s = Store.open(template, create=False)
        doc = jsonio.build_document(s.export_data(), source="t", schema=dbmod.applied_migrations(s.conn))
        s.close()
        jsonio.write_private(dump, jsonio.dumps(doc))
    total = len(json.loads(dump.read_text())["interactions"])
    env = child_env(tmp)
    db = tmp / "import" / "journal.db"
    whole = duration(relj("--db", str(db), "import", "json", str(dump)), env)
    for _ in range(rounds):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        run_killed(relj("--db", str(db), "import", "json", str(dump)), env, rng.uniform(0.05, whole))
        if not db.exists():
            continue
        s = assert_sound(db)
        n = s.counts()["interaction"]
        s.close()
        assert n in (0, total), f"half an import: {n} of {total} (seed {SEED})"


def write_mbox(path: Path, count: int, known: list[str], me: str) -> None:
    rnd = random.Random(5)
    body = b"Hello,\n\n" + b"Some text of a realistic length for a personal message.\n" * 10 + b"\nBye\n"
    with path.open("wb") as fh:
        for n in range(count):
            when = 1_600_000_000 + n * 600
            other = rnd.choice(known)
            sender, to = (me, other) if n % 2 else (other, me)
            fh.write((f"From {sender} {time.asctime(time.gmtime(when))}\nFrom: <{sender}>\nTo: <{to}>\n"
                      f"Subject: Message {n}\nDate: {email.utils.formatdate(when)}\n"
                      f"Message-ID: <kill{n}@test.example>\n\n").encode() + body + b"\n")


def scenario_import_mbox(tmp: Path, rng: random.Random, rounds: int, messages: int) -> None:
    """`relj import mbox` killed at random; logged interactions from before it are never lost."""
    me = "me@example.org"
    known = [f"person{i}@example.net" for i in range(200)]
    mbox = tmp / "mail.mbox"
    write_mbox(mbox, messages, known, me)
    template = tmp / "mbox-template.db"
    s = Store.open(template)
    s.update_owner(add_emails=[me])
    ids = [s.add_person(f"Person {i}", emails=[a]).id for i, a in enumerate(known)]
    for i in range(50):
        s.log_interaction("in-person", [ids[i]], __import__("datetime").date(2023, 1, 1 + i % 28), note=f"pre {i}")
    s.close()
    db = tmp / "mbox" / "journal.db"
    env = child_env(tmp)
    fresh_copy(template, db)
    whole = duration(relj("--db", str(db), "import", "mbox", str(mbox)), env)
    s = assert_sound(db)
    full = s.counts()["interaction"]
    s.close()
    assert full > 50
    for _ in range(rounds):
        fresh_copy(template, db)
        run_killed(relj("--db", str(db), "import", "mbox", str(mbox)), env, rng.uniform(0.05, whole))
        s = assert_sound(db)
        notes = {r[0] for r in s.conn.execute("SELECT note FROM interaction WHERE note LIKE 'pre %'")}
        n = s.counts()["interaction"]
        s.close()
        assert notes == {f"pre {i}" for i in range(50)}, f"lost committed interactions (seed {SEED})"
        assert 50 <= n <= full
        # The interrupted import can be run again and completes what is missing.
        if n != full:
            subprocess.run(relj("--db", str(db), "import", "mbox", str(mbox)), env=env, cwd=ROOT, check=True,
                           capture_output=True)
            s = assert_sound(db)
            assert s.counts()["interaction"] == full
            s.close()


def scenario_backup(tmp: Path, rng: random.Random, rounds: int, template: Path, encrypt: bool) -> None:
    db = tmp / "backup" / "journal.db"
    fresh_copy(template, db)
    before = export(db)
    env = child_env(tmp)
    args = ["--db", str(db), "backup", "create", "--to", str(tmp / "out")] + (["--encrypt"] if encrypt else [])
    whole = duration(relj(*args), env)
    for _ in range(rounds):
        run_killed(relj(*args), env, rng.uniform(0.05, whole))
        assert_sound(db).close()
    assert export(db) == before
    # Every backup that appeared is whole; a killed one left no visible file.
    for f in (tmp / "out").glob("*.reljbak"):
        backup.verify_backup(f, passphrase=PASS if encrypt else None)
    # Scratch files of killed runs are cleaned up by the next backup (and by any start).
    subprocess.run(relj(*args), env=env, cwd=ROOT, check=True, capture_output=True)
    leftovers = [p for p in [*(tmp / "out").rglob("*"), *db.parent.rglob("*")] if not p.is_dir()
                 and not p.name.endswith(".reljbak") and p.name not in ("journal.db", "journal.db-wal", "journal.db-shm")]
    assert leftovers == [], f"leftovers {leftovers} (seed {SEED})"


def plaintext_left(top: Path, keep: tuple[Path, ...]) -> list[Path]:
    """Files under ``top`` (but ``keep``) that may hold a decrypted journal: any non-empty file.
    (The claims' empty lock files are the only other files relj leaves there while it runs.)"""
    return [p for p in top.rglob("*") if p.is_file() and not p.is_symlink() and p not in keep and p.stat().st_size]


def scenario_verify(tmp: Path, rng: random.Random, rounds: int, template: Path) -> None:
    """`relj backup verify` of an encrypted backup, killed at random: no decrypted file survives.
    On Linux almost never one exists even right after the kill (it has no name but for the instant
    SQLite opens it); none ever survives the next start's cleanup."""
    env = child_env(tmp)
    folder = tmp / "verify"
    db = folder / "journal.db"
    fresh_copy(template, db)
    source = tmp / "verify-out"
    subprocess.run(relj("--db", str(db), "backup", "create", "--encrypt", "--to", str(source)), env=env, cwd=ROOT,
                   check=True, capture_output=True)
    (bfile,) = source.glob("*.reljbak")
    keep = (db, Path(f"{db}-wal"), Path(f"{db}-shm"))
    args = relj("--db", str(db), "backup", "verify", str(bfile))
    whole = duration(args, env)
    named = 0
    for _ in range(rounds):
        run_killed(args, env, rng.uniform(0.05, whole))
        named += bool(plaintext_left(folder, keep))
        assert not [p for p in folder.iterdir() if p.name.startswith("relj-verify-")]
        subprocess.run(relj("--db", str(db), "check"), env=env, cwd=ROOT, check=True, capture_output=True)
        assert plaintext_left(folder, keep) == [], f"a decrypted journal survived a start (seed {SEED})"
    print(f"verify: {named} of {rounds} kills left a named plaintext until the next start")


def leave_live_wal(db: Path, env: dict[str, str]) -> None:
    """Commit a write and die without closing: the commit is only in the -wal file."""
    code = (
        "import os\n"
        "from relj.store import Store\n"
        f"s = Store.open({str(db)!r})\n"
        "s.conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "s.set_setting('wal-only', 1)\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True)
    assert Path(f"{db}-wal").stat().st_size > 0


def scenario_restore(tmp: Path, rng: random.Random, rounds: int, template: Path) -> None:
    """Restore B over A (whose last commit is still in its WAL), killed at random: the journal is
    then A or B, never a mix, and A's WAL is never applied to B."""
    env = child_env(tmp)
    small = tmp / "restore-a.db"
    if not small.exists():
        s = Store.open(small)
        a = s.add_person("Only in A")
        s.log_interaction("phone", [a.id], __import__("datetime").date(2024, 2, 2))
        s.close()
    bfile = tmp / "b.reljbak"
    if not bfile.exists():
        backup.create_backup(template, bfile)
    ref = tmp / "restore-ref" / "journal.db"
    fresh_copy(small, ref)
    leave_live_wal(ref, env)
    a_data = export(ref)
    b_data = export(template)
    assert a_data["settings"] == {"wal-only": 1} and "wal-only" not in b_data["settings"]  # type: ignore[operator]
    db = tmp / "restore" / "journal.db"
    fresh_copy(small, db)
    whole = duration(relj("--db", str(db), "backup", "restore", str(bfile)), env)
    for _ in range(rounds):
        fresh_copy(small, db)
        leave_live_wal(db, env)
        run_killed(relj("--db", str(db), "backup", "restore", str(bfile)), env, rng.uniform(0.05, whole))
        assert_sound(db).close()
        assert export(db) in (a_data, b_data), f"restore left a mix (seed {SEED})"


MIGRATION = "9001_kill_test"
MIGRATION_SQL = [
    "CREATE TABLE kill_test AS SELECT id, note || place AS t FROM interaction",
    "CREATE INDEX kill_test_t ON kill_test(t)",
    "UPDATE interaction SET updated_at = updated_at",
]


MIGRATION_TEXT = ";\n".join(MIGRATION_SQL) + ";\n"


def register_test_migration() -> None:
    migrations.STEPS = (*migrations.STEPS, migrations.Step(MIGRATION, MIGRATION_TEXT))


def unregister_test_migration() -> None:
    migrations.STEPS = tuple(s for s in migrations.STEPS if s.name != MIGRATION)


def scenario_migration(tmp: Path, rng: random.Random, rounds: int, template: Path) -> None:
    """A schema migration (with its pre-migration backup) killed at random."""
    db = tmp / "migrate" / "journal.db"
    driver = (
        "import sys\n"
        "from relj import db as dbmod, migrations\n"
        "from relj.store import Store\n"
        f"migrations.STEPS += (migrations.Step({MIGRATION!r}, {MIGRATION_TEXT!r}),)\n"
        f"Store.open({str(db)!r}, before_migrate=dbmod.pre_migration_backup).close()\n"
    )
    env = child_env(tmp)
    fresh_copy(template, db)
    interactions = export(db)["interactions"]
    whole = duration([sys.executable, "-c", driver], env)
    register_test_migration()
    try:
        for _ in range(rounds):
            fresh_copy(template, db)
            run_killed([sys.executable, "-c", driver], env, rng.uniform(0.05, whole))
            s = assert_sound(db)
            assert MIGRATION in dbmod.applied_migrations(s.conn)
            s.close()
            assert export(db)["interactions"] == interactions
    finally:
        unregister_test_migration()


# -- tests -------------------------------------------------------------------------------------
def _run(name: str, fn: Callable[[random.Random], None]) -> None:
    print(f"{name}: RELJ_KILL_SEED={SEED}")
    fn(random.Random(f"{SEED}-{name}"))


def test_kill_during_log_loop(tmp_path: Path) -> None:
    _run("log", lambda rng: scenario_log_loop(tmp_path, rng, 3))


def test_kill_during_import_json(tmp_path: Path, big_journal: Path) -> None:
    _run("json", lambda rng: scenario_import_json(tmp_path, rng, 3, big_journal))


def test_kill_during_import_mbox(tmp_path: Path) -> None:
    _run("mbox", lambda rng: scenario_import_mbox(tmp_path, rng, 3, messages=3000))


def test_kill_during_backup(tmp_path: Path, big_journal: Path) -> None:
    _run("backup", lambda rng: scenario_backup(tmp_path, rng, 3, big_journal, encrypt=False))
    _run("backup-enc", lambda rng: scenario_backup(tmp_path, rng, 1, big_journal, encrypt=True))


def test_kill_during_verify(tmp_path: Path, big_journal: Path) -> None:
    _run("verify", lambda rng: scenario_verify(tmp_path, rng, 4, big_journal))


def test_kill_during_restore(tmp_path: Path, big_journal: Path) -> None:
    _run("restore", lambda rng: scenario_restore(tmp_path, rng, 3, big_journal))


def test_kill_during_migration(tmp_path: Path, big_journal: Path) -> None:
    _run("migration", lambda rng: scenario_migration(tmp_path, rng, 3, big_journal))


@pytest.mark.slow
def test_kill_many_times(tmp_path: Path, big_journal: Path) -> None:
    """The long loop: many more kills of every kind, and a 30,000-message mail import."""
    _run("log", lambda rng: scenario_log_loop(tmp_path, rng, 25))
    _run("json", lambda rng: scenario_import_json(tmp_path, rng, 20, big_journal))
    _run("backup", lambda rng: scenario_backup(tmp_path, rng, 15, big_journal, encrypt=False))
    _run("backup-enc", lambda rng: scenario_backup(tmp_path, rng, 8, big_journal, encrypt=True))
    _run("restore", lambda rng: scenario_restore(tmp_path, rng, 20, big_journal))
    _run("verify", lambda rng: scenario_verify(tmp_path, rng, 20, big_journal))
    _run("migration", lambda rng: scenario_migration(tmp_path, rng, 20, big_journal))
    _run("mbox", lambda rng: scenario_import_mbox(tmp_path, rng, 12, messages=30_000))
