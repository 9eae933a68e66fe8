"""The vCard parser and writer: rules on hand-made fixtures, the real corpus, round trips, fuzzing."""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import re
from pathlib import Path

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relj.clock import MAX_YEAR, MIN_YEAR
from relj.domain import Birthday, ContactKind, ContactPoint, Person
from relj.errors import UserError
from relj.interop.records import BadRecord, ContactRecord
from relj.interop.vcard import parse_vcards, write_vcards
from tests.interop.guard import run_guarded
from tests.interop.mutate import mutate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "vcard"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
MARKS = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff]")
WHERE = re.compile(r"card \d+ \(line \d+\)")

Record = ContactRecord | BadRecord


def parse(path: Path) -> list[Record]:
    records = list(parse_vcards(path))
    for r in records:
        assert isinstance(r, ContactRecord | BadRecord)
        assert WHERE.fullmatch(r.where), r.where
    return records


def contacts(records: list[Record]) -> list[ContactRecord]:
    return [r for r in records if isinstance(r, ContactRecord)]


def one(path: Path) -> ContactRecord:
    records = parse(path)
    assert len(records) == 1
    assert isinstance(records[0], ContactRecord)
    return records[0]


# -- rules, on hand-made fixtures --------------------------------------------------------------


def test_google_bidi_marks_labels_emails_interests() -> None:
    rec = one(FIXTURES / "google_bidi_arabic.vcf")
    assert rec.display_name == "ليلى حداد"
    assert (rec.given_name, rec.family_name) == ("ليلى", "حداد")
    assert rec.phones == [("+44 7700 900123", "mobile"), ("020 7946 0000", "home"), ("+971 4 555 0100", "Dubai office")]
    assert not any(MARKS.search(number) for number, _ in rec.phones)
    assert rec.emails == ["layla.haddad@example.org", "l.haddad@example.com", "layla@example.net"]
    assert rec.birthday == "--04-12"
    assert rec.organisation == "Haddad & Partners / Translation"
    assert rec.role == "Translator"
    assert rec.notes == "Met at the Beirut book fair.\nLoves mountain walks, oud music."
    assert rec.interests == ["Oud", "Hiking"]  # RFC 6715 INTEREST and HOBBY
    assert rec.categories == ["Book club"]  # "myContacts" is Google's own group
    assert rec.urls == [("https://example.org/layla", "homepage")]  # "http\:" unescaped, Apple label


def test_android_21_quoted_printable_cyrillic_and_derived_names() -> None:
    records = contacts(parse(FIXTURES / "android_21_qp_cyrillic.vcf"))
    assert [r.display_name for r in records] == ["Анна Иванова", "only.an.email@example.com", "Сергей Петров"]
    anna = records[0]
    assert (anna.given_name, anna.family_name) == ("Анна", "Иванова")  # soft break inside a character
    assert anna.notes == "Позвонить в пятницу\nВторая строка"
    assert anna.phones == [("+7 495 555-01-23", "mobile")]
    assert anna.categories == []  # "My Contacts" is Android's own group
    assert records[2].addresses == [("Невский пр., 1, Санкт-Петербург, 191186, Россия", "home")]


def test_apple_omit_year_birthday_grouped_labels_and_photo() -> None:
    rec = one(FIXTURES / "apple_ios_omit_year.vcf")
    assert rec.birthday == "--11-03"
    assert rec.nickname == "Hiro"
    assert rec.organisation == "Example KK"  # an empty unit adds no " / "
    assert rec.emails == ["hiroshi@example.jp"]
    assert rec.phones == [("090-1234-5678", "mobile"), ("080-8765-4321", "iphone")]
    assert rec.addresses == [("1-2-3 Shibuya, Shibuya-ku, Tokyo, 150-0002, Japan", "home")]


def test_fold_that_splits_a_utf8_character_bom_and_lf() -> None:
    rec = one(FIXTURES / "fold_splits_utf8_bom.vcf")
    assert rec.display_name == "王小明的很长很长的名字用于测试折行" * 2
    assert (rec.family_name, rec.given_name) == ("王", "小明")
    assert rec.notes == "Σημείωση: αυτή η γραμμή είναι μακριά ώστε να διπλωθεί."


