"""Text helpers shared by the address-book parsers: decoding, invisible marks, dates, groups."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from relj.clock import today
from relj.errors import UserError
from relj.fileio import open_regular

__all__ = [
    "SYSTEM_GROUPS",
    "decode_bytes",
    "decode_text_file",
    "iter_lines",
    "looks_utf16",
    "normalise_date",
    "one_line",
    "open_regular",
    "read_chunks",
    "strip_edge_marks",
    "strip_marks",
    "text_encoding",
    "user_groups",
]

# Invisible bidi and format marks that phones and exporters wrap values in (U+202D…U+202C
# around numbers in Google vCards, U+200E on iOS). They are never part of a value.
_MARKS_RE = re.compile("[\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff]")
_EDGE_MARKS_RE = re.compile(f"^(?:{_MARKS_RE.pattern}|\\s)+|(?:{_MARKS_RE.pattern}|\\s)+$")

#: Groups that address books add by themselves; they say nothing about the person.
SYSTEM_GROUPS = frozenset(
    {"mycontacts", "my contacts", "starred", "starred in android", "othercontacts", "other contacts",
     "all contacts", "allcontacts", "blocked", "chatbuddies"}
)  # fmt: skip


def strip_marks(text: str) -> str:
    """``text`` without any invisible bidi or format mark, and without surrounding space."""
    return _MARKS_RE.sub("", text).strip()


def strip_edge_marks(text: str) -> str:
    """``text`` without invisible marks or space at its ends; marks inside (Arabic, Hebrew) stay."""
    return _EDGE_MARKS_RE.sub("", text)


def one_line(text: str, sep: str = ", ") -> str:
    """Several lines as one: non-empty stripped lines joined by ``sep``."""
    return sep.join(part.strip() for part in text.splitlines() if part.strip())


def user_groups(values: list[str]) -> list[str]:
    """Group names without the ones address books add by themselves ("* myContacts", "Starred").

    Google marks its own groups with "* "; the star goes, but "* Friends" stays as "Friends"
    because old Gmail accounts filed real friends under that built-in group.
    """
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        name = strip_edge_marks(value)
        if name.startswith("* "):
            name = name[2:].strip()
        key = " ".join(name.lower().split())
        if not name or key in SYSTEM_GROUPS or key in seen:
            continue
        seen.add(key)
        out.append(name)
    return out


#: Bytes read at a time by the streaming readers.
CHUNK = 1 << 16
_EOL = re.compile(rb"\r\n|\n|\r")
def iter_lines(chunks: Iterable[bytes], limit: int) -> Iterator[tuple[bytes, bool]]:
    """The lines of a byte stream, split at CRLF, LF or CR (line ends dropped), in bounded memory.

    Yields ``(line, too_long)``: a line longer than ``limit`` bytes comes as its first
    ``limit`` bytes with ``too_long`` True, and the rest of it is skipped unread into memory.
    Memory stays under ``limit`` plus one chunk, whatever the stream holds (``/dev/zero``).
    """
    buf = b""
    skipping = False  # inside the rest of a line already reported as too long
    for chunk in chunks:
        if skipping and not buf and b"\n" not in chunk and b"\r" not in chunk:
            continue  # the middle of a line too long to keep: no need to look closer
        scan = max(len(buf) - 1, 0)  # what was held has no line end, but for a final CR
        buf += chunk
        pos = 0
        while (m := _EOL.search(buf, scan)) is not None:
            if m.end() == len(buf) and m.group() == b"\r":
                break  # a CR at the end of the chunk may be the first half of a CRLF
            if skipping:
                skipping = False
            else:
                line = buf[pos : m.start()]
                yield line[:limit], len(line) > limit
            pos = scan = m.end()
        buf = buf[pos:]
        if not skipping and len(buf) - buf.endswith(b"\r") > limit:
            yield buf[:limit], True
            skipping = True
        if skipping:
            buf = b"\r" if buf.endswith(b"\r") else b""
    if buf and not skipping:
        line = buf[:-1] if buf.endswith(b"\r") else buf
        yield line[:limit], len(line) > limit


def read_chunks(handle: BinaryIO, size: int = CHUNK) -> Iterator[bytes]:
    """A binary file as chunks of at most ``size`` bytes."""
    while chunk := handle.read(size):
        yield chunk


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip('"')).name
    except (LookupError, ValueError):
        return None


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Decode one value or line: the declared charset, then UTF-8, then cp1252, then Latin-1.

    Never fails: Latin-1 maps every byte. UTF-8 goes first unless a charset is declared,
    because exporters often declare one and write UTF-8 anyway; a declared charset that does
    not decode the bytes is ignored.
    """
    tried: list[str] = []
    for name in (_codec(charset), "utf-8", "cp1252"):
        if name is None or name in tried:
            continue
        tried.append(name)
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")


