"""Journal commands: the app, the demo, me, people, logging, search and check."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from relj.cli.base import ID, MAX_ID, Ctx, echo_json, main, parse_day, pass_ctx
from relj.domain import CHANNEL_LABELS, Birthday, Channel, Person, RelationKind, Relationship
from relj.errors import UserError
from relj.terminal import terminal_safe as safe

CHANNELS = [c.value for c in Channel]
#: Bounds of the numeric options: large enough for any real use, small enough for SQLite and dates.
MAX_CADENCE_DAYS = 36_500  # a hundred years
MAX_DURATION_MIN = 43_200  # thirty days
MAX_SEARCH_HITS = 10_000


def say(text: str, *, err: bool = False, multiline: bool = False) -> None:
    """Print a line of output, with control and bidirectional characters taken out (relj.terminal)."""
    click.echo(safe(text, multiline=multiline), err=err)


def checked_birthday(text: str | None) -> str | None:
    """``--birthday`` as YYYY-MM-DD (a year in 1900..2200) or --MM-DD; "" clears it."""
    if not text:
        return text
    from relj.clock import check_year

    try:
        birthday = Birthday.parse(text)
    except ValueError:
        raise UserError(f"bad birthday {text!r}: expected YYYY-MM-DD or --MM-DD") from None
    if birthday.year is not None:
        check_year(birthday.year, "birthday", text)
    return birthday.iso()


def run_gui(ctx: Ctx, *, exit_after_load: bool) -> None:
    from relj.ui.app import run

    sys.exit(run(ctx.db_path, exit_after_load=exit_after_load))


@main.command()
@click.option("--exit-after-load", is_flag=True, help="Paint the window with data, print ms since start, exit 0.")
@pass_ctx
def gui(ctx: Ctx, exit_after_load: bool) -> None:
    """Open the desktop app (the default with no command)."""
    run_gui(ctx, exit_after_load=exit_after_load)


@main.command()
@click.option("--people", "n_people", type=click.IntRange(1, 1_000_000), default=None,
              help="Number of people (default: a hand-made journal of about 80).")
@click.option("--interactions", "n_interactions", type=click.IntRange(0, 50_000_000), default=None,
              help="Number of interactions for a generated journal.")
@click.option("--seed", type=click.IntRange(0, MAX_ID), default=7, show_default=True,
              help="Random seed: the same seed gives the same journal.")
@pass_ctx
def demo(ctx: Ctx, n_people: int | None, n_interactions: int | None, seed: int) -> None:
    """Write a believable demo journal (into an empty journal)."""
    from relj.demo import build_demo

    store = ctx.store()
    summary = build_demo(store, people=n_people, interactions=n_interactions, seed=seed)
    say(f"demo journal written to {ctx.db_path}: {summary['people']} people, {summary['interactions']} interactions")


@main.command()
@click.option("--name", default=None, help="Your name.")
@click.option("--email", "emails", multiple=True, help="One of your addresses (repeatable).")
@click.option("--interest", "interests", multiple=True, help="One of your interests (repeatable).")
@click.option("--remove-email", "remove_emails", multiple=True, help="Forget one of your addresses.")
@click.option("--remove-interest", "remove_interests", multiple=True, help="Forget one of your interests.")
@click.option("--region", default=None, help="Your country as two letters (GB, US, DE...), for phone numbers.")
@click.option("--json", "as_json", is_flag=True, help="Print the profile as JSON.")
@pass_ctx
def me(ctx: Ctx, name: str | None, emails: tuple[str, ...], interests: tuple[str, ...],
       remove_emails: tuple[str, ...], remove_interests: tuple[str, ...], region: str | None, as_json: bool) -> None:
    """Show or set your own profile: name, addresses, interests."""
    store = ctx.store()
    if region is not None and region and not (len(region) == 2 and region.isalpha()):
        raise UserError(f"bad region {region!r}: expected two letters such as GB or US")
    owner = store.update_owner(name=name, region=region, add_emails=emails, add_interests=interests,
                               remove_emails=remove_emails, remove_interests=remove_interests)
    if as_json:
        echo_json({"name": owner.name, "emails": list(owner.emails), "interests": list(owner.interests),
                   "region": owner.region})
        return
    say(f"name:      {owner.name or '(not set)'}")
    say(f"emails:    {', '.join(owner.emails) or '(none)'}")
    say(f"interests: {', '.join(owner.interests) or '(none)'}")
    say(f"region:    {owner.region or '(not set)'}")


@main.group()
def person() -> None:
    """Add, list, show, edit and delete people."""


def person_summary(p: Person) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.display_name,
        "emails": list(p.emails),
        "phones": list(p.phones),
        "interests": list(p.interests),
        "circle": p.circle_name,
        "organisation": p.organisation,
        "tracked": p.tracked,
        "paused": p.paused,
        "birthday": p.birthday.iso() if p.birthday else None,
    }


@person.command("add")
@click.argument("name")
@click.option("--email", "emails", multiple=True)
@click.option("--phone", "phones", multiple=True)
@click.option("--interest", "interests", multiple=True)
@click.option("--circle", default=None)
@click.option("--org", "organisation", default="")
@click.option("--note", default="")
@click.option("--birthday", default=None, help="YYYY-MM-DD, or --MM-DD when you don't know the year.")
@pass_ctx
def person_add(ctx: Ctx, name: str, emails: tuple[str, ...], phones: tuple[str, ...], interests: tuple[str, ...],
               circle: str | None, organisation: str, note: str, birthday: str | None) -> None:
    """Add a person."""
    from relj.ops import people as people_ops

    birthday = checked_birthday(birthday)
    p = people_ops.add_person(ctx.store(), name, emails=emails, phones=phones, interests=interests, circle=circle,
                              organisation=organisation, notes=note, birthday=birthday).value
    say(f"added #{p.id} {p.display_name}")


@person.command("list")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
def person_list(ctx: Ctx, as_json: bool) -> None:
    """List everyone (never you)."""
    people = ctx.store().people()
    if as_json:
        echo_json([person_summary(p) for p in people])
        return
    if not people:
        say("No one yet: add a person with `relj person add NAME`, or import your contacts.", err=True)
        return
    for p in people:
        say(f"#{p.id:<5} {safe(p.display_name):<32} {safe(p.circle_name):<12} {', '.join(p.emails)}")


@person.command("show")
@click.argument("who")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
def person_show(ctx: Ctx, who: str, as_json: bool) -> None:
    """Show one person with their contact points and recent interactions."""
    from relj.store.transfer import interaction_json, person_json

    store = ctx.store()
    p = store.resolve(who)
    from relj.store.moments import moments_for

    recent = store.interactions_for_person(p.id, limit=20)
    relations = store.relationships_for(p.id)
    moments = moments_for(store, p.id)
    if as_json:
        echo_json({**person_json(p), "birthday": p.birthday.iso() if p.birthday else None,
                   "relationships": [relationship_json(p.id, r) for r in relations],
                   "shared_interests": store.shared_interests(p.id),
                   "recent": [interaction_json(i) for i in recent],
                   "moments": [m.to_json() for m in moments]})
        return
    say(f"#{p.id} {p.display_name}  ({p.circle_name})")
    if p.organisation:
        say(f"  organisation: {p.organisation}")
    if p.birthday:
        say(f"  birthday: {p.birthday.iso()}")
    for c in p.contacts:
        say(f"  {c.kind.value}: {c.value}" + (f" ({c.label})" if c.label else ""))
    if p.interests:
        shared = set(store.shared_interests(p.id))
        say("  interests: " + ", ".join(f"{i}*" if i in shared else i for i in p.interests))
    for r in relations:
        other = r.person_b if r.person_a.id == p.id else r.person_a
        say(f"  relationship: {r.person_a.name} is {r.kind.value} of {r.person_b.name} (#{other.id})"
            + (f": {r.note}" if r.note else ""))
    if p.notes:
        # Each line of the notes indented under the first; only the note's own line breaks.
        say("  notes: " + safe(p.notes, multiline=True).replace("\n", "\n         "), multiline=True)
    # The timeline: interactions and the moments of their life among them, newest first.
    lines = [(i.occurred_on, f"  {i.occurred_on}  {CHANNEL_LABELS[i.channel]:<9} {i.status.value:<9} {i.note}")
             for i in recent]
    oldest = recent[-1].occurred_on if len(recent) == 20 else None
    lines += [(m.day, f"  {m.day}  moment    {m.kind:<9} {m.text}" + (" (yearly)" if m.yearly else ""))
              for m in moments if oldest is None or m.day >= oldest]
    for _, line in sorted(lines, key=lambda x: x[0], reverse=True):
        say(line)


def relationship_json(person_id: int, r: Relationship) -> dict[str, Any]:
    """One relationship as ``person show --json`` lists it: the other person's ``id`` and ``name``,
    the ``kind`` and ``note``; ``direction`` is "to" when this person is KIND of the other
    ("Ana is parent of Bob", shown on Ana) and "from" when the other is KIND of this person."""
    mine = r.person_a.id == person_id
    other = r.person_b if mine else r.person_a
    return {"id": other.id, "name": other.name, "kind": r.kind.value, "note": r.note,
            "direction": "to" if mine else "from"}


@person.command("edit")
@click.argument("who")
@click.option("--name", default=None)
@click.option("--circle", default=None, help="A circle, or 'default'.")
@click.option("--email", "emails", multiple=True, help="Add an address.")
@click.option("--remove-email", "remove_emails", multiple=True)
@click.option("--phone", "phones", multiple=True, help="Add a phone number.")
@click.option("--interest", "interests", multiple=True, help="Add an interest.")
@click.option("--remove-interest", "remove_interests", multiple=True)
@click.option("--note", default=None, help="Replace the notes.")
@click.option("--org", "organisation", default=None)
@click.option("--birthday", default=None)
@click.option("--rich-every", "cadence_rich_days", type=click.IntRange(1, MAX_CADENCE_DAYS), default=None,
              help="Days: see or hear them at least this often (overrides the circle).")
@click.option("--any-every", "cadence_any_days", type=click.IntRange(1, MAX_CADENCE_DAYS), default=None,
              help="Days: any contact at least this often (overrides the circle).")
@click.option("--prefers", type=click.Choice([*CHANNELS, "none"]), default=None,
              help="The channel they prefer (plans and quick log start from it); 'none' forgets it.")
@click.option("--best-time", "best_time", default=None, metavar="TEXT",
              help="When suits them best ('evenings', 'weekends'); '' forgets it.")
@pass_ctx
def person_edit(ctx: Ctx, who: str, name: str | None, circle: str | None, emails: tuple[str, ...],
                remove_emails: tuple[str, ...], phones: tuple[str, ...], interests: tuple[str, ...],
                remove_interests: tuple[str, ...], note: str | None, organisation: str | None,
                birthday: str | None, cadence_rich_days: int | None, cadence_any_days: int | None,
                prefers: str | None, best_time: str | None) -> None:
    """Edit a person: emails and interests are added; --note replaces the notes."""
    from relj.ops import people as people_ops

    store = ctx.store()
    with store.atomic():
        p = store.resolve(who)
        fields: dict[str, Any] = {}
        if name is not None:
            fields["display_name"] = name
        if circle is not None:
            fields["circle"] = circle
            fields["tracked"] = True  # giving someone a circle starts tracking them
        if note is not None:
            fields["notes"] = note
        if organisation is not None:
            fields["organisation"] = organisation
        if birthday is not None:
            fields["birthday"] = checked_birthday(birthday)
        if cadence_rich_days is not None:
            fields["cadence_rich_days"] = cadence_rich_days
        if cadence_any_days is not None:
            fields["cadence_any_days"] = cadence_any_days
        if prefers is not None:
            fields["prefers"] = prefers
        if best_time is not None:
            fields["best_time"] = best_time
        after = people_ops.edit_person(store, p.id, fields, add_emails=emails, remove_emails=remove_emails,
                                       add_phones=phones, add_interests=interests,
                                       remove_interests=remove_interests).value
    say(f"updated #{p.id} {after.display_name}")


@person.command("delete")
@click.argument("who")
@pass_ctx
def person_delete(ctx: Ctx, who: str) -> None:
    """Move a person to the trash (kept 30 days; `relj trash restore ID` brings them back).

    Their contact points and the interactions only they took part in go with them; shared
    interactions stay with the others."""
    from relj.ops import people as people_ops

    store = ctx.store()
    p = store.resolve(who)
    item = people_ops.delete_person(store, p.id).value
    say(f"moved #{p.id} {p.display_name} to the trash (`relj trash restore {item.id}` brings them back)")


@main.command()
@click.argument("who")
@click.argument("other")
@click.option("--as", "kind", type=click.Choice([k.value for k in RelationKind]), required=True,
              help="WHO is KIND of OTHER (partner, friend, introduced-by...).")
@click.option("--note", default="")
@pass_ctx
def relate(ctx: Ctx, who: str, other: str, kind: str, note: str) -> None:
    """Record a relationship between two people."""
    from relj.ops import people as people_ops

    store = ctx.store()
    r = people_ops.add_relationship(store, store.resolve(who).id, store.resolve(other).id, kind, note).value
    say(f"{r.person_a.name} is {r.kind.value} of {r.person_b.name}")


@main.command("log")
@click.argument("channel", type=click.Choice(CHANNELS))
@click.option("--with", "with_", multiple=True, required=True, help="Who (name, email or #ID); repeatable.")
@click.option("--date", "day", default=None, help="YYYY-MM-DD (default: today).")
@click.option("--time", "time_", default=None, help="HH:MM.")
@click.option("--note", default="")
@click.option("--place", default="")
@click.option("--duration", type=click.IntRange(0, MAX_DURATION_MIN), default=None, help="Minutes.")
@click.option("--initiator", type=click.Choice(["me", "them", "unknown"]), default="unknown")
@click.option("--felt", type=int, default=None, metavar="N", help="How it went: 1 (draining) to 5 (wonderful).")
@click.option("--covered", type=ID, multiple=True, metavar="ID", help="A talking point it covered (repeatable).")
@pass_ctx
def log_cmd(ctx: Ctx, channel: str, with_: tuple[str, ...], day: str | None, time_: str | None, note: str,
            place: str, duration: int | None, initiator: str, felt: int | None, covered: tuple[int, ...]) -> None:
    """Log an interaction that happened: `relj log in-person --with Ana --note coffee`.

    A meeting or call within 3 days of an open plan with them becomes that plan; `next:` lines of
    the note become talking points for next time."""
    from relj.clock import today

    store = ctx.store()
    when = parse_day(day)
    if when > today():
        raise UserError(f"{when} is in the future; use `relj plan` for a meeting to come")
    from relj.cli.loop import log_command

    ids = [store.resolve(w).id for w in with_]
    say(log_command(store, channel, ids, when, time=time_, note=note, place=place, duration=duration,
                    initiator=initiator, felt=felt, covered=covered))


@main.command()
@click.argument("query")
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", type=click.IntRange(1, MAX_SEARCH_HITS), default=50, show_default=True)
@pass_ctx
def search(ctx: Ctx, query: str, as_json: bool, limit: int) -> None:
    """Search names, emails, organisations, notes, interests and interaction notes."""
    hits = ctx.store(create=False).search(query, limit=limit)
    if as_json:
        echo_json([
            {"kind": h.kind, "person_id": h.person_id, "name": h.name, "snippet": h.snippet,
             **({"interaction_id": h.interaction_id} if h.interaction_id is not None else {})}
            for h in hits
        ])
        return
    if not hits:
        say(f"nothing matches {query!r}", err=True)
        return
    for h in hits:
        say(f"{h.kind:<12} #{h.person_id:<5} {safe(h.name):<28} {h.snippet}")


@main.command()
@click.option("--repair", is_flag=True, help="Rebuild the search index if it is out of step.")
@pass_ctx
def check(ctx: Ctx, repair: bool) -> None:
    """Check the journal: integrity, schema, orphans. Exits 1 on any problem."""
    store = ctx.store(create=False)
    if repair:
        store.reindex_all()
    problems = store.check()
    if problems:
        for p in problems:
            say(f"problem: {p}", err=True)
        raise UserError(f"{len(problems)} problem(s) found in {ctx.db_path}")
    counts = store.counts()
    say(f"ok: {ctx.db_path} ({counts['person']} people, {counts['interaction']} interactions)")


def _read_path(path: Path) -> Path:
    if not path.exists():
        raise UserError(f"no such file: {path}")
    return path
