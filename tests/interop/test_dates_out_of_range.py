"""Dates outside 1900..2200 in vCard, CSV and WhatsApp files (found by an audit: ``BDAY:99991231``,
``12/31/9999`` and chat lines of ``12/03/9999`` were stored as they were).

relj keeps only dates every exporter can write (relj.clock). An address book's birthday in
another year is left out with a note and the person imported without it; a chat line of such a
date is a bad record, like a line whose date cannot be read.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from relj.interop.csvio import parse_csv, parse_map_spec
from relj.interop.records import BIRTHDAY_OUT_OF_RANGE, BadRecord, ContactRecord, EventRecord, contact_birthday
from relj.interop.vcard import parse_vcards
from relj.interop.whatsapp import parse_whatsapp
from tests.interop.guard import MEMORY, REPO

OUT_OF_RANGE = "date {} out of range (the year must be between 1900 and 2200)"


def relj(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``relj --db DB ARGS`` as a process, with a timeout and the guard's memory cap."""

    def cap() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    return subprocess.run(
        [sys.executable, "-m", "relj", "--db", str(db), *args],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False, preexec_fn=cap,
    )  # fmt: skip


def people(db: Path) -> dict[str, dict[str, object]]:
    done = relj(db, "person", "list", "--json")
    assert done.returncode == 0, done.stderr
    return {p["name"]: p for p in json.loads(done.stdout)}


# -- the rule ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1900-01-01", "1900-01-01"),
        ("2200-12-31", "2200-12-31"),
        ("19800412", "1980-04-12"),
        ("4/12/80", "1980-04-12"),  # a two-digit year is a recent one
        ("--0412", "--04-12"),
        ("31.12.", "--12-31"),
        ("0000-04-12", "--04-12"),  # year 0000: the year is not known
        ("1604-04-12", "--04-12"),  # Apple's and CardBook's "no year"
        ("99991231", BIRTHDAY_OUT_OF_RANGE),
        ("9999-12-31", BIRTHDAY_OUT_OF_RANGE),
        ("00011231", BIRTHDAY_OUT_OF_RANGE),  # year 1 is a year, not "none": .NET's empty date
        ("0001-01-01", BIRTHDAY_OUT_OF_RANGE),
        ("12/31/9999", BIRTHDAY_OUT_OF_RANGE),
        ("1/1/0001", BIRTHDAY_OUT_OF_RANGE),
        ("31.12.9999", BIRTHDAY_OUT_OF_RANGE),
        ("31 Dec 0999", BIRTHDAY_OUT_OF_RANGE),
        ("1899-12-31", BIRTHDAY_OUT_OF_RANGE),
        ("2201-01-01", BIRTHDAY_OUT_OF_RANGE),
        ("hello", None),
    ],
)
def test_contact_birthday(text: str, expected: str | None) -> None:
    assert contact_birthday(text) == expected


# -- vCard ---------------------------------------------------------------------------------------


def card(name: str, bday: str) -> str:
    return f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\n{bday}\r\nEND:VCARD\r\n"


@pytest.mark.parametrize(
    "bday", ["BDAY:99991231", "BDAY:9999-12-31", "BDAY:00011231", "BDAY;VALUE=date:0001-01-01", "BDAY:18991231"]
)
def test_vcard_birthday_out_of_range_is_marked_for_leaving_out(tmp_path: Path, bday: str) -> None:
    path = tmp_path / "b.vcf"
    path.write_text(card("B", bday))
    (rec,) = list(parse_vcards(path))
    assert isinstance(rec, ContactRecord) and rec.display_name == "B"
    assert rec.birthday == BIRTHDAY_OUT_OF_RANGE


def test_vcard_import_leaves_the_birthday_out_with_a_note_and_keeps_the_person(tmp_path: Path) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_text(card("Nine", "BDAY:99991231") + card("One", "BDAY:00011231") + card("Fine", "BDAY:19800412"))
    db = tmp_path / "j.db"
    done = relj(db, "import", "vcard", str(path))
    assert done.returncode == 0, done.stderr
    assert "people:       3 added" in done.stdout
    assert "note: 2 x birthday outside 1900..2200 left out" in done.stdout
    found = people(db)
    assert (found["Nine"]["birthday"], found["One"]["birthday"], found["Fine"]["birthday"]) == (
        None,
        None,
        "1980-04-12",
    )


# -- CSV -----------------------------------------------------------------------------------------


