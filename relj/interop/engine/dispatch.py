"""Which parser reads a file, and the one transaction that applies its records (or rolls back)."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from relj.domain import normalise_email
from relj.errors import UserError
from relj.interop.engine.apply import Applier, Progress
from relj.interop.engine.report import ImportOptions, ImportSummary
from relj.interop.formats import FORMATS
from relj.interop.records import Record
from relj.store import Store
from relj.store.imports import ImportTables

log = logging.getLogger(__name__)

RecordSource = Callable[[], Iterable[Record]]


_SUFFIXES = {
    ".vcf": "vcard",
    ".vcard": "vcard",
    ".csv": "csv",
    ".ics": "ics",
    ".vcs": "ics",
    ".ical": "ics",
    ".mbox": "mbox",
    ".mbx": "mbox",
    ".eml": "eml",
    ".txt": "whatsapp",
}


def guess_format(path: Path) -> str | None:
    """The import format of a file or folder from its name and first bytes, or None."""
    path = Path(path)
    if path.is_dir():
        if (path / "cur").is_dir() or (path / "new").is_dir():
            return "maildir"
        return "whatsapp" if (path / "_chat.txt").is_file() else None
    suffix = path.suffix.lower()
    if suffix == ".xml":
        try:
            with path.open("rb") as fh:
                head = fh.read(4096)
        except OSError:
            return None
        if b"<calls" in head:
            return "calls"
        if b"<smses" in head:
            return "sms"
        return None
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).lstrip(b"\xef\xbb\xbf \r\n\t")
    except OSError:
        return None
    if head.startswith(b"SQLite format 3\x00"):  # another program's store: known by its place
        if path.name.lower() == "contacts.db":
            return "evolution-contacts"
        if path.parent.name.lower() == "calendar-data":
            return "thunderbird-calendar"
        return None
    if head[:11].upper() == b"BEGIN:VCARD":
        return "vcard"
    if head[:15].upper() == b"BEGIN:VCALENDAR":
        return "ics"
    if head.startswith(b"From "):
        return "mbox"
    return None


def open_records(
    fmt: str,
    path: Path,
    store: Store,
    *,
    me_addresses: Iterable[str] = (),
    me_names: Iterable[str] = (),
    mapping: dict[str, str] | None = None,
    today: Any = None,
) -> RecordSource:
    """The parser call for one file, ready for ``run_import`` (which may call it twice)."""
    from relj import clock

    owner = store.owner()
    # The parsers compare lower-case addresses: "Sam@Example.org" in `me` is sam@example.org.
    me = {normalise_email(e) for e in (*owner.emails, *me_addresses)} - {""}
    region = owner.region or None
    path = Path(path)
    if fmt == "vcard":
        from relj.interop.vcard import parse_vcards

        return lambda: parse_vcards(path)
    if fmt == "csv":
        from relj.interop.csvio import parse_csv

        return lambda: parse_csv(path, mapping)
    if fmt == "ics":
        from relj.interop.ical import parse_ics

        day = today or clock.today()
        return lambda: parse_ics(path, today=day, me=me)
    if fmt in ("mbox", "maildir", "eml"):
        from relj.interop import mail

        parse = {"mbox": mail.parse_mbox, "maildir": mail.parse_maildir, "eml": mail.parse_eml}[fmt]
        return lambda: parse(path, me=me)
    if fmt == "calls":
        from relj.interop.android import parse_calls

        return lambda: parse_calls(path, region=region)
    if fmt == "sms":
        from relj.interop.android import parse_sms

        return lambda: parse_sms(path, region=region)
    if fmt == "thunderbird-calendar":
        from relj.interop.thunderbird_calendar import parse_thunderbird_calendar

        day = today or clock.today()
        return lambda: parse_thunderbird_calendar(path, today=day, me=me)
    if fmt == "evolution-contacts":
        from relj.interop.evolution_contacts import parse_evolution_contacts

        return lambda: parse_evolution_contacts(path)
    if fmt == "whatsapp":
        from relj.interop.whatsapp import parse_whatsapp

        names = {n for n in me_names if n.strip()}
        return lambda: parse_whatsapp(path, me_names=names)
    raise UserError(f"unknown import format {fmt!r}: use one of {', '.join(FORMATS)}")


def whatsapp_names(store: Store, given: Iterable[str] = ()) -> tuple[str, ...]:
    """The owner's names for WhatsApp: those given, else the profile's; a UserError when none."""
    names = tuple(n for n in given if n.strip()) or tuple(n for n in [store.owner().name] if n.strip())
    if not names:
        raise UserError(
            "relj needs your name as WhatsApp shows it, to leave you out: "
            "use --me-name NAME, or set it once with `relj me --name NAME`"
        )
    return names


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def run_import(
    store: Store,
    records: RecordSource,
    options: ImportOptions,
    progress: Progress | None = None,
) -> ImportSummary:
    """Apply the records of one file to the journal, all or nothing; returns what happened.

    ``records`` is called once, or twice when ``create_people`` with ``min_messages`` > 1
    (a first pass counts how many events each unknown address has, keeping memory flat).
    """
    if options.min_messages < 1:
        raise UserError("--min-messages must be at least 1")
    summary = ImportSummary(fmt=options.fmt, file_name=options.file_name, dry_run=options.dry_run)
    counts: Counter[str] | None = None
    try:
        with store.atomic():
            applier = Applier(store, options, summary)
            if options.create_people and options.min_messages > 1:
                counts = applier.count_parties(records())
            applier.counts = counts
            applier.apply(records(), progress)
            if options.dry_run:
                raise _DryRun
    except _DryRun:
        summary.run_id = None
    log.info(
        "import %s %s: records=%d people +%d ~%d =%d interactions +%d ~%d =%d skipped=%d bad=%d duplicates=%d",
        "dry run" if options.dry_run else f"run {summary.run_id}",
        options.fmt,
        summary.records,
        summary.people_added,
        summary.people_updated,
        summary.people_unchanged,
        summary.interactions_added,
        summary.interactions_updated,
        summary.interactions_unchanged,
        summary.skipped_total,
        len(summary.bad),
        len(summary.duplicates),
    )
    return summary


def undo_import(store: Store, run_id: int) -> dict[str, int]:
    """Remove what import ``run_id`` added (see ImportTables.undo)."""
    with store.atomic():
        return ImportTables(store).undo(run_id)
