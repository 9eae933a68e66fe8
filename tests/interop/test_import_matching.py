"""The import engine's matching for the preview table: phones, the owner's addresses, per-row decisions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from relj.domain import UNSORTED, Channel
from relj.interop.engine import ImportOptions, ImportSummary, run_import
from relj.interop.records import ContactRecord, EventRecord, Party, Record
from relj.store import Store

D = dt.date(2026, 3, 1)


def imp(store: Store, records: Iterable[Record], fmt: str = "vcard", **kw: object) -> ImportSummary:
    items = list(records)
    return run_import(store, lambda: iter(items), ImportOptions(fmt=fmt, file_name="f." + fmt, **kw))  # type: ignore[arg-type]


def card(name: str, *emails: str, **kw: object) -> ContactRecord:
    return ContactRecord(where=f"card {name}", display_name=name, emails=list(emails), **kw)  # type: ignore[arg-type]


def mail(key: str, *parties: Party, sender: Party | None = None) -> EventRecord:
    return EventRecord(where=f"message {key}", source="mbox", source_key=key, occurred_on=D,
                       channel=Channel.EMAIL, parties=list(parties), sender=sender, note="subject")


def test_a_card_with_the_same_mobile_is_the_same_person_though_their_emails_differ(store: Store) -> None:
    ana = store.add_person("Ana Lima", emails=["ana@home.example"], phones=["+44 7911 123456"])
    s = imp(store, [card("Ana L", "ana@work.example", phones=[("+44 (0)7911 123456", "mobile")])],
            collect_rows=True)
    assert (s.people_added, s.people_updated) == (0, 1)
    assert set(store.person(ana.id).emails) == {"ana@home.example", "ana@work.example"}
    row = s.rows[0]
    assert (row.action, row.match, row.matched_by) == ("merge", ana.id, "phone")


def test_a_number_typed_without_country_matches_it_written_internationally(store: Store) -> None:
    # No region set (a new user never said their country): "07911 123456" has no E.164 form.
    ben = store.add_person("Ben", emails=["ben@example.org"], phones=["07911 123456"])
    s = imp(store, [card("Benjamin Okafor", "benji@work.example", phones=[("+44 7911 123456", "")])])
    assert (s.people_added, s.people_updated) == (0, 1) and store.person_count() == 1
    assert store.person(ben.id).phones == ("07911 123456",)  # the same number is not added twice


def test_a_shared_landline_does_not_join_two_people_with_their_own_emails(store: Store) -> None:
    store.add_person("Ana Lima", emails=["ana@example.org"], phones=["+44 20 7946 0000"])
    s = imp(store, [card("Ben Lima", "ben@example.org", phones=[("+44 20 7946 0000", "home")])])
    assert s.people_added == 1 and store.person_count() == 2


def test_decisions_per_row_add_merge_skip(store: Store) -> None:
    ana = store.add_person("Ana Lima", emails=["ana@example.org"])
    cleo = store.add_person("Cleo Park", emails=["cleo@old.example"])
    records = [card("Ana Lima", "ana@example.org", organisation="Figma"),  # c:1 merge (email)
               card("Ben Okafor", "ben@example.org"),  # c:2 add
               card("Cleo Park", "cleo@new.example")]  # c:3 add, namesake of Cleo
    preview = imp(store, records, dry_run=True, collect_rows=True)
    assert [(r.key, r.action, r.match) for r in preview.rows] == [
        ("c:1", "merge", ana.id), ("c:2", "add", None), ("c:3", "add", None)]
    assert preview.rows[2].candidates == ((cleo.id, "Cleo Park", "name"),)
    assert preview.rows[0].brings == {"emails": 1, "organisation": 1}
    assert store.person_count() == 2  # a preview writes nothing
    s = imp(store, records, decisions={"c:1": ("add", None), "c:2": ("skip", None), "c:3": ("merge", cleo.id)})
    assert s.skipped == {"left out by you": 1} and (s.people_added, s.people_updated) == (1, 1)
    assert set(store.person(cleo.id).emails) == {"cleo@old.example", "cleo@new.example"}
    assert store.person(ana.id).organisation == ""  # the card became a new person instead
    assert sorted(p.display_name for p in store.people()) == ["Ana Lima", "Ana Lima", "Cleo Park"]


def test_people_a_mail_import_would_create_are_rows_that_can_be_merged_or_left_out(store: Store) -> None:
    dana = store.add_person("Dana Ruiz", emails=["dana@home.example"])
    records = [mail("m1", Party(email="dana@work.example", name="Dana Ruiz")),
               mail("m2", Party(email="dana@work.example", name="Dana Ruiz")),
               mail("m3", Party(email="spam@example.org", name="Offers"))]
    preview = imp(store, records, fmt="mbox", create_people=True, dry_run=True, collect_rows=True)
    rows = {r.key: r for r in preview.rows}
    assert rows["p:e:dana@work.example"].brings == {"events": 2}
    assert rows["p:e:dana@work.example"].candidates == ((dana.id, "Dana Ruiz", "name"),)
    s = imp(store, records, fmt="mbox", create_people=True,
            decisions={"p:e:dana@work.example": ("merge", dana.id), "p:e:spam@example.org": ("skip", None)})
    assert (s.people_added, s.interactions_added, s.skipped) == (0, 2, {"left out by you": 1})
    assert set(store.person(dana.id).emails) == {"dana@home.example", "dana@work.example"}
    assert len(store.interactions_for_person(dana.id)) == 2


def test_mail_never_makes_the_owner_a_person(store: Store) -> None:
    store.update_owner(name="Sam Rivera", add_emails=["Sam@Example.org"])
    records = [mail("m1", Party(email="ana@example.org", name="Ana"), sender=Party(email="sam@example.org")),
               # an older address of mine, under my own name: me, not a new person
               mail("m2", Party(email="ana@example.org", name="Ana"),
                    sender=Party(email="sam.rivera@old.example", name="Sam Rivera"))]
    s = imp(store, records, fmt="mbox", create_people=True)
    names = [p.display_name for p in store.people()]
    assert names == ["Ana"] and s.interactions_added == 2
    assert s.notices == {"address under your name taken as yours": 1}
    assert store.resolve("Ana").circle == UNSORTED


def test_rows_are_bounded(store: Store, monkeypatch: object) -> None:
    import relj.interop.engine.apply as apply

    monkeypatch.setattr(apply, "ROW_LIMIT", 2)  # type: ignore[attr-defined]
    s = imp(store, [card(f"P{i}", f"p{i}@example.org") for i in range(5)], collect_rows=True)
    assert len(s.rows) == 2 and s.rows_left_out == 3 and s.people_added == 5
