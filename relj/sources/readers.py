"""What one read of a source reads: only what is new since the last read, as records for one import.

Each kind has its rule (see README "Sources"):

* **mbox**: the offset of the last message read and fingerprints of the file (size, mtime, a hash
  of its first and of its last-read few KB). A file that only grew is read from that message on;
  a file whose read part changed (rewritten, compacted) is read again whole, which the import's
  idempotence makes harmless. The last message is read only once complete (its header block
  ended and the file ends with a newline): one cut off mid-way is read by the next sync.
* **ics**: the same, by events: the calendar's head (properties and VTIMEZONEs), then from the
  end of the last complete event read up to the end of the last complete event now. Once a day
  the whole file is read again: recurring events have new occurrences and plans become meetings
  as days pass.
* **maildir**: the messages (by their unique name) not read before.
* **vcard, csv, eml, calls, sms, whatsapp**: read whole again when size or mtime changed; the
  import adds only what it has not seen (a bigger calls file adds only its new calls).
* **thunderbird-calendar, evolution-contacts** (another program's SQLite file): read whole again,
  from a private copy, when the size or mtime of the file or of its ``-wal`` changed (a program
  writes to its WAL long before the main file), and a calendar once a day as an ``.ics`` is.
* **phone-inbox**: every file of the folder, each read by the rule of the kind its *content* says
  it is (never its name), each with its own state.

Nothing is read from a file that did not change: one ``stat``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relj.errors import UserError
from relj.interop.records import BadRecord, Record
from relj.store import Store
from relj.store.sources import FileState

log = logging.getLogger(__name__)

#: Bytes hashed at the start of a file and before where the last read stopped.
FINGERPRINT_BYTES = 4096
#: Bytes read to recognise a file by its content.
HEAD_BYTES = 64 * 1024
_CHUNK = 64 * 1024
#: A phone inbox is walked this deep, and at most this many files are looked at.
INBOX_DEPTH = 4
INBOX_FILES = 20_000
_BEGIN_EVENT = re.compile(rb"(?im)^[ \t]*BEGIN:VEVENT[ \t]*\r?$")
_END_EVENT = re.compile(rb"(?im)^[ \t]*END:VEVENT[ \t]*(?:\r\n|\n|\r(?!$))")
_XML_ROOT = re.compile(rb"<(calls|smses)[\s>/]")


@dataclass
class Part:
    """One file's share of a read: its records, and its state once they are imported."""

    name: str
    kind: str
    size: int
    mtime_ns: int
    old: FileState | None
    records: Callable[[], Iterable[Record]] = lambda: ()
    finish: Callable[[], list[FileState]] = lambda: []
    failed: str | None = None  # why the file could not be read (its records stop there)

    def states(self) -> list[FileState]:
        """The states to keep once the import is committed. A file that failed keeps where its
        last good read stopped, with its new size and mtime: it is read again once it changes."""
        if self.failed is None:
            return self.finish()
        old = self.old or FileState(self.name)
        return [FileState(self.name, self.size, self.mtime_ns, old.resume_at, {**old.state, "failed": self.failed})]


@dataclass
class Context:
    """What every reader of one source needs: the store, the owner's addresses, the options, today."""

    store: Store
    options: dict[str, Any]
    today: dt.date
    me: set[str]
    me_names: tuple[str, ...] = ()

    @classmethod
    def of(cls, store: Store, options: dict[str, Any], today: dt.date) -> Context:
        owner = store.owner()
        return cls(store, options, today, {*owner.emails, *options.get("me", ())})

    def whatsapp_names(self) -> tuple[str, ...]:
        if not self.me_names:
            from relj.interop.engine import whatsapp_names

            self.me_names = whatsapp_names(self.store, self.options.get("me_names", ()))
        return self.me_names


# -- fingerprints ---------------------------------------------------------------------------------
def _digest(fh: Any, start: int, end: int) -> str:
    fh.seek(start)
    return hashlib.blake2b(fh.read(max(end - start, 0)), digest_size=16).hexdigest()


def fingerprint(path: Path, upto: int) -> dict[str, str]:
    """Hashes of the first bytes of the file and of the bytes just before ``upto``."""
    with open(path, "rb") as fh:
        return {"head": _digest(fh, 0, min(FINGERPRINT_BYTES, upto)),
                "tail": _digest(fh, max(upto - FINGERPRINT_BYTES, 0), upto)}


def grew(path: Path, old: FileState, size: int, kind: str) -> bool:
    """Whether the file is the one last read, grown or not: what was read is still there, unchanged."""
    if old.state.get("kind") != kind or size < old.resume_at or "head" not in old.state:
        return False
    return fingerprint(path, old.resume_at) == {"head": old.state["head"], "tail": old.state.get("tail")}


def unchanged(old: FileState | None, info: os.stat_result) -> bool:
    return old is not None and old.size == info.st_size and old.mtime_ns == info.st_mtime_ns


