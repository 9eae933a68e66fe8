"""The loop's command line: contracts (commands, flags, JSON keys), errors (one line, exit 1 or 2,
nothing written), and the issue's "Done when" scenario run as a scripted user."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from relj.cli import main

TODAY = "2026-06-15"
PLAN_KEYS = {"id", "date", "time", "channel", "note", "state", "people"}
POINT_KEYS = {"id", "text", "created"}
BRIEF_KEYS = {"person_id", "name", "talking_points", "recent", "shared_interests", "relationships", "upcoming",
              "last_rich_contact", "prefers", "best_time", "moments"}


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("RELJ_TODAY", TODAY)
    db = tmp_path / "j.db"

    def invoke(*args: str, ok: bool = True, today: str | None = None):
        if today is not None:
            monkeypatch.setenv("RELJ_TODAY", today)
        result = CliRunner().invoke(main, ["--db", str(db), *args])
        if ok:
            assert result.exit_code == 0, (result.output, result.exception)
        return result

    invoke.db = db  # type: ignore[attr-defined]
    return invoke


def js(result) -> object:  # type: ignore[no-untyped-def]
    return json.loads(result.stdout)


@pytest.fixture
def journal(run):
    run("person", "add", "Ana", "--email", "ana@example.org", "--circle", "friends", "--interest", "climbing")
    run("person", "add", "Ben", "--email", "ben@example.org", "--circle", "friends")
    run("me", "--name", "Sam", "--email", "sam@example.org", "--interest", "climbing")
    run("relate", "Ben", "Ana", "--as", "partner")
    run("log", "in-person", "--with", "Ana", "--with", "Ben", "--date", "2025-11-02", "--note", "climbing")
    for month in range(1, 6):
        run("log", "email", "--with", "Ana", "--date", f"2026-0{month}-03")
    return run


def test_plan_and_plans_json(journal) -> None:
    out = journal("plan", "Ana", "--with", "Ben", "--date", "2026-06-20", "--time", "18:30", "--duration", "90",
                  "--channel", "in-person", "--note", "dinner at Luigi").output
    assert out.startswith("planned #") and "Ana, Ben" in out and "2026-06-20 at 18:30" in out
    journal("plan", "#1", "--date", "2026-06-16", "--channel", "video")
    plans = js(journal("plans", "--json"))
    assert [p["date"] for p in plans] == ["2026-06-16", "2026-06-20"]  # soonest first
    for p in plans:
        assert set(p) == PLAN_KEYS
        assert all(set(x) == {"id", "name"} for x in p["people"])
    first, second = plans
    assert first["time"] is None and first["state"] == "upcoming" and first["channel"] == "video"
    assert second["time"] == "18:30" and second["note"] == "dinner at Luigi"
    assert [x["name"] for x in second["people"]] == ["Ana", "Ben"]
    # The day passes: passed, still listed until decided.
    assert [p["state"] for p in js(journal("plans", "--json", today="2026-06-18"))] == ["passed", "upcoming"]


def test_plans_done_cancel_move_and_all(journal) -> None:
    journal("plan", "Ana", "--date", "2026-06-16", "--channel", "phone")
    journal("plan", "Ben", "--date", "2026-06-17", "--channel", "video")
    journal("plan", "Ana", "--date", "2026-06-30", "--channel", "in-person")
    ids = [p["id"] for p in js(journal("plans", "--json"))]
    out = journal("plans", "--done", str(ids[0]), "--note", "long call", "--felt", "5", today="2026-06-17").output
    assert out.startswith(f"logged #{ids[0]}")
    journal("plans", "--cancel", str(ids[1]))
    out = journal("plans", "--move", str(ids[2]), "--date", "2026-07-02", "--time", "12:00").output
    assert "2026-07-02 at 12:00" in out
    assert [(p["id"], p["state"]) for p in js(journal("plans", "--json"))] == [(ids[2], "upcoming")]
    every = {p["id"]: p for p in js(journal("plans", "--json", "--all"))}
    assert {i: every[i]["state"] for i in ids} == {ids[0]: "done", ids[1]: "cancelled", ids[2]: "upcoming"}
    assert every[ids[2]]["time"] == "12:00" and every[ids[2]]["date"] == "2026-07-02"
    assert [p["state"] for p in js(journal("plans", "--json", today="2026-12-01"))] == ["passed"]


@pytest.mark.parametrize("args", [
    ("log", "in-person", "--with", "Ana", "--felt", "6"),
    ("log", "in-person", "--with", "Ana", "--felt", "0"),
    ("log", "in-person", "--with", "Ana", "--covered", "99"),
    ("plans", "--done", "99"),
    ("plans", "--cancel", "99"),
    ("plans", "--move", "99", "--date", "2026-07-01"),
    ("plans", "--move", "PLAN", "--date", "2026-06-14"),
    ("plans", "--done", "PLAN", "--felt", "9"),
    ("plans", "--done", "PLAN", "--cancel", "PLAN"),
    ("plans", "--note", "x"),
    ("plan", "Ana", "--date", "2026-06-14", "--channel", "in-person"),
    ("plan", "Ana", "--date", "2026-06-20", "--time", "25:61", "--channel", "in-person"),
    ("plan", "Ana", "--with", "Nobody", "--date", "2026-06-20", "--channel", "in-person"),
    ("next", "Ana", "--done", "99"),
    ("next", "Ana", "--add", "   "),
    ("followups", "--done", "99"),
    ("followups", "--channel", "text"),
    ("person", "edit", "Ana", "--prefers", "pigeon"),
])
def test_errors_are_one_line_and_write_nothing(journal, args: tuple[str, ...]) -> None:
    journal("plan", "Ana", "--date", "2026-06-20", "--channel", "in-person")
    plan_id = str(js(journal("plans", "--json"))[0]["id"])
    args = tuple(plan_id if a == "PLAN" else a for a in args)
    db: Path = journal.db  # type: ignore[attr-defined]
    before = db.read_bytes()
    before_wal = Path(f"{db}-wal").read_bytes() if Path(f"{db}-wal").exists() else b""
    result = journal(*args, ok=False)
    assert result.exit_code in (1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 1:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("relj: error: "), result.stderr
    assert "Traceback" not in result.output
    assert db.read_bytes() == before
    assert (Path(f"{db}-wal").read_bytes() if Path(f"{db}-wal").exists() else b"") == before_wal


def test_next_json(journal) -> None:
    assert js(journal("next", "Ana", "--json")) == []
    points = js(journal("next", "Ana", "--add", "ask about Lisbon", "--add", "the guide book", "--json"))
    assert [set(p) for p in points] == [POINT_KEYS, POINT_KEYS]
    assert [p["text"] for p in points] == ["ask about Lisbon", "the guide book"]
    assert points[0]["created"] == TODAY
    left = js(journal("next", "Ana", "--done", str(points[0]["id"]), "--json"))
    assert [p["id"] for p in left] == [points[1]["id"]]
    text = journal("next", "Ana").output
    assert f"[{points[1]['id']}] the guide book" in text


def test_brief_json(journal) -> None:
    journal("person", "edit", "Ana", "--prefers", "video", "--best-time", "weekends", "--birthday", "1990-07-01")
    journal("next", "Ana", "--add", "ask about Lisbon")
    journal("plan", "Ana", "--date", "2026-06-25", "--time", "10:00", "--channel", "video", "--note", "call")
    journal("log", "phone", "--with", "Ana", "--felt", "2", "--note", "short")
    b = js(journal("brief", "Ana", "--json"))
    assert set(b) == BRIEF_KEYS
    assert b["name"] == "Ana" and isinstance(b["person_id"], int)
    assert [t["text"] for t in b["talking_points"]] == ["ask about Lisbon"]
    assert [set(r) for r in b["recent"]] == [{"date", "channel", "note", "felt"}] * 3
    assert b["recent"][0] == {"date": TODAY, "channel": "phone", "note": "short", "felt": 2}
    assert b["recent"][1]["felt"] is None
    assert b["shared_interests"] == ["climbing"]
    assert b["relationships"] == [{"name": "Ben", "kind": "partner"}]
    assert b["upcoming"] == [{"date": "2026-06-25", "what": "Video planned at 10:00: call"},
                             {"date": "2026-07-01", "what": "Birthday (turns 36)"}]
    assert b["last_rich_contact"] == TODAY
    assert (b["prefers"], b["best_time"]) == ("video", "weekends")
    text = journal("brief", "Ana").output
    assert "prefers video; best time: weekends" in text and "●●○○○" in text


def test_brief_says_one_sided(journal) -> None:
    for day in range(1, 7):
        journal("log", "text", "--with", "Ben", "--date", f"2026-06-0{day}", "--initiator", "me")
    assert "you started 6 of the last 6 contacts" in journal("brief", "Ben").output


def test_reconnect_json_adds_talking_points_and_prefers(journal) -> None:
    journal("next", "Ana", "--add", "ask about Lisbon")
    journal("person", "edit", "Ana", "--prefers", "phone")
    entries = {e["name"]: e for e in js(journal("reconnect", "--json"))}
    assert entries["Ana"]["talking_points"] == 1 and entries["Ana"]["prefers"] == "phone"
    assert entries["Ana"]["reason"].endswith("Ana prefers phone calls.")
    assert entries["Ben"]["talking_points"] == 0 and entries["Ben"]["prefers"] is None


def test_done_when_scenario(journal, tmp_path: Path) -> None:
    """Plan a meeting with two people at a time, let the day pass and see plan-passed, log the meeting
    a day late and find one interaction where the plan was, tick a talking point as covered, record
    how it felt, and mark the thank-you done, which logs a written contact; JSON at every step."""
    import icalendar

    drifted = [e for e in js(journal("reconnect", "--json")) if e["kind"] == "digital-only"]
    ana = drifted[0]
    assert ana["name"] == "Ana"
    ics = tmp_path / "dinner.ics"
    journal("plan", f"#{ana['person_id']}", "--with", "Ben", "--date", "2026-06-18", "--time", "19:00",
            "--channel", "in-person", "--note", "dinner", "--ics", str(ics))
    event = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")[0]
    assert event.decoded("dtstart").tzinfo is not None
    plan = js(journal("plans", "--json"))[0]
    assert plan["state"] == "upcoming" and [p["name"] for p in plan["people"]] == ["Ana", "Ben"]
    point = js(journal("next", "Ana", "--add", "ask how the Lisbon move went", "--json"))[0]
    entry = {e["name"]: e for e in js(journal("reconnect", "--json"))}["Ana"]
    assert "planned" in entry["signals"] and entry["talking_points"] == 1

    # The day passes: plan-passed.
    assert js(journal("plans", "--json", today="2026-06-20"))[0]["state"] == "passed"
    entry = {e["name"]: e for e in js(journal("reconnect", "--json"))}["Ana"]
    assert "plan-passed" in entry["signals"]

    # Log the meeting a day late, ticking the talking point and recording how it felt.
    count = len(js(journal("person", "show", "Ana", "--json"))["recent"])
    out = journal("log", "in-person", "--with", "Ana", "--with", "Ben", "--date", "2026-06-19",
                  "--note", "Lisbon stories", "--felt", "5", "--covered", str(point["id"])).output
    assert out.startswith(f"logged #{plan['id']}:")
    assert len(js(journal("person", "show", "Ana", "--json"))["recent"]) == count  # one interaction, not two
    assert js(journal("plans", "--json")) == []
    done = {p["id"]: p for p in js(journal("plans", "--json", "--all"))}[plan["id"]]
    assert done["state"] == "done" and done["date"] == "2026-06-19" and done["note"] == "dinner\nLisbon stories"
    assert js(journal("next", "Ana", "--json")) == []
    brief = js(journal("brief", "Ana", "--json"))
    assert brief["recent"][0]["felt"] == 5 and brief["last_rich_contact"] == "2026-06-19"
    entry = {e["name"]: e for e in js(journal("reconnect", "--json"))}.get("Ana")
    assert entry is None or "plan-passed" not in entry["signals"]

    # Say thanks: one written interaction with both.
    followups = js(journal("followups", "--json"))
    assert [f["id"] for f in followups] == [plan["id"]]
    out = journal("followups", "--done", str(plan["id"])).output
    assert out.startswith(f"follow-up #{plan['id']} done: logged #")
    assert js(journal("followups", "--json")) == []
    recent = js(journal("person", "show", "Ben", "--json"))["recent"]
    assert recent[0]["channel"] == "email" and recent[0]["initiator"] == "me"
    assert recent[0]["occurred_on"] == "2026-06-20"
    assert sorted(recent[0]["participants"]) == sorted([ana["person_id"], plan["people"][1]["id"]])
    journal("check")
