"""Evolution's address book (contacts.db): each row's vCard read as the vCard reader reads a file;
lists and summary-only rows skipped; read from a private copy, never written; refused in one line."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
import tempfile
from pathlib import Path

import pytest

from relj.errors import UserError
from relj.interop.evolution_contacts import parse_evolution_contacts
from relj.interop.records import BadRecord, ContactRecord, SkippedRecord
from relj.interop.vcard import parse_vcards
from tests.cli.helpers import fail, run
from tests.interop.foreign_dbs import Evolution, vcard

CORPUS_VCARD = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "vcard"


@pytest.fixture(autouse=True)
def _private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    return scratch


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def book(path: Path, folder: str = "folder_id") -> Path:
    eds = Evolution(path, folder)
    eds.card("pas-id-1", vcard("pas-id-1", "Ana Lima", "ana@example.org", "+44 7700 900123"), name="Ana Lima")
    eds.card("pas-id-2", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:pas-id-2\r\nFN:Book club\r\n"
                         "X-EVOLUTION-LIST:TRUE\r\nEMAIL;X-EVOLUTION-DEST-CONTACT-UID=pas-id-1:ana@example.org\r\n"
                         "END:VCARD", name="Book club", is_list=True)
    eds.card("pas-id-3", None)  # a summary-only row
    eds.card("pas-id-4", vcard("pas-id-4", "Chen Wei", "chen@example.org", "020 7946 0018"))
    return eds.close()


def test_a_row_with_email_and_phone_is_a_contact(tmp_path: Path) -> None:
    records = list(parse_evolution_contacts(book(tmp_path / "contacts.db")))
    ana, club, summary, chen = records
    assert isinstance(ana, ContactRecord) and isinstance(chen, ContactRecord)
    assert (ana.where, ana.display_name, ana.given_name, ana.family_name) == ("contact 1", "Ana Lima", "Ana", "Lima")
    assert ana.emails == ["ana@example.org"] and ana.phones == [("+44 7700 900123", "mobile")]
    assert ana.uid == "pas-id-1"
    assert isinstance(club, SkippedRecord) and club.reason == "contact list"
    assert isinstance(summary, SkippedRecord) and summary.reason == "no vCard"
    assert chen.where == "contact 4" and chen.emails == ["chen@example.org"]


def test_the_contacts_table_is_the_one_folders_names(tmp_path: Path) -> None:
    records = list(parse_evolution_contacts(book(tmp_path / "contacts.db", folder="1385455391.30124.0@host")))
    assert [r.display_name for r in records if isinstance(r, ContactRecord)] == ["Ana Lima", "Chen Wei"]


def test_a_broken_card_is_a_bad_record_and_the_others_are_read(tmp_path: Path) -> None:
    eds = Evolution(tmp_path / "contacts.db")
    eds.card("a", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + "x" * (2 << 20) + "\r\nEND:VCARD")
    eds.card("b", vcard("b", "Bo Berg", "bo@example.org", "+46 70 123 45 67"))
    records = list(parse_evolution_contacts(eds.close()))
    assert isinstance(records[0], BadRecord) and records[0].where == "contact 1"
    assert isinstance(records[1], ContactRecord) and records[1].emails == ["bo@example.org"]


def test_files_that_are_not_an_address_book_are_refused_and_left_alone(tmp_path: Path, _private_tmp: Path) -> None:
    vcf = tmp_path / "contacts.db"
    vcf.write_text(vcard("x", "Ana Lima", "ana@example.org", "+44 7700 900123"))
    before = digest(vcf)
    with pytest.raises(UserError, match="not an Evolution address book \\(not an SQLite database\\)"):
        parse_evolution_contacts(vcf)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE folder_id (uid TEXT)")  # no vcard column
    conn.commit()
    conn.close()
    other_before = digest(other)
    with pytest.raises(UserError, match="no contacts table with vCards"):
        list(parse_evolution_contacts(other))
    with pytest.raises(UserError, match="No such file"):
        parse_evolution_contacts(tmp_path / "missing.db")
    assert digest(vcf) == before and digest(other) == other_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db", "other.db", "scratch"]
    assert list(_private_tmp.iterdir()) == []


def test_a_book_evolution_holds_open_in_wal_mode(tmp_path: Path) -> None:
    path = book(tmp_path / "contacts.db")
    live = sqlite3.connect(path)
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("PRAGMA wal_autocheckpoint=0")
    live.execute("INSERT INTO folder_id (uid, vcard) VALUES ('pas-id-5', ?)",
                 (vcard("pas-id-5", "Dee Okafor", "dee@example.org", "+234 802 123 4567"),))
    live.commit()
    before = digest(path), digest(Path(f"{path}-wal"))
    try:
        names = [r.display_name for r in parse_evolution_contacts(path) if isinstance(r, ContactRecord)]
    finally:
        assert (digest(path), digest(Path(f"{path}-wal"))) == before
        live.close()
    assert names == ["Ana Lima", "Chen Wei", "Dee Okafor"]


def test_relj_import_evolution_contacts(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    path = book(tmp_path / "contacts.db")
    out = run(db, "import", "evolution-contacts", str(path)).stdout
    assert "people:       2 added" in out and "contact list" in out and "interactions" not in out
    again = run(db, "import", "evolution-contacts", str(path)).stdout
    assert "0 added" in again and "2 unchanged" in again
    people = {p["name"]: p for p in json.loads(run(db, "person", "list", "--json").stdout)}
    assert people["Ana Lima"]["emails"] == ["ana@example.org"] and len(people["Ana Lima"]["phones"]) == 1
    notes = tmp_path / "notes.db"
    notes.write_bytes(b"\x00\x01 not a database")
    assert "not an Evolution address book" in fail(db, "import", "evolution-contacts", str(notes))
    assert notes.read_bytes() == b"\x00\x01 not a database"


EVOLUTION_CARDS = ["ezvcard_evolution_3.0.vcf", "kcontacts_evolution_two_photos.vcf",
                   "eds_evolution_2.1_cjk_quoted_printable.vcf", "eds_evolution_2.1_file_as_n_4_components.vcf"]


@pytest.mark.parametrize("name", EVOLUTION_CARDS)
def test_real_evolution_cards_read_as_the_vcard_importer_reads_them(tmp_path: Path, name: str) -> None:
    """Real vCards written by Evolution (shared corpus), kept in a row: the same contact as from the file."""
    source = CORPUS_VCARD / name
    if not source.is_file():
        pytest.skip(f"{name} is not in ../shared/corpus")
    from_file = list(parse_vcards(source))
    eds = Evolution(tmp_path / "contacts.db")
    eds.card("corpus-1", source.read_bytes().decode("utf-8"))
    from_row = list(parse_evolution_contacts(eds.close()))
    assert len(from_row) == len(from_file) >= 1
    for row, card in zip(from_row, from_file, strict=True):
        assert dataclasses.replace(row, where=card.where) == card
