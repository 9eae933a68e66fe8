"""`relj person delete`, `relj trash [--json]` and `relj trash restore ID` (issue 13): a 30-day trash."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.cli.helpers import fail, run


def test_trash_lists_the_deleted_as_json_and_restore_brings_back_their_history(tmp_path: Path,
                                                                                today: dt.date) -> None:
    db = tmp_path / "j.db"
    run(db, "person", "add", "Ana Lima")
    run(db, "person", "add", "Bo Stone")
    run(db, "log", "in-person", "--with", "Ana", "--with", "Bo", "--note", "lunch")
    assert json.loads(run(db, "trash", "--json").output) == []
    out = run(db, "person", "delete", "Ana").output
    assert "moved #1 Ana Lima to the trash" in out
    (entry,) = json.loads(run(db, "trash", "--json").output)
    assert {k: entry[k] for k in ("id", "kind", "person_id", "name")} == {
        "id": 1, "kind": "person", "person_id": 1, "name": "Ana Lima"}
    assert dt.datetime.fromisoformat(entry["deleted_at"]).tzinfo is not None
    assert "#1 Ana Lima" in run(db, "trash").output
    assert [p["name"] for p in json.loads(run(db, "person", "list", "--json").output)] == ["Bo Stone"]
    run(db, "trash", "restore", "1")
    assert json.loads(run(db, "trash", "--json").output) == []
    ana = json.loads(run(db, "person", "show", "Ana", "--json").output)
    assert ana["name"] == "Ana Lima"
    assert "lunch" in run(db, "search", "lunch").output
    assert "no" in fail(db, "trash", "restore", "1").lower()  # restored once; nothing left to restore
