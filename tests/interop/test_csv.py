"""The contact-CSV parser: every known layout, --map, encodings, the real corpus, fuzzing."""

from __future__ import annotations

import codecs
import csv
import io
import logging
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relj.errors import UserError
from relj.interop.csvio import detect_layout, parse_csv, parse_map_spec
from relj.interop.records import BadRecord, ContactRecord
from tests.interop.guard import run_guarded
from tests.interop.mutate import mutate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
WHERE = re.compile(r"row \d+")

Record = ContactRecord | BadRecord


def parse(path: Path, mapping: dict[str, str] | None = None) -> list[Record]:
    records = list(parse_csv(path, mapping))
    for r in records:
        assert isinstance(r, ContactRecord | BadRecord)
        assert WHERE.fullmatch(r.where), r.where
    return records


def contacts(records: list[Record]) -> list[ContactRecord]:
    return [r for r in records if isinstance(r, ContactRecord)]


# -- layouts ----------------------------------------------------------------------------------

GOOGLE_2020 = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,"
    "Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,"
    "Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value"
)
GOOGLE_LEGACY = (
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,Family Name Yomi,"
    "Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,"
    "Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Group Membership,E-mail 1 - Type,"
    "E-mail 1 - Value"
)
OUTLOOK = '"Title","First Name","Middle Name","Last Name","Suffix","Company","Department","Job Title","E-mail Address"'
OUTLOOK_LIVE = (
    "First Name,Middle Name,Last Name,Title,Suffix,Initials,Web Page,Gender,Birthday,E-mail Address,Home Phone"
)
THUNDERBIRD = (
    "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone,"
    "Fax Number,Pager Number,Mobile Number,Notes,"
)
LINKEDIN = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
LINKEDIN_2018 = "First Name,Last Name,Email Address,Company,Position,Connected On"


@pytest.mark.parametrize(
    ("header", "layout"),
    [
        (GOOGLE_2020, "google-2020"),
        ("\ufeff" + GOOGLE_2020, "google-2020"),
        (GOOGLE_LEGACY, "google-legacy"),
        (OUTLOOK, "outlook"),
        (OUTLOOK_LIVE, "outlook"),
        (THUNDERBIRD, "thunderbird"),
        ("Display Name,First Name,Last Name,Primary Email", "thunderbird"),
        (LINKEDIN, "linkedin"),
        (LINKEDIN_2018, "linkedin"),
        ("id,first_name,middle_name,last_name", None),
        ("Name,Phone", None),
        ("", None),
    ],
)
def test_detect_layout(header: str, layout: str | None) -> None:
    row = next(csv.reader([header])) if header else []
    assert detect_layout(row) == layout


def test_google_2020_labels_multi_values_bom_and_multiline_cells() -> None:
    records = parse(FIXTURES / "google_2020.csv")
    misaki, omar, empty = records
    assert isinstance(misaki, ContactRecord) and isinstance(omar, ContactRecord)
    assert misaki.where == "row 2"
    assert (misaki.given_name, misaki.family_name, misaki.display_name) == ("美咲", "佐藤", "美咲 佐藤")
    assert misaki.emails == ["misaki@example.jp", "misa.sato@example.com", "sato@example.co.jp"]  # " ::: "
    assert misaki.phones == [("+81 90-1234-5678", "mobile")]  # bidi marks gone
    assert misaki.categories == ["Friends"]  # "* myContacts" and "* starred" are Google's own
    assert misaki.birthday == "--03-14"
    assert misaki.notes == 'Met in Kyoto.\nLikes tea, "matcha" especially.'
    assert misaki.addresses == [("1-2-3 Gion, Kyoto, 605-0001, Japan", "home")]
    assert misaki.urls == [("https://example.jp/misaki", "blog")]
    assert (misaki.organisation, misaki.role) == ("例株式会社", "デザイナー")
    assert omar.display_name == "Omar Farouk El-Sayed"
    assert omar.phones == [("+20 2 5555 0100", "work"), ("+20 2 5555 0101", "work")]
    assert omar.addresses == [("12 Tahrir Sq, Cairo, Egypt", "work")]  # only "Formatted" given
    assert omar.categories == []
    # The blank row 4 is skipped; row 5 has nothing to name anyone by.
    assert isinstance(empty, BadRecord) and empty.where == "row 5"


def test_google_legacy_groups_hobbies_organisation() -> None:
    (rec,) = contacts(parse(FIXTURES / "google_legacy.csv"))
    assert rec.display_name == "Ingrid Bergström"
    assert rec.categories == ["Family"]
    assert rec.interests == ["Sailing", "Knitting"]
    assert (rec.organisation, rec.role) == ("Volvo / Safety", "Engineer")
    assert rec.emails == ["ingrid@example.se"]
    assert rec.addresses == [("Storgatan 1, Göteborg, 411 38, Sweden", "home")]


