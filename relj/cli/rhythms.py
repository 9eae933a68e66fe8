"""Rhythms, moments and the agenda on the command line: rhythm add/list/remove/export, moment,
moments, upcoming (issue 16)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from relj.cli.base import Ctx, echo_json, main, parse_day, pass_ctx, say
from relj.domain import Channel
from relj.rhythms import MOMENT_KINDS

CHANNELS = [c.value for c in Channel]
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _date(text: str, what: str) -> dt.date:
    from relj.clock import parse_date

    return parse_date(text, what)


# -- rhythm ---------------------------------------------------------------------------------------
@main.group()
def rhythm() -> None:
    """Rhythms you commit to: a first-Sunday dinner, a call every 2 weeks."""


@rhythm.command("add")
@click.argument("name")
@click.option("--with", "with_", multiple=True, required=True, metavar="WHO", help="Someone in it (repeatable).")
@click.option("--every", "rule", required=True, metavar="RULE",
              help="week, N weeks, month, N months, year, or first|second|third|fourth|last WEEKDAY.")
@click.option("--channel", type=click.Choice(CHANNELS), required=True, help="How you meet.")
@click.option("--time", "time_text", default=None, metavar="HH:MM", help="The usual time (default: all day).")
@click.option("--from", "from_text", default=None, metavar="YYYY-MM-DD", help="The first day (default: today).")
@pass_ctx
def rhythm_add(ctx: Ctx, name: str, with_: tuple[str, ...], rule: str, channel: str, time_text: str | None,
               from_text: str | None) -> None:
    """Add a rhythm NAME with one or more people."""
    from relj.ops import rhythms as rhythm_ops
    from relj.rhythms import check_name, check_time, parse_rule

    # Everything the user typed is checked before the journal is opened: nothing is written on bad input.
    check_name(name)
    parse_rule(rule)
    check_time(time_text)
    start = parse_day(from_text, "--from date")
    store = ctx.store()
    ids = [store.resolve(w).id for w in with_]
    made = rhythm_ops.add_rhythm(store, name, ids, rule, channel, time=time_text, start=start).value
    say(f"rhythm #{made.id} {made.name}: every {made.rule} with {', '.join(m[1] for m in made.members)}, "
        f"{made.channel.label}" + (f" at {made.time}" if made.time else "") + f", from {made.start}")


@rhythm.command("list")
@click.option("--json", "as_json", is_flag=True, help="A JSON array, by name.")
@click.option("--today", "today_text", default=None, metavar="YYYY-MM-DD", help="Kept and missed as of this day.")
@pass_ctx
def rhythm_list(ctx: Ctx, as_json: bool, today_text: str | None) -> None:
    """Every rhythm: its next day, when it was last kept, and how many times in a row it was missed."""
    from relj.reconnect_rhythms import rhythm_states
    from relj.rhythms import state_json

    day = parse_day(today_text, "--today date")
    states = rhythm_states(ctx.store(), day)
    if as_json:
        echo_json([state_json(r, st) for r, st in states])
        return
    if not states:
        say("No rhythms. Add one with `relj rhythm add NAME --with WHO --every month --channel in-person`.", err=True)
        return
    for r, st in states:
        kept = f"last kept {st.last_kept}" if st.last_kept else "never kept yet"
        missed = f", missed {st.missed_in_a_row} in a row" if st.missed_in_a_row else ""
        say(f"{r.name}: every {r.rule} with {', '.join(m[1] for m in r.members) or 'no one'} "
            f"({r.channel.label}{' at ' + r.time if r.time else ''}); next {st.next}, {kept}{missed}")


@rhythm.command("remove")
@click.argument("name")
@pass_ctx
def rhythm_remove(ctx: Ctx, name: str) -> None:
    """Remove the rhythm NAME (its people and their history stay)."""
    from relj.ops import rhythms as rhythm_ops
    from relj.store import rhythms as rhythm_store

    store = ctx.store()
    gone = rhythm_ops.remove_rhythm(store, rhythm_store.rhythm_by_name(store, name).id).value
    say(f"removed rhythm #{gone.id} {gone.name}")


@rhythm.command("export")
@click.argument("name")
@click.option("--ics", "ics", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Write the rhythm as one recurring calendar event to this .ics file.")
@pass_ctx
def rhythm_export(ctx: Ctx, name: str, ics: Path) -> None:
    """Write the rhythm NAME as one recurring .ics event (an RRULE), for your calendar."""
    from relj.fileio import check_target, write_atomic
    from relj.interop.rhythm_ics import calendar_for_rhythm
    from relj.store import rhythms as rhythm_store

    check_target(ics)
    store = ctx.store()
    found = rhythm_store.rhythm_by_name(store, name)
    write_atomic(ics, calendar_for_rhythm(store, found.id))
    say(f"wrote {found.name} (every {found.rule}) to {ics}")


# -- moments --------------------------------------------------------------------------------------
@main.command()
@click.argument("who")
@click.argument("text")
@click.option("--date", "date_text", required=True, metavar="YYYY-MM-DD", help="When it happened (or will).")
@click.option("--kind", type=click.Choice(MOMENT_KINDS), default="other", show_default=True, help="What kind.")
@click.option("--yearly", is_flag=True, help="It comes back every year (a wedding anniversary).")
@pass_ctx
def moment(ctx: Ctx, who: str, text: str, date_text: str, kind: str, yearly: bool) -> None:
    """Note a moment in someone's life: a move, a new job, a baby, a loss..."""
    from relj.ops import rhythms as rhythm_ops
    from relj.rhythms import check_moment

    day = _date(date_text, "date")
    check_moment(text, kind)
    store = ctx.store()
    made = rhythm_ops.add_moment(store, store.resolve(who).id, text, day, kind=kind, yearly=yearly).value
    say(f"moment #{made.id} for {made.person_name}: {made.text} ({made.kind}, {made.day}"
        + (", yearly)" if made.yearly else ")"))


