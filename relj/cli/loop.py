"""The loop on the command line: plan, plans, next (talking points), brief; and the helpers that
log and followups call for reconciliation, felt, covered talking points and thanks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from relj.cli.base import ID, Ctx, echo_json, main, pass_ctx
from relj.domain import Channel, Interaction
from relj.errors import UserError
from relj.terminal import terminal_safe

CHANNELS = [c.value for c in Channel]


def say(text: str, *, err: bool = False) -> None:
    click.echo(terminal_safe(text), err=err)


def _today() -> dt.date:
    from relj.clock import today

    return today()


def _date(text: str, what: str = "date") -> dt.date:
    from relj.clock import parse_date

    return parse_date(text, what)


def _names(i: Interaction) -> str:
    return ", ".join(p.name for p in i.participants)


def _when(i: Interaction) -> str:
    return f"{i.occurred_on}" + (f" at {i.occurred_time}" if i.occurred_time else "")


def write_plan_ics(store: Any, plan_id: int, file: Path) -> None:
    """Write one plan as an .ics event (mode 0600): local zone, attendees, reminder, talking points."""
    from relj.fileio import write_atomic
    from relj.interop.plan_ics import calendar_for_plan

    write_atomic(file, calendar_for_plan(store, plan_id))


# -- plan -----------------------------------------------------------------------------------------
@main.command()
@click.argument("who")
@click.option("--with", "with_", multiple=True, metavar="WHO", help="Someone else who comes (repeatable).")
@click.option("--date", "date_text", required=True, metavar="YYYY-MM-DD", help="The day of the meeting.")
@click.option("--time", "time_text", default=None, metavar="HH:MM", help="The time (default: all day).")
@click.option("--duration", type=click.IntRange(0, 43_200), default=None, metavar="MIN", help="Minutes.")
@click.option("--channel", type=click.Choice(CHANNELS), required=True, help="How you will meet.")
@click.option("--note", default="", help="What you plan to do.")
@click.option("--ics", "ics", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the meeting as a calendar event to this .ics file.")
@pass_ctx
def plan(ctx: Ctx, who: str, with_: tuple[str, ...], date_text: str, time_text: str | None, duration: int | None,
         channel: str, note: str, ics: Path | None) -> None:
    """Plan a meeting with one or more people (and an .ics event for your calendar)."""
    from relj.ops import plans as plan_ops

    when = _date(date_text)
    if when < _today():
        raise UserError(f"{when} is in the past; use `relj log` for a meeting that happened")
    if ics is not None:
        from relj.fileio import check_target

        check_target(ics)
    store = ctx.store()
    ids = [store.resolve(w).id for w in (who, *with_)]
    with store.atomic():
        made = plan_ops.plan_meeting(store, ids, when, channel=channel, time=time_text, duration_min=duration,
                                note=note).value
        if ics is not None:
            write_plan_ics(store, made.id, ics)  # inside the transaction: no plan without its file
    say(f"planned #{made.id}: {made.channel.label} with {_names(made)} on {_when(made)}"
        + (f" (calendar event in {ics})" if ics is not None else ""))


# -- plans ----------------------------------------------------------------------------------------
@main.command()
@click.option("--json", "as_json", is_flag=True, help="A JSON array, soonest first.")
@click.option("--all", "show_all", is_flag=True, help="Also done and cancelled plans.")
@click.option("--done", "done_id", type=ID, default=None, metavar="ID", help="It happened: log the plan.")
@click.option("--note", default=None, help="With --done: how it went, appended to the plan's note.")
@click.option("--felt", type=int, default=None, metavar="N", help="With --done: how it felt, 1 (draining) to 5.")
@click.option("--cancel", "cancel_id", type=ID, default=None, metavar="ID", help="It didn't happen.")
@click.option("--move", "move_id", type=ID, default=None, metavar="ID", help="Move a plan (with --date).")
@click.option("--date", "date_text", default=None, metavar="YYYY-MM-DD", help="With --move: the new day.")
@click.option("--time", "time_text", default=None, metavar="HH:MM", help="With --move: the new time.")
@pass_ctx
def plans(ctx: Ctx, as_json: bool, show_all: bool, done_id: int | None, note: str | None, felt: int | None,
          cancel_id: int | None, move_id: int | None, date_text: str | None, time_text: str | None) -> None:
    """Open plans (upcoming and passed), soonest first; mark one done, cancel or move it."""
    from relj.ops import plans as plan_ops
    from relj.plans import check_felt, plan_json, plan_sort_key, plan_state
    from relj.store import plans as plan_store

    actions = [x for x in (done_id, cancel_id, move_id) if x is not None]
    if len(actions) > 1:
        raise UserError("give one of --done, --cancel and --move")
    if (note is not None or felt is not None) and done_id is None:
        raise UserError("--note and --felt go with --done ID")
    if (date_text is not None or time_text is not None) and move_id is None:
        raise UserError("--date and --time go with --move ID")
    store = ctx.store()
    today = _today()
    if done_id is not None:
        check_felt(felt)
        i = plan_ops.complete_plan(store, done_id, note=note or "", felt=felt).value
        say(f"logged #{i.id}: {i.channel.label} with {_names(i)} on {i.occurred_on} (it was planned)")
        return
    if cancel_id is not None:
        i = plan_ops.cancel_plan(store, cancel_id).value
        say(f"cancelled #{i.id}: {i.channel.label} with {_names(i)} on {i.occurred_on}")
        return
    if move_id is not None:
        if date_text is None:
            raise UserError("--move ID needs --date YYYY-MM-DD")
        i = plan_ops.move_plan(store, move_id, _date(date_text), time=time_text if time_text is not None else plan_ops.KEEP).value
        say(f"moved #{i.id}: {i.channel.label} with {_names(i)} to {_when(i)}")
        return
    ids = plan_store.plan_ids(store) if show_all else plan_store.open_plan_ids(store)
    items = sorted(plan_store.interactions(store, ids), key=plan_sort_key)
    if as_json:
        echo_json([plan_json(i, today) for i in items])
        return
    if not items:
        say("No plans. Plan a meeting with `relj plan WHO --date YYYY-MM-DD --channel in-person`.", err=True)
        return
    for i in items:
        time = i.occurred_time or "     "
        note = i.note.splitlines()[0] if i.note.strip() else ""
        say(f"#{i.id:<6} {i.occurred_on} {time}  {plan_state(i, today).value:<9} {i.channel.label:<9} "
            f"{_names(i)}" + (f"  {note}" if note else ""))


# -- talking points -------------------------------------------------------------------------------
@main.command("next")
@click.argument("who")
@click.option("--add", "add", multiple=True, metavar="TEXT", help="Something to bring up next time (repeatable).")
@click.option("--done", "done", type=ID, multiple=True, metavar="ID", help="Mark a talking point covered.")
@click.option("--json", "as_json", is_flag=True, help="A JSON array of open talking points, oldest first.")
@pass_ctx
def next_cmd(ctx: Ctx, who: str, add: tuple[str, ...], done: tuple[int, ...], as_json: bool) -> None:
    """Talking points for next time: list them, add some, mark some covered."""
    from relj.ops import plans as plan_ops
    from relj.store import plans as plan_store

    store = ctx.store()
    person = store.resolve(who)
    if add or done:
        with store.atomic():
            if done:
                plan_ops.cover_points(store, person.id, done)
            if add:
                plan_ops.add_points(store, person.id, add)
    points = plan_store.points_for(store, person.id)
    if as_json:
        echo_json([t.to_json() for t in points])
        return
    if add or done:
        say(f"#{person.id} {person.display_name}: {len(add)} added, {len(done)} covered")
    if not points:
        say(f"No talking points for {person.display_name}. Add one with `relj next WHO --add TEXT`.", err=True)
        return
    for t in points:
        say(f"[{t.id}] {t.text}  (added {t.created_on})")


# -- brief ----------------------------------------------------------------------------------------
@main.command()
@click.argument("who")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
def brief(ctx: Ctx, who: str, as_json: bool) -> None:
    """One page before a meeting: talking points, recent notes, interests, people, dates, preferences."""
    from relj.store.brief import brief as brief_of

    store = ctx.store()
    b = brief_of(store, store.resolve(who).id, _today())
    if as_json:
        echo_json(b.to_json())
        return
    for line in b.lines(_today()):
        say(line)


# -- helpers for log, person edit and followups -----------------------------------------------------
def log_command(store: Any, channel: str, ids: Sequence[int], when: dt.date, *, time: str | None, note: str,
                place: str, duration: int | None, initiator: str, felt: int | None,
                covered: Sequence[int]) -> str:
    """`relj log`: log (reconciling with an open plan), record felt, cover talking points; the line to print."""
    from relj.ops import plans as plan_ops

    i = plan_ops.log_meeting(store, channel, ids, when, time=time, note=note, place=place, duration_min=duration,
                        initiator=initiator, felt=felt, covered=covered).value
    line = f"logged #{i.id}: {i.channel.label} with {_names(i)} on {i.occurred_on}"
    if i.planned_on is not None:
        line += f" (the plan of {i.planned_on})"
    return line


def thank_command(store: Any, meeting_id: int, channel: str | None) -> str:
    """`relj followups --done ID [--channel]`: log the thank-you; the line to print."""
    from relj.ops import plans as plan_ops

    sent = plan_ops.thank(store, meeting_id, channel or Channel.EMAIL).value
    return f"follow-up #{meeting_id} done: logged #{sent.id}, {sent.channel.label} to {_names(sent)} on {sent.occurred_on}"