def test_outlook_cp1252_exchange_addresses_and_dates() -> None:
    jose, zoe = contacts(parse(FIXTURES / "outlook_cp1252.csv"))
    assert jose.display_name == "José Núñez"
    assert jose.organisation == "Señor Café / Ventas"
    assert jose.emails == ["jose@example.es"]  # the Exchange X.500 entry is not an address
    assert jose.birthday == "1980-04-12"  # month first
    assert jose.notes == "Prefers €-invoices.\nCall after 10:00."
    assert jose.phones == [("+34 600 555 010", "mobile"), ("+34 91 555 0101", "work fax")]
    assert jose.addresses == [("Calle Mayor 5, Madrid, 28013, España", "work")]
    assert jose.categories == ["Clientes", "Amigos"]
    assert jose.interests == ["Fútbol", "Ajedrez"]
    assert zoe.display_name == "Zoë Brontë"
    assert zoe.birthday is None  # "0/0/00"


def test_outlook_utf16_cyrillic_greek() -> None:
    oleg, eleni = contacts(parse(FIXTURES / "outlook_utf16.csv"))
    assert oleg.display_name == "Олег Кузнецов"
    assert oleg.birthday == "1985-02-23"  # dotted dates are day first
    assert eleni.display_name == "Ελένη Παπαδοπούλου"
    assert eleni.categories == ["Οικογένεια"]


def test_linkedin_preamble_quotes_and_connected_on() -> None:
    priya, khai = contacts(parse(FIXTURES / "linkedin_connections.csv"))
    assert priya.where == "row 5"  # the real header is on row 4
    assert priya.display_name == "Priya Raghunathan"  # trailing space gone
    assert (priya.organisation, priya.role) == ("Acme, Inc.", 'VP, "Growth"')
    assert priya.emails == []
    assert priya.urls == [("https://www.linkedin.com/in/priya-r-1a2b3c", "linkedin")]
    assert priya.notes == "Connected on LinkedIn on 22 Dec 2025"
    assert khai.display_name == "Nguyễn Thị Minh Khai"
    assert khai.emails == ["khai@example.vn"]


def test_linkedin_2018_excel_padded_preamble() -> None:
    (rec,) = contacts(parse(FIXTURES / "linkedin_2018_padded.csv"))
    assert rec.display_name == "DAVID O'BRIEN"
    assert rec.emails == []  # "urn:li:member:…" is not an address
    assert rec.notes == "Connected on LinkedIn on 1/8/18, 6:14 PM"


def test_thunderbird_tab_separated_trailing_delimiters_birth_columns() -> None:
    (rec,) = contacts(parse(FIXTURES / "thunderbird_tab.csv"))
    assert rec.display_name == "Aoife Ní Bhriain"
    assert rec.birthday == "--03-17"  # no Birth Year
    assert rec.phones == [("+353 85 555 0123", "mobile")]
    assert rec.notes == "Fiddle player"


def test_map_on_custom_semicolon_latin1_file() -> None:
    mapping = parse_map_spec(
        "name=Full Name,email=E-mail 1,email=E-mail 2,phone=Mobile,org=Company,note=Notes,bday=Born"
    )
    renee, amelie = contacts(parse(FIXTURES / "custom_semicolon_latin1.csv", mapping))
    assert renee.display_name == "Renée Lefèvre"
    assert renee.notes == "Aime le café;\nsurtout le matin"
    assert renee.birthday == "1990-05-12"
    assert renee.organisation == "Société Générale"
    assert renee.phones == [("+33 6 55 55 01 23", "")]
    assert amelie.emails == ["amelie@example.fr", "a.poulain@example.com"]


def test_map_wins_over_a_known_layout() -> None:
    mapping = parse_map_spec("name=Nickname,email=E-mail 1 - Value")
    misaki, omar, empty = parse(FIXTURES / "google_2020.csv", mapping)
    assert isinstance(misaki, ContactRecord)
    assert misaki.display_name == "Misa"
    assert misaki.emails == ["misaki@example.jp", "misa.sato@example.com"]
    assert misaki.phones == []  # the layout's own columns are not read
    assert isinstance(omar, BadRecord)  # no nickname, no email: nothing mapped names him
    assert isinstance(empty, BadRecord)


def test_refusals_are_one_clean_line(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"unknown_layout\.csv: not a contact CSV relj knows .* --map") as info:
        parse_csv(FIXTURES / "unknown_layout.csv")
    assert "\n" not in str(info.value)
    with pytest.raises(UserError, match="no header row .* Mobile Phone"):
        parse_csv(FIXTURES / "unknown_layout.csv", parse_map_spec("name=first_name,phone=Mobile Phone"))
    with pytest.raises(UserError, match="cannot read"):
        parse_csv(tmp_path / "missing.csv")
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(UserError, match="not a CSV file"):
        parse_csv(binary)


