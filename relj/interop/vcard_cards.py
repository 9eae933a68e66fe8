"""Splitting a vCard file into cards, streamed, whatever state the file is in.

relj finds the cards itself, at ``BEGIN:VCARD`` and ``END:VCARD`` lines (any case), so one
broken card (no END, no BEGIN, truncated) never takes its neighbours down, and a card nested
in another (a 2.1 ``AGENT``) never splits its outer card. Memory follows the largest card:
the file is read line by line, a photo's base64 is never kept, and a card past the bounds
below is reported instead of read.
"""

from __future__ import annotations

import codecs
import io
import itertools
import re
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from relj.errors import UserError
from relj.interop.textutil import CHUNK, iter_lines, looks_utf16, open_regular, read_chunks

__all__ = ["BEGIN", "BINARY_LINE", "END", "MAX_LINE_BYTES", "Card", "logical_lines", "read_lines", "split_cards", "wide_encoding"]

BEGIN = re.compile(rb"begin[ \t]*:[ \t]*vcard[ \t]*", re.IGNORECASE)
END = re.compile(rb"end[ \t]*:[ \t]*vcard[ \t]*", re.IGNORECASE)
# A 2.1 AGENT whose value is the card that follows ("AGENT:" then BEGIN:VCARD), or starts on
# the AGENT line itself ("AGENT:BEGIN:VCARD").
_AGENT_OPEN = re.compile(rb"(?:[^:;.]+\.)?agent(?:;[^:]*)?:[ \t]*", re.IGNORECASE)
_AGENT_INLINE = re.compile(rb"(?:[^:;.]+\.)?agent(?:;[^:]*)?:[ \t]*begin[ \t]*:[ \t]*vcard[ \t]*", re.IGNORECASE)
_QP_PARAM = re.compile(rb"^[^:]*quoted-printable", re.IGNORECASE)
BINARY_LINE = re.compile(rb"(?:[^:;.]+\.)?(?:photo|logo|sound|key)[;:]", re.IGNORECASE)

#: Bounds on one card, so memory follows the largest card, not the file. A card past them is
#: a bad record, with the bound as its reason. Photos and keys do not count: only the start of
#: their line is kept.
_MAX_CARD_LINES = 50_000
_MAX_CARD_BYTES = 16 << 20
_MAX_LINE_BYTES = 1 << 20
_BINARY_HEAD = 200
MAX_LINE_BYTES = _MAX_LINE_BYTES


@dataclass(slots=True)
class Card:
    """The raw lines of one card, as the file has them (photos cut to their start)."""

    first_line: int
    lines: list[tuple[int, bytes]] = field(default_factory=list)
    size: int = 0
    last: bytes = b""  # the last non-blank line: an AGENT line opens an embedded card
    in_binary: bool = False  # inside the folded value of a photo or key: not kept
    too_big: str = ""  # why the card is refused (a line or the card past its bound)

    def add(self, number: int, raw: bytes, too_long: bool) -> None:
        if raw[:1] in (b" ", b"\t"):
            if self.in_binary:
                return  # a folded line of a photo's base64
        else:
            self.in_binary = bool(BINARY_LINE.match(raw))
            if self.in_binary:
                raw, too_long = raw[:_BINARY_HEAD], False  # never read: its start says what it is
        if raw.strip():
            self.last = raw.rstrip()
        if self.too_big:
            return
        if too_long:
            self.too_big = f"line {number} is longer than {_MAX_LINE_BYTES >> 20} MB"
        elif len(self.lines) >= _MAX_CARD_LINES or self.size + len(raw) > _MAX_CARD_BYTES:
            self.too_big = f"card longer than {_MAX_CARD_LINES:,} lines or {_MAX_CARD_BYTES >> 20} MB"
        else:
            self.lines.append((number, raw))
            self.size += len(raw)
            return
        self.lines.clear()


def wide_encoding(head: bytes, path: Path) -> str | None:
    """The codec of Outlook's wide exports ("utf-16", "utf-32", a BOM-less byte order); None for bytes.

    Raises:
        UserError: the start of the file is binary, not text.
    """
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.count(0) > len(head) // 4:
        wide = looks_utf16(head)
        if wide is None:
            raise UserError(f"{path}: not a vCard file (binary data)")
        return wide
    return None


