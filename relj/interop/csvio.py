"""Contact CSV files: Google (2020+ and legacy), Outlook, Thunderbird, LinkedIn, or any with --map.

The layout is recognised from the header row, which need not be the first row: LinkedIn's
``Connections.csv`` starts with a "Notes:" preamble. The delimiter (``,`` ``;`` or TAB) is the
one under which a known header (or the --map columns) is found. Text may be UTF-8 with or
without a BOM, UTF-16 (Outlook), or a legacy code page (cp1252, then Latin-1).

Google joins several values in one cell with " ::: "; its "Labels"/"Group Membership" become
categories, without the groups Google adds by itself ("* myContacts", "* starred"). Outlook
and legacy Google "Hobby" cells become interests. LinkedIn's "Connected On" date becomes a
note line, "Connected on LinkedIn on 22 Dec 2025", and the profile URL a "linkedin" URL.

Addresses are one line, non-empty parts joined by ", " in vCard order (PO box, extended,
street, city, region, postal code, country). Outlook birthdays are read month first
("4/12/1980", as Outlook writes in English) unless the first number is over 12; dotted dates
("12.4.1980") are day first. A birthday in a year outside 1900..2200 ("12/31/9999") is left
out with a note, the person kept (relj.interop.records.contact_birthday).
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from relj.errors import UserError
from relj.interop.phone import clean_phone, readable_phone
from relj.interop.records import BadRecord, ContactRecord, contact_birthday
from relj.interop.textutil import (
    one_line,
    open_regular,
    strip_edge_marks,
    strip_marks,
    text_encoding,
    user_groups,
)

__all__ = ["MAP_FIELDS", "detect_layout", "parse_csv", "parse_map_spec"]

log = logging.getLogger(__name__)

CsvRecord = ContactRecord | BadRecord

#: --map field names, each with the names it may also be given as.
MAP_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("display", "display_name", "full_name", "fullname"),
    "given": ("first", "first_name", "given_name", "firstname"),
    "family": ("last", "last_name", "family_name", "surname", "lastname"),
    "nickname": ("nick",),
    "email": ("emails", "e-mail", "mail"),
    "phone": ("phones", "tel", "mobile", "telephone"),
    "org": ("organisation", "organization", "company"),
    "role": ("title", "job_title", "position"),
    "birthday": ("bday", "birth", "born"),
    "note": ("notes",),
    "address": ("addresses", "adr"),
    "url": ("urls", "website", "web"),
    "interests": ("interest", "hobby", "hobbies"),
    "categories": ("category", "groups", "group", "labels", "label"),
    "uid": ("id",),
}
_ALIASES = {alias: key for key, aliases in MAP_FIELDS.items() for alias in (key, *aliases)}
_MULTI = " ::: "
_HEADER_SEARCH_ROWS = 30
_DELIMITERS = (",", ";", "\t")


def _norm(name: str) -> str:
    """A header cell compared loosely: no BOM or marks, case-folded, single spaces."""
    return " ".join(strip_marks(name).strip('"').casefold().split())


# ---------------------------------------------------------------------------- --map


def parse_map_spec(spec: str) -> dict[str, str]:
    """Read ``--map "name=Full Name,email=E-mail 1|E-mail 2,phone=Mobile"``.

    Keys are the fields of :data:`MAP_FIELDS` (or their aliases); values are header names.
    A key given twice, or one value with several columns joined by "|", reads each column in
    turn (several emails, phones...). Returns ``{field: "Column|Column"}``.

    Raises:
        UserError: an empty spec, a pair without "=", an unknown field, an empty column name.
    """
    mapping: dict[str, str] = {}
    if not spec.strip():
        raise UserError("--map is empty: give field=Column pairs, e.g. --map 'name=Full Name,email=E-mail'")
    for pair in spec.split(","):
        if not pair.strip():
            continue
        if "=" not in pair:
            raise UserError(f"--map: '{pair.strip()}' is not field=Column")
        key, _, column = pair.partition("=")
        field = _ALIASES.get(key.strip().lower().replace(" ", "_"))
        if field is None:
            raise UserError(f"--map: unknown field '{key.strip()}' (known: {', '.join(MAP_FIELDS)})")
        columns = [c.strip() for c in column.split("|") if c.strip()]
        if not columns:
            raise UserError(f"--map: no column given for '{key.strip()}'")
        mapping[field] = "|".join([*mapping.get(field, "").split("|"), *columns]).strip("|")
    if not mapping:
        raise UserError("--map is empty: give field=Column pairs, e.g. --map 'name=Full Name,email=E-mail'")
    return mapping


# ---------------------------------------------------------------------------- layouts


def detect_layout(header: list[str]) -> str | None:
    """The exporter that wrote a header row: "google-2020", "google-legacy", "outlook",
    "thunderbird", "linkedin", or ``None``."""
    cols = {_norm(h) for h in header}
    if {"first name", "last name", "connected on"} <= cols:
        return "linkedin"
    numbered = {re.sub(r"\b\d+\b", "N", c) for c in cols}
    if "labels" in cols or numbered & {"e-mail N - label", "phone N - label"} or {"first name", "file as"} <= cols:
        return "google-2020"
    legacy_names = {"given name", "family name"} <= cols
    if "group membership" in cols or numbered & {"e-mail N - type", "phone N - type"} or legacy_names:
        return "google-legacy"
    if cols & {"e-mail address", "mobile phone", "business phone", "home phone 2"} and (
        cols & {"first name", "last name", "company"}
    ):
        return "outlook"
    if "primary email" in cols or {"display name", "secondary email"} <= cols:
        return "thunderbird"
    return None


class _Row:
    """One data row, read by header name (loosely compared); missing cells read as ""."""

    def __init__(self, index: dict[str, int], cells: list[str]) -> None:
        self.index = index
        self.cells = cells

    def get(self, name: str) -> str:
        i = self.index.get(_norm(name))
        if i is None or i >= len(self.cells):
            return ""
        return strip_edge_marks(self.cells[i].replace("\r\n", "\n").replace("\r", "\n"))

    def first(self, *names: str) -> str:
        return next((v for v in (self.get(n) for n in names) if v), "")


def _multi(value: str) -> list[str]:
    return [v.strip() for v in value.split(_MULTI.strip()) if v.strip()] if value else []


def _label(text: str) -> str:
    """Google's "* Home" (primary) and "Home" both as "home"; custom labels as they are."""
    text = text.strip()
    if text.startswith("* "):
        text = text[2:].strip()
    if text.casefold() in {"home", "work", "other", "mobile", "main", "pager", "home fax", "work fax", "fax",
                           "google voice", "homepage", "home page", "blog", "profile", "iphone"}:  # fmt: skip
        return text.casefold()
    return text


