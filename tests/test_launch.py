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


# -- lazy command loading ----------------------------------------------------------------------
ROOT = Path(__file__).resolve().parent.parent


def test_the_lazy_table_names_every_command_and_only_those() -> None:
    """relj.cli.COMMANDS lists every command its modules register, each with the module that defines it."""
    from relj.cli import COMMANDS, main

    main.load_all()
    assert set(main.commands) == set(COMMANDS)
    for name, command in main.commands.items():
        assert command.callback is None or command.callback.__module__ in COMMANDS[name], name


def _loaded_after(*args: str) -> set[str]:
    """The relj modules a fresh `relj ARGS` imports (it runs in a child: this process has them all)."""
    import os
    import subprocess
    import sys

    code = ("import sys\nfrom relj.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print(' '.join(m for m in sys.modules if m.startswith(('relj', 'PySide6'))), file=sys.stderr)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False)
    return set(done.stderr.split())


def test_version_loads_no_command_module() -> None:
    loaded = _loaded_after("--version")
    assert not {m for m in loaded if m.startswith("relj.cli.") and m != "relj.cli.base"}
    assert not {m for m in loaded if m.startswith(("relj.store", "relj.interop", "relj.ui", "PySide6"))}


def test_reconnect_loads_only_its_own_command_module(tmp_path: Path) -> None:
    loaded = _loaded_after("--db", str(tmp_path / "j.db"), "reconnect", "--json")
    assert "relj.reconnect" in loaded and "relj.cli.reconnect" in loaded
    assert not {m for m in loaded if m.startswith("relj.cli.") and m not in ("relj.cli.base", "relj.cli.reconnect")}
    assert not {m for m in loaded if m.startswith(("relj.interop", "relj.ui", "PySide6"))}


def test_commands_of_every_module_still_run(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from relj.cli import main

    db = str(tmp_path / "j.db")
    for args in (["person", "add", "Ana"], ["import", "history"], ["export", "json", str(tmp_path / "x.json")],
                 ["backup", "list"], ["reconnect"], ["merge", "--help"]):
        result = CliRunner().invoke(main, ["--db", db, *args])
        assert result.exit_code == 0, (args, result.output)