def read_lines(path: Path, encoding: str | None) -> Generator[tuple[int, tuple[bytes, bool]]]:
    """(line number, (bytes, too long)) for every line, streamed; wide text comes as UTF-8."""
    with open_regular(path) as handle:
        chunks: Iterator[bytes]
        if encoding is None:
            chunks = read_chunks(handle)
            first = next(chunks, b"")
            chunks = itertools.chain([first.removeprefix(codecs.BOM_UTF8)], chunks)
        else:
            text = io.TextIOWrapper(handle, encoding=encoding, newline="")
            chunks = (part.lstrip("\ufeff").encode("utf-8") for part in iter(lambda: text.read(CHUNK), ""))
        try:
            yield from enumerate(iter_lines(chunks, _MAX_LINE_BYTES), 1)
        except UnicodeDecodeError as exc:
            raise UserError(f"{path}: not a vCard file (broken {encoding} text: {exc.reason})") from None
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None


def split_cards(lines: Iterable[tuple[int, tuple[bytes, bool]]]) -> Iterator[Card]:
    """Cards between BEGIN and END lines, in the order they start, tolerating broken files.

    * A 2.1 ``AGENT`` card (after an ``AGENT:`` line, or on it) belongs to its outer card and
      is not read; the lines after its END are the outer card's again.
    * Another BEGIN inside a card is either a card nested without AGENT or the start of the
      next card when this one's END is missing. It is read as a card of its own, and the outer
      card stays open: lines after the inner END belong to the outer card, up to its END. If
      instead a further BEGIN comes first, the outer card had lost its END.
    * Lines outside any card, up to an END, are a card whose BEGIN is missing.
    """
    outer: Card | None = None
    inner: Card | None = None  # a card begun inside ``outer``
    held: list[Card] = []  # inner cards read, waiting for the outer one to come first
    stray: Card | None = None  # lines outside any card: a card whose BEGIN is missing
    agent = 0  # depth inside an AGENT card: its lines are skipped
    for number, (raw, too_long) in lines:
        line = raw.rstrip(b" \t")
        top = inner or outer
        if BEGIN.fullmatch(line) or (top is not None and _AGENT_INLINE.fullmatch(line)):
            if agent or (top is not None and (_AGENT_OPEN.fullmatch(top.last) or _AGENT_INLINE.fullmatch(line))):
                agent += 1
                continue
            if outer is not None and inner is None and not held:
                inner = Card(number)
                continue
            if outer is not None:  # its END is missing
                yield from _flush(outer, held, inner)
                held, inner = [], None
            outer, stray = Card(number), None
        elif END.fullmatch(line):
            if agent:
                agent -= 1
            elif inner is not None:
                held.append(inner)
                inner = None
            elif outer is not None:
                yield from _flush(outer, held, None)
                outer, held = None, []
            elif stray is not None:
                yield stray  # its BEGIN is missing
                stray = None
        elif agent:
            continue
        elif top is not None:
            top.add(number, raw, too_long)
        elif line.strip():
            if stray is None:
                stray = Card(number)
            stray.add(number, raw, too_long)
    if outer is not None:
        yield from _flush(outer, held, inner)  # the file ends before END:VCARD


def _flush(outer: Card, held: list[Card], inner: Card | None) -> Iterator[Card]:
    for card in (outer, *held, inner):
        if card is not None and (card.lines or card.too_big):
            yield card


def logical_lines(lines: list[tuple[int, bytes]]) -> Iterator[tuple[int, bytes]]:
    """Unfold on bytes (a fold may split a UTF-8 character) and join quoted-printable soft breaks.

    Linear in the card's size: the parts of a line are joined once, not one fold at a time.
    """
    number = 0
    parts: list[bytes] = []
    i = 0
    while i < len(lines):
        at, line = lines[i]
        i += 1
        if line[:1] in (b" ", b"\t") and parts:
            parts.append(line[1:])
            continue
        if not line.strip():
            continue
        if parts:
            yield number, b"".join(parts)
        number, parts = at, [line]
        if _QP_PARAM.match(line):
            # A soft break is a "=" at the end of a line; Nokia even starts a value with one.
            while parts[-1].rstrip(b" \t").endswith(b"=") and i < len(lines):
                parts[-1] = parts[-1].rstrip(b" \t")[:-1]
                parts.append(lines[i][1])
                i += 1
    if parts:
        yield number, b"".join(parts)
