"""A believable demo journal: about 80 people, three years of contact, some of it drifted to email.

``build_demo(store)`` writes the hand-made journal a newcomer sees first. With ``people`` or
``interactions`` it generates a large journal for benchmarks instead (bulk inserts, < 60 s for
10,000 people and 1,000,000 interactions). Dates are relative to today (RELJ_TODAY), and a
fixed seed gives the same journal every time.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from dataclasses import dataclass
from typing import Any

from relj.clock import now_iso, today
from relj.domain import CHANNEL_MODE, Channel
from relj.errors import UserError
from relj.store import Store, bulk

log = logging.getLogger(__name__)

OWNER = ("Sam Rivera", ["sam@rivera.example", "sam.rivera@work.example"],
         ["Climbing", "Jazz", "Cooking", "Cycling", "Photography", "Chess", "Hiking"])

# (name, circle, pattern, rhythm days, interests, organisation, note)
# Patterns: steady = rich contact at its rhythm; drifted = rich contact stopped N months ago
# while written contact goes on; quiet = all contact stopped; written = never met; new = met lately.
PEOPLE: list[tuple[str, str, str, int, list[str], str, str]] = [
    ("Maria Rivera", "family", "steady", 14, ["Cooking", "Gardening"], "", "Mum. Sunday calls."),
    ("Tomás Rivera", "family", "steady", 30, ["Cycling", "Football"], "Rivera Builders", "Dad."),
    ("Lucía Rivera", "family", "drifted:8", 21, ["Photography", "Yoga"], "Lisbon City Council",
     "Sister, moved to Lisbon in March."),
    ("Abuela Carmen", "family", "steady", 45, ["Gardening", "Cooking"], "", "Loves letters."),
    ("Diego Rivera", "family", "quiet:14", 60, ["Football"], "", "Cousin in Valencia."),
    ("Priya Shah", "family", "steady", 7, ["Jazz", "Hiking", "Cooking"], "St Thomas' Hospital", "Partner."),
    ("Anjali Shah", "family", "steady", 40, ["Gardening", "Reading"], "", "Priya's mother."),
    ("Ravi Shah", "family", "drifted:6", 45, ["Cricket", "Chess"], "Infosys", "Priya's brother."),
    ("Ana García", "close", "drifted:7", 10, ["Climbing", "Jazz", "Travel"], "Figma",
     "Best friend since university. Moved to Berlin."),
    ("Dmitri Volkov", "close", "drifted:9", 14, ["Climbing", "Chess"], "JetBrains", "Climbing partner."),
    ("Chloé Martin", "close", "steady", 12, ["Cooking", "Wine"], "Le Comptoir", "Runs the bistro on Elm St."),
    ("Kwame Mensah", "close", "steady", 18, ["Jazz", "Football", "Photography"], "BBC", "Plays sax."),
    ("Hana Sato", "close", "steady", 21, ["Photography", "Hiking"], "Sony", "Photo walks."),
    ("Oliver Bennett", "close", "quiet:10", 20, ["Cycling", "Beer"], "", "Best man at the wedding."),
    ("Fatima Zahra El Idrissi", "close", "steady", 25, ["Reading", "Travel"], "Doctors Without Borders",
     "Back from Chad in spring."),
    ("Jonas Lindqvist", "close", "drifted:5", 16, ["Cycling", "Climbing"], "Spotify", "Moved to Stockholm."),
    ("Zoë Adeyemi-Clarke", "close", "steady", 15, ["Running", "Jazz"], "", ""),
    ("Liam O'Connor", "close", "new", 10, ["Chess", "Hiking"], "", "Met at the chess club in June."),
    ("Sofia Rossi", "friends", "steady", 35, ["Cooking", "Travel"], "Slow Food", ""),
    ("Ben Carter", "friends", "drifted:11", 40, ["Cycling"], "Rapha", "Old cycling club mate."),
    ("Mei Lin", "friends", "steady", 50, ["Photography", "Tea"], "", ""),
    ("Javier Morales", "friends", "quiet:13", 45, ["Football", "Salsa"], "", ""),
    ("Ingrid Johansson", "friends", "steady", 60, ["Hiking", "Skiing"], "", "Ski trip every winter."),
    ("Samuel Okafor", "friends", "drifted:9", 45, ["Jazz", "Chess"], "Barclays", "Jazz club regular."),
    ("Emily Nguyen", "friends", "steady", 40, ["Yoga", "Reading"], "", ""),
    ("Tobias Müller", "friends", "written", 60, ["Climbing", "Beer"], "Bosch",
     "Met online through the climbing forum; only ever emailed."),
    ("Aisha Khan", "friends", "steady", 55, ["Cooking", "Film"], "", ""),
    ("Pierre Dubois", "friends", "drifted:12", 50, ["Wine", "Cycling"], "", "Neighbour in Lyon days."),
    ("Nadia Haddad", "friends", "steady", 30, ["Climbing", "Travel"], "Climbing Hangar", "Route setter."),
    ("Carlos Mendes", "friends", "quiet:18", 60, ["Surfing"], "", ""),
    ("Grace Kim", "friends", "steady", 45, ["Film", "Photography"], "", ""),
    ("Matteo Bianchi", "friends", "drifted:8", 40, ["Cooking", "Football"], "", "Pasta nights."),
    ("Olga Petrova", "friends", "steady", 70, ["Chess", "Reading"], "", ""),
    ("Yusuf Demir", "friends", "steady", 50, ["Football", "Cooking"], "", ""),
    ("Ella Thompson", "friends", "new", 30, ["Running", "Jazz"], "", "Met at Kwame's gig."),
    ("Rafael Souza", "friends", "drifted:10", 55, ["Surfing", "Photography"], "", ""),
    ("Leila Farahani", "friends", "steady", 65, ["Poetry", "Tea"], "", ""),
    ("Hugo Laurent", "friends", "written", 90, ["Wine"], "", "Pen pal since the exchange year."),
    ("Charlotte Davies", "friends", "steady", 80, ["Hiking"], "", ""),
    ("Arjun Mehta", "friends", "quiet:9", 45, ["Cricket", "Chess"], "", ""),
    ("Wei Zhang", "colleagues", "steady", 7, ["Chess", "Cycling"], "Northwind Labs", "Team lead."),
    ("Rachel Goldberg", "colleagues", "steady", 10, ["Running"], "Northwind Labs", "Product manager."),
    ("Marcus Johnson", "colleagues", "drifted:4", 14, ["Basketball"], "Northwind Labs", "Moved to remote work."),
    ("Elena Popescu", "colleagues", "steady", 14, ["Reading", "Yoga"], "Northwind Labs", "Design."),
    ("Tom Fischer", "colleagues", "quiet:8", 30, ["Beer"], "Contoso", "Left for Contoso."),
    ("Aaliyah Brooks", "colleagues", "steady", 21, ["Jazz"], "Northwind Labs", ""),
    ("Kenji Watanabe", "colleagues", "written", 30, ["Photography"], "Northwind Tokyo", "Tokyo office."),
    ("Sara Lindgren", "colleagues", "drifted:6", 30, ["Hiking"], "Northwind Labs", "Mentor."),
    ("Ahmed Hassan", "colleagues", "steady", 20, ["Football"], "Northwind Labs", ""),
    ("Julia Nowak", "colleagues", "steady", 25, ["Climbing"], "Northwind Labs", "Climbs on Thursdays."),
    ("Patrick Byrne", "colleagues", "steady", 35, ["Cycling"], "Fabrikam", "Former manager."),
    ("Noor Al-Sayed", "colleagues", "written", 30, [], "Northwind Dubai", ""),
    ("Lars Eriksen", "colleagues", "drifted:7", 30, ["Skiing"], "Northwind Oslo", ""),
    ("Isabel Ferreira", "colleagues", "steady", 28, ["Salsa"], "Northwind Labs", ""),
    ("Daniel Levi", "colleagues", "quiet:11", 40, ["Chess"], "", "Startup founder now."),
    ("Victoria Hughes", "clients", "steady", 30, ["Wine"], "Hughes & Partners", "Quarterly reviews."),
    ("Mohammed Al-Rashid", "clients", "drifted:6", 45, ["Football"], "Gulf Logistics", ""),
    ("Catherine Moreau", "clients", "written", 45, [], "Moreau Design", "Only email so far."),
    ("Richard Stein", "clients", "steady", 40, ["Cycling"], "Stein Capital", ""),
    ("Yuki Tanaka", "clients", "drifted:8", 60, ["Tea"], "Tanaka Foods", ""),
    ("Oluwaseun Adebayo", "clients", "steady", 35, ["Jazz"], "Lagos Fintech", ""),
    ("Greta Schmidt", "clients", "quiet:7", 45, [], "Schmidt Maschinenbau", ""),
    ("Andrés Castillo", "clients", "steady", 50, ["Football"], "Castillo Import", ""),
    ("Hannah Weiss", "clients", "written", 40, ["Running"], "Weiss Media", ""),
    ("Benjamin Clarke", "clients", "drifted:9", 50, ["Golf"], "Clarke Estates", ""),
    ("Ayesha Siddiqui", "clients", "steady", 45, ["Reading"], "Siddiqui Legal", ""),
    ("Stefan Novak", "clients", "steady", 60, [], "Novak Print", ""),
    ("Paolo Conti", "acquaintances", "steady", 120, ["Cooking"], "", "Barista at the corner café."),
    ("Miriam Cohen", "acquaintances", "quiet:20", 150, ["Poetry"], "", ""),
    ("Gabriel Silva", "acquaintances", "steady", 100, ["Climbing"], "", "Bouldering gym."),
    ("Lena Hoffmann", "acquaintances", "written", 120, ["Photography"], "", ""),
    ("Kofi Boateng", "acquaintances", "steady", 150, ["Football"], "", ""),
    ("Ivana Horvat", "acquaintances", "drifted:12", 90, ["Skiing"], "", ""),
    ("Theo Papadopoulos", "acquaintances", "steady", 120, ["Cooking"], "", ""),
    ("Alexandra Konstantinopoulou-Whitfield", "friends", "drifted:7", 45, ["Photography", "Travel", "Jazz"],
     "National Gallery", "The longest name in the book."),
    ("李娜 (Li Na)", "friends", "steady", 60, ["Tea", "Photography"], "", "Calligraphy class."),
    ("Дарья Смирнова", "friends", "drifted:5", 40, ["Chess", "Climbing"], "", "Chess club."),
    ("محمد الفارسي", "colleagues", "steady", 30, ["Football"], "Northwind Labs", ""),
    ("Nora Ibrahim", "close", "steady", 20, ["Climbing", "Cooking"], "", "Climbs with Ana and Dmitri."),
]

RELATIONSHIPS = [
    ("Priya Shah", "Sam", "partner"), ("Maria Rivera", "Tomás Rivera", "partner"),
    ("Lucía Rivera", "Maria Rivera", "child"), ("Anjali Shah", "Priya Shah", "parent"),
    ("Ravi Shah", "Priya Shah", "sibling"), ("Ana García", "Dmitri Volkov", "friend"),
    ("Nora Ibrahim", "Ana García", "introduced-by"), ("Wei Zhang", "Rachel Goldberg", "colleague"),
    ("Ella Thompson", "Kwame Mensah", "introduced-by"), ("Liam O'Connor", "Olga Petrova", "introduced-by"),
    ("Chloé Martin", "Matteo Bianchi", "friend"), ("Tom Fischer", "Wei Zhang", "colleague"),
]

PLACES = ["Monmouth Coffee", "the climbing wall", "Le Comptoir", "Borough Market", "the park", "their place",
          "our place", "Ronnie Scott's", "the office", "Dishoom", "the river walk", "the chess club"]
TOGETHER_NOTES = ["Coffee", "Dinner", "Lunch", "Climbing session", "Long walk", "Drinks", "Gig", "Brunch",
                  "Birthday party", "Cooked together", "Bike ride", "Photo walk", "Chess night"]
VOICE_NOTES = ["Caught up on the phone", "Long call", "Video call", "Quick call about plans", "Called to say hi"]
WRITTEN_NOTES = ["Re: photos", "Re: catching up", "Article you might like", "Re: plans for the summer",
                 "Happy birthday!", "Re: job news", "Thanks!", "Quick question", "Re: the book", "Fwd: tickets"]


@dataclass
class _Plan:
    pid: int
    circle: str
    pattern: str
    rhythm: int


def _check_empty(store: Store) -> None:
    if not store.is_empty():
        raise UserError("the demo needs an empty journal; use --db to pick a new file")


def build_demo(store: Store, *, people: int | None = None, interactions: int | None = None,
               seed: int = 7) -> dict[str, int]:
    """Write the demo journal into an empty store. Returns counts."""
    _check_empty(store)
    if people is None and interactions is None:
        return _build_handmade(store, seed)
    return _build_generated(store, people or 1000, interactions if interactions is not None else 100_000, seed)


def _email_for(name: str, org: str, rng: random.Random) -> str:
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    parts = [p for p in "".join(c if c.isalnum() else " " for c in ascii_name).split() if p]
    if not parts:
        parts = [f"friend{rng.randrange(1000)}"]
    local = ".".join(parts[:2]) if rng.random() < 0.6 else parts[0] + (parts[-1][:1] if len(parts) > 1 else "")
    domain = (org.lower().replace(" ", "").replace("&", "")[:16] + ".example") if org else rng.choice(
        ["mail.example", "post.example", "inbox.example"])
    return f"{local}@{domain}"


def _build_handmade(store: Store, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    day0 = today()
    start = day0 - dt.timedelta(days=3 * 365)
    now = now_iso()
    with store.atomic():
        store.update_owner(name=OWNER[0], add_emails=OWNER[1], add_interests=OWNER[2])
        rows: list[dict[str, Any]] = []
        contacts: list[tuple[int, str, str, str]] = []
        links: list[tuple[int, str]] = []
        plans: list[_Plan] = []
        for pid, (name, circle, pattern, rhythm, interests, org, note) in enumerate(PEOPLE, start=1):
            birthday = None
            if rng.random() < 0.7:
                b = dt.date(rng.randint(1950, 2000), rng.randint(1, 12), rng.randint(1, 28))
                birthday = b.isoformat() if rng.random() < 0.7 else f"--{b.month:02d}-{b.day:02d}"
            if name == "Ana García":  # an opener the newcomer sees: Ana's birthday is in ten days
                soon = day0 + dt.timedelta(days=10)
                birthday = f"1990-{soon.month:02d}-{min(soon.day, 28):02d}"
            given, _, family = name.partition(" ")
            rows.append({
                "id": pid, "display_name": name, "given_name": given, "family_name": family,
                "organisation": org, "notes": note, "circle": circle, "birthday": birthday,
                "how_met": "", "created_at": now, "updated_at": now,
            })
            contacts.append((pid, "email", _email_for(name, org, rng), "home"))
            if rng.random() < 0.6:
                contacts.append((pid, "phone", f"+44 7700 9{rng.randrange(10000, 99999)}", "mobile"))
            links.extend((pid, i) for i in interests)
            plans.append(_Plan(pid, circle, pattern, rhythm))
        bulk.insert_people(store, rows)
        bulk.insert_contacts(store, contacts)
        bulk.insert_interests(store, links)
        inter, parts = _handmade_history(plans, start, day0, rng)
        names: dict[str, int] = {r["display_name"]: r["id"] for r in rows}
        dinner = _family_dinner(inter, parts, [names["Maria Rivera"], names["Tomás Rivera"]], day0)
        bulk.insert_interactions(store, inter, parts)
        _handmade_rhythms_and_moments(store, names, dinner, day0)
        # Thank-you follow-ups: the newcomer finds one to do (the visit three days ago, the last
        # in-person row written); the others of the past week were already handled.
        week = (day0 - dt.timedelta(days=7)).isoformat()
        recent = [row[0] for row in inter if row[3] == Channel.IN_PERSON.value and row[8] == "done"
                  and week <= row[1] <= day0.isoformat()]
        keep = max((row[0] for row in inter if row[3] == Channel.IN_PERSON.value and row[8] == "done"), default=None)
        bulk.insert_followups(store, [iid for iid in recent if iid != keep], "done")
        rels = [(names[a], names[b], kind, "") for a, b, kind in RELATIONSHIPS if a in names and b in names]
        bulk.insert_relationships(store, rels)
        bulk.finish(store)
    log.info("demo journal written: %d people, %d interactions", len(rows), len(inter))
    return {"people": len(rows), "interactions": len(inter)}


def _handmade_history(plans: list[_Plan], start: dt.date, day0: dt.date, rng: random.Random
                      ) -> tuple[list[tuple[Any, ...]], list[tuple[int, int, str, str, str]]]:
    inter: list[tuple[Any, ...]] = []
    parts: list[tuple[int, int, str, str, str]] = []
    created = now_iso()

    def add(pids: list[int], day: dt.date, channel: Channel, status: str = "done") -> None:
        iid = len(inter) + 1
        mode = CHANNEL_MODE[channel].value
        if channel is Channel.IN_PERSON:
            note, place, dur = rng.choice(TOGETHER_NOTES), rng.choice(PLACES), rng.choice([60, 90, 120, 180])
        elif mode == "voice":
            note, place, dur = rng.choice(VOICE_NOTES), "", rng.choice([10, 20, 35, 50])
        else:
            note, place, dur = rng.choice(WRITTEN_NOTES), "", None
        hour = rng.choice([8, 9, 12, 13, 18, 19, 20])
        inter.append((iid, day.isoformat(), f"{hour:02d}:{rng.choice([0, 15, 30, 45]):02d}", channel.value,
                      rng.choice(["me", "them", "unknown"]), dur, place, note, status, "demo", created))
        parts.extend((iid, pid, day.isoformat(), mode, status) for pid in pids)

    written_channels = [Channel.EMAIL, Channel.EMAIL, Channel.TEXT, Channel.TEXT, Channel.SOCIAL]
    for plan in plans:
        kind, _, arg = plan.pattern.partition(":")
        months = int(arg) if arg else 0
        rich_until = day0 - dt.timedelta(days=30 * months) if kind == "drifted" else day0
        all_until = day0 - dt.timedelta(days=30 * months) if kind == "quiet" else day0
        first = day0 - dt.timedelta(days=rng.randint(90, 200)) if kind == "new" else start
        voice_share = 0.6 if plan.circle in ("family",) else 0.35
        if kind != "written":
            day = first + dt.timedelta(days=rng.randint(0, plan.rhythm))
            while day <= min(rich_until, all_until):
                channel = rng.choices([Channel.IN_PERSON, Channel.PHONE, Channel.VIDEO],
                                      [1 - voice_share, voice_share * 0.6, voice_share * 0.4])[0]
                add([plan.pid], day, channel)
                day += dt.timedelta(days=max(3, int(rng.gauss(plan.rhythm, plan.rhythm * 0.25))))
        # Written contact: about twice as often as rich contact, and it goes on after a drift.
        gap = max(4, plan.rhythm // 2) if kind != "written" else max(10, plan.rhythm // 2)
        day = first + dt.timedelta(days=rng.randint(0, gap))
        while day <= all_until:
            add([plan.pid], day, rng.choice(written_channels if plan.circle not in ("clients", "colleagues")
                                             else [Channel.EMAIL, Channel.EMAIL, Channel.EMAIL, Channel.TEXT]))
            day += dt.timedelta(days=max(2, int(rng.gauss(gap, gap * 0.3))))
    # Group moments: climbing with Ana, Dmitri and Nora; a family dinner.
    by_name = {p.pid: p for p in plans}
    climbers = [pid for pid, row in enumerate(PEOPLE, start=1) if "Climbing" in row[4] and row[1] == "close"]
    if len(climbers) >= 2:
        for k in range(6):
            add(climbers[:3], day0 - dt.timedelta(days=400 + 30 * k), Channel.IN_PERSON)
    family = [p.pid for p in by_name.values() if p.circle == "family"][:5]
    add(family, day0 - dt.timedelta(days=40), Channel.IN_PERSON)
    # A visit three days ago (a thank-you follow-up) and two planned meetings.
    add([plans[10].pid], day0 - dt.timedelta(days=3), Channel.IN_PERSON)
    add([plans[12].pid], day0 + dt.timedelta(days=5), Channel.IN_PERSON, status="planned")
    add([plans[9].pid], day0 + dt.timedelta(days=12), Channel.VIDEO, status="planned")
    add([plans[3].pid], day0 - dt.timedelta(days=20), Channel.LETTER)
    return inter, parts


def _family_dinner(inter: list[tuple[Any, ...]], parts: list[tuple[int, int, str, str, str]], family: list[int],
                   day0: dt.date) -> dt.date:
    """A first-Sunday dinner with Mum and Dad, kept for eight months and then missed twice: no rich
    contact with them within three days of the last two first Sundays (calls there become texts).
    Returns the rhythm's start."""
    from relj.rhythms import KEPT_DAYS, occurrences, parse_rule

    rule = parse_rule("first sunday")
    begin = day0 - dt.timedelta(days=330)
    days = occurrences(rule, begin, begin, day0 - dt.timedelta(days=KEPT_DAYS + 1))
    missed = [d for d in days[-2:]]
    near = {(d + dt.timedelta(days=k)).isoformat() for d in missed for k in range(-KEPT_DAYS, KEPT_DAYS + 1)}
    touched = {iid for iid, pid, day, mode, _ in parts if pid in family and day in near and mode != "written"}
    for n, row in enumerate(inter):
        if row[0] in touched:
            inter[n] = (*row[:3], Channel.TEXT.value, *row[4:])
    for n, p in enumerate(parts):
        if p[0] in touched:
            parts[n] = (p[0], p[1], p[2], "written", p[4])
    created = now_iso()
    for d in days[:-2]:
        iid = len(inter) + 1
        inter.append((iid, d.isoformat(), "18:00", Channel.IN_PERSON.value, "me", 150, "Mum and Dad's",
                      "First-Sunday dinner", "done", "demo", created))
        parts.extend((iid, pid, d.isoformat(), "together", "done") for pid in family)
    return begin


