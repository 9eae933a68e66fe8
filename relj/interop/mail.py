"""Mail (mbox, Maildir, .eml): each message is one written contact, read from its headers only.

A message yields an EMAIL :class:`EventRecord` whose parties are the From, To and Cc addresses
other than the owner's (``me``), a :class:`SkippedRecord` ("automated mail", "unreadable date",
"no other party", "duplicate"), or a :class:`BadRecord` when it has no headers at all.

* Dates: the Date header, on the date and at the time the sender wrote it (their own offset).
  A missing, unreadable or absurd date (before 1970, after next year) is never guessed.
* Automated mail is skipped: ``Precedence: bulk/list/junk``, ``List-Id``, ``List-Unsubscribe``,
  ``Auto-Submitted`` other than "no", auto-reply headers, a null ``Return-Path: <>``,
  no-reply/daemon/notification senders and delivery reports (``multipart/report``).
* ``source_key`` is the Message-ID (lower-case, without ``<>``), or ``sha256:`` and a hash of the
  From, To, Date and Subject headers when there is none.

Only header blocks are read. An mbox is split at its "From " lines by this module, line by
line, and each message's body is skipped without being kept: memory stays flat for any size.
Unescaped "From " lines in bodies (mboxo) are told from real separators by their shape: a
separator is ``From -`` (Thunderbird), ``From <sender> <date with a day or month name and a
time>``, or, after a blank line, Gmail's dateless ``From <id>@xxx``.
"""

from __future__ import annotations

import base64
import datetime as dt
import email.utils
import hashlib
import io
import itertools
import logging
import quopri
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from relj.clock import today as clock_today
from relj.domain import Channel, Initiator, normalise_email
from relj.errors import UserError
from relj.interop.records import BadRecord, EventRecord, Party, SkippedRecord
from relj.interop.textutil import open_regular

log = logging.getLogger(__name__)

MailRecord = EventRecord | BadRecord | SkippedRecord
NOTE_LENGTH = 200
#: Header bytes kept per message: a header block longer than this is cut (the rest is body).
MAX_HEADER_BYTES = 256 * 1024
#: Message keys the parsers remember to report a copy as "duplicate" (the engine catches the rest).
DEDUP_WINDOW = 20_000

# "From sender Wed Feb  9 22:02 MET 2000": a day or month name and a time after the sender.
# Three searches, each linear, rather than one pattern whose two lazy ".*?" made a body line
# of 80,000 day names take seconds (quadratic backtracking).
_SENDER_PART = re.compile(rb"From \S+\s+")
_DATE_NAME = re.compile(
    rb"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", re.IGNORECASE
)
_CLOCK = re.compile(rb"\d{1,2}:\d{2}")
#: A separator line is short; a longer "From " line is body text, whatever it holds.
MAX_SEPARATOR_BYTES = 1000
#: Lines are read at most this long: a longer line comes in pieces, so memory stays bounded
#: even for a file with no line end at all.
MAX_LINE_BYTES = 64 * 1024
# Gmail Takeout: "From 1844347792267117879@xxx", no date; trusted only after a blank line.
_BARE_SEPARATOR = re.compile(rb"^From \S+@\S+\s*$")
_DASH_SEPARATOR = re.compile(rb"^From -(\s.*)?$")
_AUTOMATED_SENDER = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|notifications?|bounces?|auto[-_.]?reply"
    r"|automated)([-+_.].*)?@",
    re.IGNORECASE,
)
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_BARE_ADDRESS = re.compile(r"[^@\s<>\"(),;:]+@[^@\s<>\"(),;:]+\.[^@\s<>\"(),;:]+")
_ADDRESS = re.compile(r"^[^@\s<>\"(),;:]+@[^@\s<>\"(),;:]+$")
_SIMPLE_ADDR = r"[^@\s<>\"(),;:\\\[\]]+@[^@\s<>\"(),;:\\\[\]]+"
# One entry of a plain address list and the comma after it (or the end). Names hold no
# specials but dots, as getaddresses' phrases; a quoted name holds no quote or backslash.
_SIMPLE_ENTRY = re.compile(
    rf'[ \t]*(?:(?:"(?P<quoted>[^"\\]*)"|(?P<plain>[^"<>@,;:()\\\[\]]*?))[ \t]*<[ \t]*(?P<angle>{_SIMPLE_ADDR})[ \t]*>'
    rf'|(?P<bare>{_SIMPLE_ADDR}))[ \t]*(?:,(?=[ \t]*[^ \t])|\Z)'
)