def test_unknown_layout_with_map_reads_it() -> None:
    (rec,) = contacts(parse(FIXTURES / "unknown_layout.csv", parse_map_spec("given=first_name,family=last_name")))
    assert (rec.display_name, rec.where) == ("Ann Lee", "row 2")


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("name=Full Name,email=E-mail 1", {"name": "Full Name", "email": "E-mail 1"}),
        ("email=E-mail 1|E-mail 2, phone = Mobile ", {"email": "E-mail 1|E-mail 2", "phone": "Mobile"}),
        ("email=A,email=B", {"email": "A|B"}),
        ("Company=Firm,first=Vorname,surname=Nachname,notes=Notizen", {"org": "Firm", "given": "Vorname",
                                                                     "family": "Nachname", "note": "Notizen"}),
    ],
)  # fmt: skip
def test_parse_map_spec(spec: str, expected: dict[str, str]) -> None:
    assert parse_map_spec(spec) == expected


@pytest.mark.parametrize("spec", ["", " , ", "name", "colour=Favourite Colour", "name="])
def test_parse_map_spec_refuses(spec: str) -> None:
    with pytest.raises(UserError, match="--map"):
        parse_map_spec(spec)


def test_logs_counts_never_names(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="relj"):
        parse(FIXTURES / "google_2020.csv")
    assert "2 rows" in caplog.text
    for private in ("美咲", "misaki", "Kyoto", "1234"):
        assert private not in caplog.text


# -- the real corpus --------------------------------------------------------------------------


def _corpus_files() -> list[str]:
    return [f"{folder}/{p.name}" for folder in ("csv", "copyleft") for p in sorted((CORPUS / folder).glob("*.csv"))]


@pytest.mark.corpus
@pytest.mark.parametrize("name", _corpus_files() or ["(no corpus)"])
def test_corpus_file_parses_cleanly(corpus: Path, name: str) -> None:
    path = corpus / name
    if not path.is_file():
        pytest.skip("corpus file missing")
    try:
        records = parse(path)
    except UserError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
        return
    assert contacts(records)
    for rec in contacts(records):
        assert rec.display_name and "\ufffd" not in rec.display_name


def _corpus(corpus: Path, name: str) -> Path:
    path = corpus / name
    if not path.is_file():
        pytest.skip(f"{name} missing")
    return path


@pytest.mark.corpus
def test_corpus_specifics(corpus: Path) -> None:
    (gmail,) = contacts(parse(_corpus(corpus, "copyleft/roundcube_google_contacts_legacy_gmail_export.csv")))
    assert gmail.display_name == "Prefix Firstname Middle Lastname Suffix"
    assert gmail.categories == ["Test"]  # "* My Contacts" dropped
    assert gmail.emails[:2] == ["home@aaa.pl", "work@email.pl"]
    assert gmail.notes == 'note"note'
    assert gmail.birthday == "1975-12-12"

    (tb,) = contacts(parse(_corpus(corpus, "copyleft/roundcube_thunderbird_export_trailing_comma.csv")))
    assert tb.display_name == "Displayname"
    assert tb.birthday == "1970-11-15"
    assert tb.emails == ["test@domain.tld", "next@domain.tld"]

    one, two = contacts(parse(_corpus(corpus, "csv/thunderbird_addressbook_export_embedded_newline_tab.csv")))
    assert one.display_name == "contact number one"
    assert two.role == '"worker"'
    assert two.notes == "here's some unicode text…"

    semicolon = contacts(parse(_corpus(corpus, "csv/thunderbird_import_semicolon_delimited.csv")))
    assert [r.emails for r in semicolon] == [["john@doe.invalid"], ["jane@doe.invalid"]]

    with pytest.raises(UserError, match="--map"):
        parse_csv(_corpus(corpus, "copyleft/monica4x_import_single_contact_stub.csv"))


# -- property tests and fuzzing ---------------------------------------------------------------

cell_text = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40).map(
    lambda s: " ".join(s.split())
)


