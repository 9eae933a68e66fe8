"""File imports and exports (vCard, CSV, iCalendar, mail, calls, texts, WhatsApp), history, undo, merge.

Every import goes through relj.interop.engine: one transaction, a summary, a history entry.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from relj.cli.base import MAX_ID, Ctx, echo_json, main, pass_ctx, say
from relj.cli.transfer import export_group, import_group
from relj.errors import UserError
from relj.interop.records import Record

F = TypeVar("F", bound=Callable[..., Any])
#: Bounds for numbers given on the command line: beyond them SQLite's 64-bit integers overflow.
MAX_MIN_MESSAGES = 1_000_000


# -- shared options ------------------------------------------------------------------------------
def _common(f: F) -> F:
    f = click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")(f)
    f = click.option("--skip-bad", is_flag=True, help="Import the good records and list the unreadable ones.")(f)
    f = click.option("--create-people", is_flag=True,
                     help="Create people for unknown addresses or numbers (unsorted, untracked).")(f)
    f = click.option("--min-messages", type=click.IntRange(1, MAX_MIN_MESSAGES), default=1, show_default=True,
                     help="With --create-people: messages an unknown address needs to become a person.")(f)
    return f


def _me_option(f: F) -> F:
    return click.option("--me", "me", multiple=True, metavar="ADDR",
                        help="Another of your own addresses (repeatable); your profile's are always used.")(f)


def _map_option(f: F) -> F:
    return click.option("--map", "map_spec", default=None, metavar="SPEC",
                        help="CSV only: which column holds what, e.g. 'name=Full Name,email=E-mail 1'.")(f)


def _path_arg(f: F) -> F:
    return click.argument("path", type=click.Path(path_type=Path))(f)


def _check_path(path: Path, *, folder: bool = False) -> None:
    if not path.exists():
        raise UserError(f"no such {'folder' if folder else 'file'}: {path}")
    if folder and not path.is_dir():
        raise UserError(f"{path} is a file, not a Maildir folder")
    if not folder and path.is_dir():
        raise UserError(f"{path} is a folder, not a file")


def _with_progress(records: Iterable[Record], label: str) -> Iterator[Record]:
    """A progress bar on stderr, only when it is a terminal (never in pipes, logs or tests)."""
    if not sys.stderr.isatty():
        yield from records
        return
    with click.progressbar(records, label=label, file=sys.stderr, show_pos=True) as bar:
        yield from bar


def _run(ctx: Ctx, fmt: str, path: Path, *, dry_run: bool, skip_bad: bool, create_people: bool = False,
         min_messages: int = 1, me: tuple[str, ...] = (), me_names: tuple[str, ...] = (),
         mapping: dict[str, str] | None = None) -> None:
    from relj.interop.engine import ImportOptions, open_records, run_import, summary_lines

    _check_path(path, folder=fmt == "maildir")
    store = ctx.store()
    options = ImportOptions(fmt=fmt, file_name=path.name, dry_run=dry_run, skip_bad=skip_bad,
                            create_people=create_people, min_messages=min_messages, me_addresses=me,
                            me_names=me_names)
    parse = open_records(fmt, path, store, me_addresses=me, me_names=me_names, mapping=mapping)

    def records() -> Iterable[Record]:
        return _with_progress(parse(), f"reading {path.name}")

    summary = run_import(store, records, options)
    for line in summary_lines(summary):
        say(line)


def _no_map(map_spec: str | None) -> None:
    if map_spec is not None:
        raise UserError("--map is for CSV files only")


# -- address books, calendars, mail ------------------------------------------------------------
def _file_command(fmt: str, doc: str) -> None:
    @import_group.command(fmt, help=doc)
    @_path_arg
    @_common
    @_me_option
    @_map_option
    @pass_ctx
    def command(ctx: Ctx, path: Path, dry_run: bool, skip_bad: bool, create_people: bool, min_messages: int,
                me: tuple[str, ...], map_spec: str | None) -> None:
        mapping = None
        if fmt == "csv":
            from relj.interop.csvio import parse_map_spec

            mapping = parse_map_spec(map_spec) if map_spec is not None else None
        else:
            _no_map(map_spec)
        _run(ctx, fmt, path, dry_run=dry_run, skip_bad=skip_bad, create_people=create_people,
             min_messages=min_messages, me=me, mapping=mapping)


_file_command("vcard", "Import people from a vCard file (2.1, 3.0, 4.0): new ones are added, known ones filled in.")
_file_command("csv", "Import people from a CSV file (Google, Outlook, Thunderbird, LinkedIn; else --map).")
_file_command("ics", "Import meetings from an iCalendar file: events with people you know become interactions.")
_file_command("mbox", "Import an mbox file: each message is an email with the people you know among its addresses.")
_file_command("maildir", "Import a Maildir folder (with cur/ and new/).")
_file_command("eml", "Import one message file (.eml).")
_file_command("thunderbird-calendar", "Import meetings from Thunderbird's calendar store (calendar-data/local.sqlite "
              "in a profile), read from a copy: the rules of `import ics`.")
_file_command("evolution-contacts", "Import people from Evolution's address book (addressbook/system/contacts.db), "
              "read from a copy: each contact's vCard as `import vcard` reads it.")


# -- phones ----------------------------------------------------------------------------------
def _warn_region(ctx: Ctx) -> None:
    """A note after a phone import: without the user's region, local numbers may not have matched."""
    if not ctx.store().owner().region:
        say("relj: your region is not set, so numbers without a country code may not match; "
                   "set it with `relj me --region GB` (your country)", err=True)