@main.command()
@click.argument("who")
@click.option("--json", "as_json", is_flag=True, help="A JSON array, newest first.")
@pass_ctx
def moments(ctx: Ctx, who: str, as_json: bool) -> None:
    """Someone's moments, newest first."""
    from relj.store import moments as moment_store

    store = ctx.store()
    person = store.resolve(who)
    found = moment_store.moments_for(store, person.id)
    if as_json:
        echo_json([m.to_json() for m in found])
        return
    if not found:
        say(f"No moments for {person.display_name}. Add one with `relj moment WHO TEXT --date YYYY-MM-DD`.", err=True)
        return
    for m in found:
        say(f"[{m.id}] {m.day}  {m.kind:<7} {m.text}" + ("  (yearly)" if m.yearly else ""))


# -- the agenda -----------------------------------------------------------------------------------
@main.command()
@click.option("--days", type=click.IntRange(0, 366), default=14, show_default=True, help="How many days ahead.")
@click.option("--json", "as_json", is_flag=True, help="A JSON array, soonest first.")
@click.option("--today", "today_text", default=None, metavar="YYYY-MM-DD", help="Start from this day.")
@pass_ctx
def upcoming(ctx: Ctx, days: int, as_json: bool, today_text: str | None) -> None:
    """What is coming: everyone's birthdays, yearly moments, plans, rhythms and thank-yous, soonest first."""
    from relj.agenda import upcoming as build

    day = parse_day(today_text, "--today date")
    entries = build(ctx.store(), day, days)
    if as_json:
        echo_json([e.to_json() for e in entries])
        return
    if not entries:
        say(f"Nothing in the next {days} days.", err=True)
        return
    for e in entries:
        say(f"{e.date} {_WEEKDAYS[e.date.weekday()]}  {e.kind:<8}  {e.what}")
