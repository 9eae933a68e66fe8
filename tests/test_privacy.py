"""Privacy: no network, ever; logs hold ids and counts, never names, notes or subjects; private modes.

The suite-wide network guard is the plugin in tests/_no_network.py. These tests check that the
guard works (in process and in child processes), run the CLI and the app under it, and read the
log written while a journal full of private text is imported, backed up and restored.
"""

from __future__ import annotations

import importlib.util
import os
import re
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from relj.store import Store

ROOT = Path(__file__).resolve().parent.parent
PASS = "privacy test passphrase"


def guard_module() -> ModuleType:
    """The plugin module: the one pytest loaded if it is enabled, else loaded from its file."""
    for name in ("tests._no_network", "_no_network"):
        if name in sys.modules:
            return sys.modules[name]
    spec = importlib.util.spec_from_file_location("relj_tests_no_network", Path(__file__).parent / "_no_network.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["relj_tests_no_network"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def guard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[ModuleType, Path]]:
    """The guard active in this process and in children, with a log of our own to read."""
    mod = guard_module()
    undo = None
    if not mod.child_guard_active():
        # The plugin is not enabled in conftest: enable its pieces for this test.
        undo = mod.install(mod._violations.append)
        folder = mod._child_dir()
        monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(folder), *filter(None, [os.environ.get("PYTHONPATH")])]))
    log = tmp_path / "blocked.log"
    log.touch()
    monkeypatch.setenv(mod.LOG_ENV, str(log))
    try:
        yield mod, log
    finally:
        if undo is not None:
            undo()


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, **(env or {})}
    full["PYTHONPATH"] = os.pathsep.join([*filter(None, [full.get("PYTHONPATH")]), str(ROOT)])
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, env=full,
                          timeout=timeout, check=False)


# -- the network guard -----------------------------------------------------------------------------
def test_guard_blocks_inet_sockets_and_name_lookups(guard: tuple[ModuleType, Path]) -> None:
    mod, _ = guard
    with mod.expect_blocked() as caught:
        for attempt in (
            lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
            lambda: socket.socket(socket.AF_INET6, socket.SOCK_DGRAM),
            lambda: socket.socket(),
            lambda: socket.getaddrinfo("example.org", 443),
            lambda: socket.gethostbyname("example.org"),
            lambda: socket.create_connection(("127.0.0.1", 9)),
        ):
            with pytest.raises(mod.NetworkBlocked):
                attempt()
    assert len(caught) == 6
    # Local sockets are fine: D-Bus (keyring), the single-instance lock.
    a, b = socket.socketpair()
    a.close()
    b.close()
    socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).close()


def test_guard_covers_child_processes(guard: tuple[ModuleType, Path]) -> None:
    _, log = guard
    done = run("-c", "import socket\ntry:\n    socket.getaddrinfo('example.org', 80)\nexcept OSError as e:\n"
                     "    print(type(e).__name__)")
    assert done.stdout.strip() == "NetworkBlocked", done.stderr
    assert "getaddrinfo('example.org', 80)" in log.read_text()


def test_cli_and_app_touch_no_network(guard: tuple[ModuleType, Path], tmp_path: Path) -> None:
    _, log = guard
    db = str(tmp_path / "j" / "journal.db")
    env = {"RELJ_BACKUP_PASSPHRASE": PASS, "RELJ_LOG_DIR": str(tmp_path / "log")}
    steps = [
        ("person", "add", "Ana Lima", "--email", "ana@example.org"),
        ("log", "in-person", "--with", "Ana Lima", "--note", "coffee"),
        ("search", "coffee"),
        ("check",),
        ("export", "json", str(tmp_path / "e.json")),
        ("backup", "create", "--encrypt", "--to", str(tmp_path / "b")),
        ("backup", "list",),
    ]
    for step in steps:
        r = run("-m", "relj", "--db", db, *step, env=env)
        assert r.returncode == 0, (step, r.stderr)
    (file,) = (tmp_path / "b").glob("*.reljbak")
    for step in (("backup", "verify", str(file)), ("backup", "restore", str(file))):
        r = run("-m", "relj", "--db", db, *step, env=env)
        assert r.returncode == 0, (step, r.stderr)
    if importlib.util.find_spec("relj.ui.app") is not None:
        r = run("-m", "relj", "--db", db, "--exit-after-load", env={**env, "QT_QPA_PLATFORM": "offscreen"})
        assert r.returncode == 0, r.stderr
    assert log.read_text() == ""


# -- logs --------------------------------------------------------------------------------------------
SECRETS = ["Zanzibar Quixote", "zq@secret.example", "allergic to walnuts", "the divorce papers",
           "Confidential subject xyzzy", "Wilhelmina Fairweather", "wf@hidden.example", "Leeds Infirmary"]


def write_private_mbox(path: Path) -> None:
    lines = []
    for n in range(30):
        sender, to = ("me@mine.example", "zq@secret.example") if n % 2 else ("wf@hidden.example", "me@mine.example")
        lines.append(
            f"From {sender} Mon Jan  1 10:00:00 2024\nFrom: Wilhelmina Fairweather <{sender}>\n"
            f"To: Zanzibar Quixote <{to}>\nSubject: Confidential subject xyzzy {n}\n"
            f"Date: Mon, 1 Jan 2024 10:{n:02d}:00 +0000\nMessage-ID: <p{n}@mine.example>\n\n"
            "Body about the divorce papers.\n\n"
        )
    path.write_text("".join(lines))


