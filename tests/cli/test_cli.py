"""The command-line contract, through click's CliRunner, including its error paths."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from relj.cli import main
from tests.cli.helpers import fail, run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "journal.db"


def test_version() -> None:
    from relj import __version__

    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"relj {__version__}"


def test_db_from_environment(tmp_path: Path) -> None:
    target = tmp_path / "env.db"
    result = CliRunner().invoke(main, ["person", "add", "Ana"], env={"RELJ_DB": str(target)})
    assert result.exit_code == 0 and target.exists()


def test_person_add_list_json(db: Path) -> None:
    run(db, "person", "add", "Ana García", "--email", "ana@x.org", "--email", "a.g@y.org", "--phone", "+44 20 1",
        "--interest", "Climbing", "--circle", "close", "--org", "Figma", "--note", "Met at uni")
    run(db, "me", "--name", "Sam", "--email", "sam@x.org", "--interest", "climbing")
    out = run(db, "person", "list", "--json")
    people = json.loads(out.stdout)
    assert people == [{
        "id": 1, "name": "Ana García", "emails": ["ana@x.org", "a.g@y.org"], "phones": ["+44 20 1"],
        "interests": ["Climbing"], "circle": "close", "organisation": "Figma", "tracked": True, "paused": False,
        "birthday": None,
    }]
    assert out.stderr == ""


def test_owner_never_listed(db: Path) -> None:
    run(db, "me", "--name", "Sam", "--email", "sam@x.org")
    assert json.loads(run(db, "person", "list", "--json").stdout) == []
    err = fail(db, "person", "add", "Sam", "--email", "SAM@x.org")
    assert "your own" in err


def test_person_edit_and_delete(db: Path) -> None:
    run(db, "person", "add", "Ana", "--email", "ana@x.org")
    run(db, "person", "edit", "ana@x.org", "--name", "Ana G", "--circle", "friends", "--email", "ag@y.org",
        "--interest", "Jazz", "--note", "new note")
    [p] = json.loads(run(db, "person", "list", "--json").stdout)
    assert p["name"] == "Ana G" and p["circle"] == "friends" and p["interests"] == ["Jazz"]
    assert sorted(p["emails"]) == ["ag@y.org", "ana@x.org"]
    run(db, "person", "edit", "#1", "--remove-interest", "jazz", "--remove-email", "ag@y.org")
    [p] = json.loads(run(db, "person", "list", "--json").stdout)
    assert p["interests"] == [] and p["emails"] == ["ana@x.org"]
    run(db, "person", "delete", "Ana G")
    assert json.loads(run(db, "person", "list", "--json").stdout) == []


def test_ambiguous_and_unknown_people(db: Path) -> None:
    run(db, "person", "add", "Sam")
    run(db, "person", "add", "Sam")
    err = fail(db, "person", "delete", "Sam")
    assert "#1 Sam" in err and "#2 Sam" in err and err.count("\n") == 1
    assert "no person" in fail(db, "log", "email", "--with", "Nobody")
    assert "no person #9" in fail(db, "person", "edit", "#9", "--name", "X")


def test_log_and_errors(db: Path) -> None:
    run(db, "person", "add", "Ana")
    run(db, "person", "add", "Ben")
    out = run(db, "log", "in-person", "--with", "Ana", "--with", "Ben", "--date", "2026-04-22", "--note", "coffee")
    assert "in person with Ana, Ben on 2026-04-22" in out.stdout
    assert "bad date" in fail(db, "log", "email", "--with", "Ana", "--date", "22/04/2026")
    err = fail(db, "log", "fax", "--with", "Ana", code=2)
    assert "fax" in err
    hits = json.loads(run(db, "search", "coffee", "--json").stdout)
    assert {(h["kind"], h["name"]) for h in hits} == {("interaction", "Ana"), ("interaction", "Ben")}
    assert all(set(h) >= {"kind", "person_id", "name", "snippet"} for h in hits)


def test_log_in_the_future_is_refused(db: Path) -> None:
    run(db, "person", "add", "Ana")
    result = CliRunner().invoke(main, ["--db", str(db), "log", "email", "--with", "Ana", "--date", "2026-05-02"],
                                env={"RELJ_TODAY": "2026-05-01"})
    assert result.exit_code == 1 and "relj plan" in result.stderr


def test_relj_today_is_the_default_date(db: Path) -> None:
    run(db, "person", "add", "Ana")
    out = run(db, "log", "phone", "--with", "Ana", env={"RELJ_TODAY": "2025-12-24"})
    assert "2025-12-24" in out.stdout


def test_search_json_is_pure(db: Path) -> None:
    run(db, "person", "add", "Ana", "--note", "loves bouldering")
    out = run(db, "search", "boulder", "--json")
    assert json.loads(out.stdout)[0]["kind"] == "person"
    assert json.loads(run(db, "search", "zzz", "--json").stdout) == []


def test_check(db: Path) -> None:
    run(db, "person", "add", "Ana")
    assert "ok:" in run(db, "check").stdout
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM person_fts")
    conn.commit()
    conn.close()
    assert "1 problem" in fail(db, "check")
    run(db, "check", "--repair")


def test_check_missing_journal(tmp_path: Path) -> None:
    assert "no journal" in fail(tmp_path / "missing.db", "check")
    assert not (tmp_path / "missing.db").exists()


def test_export_import_round_trip(db: Path, tmp_path: Path) -> None:
    run(db, "demo")
    out = tmp_path / "export.json"
    run(db, "export", "json", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    doc = json.loads(out.read_text())
    assert set(doc) >= {"meta", "people", "interests", "interactions", "relationships"}
    assert doc["meta"]["format"] == "relj-journal"
    copy = tmp_path / "copy.db"
    run(copy, "import", "json", str(out))
    out2 = tmp_path / "export2.json"
    run(copy, "export", "json", str(out2))
    doc2 = json.loads(out2.read_text())
    doc.pop("meta"), doc2.pop("meta")
    assert doc == doc2
    # Into a journal that is not empty: refused, nothing written.
    assert "empty" in fail(copy, "import", "json", str(out))


@pytest.mark.parametrize("content,message", [
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b'{"people": []}', "not a relj JSON export"),
    (b'{"meta": {"format": "relj-journal", "format_version": 99}}', "version 99"),
    (b'{"meta": {"format": "relj-journal", "format_version": 1}, "people": [{"id": 1, "name": "A"}],'
     b' "interactions": [{"id": 1, "occurred_on": "2026-01-01", "channel": "email", "participants": [2]}]}',
     "participant #2"),
])
def test_import_json_bad_files(db: Path, tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert message in fail(db, "import", "json", str(bad))
    assert not db.exists() or json.loads(run(db, "person", "list", "--json").stdout) == []


def test_import_json_missing_file(db: Path, tmp_path: Path) -> None:
    assert "no such file" in fail(db, "import", "json", str(tmp_path / "nope.json"))


def test_demo_is_believable(db: Path) -> None:
    run(db, "demo")
    people = json.loads(run(db, "person", "list", "--json").stdout)
    assert 60 <= len(people) <= 100
    assert {p["circle"] for p in people} >= {"family", "close", "friends", "colleagues", "clients"}
    assert not any(p["name"].startswith("Person ") for p in people)
    assert "empty journal" in fail(db, "demo")


def test_demo_is_deterministic(tmp_path: Path) -> None:
    env = {"RELJ_TODAY": "2026-11-24"}
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    for path in (a, b):
        run(path, "demo", "--seed", "3", env=env)
        run(path, "export", "json", str(path.with_suffix(".json")))
    da = json.loads(a.with_suffix(".json").read_text())
    db_ = json.loads(b.with_suffix(".json").read_text())
    for d in (da, db_):
        d.pop("meta")
        for p in d["people"]:
            p.pop("created_at"), p.pop("updated_at")
        for i in d["interactions"]:
            i.pop("created_at")
        for f in d["followups"]:
            f.pop("decided_at")
        for r in (*d["rhythms"], *d["moments"]):
            r.pop("created_at")
    assert da == db_


def test_generated_demo(db: Path) -> None:
    run(db, "demo", "--people", "200", "--interactions", "3000")
    assert "200 people, 3000 interactions" in run(db, "check").stdout


def test_help_does_not_create_a_journal(db: Path) -> None:
    run(db, "--help")
    assert not db.exists()
