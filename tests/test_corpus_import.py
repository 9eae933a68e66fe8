"""Every real file in ../shared/corpus imports through the CLI, or is refused in one clean line.

No traceback, no internal error (exit 70), no hang; and the log written meanwhile holds no
name, address or subject from those files.
"""

from __future__ import annotations

import logging
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from relj.cli import main

pytestmark = pytest.mark.corpus

FOLDERS = ("vcard", "ics", "email", "csv", "copyleft")
COMMANDS = {".vcf": "vcard", ".vcard": "vcard", ".ics": "ics", ".vcs": "ics", ".mbox": "mbox", ".eml": "eml",
            ".csv": "csv"}
#: Seconds one import may take before it counts as a hang.
LIMIT = 60


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Path]:
    """A new empty journal per call, copied from one made once (creating one costs ~0.2 s)."""
    template = tmp_path / "template.db"
    result = CliRunner().invoke(main, ["--db", str(template), "me", "--region", "GB"])
    assert result.exit_code == 0, result.output
    count = 0

    def make() -> Path:
        nonlocal count
        count += 1
        target = tmp_path / f"j{count}.db"
        shutil.copyfile(template, target)  # closed journal, WAL checkpointed: a plain copy is whole
        return target

    yield make  # type: ignore[misc]


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (corpus / folder).glob("*") if p.suffix in COMMANDS)


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    def hang(signum: int, frame: object) -> None:
        raise TimeoutError(f"no answer after {seconds} s")

    old = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def import_clean(db: Path, path: Path, *extra: str) -> str:
    """Import one file; assert it worked or was refused in one clean line. Returns the output."""
    args = ["--db", str(db), "import", COMMANDS[path.suffix], str(path), *extra]
    with deadline(LIMIT):
        result = CliRunner().invoke(main, args)
    text = result.output + result.stderr
    assert "Traceback" not in text, text
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), f"{path.name}: exit {result.exit_code}: {text}"
    if result.exit_code == 1:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("relj: error: "), f"{path.name}: {result.stderr}"
    return text


def test_corpus_is_there(corpus: Path) -> None:
    files = corpus_files(corpus)
    assert len(files) > 150 and {p.suffix for p in files} >= {".vcf", ".ics", ".eml", ".mbox", ".csv"}


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_file_imports_or_is_refused_cleanly(corpus: Path, fresh: Any, folder: str) -> None:
    refused: list[str] = []
    for path in (p for p in corpus_files(corpus) if p.parent.name == folder):
        db = fresh()
        first = import_clean(db, path)
        if "relj: error:" in first:
            refused.append(path.name)
            # The same file with --skip-bad must import its good records, or be refused for the
            # whole file (unreadable, wrong format), never half-written.
            import_clean(db, path, "--skip-bad", "--create-people")
            continue
        second = import_clean(db, path, "--create-people", "--skip-bad")
        third = import_clean(db, path, "--create-people", "--skip-bad")
        assert " 0 added" in third or "records" in third, (path.name, second, third)
        assert "people:       0 added" in third or "people:" not in third, (path.name, third)
        assert "interactions: 0 added" in third or "interactions:" not in third, (path.name, third)


def _private_strings(corpus: Path) -> set[str]:
    """Names, addresses and subjects the parsers read from the corpus: none may reach the log."""
    from relj.clock import today
    from relj.interop import csvio, ical, mail, vcard
    from relj.interop.records import ContactRecord, EventRecord

    out: set[str] = set()
    readers = {".vcf": vcard.parse_vcards, ".vcard": vcard.parse_vcards, ".csv": csvio.parse_csv,
               ".ics": lambda p: ical.parse_ics(p, today=today(), me=set()),
               ".mbox": lambda p: mail.parse_mbox(p, me=set()), ".eml": lambda p: mail.parse_eml(p, me=set())}
    for path in corpus_files(corpus):
        try:
            for rec in readers[path.suffix](path):
                if isinstance(rec, ContactRecord):
                    out.update([rec.display_name, *rec.emails])
                elif isinstance(rec, EventRecord):
                    out.add(rec.note)
                    out.update(s for p in rec.parties for s in (p.email or "", p.name))
        except Exception:  # noqa: BLE001 - refused files hold nothing to leak
            continue
    # Short strings ("Ana", "Re: hi") would match log words by chance.
    return {s.strip() for s in out if len(s.strip()) >= 8 and (" " in s.strip() or "@" in s)}


def test_the_log_holds_no_names_addresses_or_subjects(corpus: Path, fresh: Any) -> None:
    from relj import logs

    log_file = logs.setup()
    assert log_file is not None
    start = log_file.stat().st_size if log_file.exists() else 0
    logging.getLogger("relj").setLevel(logging.DEBUG)
    try:
        for path in corpus_files(corpus):
            db = fresh()
            import_clean(db, path, "--create-people", "--skip-bad")
            if path.suffix in (".vcf", ".csv"):
                import_clean(db, path)
    finally:
        logging.getLogger("relj").setLevel(logging.INFO)
    written = log_file.read_text(encoding="utf-8", errors="replace")[start:]
    assert "import run" in written
    secrets = _private_strings(corpus)
    assert len(secrets) > 100
    leaked = sorted(s for s in secrets if s in written)
    assert leaked == []