# --------------------------------------------------------------------------------------------
# Header decoding, never raising


def _decode_bytes(raw: bytes, charset: str | None = None) -> str:
    """Bytes of unknown charset: UTF-8, ISO-2022-JP escapes, the declared charset, then cp1252."""
    if b"\x1b$" in raw or b"\x1b(" in raw:
        try:
            return raw.decode("iso-2022-jp")
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if charset:
        try:
            return raw.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass
    return raw.decode("cp1252", "replace")


def _decode_word(charset: str, encoding: str, text: str) -> str:
    charset = charset.split("*", 1)[0].lower()  # RFC 2231 language suffix: "utf-8*en"
    try:
        if encoding.upper() == "B":
            padded = text + "=" * (-len(text) % 4)
            raw = base64.b64decode(padded, validate=False)
        else:
            raw = quopri.decodestring(text.replace("_", " ").encode("ascii", "replace"), header=True)
    except (ValueError, TypeError):
        return text
    try:
        return raw.decode(charset, "replace")
    except LookupError:
        return _decode_bytes(raw)


def decode_header_text(value: str) -> str:
    """RFC 2047 encoded-words decoded (adjacent words joined), raw 8-bit bytes guessed."""
    value = _unescape(value)
    if "=?" not in value:
        return value
    out: list[str] = []
    pos = 0
    last_was_word = False
    for match in _ENCODED_WORD.finditer(value):
        between = value[pos : match.start()]
        if not (last_was_word and not between.strip()):
            out.append(between)
        out.append(_decode_word(match.group(1), match.group(2), match.group(3)))
        pos = match.end()
        last_was_word = True
    out.append(value[pos:])
    return "".join(out)


def _one_line(text: str, limit: int = NOTE_LENGTH) -> str:
    return " ".join(text.split())[:limit].strip()


Headers = dict[str, list[str]]  # lower-case name -> raw values, in order


def _header(msg: Headers, name: str) -> str:
    values = msg.get(name.lower())
    return _unescape(values[0]) if values else ""


def _unescape(value: str) -> str:
    """Raw 8-bit header bytes (kept as surrogates by the parser) decoded by guess."""
    if value.isascii():  # the common case, and surrogates are never ASCII
        return value
    if any("\udc80" <= c <= "\udcff" for c in value):
        return _decode_bytes(value.encode("utf-8", "surrogateescape"))
    return value


def _all(msg: Headers, name: str) -> list[str]:
    values = msg.get(name.lower()) or []
    return [_unescape(str(v)) for v in values]


# --------------------------------------------------------------------------------------------
# Addresses


def simple_addresses(value: str) -> list[tuple[str, str]] | None:
    """The pairs of a plain address list ("Name <a@b>", '"Last, First" <a@b>', "a@b", commas
    between), as ``getaddresses`` reads them; None for anything else (comments, groups,
    escapes, routes), which goes to ``getaddresses``. Five times faster: most headers are plain.
    """
    pairs: list[tuple[str, str]] = []
    pos, end = 0, len(value)
    while True:
        m = _SIMPLE_ENTRY.match(value, pos)
        if m is None:
            return None
        address = m["angle"] or m["bare"]
        pairs.append(("" if m["bare"] else (m["quoted"] if m["quoted"] is not None else m["plain"]), address))
        pos = m.end()
        if pos >= end:
            return pairs