def test_legacy_charsets_windows_1252_and_latin1() -> None:
    rec = one(FIXTURES / "outlook_21_latin1.vcf")
    assert rec.display_name == "Dr. François Müller-Lüdenscheidt"
    assert rec.family_name == "Müller-Lüdenscheidt"
    assert rec.organisation == "Café Zürich AG / Küche"
    assert rec.notes == "Preis: 5 €\nGrüße aus Zürich"
    assert rec.birthday == "1975-03-22"  # basic format, no dashes
    assert rec.phones == [("+41 44 555 12 34", "work"), ("+41 44 555 12 35", "work fax")]
    assert rec.addresses == [("Bahnhofstraße 1, Zürich, 8001, Schweiz", "work")]


def test_utf16_file() -> None:
    rec = one(FIXTURES / "outlook_utf16.vcf")
    assert rec.display_name == "Åse Øvergaard"
    assert rec.emails == ["ase@example.no"]


def test_lowercase_properties_escapes_bom_and_lf() -> None:
    rec = one(FIXTURES / "lowercase_lf_bom.vcf")
    assert rec.display_name == "Gabriel García Márquez"
    assert rec.organisation == "Editorial Sudamericana, S.A."
    assert rec.notes == "Escribe, lee; repite."
    assert rec.phones == [("+57 1 555 0100", "mobile")]


def test_broken_cards_do_not_take_their_neighbours_down() -> None:
    records = parse(FIXTURES / "broken_cards.vcf")
    names = [r.display_name if isinstance(r, ContactRecord) else None for r in records]
    assert names == ["First Good", "No End Card", "Third Good", None, "lower case", "No Begin Card", "Truncated Card"]
    bad = records[3]
    assert isinstance(bad, BadRecord)
    assert bad.where == "card 4 (line 15)"
    assert "no name" in bad.reason
    assert records[0].where == "card 1 (line 2)"


def test_missing_fn_falls_back_to_n_nickname_org_email() -> None:
    records = parse(FIXTURES / "missing_fn.vcf")
    assert [r.display_name for r in contacts(records)] == [
        "Chidi Okonkwo",  # "Given Family", without the additional name
        "Bubbles",
        "Acme Plumbing / Emergencies",
        "someone@example.com",
    ]
    assert isinstance(records[-1], BadRecord)


def test_vcard4_data_uri_photo_yearless_birthday_interests_categories() -> None:
    rec = one(FIXTURES / "v4_data_uri_interests.vcf")
    assert rec.display_name.startswith("Llywelyn ap Gruffudd")
    assert rec.given_name == "Llywelyn"
    assert rec.birthday == "--04-12"
    assert rec.phones == [("+44-7700-900456", "mobile")]  # "tel:" URI
    assert rec.interests == ["Rugby", "Choral singing", "Sheep dog trials"]
    assert rec.categories == ["Choir"]  # "Starred" is the phone's own group
    assert rec.uid == "urn:uuid:0f6a3e0c-7b8c-4a47-9a2e-2f1f5d2c1a11"


def test_not_a_vcard_is_refused_with_one_line(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"not_a_vcard\.vcf: not a vCard file") as info:
        parse_vcards(FIXTURES / "not_a_vcard.vcf")
    assert "\n" not in str(info.value)
    with pytest.raises(UserError, match="cannot read"):
        parse_vcards(tmp_path / "missing.vcf")
    binary = tmp_path / "photo.vcf"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(UserError):
        list(parse_vcards(binary))


@pytest.mark.parametrize(
    ("bday", "expected"),
    [
        ("BDAY:1980-04-12", "1980-04-12"),
        ("BDAY:19800412", "1980-04-12"),
        ("BDAY:1953-10-15T23:10:00Z", "1953-10-15"),
        ("BDAY;VALUE=date:1980-04-12", "1980-04-12"),
        ("BDAY:--0412", "--04-12"),
        ("BDAY:--04-12", "--04-12"),
        ("BDAY:--0229", "--02-29"),
        ("BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12", "--04-12"),
        ("BDAY:0000-04-12", "--04-12"),
        ("BDAY;VALUE=text:circa 1800", None),
        ("BDAY:1980-13-45", None),
        ("BDAY:", None),
    ],
)
def test_birthday_forms(tmp_path: Path, bday: str, expected: str | None) -> None:
    path = tmp_path / "b.vcf"
    path.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\n{bday}\r\nEND:VCARD\r\n", encoding="utf-8")
    assert one(path).birthday == expected


def test_logs_counts_never_names(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="relj"):
        parse(FIXTURES / "google_bidi_arabic.vcf")
        parse(FIXTURES / "broken_cards.vcf")
    assert "1 cards" in caplog.text
    for private in ("ليلى", "layla", "First Good", "Beirut", "7700"):
        assert private not in caplog.text


