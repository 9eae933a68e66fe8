"""The command-line tests' helpers: run a command that must succeed, or one that must fail in one line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from relj.cli import main


def run(db: Path, *args: str, ok: bool = True, env: dict[str, str] | None = None) -> Result:
    """`relj --db DB ARGS...`; with ``ok`` it must exit 0."""
    result = CliRunner().invoke(main, ["--db", str(db), *args], env=env, catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output + result.stderr
    return result


def fail(db: Path, *args: str, code: int = 1) -> str:
    """A command that must fail with ``code`` and no traceback; returns its stderr."""
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output + result.stderr
    return result.stderr
