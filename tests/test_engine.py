"""The import engine on hand-built records: matching, idempotence, all-or-nothing, undo, merge."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import pytest

from relj.domain import UNSORTED, Channel, ContactKind, Initiator, RelationKind, Status
from relj.errors import NotFound, UserError
from relj.interop.engine import ImportOptions, ImportSummary, run_import, undo_import
from relj.interop.records import BadRecord, ContactRecord, EventRecord, Party, Record, SkippedRecord
from relj.store import Store
from relj.store.imports import ImportTables

D = dt.date(2026, 3, 1)


def imp(store: Store, records: Iterable[Record], fmt: str = "vcard", **kw: object) -> ImportSummary:
    items = list(records)
    return run_import(store, lambda: iter(items), ImportOptions(fmt=fmt, file_name="f." + fmt, **kw))  # type: ignore[arg-type]


def mail(key: str, *parties: Party, day: dt.date = D, sender: Party | None = None) -> EventRecord:
    return EventRecord(where=f"message {key}", source="mbox", source_key=key, occurred_on=day,
                       channel=Channel.EMAIL, parties=list(parties), sender=sender, note="subject")


def call(key: str, number: str, day: dt.date = D, name: str = "") -> EventRecord:
    return EventRecord(where=f"call {key}", source="calls", source_key=key, occurred_on=day,
                       channel=Channel.PHONE, parties=[Party(phone=number, name=name)], occurred_time="18:05",
                       initiator=Initiator.ME, duration_min=12)


def card(name: str, *emails: str, **kw: object) -> ContactRecord:
    return ContactRecord(where=f"card {name}", display_name=name, emails=list(emails), **kw)  # type: ignore[arg-type]


def comparable(store: Store) -> dict[str, object]:
    data = store.export_data()
    for p in data["people"]:  # type: ignore[union-attr]
        p.pop("updated_at")
    return data


# -- contacts -------------------------------------------------------------------------------
def test_contacts_are_added_with_their_fields(store: Store) -> None:
    s = imp(store, [card("Ana Lima", "ana@example.org", given_name="Ana", family_name="Lima",
                         phones=[("+44 20 7946 0000", "work")], addresses=[("1 High St, London", "home")],
                         urls=[("https://ana.example", "")], interests=["Climbing", "climbing "],
                         birthday="--04-12", organisation="Figma")])
    assert (s.people_added, s.people_updated, s.contact_points_added, s.interests_added) == (1, 0, 4, 1)
    p = store.resolve("Ana Lima")
    assert p.emails == ("ana@example.org",) and p.phones == ("+44 20 7946 0000",)
    assert p.interests == ("Climbing",) and p.birthday is not None and p.birthday.iso() == "--04-12"
    assert p.tracked and p.circle is None and p.organisation == "Figma"
    assert {c.kind for c in p.contacts} == {ContactKind.EMAIL, ContactKind.PHONE, ContactKind.ADDRESS,
                                            ContactKind.URL}


def test_reimport_is_idempotent(store: Store) -> None:
    records = [card("Ana Lima", "ana@example.org", phones=[("020 7946 0000", "")], interests=["Chess"]),
               card("Ben Okafor", phones=[("+44 7700 900123", "")]),
               card("Cleo", notes="met at the climbing wall"),
               mail("m1@x", Party(email="ANA@example.org")), call("c1", "07700 900123")]
    store.update_owner(region="GB")
    first = imp(store, records)
    before = comparable(store)
    second = imp(store, records)
    assert first.people_added == 3 and first.interactions_added == 2
    assert (second.added, second.people_updated, second.people_unchanged, second.interactions_unchanged) == (0, 0, 3, 2)
    assert comparable(store) == before


def test_existing_email_updates_and_never_overwrites(store: Store) -> None:
    ana = store.add_person("Ana", emails=["Ana@Example.org"], organisation="Mine", notes="my words")
    s = imp(store, [card("Ana Lima", "ana@example.ORG", "ana@work.example", organisation="Figma",
                         family_name="Lima", notes="their words", interests=["Chess"], birthday="1990-04-12")])
    assert (s.people_added, s.people_updated) == (0, 1)
    p = store.person(ana.id)
    assert p.display_name == "Ana" and p.organisation == "Mine" and p.notes == "my words"
    assert p.family_name == "Lima" and p.birthday is not None and p.birthday.year == 1990
    assert set(p.emails) == {"Ana@Example.org", "ana@work.example"} and p.interests == ("Chess",)
    assert store.person_count() == 1


def test_likely_duplicates_are_reported_not_merged(store: Store) -> None:
    old = store.add_person("Ana Lima", emails=["ana@old.example"])
    s = imp(store, [card("ana lima", "ana@new.example")])
    assert s.people_added == 1 and len(s.duplicates) == 1 and s.duplicates[0].others == (old.id,)


def test_card_without_email_matches_by_phone_or_unique_name(store: Store) -> None:
    store.update_owner(region="GB")
    ben = store.add_person("Ben", phones=["+44 7700 900123"])
    cleo = store.add_person("Cleo Park")
    s = imp(store, [card("Benjamin O", phones=[("07700 900123", "mobile")], nickname="Benji"),
                    card("cleo park", organisation="ACME")])
    assert (s.people_added, s.people_updated) == (0, 2)
    assert store.person(ben.id).nickname == "Benji" and store.person(ben.id).phones == ("+44 7700 900123",)
    assert store.person(cleo.id).organisation == "ACME"


def test_categories_circle_and_notes(store: Store) -> None:
    imp(store, [card("Ana", "ana@example.org", categories=["Family", "Book club", "* myContacts"]),
                card("Ben", "ben@example.org", categories=["Work"])])
    ana, ben = store.resolve("Ana"), store.resolve("Ben")
    assert ana.circle == "family" and ana.notes == "Categories: Book club"
    assert ben.circle is None and ben.notes == "Categories: Work"


def test_the_owner_is_never_a_person(store: Store) -> None:
    store.update_owner(add_emails=["me@example.org"])
    s = imp(store, [card("Me Myself", "ME@example.org"), card("Other", "alt@example.org")],
            me_addresses=("alt@example.org",))
    assert s.skipped == {"me": 2} and store.person_count() == 0


def test_address_book_sorts_people_that_mail_created(store: Store) -> None:
    imp(store, [mail("m1", Party(email="ana@example.org", name="Ana L"))], fmt="mbox", create_people=True)
    assert store.resolve("Ana L").circle == UNSORTED
    imp(store, [card("Ana Lima", "ana@example.org", categories=["Friends"])])
    p = store.resolve("Ana L")
    assert p.circle == "friends" and p.tracked


# -- events ---------------------------------------------------------------------------------
@pytest.mark.parametrize("written", ["+44 20 7946 0000", "020 7946 0000", "0044 20 7946 0000", "(020) 7946-0000"])
def test_calls_match_by_phone_in_every_form(store: Store, written: str) -> None:
    store.update_owner(region="GB")
    ana = store.add_person("Ana", phones=["020 7946 0000"])
    ben = store.add_person("Ben", phones=["+1 415 555 0100"])
    s = imp(store, [call("c1", written), call("c2", "001 415 555 0100")], fmt="calls")
    assert s.interactions_added == 2
    assert [i.participants[0].id for i in store.interactions_for_person(ana.id)] == [ana.id]
    got = store.interactions_for_person(ben.id)[0]
    assert got.channel is Channel.PHONE and got.duration_min == 12 and got.initiator is Initiator.ME
    assert got.occurred_time == "18:05"


def test_phone_import_adds_a_number_matched_across_formats(store: Store) -> None:
    store.update_owner(region="GB")
    imp(store, [card("Ana", "ana@example.org", phones=[("+44 20 7946 0000", "")])])
    s = imp(store, [card("Ana", "ana@example.org", phones=[("0044 (0)20 7946 0000", "")])])
    assert s.people_unchanged == 1 and store.resolve("Ana").phones == ("+44 20 7946 0000",)


def test_mail_matches_by_email_and_skips_me_and_strangers(store: Store) -> None:
    store.update_owner(add_emails=["me@example.org"])
    ana = store.add_person("Ana", emails=["ana@example.org"])
    s = imp(store, [
        mail("m1", Party(email="me@example.org"), Party(email="Ana@Example.org")),
        mail("m2", Party(email="stranger@example.org")),
        mail("m3", Party(email="me@example.org")),
        SkippedRecord("message 4", "automated mail"),
    ], fmt="mbox")
    assert s.interactions_added == 1
    assert s.skipped == {"no known person": 1, "only me": 1, "automated mail": 1}
    i = store.interactions_for_person(ana.id)[0]
    assert [p.id for p in i.participants] == [ana.id] and i.source == "mbox" and i.source_key == "m1"
    assert store.person_count() == 1


def test_create_people_with_min_messages(store: Store) -> None:
    records = [mail(f"a{n}", Party(email="often@example.org", name="Often Writer")) for n in range(3)]
    records.append(mail("b1", Party(email="once@example.org")))
    s = imp(store, records, fmt="mbox", create_people=True, min_messages=2)
    assert s.people_added == 1 and s.interactions_added == 3 and s.skipped == {"fewer than 2 messages": 1}
    p = store.resolve("Often Writer")
    assert p.circle == UNSORTED and not p.tracked and p.emails == ("often@example.org",)
    # The default of one message creates everyone; the name falls back to the address.
    s = imp(store, records, fmt="mbox", create_people=True)
    assert s.people_added == 1 and store.resolve("once@example.org").circle == UNSORTED


def test_create_people_is_opt_in(store: Store) -> None:
    s = imp(store, [call("c1", "+44 7700 900123", name="Dana")], fmt="calls")
    assert s.skipped == {"no known person": 1} and store.person_count() == 0
    s = imp(store, [call("c1", "+44 7700 900123", name="Dana")], fmt="calls", create_people=True)
    assert s.people_added == 1 and store.resolve("Dana").phones == ("+44 7700 900123",)


def test_whatsapp_names_match_unique_display_names(store: Store) -> None:
    ana = store.add_person("Ana Lima")
    store.add_person("Sam")
    store.add_person("sam")

    def day(key: str, *names: str) -> EventRecord:
        return EventRecord(where=key, source="whatsapp", source_key=key, occurred_on=D, channel=Channel.TEXT,
                           parties=[Party(name=n) for n in names])

    s = imp(store, [day("w1", "ana lima", "Me Owner"), day("w2", "Sam"), day("w3", "Zoe")], fmt="whatsapp",
            me_names=("me owner",))
    assert s.interactions_added == 1 and s.skipped == {"name matches several people": 1, "no known person": 1}
    assert [p.id for p in store.interactions_for_person(ana.id)[0].participants] == [ana.id]


def test_planned_events_and_group_participants(store: Store) -> None:
    a = store.add_person("A", emails=["a@example.org"])
    b = store.add_person("B", emails=["b@example.org"])
    rec = EventRecord(where="event 1", source="ics", source_key="uid1@2026-05-01", occurred_on=dt.date(2026, 5, 1),
                      channel=Channel.VIDEO, parties=[Party(email="a@example.org"), Party(email="b@example.org")],
                      sender=Party(email="A@example.org"), status=Status.PLANNED, place="Zoom")
    imp(store, [rec], fmt="ics")
    (i,) = store.interactions_for_person(a.id)
    assert i.status is Status.PLANNED and {p.id for p in i.participants} == {a.id, b.id} and i.place == "Zoom"


# -- all or nothing, dry run --------------------------------------------------------------
def test_a_bad_record_is_fatal_and_adds_nothing(store: Store) -> None:
    before = comparable(store)
    with pytest.raises(UserError, match="card 2: no END.*--skip-bad"):
        imp(store, [card("Ana", "ana@example.org"), BadRecord("card 2", "no END")])
    assert comparable(store) == before and ImportTables(store).runs() == []


def test_skip_bad_imports_the_rest_and_lists_the_bad(store: Store) -> None:
    s = imp(store, [card("Ana", "ana@example.org"), BadRecord("card 2", "no END")], skip_bad=True)
    assert s.people_added == 1 and s.bad == [("card 2", "no END")]
    assert ImportTables(store).runs()[0].summary["bad"] == [{"where": "card 2", "reason": "no END"}]


def test_a_parser_error_mid_file_adds_nothing(store: Store) -> None:
    def records() -> Iterable[Record]:
        yield card("Ana", "ana@example.org")
        raise UserError("f.vcf is not a vCard file")

    with pytest.raises(UserError, match="not a vCard"):
        run_import(store, records, ImportOptions(fmt="vcard"))
    assert store.person_count() == 0 and ImportTables(store).runs() == []


def test_dry_run_reports_and_writes_nothing(store: Store) -> None:
    store.add_person("Ana", emails=["ana@example.org"])
    before = comparable(store)
    s = imp(store, [card("Ana", "ana@example.org", organisation="X"), card("Ben", "ben@example.org"),
                    mail("m1", Party(email="ana@example.org"))], dry_run=True)
    assert (s.people_added, s.people_updated, s.interactions_added, s.run_id) == (1, 1, 1, None)
    assert comparable(store) == before and ImportTables(store).runs() == []


def test_cancel_rolls_back(store: Store) -> None:
    records = [card(f"P{n}", f"p{n}@example.org") for n in range(500)]
    with pytest.raises(UserError, match="cancelled"):
        run_import(store, lambda: iter(records), ImportOptions(fmt="vcard"), progress=lambda n: n < 400)
    assert store.person_count() == 0


# -- history, undo, merge --------------------------------------------------------------------
def test_history_and_undo(store: Store) -> None:
    store.update_owner(region="GB")
    ana = store.add_person("Ana", emails=["ana@example.org"])
    before = comparable(store)
    s = imp(store, [card("Ana", "ana@example.org", "ana@work.example", interests=["Go"], organisation="Figma"),
                    card("Ben", "ben@example.org", interests=["Rare hobby"]),
                    mail("m1", Party(email="ana@example.org")), mail("m2", Party(email="ben@example.org"))])
    assert s.run_id is not None
    runs = ImportTables(store).runs()
    assert [(r.id, r.format, r.file_name) for r in runs] == [(s.run_id, "vcard", "f.vcard")]
    assert runs[0].summary["people"] == {"added": 1, "updated": 1, "unchanged": 0}
    result = undo_import(store, s.run_id)
    assert result == {"interactions": 2, "people": 1, "people_kept": 0, "contact_points": 1, "interests": 1}
    after = comparable(store)
    # The filled field stays (documented); everything added is gone.
    assert store.person(ana.id).organisation == "Figma"
    assert after["people"][0]["emails"] == ["ana@example.org"]  # type: ignore[index]
    assert after["interactions"] == before["interactions"] == []
    assert after["interests"] == []
    assert ImportTables(store).run(s.run_id).undone_at
    with pytest.raises(UserError, match="already undone"):
        undo_import(store, s.run_id)
    with pytest.raises(NotFound):
        undo_import(store, 999)


def test_undo_keeps_people_with_later_interactions(store: Store) -> None:
    s = imp(store, [card("Ana", "ana@example.org")])
    ana = store.resolve("Ana")
    store.log_interaction(Channel.IN_PERSON, [ana.id], D)
    assert s.run_id is not None
    assert undo_import(store, s.run_id)["people_kept"] == 1
    assert store.resolve("Ana").emails == ("ana@example.org",)


def test_merge_joins_everything(store: Store) -> None:
    a = store.add_person("Ana Lima", emails=["ana@one.example"], phones=["+44 20 7946 0000"], notes="A notes")
    b = store.add_person("Ana L", emails=["ana@two.example"], phones=["+44 20 7946 0000"], interests=["Chess"],
                         organisation="Figma", circle="friends", notes="B notes")
    c = store.add_person("Cleo")
    both = store.log_interaction(Channel.IN_PERSON, [a.id, b.id, c.id], D)
    only_b = store.log_interaction(Channel.PHONE, [b.id], D)
    store.add_relationship(b.id, c.id, RelationKind.SIBLING)
    store.add_relationship(a.id, b.id, RelationKind.FRIEND)
    store.merge_people(a.id, b.id)
    p = store.person(a.id)
    assert not store.person_exists(b.id)
    assert set(p.emails) == {"ana@one.example", "ana@two.example"} and p.phones == ("+44 20 7946 0000",)
    assert p.interests == ("Chess",) and p.organisation == "Figma" and p.circle == "friends"
    assert p.notes == "A notes\n\nB notes" and p.display_name == "Ana Lima"
    assert {i.id for i in store.interactions_for_person(a.id)} == {both.id, only_b.id}
    assert sorted(x.id for x in store.interaction(both.id).participants) == sorted([a.id, c.id])
    rels = store.relationships_for(a.id)
    assert [(r.person_a.id, r.person_b.id, r.kind) for r in rels] == [(a.id, c.id, RelationKind.SIBLING)]
    assert store.check() == []
    assert store.person_ids_matching("two") == {a.id}
    with pytest.raises(UserError):
        store.merge_people(a.id, a.id)


def test_guess_format(tmp_path: Path) -> None:
    from relj.interop.engine import guess_format

    engine = Path(__file__).resolve().parent / "fixtures" / "engine"
    assert guess_format(engine / "contacts.vcf") == "vcard"
    assert guess_format(engine / "meetings.ics") == "ics"
    assert guess_format(engine / "mail.mbox") == "mbox"
    assert guess_format(engine / "maildir") == "maildir"
    assert guess_format(engine / "calls.xml") == "calls"
    odd = tmp_path / "export"
    odd.write_bytes(b"\xef\xbb\xbfBEGIN:VCARD\r\nEND:VCARD\r\n")
    assert guess_format(odd) == "vcard"
    odd.write_bytes(b"\x00\x01")
    assert guess_format(odd) is None


def test_namesakes_are_reported_within_bounds(store: Store) -> None:
    records = [mail(f"s{n}", Party(email=f"support{n}@example.com", name="Support")) for n in range(1200)]
    s = imp(store, records, fmt="mbox", create_people=True)
    assert s.people_added == 1200 and len(s.duplicates) == 1000
    assert all(len(d.others) <= 5 for d in s.duplicates)
    assert s.notices["more likely duplicates not listed"] == 199


def test_a_planned_meeting_that_happened_is_updated(store: Store) -> None:
    a = store.add_person("A", emails=["a@example.org"])

    def meeting(status: Status) -> EventRecord:
        return EventRecord(where="event 1", source="ics", source_key="uid/2026-03-05", occurred_on=dt.date(2026, 3, 5),
                           channel=Channel.IN_PERSON, parties=[Party(email="a@example.org")], status=status)

    assert imp(store, [meeting(Status.PLANNED)], fmt="ics").interactions_added == 1
    s = imp(store, [meeting(Status.DONE)], fmt="ics")
    assert (s.interactions_added, s.interactions_updated) == (0, 1)
    assert store.interactions_for_person(a.id)[0].status is Status.DONE
    assert store.check() == []


# -- mail at scale -----------------------------------------------------------------------------
def test_imported_notes_are_searchable_and_the_index_trigger_survives(store: Store) -> None:
    ana = store.add_person("Ana", emails=["ana@example.org"])
    s = imp(store, [mail(f"m{n}", Party(email="ana@example.org")) for n in range(3)], fmt="mbox")
    assert s.interactions_added == 3
    assert {h.kind for h in store.search("subject")} >= {"interaction"}
    assert store.check() == []  # every note indexed, once
    # The trigger that indexes notes is back: an interaction logged by hand is found too.
    store.log_interaction(Channel.PHONE, [ana.id], D, note="zeppelin")
    assert any("zeppelin" in h.snippet for h in store.search("zeppelin"))


@pytest.mark.parametrize("how", ["dry run", "bad record", "cancel"])
def test_the_index_trigger_survives_a_rollback(store: Store, how: str) -> None:
    ana = store.add_person("Ana", emails=["ana@example.org"])
    records: list[Record] = [mail(f"m{n}", Party(email="ana@example.org")) for n in range(300)]
    if how == "bad record":
        records.append(BadRecord("message 301", "unreadable"))
    with pytest.raises(UserError) if how != "dry run" else _nothing():
        run_import(store, lambda: iter(records), ImportOptions(fmt="mbox", dry_run=how == "dry run"),
                   progress=(lambda n: n < 200) if how == "cancel" else None)
    store.log_interaction(Channel.PHONE, [ana.id], D, note="zeppelin")
    assert any("zeppelin" in h.snippet for h in store.search("zeppelin")) and store.check() == []


def _nothing() -> contextlib.AbstractContextManager[None]:
    return contextlib.nullcontext()


def test_a_copy_of_a_message_far_apart_is_a_duplicate(store: Store) -> None:
    """The parser remembers recent Message-IDs only (flat memory); the journal knows the rest."""
    store.add_person("Ana", emails=["ana@example.org"])
    s = imp(store, [mail("m1", Party(email="ana@example.org")), mail("m2", Party(email="ana@example.org")),
                    mail("m1", Party(email="ana@example.org"))], fmt="mbox")
    assert s.interactions_added == 2 and s.skipped == {"duplicate": 1} and s.interactions_unchanged == 0
    again = imp(store, [mail("m1", Party(email="ana@example.org"))], fmt="maildir")
    assert again.interactions_unchanged == 1 and not again.skipped  # an earlier import's copy: unchanged