def _handmade_rhythms_and_moments(store: Store, names: dict[str, int], dinner: dt.date, day0: dt.date) -> None:
    """Rhythms (one missed twice in a row, two kept) and moments (a recent move among them)."""
    from relj.store import moments as moment_store
    from relj.store import rhythms as rhythm_store

    def ago(days: int) -> str:
        return (day0 - dt.timedelta(days=days)).isoformat()

    rhythm_store.insert_rhythms(store, [
        (1, "first-Sunday dinner", "first sunday", "in-person", "18:00", dinner.isoformat()),
        (2, "Call with Abuela", "2 weeks", "phone", "11:00", ago(200)),
        (3, "Chess night", "last thursday", "in-person", "19:30", ago(120)),
    ], [(1, names["Maria Rivera"]), (1, names["Tomás Rivera"]), (2, names["Abuela Carmen"]),
        (3, names["Liam O'Connor"])])
    moment_store.insert_moments(store, [
        (names["Ana García"], ago(40), "move to Berlin", "move", False),
        (names["Lucía Rivera"], ago(250), "move to Lisbon", "move", False),
        (names["Jonas Lindqvist"], ago(150), "new job at Spotify", "job", False),
        (names["Fatima Zahra El Idrissi"], ago(60), "return from Chad", "other", False),
        (names["Priya Shah"], ago(365 * 4 - 12), "Our wedding", "wedding", True),
        (names["Ravi Shah"], ago(75), "knee surgery", "health", False),
        (names["Oliver Bennett"], ago(30), "baby Noah", "baby", False),
        (names["Anjali Shah"], ago(365 * 6 - 5), "the loss of her husband", "loss", True),
    ])


