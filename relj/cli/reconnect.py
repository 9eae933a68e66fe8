"""Reconnect commands: reconnect, snooze, pause, resume, written-ok, followups (plan is in relj.cli.loop)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from relj.cli.base import ID, Ctx, echo_json, main, pass_ctx, say
from relj.domain import Channel, Interaction
from relj.errors import UserError

CHANNELS = [c.value for c in Channel]


def _day(text: str | None, what: str) -> dt.date:
    from relj.clock import parse_date, today

    return today() if text is None else parse_date(text, what)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@main.command()
@click.option("--json", "as_json", is_flag=True, help="A JSON array, most urgent first.")
@click.option("--today", "today_text", default=None, metavar="YYYY-MM-DD",
              help="Evaluate as of this day: later interactions are ignored.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=None, help="Show at most N people.")
@pass_ctx
def reconnect(ctx: Ctx, as_json: bool, today_text: str | None, limit: int | None) -> None:
    """Who needs attention: people you only write to, and people gone quiet. Most urgent first."""
    from relj.reconnect import compute

    day = _day(today_text, "--today date")
    if as_json:
        from relj.reconnect_parallel import whole_list_json

        click.echo(whole_list_json(ctx.store(), day, limit))  # the text echo_json writes, on both cores
        return
    entries = compute(ctx.store(), day, limit=limit)
    if not entries:
        say("Everyone is in touch. Nothing to do.", err=True)
        return
    say(f"{'#':<6} {'name':<24} {'kind':<12} {'last rich':<10} {'written':>7}  reason")
    for e in entries:
        last = e.last_rich_contact.isoformat() if e.last_rich_contact else "never"
        written = f"{e.written_since}{'+' if e.written_capped else ''}"
        say(f"#{e.person_id:<5} {_clip(e.name, 24):<24} {e.kind.value:<12} {last:<10} {written:>7}  {e.reason}")
        for o in e.openers:
            say(f"{'':<6} {'':<24} → {o.text}")


@main.command()
@click.argument("who")
@click.option("--until", "until_text", required=True, metavar="YYYY-MM-DD",
              help="Leave them off Reconnect until this day.")
@pass_ctx
def snooze(ctx: Ctx, who: str, until_text: str) -> None:
    """Leave someone off Reconnect until a day."""
    from relj.clock import parse_date, today

    until = parse_date(until_text, "date")
    if until <= today():
        raise UserError(f"{until} is not in the future; snooze until a later day")
    _set(ctx, who, "snoozed until {until}".replace("{until}", str(until)), snoozed_until=until)


@main.command()
@click.argument("who")
@pass_ctx
def pause(ctx: Ctx, who: str) -> None:
    """Stop tracking someone's contact until you resume them."""
    _set(ctx, who, "paused", paused=True)


@main.command()
@click.argument("who")
@pass_ctx
def resume(ctx: Ctx, who: str) -> None:
    """Track someone again: ends a pause and a snooze."""
    _set(ctx, who, "resumed", paused=False, snoozed_until=None)


@main.command("written-ok")
@click.argument("who")
@click.option("--off", is_flag=True, help="Undo: rich contact counts again for this person.")
@pass_ctx
def written_ok(ctx: Ctx, who: str, off: bool) -> None:
    """Written contact is fine for this person: flag them only when they go quiet."""
    _set(ctx, who, "rich contact counts again" if off else "written contact is fine", written_ok=not off)


def _set(ctx: Ctx, who: str, done: str, **fields: Any) -> None:
    """Change one person's Reconnect settings and say so: `#ID Name: done`."""
    from relj.ops import people as people_ops

    store = ctx.store()
    p = store.resolve(who)
    people_ops.update_person(store, p.id, **fields)
    say(f"#{p.id} {p.display_name}: {done}")


def followup_json(i: Interaction, text: str) -> dict[str, Any]:
    return {
        "id": i.id,
        "interaction_id": i.id,
        "date": i.occurred_on.isoformat(),
        "channel": i.channel.value,
        "people": [{"id": p.id, "name": p.name} for p in i.participants],
        "place": i.place,
        "note": i.note,
        "text": text,
    }


@main.command()
@click.option("--json", "as_json", is_flag=True)
@click.option("--done", "done_id", type=ID, default=None, metavar="ID", help="Mark a follow-up done.")
@click.option("--dismiss", "dismiss_id", type=ID, default=None, metavar="ID", help="Dismiss a follow-up.")
@click.option("--channel", type=click.Choice(["email", "text", "letter", "social"]), default=None,
              help="With --done: how you said thanks (default: email).")
@pass_ctx
def followups(ctx: Ctx, as_json: bool, done_id: int | None, dismiss_id: int | None, channel: str | None) -> None:
    """Say thanks: after each in-person meeting, and each planned call that took place, of the last 7 days.

    --done logs the thank-you as a written interaction with everyone who was there."""
    from relj.clock import today
    from relj.reconnect import FOLLOWUP_WINDOW, followup_text
    from relj.store import reconnect as reconnect_store

    if done_id is not None and dismiss_id is not None:
        raise UserError("give --done or --dismiss, not both")
    if channel is not None and done_id is None:
        raise UserError("--channel goes with --done ID")
    store = ctx.store()
    day = today()
    if done_id is not None:
        from relj.cli.loop import thank_command

        say(thank_command(store, done_id, channel))
        return
    if done_id is not None or dismiss_id is not None:
        iid = done_id if done_id is not None else dismiss_id
        assert iid is not None
        state = "done" if done_id is not None else "dismissed"
        from relj.ops import reconnect as reconnect_ops

        reconnect_ops.decide_followup(store, iid, state)
        say(f"follow-up #{iid} {state}")
        return
    items = reconnect_store.pending_followups(store, day, FOLLOWUP_WINDOW)
    if as_json:
        echo_json([followup_json(i, followup_text(i, day)) for i in items])
        return
    if not items:
        say("No thank-you notes to send.", err=True)
        return
    for i in items:
        say(f"#{i.id:<6} {i.occurred_on}  {followup_text(i, day)}")


@main.command()
@click.option("--set", "set_", nargs=3, type=(str, click.IntRange(1, 36_500), click.IntRange(1, 36_500)), multiple=True,
              metavar="CIRCLE RICH ANY", help="Expect rich contact every RICH days and any contact every ANY days.")
@click.option("--reset", "reset", multiple=True, metavar="CIRCLE", help="Back to the built-in cadence.")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
def cadences(ctx: Ctx, set_: tuple[tuple[str, int, int], ...], reset: tuple[str, ...], as_json: bool) -> None:
    """Show or change each circle's cadence: how often to see or hear them, and to hear from them at all."""
    from relj import reconnect as rc

    store = ctx.store()
    current = dict(store.get_setting(rc.SETTING_KEY, {}) or {})
    for circle in reset:
        current.pop(circle.strip().lower(), None)
    for circle, rich, any_ in set_:
        name = circle.strip().lower()
        if not name:
            raise UserError("a circle needs a name")
        current[name] = {"rich": rich, "any": any_}
    if set_ or reset:
        from relj.ops import reconnect as reconnect_ops

        reconnect_ops.set_cadences(store, current)
    table = rc.circle_cadences(current)
    if as_json:
        echo_json([{"circle": c, "rich_days": r, "any_days": a, "custom": c in current}
                   for c, (r, a) in table.items()])
        return
    say(f"{'circle':<16}{'rich (days)':>12}{'any (days)':>12}")
    for circle, (rich, any_) in table.items():
        mark = "  (yours)" if circle in current else ""
        say(f"{circle:<16}{rich:>12}{any_:>12}{mark}")