def _addresses(values: Iterable[str]) -> list[tuple[str, str]]:
    """(name, lower-case address) pairs; groups, empty and invalid entries dropped."""
    found: list[tuple[str, str]] = []
    for value in values:
        value = value.replace("\r", " ").replace("\n", " ")
        pairs = simple_addresses(value)
        if pairs is None:
            try:
                pairs = email.utils.getaddresses([value])
            except Exception:  # getaddresses has raised on odd input in some Python releases
                pairs = []
        valid = [(n, normalise_email(a)) for n, a in pairs if _ADDRESS.match(normalise_email(a))]
        if not valid:
            # "a@x.org b@x.org" (no comma) defeats getaddresses: take the bare addresses.
            valid = [("", normalise_email(a)) for a in _BARE_ADDRESS.findall(value)]
        for name, address in valid:
            name = _one_line(decode_header_text(name).strip().strip('"').strip("'"), 200)
            if normalise_email(name) == address:
                name = ""
            found.append((name, address))
    return found


def _is_automated(msg: Headers, sender: str) -> bool:
    precedence = _header(msg, "Precedence").strip().lower()
    if precedence in ("bulk", "list", "junk"):
        return True
    if "list-id" in msg or "list-unsubscribe" in msg:
        return True
    auto = _header(msg, "Auto-Submitted").strip().lower()
    if auto and auto != "no":
        return True
    if "x-autoreply" in msg or "x-autorespond" in msg:
        return True
    if _header(msg, "Return-Path").strip() == "<>":
        return True
    if sender and _AUTOMATED_SENDER.match(sender):
        return True
    content_type = _header(msg, "Content-Type").strip().lower()
    return content_type.startswith("multipart/report")


def _date(msg: Headers, today: dt.date) -> dt.datetime | None:
    text = decode_header_text(_header(msg, "Date")).strip()
    if not text:
        return None
    try:
        when = email.utils.parsedate_to_datetime(text)
    except Exception:  # ValueError, TypeError, IndexError, OverflowError depending on the garbage
        return None
    if when is None or when.year < 1970 or when.year > today.year + 1:
        return None
    return when


def _source_key(msg: Headers) -> str:
    message_id = re.sub(r"\s+", "", _header(msg, "Message-ID")).strip("<>").lower()
    if message_id:
        return message_id
    parts = [_header(msg, name) for name in ("From", "To", "Date", "Subject")]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape"))
    return "sha256:" + digest.hexdigest()


def _message_record(msg: Headers, where: str, source: str, me: set[str], today: dt.date) -> MailRecord:
    senders = _addresses(_all(msg, "From"))
    sender_address = senders[0][1] if senders else ""
    if _is_automated(msg, sender_address):
        return SkippedRecord(where, "automated mail")
    when = _date(msg, today)
    if when is None:
        return SkippedRecord(where, "unreadable date")
    recipients = _addresses(_all(msg, "To") + _all(msg, "Cc"))
    parties: dict[str, Party] = {}
    sender: Party | None = None
    for index, (name, address) in enumerate(senders + recipients):
        if address in me:
            continue
        party = parties.get(address)
        if party is None:
            party = parties[address] = Party(email=address, name=name)
        elif not party.name:
            party.name = name
        if index == 0:
            sender = party
    if not parties:
        return SkippedRecord(where, "no other party")
    return EventRecord(
        where=where,
        source=source,
        source_key=_source_key(msg),
        occurred_on=when.date(),
        channel=Channel.EMAIL,
        parties=list(parties.values()),
        occurred_time=when.strftime("%H:%M"),
        initiator=Initiator.ME if sender_address in me else Initiator.THEM,
        note=_one_line(decode_header_text(_header(msg, "Subject"))),
        sender=sender,
    )


# --------------------------------------------------------------------------------------------
# Reading header blocks

# What a header line looks like to the email package's parser (feedparser.headerRE).
_HEADER_LINE = re.compile(r"From |[\041-\071\073-\176]*:|[\t ]")
#: The headers this module reads; the others are not kept.
WANTED = frozenset({
    "from", "to", "cc", "date", "subject", "message-id", "precedence", "list-id", "list-unsubscribe",
    "auto-submitted", "x-autoreply", "x-autorespond", "return-path", "content-type",
})