MOMENT_TEXTS = {"move": "move to {city}", "job": "new job in {city}", "baby": "new baby", "wedding": "wedding",
                "loss": "the loss of a parent", "health": "operation", "exam": "final exams", "other": "trip to {city}"}
CITIES = ["Berlin", "Lisbon", "Oslo", "Kyoto", "Lagos", "Lima", "Montreal", "Nairobi", "Porto", "Seoul"]
RHYTHM_RULES = ["week", "2 weeks", "month", "3 months", "year", "first sunday", "last friday", "second tuesday"]


def _generated_rhythms_and_moments(store: Store, n_people: int, day0: dt.date, rng: random.Random) -> None:
    """One rhythm per 20 people (1-3 members) and one moment per 2 people (500 and 5,000 at 10,000)."""
    from relj.rhythms import MOMENT_KINDS
    from relj.store import moments as moment_store
    from relj.store import rhythms as rhythm_store

    rhythms: list[tuple[int, str, str, str, str | None, str]] = []
    members: list[tuple[int, int]] = []
    for rid in range(1, n_people // 20 + 1):
        rule = rng.choice(RHYTHM_RULES)
        kind = rng.choice(["Dinner", "Call", "Walk", "Lunch", "Game night"])
        channel = "phone" if kind == "Call" else "in-person"
        start = (day0 - dt.timedelta(days=rng.randint(30, 900))).isoformat()
        rhythms.append((rid, f"{kind} #{rid}", rule, channel, rng.choice([None, "12:30", "19:00"]), start))
        members.extend((rid, pid) for pid in rng.sample(range(1, n_people + 1), rng.randint(1, 3)))
    moments: list[tuple[int, str, str, str, bool]] = []
    for _ in range(n_people // 2):
        kind = rng.choice(MOMENT_KINDS)
        day = (day0 - dt.timedelta(days=rng.randint(0, 3 * 365))).isoformat()
        moments.append((rng.randint(1, n_people), day, MOMENT_TEXTS[kind].format(city=rng.choice(CITIES)), kind,
                        kind in ("wedding", "loss") and rng.random() < 0.5))
    rhythm_store.insert_rhythms(store, rhythms, members)
    moment_store.insert_moments(store, moments)


FIRST = ["Ana", "Ben", "Chloé", "Dmitri", "Ella", "Farah", "Gustav", "Hana", "Ivan", "Jia", "Kofi", "Lena",
         "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Viktor", "Wen", "Ximena",
         "Yusuf", "Zoë", "Aiko", "Bruno", "Carmen", "Deepak", "Emeka", "Freya", "Giulia", "Hiro", "Ines",
         "Jonas", "Kira", "Luca", "Maya", "Noah", "Olga", "Pablo", "Rania", "Sanjay", "Thandiwe", "Ulla",
         "Valentina", "Wiktor", "Yara", "Zain", "Anouk", "Björn", "Célia", "Dario", "Esra", "Felix"]
LAST = ["García", "Volkov", "Martin", "Mensah", "Sato", "Bennett", "Shah", "Rossi", "Carter", "Lin", "Morales",
        "Johansson", "Okafor", "Nguyen", "Müller", "Khan", "Dubois", "Haddad", "Mendes", "Kim", "Bianchi",
        "Petrova", "Demir", "Thompson", "Souza", "Farahani", "Laurent", "Davies", "Mehta", "Zhang", "Goldberg",
        "Johnson", "Popescu", "Fischer", "Brooks", "Watanabe", "Lindgren", "Hassan", "Nowak", "Byrne",
        "Eriksen", "Ferreira", "Levi", "Hughes", "Moreau", "Stein", "Tanaka", "Adebayo", "Schmidt", "Castillo",
        "Weiss", "Clarke", "Siddiqui", "Novak", "Conti", "Cohen", "Silva", "Hoffmann", "Boateng", "Horvat"]
INTERESTS = ["Climbing", "Jazz", "Cooking", "Cycling", "Photography", "Chess", "Hiking", "Football", "Yoga",
             "Reading", "Travel", "Wine", "Running", "Film", "Tea", "Surfing", "Skiing", "Poetry", "Gardening",
             "Salsa", "Cricket", "Golf", "Beer", "Basketball", "Board games", "Painting", "Sailing", "Opera"]


#: Per circle: (shortest, longest) typical days between contacts, and the share of rich contact.
_GENERATED_CIRCLES: dict[str | None, tuple[int, int, float]] = {
    "family": (5, 30, 0.55), "close": (4, 21, 0.5), "friends": (10, 60, 0.4),
    "colleagues": (3, 30, 0.35), "clients": (10, 60, 0.3), "acquaintances": (30, 180, 0.3),
    None: (15, 120, 0.35),
}


def _build_generated(store: Store, n_people: int, n_interactions: int, seed: int) -> dict[str, int]:
    """A large journal with realistic rhythms, bulk-inserted in one transaction.

    Each person has a circle, a rhythm of contact and a share of rich contact. About one in
    five drifts: from some day on, contact becomes written only; a few go quiet. The total
    number of interactions is shared out in proportion to each person's rhythm.
    """
    rng = random.Random(seed)
    day0 = today()
    span = 3 * 365
    now = now_iso()
    circles = ["family", "close", "friends", "friends", "colleagues", "colleagues", "clients", "acquaintances",
               None, None]
    with store.atomic():
        store.update_owner(name=OWNER[0], add_emails=OWNER[1], add_interests=OWNER[2])
        rows: list[dict[str, Any]] = []
        contacts: list[tuple[int, str, str, str]] = []
        links: list[tuple[int, str]] = []
        rates: list[float] = []
        for pid in range(1, n_people + 1):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            circle = rng.choice(circles)
            rows.append({"id": pid, "display_name": f"{first} {last}", "given_name": first, "family_name": last,
                         "circle": circle, "notes": "", "created_at": now, "updated_at": now})
            contacts.append((pid, "email", f"{first.lower()}.{last.lower()}.{pid}@mail.example", ""))
            links.extend((pid, i) for i in rng.sample(INTERESTS, rng.randint(0, 3)))
            low, high, _ = _GENERATED_CIRCLES[circle]
            rates.append(1.0 / rng.uniform(low, high))
        bulk.insert_people(store, rows)
        bulk.insert_contacts(store, contacts)
        bulk.insert_interests(store, links)
        suspended = bulk.suspend_triggers(store)
        # Share the interactions out by rate (largest remainder), so the total is exact.
        total_rate = sum(rates)
        shares = [n_interactions * r / total_rate for r in rates]
        counts = [int(x) for x in shares]
        # One very close person (a partner) has 5,000 interactions in a million: the busiest page.
        if n_people > 1 and n_interactions >= 100_000:
            heavy = n_interactions // 200
            scale = (n_interactions - heavy) / (n_interactions - shares[0])
            shares = [heavy] + [x * scale for x in shares[1:]]
            counts = [int(x) for x in shares]
        for k in sorted(range(n_people), key=lambda k: shares[k] - counts[k], reverse=True)[
                :n_interactions - sum(counts)]:
            counts[k] += 1
        channels_rich = [Channel.IN_PERSON.value, Channel.IN_PERSON.value, Channel.PHONE.value, Channel.VIDEO.value]
        channels_written = [Channel.EMAIL.value, Channel.EMAIL.value, Channel.TEXT.value, Channel.TEXT.value,
                            Channel.SOCIAL.value, Channel.LETTER.value]
        modes = {c.value: CHANNEL_MODE[c].value for c in Channel}
        date_cache = [(day0 - dt.timedelta(days=span - o)).isoformat() for o in range(span + 1)]
        inter: list[tuple[Any, ...]] = []
        parts: list[tuple[int, int, str, str, str]] = []
        iid = 0
        for pid in range(1, n_people + 1):
            n = counts[pid - 1]
            if not n:
                continue
            rich_share = _GENERATED_CIRCLES[rows[pid - 1]["circle"]][2] * rng.uniform(0.6, 1.3)
            # Rich contact comes in a rhythm (every period-th contact), as real friendships do.
            period = max(1, round(1 / rich_share))
            phase = rng.randrange(period)
            fate = rng.random()
            drift = rng.randrange(span // 3, span - 30) if fate < 0.2 else span + 1
            end = rng.randrange(span // 2, span - 60) if 0.2 <= fate < 0.25 else span
            gap = end / n
            for k in range(n):
                offset = min(end, max(0, int((k + rng.uniform(0.15, 0.85)) * gap)))
                rich = offset <= drift and k % period == phase
                channel = rng.choice(channels_rich if rich else channels_written)
                iid += 1
                day = date_cache[offset]
                note = WRITTEN_NOTES[iid % len(WRITTEN_NOTES)] if iid % 7 == 0 else ""
                inter.append((iid, day, None, channel, "unknown", None, "", note, "done", "demo", now))
                parts.append((iid, pid, day, modes[channel], "done"))
                if iid % 25 == 0:
                    other = rng.randrange(1, n_people + 1)
                    if other != pid:
                        parts.append((iid, other, day, modes[channel], "done"))
                if len(inter) >= 50_000:
                    bulk.insert_interactions(store, inter, parts)
                    inter, parts = [], []
        bulk.insert_interactions(store, inter, parts)
        bulk.finish(store, suspended)
        _generated_rhythms_and_moments(store, n_people, day0, rng)
    log.info("generated journal: %d people, %d interactions", n_people, n_interactions)
    return {"people": n_people, "interactions": n_interactions}