# -- the real corpus --------------------------------------------------------------------------


def _corpus_files() -> list[str]:
    names = []
    for folder, pattern in (("vcard", "*.vcf"), ("copyleft", "*.vcf"), ("copyleft", "*.vcard")):
        names += [f"{folder}/{p.name}" for p in sorted((CORPUS / folder).glob(pattern))]
    return names


@pytest.mark.corpus
@pytest.mark.parametrize("name", _corpus_files() or ["(no corpus)"])
def test_corpus_file_parses_cleanly(corpus: Path, name: str) -> None:
    path = corpus / name
    if not path.is_file():
        pytest.skip("corpus file missing")
    try:
        records = parse(path)
    except UserError as exc:
        assert str(exc).startswith(str(path))
        return
    assert records
    for rec in contacts(records):
        assert rec.display_name and rec.display_name == rec.display_name.strip()
        assert "\ufffd" not in rec.display_name
        assert rec.birthday is None or re.fullmatch(r"\d{4}-\d\d-\d\d|--\d\d-\d\d", rec.birthday)
        assert all(not MARKS.search(n) and n for n, _ in rec.phones)
        assert all(e and not MARKS.search(e) for e in rec.emails)


def _corpus_one(corpus: Path, name: str) -> list[Record]:
    path = corpus / name
    if not path.is_file():
        pytest.skip(f"{name} missing")
    return parse(path)


@pytest.mark.corpus
def test_corpus_google_bidi_phones_and_yearless_birthday(corpus: Path) -> None:
    (rec,) = contacts(_corpus_one(corpus, "copyleft/nametag_google_contacts_export_3.0_bidi_phones.vcf"))
    assert rec.phones == [("666 555 444", "mobile"), ("555242526", "home"), ("123456789", "work")]
    assert rec.birthday == "--01-22"
    assert rec.categories == []  # only Google's own "myContacts"
    assert ("biffsucks.com", "Hobbies") in rec.urls


@pytest.mark.corpus
def test_corpus_apple_omit_year(corpus: Path) -> None:
    (rec,) = contacts(_corpus_one(corpus, "copyleft/nametag_apple_iphone_ios26_export_3.0_photo.vcf"))
    assert rec.birthday == "--01-22"
    assert rec.display_name == "Emmetiano Lucas Brown"
    assert ("Rio Segre 2, Valdemorillo, Madrid, 28210, Spain", "work") in rec.addresses


@pytest.mark.corpus
def test_corpus_specifics(corpus: Path) -> None:
    (mac,) = contacts(_corpus_one(corpus, "vcard/kcontacts_macos_10.11_item1_adr_no_fn_name.vcf"))
    assert mac.display_name == "Name of Broken Card"
    assert mac.addresses == [("STREET, CITY, STATE, ZIP, COUNTRY", "work")]  # item1.ADR

    (rfc,) = contacts(_corpus_one(corpus, "vcard/ezvcard_rfc6350_example_4.0.vcf"))
    assert rfc.birthday == "--02-03"

    android = contacts(_corpus_one(corpus, "vcard/ezvcard_android_2.1_multi.vcf"))
    assert len(android) == 6
    assert android[0].display_name == "john.doe@company.com"  # no N, no FN
    assert android[2].display_name == "Ñ Ñ Ñ Ñ Ñ"

    (owncloud,) = contacts(_corpus_one(corpus, "vcard/kcontacts_owncloud_fold_splits_utf8_char.vcf"))
    assert owncloud.display_name.startswith("βγδεαβγδ1")
    assert owncloud.notes.startswith("Длинный комментарий на русском языке, чтобы")

    (nokia,) = contacts(_corpus_one(corpus, "vcard/eds_nokia_2.1_qp_value_starts_with_soft_break.vcf"))
    assert nokia.display_name == "Michael Brüning"
    assert nokia.addresses == [("Münsterplatz 21, Ulm, Baden-Württemberg, 89073", "home")]

    (cjk,) = contacts(_corpus_one(corpus, "vcard/eds_evolution_2.1_cjk_quoted_printable.vcf"))
    assert cjk.display_name == "十城目管理大型知座"

    (ximian,) = contacts(_corpus_one(corpus, "vcard/kcontacts_ximian_evolution_fn_without_colon.vcf"))
    assert ximian.display_name == "Ximian, Inc."  # "FN" without a colon is skipped; ORG names it

    for name in ("eds_missing_begin.vcf", "eds_missing_end.vcf", "eds_truncated_mid_property.vcf"):
        (frank,) = contacts(_corpus_one(corpus, f"vcard/{name}"))
        assert frank.display_name == "Frank Dawson"

    (no_name,) = _corpus_one(corpus, "vcard/sabre_issue64_2.1_photo_only_no_fn.vcf")
    assert isinstance(no_name, BadRecord)

    thunderbird = contacts(_corpus_one(corpus, "vcard/thunderbird_export_lowercase_2.1_qp.vcf"))
    assert [r.display_name for r in thunderbird] == ["contact number one", "contact number two"]
    assert thunderbird[1].notes == "here's some unicode text…"

    monica = contacts(_corpus_one(corpus, "copyleft/monica4x_import_stub_3contacts.vcf"))
    assert [r.display_name for r in monica] == ["Bono", "John Doe", "Johnny"]

    (outlook,) = contacts(_corpus_one(corpus, "vcard/ezvcard_outlook2003_2.1.vcf"))
    assert outlook.notes == "This is the note field!!\nSecond line\n\nThird line is empty"
    assert outlook.organisation == "Company, The / TheDepartment"