def looks_utf16(data: bytes) -> str | None:
    """The UTF-16 byte order ("utf-16-le"/"utf-16-be") for BOM-less UTF-16 text (NUL in every other byte), else None."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None


def text_encoding(path: Path, what: str) -> str:
    """The codec to read a whole text file with, found by streaming it: memory stays flat.

    The rules of :func:`decode_text_file`: a BOM (UTF-8, UTF-16, UTF-32), BOM-less UTF-16
    (Outlook), then UTF-8 if every byte decodes, else cp1252, else Latin-1.

    Raises:
        UserError: the file cannot be read, is not a regular file, or starts as binary data.
    """
    with open_regular(path) as handle:
        head = handle.read(4000)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            return "utf-32"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        if wide := looks_utf16(head):
            return wide
        if b"\x00" in head:
            line = head[: head.index(b"\x00")].count(b"\n") + 1
            raise UserError(f"{path}: not a {what} file (binary data on line {line})")
        handle.seek(0)
        candidates = {name: codecs.getincrementaldecoder(name)() for name in ("utf-8", "cp1252")}
        try:
            for chunk in read_chunks(handle, CHUNK * 16):
                for name, decoder in list(candidates.items()):
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError:
                        del candidates[name]
                if not candidates:
                    break
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
        for name, decoder in candidates.items():
            try:
                decoder.decode(b"", final=True)
                return name
            except UnicodeDecodeError:
                continue
        return "latin-1"


def decode_text_file(data: bytes, path: Path, what: str) -> str:
    """The text of a whole file: BOMs, UTF-16 (Outlook), UTF-8, then cp1252/Latin-1.

    Raises:
        UserError: the bytes are not text (NUL bytes that are not UTF-16, or broken UTF-16).
    """
    encoding: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and len(data) % 4 == 0:
        encoding = "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = looks_utf16(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise UserError(f"{path}: not a {what} file (broken {encoding.upper()} text at byte {exc.start})") from None
        return text.lstrip("\ufeff")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise UserError(f"{path}: not a {what} file (binary data on line {line})")
    return decode_bytes(data)


_ISO = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?")
_NO_YEAR = re.compile(r"--(\d{2})-?(\d{2})")
_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:[ ,T].*)?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?\.?")
_NAMED = re.compile(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})")
_MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}


#: The year Apple (``X-APPLE-OMIT-YEAR=1604``) and Thunderbird's CardBook (``BDAY:16040412``)
#: write when the year is unknown: a leap year, so 29 February fits, that nobody alive was born in.
NO_YEAR_MARKER = 1604


def _iso(year: int | None, month: int, day: int) -> str | None:
    try:
        if year is None or year < 1000 or year == NO_YEAR_MARKER:
            dt.date(2000, month, day)  # a leap year: 29 February is a valid year-less birthday
            return f"--{month:02d}-{day:02d}"
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _full_year(year: str) -> int:
    if len(year) == 4:
        return int(year)
    # Two-digit years are read as the most recent past year that ends so: 30 -> 1930 in 2026.
    this = today().year
    value = this - this % 100 + int(year)
    return value - 100 if value > this else value


def normalise_date(text: str) -> str | None:
    """A date as "YYYY-MM-DD", or "--MM-DD" when the year is unknown; ``None`` if unreadable.

    Reads ISO (``1980-04-12``, ``19800412``, with or without a time), year-less ``--0412`` and
    ``--04-12``, ``4/12/1980`` (month first, as Outlook writes in English; day first when the
    first number is over 12), ``12.4.1980`` (day first), and ``12 Apr 1980``. A year before
    1000 (``0000-04-12``) or the marker year 1604 (Apple, CardBook) means the year is unknown.
    """
    text = strip_marks(text)
    if not text or len(text) > 40:
        return None
    if m := _NO_YEAR.fullmatch(text):
        return _iso(None, int(m[1]), int(m[2]))
    if m := _ISO.fullmatch(text):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := _SLASH.fullmatch(text):
        first, second = int(m[1]), int(m[2])
        month, day = (second, first) if first > 12 else (first, second)
        if int(m[3]) == 0:
            return None  # Outlook writes "0/0/00" for "no date"
        return _iso(_full_year(m[3]), month, day)
    if m := _DOTTED.fullmatch(text):
        return _iso(_full_year(m[3]) if m[3] else None, int(m[2]), int(m[1]))
    if (m := _NAMED.fullmatch(text)) and m[2].lower() in _MONTHS:
        return _iso(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    return None
