"""`relj import json` on hostile files, through the command a user runs (found by an audit).

Huge integers, numbers beyond SQLite's 64 bits, fields of the wrong JSON type, dates outside
1900..2200, duplicates and dangling references: each file gets one line on stderr that names the
record and the field, exit 1 (never 70, never a traceback), and the journal is left as it was.
Every run is a real ``relj`` process under the hang guard and memory cap of tests/interop/guard.py.
"""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import run
from tests.interop.guard import run_guarded
from tests.interop.json_documents import document

#: A relj import of a small file takes about 0.3 s and 60 MB of address space.
TIMEOUT = 60.0

TABLES = ("person", "contact_point", "interest", "person_interest", "owner", "owner_email", "owner_interest",
          "interaction", "participant", "relationship", "followup", "talking_point", "rhythm", "rhythm_member",
          "moment", "setting", "import_run")  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    run(path, "me", "--name", "Sam Owner", "--email", "me@example.org", "--region", "GB")
    return path


def journal(db: Path) -> dict[str, list[Any]]:
    """Everything the journal holds, read without writing."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}


def relj(db: Path, *args: str) -> dict[str, Any]:
    """``relj --db DB ARGS`` as a process, under the hang guard and the memory cap."""
    return run_guarded(
        f"""
        import json, subprocess, sys
        done = subprocess.run([sys.executable, "-m", "relj", "--db", {str(db)!r}, *{list(args)!r}],
                              capture_output=True, text=True, timeout={TIMEOUT - 10}, check=False)
        print(json.dumps({{"code": done.returncode, "stdout": done.stdout, "stderr": done.stderr}}))
        """,
        timeout=TIMEOUT,
    )


def refused(db: Path, path: Path) -> str:
    """Import ``path``, which must be refused in one line with exit 1 and nothing written; the line."""
    before = journal(db)
    done = relj(db, "import", "json", str(path))
    assert done["code"] == 1, done
    assert "Traceback" not in done["stderr"] and "internal error" not in done["stderr"], done["stderr"]
    lines = done["stderr"].splitlines()
    assert len(lines) == 1, done["stderr"]
    assert done["stdout"] == ""
    assert journal(db) == before
    return lines[0]


def write(tmp_path: Path, doc: dict[str, Any]) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_the_small_journal_imports_and_exports_the_same(tmp_path: Path, db: Path) -> None:
    """The document the other tests spoil is a valid export: it restores exactly."""
    doc = document()
    done = relj(db, "import", "json", str(write(tmp_path, doc)))
    assert done["code"] == 0, done
    assert done["stdout"].startswith("imported 2 people, 2 interactions, 1 relationships")
    out = tmp_path / "again.json"
    assert relj(db, "export", "json", str(out))["code"] == 0
    again = json.loads(out.read_text())
    doc.pop("meta"), again.pop("meta")
    assert again["people"] == doc["people"] and again["interactions"] == doc["interactions"]
    for key in ("relationships", "followups", "talking_points", "rhythms", "moments", "settings"):
        assert again[key] == doc[key], key


def test_every_bound_is_accepted(tmp_path: Path, db: Path) -> None:
    """The edges of each range still import: they are what relj itself may have written."""
    doc = document()
    doc["people"][1].update(id=2**63 - 1, birthday="2200-12-31", cadence_rich_days=36_500, cadence_any_days=1,
                            snoozed_until="1900-01-01")  # fmt: skip
    doc["relationships"][0]["person_b"] = 2**63 - 1
    doc["moments"][0]["person_id"] = 2**63 - 1
    doc["rhythms"][0]["people"] = [1, 2**63 - 1]
    doc["interactions"][1]["participants"] = [1, 2**63 - 1]
    doc["interactions"][0].update(duration_min=100_000, occurred_on="1900-01-01", felt=5)
    doc["interactions"][1].update(id=2**63 - 1, occurred_on="2200-12-31", planned_on="2200-12-31", duration_min=0)
    done = relj(db, "import", "json", str(write(tmp_path, doc)))
    assert done["code"] == 0, done


# -- what the audit found --------------------------------------------------------------------------


def test_an_integer_of_5000_digits_is_refused_naming_its_field(tmp_path: Path, db: Path) -> None:
    """Python refuses to read an integer of more than 4,300 digits (ValueError: exit 70)."""
    path = write(tmp_path, document())
    path.write_text(path.read_text().replace('"duration_min": 20', '"duration_min": ' + "9" * 5000, 1))
    assert refused(db, path) == (
        f"relj: error: {path}: interaction #1: duration_min must be a whole number of minutes (0..100000) or null, "
        "not a 5000-digit number"
    )


def test_an_integer_of_5000_digits_where_relj_reads_nothing_is_harmless(tmp_path: Path, db: Path) -> None:
    path = write(tmp_path, document())
    path.write_text(path.read_text().replace('"mode": "together"', '"mode": ' + "9" * 5000, 1))
    done = relj(db, "import", "json", str(path))
    assert done["code"] == 0, done


def test_a_format_version_of_5000_digits_is_refused(tmp_path: Path, db: Path) -> None:
    path = write(tmp_path, document())
    path.write_text(path.read_text().replace('"format_version": 2', '"format_version": ' + "9" * 5000, 1))
    assert "meta.format_version must be a whole number from 1, not a 5000-digit number" in refused(db, path)


Patch = Callable[[dict[str, Any]], object]

#: (test id, what to spoil, the end of the message that names it)
CASES: list[tuple[str, Patch, str]] = [
    # Numbers beyond SQLite's 64 bits (OverflowError: exit 70).
    ("interaction id 1e20", lambda d: d["interactions"][0].update(id=1e20),
     "interactions[1]: id must be a whole number from 1 to 9223372036854775807, not 1e+20"),
    ("duration 1e20", lambda d: d["interactions"][0].update(duration_min=1e20),
     "interaction #1: duration_min must be a whole number of minutes (0..100000) or null, not 1e+20"),
    ("person id 2**64", lambda d: d["people"][0].update(id=2**64),
     "people[1]: id must be a whole number from 1 to 9223372036854775807, not 18446744073709551616"),
    ("duration 2**63", lambda d: d["interactions"][0].update(duration_min=2**63),
     "interaction #1: duration_min must be a whole number of minutes (0..100000) or null, not 9223372036854775808"),
    ("duration -1", lambda d: d["interactions"][0].update(duration_min=-1),
     "interaction #1: duration_min must be a whole number of minutes (0..100000) or null, not -1"),
    ("participant 2**63", lambda d: d["interactions"][0].update(participants=[2**63]),
     "interaction #1: participant #9223372036854775808 is not in people"),
    ("cadence 10**18", lambda d: d["people"][0].update(cadence_rich_days=10**18),
     "person #1: cadence_rich_days must be a whole number of days (1..36500) or null, not 1000000000000000000"),
    ("infinity", lambda d: d["interactions"][0].update(duration_min=float("inf")),
     "interaction #1: duration_min must be a whole number of minutes (0..100000) or null, not Infinity"),
    ("NaN in a setting", lambda d: d["settings"].update(zoom=float("nan")),
     "settings['zoom'] holds NaN, which is no JSON number"),
    # Fields of the wrong JSON type (sqlite3.ProgrammingError: exit 70).
    ("note a list", lambda d: d["interactions"][0].update(note=["a", "b"]),
     "interaction #1: note must be text, not a list"),
    ("place an object", lambda d: d["interactions"][0].update(place={"city": "Leeds"}),
     "interaction #1: place must be text, not an object"),
    ("duration text", lambda d: d["interactions"][0].update(duration_min="20"),
     "interaction #1: duration_min must be a whole number of minutes (0..100000) or null, not '20'"),
    ("name an object", lambda d: d["people"][0].update(name={"first": "Ana"}),
     "person #1: name must be text, not an object"),
    ("notes a number", lambda d: d["people"][0].update(notes=12),
     "person #1: notes must be text or null, not 12"),
    ("tracked text", lambda d: d["people"][0].update(tracked="yes"),
     "person #1: tracked must be true or false, not 'yes'"),
    ("felt true", lambda d: d["interactions"][0].update(felt=True),
     "interaction #1: felt must be 1 to 5 or null, not true"),
    ("channel a list", lambda d: d["interactions"][0].update(channel=["video"]),
     "interaction #1: channel must be one of in-person, video, phone, text, email, letter, social, not a list"),
    ("status null", lambda d: d["interactions"][0].update(status=None),
     "interaction #1: status must be one of done, planned, cancelled, not null"),
    ("contact value a number", lambda d: d["people"][0]["contacts"][1].update(value=447700900123),
     "person #1: contacts[2]: value must be text, not 447700900123"),
    ("participants text", lambda d: d["interactions"][0].update(participants="1"),
     "interaction #1: participants must be a list, not '1'"),
    ("relationship kind a number", lambda d: d["relationships"][0].update(kind=3),
     "relationship #1: kind must be one of partner, family, parent, child, sibling, friend, colleague, manager, "
     "client, introduced-by, other, not 3"),
    ("followup state null", lambda d: d["followups"][0].update(state=None),
     "followups[1]: state must be one of done, dismissed, not null"),
    ("talking point text null", lambda d: d["talking_points"][0].update(text=None),
     "talking point #1: needs some text"),
    ("rhythm people null", lambda d: d["rhythms"][0].update(people=None),
     "rhythm #1: people must be a list, not null"),
    ("rhythm name a number", lambda d: d["rhythms"][0].update(name=7),
     "rhythm #1: name must be text, not 7"),
    ("moment kind a list", lambda d: d["moments"][0].update(kind=["job"]),
     "moment #1: kind must be one of move, job, baby, wedding, loss, health, exam, other, not a list"),
    ("moment yearly null", lambda d: d["moments"][0].update(yearly=None),
     "moment #1: yearly must be true or false, not null"),
    ("owner emails text", lambda d: d["owner"].update(emails="sam@example.org"),
     "owner: emails must be a list, not 'sam@example.org'"),
    ("settings a list", lambda d: d.update(settings=[1]),
     "settings must be an object, not a list"),
    ("a person a list", lambda d: d["people"].append([3, "Cleo"]),
     "people[3] must be an object, not a list"),
    ("a lone surrogate", lambda d: d["interactions"][0].update(note="\ud800"),
     "interaction #1: note holds a lone UTF-16 surrogate, which is not text"),
    ("an interest blank before a NUL", lambda d: d["interests"].append("\x00Chess"),
     "interests[3] must be a name (text, not blank), not '\\x00Chess'"),
    # Dates outside 1900..2200.
    ("plan on 0001-01-01", lambda d: d["interactions"][1].update(occurred_on="0001-01-01", planned_on="0001-01-01"),
     "interaction #2: occurred_on 0001-01-01 is out of range (the year must be between 1900 and 2200)"),
    ("planned_on 9999-12-31", lambda d: d["interactions"][1].update(planned_on="9999-12-31"),
     "interaction #2: planned_on 9999-12-31 is out of range (the year must be between 1900 and 2200)"),
    ("occurred_on 9999-12-31", lambda d: d["interactions"][0].update(occurred_on="9999-12-31"),
     "interaction #1: occurred_on 9999-12-31 is out of range (the year must be between 1900 and 2200)"),
    ("occurred_on 1899-12-31", lambda d: d["interactions"][0].update(occurred_on="1899-12-31"),
     "interaction #1: occurred_on 1899-12-31 is out of range (the year must be between 1900 and 2200)"),
    ("birthday 9999-12-31", lambda d: d["people"][0].update(birthday="9999-12-31"),
     "person #1: birthday 9999-12-31 is out of range (the year must be between 1900 and 2200)"),
    ("birthday 0001-01-01", lambda d: d["people"][0].update(birthday="0001-01-01"),
     "person #1: birthday 0001-01-01 is out of range (the year must be between 1900 and 2200)"),
    ("snoozed_until 9999-12-31", lambda d: d["people"][0].update(snoozed_until="9999-12-31"),
     "person #1: snoozed_until 9999-12-31 is out of range (the year must be between 1900 and 2200)"),
    ("talking point 2201", lambda d: d["talking_points"][0].update(created_on="2201-01-01"),
     "talking point #1: created_on 2201-01-01 is out of range (the year must be between 1900 and 2200)"),
    ("rhythm start 0001", lambda d: d["rhythms"][0].update(start="0001-01-01"),
     "rhythm #1: start 0001-01-01 is out of range (the year must be between 1900 and 2200)"),
    ("moment 9999", lambda d: d["moments"][0].update(date="9999-12-31"),
     "moment #1: date 9999-12-31 is out of range (the year must be between 1900 and 2200)"),
    ("created_at 9999", lambda d: d["people"][1].update(created_at="9999-12-31T23:59:59+00:00"),
     "person #2: created_at 9999-12-31T23:59:59+00:00 is out of range (the year must be between 1900 and 2200)"),
    ("a date in another form", lambda d: d["interactions"][0].update(occurred_on="20260103"),
     "interaction #1: bad occurred_on '20260103' (expected YYYY-MM-DD)"),
    ("a time of 29:00", lambda d: d["interactions"][0].update(occurred_time="29:00"),
     "interaction #1: bad occurred_time '29:00' (expected HH:MM, 00:00 to 23:59, or null)"),
    # What the journal's constraints refuse (sqlite3.IntegrityError: exit 70).
    ("a second person #1", lambda d: d["people"][1].update(id=1), "people[2]: a second person with id 1"),
    ("an address twice", lambda d: d["people"][1]["contacts"].append({"kind": "email", "value": "ANA@example.org"}),
     "person #2: contacts[1]: ANA@example.org is also the address of person #1"),
    ("my address on a person", lambda d: d["owner"]["emails"].append("ana@example.org"),
     "owner: emails[2]: ana@example.org is also the address of person #1"),
    ("a relationship with oneself", lambda d: d["relationships"][0].update(person_b=1),
     "relationship #1: person_a and person_b are the same person (#1)"),
    ("a source key twice", lambda d: d["interactions"][0].update(source="ics", source_key="uid-1/2026-02-01"),
     "interaction #2: a second interaction from ics 'uid-1/2026-02-01' (source and source_key are unique)"),
    ("a follow-up of nothing", lambda d: d["followups"][0].update(interaction_id=99),
     "followups[1]: interaction_id #99 is not in interactions"),
    ("a rhythm name twice", lambda d: d["rhythms"].append({**d["rhythms"][0], "id": 2, "name": "sunday CALL"}),
     "rhythm #2: a second rhythm called 'sunday CALL' (rhythm #1 is called so)"),
    ("a rhythm member who is not there", lambda d: d["rhythms"][0].update(people=[1, 5]),
     "rhythm #1: people must be ids of people in the file, not 5"),
]  # fmt: skip


@pytest.mark.parametrize(("patch", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_field_is_refused_in_one_line_naming_it(tmp_path: Path, db: Path, patch: Patch, message: str) -> None:
    doc = copy.deepcopy(document())
    patch(doc)
    path = write(tmp_path, doc)
    assert refused(db, path) == f"relj: error: {path}: {message}"


def test_a_dry_run_refuses_the_same_and_writes_nothing(tmp_path: Path, db: Path) -> None:
    doc = document()
    doc["interactions"][0]["note"] = ["a"]
    path = write(tmp_path, doc)
    before = journal(db)
    done = relj(db, "import", "json", str(path), "--dry-run")
    assert done["code"] == 1 and done["stderr"].count("\n") == 1, done
    assert "interaction #1: note must be text, not a list" in done["stderr"]
    assert journal(db) == before


def test_a_refused_file_creates_no_journal(tmp_path: Path) -> None:
    doc = document()
    doc["interactions"][0]["duration_min"] = 1e20
    target = tmp_path / "new.db"
    done = relj(target, "import", "json", str(write(tmp_path, doc)))
    assert done["code"] == 1 and "duration_min" in done["stderr"], done
    assert not target.exists()


def test_deeply_nested_json_is_not_a_relj_file_under_a_guard(tmp_path: Path, db: Path) -> None:
    """The guarded twin of tests/cli/test_import_cli_hostile.py's in-process test: 200,000
    brackets are refused in one line, in bounded time and memory."""
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    assert refused(db, path) == f"relj: error: {path} is not a relj JSON export (nested too deeply)"