def _regular(path: Path) -> os.stat_result:
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"{path} is {'a folder' if stat.S_ISDIR(info.st_mode) else 'not a regular file'}, "
                        "not a file relj can read")
    return info


# -- recognising a file by its content ----------------------------------------------------------
def recognise(path: Path) -> str | None:
    """The import kind of a file from its first bytes, whatever its name; None when unknown."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(HEAD_BYTES)
    except OSError:
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", "replace")
        raw = text.encode("utf-8")
    head = raw.lstrip(b"\xef\xbb\xbf \r\n\t")
    upper = head[:20].upper()
    if upper.startswith(b"BEGIN:VCARD"):
        return "vcard"
    if upper.startswith(b"BEGIN:VCALENDAR"):
        return "ics"
    if head.startswith(b"From "):
        return "mbox"
    if head.startswith(b"<"):
        root = _XML_ROOT.search(head)
        return {b"calls": "calls", b"smses": "sms"}[root.group(1)] if root else None
    if b"\x00" in head:
        return None
    from relj.interop.whatsapp import looks_like_chat

    lines = head.decode("utf-8", "replace").splitlines()[:20]
    return "whatsapp" if looks_like_chat(lines) else None


# -- the readers ----------------------------------------------------------------------------------
def _guarded(name: str, part_records: Iterable[Record], part: Part) -> Iterator[Record]:
    """A file's records; a file that cannot be read gives one bad record, and the others are read."""
    part.failed = None
    try:
        yield from part_records
    except UserError as exc:
        part.failed = str(exc)
        yield BadRecord(name or "the file", str(exc))
    except OSError as exc:
        part.failed = f"cannot read {name or 'the file'}: {exc.strerror or exc}"
        yield BadRecord(name or "the file", part.failed)


def plan_file(kind: str, path: Path, name: str, old: FileState | None, ctx: Context) -> tuple[Part | None, FileState | None]:
    """What to read of one file of kind ``kind``: (a Part, None), or (None, its new state) when there
    is nothing to read, or (None, None) when it did not change at all (nothing to write either)."""
    info = _regular(path)
    if kind in SQLITE_KINDS:
        return _sqlite(kind, path, name, old, ctx, info)
    if unchanged(old, info) and (kind != "ics" or (old is not None and old.state.get("day") == ctx.today.isoformat())):
        return None, None
    size, mtime = info.st_size, info.st_mtime_ns
    if kind == "mbox":
        return _mbox(path, name, old, ctx, size, mtime)
    if kind == "ics":
        return _ics(path, name, old, ctx, size, mtime)
    if size == 0:
        return None, FileState(name, size, mtime, 0, {"kind": kind})
    records = _whole(kind, path, ctx)
    part = Part(name, kind, size, mtime, old, finish=lambda: [FileState(name, size, mtime, 0, {"kind": kind})])
    part.records = lambda: _guarded(name, records(), part)
    return part, None


def _whole(kind: str, path: Path, ctx: Context) -> Callable[[], Iterable[Record]]:
    from relj.interop.engine import open_records

    names = ctx.whatsapp_names() if kind == "whatsapp" else ()
    mapping = None
    if kind == "csv" and ctx.options.get("map"):
        from relj.interop.csvio import parse_map_spec

        mapping = parse_map_spec(ctx.options["map"])
    return open_records(kind, path, ctx.store, me_addresses=ctx.options.get("me", ()), me_names=names,
                        mapping=mapping, today=ctx.today)


#: Other programs' SQLite stores: fingerprinted with their WAL, read whole from a copy.
SQLITE_KINDS = frozenset({"thunderbird-calendar", "evolution-contacts"})


def wal_stamp(path: Path) -> list[int] | None:
    """[size, mtime] of the database's ``-wal`` file, None when it has none."""
    try:
        info = os.stat(f"{path}-wal")
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def _sqlite(kind: str, path: Path, name: str, old: FileState | None, ctx: Context,
            info: os.stat_result) -> tuple[Part | None, FileState | None]:
    wal = wal_stamp(path)
    day = ctx.today.isoformat() if kind == "thunderbird-calendar" else None
    if unchanged(old, info) and old is not None and (
            old.state.get("failed") or (old.state.get("wal") == wal and old.state.get("day") == day)):
        return None, None  # unchanged, or refused and not rewritten since (reported, not read again)
    size, mtime = info.st_size, info.st_mtime_ns
    records = _whole(kind, path, ctx)
    state = FileState(name, size, mtime, 0, {"kind": kind, "wal": wal, "day": day})
    part = Part(name, kind, size, mtime, old, finish=lambda: [state])
    part.records = lambda: _guarded(name, records(), part)
    return part, None