def _add_email(rec: ContactRecord, value: str) -> None:
    for email in _multi(value):
        email = strip_marks(email)
        if email[:7].lower() == "mailto:":
            email = email[7:].strip()
        # Outlook stores Exchange entries as X.500 names, LinkedIn sometimes "urn:li:member:1".
        if "@" in email and email.lower() not in {e.lower() for e in rec.emails}:
            rec.emails.append(email)


def _add_phone(rec: ContactRecord, value: str, label: str) -> None:
    for raw in _multi(value):
        number = clean_phone(raw)
        if number and number not in {n for n, _ in rec.phones}:
            rec.phones.append((number, label))


def _add_url(rec: ContactRecord, value: str, label: str) -> None:
    for raw in _multi(value):
        url = strip_marks(raw)
        if url and url not in {u for u, _ in rec.urls}:
            rec.urls.append((url, label))


def _add_address(rec: ContactRecord, parts: list[str], formatted: str, label: str) -> None:
    cleaned = [one_line(p) for p in parts if one_line(p)]
    address = ", ".join(cleaned) if cleaned else one_line(formatted)
    if address and address not in {a for a, _ in rec.addresses}:
        rec.addresses.append((address, label))


def _join(*parts: str, sep: str = " ") -> str:
    return sep.join(p for p in parts if p)


def _groups(row: _Row) -> list[tuple[str, str]]:
    """Numbered column groups, ("e-mail", "1"), ("phone", "2")..., from "E-mail 1 - Value" headers."""
    return _numbered(tuple(row.index))


@functools.lru_cache(maxsize=16)
def _numbered(names: tuple[str, ...]) -> list[tuple[str, str]]:
    found = {(m[1], m[2]) for m in (re.fullmatch(r"(.+?) (\d+) - .+", n) for n in names) if m}
    return sorted(found, key=lambda g: (g[0], int(g[1])))