def parse_headers(block: bytes) -> Headers | None:
    """The wanted headers of a block (raw values, in order); None when not one header line could
    be read, {} when there were headers but none of the wanted ones.

    This is the header loop of ``email.parser.BytesHeaderParser(policy=compat32)``, line for line
    (the same lines are headers, the same values come out, folding kept), without building a
    Message: three times faster, and mail import spends most of its time here.
    """
    if block.startswith(b"\xef\xbb\xbf"):
        block = block[3:]
    # newline="": split at \r\n, \r and \n, endings kept, as the email package does.
    lines = io.StringIO(block.decode("ascii", "surrogateescape"), newline="").readlines()
    headers: Headers = {}
    seen = False
    name = ""  # the header being read ("" after an envelope or nameless line: continuations dropped)
    value: list[str] = []
    for line in lines:
        if not _HEADER_LINE.match(line):
            break  # the blank line, or the first line of a body
        if line[0] in " \t":
            if name:
                value.append(line)
            continue
        if name:
            _keep(headers, name, value)
            name, value = "", []
        if line.startswith("From "):
            continue  # the envelope line, or a misplaced one: not a header
        colon = line.find(":")
        if colon == 0:
            continue  # no header name
        name, value = line[:colon], [line[colon + 1 :].lstrip(" \t")]
        seen = True
    if name:
        _keep(headers, name, value)
    return headers if seen else None


def _keep(headers: Headers, name: str, value: list[str]) -> None:
    key = name.strip().lower()
    if key in WANTED:
        headers.setdefault(key, []).append("".join(value).rstrip("\r\n"))


class _Dedup:
    """Remembers recent source keys: a message stored twice (Gmail labels, copies) counts once.

    Only the last ``limit`` keys, so memory stays flat for any mailbox; the import engine
    recognises a copy further apart by its key in the journal (skipped as "duplicate" too).
    """

    def __init__(self, limit: int | None = None) -> None:
        self.seen: OrderedDict[str, None] = OrderedDict()
        self.limit = DEDUP_WINDOW if limit is None else limit

    def check(self, record: MailRecord) -> MailRecord:
        if isinstance(record, EventRecord):
            if record.source_key in self.seen:
                return SkippedRecord(record.where, "duplicate")
            self.seen[record.source_key] = None
            if len(self.seen) > self.limit:
                self.seen.popitem(last=False)  # the oldest
        return record


def _record_for(block: bytes, where: str, source: str, me: set[str], today: dt.date) -> MailRecord:
    try:
        msg = parse_headers(block)
        if msg is None:
            return BadRecord(where, "no mail headers")
        return _message_record(msg, where, source, me, today)
    except Exception as exc:  # the email package on hostile input: one message, not the import
        log.debug("a message could not be read: %s", type(exc).__name__)  # no path: it may hold a name
        return BadRecord(where, f"cannot read message: {type(exc).__name__}")


def _header_block(lines: Iterable[tuple[bytes, bool]]) -> bytes:
    """The bytes up to the first blank line (capped), from (line, starts a line) pairs."""
    kept: list[bytes] = []
    size = 0
    for line, starts in lines:
        if starts and line in (b"\n", b"\r\n", b"\r"):
            break
        if size < MAX_HEADER_BYTES:
            kept.append(line)
            size += len(line)
    return b"".join(kept)


def is_separator(line: bytes) -> bool:
    """``From sender <a day or month name, then a time>``, in linear time."""
    if len(line) > MAX_SEPARATOR_BYTES:
        return False
    sender = _SENDER_PART.match(line)
    if sender is None:
        return False
    name = _DATE_NAME.search(line, sender.end())
    return name is not None and _CLOCK.search(line, name.end()) is not None


def _bounded_lines(fh: BinaryIO) -> Iterator[tuple[bytes, bool]]:
    """(line or piece of a long line, whether it starts a line), at most MAX_LINE_BYTES each."""
    starts = True
    while line := fh.readline(MAX_LINE_BYTES):
        yield line, starts
        starts = line.endswith(b"\n")


def _open(path: Path) -> BinaryIO:
    return open_regular(path)


