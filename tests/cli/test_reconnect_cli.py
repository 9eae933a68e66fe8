"""The reconnect commands through click's CliRunner: output, JSON shape, actions and error paths."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from relj.cli import main

TODAY = "2025-11-20"
KEYS = {"person_id", "name", "kind", "signals", "score", "last_rich_contact", "last_contact", "written_since",
        "reason", "shared_interests", "planned", "circle", "openers"}


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("RELJ_TODAY", TODAY)
    db = tmp_path / "j.db"

    def invoke(*args: str, ok: bool = True):
        result = CliRunner().invoke(main, ["--db", str(db), *args])
        if ok:
            assert result.exit_code == 0, (result.output, result.exception)
        return result

    return invoke


@pytest.fixture
def journal(run):
    run("person", "add", "Ana", "--circle", "friends", "--interest", "climbing")
    run("person", "add", "Ben")
    run("me", "--interest", "climbing")
    run("log", "in-person", "--with", "Ana", "--date", "2025-04-22")
    for month in range(5, 11):
        run("log", "email", "--with", "Ana", "--date", f"2025-{month:02d}-01")
    run("log", "phone", "--with", "Ben", "--date", "2024-03-03")
    return run


def test_reconnect_json_shape(journal) -> None:
    out = journal("reconnect", "--json").output
    data = json.loads(out)
    assert [d["name"] for d in data] == ["Ana", "Ben"]
    for d in data:
        assert set(d) >= KEYS
        assert d["kind"] in ("digital-only", "gone-quiet")
        assert isinstance(d["signals"], list) and isinstance(d["score"], float)
    ana, ben = data
    assert ana["kind"] == "digital-only"
    assert ana["written_since"] == 6
    assert ana["last_rich_contact"] == "2025-04-22" and ana["last_contact"] == "2025-10-01"
    assert ana["reason"] == "Last saw Ana in person on 22 Apr (7 months ago); 6 emails since."
    assert ana["shared_interests"] == ["climbing"]
    assert ben["kind"] == "gone-quiet" and ben["reason"].startswith("No contact with Ben since 3 Mar 2024")


def test_reconnect_today_and_limit(journal) -> None:
    data = json.loads(journal("reconnect", "--json", "--today", "2025-05-15").output)
    assert [d["name"] for d in data] == ["Ben"]  # Ana was seen three weeks before
    assert len(json.loads(journal("reconnect", "--json", "--limit", "1").output)) == 1


def test_reconnect_table(journal) -> None:
    out = journal("reconnect").output
    assert "Ana" in out and "digital-only" in out and "6 emails since" in out
    assert "→ You both like climbing" in out


def test_reconnect_empty(run) -> None:
    result = run("reconnect")
    assert result.stdout == ""
    assert "Everyone is in touch" in result.stderr
    assert json.loads(run("reconnect", "--json").stdout) == []


def test_bad_today(run) -> None:
    result = run("reconnect", "--today", "2025-13-01", ok=False)
    assert result.exit_code == 1
    assert result.stderr.strip() == "relj: error: bad --today date '2025-13-01': expected YYYY-MM-DD"


def test_plan_takes_them_off_overdue_and_writes_ics(journal, tmp_path: Path) -> None:
    ics = tmp_path / "meet.ics"
    out = journal("plan", "Ana", "--date", "2025-11-28", "--channel", "in-person", "--note", "Climbing",
                  "--ics", str(ics)).output
    assert "planned #" in out
    assert stat.S_IMODE(os.stat(ics).st_mode) == 0o600
    text = ics.read_text()
    assert "BEGIN:VEVENT" in text and "SUMMARY:Climbing" in text and "DTSTART;VALUE=DATE:20251128" in text
    ana = json.loads(journal("reconnect", "--json").output)[-1]
    assert ana["name"] == "Ana" and ana["planned"] == "2025-11-28" and "planned" in ana["signals"]


@pytest.mark.parametrize("args, message", [
    (["plan", "Nobody", "--date", "2025-12-01", "--channel", "phone"], "no person called 'Nobody'"),
    (["plan", "Ana", "--date", "2025-02-30", "--channel", "phone"], "bad date '2025-02-30'"),
    (["plan", "Ana", "--date", "2025-01-01", "--channel", "phone"], "is in the past"),
    (["snooze", "Ana", "--until", "2025-11-20"], "not in the future"),
    (["snooze", "Nobody", "--until", "2026-01-01"], "no person called 'Nobody'"),
    (["pause", "Nobody"], "no person called 'Nobody'"),
    (["resume", "#999"], "no person #999"),
    (["written-ok", "Nobody"], "no person called 'Nobody'"),
    (["followups", "--done", "999"], "no follow-up #999"),
    (["followups", "--done", "1", "--dismiss", "1"], "not both"),
])
def test_error_paths(journal, args: list[str], message: str) -> None:
    result = journal(*args, ok=False)
    assert result.exit_code == 1
    assert result.stderr.startswith("relj: error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_snooze_pause_resume_written_ok(journal) -> None:
    def names() -> list[str]:
        return [d["name"] for d in json.loads(journal("reconnect", "--json").output)]

    journal("snooze", "Ana", "--until", "2025-12-01")
    assert names() == ["Ben"]
    journal("resume", "Ana")
    journal("pause", "Ben")
    assert names() == ["Ana"]
    journal("resume", "Ben")
    journal("written-ok", "Ana")
    assert names() == ["Ben"]
    journal("written-ok", "Ana", "--off")
    assert names() == ["Ana", "Ben"]


def test_followups(journal) -> None:
    journal("log", "in-person", "--with", "Ben", "--date", "2025-11-18", "--note", "lunch")
    data = json.loads(journal("followups", "--json").output)
    assert len(data) == 1
    item = data[0]
    assert item["people"] == [{"id": 2, "name": "Ben"}]
    assert item["text"] == "Send Ben a thank-you note for “lunch” on 18 Nov."
    assert "thank-you" in journal("followups").output
    journal("followups", "--dismiss", str(item["id"]))
    assert json.loads(journal("followups", "--json").output) == []
    assert "No thank-you notes" in journal("followups").stderr


def test_cadences_show_set_and_reset(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from relj.cli import main

    db = tmp_path / "j.db"

    def run(*args: str) -> str:
        result = CliRunner().invoke(main, ["--db", str(db), *args], env={"RELJ_TODAY": "2026-06-01"})
        assert result.exit_code == 0, result.output
        return result.stdout

    run("person", "add", "Ana", "--circle", "friends")
    run("log", "in-person", "--with", "Ana", "--date", "2026-04-20")
    run("log", "email", "--with", "Ana", "--date", "2026-05-25")
    assert json.loads(run("reconnect", "--json")) == []  # friends: rich contact every 60 days
    rows = {r["circle"]: r for r in json.loads(run("cadences", "--set", "friends", "30", "60", "--json"))}
    assert rows["friends"] == {"circle": "friends", "rich_days": 30, "any_days": 60, "custom": True}
    assert [e["name"] for e in json.loads(run("reconnect", "--json"))] == ["Ana"]
    run("cadences", "--reset", "friends")
    assert json.loads(run("reconnect", "--json")) == []