def _google(row: _Row, rec: ContactRecord, legacy: bool) -> None:
    label_col = "type" if legacy else "label"
    if legacy:
        rec.given_name = row.get("Given Name")
        rec.family_name = row.get("Family Name")
        rec.display_name = row.get("Name")
        middle = row.get("Additional Name")
        rec.categories = user_groups(_multi(row.get("Group Membership")))
        rec.interests = _multi(row.get("Hobby"))
        rec.role = row.get("Occupation")
    else:
        rec.given_name = row.get("First Name")
        rec.family_name = row.get("Last Name")
        middle = row.get("Middle Name")
        rec.categories = user_groups(_multi(row.get("Labels")))
    if not rec.display_name:
        rec.display_name = _join(rec.given_name, middle, rec.family_name)
    rec.nickname = row.get("Nickname")
    rec.notes = row.get("Notes")
    rec.birthday = contact_birthday(row.get("Birthday"))
    for kind, n in _groups(row):
        label = _label(row.get(f"{kind} {n} - {label_col}"))
        if kind == "e-mail":
            _add_email(rec, row.get(f"{kind} {n} - value"))
        elif kind == "phone":
            _add_phone(rec, row.get(f"{kind} {n} - value"), label)
        elif kind == "website":
            _add_url(rec, row.get(f"{kind} {n} - value"), label)
        elif kind == "address":
            parts = [row.get(f"address {n} - {p}") for p in
                     ("po box", "extended address", "street", "city", "region", "postal code", "country")]  # fmt: skip
            _add_address(rec, parts, row.get(f"address {n} - formatted"), label)
        elif kind == "organization" and not rec.organisation:
            rec.organisation = _join(row.get(f"organization {n} - name"), row.get(f"organization {n} - department"),
                                     sep=" / ")  # fmt: skip
            rec.role = row.get(f"organization {n} - title") or rec.role
    if not legacy:
        rec.organisation = _join(row.get("Organization Name"), row.get("Organization Department"), sep=" / ")
        rec.role = row.get("Organization Title")


_OUTLOOK_PHONES = (
    ("Mobile Phone", "mobile"), ("Home Phone", "home"), ("Home Phone 2", "home"), ("Business Phone", "work"),
    ("Business Phone 2", "work"), ("Primary Phone", "main"), ("Company Main Phone", "main"), ("Other Phone", "other"),
    ("Home Fax", "home fax"), ("Business Fax", "work fax"), ("Other Fax", "fax"), ("Pager", "pager"),
    ("Car Phone", "car"), ("Assistant's Phone", "assistant"), ("Callback", "callback"), ("Radio Phone", "radio"),
    ("ISDN", "isdn"), ("TTY/TDD Phone", "tty"), ("Telex", "telex"),
)  # fmt: skip


def _outlook(row: _Row, rec: ContactRecord) -> None:
    rec.given_name = row.get("First Name")
    rec.family_name = row.get("Last Name")
    rec.display_name = _join(rec.given_name, row.get("Middle Name"), rec.family_name)
    rec.nickname = row.get("Nickname")
    rec.organisation = _join(row.get("Company"), row.get("Department"), sep=" / ")
    rec.role = row.get("Job Title") or row.get("Profession")
    rec.birthday = contact_birthday(row.get("Birthday"))
    rec.notes = row.get("Notes")
    for name in ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address"):
        _add_email(rec, row.get(name))
    for name, label in _OUTLOOK_PHONES:
        _add_phone(rec, row.get(name), label)
    for place in ("Home", "Business", "Other"):
        parts = [row.get(f"{place} Address PO Box"), row.get(f"{place} Street"), row.get(f"{place} Street 2"),
                 row.get(f"{place} Street 3"), row.get(f"{place} City"), row.get(f"{place} State"),
                 row.get(f"{place} Postal Code"), row.first(f"{place} Country/Region", f"{place} Country")]  # fmt: skip
        _add_address(rec, parts, "", {"Business": "work"}.get(place, place.lower()))
    _add_url(rec, row.get("Web Page"), "")
    # Outlook separates categories and hobbies with ";" (and "," when typed by hand).
    rec.categories = user_groups([c for c in re.split(r"[;,]", row.get("Categories"))])
    rec.interests = [h.strip() for h in re.split(r"[;,]", row.get("Hobby")) if h.strip()]