def _mbox_messages(
    fh: BinaryIO, path: Path, number: int = 1, pos: int = 0
) -> Iterator[tuple[int, bytes, int, bool]]:
    """(line number of the From_ line, header block, its byte offset, whether its header block
    ended) for each message, streaming. ``number`` and ``pos`` are the line number and offset of
    the file's first line read (an incremental read starts at a message's From_ line).
    """
    lines = _bounded_lines(fh)
    first, _ = next(lines, (b"", True))
    pos += len(first)
    offset = pos - len(first)
    if first.startswith(b"\xef\xbb\xbf"):
        first = first[3:]
    while first in (b"\n", b"\r\n", b"\r"):
        first, _ = next(lines, (b"", True))
        pos += len(first)
        offset = pos - len(first)
        number += 1
    if not first.startswith(b"From "):
        raise UserError(f"{path}: not an mbox file (line {number} does not start with 'From ')")
    if not first.endswith(b"\n"):
        for piece, _starts in lines:  # the rest of a long first line
            pos += len(piece)
            if piece.endswith(b"\n"):
                break
    start = number
    headers: list[bytes] = []
    size = 0
    in_headers = True
    previous_blank = False
    for line, starts in lines:
        pos += len(line)
        if not starts:
            # The rest of a long line: body text, or a header cut at MAX_HEADER_BYTES.
            if in_headers and size < MAX_HEADER_BYTES:
                headers.append(line)
                size += len(line)
            continue
        number += 1
        blank = line in (b"\n", b"\r\n", b"\r")
        if line.startswith(b"From ") and len(line) <= MAX_SEPARATOR_BYTES:  # each test below stays cheap
            stripped = line.rstrip(b"\r\n")
            if (
                _DASH_SEPARATOR.match(stripped)
                or is_separator(stripped)
                or (previous_blank and _BARE_SEPARATOR.match(stripped))
            ):
                yield start, b"".join(headers), offset, not in_headers
                start, headers, size, in_headers, previous_blank = number, [], 0, True, False
                offset = pos - len(line)
                continue
        previous_blank = blank
        if in_headers:
            if blank:
                in_headers = False
            elif size < MAX_HEADER_BYTES:
                headers.append(line)
                size += len(line)
    yield start, b"".join(headers), offset, not in_headers


def parse_mbox(path: Path, *, me: set[str]) -> Iterator[EventRecord | BadRecord | SkippedRecord]:
    """Read an mbox file (mboxo, mboxrd, Thunderbird, Gmail Takeout; LF or CRLF), streaming.

    Raises:
        UserError: the file cannot be opened or does not start like an mbox.
    """
    path = Path(path)
    me = {normalise_email(m) for m in me}
    today = clock_today()
    dedup = _Dedup()
    count = 0
    with _open(path) as fh:
        try:
            for lineno, block, _offset, _ended in _mbox_messages(fh, path):
                count += 1
                yield dedup.check(_record_for(block, f"message {count} (line {lineno})", "mbox", me, today))
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    log.info("mbox: %d messages read", count)


