"""Imports through the CLI on odd and hostile input: placeholders, pipes, devices, huge numbers, JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import fail, run
from tests.interop.guard import MEMORY, REPO, run_guarded

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    run(path, "me", "--name", "Sam Owner", "--email", "me@example.org", "--region", "GB")
    return path


def people(db: Path) -> list[dict[str, object]]:
    return json.loads(run(db, "person", "list", "--json").output)


# -- contacts ----------------------------------------------------------------------------------


def test_phone_without_a_digit_is_left_out_like_a_bad_email(db: Path) -> None:
    out = run(db, "import", "vcard", str(FIXTURES / "vcard" / "phone_without_digit.vcf"), "--skip-bad").output
    assert "note: 2 x unreadable phone number left out" in out
    assert "note: 1 x unreadable email address left out" in out
    assert "card 2 (line 10): no name" in out  # only "TEL:cell number": no person called that
    (paula,) = people(db)
    assert paula["name"] == "Paula Placeholder"
    assert paula["phones"] == ["1"]  # a digit suffices
    assert paula["emails"] == ["paula@example.org"]


def test_card_with_19000_emails_imports_in_linear_time(tmp_path: Path, db: Path) -> None:
    path = tmp_path / "many.vcf"
    lines = "".join(f"EMAIL:a{i}@example.org\r\n" for i in range(19_000))
    path.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many\r\n{lines}END:VCARD\r\n")
    # About 1.5 s; quadratic (parser and engine) it took over 20 s.
    done = subprocess.run(
        [sys.executable, "-m", "relj", "--db", str(db), "import", "vcard", str(path)],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
        preexec_fn=lambda: __import__("resource").setrlimit(__import__("resource").RLIMIT_AS, (MEMORY, MEMORY)),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "19000 contact points" in done.stdout


# -- files that are not files ------------------------------------------------------------------


def _memory_cap() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


@pytest.mark.parametrize("fmt", ["vcard", "csv", "mbox", "eml", "calls", "sms", "whatsapp"])
@pytest.mark.parametrize("region", [True, False])
def test_pipes_and_devices_are_refused_in_one_line(tmp_path: Path, db: Path, fmt: str, region: bool) -> None:
    """One line on stderr, under a hang guard and a memory cap; without a region set, the phone
    imports' note about it does not come before the refusal (found by an audit: two lines)."""
    if not region:
        db = tmp_path / "bare.db"
        run(db, "me", "--name", "Sam Owner")
    fifo = tmp_path / "input"
    os.mkfifo(fifo)
    extra = ["--me-name", "Sam"] if fmt == "whatsapp" else []
    for target, kind in ((fifo, "a named pipe"), (Path("/dev/zero"), "a device")):
        done = subprocess.run(
            [sys.executable, "-m", "relj", "--db", str(db), "import", fmt, str(target), *extra],
            cwd=REPO, capture_output=True, text=True, timeout=60, check=False, preexec_fn=_memory_cap,
        )  # fmt: skip
        assert done.returncode == 1, done.stderr
        assert done.stderr == f"relj: error: cannot read {target}: it is {kind}, not a regular file\n"


# -- numbers beyond 64 bits --------------------------------------------------------------------


@pytest.mark.parametrize("run_id", ["99999999999999999999", "#99999999999999999999", "0", "#-1", "١٢"])
def test_import_undo_refuses_ids_out_of_range(db: Path, run_id: str) -> None:
    assert "bad import id" in fail(db, "import", "undo", run_id)


def test_min_messages_has_a_range(db: Path) -> None:
    calls = str(FIXTURES / "engine" / "calls.xml")
    message = fail(db, "import", "calls", calls, "--create-people", "--min-messages", "99999999999999999999", code=2)
    assert "not in the range 1<=x<=1000000" in message


# -- JSON ----------------------------------------------------------------------------------------


def test_import_json_dry_run_writes_nothing(tmp_path: Path, db: Path) -> None:
    run(db, "import", "vcard", str(FIXTURES / "engine" / "contacts.vcf"))
    export = tmp_path / "export.json"
    run(db, "export", "json", str(export))
    target = tmp_path / "new.db"
    out = run(target, "import", "json", str(export), "--dry-run").output
    assert out.startswith("dry run, nothing written: would import ")
    assert people(target) == []
    out = run(target, "import", "json", str(export), "--skip-bad").output
    assert out.startswith("imported ")
    assert len(people(target)) == len(people(db))
    # A dry run refuses what the real import would: the journal is no longer empty.
    assert "needs an empty one" in fail(target, "import", "json", str(export), "--dry-run")


def test_json_from_a_pipe_is_refused(tmp_path: Path, db: Path) -> None:
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)
    result = run_guarded(
        f"""
        import json
        from pathlib import Path
        from relj.errors import UserError
        from relj.interop.jsonio import read_document
        try:
            read_document(Path({str(fifo)!r}))
        except UserError as exc:
            print(json.dumps(str(exc)))
    """,
        timeout=30,
    )
    assert result == f"cannot read {fifo}: it is a named pipe, not a regular file"


def test_a_phone_import_without_a_region_notes_it_after_the_import(tmp_path: Path) -> None:
    db = tmp_path / "bare.db"
    run(db, "me", "--name", "Sam Owner")
    done = subprocess.run(
        [sys.executable, "-m", "relj", "--db", str(db), "import", "calls", str(FIXTURES / "android" / "calls.xml"),
         "--create-people", "--skip-bad"],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "interactions:" in done.stdout
    assert done.stderr.startswith("relj: your region is not set") and done.stderr.count("\n") == 1