def _thunderbird(row: _Row, rec: ContactRecord) -> None:
    rec.given_name = row.get("First Name")
    rec.family_name = row.get("Last Name")
    rec.display_name = row.get("Display Name") or _join(rec.given_name, rec.family_name)
    rec.nickname = row.get("Nickname")
    rec.organisation = _join(row.get("Organization"), row.get("Department"), sep=" / ")
    rec.role = row.get("Job Title")
    rec.notes = row.get("Notes")
    _add_email(rec, row.get("Primary Email"))
    _add_email(rec, row.get("Secondary Email"))
    for name, label in (("Mobile Number", "mobile"), ("Home Phone", "home"), ("Work Phone", "work"),
                        ("Fax Number", "fax"), ("Pager Number", "pager")):  # fmt: skip
        _add_phone(rec, row.get(name), label)
    for place, label in (("Home", "home"), ("Work", "work")):
        parts = [row.get(f"{place} Address"), row.get(f"{place} Address 2"), row.get(f"{place} City"),
                 row.get(f"{place} State"), row.get(f"{place} ZipCode"), row.get(f"{place} Country")]  # fmt: skip
        _add_address(rec, parts, "", label)
    _add_url(rec, row.get("Web Page 1"), "work")
    _add_url(rec, row.get("Web Page 2"), "home")
    year, month, day = row.get("Birth Year"), row.get("Birth Month"), row.get("Birth Day")
    if month.isdigit() and day.isdigit():
        text = f"{year}-{int(month):02d}-{int(day):02d}" if year.isdigit() and len(year) == 4 else ""
        rec.birthday = contact_birthday(text or f"--{int(month):02d}-{int(day):02d}")


def _linkedin(row: _Row, rec: ContactRecord) -> None:
    rec.given_name = row.get("First Name")
    rec.family_name = row.get("Last Name")
    rec.display_name = _join(rec.given_name, rec.family_name)
    rec.organisation = row.get("Company")
    rec.role = row.get("Position")
    _add_email(rec, row.get("Email Address"))
    _add_url(rec, row.get("URL"), "linkedin")
    if connected := row.get("Connected On"):
        rec.notes = f"Connected on LinkedIn on {connected}"


def _mapped(mapping: dict[str, str]) -> Callable[[_Row, ContactRecord], None]:
    def columns(key: str) -> list[str]:
        return [c for c in mapping.get(key, "").split("|") if c]

    def values(row: _Row, key: str) -> list[str]:
        return [v for v in (row.get(c) for c in columns(key)) if v]

    def fill(row: _Row, rec: ContactRecord) -> None:
        rec.given_name = _join(*values(row, "given"))
        rec.family_name = _join(*values(row, "family"))
        rec.display_name = _join(*values(row, "name")) or _join(rec.given_name, rec.family_name)
        rec.nickname = _join(*values(row, "nickname"), sep=", ")
        rec.organisation = _join(*values(row, "org"), sep=" / ")
        rec.role = _join(*values(row, "role"), sep=", ")
        rec.notes = _join(*values(row, "note"), sep="\n\n")
        rec.birthday = next((d for d in (contact_birthday(v) for v in values(row, "birthday")) if d), None)
        for v in values(row, "email"):
            _add_email(rec, v)
        for c in columns("phone"):
            _add_phone(rec, row.get(c), "")
        for c in columns("url"):
            _add_url(rec, row.get(c), "")
        for v in values(row, "address"):
            _add_address(rec, [], v, "")
        rec.interests = [i for v in values(row, "interests") for i in re.split(r"\s*(?::::|[;,])\s*", v) if i]
        rec.categories = user_groups([c for v in values(row, "categories") for c in re.split(r":::|[;,]", v)])
        rec.uid = next(iter(values(row, "uid")), None)

    return fill


_LAYOUTS: dict[str, Callable[[_Row, ContactRecord], None]] = {
    "google-2020": lambda row, rec: _google(row, rec, legacy=False),
    "google-legacy": lambda row, rec: _google(row, rec, legacy=True),
    "outlook": _outlook,
    "thunderbird": _thunderbird,
    "linkedin": _linkedin,
}


# ---------------------------------------------------------------------------- reading


#: A row's line is never longer (csv's own limit holds each field to 128 K characters).
MAX_LINE_CHARS = 1 << 20


class _Source:
    """The file's text as lines for csv.reader, streamed in bounded memory.

    A line longer than MAX_LINE_CHARS is not kept: csv sees an empty line in its place (an
    empty row, ignored) and its number is noted, so the row is reported as too long.
    """

    def __init__(self, path: Path, encoding: str) -> None:
        self.path = path
        self.handle = io.TextIOWrapper(open_regular(path), encoding=encoding, errors="replace", newline="")
        self.line = 0
        self.too_long: list[int] = []

    def __iter__(self) -> Iterator[str]:
        with self.handle:
            try:
                while line := self.handle.readline(MAX_LINE_CHARS):
                    self.line += 1
                    if len(line) == MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
                        self.too_long.append(self.line)
                        while (rest := self.handle.readline(MAX_LINE_CHARS)) and not rest.endswith(("\n", "\r")):
                            pass
                        line = "\n"
                    yield line
            except OSError as exc:
                raise UserError(f"cannot read {self.path}: {exc.strerror or exc}") from None

    def close(self) -> None:
        self.handle.close()


