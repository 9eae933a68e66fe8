"""The JSON export: `relj export json` and File ▸ Export write the same document (relj.export)."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from relj.cli import main
from relj.export import journal_document
from relj.ui.import_dialog import ExportDialog
from relj.ui.journal import Journal


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp):
    from relj.store import Store

    monkeypatch.setenv("RELJ_TODAY", "2026-03-01")
    store = Store.open(tmp_path / "journal.db")
    ana = store.add_person("Ana García", emails=["ana@example.org"], interests=["Climbing"])
    store.log_interaction("in-person", [ana.id], dt.date(2026, 2, 1), note="coffee")
    yield Journal(store)
    store.close()


def _without_time(doc: dict) -> dict:
    doc = json.loads(json.dumps(doc))
    del doc["meta"]["exported_at"]
    return doc


def test_cli_and_gui_write_the_same_document(journal: Journal, tmp_path: Path) -> None:
    gui_file, cli_file = tmp_path / "gui.json", tmp_path / "cli.json"
    message = ExportDialog.export(journal, gui_file)
    assert "gui.json" in message
    result = CliRunner().invoke(main, ["--db", str(journal.store.path), "export", "json", str(cli_file)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    gui, cli = (json.loads(f.read_text("utf-8")) for f in (gui_file, cli_file))
    assert _without_time(gui) == _without_time(cli) == _without_time(journal_document(journal.store))
    assert gui["meta"]["source"] == str(Path(journal.store.path).resolve())
    assert gui["meta"]["schema"] and [p["name"] for p in gui["people"]] == ["Ana García"]
    for f in (gui_file, cli_file):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