# -- writing and round trips ------------------------------------------------------------------

_EDGE = re.compile(
    r"^[\s\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff]+|[\s\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff]+$"
)
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _edge_clean(text: str) -> str:
    return _EDGE.sub("", text)


any_text = st.text(min_size=1, max_size=60).map(_edge_clean).filter(bool)
one_line_text = (
    st.text(alphabet=st.characters(codec="utf-8", exclude_characters=_LINE_BREAKS), min_size=1, max_size=60)
    .map(_edge_clean)
    .filter(bool)
)
labels = (
    st.sampled_from(["", "home", "work", "mobile", "other", "main", "pager", "fax", "home fax", "iphone"])
    | one_line_text
)
emails = st.from_regex(r"[a-z0-9._%+-]{1,20}@[a-z0-9-]{1,20}\.[a-z]{2,6}", fullmatch=True)
phones = st.from_regex(r"\+?[0-9][0-9 ()-]{3,16}[0-9]", fullmatch=True)
urls = st.from_regex(r"https://[a-z0-9.-]{1,20}/[A-Za-z0-9_~%/.-]{0,20}", fullmatch=True)
interests = any_text.map(lambda s: " ".join(s.split())).filter(bool)
birthdays = st.one_of(
    st.none(),
    # Every year relj keeps (1900..2200: relj.clock); one outside is left out on reading, see
    # test_birthday_in_a_year_out_of_range_is_left_out.
    st.dates(dt.date(MIN_YEAR, 1, 1), dt.date(MAX_YEAR, 12, 31)).map(lambda d: Birthday(d.month, d.day, d.year)),
    st.dates(dt.date(2000, 1, 1), dt.date(2000, 12, 31)).map(lambda d: Birthday(d.month, d.day, None)),
)


@st.composite
def people(draw: st.DrawFn) -> Person:
    contact_points = [
        *(
            ContactPoint(ContactKind.EMAIL, e, draw(labels))
            for e in draw(st.lists(emails, max_size=3, unique_by=str.lower))
        ),
        *(ContactPoint(ContactKind.PHONE, p, draw(labels)) for p in draw(st.lists(phones, max_size=3, unique=True))),
        *(ContactPoint(ContactKind.URL, u, draw(labels)) for u in draw(st.lists(urls, max_size=2, unique=True))),
        *(
            ContactPoint(ContactKind.ADDRESS, a, draw(labels))
            for a in draw(st.lists(one_line_text, max_size=2, unique=True))
        ),
    ]
    return Person(
        id=draw(st.integers(1, 10**9)),
        display_name=draw(any_text),
        given_name=draw(st.just("") | any_text),
        family_name=draw(st.just("") | any_text),
        nickname=draw(st.just("") | any_text),
        organisation=draw(st.just("") | any_text),
        role=draw(st.just("") | any_text),
        birthday=draw(birthdays),
        notes=draw(st.just("") | any_text),
        contacts=tuple(draw(st.permutations(contact_points))),
        interests=tuple(draw(st.lists(interests, max_size=4, unique_by=str.lower))),
    )


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _assert_same(person: Person, rec: ContactRecord) -> None:
    assert rec.display_name == _newlines(person.display_name)
    assert rec.given_name == _newlines(person.given_name)
    assert rec.family_name == _newlines(person.family_name)
    assert rec.nickname == _newlines(person.nickname)
    assert rec.organisation == _newlines(person.organisation)
    assert rec.role == _newlines(person.role)
    assert rec.notes == _newlines(person.notes)
    assert rec.birthday == (person.birthday.iso() if person.birthday else None)
    assert rec.uid == f"relj-person-{person.id}"
    by_kind = {k: [(c.value, c.label) for c in person.contacts if c.kind is k] for k in ContactKind}
    assert rec.emails == [v for v, _ in by_kind[ContactKind.EMAIL]]
    assert rec.phones == by_kind[ContactKind.PHONE]
    assert rec.urls == by_kind[ContactKind.URL]
    assert rec.addresses == by_kind[ContactKind.ADDRESS]
    assert rec.interests == list(person.interests)