def _find_header(path: Path, encoding: str, mapping: dict[str, str] | None) -> tuple[str, int, str] | None:
    """(delimiter, header row number (1-based), layout or "map") of the first header found."""
    wanted = {_norm(c) for v in (mapping or {}).values() for c in v.split("|") if c}
    for delimiter in _DELIMITERS:
        source = _Source(path, encoding)
        reader = csv.reader(source, delimiter=delimiter)
        try:
            for number, row in enumerate(reader, 1):
                if number > _HEADER_SEARCH_ROWS:
                    break
                if len(row) < 2:
                    continue
                if mapping:
                    if wanted <= {_norm(c) for c in row}:
                        return delimiter, number, "map"
                elif layout := detect_layout(row):
                    return delimiter, number, layout
        except csv.Error:
            continue
        finally:
            source.close()
    return None


def parse_csv(path: Path, mapping: dict[str, str] | None = None) -> Iterator[CsvRecord]:
    """Read a contact CSV: one ContactRecord (or BadRecord) per non-empty data row.

    The file is streamed: memory follows the longest row, not the file.

    Args:
        path: the file.
        mapping: from :func:`parse_map_spec`; when given it wins over the detected layout.

    Raises:
        UserError: the file cannot be read, is not a regular file, is not text, or has no
            header relj knows (and no --map), or lacks a column --map names.
    """
    encoding = text_encoding(path, "CSV")
    found = _find_header(path, encoding, mapping)
    if found is None:
        if mapping:
            columns = ", ".join(sorted({c for v in mapping.values() for c in v.split("|") if c}))
            raise UserError(
                f"{path}: no header row (line 1-{_HEADER_SEARCH_ROWS}) has all the --map columns: {columns}"
            )
        raise UserError(
            f"{path}: not a contact CSV relj knows (Google, Outlook, Thunderbird, LinkedIn); "
            "name the columns with --map, e.g. --map 'name=Full Name,email=E-mail'"
        )
    delimiter, header_row, layout = found
    fill = _mapped(mapping) if mapping else _LAYOUTS[layout]
    log.info("CSV layout %s, delimiter %r, header on row %d", layout, delimiter, header_row)
    return _rows(_Source(path, encoding), delimiter, header_row, fill)


def _rows(
    source: _Source, delimiter: str, header_row: int, fill: Callable[[_Row, ContactRecord], None]
) -> Iterator[CsvRecord]:
    reader = csv.reader(source, delimiter=delimiter)
    index: dict[str, int] = {}
    number = read = bad = 0
    reported = 0  # how many of source.too_long are reported
    try:
        while True:
            number += 1
            where = f"row {number}"
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                bad += 1
                yield BadRecord(where, f"unreadable CSV row ({exc})")
                break  # the reader cannot find its place again after a broken row
            if reported < len(source.too_long):
                lines = source.too_long[reported:]
                reported = len(source.too_long)
                bad += 1
                yield BadRecord(where, f"line {lines[0]} is longer than {MAX_LINE_CHARS >> 20} M characters")
                continue
            if number < header_row:
                continue
            if number == header_row:
                for i, name in enumerate(cells):
                    index.setdefault(_norm(name), i)
                continue
            if not any(c.strip() for c in cells):
                continue
            rec = ContactRecord(where=where)
            try:
                fill(_Row(index, cells), rec)
            except Exception as exc:  # noqa: BLE001 - one bad row must not end the import
                bad += 1
                yield BadRecord(where, f"unreadable row ({type(exc).__name__})")
                continue
            if not rec.display_name:
                rec.display_name = rec.nickname or rec.organisation or next(iter(rec.emails), "")
                rec.display_name = rec.display_name or next((n for n, _ in rec.phones if readable_phone(n)), "")
            if not rec.display_name:
                bad += 1
                yield BadRecord(where, "no name, nickname, organisation, email or phone in this row")
                continue
            read += 1
            yield rec
    finally:
        source.close()
    log.info("CSV file read: %d rows, %d unreadable", read, bad)
