"""`relj trash`: people deleted in the last 30 days, and bringing one back."""

from __future__ import annotations

import click

from relj.cli.base import Ctx, echo_json, main, pass_ctx, say


@main.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="A JSON array, most recently deleted first.")
@click.pass_context
def trash(click_ctx: click.Context, as_json: bool) -> None:
    """People deleted in the last 30 days (after that they are gone for good)."""
    if click_ctx.invoked_subcommand is not None:
        return
    from relj.clock import today
    from relj.store import trash as store_trash

    ctx: Ctx = click_ctx.obj
    items = store_trash.trash_items(ctx.store(), today())
    if as_json:
        echo_json([{"id": t.id, "kind": t.kind, "person_id": t.item_id, "name": t.label,
                    "deleted_at": t.deleted_at} for t in items])
        return
    if not items:
        say("The trash is empty.", err=True)
        return
    from relj.terminal import terminal_safe

    for t in items:
        say(f"{t.id:<6} {t.deleted_at[:10]}  #{t.item_id} {terminal_safe(t.label)}")


@trash.command("restore")
@click.argument("trash_id", metavar="ID", type=click.IntRange(1, 2**63 - 1))
@pass_ctx
def trash_restore(ctx: Ctx, trash_id: int) -> None:
    """Bring a deleted person back, with their interactions and relationships."""
    from relj.ops import people as people_ops
    from relj.terminal import terminal_safe

    person = people_ops.restore_person(ctx.store(), trash_id).value
    say(f"restored #{person.id} {terminal_safe(person.display_name)}")
