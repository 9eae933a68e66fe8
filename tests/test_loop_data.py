"""The loop's data: migration 0005 over a journal with plans, the JSON export round trip (version 2),
version-1 files still importable, bad version-2 keys refused, and the trash keeping talking points."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from relj import migrations
from relj.cli import main
from relj.errors import UserError
from relj.interop import jsonio
from relj.ops import plans as plan_ops
from relj.store import Store
from relj.store import plans as plan_store

D = dt.timedelta


def test_migration_0005_over_a_journal_with_plans(tmp_path: Path) -> None:
    import sqlite_utils

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    before = tuple(s for s in migrations.STEPS if s.name < "0005")
    migrations.build(before).apply(sqlite_utils.Database(conn))
    now = "2026-01-01T00:00:00+00:00"
    conn.execute("INSERT INTO person(id, display_name, created_at, updated_at) VALUES (1, 'Ana', ?, ?)", [now, now])
    conn.execute("INSERT INTO person_fts(rowid, name, emails, organisation, notes, interests) "
                 "VALUES (1, 'Ana', '', '', '', '')")
    for iid, day, status in ((1, "2026-05-01", "done"), (2, "2026-07-01", "planned"), (3, "2026-04-01", "cancelled")):
        conn.execute("INSERT INTO interaction(id, occurred_on, channel, status, created_at, updated_at) "
                     "VALUES (?, ?, 'in-person', ?, ?, ?)", [iid, day, status, now, now])
        conn.execute("INSERT INTO participant VALUES (?, 1, ?, 'together', ?)", [iid, day, status])
    conn.commit()
    conn.close()
    store = Store.open(path)
    assert "0005_plans" in [r[0] for r in store.conn.execute("SELECT name FROM _sqlite_migrations")]
    rows = store.conn.execute("SELECT id, planned_on, felt FROM interaction ORDER BY id").fetchall()
    assert rows == [(1, None, None), (2, "2026-07-01", None), (3, "2026-04-01", None)]
    assert plan_store.open_plan_ids(store) == [2] and plan_store.plan_ids(store) == [3, 2]
    assert store.person(1).prefers is None and plan_store.points_for(store, 1) == []
    assert store.check() == []
    store.close()


def test_the_schema_refuses_bad_values(store: Store, today: dt.date) -> None:
    ana = store.add_person("Ana").id
    i = store.log_interaction("phone", [ana], today)
    for sql in ("UPDATE interaction SET felt = 6 WHERE id = ?", "UPDATE interaction SET felt = 0 WHERE id = ?"):
        with pytest.raises(sqlite3.IntegrityError):
            store.conn.execute(sql, [i.id])
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("UPDATE person SET prefers = 'pigeon' WHERE id = ?", [ana])
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO talking_point(person_id, text, created_on) VALUES (?, '  ', '2026-01-01')",
                           [ana])


@pytest.fixture
def full(store: Store, today: dt.date) -> Store:
    """A journal with every new thing: plans in each state, felt, talking points, preferences."""
    ana = store.add_person("Ana", emails=["ana@example.org"]).id
    ben = store.add_person("Ben").id
    plan_ops.set_preferences(store, ana, prefers="video", best_time="evenings")
    upcoming = plan_ops.plan_meeting(store, [ana, ben], today + D(3), channel="in-person", time="18:00", note="x").value
    cancelled = plan_ops.plan_meeting(store, [ben], today + D(4), channel="phone").value
    plan_ops.cancel_plan(store, cancelled.id)
    met = plan_ops.plan_meeting(store, [ana], today, channel="video").value
    p1, p2 = plan_ops.add_points(store, ana, ["ask about Lisbon", "the book"]).value
    plan_ops.log_meeting(store, "video", [ana], today, felt=4, covered=[p1.id])
    del upcoming, met, p2
    return store


def _doc(store: Store) -> dict:
    return json.loads(jsonio.dumps(jsonio.build_document(store.export_data(), source="x", schema=[])))


def test_json_round_trip_keeps_everything_new(full: Store, tmp_path: Path) -> None:
    doc = _doc(full)
    assert doc["meta"]["format_version"] == 2
    ana = next(p for p in doc["people"] if p["name"] == "Ana")
    assert (ana["prefers"], ana["best_time"]) == ("video", "evenings")
    by_status = {i["status"]: i for i in doc["interactions"]}
    assert by_status["planned"]["planned_on"] == by_status["planned"]["occurred_on"]  # an open plan stays planned
    assert by_status["cancelled"]["planned_on"] is not None
    assert by_status["done"]["felt"] == 4 and by_status["done"]["planned_on"] is not None
    assert [t["text"] for t in doc["talking_points"]] == ["ask about Lisbon", "the book"]
    assert doc["talking_points"][0]["covered_by"] == by_status["done"]["id"]
    path = tmp_path / "export.json"
    path.write_bytes(jsonio.dumps(doc))
    again = Store.open(tmp_path / "restored.db")
    again.import_data(jsonio.read_document(path))
    doc2 = _doc(again)
    doc.pop("meta")
    doc2.pop("meta")
    assert doc2 == doc
    assert again.check() == []
    again.close()


def test_a_version_1_file_still_imports(tmp_path: Path, today: dt.date) -> None:
    v1 = {
        "meta": {"format": "relj-journal", "format_version": 1},
        "people": [{"id": 1, "name": "Ana"}],
        "interactions": [
            {"id": 7, "occurred_on": (today + D(2)).isoformat(), "channel": "in-person", "status": "planned",
             "participants": [1]},
            {"id": 8, "occurred_on": (today - D(2)).isoformat(), "channel": "email", "participants": [1]},
        ],
    }
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(v1))
    store = Store.open(tmp_path / "j.db")
    store.import_data(jsonio.read_document(path))
    plan = plan_store.interaction(store, 7)
    assert plan.planned_on == today + D(2) and plan.felt is None  # the trigger of 0005 dated the plan
    assert plan_store.interaction(store, 8).planned_on is None
    assert store.person(1).prefers is None
    store.close()


@pytest.mark.parametrize(("patch", "message"), [
    (lambda d: d["interactions"][0].update(felt=9), "felt must be 1 to 5"),
    (lambda d: d["interactions"][0].update(planned_on="soon"), "bad planned_on"),
    (lambda d: d["people"][0].update(prefers="pigeon"), "unknown channel"),
    (lambda d: d["talking_points"].append({"id": 9, "person_id": 99, "text": "x", "created_on": "2026-01-01"}),
     "person_id"),
    (lambda d: d["talking_points"][0].update(text=" "), "needs some text"),
    (lambda d: d["talking_points"][0].update(covered_by=999), "covered_by #999"),
    (lambda d: d["meta"].update(format_version=3), "reads up to 2"),
])
def test_bad_version_2_keys_are_refused_and_nothing_is_written(full: Store, tmp_path: Path, patch, message) -> None:
    doc = _doc(full)
    patch(doc)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(UserError, match=message):
        jsonio.read_document(path)


def test_export_and_import_json_on_the_command_line(full: Store, tmp_path: Path) -> None:
    assert full.path is not None
    out = tmp_path / "e.json"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(full.path), "export", "json", str(out)]).exit_code == 0
    result = runner.invoke(main, ["--db", str(tmp_path / "new.db"), "import", "json", str(out)])
    assert result.exit_code == 0, result.output
    plans = json.loads(runner.invoke(main, ["--db", str(tmp_path / "new.db"), "plans", "--json", "--all"]).stdout)
    assert sorted(p["state"] for p in plans) == ["cancelled", "done", "upcoming"]


def test_the_trash_keeps_talking_points(full: Store) -> None:
    from relj.ops import people as people_ops

    ana = full.resolve("Ana").id
    before = [t.to_json() for t in plan_store.points_for(full, ana, open_only=False)]
    trashed = people_ops.delete_person(full, ana)
    assert full.conn.execute("SELECT count(*) FROM talking_point").fetchone()[0] == 0
    trashed.undo(full)  # type: ignore[misc]
    assert [t.to_json() for t in plan_store.points_for(full, ana, open_only=False)] == before
    assert full.person(ana).prefers is not None