def _export(tmp: Path, group: list[Person]) -> Path:
    path = tmp / "export.vcf"
    with path.open("w", encoding="utf-8", newline="") as out:
        assert write_vcards(group, out) == len(group)
    return path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(group=st.lists(people(), min_size=1, max_size=3))
def test_export_then_parse_is_lossless(tmp_path: Path, group: list[Person]) -> None:
    path = _export(tmp_path, group)
    data = path.read_bytes()
    lines = data.split(b"\r\n")
    assert lines[-1] == b""
    for line in lines[:-1]:
        assert len(line) <= 75
        assert b"\n" not in line and b"\r" not in line
        line.decode("utf-8")  # no fold splits a character
    records = parse(path)
    assert len(records) == len(group)
    for person, rec in zip(group, records, strict=True):
        assert isinstance(rec, ContactRecord)
        _assert_same(person, rec)


def test_export_is_valid_vcard_30_for_other_readers() -> None:
    person = Person(
        id=7,
        display_name="Zoë O'Brien, Jr.",
        given_name="Zoë",
        family_name="O'Brien",
        organisation="Acme / Research",
        birthday=Birthday(4, 12, None),
        notes="Line one; with semicolon\nLine two, with comma " + "long " * 30,
        contacts=(
            ContactPoint(ContactKind.EMAIL, "zoe@example.com", "work"),
            ContactPoint(ContactKind.PHONE, "+44 20 7946 0000", "mobile"),
            ContactPoint(ContactKind.PHONE, "+44 20 7946 0001", "Boat"),
            ContactPoint(ContactKind.ADDRESS, "1 High St, Leeds", "home"),
        ),
        interests=("Climbing", "Jazz piano"),
    )
    out = io.StringIO(newline="")
    assert write_vcards([person], out) == 1
    text = out.getvalue()
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12\r\n" in text
    assert "ORG:Acme;Research\r\n" in text
    assert "UID:relj-person-7\r\n" in text
    assert "INTEREST:Jazz piano\r\n" in text
    assert "CATEGORIES" not in text
    assert "item1.TEL:+44 20 7946 0001\r\nitem1.X-ABLabel:Boat\r\n" in text
    (card,) = vobject.readComponents(text)
    assert card.fn.value == "Zoë O'Brien, Jr."
    assert card.n.value.family == "O'Brien"
    assert card.version.value == "3.0"


# -- nesting, year-less birthdays, placeholders, size (issue 13) -------------------------------


def test_nested_cards_leave_the_outer_cards_lines_with_it() -> None:
    """AGENT cards (after "AGENT:", after a blank line, on the AGENT line) and a bare nested card."""
    records = parse(FIXTURES / "nested_agent_21.vcf")
    found = [(r.display_name, r.phones) for r in contacts(records)]
    assert found == [
        ("Olga Outer", [("1", "")]),
        ("Oskar Outer", [("2", "")]),
        ("Otto Outer", [("3", "")]),
        ("Ola Outer", [("4", "")]),
        ("Ida Inner", []),  # nested without AGENT: a card of its own, after its outer card
    ]
    assert len(records) == len(found)


def test_cardbook_1604_birthday_is_yearless() -> None:
    records = contacts(parse(FIXTURES / "cardbook_yearless_bday.vcf"))
    assert [r.birthday for r in records] == ["--04-12", "--02-29"]


def test_yearless_birthday_exports_in_apples_form_and_reads_back(tmp_path: Path) -> None:
    rec = contacts(parse(FIXTURES / "cardbook_yearless_bday.vcf"))[0]
    assert rec.birthday is not None
    person = Person(id=1, display_name=rec.display_name, birthday=Birthday.parse(rec.birthday))
    out = io.StringIO(newline="")
    write_vcards([person], out)
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12\r\n" in out.getvalue()
    path = tmp_path / "back.vcf"
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    assert one(path).birthday == "--04-12"