def _mbox(path: Path, name: str, old: FileState | None, ctx: Context, size: int,
          mtime: int) -> tuple[Part | None, FileState | None]:
    from relj.interop.mail import MboxSpan, parse_mbox_span

    if size == 0:
        return None, FileState(name, size, mtime, 0, {"kind": "mbox"})
    span = MboxSpan()
    if old is not None and grew(path, old, size, "mbox"):
        span = MboxSpan(old.resume_at, int(old.state.get("line", 1)), int(old.state.get("count", 0)))

    def finish() -> list[FileState]:
        return [FileState(name, size, mtime, span.resume_at, {
            "kind": "mbox", "line": span.resume_line, "count": span.resume_count,
            **fingerprint(path, span.resume_at)})]

    part = Part(name, "mbox", size, mtime, old, finish=finish)
    part.records = lambda: _guarded(name, parse_mbox_span(path, me=ctx.me, span=span, end=size), part)
    return part, None


def _find_first(path: Path, pattern: re.Pattern[bytes], end: int) -> int | None:
    """The offset of the first match of a line pattern before ``end``."""
    with open(path, "rb") as fh:
        pos, keep = 0, b""
        while pos < end:
            chunk = fh.read(min(_CHUNK, end - pos))
            if not chunk:
                return None
            data = keep + chunk
            m = pattern.search(data)
            if m:
                return pos - len(keep) + m.start()
            keep = data[-64:]
            pos += len(chunk)
    return None


def _find_last_end(path: Path, start: int, end: int) -> int | None:
    """The offset just after the last complete "END:VEVENT" line between ``start`` and ``end``."""
    with open(path, "rb") as fh:
        hi = end
        while hi > start:
            lo = max(start, hi - _CHUNK)
            fh.seek(lo)
            data = fh.read(min(end, hi + 64) - lo)
            last = None
            for m in _END_EVENT.finditer(data):
                last = m
            if last is not None and lo + last.end() <= end:
                return lo + last.end()
            hi = lo
    return None


def _ics(path: Path, name: str, old: FileState | None, ctx: Context, size: int,
         mtime: int) -> tuple[Part | None, FileState | None]:
    from relj.interop.ical import parse_ics

    today = ctx.today.isoformat()
    with open(path, "rb") as fh:
        utf16 = fh.read(2) in (b"\xff\xfe", b"\xfe\xff")
    if utf16:  # read converted in memory: offsets mean nothing, so it is read whole each time
        spans: list[tuple[int, int | None]] | None = None
        resume = 0
        head_end = 0
    else:
        incremental = old is not None and old.state.get("day") == today and grew(path, old, size, "ics")
        start = old.resume_at if incremental and old is not None else 0
        last = _find_last_end(path, start, size)
        if incremental and old is not None:
            head_end = int(old.state.get("head_end", 0))
            if last is None:
                return None, FileState(name, size, mtime, old.resume_at, {**old.state})
            spans = [(0, head_end), (start, last)]
        else:
            head_end = _find_first(path, _BEGIN_EVENT, size) or 0
            spans = [(0, last)] if last is not None else [(0, head_end or size)]
        resume = last if last is not None else start

    def finish() -> list[FileState]:
        return [FileState(name, size, mtime, resume, {"kind": "ics", "day": today, "head_end": head_end,
                                                      **fingerprint(path, resume)})]

    part = Part(name, "ics", size, mtime, old, finish=finish)
    part.records = lambda: _guarded(name, parse_ics(path, today=ctx.today, me=ctx.me, spans=spans), part)
    return part, None


def maildir_names(path: Path) -> dict[str, str]:
    """The messages of a Maildir: their unique name (before the flags) to "cur/NAME" or "new/NAME"."""
    out: dict[str, str] = {}
    for folder in ("new", "cur"):  # cur/ last: a message being moved is the cur/ copy
        try:
            names = os.listdir(path / folder)
        except FileNotFoundError:
            continue
        for entry in names:
            if not entry.startswith("."):
                out[entry.split(":", 1)[0]] = f"{folder}/{entry}"
    return out


def folder_stamp(path: Path) -> dict[str, int]:
    """The mtimes of a Maildir's cur/ and new/: they change when a message comes, goes or moves."""
    out = {}
    for folder in ("cur", "new"):
        try:
            out[folder] = os.stat(path / folder).st_mtime_ns
        except FileNotFoundError:
            out[folder] = -1
    return out


def inbox_files(path: Path) -> dict[str, Path]:
    """The files of a phone inbox (relative name to path): hidden and temporary files left out,
    folders walked a few levels deep, never through a symbolic link to a folder."""
    out: dict[str, Path] = {}

    def walk(folder: Path, depth: int) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if len(out) >= INBOX_FILES:
                return
            if entry.name.startswith((".", "~")) or entry.name.endswith((".tmp", ".part", ".partial")):
                continue  # Syncthing's and browsers' files in progress, and hidden ones
            try:
                if entry.is_dir(follow_symlinks=False):
                    if depth < INBOX_DEPTH:
                        walk(Path(entry.path), depth + 1)
                elif entry.is_file():
                    out[Path(entry.path).relative_to(path).as_posix()] = Path(entry.path)
            except OSError:
                continue

    walk(path, 1)
    return out
