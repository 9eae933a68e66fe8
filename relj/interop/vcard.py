"""vCard 2.1, 3.0 and 4.0 address books in, vCard 3.0 out.

Reading. relj splits the file into cards itself (relj.interop.vcard_cards), streamed, so one
broken card (no END, no BEGIN, truncated) never takes its neighbours down, a 2.1 AGENT card
stays inside its outer card, and memory follows the largest card. Each card is unfolded on bytes, so a fold that splits a UTF-8 character joins up again, and
quoted-printable soft line breaks (2.1) are joined. vobject then reads each content line
(group, name, quoted and bare 2.1 parameters); a line vobject refuses goes to a tolerant
reader of relj's own, and a line neither can read is skipped. Values are decoded here, not by
vobject: its text decoding keeps only the first of unescaped comma-separated values
("NOTE:a, b" becomes "a"), and its quoted-printable decoding fails on lower-case parameters
and unknown charsets.

Mapping. FN is the display name; without one the name is derived from N ("Given Family"),
then NICKNAME, ORG, the first email, the first phone. ORG units are joined with " / ".
TITLE (else ROLE) is the role. BDAY keeps "--MM-DD" when the year is unknown (``--0412``,
``--04-12``, Apple's ``X-APPLE-OMIT-YEAR=1604``); a BDAY in another year outside 1900..2200
(``99991231``, ``0001-01-01``) is left out with a note, the card kept. Phones, emails, URLs
and addresses take their label from an Apple/Google group label (``item1.X-ABLabel``), else
from TYPE. RFC 6715 ``INTEREST`` and ``HOBBY`` become interests. Photos, logos, sounds and
keys are ignored.

CATEGORIES. They go to ``ContactRecord.categories`` as they are, minus the groups address
books add by themselves ("myContacts", "Starred"); they are not interests. Categories are how
an address book files people ("Work", "Family", "Book club"), not what a person cares about,
and mixing them into interests would flood the interest list with filing labels. What to do
with them is the import engine's decision (relj.interop.engine): one that names a circle
("Family", "Friends") puts a new person in it, the rest are kept as one note line,
"Categories: Work, Book club"; none becomes an interest.

Writing. :func:`write_vcards` writes vCard 3.0 with CRLF line ends, folded at 75 octets
without splitting a UTF-8 character. Interests are written as RFC 6715 ``INTEREST`` lines
only, not CATEGORIES: Google and Apple would turn CATEGORIES into contact groups (labels),
while they skip a property they do not know. A year-less birthday is written Apple's way,
``BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12``: a valid 3.0 date that every 3.0 reader accepts
(``--0412`` is a 4.0 form that strict 3.0 readers refuse). Labels that TYPE cannot say are
written as ``itemN.X-ABLabel``, which Apple and Google read. The UID is
``relj-person-<id>``. Circle, cadence, how-met and relationships are journal data, not
address-book data, and are not written.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import vobject.base

import relj
from relj.domain import ContactKind, Person
from relj.errors import UserError
from relj.interop.phone import clean_phone, readable_phone
from relj.interop.records import BadRecord, ContactRecord, contact_birthday
from relj.interop.textutil import (
    decode_bytes,
    iter_lines,
    normalise_date,
    one_line,
    open_regular,
    strip_edge_marks,
    strip_marks,
    user_groups,
)
from relj.interop.vcard_cards import (
    BEGIN,
    BINARY_LINE,
    END,
    MAX_LINE_BYTES,
    Card,
    logical_lines,
    read_lines,
    split_cards,
    wide_encoding,
)

__all__ = ["parse_vcard_text", "parse_vcards", "write_vcards"]

log = logging.getLogger(__name__)

VCardRecord = ContactRecord | BadRecord

_CHARSET_PARAM = re.compile(rb";\s*charset\s*=\s*\"?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_QP_HEX = re.compile(rb"=([0-9A-Fa-f]{2})")
# The tolerant reader: "[group.]name[;params]:value", a colon inside a quoted parameter ignored.
_LOOSE = re.compile(
    r'^(?:(?P<group>[^.;:"]+)\.)?(?P<name>[^.;:"]+)(?P<params>(?:;(?:"[^"]*"|[^";:])*)*):(?P<value>.*)$', re.DOTALL
)
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
# TYPE values that say nothing a label should say.
_NOISE_TYPES = frozenset(
    {"internet", "pref", "voice", "x400", "msg", "text", "postal", "parcel", "dom", "intl", "bbs", "modem",
     "isdn", "video", "textphone", "aol", "applelink", "attmail", "cis", "eworld", "ibmmail", "mcimail",
     "powershare", "prodigy", "tlx", "x-internet", "uri", "base64", "b", "quoted-printable", "8bit", "7bit"}
)  # fmt: skip
_TYPE_LABELS = {"cell": "mobile", "mobile": "mobile", "iphone": "iphone", "home": "home", "work": "work",
                "other": "other", "main": "main", "pager": "pager", "car": "car", "fax": "fax"}  # fmt: skip


@dataclass(slots=True)
class _Prop:
    """One content line: upper-case name, lower-case group, TYPE values, raw (escaped) value."""

    name: str
    group: str
    types: list[str]
    params: dict[str, list[str]]
    value: str
    line: int


# ---------------------------------------------------------------------------- reading


def parse_vcards(path: Path) -> Iterator[VCardRecord]:
    """Read every card of a vCard file: one ContactRecord or BadRecord per card, in order.

    The file is streamed: memory follows the largest card, not the file.

    Raises:
        UserError: the file cannot be read, is not a regular file, or holds no vCard at all.
    """
    with open_regular(path) as handle:
        encoding = wide_encoding(handle.read(4000), path)
    lines = read_lines(path, encoding)
    try:
        found = any(BEGIN.fullmatch(line.rstrip()) or END.fullmatch(line.rstrip()) for _, (line, _) in lines)
    finally:
        lines.close()  # closes the file now, not when the generator is collected
    if not found:
        raise UserError(f"{path}: not a vCard file (no BEGIN:VCARD line)")
    return _records(read_lines(path, encoding))


def parse_vcard_text(data: bytes, where: str) -> Iterator[VCardRecord]:
    """The cards in a vCard held in memory (such as a row of Evolution's address book), read as
    :func:`parse_vcards` reads a file's; ``where`` names it in messages ("contact 3")."""
    lines = enumerate(iter_lines([data.removeprefix(b"\xef\xbb\xbf")], MAX_LINE_BYTES), 1)
    cards = list(split_cards(lines))
    for number, card in enumerate(cards, 1):
        label = where if len(cards) == 1 else f"{where}, card {number}"
        if card.too_big:
            yield BadRecord(label, card.too_big)
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                yield _read_card(card, label)
        except Exception as exc:  # noqa: BLE001 - one bad card must not end the import
            log.debug("card unreadable: %s", type(exc).__name__)
            yield BadRecord(label, f"unreadable card ({type(exc).__name__})")


def _records(lines: Iterable[tuple[int, tuple[bytes, bool]]]) -> Iterator[VCardRecord]:
    cards = bad = 0
    for number, card in enumerate(split_cards(lines), 1):
        where = f"card {number} (line {card.first_line})"
        if card.too_big:
            record: VCardRecord = BadRecord(where, card.too_big)
        else:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    record = _read_card(card, where)
            except Exception as exc:  # noqa: BLE001 - one bad card must not end the import
                log.debug("card %d unreadable: %s", number, type(exc).__name__)
                record = BadRecord(where, f"unreadable card ({type(exc).__name__})")
        if isinstance(record, BadRecord):
            bad += 1
        else:
            cards += 1
        yield record
    log.info("vCard file read: %d cards, %d unreadable", cards, bad)


def _tokenise(text: str, number: int) -> _Prop | None:
    """One content line as a property: vobject's reader first, relj's tolerant one second."""
    try:
        name, param_list, value, group = vobject.base.parseLine(text, number)
    except Exception:  # noqa: BLE001 - vobject's reader refuses what real exporters write
        match = _LOOSE.match(text)
        if match is None:
            return None
        name, value, group = match["name"], match["value"], match["group"]
        param_list = [_loose_param(p) for p in _split_unquoted(match["params"], ";") if p.strip()]
    params: dict[str, list[str]] = {}
    types: list[str] = []
    for param in param_list:
        if not param:
            continue
        if len(param) == 1:  # a 2.1 bare parameter: "TEL;WORK;VOICE"
            types.extend(_split_types(param[0]))
            continue
        key = str(param[0]).strip().upper()
        values = [str(v).strip().strip('"') for v in param[1:]]
        if key == "TYPE":
            for v in values:
                types.extend(_split_types(v))
        else:
            params.setdefault(key, []).extend(values)
    return _Prop(
        name=str(name).strip().upper(),
        group=(str(group).strip().lower() if group else ""),
        types=types,
        params=params,
        value=str(value),
        line=number,
    )


def _loose_param(text: str) -> list[str]:
    if "=" not in text:
        return [text.strip()]
    key, _, value = text.partition("=")
    return [key.strip(), *_split_unquoted(value, ",")]


def _split_types(value: str) -> list[str]:
    return [t.strip().strip('"').lower() for t in value.split(",") if t.strip().strip('"')]


def _split_unquoted(text: str, sep: str) -> list[str]:
    parts: list[str] = []
    buf: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return parts


def _decode_line(raw: bytes) -> str:
    charset = _CHARSET_PARAM.search(raw.split(b":", 1)[0])
    return decode_bytes(raw, charset.group(1).decode("ascii") if charset else None)


def _decoded_value(prop: _Prop) -> str:
    """The value with its transfer encoding undone: quoted-printable or base64 text."""
    encoding = {e.lower() for e in prop.params.get("ENCODING", [])} | set(prop.types)
    charset = next(iter(prop.params.get("CHARSET", [])), None)
    if "quoted-printable" in encoding:
        raw = _QP_HEX.sub(lambda m: bytes([int(m[1], 16)]), prop.value.encode("utf-8"))
        return decode_bytes(raw, charset).replace("\r\n", "\n").replace("\r", "\n")
    if encoding & {"b", "base64"}:
        try:
            return decode_bytes(base64.b64decode("".join(prop.value.split()), validate=False), charset)
        except (binascii.Error, ValueError):
            return ""
    return prop.value


_ESCAPES = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":", '"': '"'}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPES:
            out.append(_ESCAPES[text[i + 1]])
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _split_escaped(text: str, sep: str) -> list[str]:
    """Split at ``sep`` where it is not backslash-escaped; the parts are still escaped."""
    parts: list[str] = []
    buf: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            buf.append(text[i : i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    parts.append("".join(buf))
    return parts


def _text(prop: _Prop) -> str:
    return strip_edge_marks(_unescape(_decoded_value(prop)))


def _components(prop: _Prop) -> list[str]:
    """A structured value (ADR, ORG): components unescaped."""
    return [strip_edge_marks(_unescape(part)) for part in _split_escaped(_decoded_value(prop), ";")]


def _name_parts(prop: _Prop) -> list[str]:
    """N's components, each one's comma list ("Richter,James") joined by spaces."""
    parts = []
    for part in _split_escaped(_decoded_value(prop), ";"):
        values = (strip_edge_marks(_unescape(v)) for v in _split_escaped(part, ","))
        parts.append(" ".join(v for v in values if v))
    return parts


def _list(prop: _Prop) -> list[str]:
    """A comma-separated list value (CATEGORIES)."""
    return [v for v in (strip_edge_marks(_unescape(p)) for p in _split_escaped(_decoded_value(prop), ",")) if v]


def _read_card(card: Card, where: str) -> VCardRecord:
    props: list[_Prop] = []
    for number, raw in logical_lines(card.lines):
        if BINARY_LINE.match(raw):
            continue  # photos and keys: never read, and their base64 is most of the file
        prop = _tokenise(_decode_line(raw), number)
        if prop is not None and prop.name not in _BINARY:
            props.append(prop)
    labels = {p.group: _label_text(_text(p)) for p in props if p.name == "X-ABLABEL" and p.group}
    rec = ContactRecord(where=where)
    fn = ""
    nicknames: list[str] = []
    orgs: list[str] = []
    notes: list[str] = []
    titles: list[str] = []
    roles: list[str] = []
    # What the record already holds, kept as sets: a card with 19,000 emails stays linear.
    seen_emails: set[str] = set()
    seen_phones: set[str] = set()
    seen_addresses: set[str] = set()
    seen_urls: set[str] = set()
    seen_interests: set[str] = set()
    for p in props:
        name = p.name
        if name == "FN" and not fn:
            fn = _text(p)
        elif name == "N" and not (rec.given_name or rec.family_name):
            parts = [*_name_parts(p), "", ""]
            rec.family_name, rec.given_name = parts[0], parts[1]
        elif name == "NICKNAME" and (nickname := ", ".join(_list(p))):
            nicknames.append(nickname)
        elif name == "ORG":
            if org := " / ".join(u for u in _components(p) if u):
                orgs.append(org)
        elif name == "TITLE" and (title := _text(p)):
            titles.append(title)
        elif name == "ROLE" and (role := _text(p)):
            roles.append(role)
        elif name == "BDAY" and rec.birthday is None:
            rec.birthday = _birthday(p)
        elif name == "NOTE" and (note := _text(p)):
            notes.append(note)
        elif name == "EMAIL":
            email = strip_marks(_text(p))
            if email[:7].lower() == "mailto:":
                email = email[7:].strip()
            if email and email.lower() not in seen_emails:
                seen_emails.add(email.lower())
                rec.emails.append(email)
                if label := _label(p, labels):
                    rec.email_labels[email.lower()] = label
        elif name == "TEL":
            number_text = clean_phone(_text(p))
            if number_text and number_text not in seen_phones:
                seen_phones.add(number_text)
                rec.phones.append((number_text, _label(p, labels, phone=True)))
        elif name == "ADR":
            address = _address(_components(p)[:7])  # Google adds the formatted label as an 8th
            if address and address not in seen_addresses:
                seen_addresses.add(address)
                rec.addresses.append((address, _label(p, labels)))
        elif name == "URL":
            url = strip_marks(_text(p))
            if url and url not in seen_urls:
                seen_urls.add(url)
                rec.urls.append((url, _label(p, labels)))
        elif name in ("INTEREST", "HOBBY", "X-INTEREST"):
            interest = " ".join(_text(p).split())
            if interest and interest.lower() not in seen_interests:
                seen_interests.add(interest.lower())
                rec.interests.append(interest)
        elif name == "CATEGORIES":
            rec.categories = user_groups([*rec.categories, *_list(p)])
        elif name == "UID" and rec.uid is None:
            rec.uid = strip_marks(_text(p)) or None
    rec.nickname = nicknames[0] if nicknames else ""
    rec.organisation = orgs[0] if orgs else ""
    rec.role = (titles or roles or [""])[0]
    rec.notes = "\n\n".join(notes)
    given_family = " ".join(n for n in (rec.given_name, rec.family_name) if n)
    rec.display_name = fn or given_family or rec.nickname or rec.organisation
    if not rec.display_name:
        # Only a value that can be one: "cell number" must not become a person's name.
        rec.display_name = next((e for e in rec.emails if "@" in e), "")
        rec.display_name = rec.display_name or next((n for n, _ in rec.phones if readable_phone(n)), "")
    if not rec.display_name:
        return BadRecord(where, "no name: the card has no FN, N, NICKNAME, ORG, email or phone")
    return rec


def _address(components: list[str]) -> str:
    """ADR's components as one line: non-empty parts joined by ", " (line breaks too)."""
    parts = [one_line(c) for c in components if one_line(c)]
    if len(parts) > 1:
        parts = [p.rstrip(", ") or p for p in parts]  # "Silicon Alley 5," then ", New York"
    return ", ".join(parts)


def _label_text(text: str) -> str:
    """Apple's built-in labels ("_$!<Mobile>!$_") as plain lower-case words; custom ones as they are."""
    match = _APPLE_LABEL.match(text)
    return match[1].lower() if match else text


def _label(prop: _Prop, labels: dict[str, str], *, phone: bool = False) -> str:
    if prop.group and labels.get(prop.group):
        return labels[prop.group]
    types = [t for t in prop.types if t not in _NOISE_TYPES and not t.startswith("x-")]
    if phone and "fax" in types:
        place = next((t for t in types if t in ("home", "work")), "")
        return f"{place} fax".strip()
    for t in types:
        if t in _TYPE_LABELS:
            return _TYPE_LABELS[t]
    return types[0] if types else ""


def _birthday(prop: _Prop) -> str | None:
    if any(v.lower() == "text" for v in prop.params.get("VALUE", [])):
        return None  # "circa 1800": not a date
    value = _text(prop)
    date = normalise_date(value)
    omit = prop.params.get("X-APPLE-OMIT-YEAR", [])
    if date is not None and omit and date[:4] == omit[0].strip()[:4]:
        return "--" + date[5:]
    # A year outside 1900..2200 (99991231, 0001-01-01) is left out with a note, the card kept.
    return contact_birthday(value)


# ---------------------------------------------------------------------------- writing

_PHONE_TYPES = {"mobile": "CELL", "home": "HOME", "work": "WORK", "main": "MAIN", "pager": "PAGER",
                "fax": "FAX", "home fax": "HOME,FAX", "work fax": "WORK,FAX", "iphone": "IPHONE",
                "car": "CAR", "other": "OTHER"}  # fmt: skip
_PLAIN_TYPES = {"home": "HOME", "work": "WORK", "other": "OTHER"}


def _escape(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _fold(line: str) -> str:
    """Fold at 75 octets (RFC 6350 3.2) without splitting a UTF-8 character; CRLF line ends."""
    out: list[str] = []
    chunk: list[str] = []
    size = 0
    limit = 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append("".join(chunk))
            chunk, size, limit = [], 0, 74  # continuation lines start with a space
        chunk.append(ch)
        size += width
    out.append("".join(chunk))
    return "\r\n ".join(out) + "\r\n"


class CardWriter:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.item = 0

    def add(self, name: str, value: str, params: str = "") -> None:
        self.lines.append(f"{name}{params}:{value}")

    def add_labelled(self, name: str, value: str, label: str, known: dict[str, str], base: str = "") -> None:
        """A TYPE when the label is one vCard knows, else an Apple/Google ``itemN.X-ABLabel``."""
        kind = known.get(label)
        if not label or kind is not None:
            types = ",".join(t for t in (base, kind or "") if t)
            self.add(name, _escape(value), f";TYPE={types}" if types else "")
            return
        self.item += 1
        group = f"item{self.item}"
        self.add(f"{group}.{name}", _escape(value), f";TYPE={base}" if base else "")
        self.add(f"{group}.X-ABLabel", _escape(label))


def _person_lines(person: Person) -> list[str]:
    w = CardWriter()
    w.add("VERSION", "3.0")
    w.add("PRODID", f"-//relj//relj {relj.__version__}//EN")
    w.add("UID", f"relj-person-{person.id}")
    w.add("FN", _escape(person.display_name))
    w.add("N", f"{_escape(person.family_name)};{_escape(person.given_name)};;;")
    if person.nickname:
        w.add("NICKNAME", _escape(person.nickname))
    if person.organisation:
        units = person.organisation.split(" / ")
        # Units go back as ORG components only when that reads back the same ("A / B").
        if len(units) > 1 and all(u and u == u.strip() for u in units):
            w.add("ORG", ";".join(_escape(u) for u in units))
        else:
            w.add("ORG", _escape(person.organisation))
    if person.role:
        w.add("TITLE", _escape(person.role))
    if person.birthday is not None:
        b = person.birthday
        if b.year is None:
            w.add("BDAY", f"1604-{b.month:02d}-{b.day:02d}", ";X-APPLE-OMIT-YEAR=1604")
        else:
            w.add("BDAY", b.iso(), ";VALUE=date")
    for c in person.contacts:
        if c.kind is ContactKind.EMAIL:
            w.add_labelled("EMAIL", c.value, c.label, _PLAIN_TYPES, base="INTERNET")
        elif c.kind is ContactKind.PHONE:
            w.add_labelled("TEL", c.value, c.label, _PHONE_TYPES)
        elif c.kind is ContactKind.URL:
            w.add_labelled("URL", c.value, c.label, _PLAIN_TYPES)
        elif c.kind is ContactKind.ADDRESS:
            # The one-line address goes in the street component: it reads back unchanged.
            kind = _PLAIN_TYPES.get(c.label)
            if not c.label or kind is not None:
                w.add("ADR", f";;{_escape(c.value)};;;;", f";TYPE={kind}" if kind else "")
            else:
                w.item += 1
                w.add(f"item{w.item}.ADR", f";;{_escape(c.value)};;;;")
                w.add(f"item{w.item}.X-ABLabel", _escape(c.label))
    for interest in person.interests:
        w.add("INTEREST", _escape(interest))
    if person.notes:
        w.add("NOTE", _escape(person.notes))
    return w.lines


def write_vcards(people: Iterable[Person], out: TextIO) -> int:
    """Write people as vCard 3.0 to ``out`` (open it with ``newline=""``); return how many.

    Every line ends in CRLF; the caller must not translate line ends.
    """
    count = 0
    for person in people:
        out.write("BEGIN:VCARD\r\n")
        for line in _person_lines(person):
            out.write(_fold(line))
        out.write("END:VCARD\r\n")
        count += 1
    log.info("vCard export: %d people", count)
    return count
