"""File imports and exports (vCard, CSV, iCalendar, mail, calls, texts, WhatsApp), history, undo, merge.

Every import goes through relj.interop.engine: one transaction, a summary, a history entry.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from relj.cli.base import Ctx, echo_json, main, pass_ctx
from relj.cli.transfer import export_group, import_group
from relj.errors import UserError
from relj.interop.records import Record

F = TypeVar("F", bound=Callable[..., Any])
Parser = Callable[[Path], Iterable[Record]]


# -- shared options ------------------------------------------------------------------------------
def _common(f: F) -> F:
    f = click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")(f)
    f = click.option("--skip-bad", is_flag=True, help="Import the good records and list the unreadable ones.")(f)
    f = click.option("--create-people", is_flag=True,
                     help="Create people for unknown addresses or numbers (unsorted, untracked).")(f)
    f = click.option("--min-messages", type=click.IntRange(1), default=1, show_default=True,
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


def _run(ctx: Ctx, fmt: str, path: Path, parser: Parser, *, dry_run: bool, skip_bad: bool,
         create_people: bool = False, min_messages: int = 1, me: tuple[str, ...] = (),
         me_names: tuple[str, ...] = ()) -> None:
    from relj.interop.engine import ImportOptions, run_import

    store = ctx.store()
    options = ImportOptions(fmt=fmt, file_name=path.name, dry_run=dry_run, skip_bad=skip_bad,
                            create_people=create_people, min_messages=min_messages, me_addresses=me,
                            me_names=me_names)

    def records() -> Iterable[Record]:
        return _with_progress(parser(path), f"reading {path.name}")

    summary = run_import(store, records, options)
    for line in summary_lines(summary):
        click.echo(line)


def summary_lines(s: Any) -> list[str]:
    """The summary a person reads after an import (names appear here, never in logs)."""
    head = "dry run, nothing written" if s.dry_run else f"import #{s.run_id}"
    lines = [f"{s.fmt} {s.file_name} ({head}): {s.records} records"]
    if s.people_added or s.people_updated or s.people_unchanged or s.fmt in ("vcard", "csv"):
        lines.append(f"  people:       {s.people_added} added, {s.people_updated} updated, "
                     f"{s.people_unchanged} unchanged")
    if s.interactions_added or s.interactions_updated or s.interactions_unchanged or s.fmt not in ("vcard", "csv"):
        lines.append(f"  interactions: {s.interactions_added} added, {s.interactions_updated} updated, "
                     f"{s.interactions_unchanged} unchanged")
    if s.contact_points_added or s.interests_added:
        lines.append(f"  also added:   {s.contact_points_added} contact points, {s.interests_added} interests")
    lines.append(f"  skipped:      {s.skipped_total}")
    for reason, n in s.skipped.most_common():
        lines.append(f"    {n:6d}  {reason}")
    if s.bad:
        lines.append(f"  bad records:  {len(s.bad)} (left out with --skip-bad)")
        for where, reason in s.bad[:50]:
            lines.append(f"    {where}: {reason}")
        if len(s.bad) > 50:
            lines.append(f"    ... and {len(s.bad) - 50} more")
    for notice, n in s.notices.most_common():
        lines.append(f"  note: {n} x {notice}")
    if s.duplicates:
        lines.append(f"  likely duplicates (same name, no shared email): {len(s.duplicates)}")
        for d in s.duplicates[:50]:
            others = ", ".join(f"#{o}" for o in d.others)
            lines.append(f"    #{d.person_id} {d.name} and {others}: `relj merge #{d.others[0]} #{d.person_id}`"
                         if not s.dry_run else f"    {d.name} and {others}")
    return lines


def _me_set(ctx: Ctx, extra: tuple[str, ...]) -> set[str]:
    owner = ctx.store().owner()
    return {*owner.emails, *extra}


# -- address books -------------------------------------------------------------------------------
@import_group.command("vcard")
@_path_arg
@_common
@_me_option
@_map_option
@pass_ctx
def import_vcard(ctx: Ctx, path: Path, dry_run: bool, skip_bad: bool, create_people: bool, min_messages: int,
                 me: tuple[str, ...], map_spec: str | None) -> None:
    """Import people from a vCard file (2.1, 3.0, 4.0): new ones are added, known ones filled in."""
    from relj.interop.vcard import parse_vcards

    if map_spec is not None:
        raise UserError("--map is for CSV files only")
    _check_path(path)
    _run(ctx, "vcard", path, parse_vcards, dry_run=dry_run, skip_bad=skip_bad, me=me)


@import_group.command("csv")
@_path_arg
@_common
@_me_option
@_map_option
@pass_ctx
def import_csv(ctx: Ctx, path: Path, dry_run: bool, skip_bad: bool, create_people: bool, min_messages: int,
               me: tuple[str, ...], map_spec: str | None) -> None:
    """Import people from a CSV file (Google, Outlook, Thunderbird, LinkedIn; else --map)."""
    from relj.interop.csvio import parse_csv, parse_map_spec

    mapping = parse_map_spec(map_spec) if map_spec is not None else None
    _check_path(path)
    _run(ctx, "csv", path, lambda p: parse_csv(p, mapping), dry_run=dry_run, skip_bad=skip_bad, me=me)


# -- calendars and mail ----------------------------------------------------------------------------
@import_group.command("ics")
@_path_arg
@_common
@_me_option
@_map_option
@pass_ctx
def import_ics(ctx: Ctx, path: Path, dry_run: bool, skip_bad: bool, create_people: bool, min_messages: int,
               me: tuple[str, ...], map_spec: str | None) -> None:
    """Import meetings from an iCalendar file: events with people you know become interactions."""
    from relj.clock import today
    from relj.interop.ical import parse_ics

    if map_spec is not None:
        raise UserError("--map is for CSV files only")
    _check_path(path)
    mine = _me_set(ctx, me)
    _run(ctx, "ics", path, lambda p: parse_ics(p, today=today(), me=mine), dry_run=dry_run, skip_bad=skip_bad,
         create_people=create_people, min_messages=min_messages, me=me)


def _mail(ctx: Ctx, fmt: str, path: Path, dry_run: bool, skip_bad: bool, create_people: bool, min_messages: int,
          me: tuple[str, ...], map_spec: str | None) -> None:
    from relj.interop import mail

    if map_spec is not None:
        raise UserError("--map is for CSV files only")
    _check_path(path, folder=fmt == "maildir")
    parse = {"mbox": mail.parse_mbox, "maildir": mail.parse_maildir, "eml": mail.parse_eml}[fmt]
    mine = _me_set(ctx, me)
    _run(ctx, fmt, path, lambda p: parse(p, me=mine), dry_run=dry_run, skip_bad=skip_bad,
         create_people=create_people, min_messages=min_messages, me=me)


@import_group.command("mbox")
@_path_arg
@_common
@_me_option
@_map_option
@pass_ctx
def import_mbox(ctx: Ctx, **kw: Any) -> None:
    """Import an mbox file: each message is an email with the people you know among its addresses."""
    _mail(ctx, "mbox", **kw)


@import_group.command("maildir")
@_path_arg
@_common
@_me_option
@_map_option
@pass_ctx
def import_maildir(ctx: Ctx, **kw: Any) -> None:
    """Import a Maildir folder (with cur/ and new/)."""
    _mail(ctx, "maildir", **kw)


@import_group.command("eml")
@_path_arg
@_common
@_me_option
@_map_option
@pass_ctx
def import_eml(ctx: Ctx, **kw: Any) -> None:
    """Import one message file (.eml)."""
    _mail(ctx, "eml", **kw)


# -- phones ----------------------------------------------------------------------------------
def _region(ctx: Ctx) -> str | None:
    region = ctx.store().owner().region
    if not region:
        click.echo("relj: your region is not set, so numbers without a country code may not match; "
                   "set it with `relj me --region GB` (your country)", err=True)
    return region or None


@import_group.command("calls")
@_path_arg
@_common
@pass_ctx
def import_calls(ctx: Ctx, path: Path, dry_run: bool, skip_bad: bool, create_people: bool,
                 min_messages: int) -> None:
    """Import an Android call log (calls.xml from "SMS Backup & Restore"): answered calls only."""
    from relj.interop.android import parse_calls

    _check_path(path)
    region = _region(ctx)
    _run(ctx, "calls", path, lambda p: parse_calls(p, region=region), dry_run=dry_run, skip_bad=skip_bad,
         create_people=create_people, min_messages=min_messages)


@import_group.command("sms")
@_path_arg
@_common
@pass_ctx
def import_sms(ctx: Ctx, path: Path, dry_run: bool, skip_bad: bool, create_people: bool,
               min_messages: int) -> None:
    """Import Android texts (sms.xml from "SMS Backup & Restore"): one interaction per conversation per day."""
    from relj.interop.android import parse_sms

    _check_path(path)
    region = _region(ctx)
    _run(ctx, "sms", path, lambda p: parse_sms(p, region=region), dry_run=dry_run, skip_bad=skip_bad,
         create_people=create_people, min_messages=min_messages)


@import_group.command("whatsapp")
@_path_arg
@_common
@click.option("--me-name", "me_names", multiple=True, metavar="NAME",
              help="Your name as the chat shows it (default: the name in `relj me`).")
@pass_ctx
def import_whatsapp(ctx: Ctx, path: Path, dry_run: bool, skip_bad: bool, create_people: bool, min_messages: int,
                    me_names: tuple[str, ...]) -> None:
    """Import a WhatsApp chat export (.txt): one interaction per day, and the calls it shows."""
    from relj.interop.whatsapp import parse_whatsapp

    _check_path(path)
    names = tuple(n for n in me_names if n.strip()) or tuple(n for n in [ctx.store().owner().name] if n)
    if not names:
        raise UserError("relj needs your name as WhatsApp shows it, to leave you out: "
                        "use --me-name NAME, or set it once with `relj me --name NAME`")
    _run(ctx, "whatsapp", path, lambda p: parse_whatsapp(p, me_names=set(names)), dry_run=dry_run,
         skip_bad=skip_bad, create_people=create_people, min_messages=min_messages, me_names=names)


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
        click.echo("no imports yet")
        return
    for r in runs:
        people = r.summary.get("people", {})
        inter = r.summary.get("interactions", {})
        skipped = sum(r.summary.get("skipped", {}).values())
        state = f"  (undone {r.undone_at[:10]})" if r.undone_at else ""
        click.echo(f"#{r.id:<4} {r.started_at[:16].replace('T', ' ')}  {r.format:<8} {r.file_name}: "
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
    if not text.isdigit():
        raise UserError(f"bad import id {run_id!r}: expected a number from `relj import history`")
    result = undo_import(ctx.store(), int(text))
    click.echo(f"undid import #{int(text)}: removed {result['interactions']} interactions, {result['people']} people, "
               f"{result['contact_points']} contact points, {result['interests']} interests")
    if result["people_kept"]:
        click.echo(f"kept {result['people_kept']} people it created who have other interactions or relationships")


# -- merge -----------------------------------------------------------------------------------
@main.command()
@click.argument("keep", metavar="WHO")
@click.argument("gone", metavar="WHO")
@pass_ctx
def merge(ctx: Ctx, keep: str, gone: str) -> None:
    """Join the second person into the first: contact points, interests, interactions, relationships.

    Empty fields of the first are filled from the second; the second is deleted.
    """
    from relj.interop.engine import merge_people

    store = ctx.store(create=False)
    a, b = store.resolve(keep), store.resolve(gone)
    if a.id == b.id:
        raise UserError(f"{keep!r} and {gone!r} are the same person (#{a.id})")
    result = merge_people(store, a.id, b.id)
    click.echo(f"merged #{b.id} {b.display_name} into #{a.id} {a.display_name}: {result['contact_points']} contact "
               f"points, {result['interests']} interests, {result['interactions']} interactions, "
               f"{result['relationships']} relationships moved")


# -- exports ---------------------------------------------------------------------------------
@export_group.command("vcard")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def export_vcard(ctx: Ctx, file: Path) -> None:
    """Write every person as a vCard 3.0 file that imports back into relj, Google and Apple."""
    from relj.interop.jsonio import write_private
    from relj.interop.vcard import write_vcards

    people = ctx.store(create=False).people()
    text = io.StringIO(newline="")
    write_vcards(people, text)
    write_private(file, text.getvalue().encode("utf-8"))
    click.echo(f"exported {len(people)} people to {file}")


@export_group.command("ics")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def export_ics(ctx: Ctx, file: Path) -> None:
    """Write planned interactions and birthdays as an iCalendar file."""
    from relj.interop.ical import IcsBirthday, IcsEvent, write_ics
    from relj.interop.jsonio import write_private
    from relj.store.imports import ImportTables

    store = ctx.store(create=False)
    planned = store.interactions_by_ids(ImportTables(store).planned_interactions())
    people = {p.id: p for p in store.people()}
    events = []
    for i in sorted(planned, key=lambda x: (x.occurred_on, x.id)):
        names = [p.name for p in i.participants]
        summary = i.note.splitlines()[0] if i.note.strip() else f"{i.channel.label.capitalize()} with {', '.join(names)}"
        attendees = [(p.name, people[p.id].emails[0]) for p in i.participants if people[p.id].emails]
        events.append(IcsEvent(uid=f"relj-interaction-{i.id}@relj", date=i.occurred_on, time=i.occurred_time,
                               duration_min=i.duration_min, summary=summary, description=i.note, location=i.place,
                               attendees=attendees, channel=i.channel))
    birthdays = [IcsBirthday(uid=f"relj-birthday-{p.id}@relj", name=p.display_name, month=p.birthday.month,
                             day=p.birthday.day, year=p.birthday.year)
                 for p in people.values() if p.birthday is not None]
    buf = io.BytesIO()
    write_ics(events, birthdays, buf)
    write_private(file, buf.getvalue())
    click.echo(f"exported {len(events)} planned interactions and {len(birthdays)} birthdays to {file}")