@settings(max_examples=100, deadline=None)
@given(
    rows=st.lists(st.tuples(cell_text, cell_text, st.text(max_size=80)), min_size=1, max_size=5),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_any_text_survives_quoting(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str]], delimiter: str, encoding: str
) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["First Name", "Last Name", "Display Name", "Nickname", "Primary Email", "Notes"])
    for given_name, family, notes in rows:
        writer.writerow([given_name, family, "", "", "x@example.com", notes.replace("\x00", "")])
    path = tmp_path_factory.mktemp("csv") / "tb.csv"
    path.write_bytes(buf.getvalue().encode(encoding))
    records = parse(path)
    assert len(records) == len(rows)  # every row has an email, so every row is a contact
    for rec, (given_name, family, notes) in zip(records, rows, strict=True):
        assert isinstance(rec, ContactRecord)
        assert rec.given_name == _EDGE.sub("", given_name)
        assert rec.family_name == _EDGE.sub("", family)
        assert rec.notes == _EDGE.sub("", notes.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n"))
        assert rec.display_name == (_join(rec.given_name, rec.family_name) or "x@example.com")


_EDGE = re.compile(
    r"^[\s\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff]+|[\s\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff]+$"
)


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


FUZZ_SOURCES = sorted(FIXTURES.glob("*.csv")) + [
    p for folder in ("csv", "copyleft") for p in sorted((CORPUS / folder).glob("*.csv"))
]


def _parse_or_refuse(path: Path, mapping: dict[str, str] | None = None) -> None:
    try:
        parse(path, mapping)
    except UserError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2000))
def test_random_bytes_never_crash(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "random.csv"
    path.write_bytes(data)
    _parse_or_refuse(path)
    _parse_or_refuse(path, {"name": "a", "email": "b|c"})


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=600), header=st.sampled_from([GOOGLE_2020, GOOGLE_LEGACY, OUTLOOK, THUNDERBIRD]))
def test_known_header_random_body_never_crashes(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, header: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "body.csv"
    path.write_bytes(header.encode() + b"\r\n" + data)
    _parse_or_refuse(path)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_mutated_real_files_never_crash(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(FUZZ_SOURCES))
    content = mutate(data, source.read_bytes(), [b'"', b",", b";", b"\t", b"\r\n", b"\n", b"\xff", b":::", b"\x00"])
    path = tmp_path_factory.mktemp("fuzz") / source.name
    path.write_bytes(content)
    _parse_or_refuse(path)


def test_utf16_without_bom_and_utf8_bom(tmp_path: Path) -> None:
    text = "First Name,Last Name,Primary Email\r\nŁucja,Wróbel,lucja@example.pl\r\n"
    for name, data in (
        ("le.csv", text.encode("utf-16-le")),
        ("be.csv", text.encode("utf-16-be")),
        ("bom.csv", codecs.BOM_UTF8 + text.encode("utf-8")),
        ("latin2-ish.csv", "First Name,Last Name,Primary Email\nRenée,Dupré,r@example.fr\n".encode("cp1252")),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        (rec,) = contacts(parse(path))
        assert rec.display_name in ("Łucja Wróbel", "Renée Dupré")


# -- placeholders, size, special files (issue 13) -------------------------------------------


def test_phone_without_a_digit_never_names_a_row() -> None:
    nameless, paula = parse(FIXTURES / "outlook_placeholder_phone.csv")
    assert isinstance(nameless, BadRecord)  # only "cell number": nothing to call the row
    assert isinstance(paula, ContactRecord)
    assert paula.phones == [("xxxxxxxxxxxxxx", "mobile"), ("1", "home")]  # the engine leaves the first out


def test_refused_big_file_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as fh:
        fh.write(b"alpha,beta,gamma,delta,epsilon,zeta,eta,theta\n" * 1000)
        fh.seek(600 << 20, 1)  # a sparse hole: 600 MB more
        fh.write(b"\n")
    # Read whole, a 100 MB file took 1 GB; streamed, the check stays near 20 MB.
    result = run_guarded(
        f"""
        import json
        from pathlib import Path
        from relj.errors import UserError
        from relj.interop.csvio import parse_csv
        try:
            parse_csv(Path({str(path)!r}))
        except UserError as exc:
            print(json.dumps(str(exc)))
    """,
        timeout=120,
    )
    assert "not a contact CSV relj knows" in result


def test_an_endless_line_is_one_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    with path.open("wb") as fh:
        fh.write(b"First Name,Last Name,E-mail Address,Mobile Phone,Company\nAnn,Lee,ann@example.org,,\n")
        fh.write(b"Bob," + b"x" * 4000)
        fh.seek(600 << 20, 1)  # a sparse hole: 600 MB without a line end
        fh.write(b"\nCai,Ng,cai@example.org,,\n")
    result = run_guarded(f"""
        import json
        from pathlib import Path
        from relj.interop.csvio import parse_csv
        print(json.dumps([getattr(r, "display_name", None) or r.reason for r in parse_csv(Path({str(path)!r}))]))
    """)
    assert result == ["Ann Lee", "line 3 is longer than 1 M characters", "Cai Ng"]


def test_a_pipe_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    os.mkfifo(path)
    result = run_guarded(
        f"""
        import json
        from pathlib import Path
        from relj.errors import UserError
        from relj.interop.csvio import parse_csv
        try:
            parse_csv(Path({str(path)!r}))
        except UserError as exc:
            print(json.dumps(str(exc)))
    """,
        timeout=30,
    )
    assert result == f"cannot read {path}: it is a named pipe, not a regular file"
