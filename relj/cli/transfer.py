"""Import and export commands. JSON lives here; the file formats register beside it."""

from __future__ import annotations

from pathlib import Path

import click

from relj.cli.base import Ctx, main, pass_ctx
from relj.terminal import terminal_safe


@main.group("import")
def import_group() -> None:
    """Import a file into the journal (all or nothing; re-importing adds nothing)."""


@main.group("export")
def export_group() -> None:
    """Export the journal (files are written with mode 0600; a link or a device is never replaced)."""


@export_group.command("json")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def export_json(ctx: Ctx, file: Path) -> None:
    """Write the whole journal as one JSON document."""
    from relj.export import write_journal_json

    doc = write_journal_json(ctx.store(create=False), file)
    click.echo(terminal_safe(f"exported {len(doc['people'])} people and {len(doc['interactions'])} "
                             f"interactions to {file}"))


@export_group.command("csv")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def export_csv(ctx: Ctx, file: Path) -> None:
    """Write one row per person for a spreadsheet: addresses, phones, circle, birthday, interests,
    last contact in person, by voice and in writing, notes (UTF-8; formulas neutralised)."""
    from relj.interop.csv_export import export_csv as write_csv

    count = write_csv(ctx.store(create=False), file)
    click.echo(terminal_safe(f"exported {count} people to {file}"))


@import_group.command("json")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file and restore it, then roll back; write nothing.")
@click.option("--skip-bad", is_flag=True,
              help="Accepted as for every import; a JSON export has no record to leave out: it is restored whole "
                   "or refused.")
@pass_ctx
def import_json(ctx: Ctx, file: Path, dry_run: bool, skip_bad: bool) -> None:
    """Restore a JSON export into an empty journal, exactly."""
    from relj.interop import jsonio

    doc = jsonio.read_document(file)
    counts = jsonio.restore(ctx.store(), doc, dry_run=dry_run)
    head = "dry run, nothing written: would import" if dry_run else "imported"
    click.echo(terminal_safe(f"{head} {counts['people']} people, {counts['interactions']} interactions, "
                             f"{counts['relationships']} relationships from {file}"))
