"""`relj sources`: files and folders relj re-reads by itself (add, list, remove, sync, detect)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from relj.cli.base import MAX_ID, Ctx, echo_json, main, pass_ctx, say
from relj.errors import UserError


@main.group()
def sources() -> None:
    """Files and folders relj re-reads on every sync: mail, calendars, address books, a phone inbox."""


def _source_id(text: str) -> int:
    clean = text.strip().lstrip("#")
    if not (clean.isascii() and clean.isdigit() and 1 <= int(clean) <= MAX_ID):
        raise UserError(f"bad source id {text!r}: expected a number from `relj sources list`")
    return int(clean)


@sources.command("add")
@click.argument("kind")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--create-people", is_flag=True, help="Create people for unknown addresses or numbers.")
@click.option("--min-messages", type=click.IntRange(1, 1_000_000), default=None,
              help="With --create-people: messages an unknown address needs to become a person.")
@click.option("--me", "me", multiple=True, metavar="ADDR", help="Another of your own addresses (repeatable).")
@click.option("--me-name", "me_names", multiple=True, metavar="NAME",
              help="Your name as WhatsApp shows it (whatsapp, phone-inbox).")
@click.option("--map", "map_spec", default=None, metavar="SPEC", help="CSV only: which column holds what.")
@pass_ctx
def sources_add(ctx: Ctx, kind: str, path: Path, create_people: bool, min_messages: int | None,
                me: tuple[str, ...], me_names: tuple[str, ...], map_spec: str | None) -> None:
    """Record a source: KIND as for `relj import` (mbox, maildir, ics, vcard, csv, eml, calls, sms,
    whatsapp, thunderbird-calendar, evolution-contacts) or phone-inbox (a folder your phone fills),
    and its PATH. Nothing is read until `relj sources sync`."""
    from relj.ops import sources as source_ops
    from relj.sources.options import check_kind, check_options, check_path

    options: dict[str, Any] = {}
    if create_people:
        options["create_people"] = True
    if min_messages is not None:
        options["min_messages"] = min_messages
    if me:
        options["me"] = list(me)
    if me_names:
        options["me_names"] = list(me_names)
    if map_spec is not None:
        options["map"] = map_spec
    # Checked before the journal is opened: bad input writes nothing, not even a new journal.
    check_kind(kind)
    check_options(kind, options)
    check_path(kind, path)
    source = source_ops.add_source(ctx.store(), kind, path, options).value
    say(f"added source #{source.id}: {source.kind} {source.path} (read it with `relj sources sync`)")


def _when(text: str | None) -> str:
    return text[:16].replace("T", " ") if text else "never"


@sources.command("list")
@click.option("--json", "as_json", is_flag=True, help="A JSON array, in the order the sources were added.")
@pass_ctx
def sources_list(ctx: Ctx, as_json: bool) -> None:
    """The sources, when each was last read and what that read added."""
    items = ctx.store().list_sources()
    if as_json:
        echo_json([{"id": s.id, "kind": s.kind, "path": str(s.path), "enabled": s.enabled,
                    "last_read": s.last_read.isoformat() if s.last_read else None,
                    "last_added": {"people": s.last_added[0], "interactions": s.last_added[1]},
                    "error": s.error} for s in items])
        return
    if not items:
        say("No sources yet: add one with `relj sources add KIND PATH` (see `relj sources detect`).", err=True)
        return
    for s in items:
        state = "" if s.enabled else "  (off)"
        last = s.last_read.isoformat() if s.last_read else None
        say(f"#{s.id:<4} {s.kind:<11} {s.path}{state}")
        say(f"      last read {_when(last)}: +{s.last_added[0]} people, +{s.last_added[1]} interactions")
        if s.error:
            say(f"      error: {s.error}")


@sources.command("remove")
@click.argument("source_id", metavar="ID")
@pass_ctx
def sources_remove(ctx: Ctx, source_id: str) -> None:
    """Forget a source (what it imported stays; see `relj import history`)."""
    from relj.ops import sources as source_ops

    number = _source_id(source_id)
    source_ops.remove_source(ctx.store(create=False), number)
    say(f"removed source #{number}")


@sources.command("sync")
@click.option("--json", "as_json", is_flag=True, help="A JSON array, one object per source read.")
@pass_ctx
def sources_sync(ctx: Ctx, as_json: bool) -> None:
    """Read every source that is switched on: only what is new, each read one import (undoable).

    A source that is gone or cannot be read is reported with its error; the others are read,
    and the command still succeeds.
    """
    from relj.ops import sources as source_ops

    store = ctx.store()
    names = {s.id: s.path.name for s in store.list_sources()}
    results = source_ops.sync(store).value
    if as_json:
        echo_json([{"id": r.id, "added": {"people": r.added[0], "interactions": r.added[1]},
                    "skipped": r.skipped, "error": r.error, "import_id": r.import_id} for r in results])
        return
    if not results:
        say("No sources to read: add one with `relj sources add KIND PATH`.", err=True)
        return
    for r in results:
        head = f"#{r.id} {names.get(r.id, '')}"
        run = f" (import #{r.import_id})" if r.import_id is not None else ""
        say(f"{head}: +{r.added[0]} people, +{r.added[1]} interactions, {r.skipped} skipped{run}")
        if r.error:
            say(f"{head}: error: {r.error}")


@sources.command("detect")
@click.option("--json", "as_json", is_flag=True, help="A JSON array of what was found.")
def sources_detect(as_json: bool) -> None:
    """Find, read-only, the mail and calendar stores of Thunderbird, Evolution and ~/Maildir (honours HOME)."""
    from relj.sources.detect import detect

    found = detect()
    if as_json:
        echo_json([{"kind": f.kind, "path": str(f.path), "program": f.program, "what": f.what} for f in found])
        return
    if not found:
        say("Found no mail or calendar store of Thunderbird or Evolution, and no ~/Maildir.", err=True)
        return
    for f in found:
        say(f"{f.program:<12} {f.what:<9} {f.kind:<11} {f.path}")
