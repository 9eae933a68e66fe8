"""WHO on the command line: a first name or the start of a name is enough when it is unique."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from relj.cli import main


def relj(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_first_name_prefix_and_ambiguity(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    for name in ("Maya Okafor", "Maya Lin", "Zoë Martin"):
        assert relj(db, "person", "add", name)[0] == 0
    code, out, _ = relj(db, "person", "show", "zoe", "--json")
    assert code == 0 and json.loads(out)["name"] == "Zoë Martin"
    code, out, _ = relj(db, "person", "show", "maya l", "--json")
    assert code == 0 and json.loads(out)["name"] == "Maya Lin"
    code, _, err = relj(db, "person", "show", "Maya")
    assert code == 1 and "did you mean: Maya Okafor (#1), Maya Lin (#2)?" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code, _, err = relj(db, "person", "show", "Zeo")
    assert code == 1 and "did you mean Zoë Martin (#3)?" in err


def test_an_id_too_large_for_sqlite_is_simply_not_found(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from relj.cli import main

    db = str(tmp_path / "j.db")
    CliRunner().invoke(main, ["--db", db, "person", "add", "Ana"])
    result = CliRunner().invoke(main, ["--db", db, "person", "show", "#99999999999999999999"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "relj: error: no person #99999999999999999999"
