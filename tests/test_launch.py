"""The console entry point: app arguments go straight to the GUI, the rest to click."""

from __future__ import annotations

from pathlib import Path

import pytest

from relj.launch import gui_arguments


@pytest.mark.parametrize("args,expected", [
    ([], (None, False)),
    (["gui"], (None, False)),
    (["--exit-after-load"], (None, False)[:1] + (True,)),
    (["--db", "x.db"], (Path("x.db"), False)),
    (["--db=x.db", "gui", "--exit-after-load"], (Path("x.db"), True)),
    (["--db", "x.db", "gui", "--exit-after-load"], (Path("x.db"), True)),
])
def test_app_arguments(args: list[str], expected: tuple[Path | None, bool]) -> None:
    assert gui_arguments(args) == expected


@pytest.mark.parametrize("args", [
    ["--help"], ["--version"], ["demo"], ["--db", "x.db", "demo"], ["gui", "--help"], ["gui", "gui"],
    ["--db"], ["gui", "--db", "x.db"], ["person", "list"], ["--db="],
])
def test_everything_else_goes_to_click(args: list[str]) -> None:
    assert gui_arguments(args) is None
