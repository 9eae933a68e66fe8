"""The command line (issue 13): person show's birthday and relationships, terminal-safe text, bounded numbers and dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from relj.cli import main
from relj.terminal import BIDI_CONTROLS, json_text, terminal_safe
from tests.cli.helpers import run

HUGE = "99999999999999999999"
RLO, PDF = "\u202e", "\u202c"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "journal.db"


def rejected(db: Path, *args: str, code: int = 1) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output + result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert "internal error" not in result.stderr
    return result.stderr


# -- person show ------------------------------------------------------------------------------
def test_person_show_gives_birthday_and_relationships(db: Path) -> None:
    run(db, "person", "add", "Ana", "--birthday", "1990-05-17", "--org", "Figma")
    run(db, "person", "add", "Bo", "--birthday=--02-29")
    run(db, "person", "add", "Cy")
    run(db, "relate", "Ana", "Bo", "--as", "parent", "--note", "from the start")
    run(db, "relate", "Cy", "Ana", "--as", "introduced-by")
    ana = run(db, "person", "show", "Ana").stdout
    assert "birthday: 1990-05-17" in ana
    assert "Ana is parent of Bo (#2): from the start" in ana
    assert "Cy is introduced-by of Ana (#3)" in ana
    assert "birthday: --02-29" in run(db, "person", "show", "Bo").stdout
    assert "birthday" not in run(db, "person", "show", "Cy").stdout


def test_person_show_json_has_birthday_and_relationships(db: Path) -> None:
    run(db, "person", "add", "Ana", "--birthday", "1990-05-17")
    run(db, "person", "add", "Bo", "--birthday=--02-29")
    run(db, "person", "add", "Cy")
    run(db, "relate", "Ana", "Bo", "--as", "parent", "--note", "from the start")
    ana = json.loads(run(db, "person", "show", "Ana", "--json").stdout)
    assert ana["birthday"] == "1990-05-17"
    assert ana["relationships"] == [
        {"id": 2, "name": "Bo", "kind": "parent", "note": "from the start", "direction": "to"}
    ]
    bo = json.loads(run(db, "person", "show", "Bo", "--json").stdout)
    assert bo["birthday"] == "--02-29"
    assert bo["relationships"] == [
        {"id": 1, "name": "Ana", "kind": "parent", "note": "from the start", "direction": "from"}
    ]
    cy = json.loads(run(db, "person", "show", "Cy", "--json").stdout)
    assert cy["birthday"] is None and cy["relationships"] == []


# -- text printed to a terminal ---------------------------------------------------------------
@pytest.mark.parametrize("char", list(BIDI_CONTROLS))
def test_terminal_safe_drops_every_bidi_control(char: str) -> None:
    assert terminal_safe(f"a{char}b") == "ab"


def test_terminal_safe_drops_controls_and_keeps_text() -> None:
    assert terminal_safe("\x1b[31mred\x07\x00\x7f\x9b!") == "[31mred!"
    assert terminal_safe("one\ntwo\r\nthree\rfour\u2028five") == "one two three four five"
    assert terminal_safe("one\ntwo\r\nthree", multiline=True) == "one\ntwo\nthree"
    assert terminal_safe("tab\there") == "tab here"
    # Right-to-left scripts, emoji joined by a zero-width joiner and accents are text, not controls.
    kept = "שלום مرحبا 👩\u200d👩\u200d👧 é"
    assert terminal_safe(kept) == kept


def test_json_text_escapes_unsafe_characters_and_stays_faithful() -> None:
    data = {"note": f"x{RLO}y\x1b\x85\u2028\x7f\u200f", "name": "Zoë 👩\u200d👧"}
    text = json_text(data)
    assert json.loads(text) == data
    assert not any(c in text for c in BIDI_CONTROLS + "\x1b\x85\u2028\x7f")
    assert "Zoë" in text  # readable UTF-8 otherwise


def test_notes_with_bidi_and_escapes_print_safely(db: Path) -> None:
    note = f"pay {RLO}0001{PDF} now\x1b]0;owned\x07\nsecond line"
    run(db, "person", "add", "Ana", "--note", note)
    run(db, "log", "phone", "--with", "Ana", "--note", f"call{RLO}me", "--date", "2026-01-02")
    show = run(db, "person", "show", "Ana").stdout
    assert "pay 0001 now]0;owned" in show
    assert "second line" in show
    assert "callme" in show
    found = run(db, "search", "pay").stdout
    assert "pay" in found
    for out in (show, found):
        assert not any(c in out for c in BIDI_CONTROLS + "\x1b\x07")
    # --json keeps the data exactly, written with escapes.
    shown = run(db, "person", "show", "Ana", "--json").stdout
    assert json.loads(shown)["notes"] == note
    assert RLO not in shown and "\x1b" not in shown
    hits = json.loads(run(db, "search", "pay", "--json").stdout)
    assert any(RLO in h["snippet"] for h in hits)


def test_error_lines_are_terminal_safe(db: Path) -> None:
    run(db, "person", "add", "Ana")
    err = rejected(db, "person", "show", f"Bo{RLO}b\x1b[2J")
    assert RLO not in err and "\x1b" not in err
    assert err.count("\n") == 1


# -- numbers ---------------------------------------------------------------------------------
@pytest.mark.parametrize("args", [
    ("search", "Ana", "--limit", HUGE),
    ("search", "Ana", "--limit", "0"),
    ("log", "phone", "--with", "Ana", "--duration", HUGE),
    ("log", "phone", "--with", "Ana", "--duration", "-1"),
    ("person", "edit", "Ana", "--rich-every", HUGE),
    ("person", "edit", "Ana", "--any-every", HUGE),
    ("person", "edit", "Ana", "--any-every", "0"),
    ("demo", "--seed", HUGE),
    ("demo", "--people", HUGE),
    # Every ID option (found by an audit: these overflowed inside SQLite, exit 70).
    ("plans", "--done", HUGE),
    ("plans", "--cancel", HUGE),
    ("plans", "--move", HUGE, "--date", "2026-12-24"),
    ("plans", "--cancel", "0"),
    ("followups", "--done", HUGE),
    ("followups", "--dismiss", HUGE),
    ("next", "Ana", "--done", HUGE),
    ("log", "phone", "--with", "Ana", "--covered", HUGE),
])
def test_numbers_out_of_range_are_usage_errors(db: Path, args: tuple[str, ...]) -> None:
    run(db, "person", "add", "Ana")
    err = rejected(db, *args, code=2)
    assert "is not in the range" in err


def test_bounded_numbers_still_work(db: Path) -> None:
    run(db, "person", "add", "Ana")
    run(db, "person", "edit", "Ana", "--rich-every", "36500", "--any-every", "1")
    run(db, "log", "in-person", "--with", "Ana", "--duration", "43200", "--date", "2026-01-02")
    assert "Ana" in run(db, "search", "Ana", "--limit", "10000").stdout


# -- dates -----------------------------------------------------------------------------------
@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
def test_log_dates_outside_1900_2200_are_refused(db: Path, day: str) -> None:
    run(db, "person", "add", "Ana")
    assert "between 1900 and 2200" in rejected(db, "log", "in-person", "--with", "Ana", "--date", day)


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1800-05-17"])
def test_birthdays_outside_1900_2200_are_refused(db: Path, day: str) -> None:
    assert "between 1900 and 2200" in rejected(db, "person", "add", "Ana", "--birthday", day)
    run(db, "person", "add", "Bo")
    assert "between 1900 and 2200" in rejected(db, "person", "edit", "Bo", "--birthday", day)


def test_bad_birthday_is_one_line(db: Path) -> None:
    assert "expected YYYY-MM-DD or --MM-DD" in rejected(db, "person", "add", "Ana", "--birthday", "17 May")


def test_edge_years_export_to_ics(db: Path, tmp_path: Path) -> None:
    run(db, "person", "add", "Ana", "--birthday", "1900-01-01")
    run(db, "person", "add", "Bo", "--birthday", "2200-12-31")
    run(db, "log", "in-person", "--with", "Ana", "--date", "1900-01-01")
    out = tmp_path / "cal.ics"
    assert "2 birthdays" in run(db, "export", "ics", str(out)).stdout
    run(db, "export", "vcard", str(tmp_path / "people.vcf"))
    run(db, "export", "csv", str(tmp_path / "people.csv"))
    run(db, "export", "json", str(tmp_path / "journal.json"))


def test_every_plain_text_printer_takes_out_bidi_controls(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Reconnect, trash and merge print names too: an RLO in a name must not reach the terminal."""
    from click.testing import CliRunner

    from relj.cli import main
    from relj.store import Store

    db = tmp_path / "j.db"
    store = Store.open(db)
    ana = store.add_person("Ana", circle="close")
    store.conn.execute("UPDATE person SET display_name = ? WHERE id = ?", ["Ana\u202egpj.exe", ana.id])
    store.log_interaction("email", [ana.id], __import__("datetime").date(2026, 6, 1))
    store.close()
    for args in (["reconnect"], ["person", "delete", "#1"], ["trash"], ["trash", "restore", "1"]):
        result = CliRunner().invoke(main, ["--db", str(db), *args])
        assert result.exit_code == 0, (args, result.output)
        assert "\u202e" not in result.stdout and "\u202e" not in result.stderr, args


def test_no_whole_number_option_is_unbounded() -> None:
    """Every whole-number option or argument of every command has a range (an ID, a count, a
    duration), so a huge value is a usage error, not an overflow inside SQLite. ``--felt`` is
    checked by its operation (1 to 5, in one line)."""
    import click

    from relj.cli import main

    ctx = click.Context(main)
    unbounded: list[str] = []

    def walk(command: click.Command, path: str) -> None:
        for param in command.params:
            if param.type is click.INT and param.name != "felt":
                unbounded.append(f"{path} {param.name}")
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                if sub is not None:
                    walk(sub, f"{path} {name}")

    walk(main, "relj")
    assert unbounded == []