class _Window:
    """A file read from one offset up to another, as ``_bounded_lines`` reads it."""

    def __init__(self, fh: BinaryIO, start: int, end: int) -> None:
        fh.seek(start)
        self.fh, self.left = fh, end - start

    def readline(self, size: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        line = self.fh.readline(self.left if size < 0 else min(size, self.left))
        self.left -= len(line)
        return line


@dataclass(slots=True)
class MboxSpan:
    """An incremental read of an mbox: where it starts, and (once read) where the next one starts.

    ``start`` is the offset of a message's From_ line (0: the whole file), ``line`` and ``count``
    its line number and how many messages came before it. After the read, ``resume_at`` (with
    ``resume_line`` and ``resume_count``) is where the last message read starts: the next read
    begins there, so a message that was still being written is read whole next time.
    """

    start: int = 0
    line: int = 1
    count: int = 0
    resume_at: int = 0
    resume_line: int = 1
    resume_count: int = 0


def parse_mbox_span(
    path: Path, *, me: set[str], span: MboxSpan, end: int
) -> Iterator[EventRecord | BadRecord | SkippedRecord]:
    """Read the messages of an mbox from ``span.start`` up to byte ``end`` (its size when the read
    began: a file that grows meanwhile reads the same). Every message is read but the last,
    which is read only when complete: its header block ended and the file ends with a newline
    there. A message cut off mid-way is left for the next read, which starts at it.

    Raises:
        UserError: the file cannot be opened, or ``span.start`` is not the start of a message.
    """
    path = Path(path)
    me = {normalise_email(m) for m in me}
    today = clock_today()
    dedup = _Dedup()
    count = span.count
    span.resume_at, span.resume_line, span.resume_count = span.start, span.line, span.count
    with _open(path) as fh:
        try:
            fh.seek(max(end - 1, 0))
            ends_line = fh.read(1) == b"\n"
            window = _Window(fh, span.start, end)
            pending: tuple[int, bytes, int, bool] | None = None
            for message in _mbox_messages(window, path, span.line, span.start):  # type: ignore[arg-type]
                if pending is not None:
                    count += 1
                    yield dedup.check(_record_for(pending[1], f"message {count} (line {pending[0]})", "mbox", me,
                                                  today))
                pending = message
                span.resume_at, span.resume_line, span.resume_count = message[2], message[0], count
            if pending is not None and pending[3] and ends_line:
                count += 1
                yield dedup.check(_record_for(pending[1], f"message {count} (line {pending[0]})", "mbox", me, today))
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    log.info("mbox: %d messages read from offset %d", count - span.count, span.start)


def parse_maildir(
    path: Path, *, me: set[str], select: Callable[[str], bool] | None = None
) -> Iterator[EventRecord | BadRecord | SkippedRecord]:
    """Read a Maildir folder: the messages in its cur/ and new/ folders, in name order.

    ``select``, when given, is asked about each "cur/NAME" or "new/NAME": only those it accepts
    are read (a source's incremental read: the messages it has not seen).

    Raises:
        UserError: the folder cannot be read or is not a Maildir.
    """
    path = Path(path)
    me = {normalise_email(m) for m in me}
    today = clock_today()
    dedup = _Dedup()
    folders = [path / "cur", path / "new"]
    if not path.is_dir() or not any(f.is_dir() for f in folders):
        raise UserError(f"{path}: not a Maildir (no cur/ or new/ folder)")
    count = 0
    for folder in folders:
        try:
            names = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        except OSError as exc:
            raise UserError(f"cannot read {folder}: {exc.strerror or exc}") from None
        for name in names:
            if name.startswith("."):
                continue
            file = folder / name
            where = f"{folder.name}/{name}"
            if select is not None and not select(where):
                continue
            try:
                if not file.is_file():
                    # A folder, a pipe or a device is no message, and a pipe would block.
                    yield SkippedRecord(where, "not a regular file")
                    continue
                with open_regular(file) as fh:
                    block = _header_block(_bounded_lines(fh))
            except UserError as exc:
                yield BadRecord(where, str(exc).removeprefix(f"cannot read {file}: "))
                continue
            except OSError as exc:
                yield BadRecord(where, f"cannot read: {exc.strerror or exc}")
                continue
            count += 1
            yield dedup.check(_record_for(block, where, "maildir", me, today))
    log.info("maildir: %d messages read", count)


def parse_eml(path: Path, *, me: set[str]) -> Iterator[EventRecord | BadRecord | SkippedRecord]:
    """Read one message file (.eml), which may start with an mbox "From " line.

    Raises:
        UserError: the file cannot be read or holds no mail headers.
    """
    path = Path(path)
    me = {normalise_email(m) for m in me}
    with _open(path) as fh:
        try:
            lines = _bounded_lines(fh)
            first, _ = next(lines, (b"", True))
            if first.startswith(b"\xef\xbb\xbf"):
                first = first[3:]
            if first.startswith(b"From "):  # an mbox envelope line, not a header
                block = _header_block(itertools.dropwhile(lambda item: not item[1], lines))
            else:
                block = _header_block(itertools.chain([(first, True)], lines))
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        msg = parse_headers(block)
    except Exception:  # the email package on hostile input
        msg = None
    if msg is None or not any(h in msg for h in ("from", "to", "date", "subject", "message-id")):
        raise UserError(f"{path}: not an email message (no From, To, Date or Subject header)")
    try:
        yield _message_record(msg, path.name, "eml", me, clock_today())
    except Exception as exc:  # the email package on hostile input
        yield BadRecord(path.name, f"cannot read message: {type(exc).__name__}")
