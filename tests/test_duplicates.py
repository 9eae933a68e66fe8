"""Likely duplicates across the journal (relj.duplicates) and undoing a merge (Store.unmerge)."""

from __future__ import annotations

import datetime as dt

from relj.domain import Channel
from relj.duplicates import MAX_GROUP, find_duplicates
from relj.interop.engine import ImportOptions, run_import, undo_import
from relj.interop.records import ContactRecord, EventRecord, Party
from relj.store import Store
from relj.store.resolve import name_key

D = dt.date(2026, 3, 1)


def test_name_key_folds_case_accents_and_spaces() -> None:
    assert name_key("  Zoë   MARTIN ") == name_key("zoe martin") == "zoe martin"
    assert name_key("José Núñez") == "jose nunez"
    assert name_key("Jon Smith") != name_key("John Smith")  # nothing fuzzier than folding


def test_groups_by_folded_name_or_shared_phone(store: Store) -> None:
    store.update_owner(region="GB")
    a = store.add_person("Zoë Martin", emails=["zoe@work.example"], organisation="Acme")
    b = store.add_person("zoe  martin", emails=["zoe@home.example"])
    c = store.add_person("Z. Martin", phones=["020 7946 0000"])
    d = store.add_person("Zoe M", phones=["+44 20 7946 0000"])  # the same number, written otherwise
    store.add_person("Someone Else", phones=["020 7946 0001"])
    store.log_interaction(Channel.EMAIL, [a.id], D)
    groups = find_duplicates(store)
    assert [[p.id for p in g.people] for g in groups] == [[c.id, d.id], [a.id, b.id]]
    phone, name = groups
    assert (name.reason, phone.reason) == ("same name", "same phone")
    first = name.people[0]
    assert (first.emails, first.organisation, first.last_contact, first.interactions) == (
        ("zoe@work.example",), "Acme", D.isoformat(), 1)


def test_groups_join_transitively_and_big_groups_are_cut(store: Store) -> None:
    store.update_owner(region="GB")
    a = store.add_person("Ana Silva", phones=["07700 900123"])
    b = store.add_person("Ana Silva")
    c = store.add_person("A. Silva", phones=["+447700900123"])
    (group,) = find_duplicates(store)
    assert [p.id for p in group.people] == [a.id, b.id, c.id] and group.reason == "same name and phone"
    for n in range(MAX_GROUP + 5):
        store.add_person("Support", emails=[f"s{n}@x.example"])
    support = next(g for g in find_duplicates(store) if g.name == "Support")
    assert support.size == MAX_GROUP + 5 and len(support.people) == MAX_GROUP


def test_no_groups_without_namesakes(store: Store) -> None:
    store.add_person("Ana")
    store.add_person("Ben")
    assert find_duplicates(store) == []


def test_unmerge_puts_both_back_as_they_were(store: Store) -> None:
    keep = store.add_person("Ana Silva", emails=["ana@a.example"], interests=["chess"], circle="friends")
    gone = store.add_person("Ana Silva", emails=["ana@b.example"], phones=["+447700900123"], interests=["go"],
                            notes="met in Porto", organisation="Acme")
    other = store.add_person("Ben")
    shared = store.log_interaction(Channel.IN_PERSON, [gone.id, other.id], D, note="lunch")
    alone = store.log_interaction(Channel.PHONE, [gone.id], D)
    both = store.log_interaction(Channel.EMAIL, [keep.id, gone.id], D)
    store.add_relationship(gone.id, other.id, "friend")
    before = store.export_data()
    snapshot = store.merge_snapshot(keep.id, gone.id)
    store.merge_people(keep.id, gone.id)
    assert store.person_count() == 2
    assert {p.id for p in store.interaction(alone.id).participants} == {keep.id}
    store.unmerge(snapshot)
    after = store.export_data()
    assert after == before
    assert {p.id for p in store.interaction(shared.id).participants} == {gone.id, other.id}
    assert {p.id for p in store.interaction(both.id).participants} == {keep.id, gone.id}
    assert store.check() == []  # search index and reconnect summary in step


def test_unmerge_keeps_import_links_so_import_undo_still_works(store: Store) -> None:
    records = [ContactRecord(where="card 1", display_name="Ana", emails=["ana@a.example"]),
               ContactRecord(where="card 2", display_name="Ana", emails=["ana@b.example"])]
    s = run_import(store, lambda: iter(records), ImportOptions(fmt="vcard"))
    mail = [EventRecord(where="m1", source="mbox", source_key="m1", occurred_on=D, channel=Channel.EMAIL,
                        parties=[Party(email="ana@b.example")])]
    run_import(store, lambda: iter(mail), ImportOptions(fmt="mbox"))
    a, b = (p.id for p in store.people())
    snapshot = store.merge_snapshot(a, b)
    store.merge_people(a, b)
    store.unmerge(snapshot)
    assert s.run_id is not None
    result = undo_import(store, s.run_id)
    assert result["people"] + result["people_kept"] == 2  # both are still the import's own