GOOGLE = "First Name,Last Name,Birthday,E-mail 1 - Label,E-mail 1 - Value\n"
OUTLOOK_LIVE = "First Name,Middle Name,Last Name,Title,Suffix,Initials,Web Page,Gender,Birthday,E-mail Address\n"
THUNDERBIRD = "First Name,Last Name,Display Name,Nickname,Primary Email,Birth Year,Birth Month,Birth Day\n"


@pytest.mark.parametrize(
    ("content", "mapping"),
    [
        (GOOGLE + "Gia,Far,9999-12-31,home,gia@example.org\n", None),
        (OUTLOOK_LIVE + "Olu,,Far,,,,,,12/31/9999,olu@example.org\n", None),
        (OUTLOOK_LIVE + "Olu,,Far,,,,,,1/1/0001,olu@example.org\n", None),
        (THUNDERBIRD + "Tom,Far,Tom Far,,tom@example.org,9999,12,31\n", None),
        ("Who,Born\nMia Far,31.12.9999\n", "name=Who,bday=Born"),
    ],
    ids=["google", "outlook 9999", "outlook 0001", "thunderbird", "mapped"],
)
def test_csv_birthday_out_of_range_is_marked_for_leaving_out(tmp_path: Path, content: str, mapping: str | None) -> None:
    path = tmp_path / "people.csv"
    path.write_text(content)
    (rec,) = list(parse_csv(path, parse_map_spec(mapping) if mapping else None))
    assert isinstance(rec, ContactRecord) and rec.display_name.endswith("Far")
    assert rec.birthday == BIRTHDAY_OUT_OF_RANGE


def test_csv_import_leaves_the_birthday_out_with_a_note_and_keeps_the_person(tmp_path: Path) -> None:
    path = tmp_path / "outlook.csv"
    path.write_text(
        OUTLOOK_LIVE + "Olu,,Far,,,,,,12/31/9999,olu@example.org\nAda,,Near,,,,,,4/12/1980,ada@example.org\n"
    )
    db = tmp_path / "j.db"
    done = relj(db, "import", "csv", str(path))
    assert done.returncode == 0, done.stderr
    assert "people:       2 added" in done.stdout
    assert "note: 1 x birthday outside 1900..2200 left out" in done.stdout
    found = people(db)
    assert found["Olu Far"]["birthday"] is None and found["Olu Far"]["emails"] == ["olu@example.org"]
    assert found["Ada Near"]["birthday"] == "1980-04-12"


# -- WhatsApp ------------------------------------------------------------------------------------


CHAT = (
    "12/03/2024, 21:15 - Ana Lima: hi\n"
    "12/03/9999, 21:16 - Ana Lima: from the future\n"
    "[12/03/0001, 21:17:00] Ana Lima: from the past\n"
    "13/03/2024, 08:00 - Sam Owner: morning\n"
)


def test_whatsapp_line_out_of_range_is_a_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Ana Lima.txt"
    path.write_text(CHAT)
    records = list(parse_whatsapp(path, me_names={"Sam Owner"}, date_order="dmy"))
    bad = [(r.where, r.reason) for r in records if isinstance(r, BadRecord)]
    assert bad == [("line 2", OUT_OF_RANGE.format("9999-03-12")), ("line 3", OUT_OF_RANGE.format("0001-03-12"))]
    days = sorted(r.occurred_on.isoformat() for r in records if isinstance(r, EventRecord))
    assert days == ["2024-03-12", "2024-03-13"]


def test_whatsapp_import_refuses_the_chat_or_skips_the_line_never_stores_it(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Ana Lima.txt"
    path.write_text(CHAT)
    db = tmp_path / "j.db"
    assert relj(db, "me", "--name", "Sam Owner").returncode == 0
    args = ("import", "whatsapp", str(path), "--me-name", "Sam Owner", "--create-people")
    done = relj(db, *args)
    assert done.returncode == 1
    assert done.stderr == (
        f"relj: error: {path.name}: line 2: {OUT_OF_RANGE.format('9999-03-12')}; nothing was imported "
        "(use --skip-bad to import the other records)\n"
    )
    assert people(db) == {}
    done = relj(db, *args, "--skip-bad")
    assert done.returncode == 0, done.stderr
    assert "bad records:  2 (left out with --skip-bad)" in done.stdout
    assert f"line 2: {OUT_OF_RANGE.format('9999-03-12')}" in done.stdout
    export = tmp_path / "export.json"
    assert relj(db, "export", "json", str(export)).returncode == 0
    days = sorted(i["occurred_on"] for i in json.loads(export.read_text())["interactions"])
    assert days == ["2024-03-12", "2024-03-13"]