def test_log_holds_no_names_notes_or_subjects(tmp_path: Path) -> None:
    db = str(tmp_path / "journal.db")
    logdir = tmp_path / "log"
    env = {"RELJ_LOG_DIR": str(logdir), "RELJ_BACKUP_PASSPHRASE": PASS}
    mbox = tmp_path / "mail.mbox"
    write_private_mbox(mbox)
    steps = [
        ("me", "--name", "Me", "--email", "me@mine.example"),
        ("person", "add", "Zanzibar Quixote", "--email", "zq@secret.example", "--note", "allergic to walnuts"),
        ("log", "in-person", "--with", "Zanzibar Quixote", "--note", "the divorce papers",
         "--place", "Leeds Infirmary"),
        ("import", "mbox", str(mbox), "--create-people"),
        ("search", "walnuts"),
        ("backup", "create", "--encrypt"),
        ("export", "json", str(tmp_path / "e.json")),
        ("person", "show", "Zanzibar Quixote"),
    ]
    for step in steps:
        r = run("-m", "relj", "--db", db, *step, env=env)
        assert r.returncode == 0, (step, r.stderr)
    backups = sorted((tmp_path / "backups").glob("*.reljbak"))
    r = run("-m", "relj", "--db", db, "backup", "restore", str(backups[-1]), env=env)
    assert r.returncode == 0, r.stderr
    text = "\n".join(p.read_text(errors="replace") for p in logdir.glob("relj.log*"))
    assert re.search(r"interaction logged: id=\d+", text), "the log should hold ids and counts"
    assert "backup written" in text and "journal restored" in text
    leaked = [s for s in SECRETS if s.casefold() in text.casefold()]
    assert leaked == [], f"the log holds private text: {leaked}"
    assert "Traceback" not in text
    assert stat.S_IMODE((logdir / "relj.log").stat().st_mode) == 0o600


@pytest.mark.corpus
def test_log_after_importing_the_corpus_holds_nothing_private(tmp_path: Path, corpus: Path) -> None:
    """Import every corpus file that relj reads; then no name, address or note of the journal is in the log."""
    db = tmp_path / "journal.db"
    logdir = tmp_path / "log"
    env = {"RELJ_LOG_DIR": str(logdir)}
    kinds = {".vcf": "vcard", ".vcard": "vcard", ".csv": "csv", ".mbox": "mbox", ".eml": "eml", ".ics": "ics"}
    jobs = []
    for f in sorted(corpus.rglob("*")):
        kind = kinds.get(f.suffix.lower())
        if kind is not None and f.is_file():
            extra = ["--create-people"] if kind in ("mbox", "eml", "ics") else []
            jobs.append(["--db", str(db), "import", kind, str(f), *extra, "--skip-bad"])
    # One process runs every import through the real command line (a process each would take long).
    driver = (
        "import sys\n"
        "from relj.cli import main\n"
        f"jobs = {jobs!r}\n"
        "ok = 0\n"
        "for job in jobs:\n"
        "    code = main(job, standalone_mode=False)\n"
        "    ok += code in (None, 0)\n"
        "print(ok)\n"
    )
    r = run("-c", driver, env=env)
    assert r.returncode == 0 and "internal error" not in r.stderr, r.stderr
    assert int(r.stdout.strip().splitlines()[-1]) > 5
    s = Store.open(db, create=False)
    try:
        private = {p.display_name for p in s.people()}
        private |= {r[0] for r in s.conn.execute("SELECT value FROM contact_point")}
        private |= {r[0] for r in s.conn.execute("SELECT note FROM interaction WHERE note <> ''")}
        private |= {r[0] for r in s.conn.execute("SELECT notes FROM person WHERE notes <> ''")}
    finally:
        s.close()
    # Short strings ("Al", "Re:") could appear in a log by chance; look for the distinctive ones.
    private = {p.strip() for p in private if len(p.strip()) >= 6 and not p.strip().isdigit()}
    assert private, "the corpus import should have brought people in"
    text = "\n".join(p.read_text(errors="replace") for p in logdir.glob("relj.log*"))
    leaked = sorted(p for p in private if p in text)
    assert leaked == [], f"the log holds private text: {leaked[:10]}"


# -- permissions -------------------------------------------------------------------------------------
def test_every_file_relj_writes_is_private(tmp_path: Path) -> None:
    """Under a permissive umask: folders 0700; journal, WAL, backups, exports and the log 0600."""
    db = tmp_path / "new" / "journal.db"
    logdir = tmp_path / "log"
    env = {"RELJ_LOG_DIR": str(logdir), "RELJ_BACKUP_PASSPHRASE": PASS}
    old = os.umask(0o022)
    try:
        exports = [("json", tmp_path / "e.json"), ("vcard", tmp_path / "e.vcf"), ("ics", tmp_path / "e.ics")]
        steps = [("person", "add", "Ana", "--email", "ana@example.org", "--birthday", "1990-02-03"),
                 ("backup", "create"), ("backup", "create", "--encrypt", "--to", str(tmp_path / "usb"))]
        steps += [("export", kind, str(path)) for kind, path in exports]
        for step in steps:
            r = run("-m", "relj", "--db", str(db), *step, env=env)
            assert r.returncode == 0, (step, r.stderr)
        backups = list((db.parent / "backups").glob("*.reljbak"))
        r = run("-m", "relj", "--db", str(tmp_path / "other" / "j.db"), "backup", "restore", str(backups[0]),
                env=env)
        assert r.returncode == 0, r.stderr
    finally:
        os.umask(old)
    for folder in (db.parent, db.parent / "backups", tmp_path / "usb", tmp_path / "other", logdir):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    files = [db, tmp_path / "other" / "j.db", logdir / "relj.log", *backups, *(tmp_path / "usb").iterdir(),
             *(path for _, path in exports)]
    files += [p for p in db.parent.iterdir() if p.name.endswith(("-wal", "-shm"))]
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