@import_group.command("calls")
@_path_arg
@_common
@pass_ctx
def import_calls(ctx: Ctx, path: Path, dry_run: bool, skip_bad: bool, create_people: bool,
                 min_messages: int) -> None:
    """Import an Android call log (calls.xml from "SMS Backup & Restore"): answered calls only."""
    _run(ctx, "calls", path, dry_run=dry_run, skip_bad=skip_bad, create_people=create_people,
         min_messages=min_messages)
    _warn_region(ctx)  # after the import: a refused file gets its one line, nothing else


@import_group.command("sms")
@_path_arg
@_common
@pass_ctx
def import_sms(ctx: Ctx, path: Path, dry_run: bool, skip_bad: bool, create_people: bool,
               min_messages: int) -> None:
    """Import Android texts (sms.xml from "SMS Backup & Restore"): one interaction per conversation per day."""
    _run(ctx, "sms", path, dry_run=dry_run, skip_bad=skip_bad, create_people=create_people,
         min_messages=min_messages)
    _warn_region(ctx)  # after the import: a refused file gets its one line, nothing else


@import_group.command("whatsapp")
@_path_arg
@_common
@click.option("--me-name", "me_names", multiple=True, metavar="NAME",
              help="Your name as the chat shows it (default: the name in `relj me`).")
@pass_ctx
def import_whatsapp(ctx: Ctx, path: Path, dry_run: bool, skip_bad: bool, create_people: bool, min_messages: int,
                    me_names: tuple[str, ...]) -> None:
    """Import a WhatsApp chat export (.txt): one interaction per day, and the calls it shows."""
    from relj.interop.engine import whatsapp_names

    _check_path(path)
    names = whatsapp_names(ctx.store(), me_names)
    _run(ctx, "whatsapp", path, dry_run=dry_run, skip_bad=skip_bad, create_people=create_people,
         min_messages=min_messages, me_names=names)


# -- history and undo --------------------------------------------------------------------------
@import_group.command("history")
@click.option("--json", "as_json", is_flag=True, help="Print the history as JSON.")
@pass_ctx
def import_history(ctx: Ctx, as_json: bool) -> None:
    """List past imports, newest last."""
    from relj.store.imports import ImportTables

    runs = ImportTables(ctx.store()).runs()
    if as_json:
        echo_json([{"id": r.id, "format": r.format, "file": r.file_name, "started_at": r.started_at,
                    "undone_at": r.undone_at, "summary": r.summary} for r in runs])
        return
    if not runs:
        say("no imports yet")
        return
    for r in runs:
        people = r.summary.get("people", {})
        inter = r.summary.get("interactions", {})
        skipped = sum(r.summary.get("skipped", {}).values())
        state = f"  (undone {r.undone_at[:10]})" if r.undone_at else ""
        say(f"#{r.id:<4} {r.started_at[:16].replace('T', ' ')}  {r.format:<8} {r.file_name}: "
                   f"people +{people.get('added', 0)} ~{people.get('updated', 0)}, "
                   f"interactions +{inter.get('added', 0)}, skipped {skipped}{state}")


@import_group.command("undo")
@click.argument("run_id", metavar="ID")
@pass_ctx
def import_undo(ctx: Ctx, run_id: str) -> None:
    """Remove what one import added (its interactions, people, contact points, interests).

    Fields it filled in on people you already had stay; people it created who have other
    interactions or relationships since are kept.
    """
    from relj.interop.engine import undo_import

    text = run_id.strip().lstrip("#")
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_ID):
        raise UserError(f"bad import id {run_id!r}: expected a number from `relj import history`")
    result = undo_import(ctx.store(), int(text))
    say(f"undid import #{int(text)}: removed {result['interactions']} interactions, {result['people']} people, "
               f"{result['contact_points']} contact points, {result['interests']} interests")
    if result["people_kept"]:
        say(f"kept {result['people_kept']} people it created who have other interactions or relationships")


# -- merge -----------------------------------------------------------------------------------
@main.command()
@click.argument("keep", metavar="WHO")
@click.argument("gone", metavar="WHO")
@pass_ctx
def merge(ctx: Ctx, keep: str, gone: str) -> None:
    """Join the second person into the first: contact points, interests, interactions, relationships.

    Empty fields of the first are filled from the second; the second is deleted.
    """
    store = ctx.store(create=False)
    a, b = store.resolve(keep), store.resolve(gone)
    if a.id == b.id:
        raise UserError(f"{keep!r} and {gone!r} are the same person (#{a.id})")
    result = store.merge_people(a.id, b.id)
    say(f"merged #{b.id} {b.display_name} into #{a.id} {a.display_name}: {result['contact_points']} contact "
               f"points, {result['interests']} interests, {result['interactions']} interactions, "
               f"{result['relationships']} relationships moved")


# -- exports ---------------------------------------------------------------------------------
@export_group.command("vcard")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def export_vcard(ctx: Ctx, file: Path) -> None:
    """Write every person as a vCard 3.0 file that imports back into relj, Google and Apple."""
    from relj.interop import engine

    count = engine.export_vcard(ctx.store(create=False), file)
    say(f"exported {count} people to {file}")


@export_group.command("ics")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def export_ics(ctx: Ctx, file: Path) -> None:
    """Write planned interactions and birthdays as an iCalendar file."""
    from relj.interop import engine

    events, birthdays = engine.export_ics(ctx.store(create=False), file)
    say(f"exported {events} planned interactions and {birthdays} birthdays to {file}")