def test_phone_without_a_digit_never_names_a_card() -> None:
    records = parse(FIXTURES / "phone_without_digit.vcf")
    rec = records[0]
    assert isinstance(rec, ContactRecord)
    # The parser keeps what the card says; the engine leaves out the placeholders (see
    # tests/cli/test_import_cli_hostile.py), as it does an email without "@".
    assert [n for n, _ in rec.phones] == ["cell number", "xxxxxxxxxxxxxx", "1"]
    assert isinstance(records[1], BadRecord)  # only "TEL:cell number": no name to give it
    assert "no name" in records[1].reason


def test_many_emails_in_one_card_is_linear(tmp_path: Path) -> None:
    path = tmp_path / "many.vcf"
    lines = [f"EMAIL:a{i}@example.org" for i in range(19_000)]
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many\r\n" + "\r\n".join(lines) + "\r\nEND:VCARD\r\n")
    # About half a second; quadratic it took over 20 s.
    result = run_guarded(
        f"""
        import json
        from pathlib import Path
        from relj.interop.vcard import parse_vcards
        (rec,) = parse_vcards(Path({str(path)!r}))
        print(json.dumps(len(rec.emails)))
    """,
        timeout=30,
    )
    assert result == 19_000


def test_a_huge_card_or_line_is_one_bad_record_in_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.vcf"
    with path.open("wb") as fh:
        fh.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Small\r\nEND:VCARD\r\n")
        fh.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long Note\r\nNOTE:" + b"x" * 4000)
        fh.seek(600 << 20, os.SEEK_CUR)  # a sparse hole: 600 MB of NUL bytes, more than the child may use
        fh.write(b"\r\nEND:VCARD\r\n")
        fh.write(b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Big Photo\r\nPHOTO:data:image/jpeg;base64,")
        fh.write(b"A" * (3 << 20) + b"\r\nEND:VCARD\r\n")
    result = run_guarded(f"""
        import json
        from pathlib import Path
        from relj.interop.vcard import parse_vcards
        out = [getattr(r, "display_name", None) or r.reason for r in parse_vcards(Path({str(path)!r}))]
        print(json.dumps(out))
    """)
    assert result == ["Small", "line 8 is longer than 1 MB", "Big Photo"]


@pytest.mark.parametrize("special", ["fifo", "folder"])
def test_only_regular_files_are_read(tmp_path: Path, special: str) -> None:
    path = tmp_path / "contacts.vcf"
    if special == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    result = run_guarded(
        f"""
        import json
        from pathlib import Path
        from relj.errors import UserError
        from relj.interop.vcard import parse_vcards
        try:
            parse_vcards(Path({str(path)!r}))
        except UserError as exc:
            print(json.dumps(str(exc)))
    """,
        timeout=30,
    )
    assert result.startswith(f"cannot read {path}: it is a ")


# -- fuzzing ----------------------------------------------------------------------------------


def _fuzz_sources() -> list[Path]:
    files = sorted(FIXTURES.glob("*.vcf"))
    for folder in ("vcard", "copyleft"):
        files += [p for p in sorted((CORPUS / folder).glob("*.vc*")) if p.stat().st_size < 8000]
    return files


SOURCES = _fuzz_sources()


def _parse_or_refuse(path: Path) -> None:
    try:
        parse(path)
    except UserError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2000))
def test_random_bytes_never_crash(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "random.vcf"
    path.write_bytes(data)
    _parse_or_refuse(path)


@settings(max_examples=100, deadline=None)
@given(
    data=st.binary(max_size=300),
    prefix=st.sampled_from([b"BEGIN:VCARD\r\n", b"BEGIN:VCARD\nVERSION:2.1\nN;ENCODING=QUOTED-PRINTABLE:="]),
)
def test_random_card_bodies_never_crash(tmp_path_factory: pytest.TempPathFactory, data: bytes, prefix: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "body.vcf"
    path.write_bytes(prefix + data + b"\r\nEND:VCARD\r\n")
    _parse_or_refuse(path)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_mutated_real_files_never_crash(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(SOURCES))
    content = mutate(data, source.read_bytes(), [b"\r\n", b"\n ", b"=", b";", b":", b"\\", b'"', b"\xc3", b"\x00"])
    path = tmp_path_factory.mktemp("fuzz") / source.name
    path.write_bytes(content)
    _parse_or_refuse(path)
