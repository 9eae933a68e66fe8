"""Operations without Qt: each does, undoes and redoes, and says what it changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from relj.clock import today
from relj.domain import ContactKind, Status
from relj.errors import NotFound
from relj.ops import EVERYTHING, INTERACTIONS, PEOPLE, RECONNECT, Changes, OpResult
from relj.ops import imports as import_ops
from relj.ops import interactions as interaction_ops
from relj.ops import people as people_ops
from relj.ops import reconnect as reconnect_ops
from relj.store import Store
from relj.store import trash as store_trash

DAY = dt.date(2026, 3, 14)


def undo(store: Store, result: OpResult[Any]) -> OpResult[Any]:
    assert result.undo is not None, f"{result.label} has no undo"
    return result.undo(store)


def export(store: Store) -> dict[str, Any]:
    data = store.export_data()
    data.pop("exported_at", None)
    return data


def test_changes_name_kinds_and_ids() -> None:
    a = Changes.of(PEOPLE, people=[1])
    b = Changes.of(INTERACTIONS, RECONNECT, interactions=[7])
    both = a | b
    assert both.kinds == {PEOPLE, INTERACTIONS, RECONNECT}
    assert both.people == {1} and both.interactions == {7}
    assert not Changes() and both
    with pytest.raises(ValueError, match="unknown kinds"):
        Changes.of("peopel")


def test_add_undo_redo_keeps_the_id(store: Store) -> None:
    added = people_ops.add_person(store, "Ana García", emails=["ana@example.org"], interests=["climbing"])
    assert added.changes.people == {added.value.id} and PEOPLE in added.changes.kinds
    assert added.message == "Added Ana García"
    undone = undo(store, added)
    assert not store.person_exists(added.value.id)
    redone = undo(store, undone)
    assert redone.value.id == added.value.id and redone.value.emails == ("ana@example.org",)
    assert store.person(added.value.id).interests == ("climbing",)


def test_edit_undo_puts_back_fields_contacts_labels_and_interests(store: Store) -> None:
    p = store.add_person("Ana", emails=["ana@example.org"], interests=["chess"], circle="friends")
    store.set_contacts(p.id, ContactKind.EMAIL, [])
    store.add_contact(p.id, ContactKind.EMAIL, "ana@example.org", label="work")
    before = store.person(p.id)
    edited = people_ops.edit_person(store, p.id, {"display_name": "Ana G.", "circle": "close"},
                                    add_emails=["a2@example.org"], remove_emails=["ana@example.org"],
                                    add_phones=["+34 600 000 000"], add_interests=["go"], remove_interests=["CHESS"])
    after = edited.value
    assert after.display_name == "Ana G." and after.interests == ("go",) and after.emails == ("a2@example.org",)
    back = undo(store, edited)
    def points(person: Any) -> list[tuple[str, str, str]]:
        return [(c.kind.value, c.value, c.label) for c in person.contacts]

    assert points(store.person(p.id)) == points(before)
    assert store.person(p.id).interests == before.interests and store.person(p.id).circle == before.circle
    again = undo(store, back)
    assert again.value.display_name == "Ana G." and again.value.emails == ("a2@example.org",)


def test_delete_goes_to_the_trash_and_undo_brings_everything_back(store: Store) -> None:
    ana = store.add_person("Ana", emails=["ana@example.org"])
    ben = store.add_person("Ben")
    alone = store.log_interaction("in-person", [ana.id], DAY, note="coffee")
    shared = store.log_interaction("video", [ana.id, ben.id], DAY)
    store.add_relationship(ana.id, ben.id, "friend")
    whole = export(store)
    deleted = people_ops.delete_person(store, ana.id)
    assert deleted.message == "Moved Ana to the trash"
    assert not store.person_exists(ana.id)
    assert [t.item_id for t in store_trash.trash_items(store, today())] == [ana.id]
    with pytest.raises(NotFound):
        store.interaction(alone.id)
    assert [p.id for p in store.interaction(shared.id).participants] == [ben.id]
    restored = undo(store, deleted)
    assert restored.value.id == ana.id
    assert export(store) == whole
    assert store_trash.trash_items(store, today()) == []
    undo(store, restored)  # redo: back in the trash
    assert not store.person_exists(ana.id)


def test_restore_from_the_trash_by_id_and_the_trash_forgets_after_30_days(store: Store) -> None:
    ana = store.add_person("Ana")
    item = people_ops.delete_person(store, ana.id).value
    with pytest.raises(NotFound, match="nothing in the trash"):
        people_ops.restore_person(store, item.id + 100)
    back = people_ops.restore_person(store, item.id)
    assert back.value.display_name == "Ana"
    people_ops.delete_person(store, ana.id)
    far = today() + dt.timedelta(days=31)
    assert store_trash.trash_items(store, far) == []
    assert people_ops.empty_old_trash(store, far).value == 1


def test_log_undo_redo_keeps_the_interaction_id(store: Store) -> None:
    ana = store.add_person("Ana")
    logged = interaction_ops.log_interaction(store, "phone", [ana.id], DAY, note="call")
    iid = logged.value.id
    assert logged.changes.interactions == {iid} and logged.changes.people == {ana.id}
    assert logged.message == "Logged phone with Ana"
    undone = undo(store, logged)
    with pytest.raises(NotFound):
        store.interaction(iid)
    assert undo(store, undone).value.id == iid
    planned = interaction_ops.log_interaction(store, "video", [ana.id], DAY, status=Status.PLANNED)
    assert planned.label == "Plan meeting"


def test_edit_and_delete_interaction_round_trip(store: Store) -> None:
    ana = store.add_person("Ana")
    i = store.log_interaction("email", [ana.id], DAY, note="hello")
    edited = interaction_ops.update_interaction(store, i.id, note="hi", channel="phone")
    assert edited.value.note == "hi"
    undo(store, edited)
    assert store.interaction(i.id).note == "hello" and store.interaction(i.id).channel.value == "email"
    deleted = interaction_ops.delete_interaction(store, i.id)
    back = undo(store, deleted)
    assert back.value.note == "hello"


def test_reconnect_actions_say_what_they_did_and_undo(store: Store) -> None:
    ana = store.add_person("Ana")
    snoozed = reconnect_ops.snooze(store, ana.id, dt.date(2026, 12, 12))
    assert snoozed.message == "Snoozed Ana until 12 Dec"
    assert store.person(ana.id).snoozed_until == dt.date(2026, 12, 12)
    undo(store, snoozed)
    assert store.person(ana.id).snoozed_until is None
    paused = reconnect_ops.pause(store, ana.id)
    assert store.person(ana.id).paused
    undo(store, paused)
    assert not store.person(ana.id).paused
    ok = reconnect_ops.set_written_ok(store, ana.id)
    assert store.person(ana.id).written_ok
    undo(store, ok)
    assert not store.person(ana.id).written_ok


def test_followup_decision_undoes(store: Store) -> None:
    from relj.store import reconnect as reconnect_store

    ana = store.add_person("Ana")
    day = today()
    met = store.log_interaction("in-person", [ana.id], day - dt.timedelta(days=1))
    pending = reconnect_store.pending_followups(store, day, 7)
    assert [i.id for i in pending] == [met.id]
    done = reconnect_ops.decide_followup(store, met.id, "done")
    assert reconnect_store.pending_followups(store, day, 7) == []
    undo(store, done)
    assert [i.id for i in reconnect_store.pending_followups(store, day, 7)] == [met.id]


def test_relationship_and_owner_round_trip(store: Store) -> None:
    ana = store.add_person("Ana")
    ben = store.add_person("Ben")
    rel = people_ops.add_relationship(store, ana.id, ben.id, "sibling")
    assert [r.kind.value for r in store.relationships_for(ana.id)] == ["sibling"]
    removed = undo(store, rel)
    assert store.relationships_for(ana.id) == []
    undo(store, removed)
    assert [r.kind.value for r in store.relationships_for(ana.id)] == ["sibling"]
    owner = people_ops.update_owner(store, name="Me", add_emails=["me@example.org"], add_interests=["go"])
    assert owner.value.emails == ("me@example.org",)
    undo(store, owner)
    assert store.owner().emails == () and store.owner().name == ""


def test_merge_undo_separates_them_again(store: Store) -> None:
    a = store.add_person("Ana García", emails=["ana@example.org"])
    b = store.add_person("Ana G", emails=["ana.g@example.org"])
    store.log_interaction("phone", [b.id], DAY)
    whole = export(store)
    merged = people_ops.merge_people(store, a.id, b.id)
    assert not store.person_exists(b.id)
    assert set(store.person(a.id).emails) == {"ana@example.org", "ana.g@example.org"}
    undone = undo(store, merged)
    assert export(store) == whole
    undo(store, undone)
    assert not store.person_exists(b.id)


def test_import_is_one_operation_undone_as_a_whole(store: Store, tmp_path: Path) -> None:
    from relj.interop.engine import ImportOptions, open_records

    vcf = tmp_path / "two.vcf"
    vcf.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEMAIL:ana@example.org\r\nEND:VCARD\r\n"
                   "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben\r\nEND:VCARD\r\n", encoding="utf-8")
    options = ImportOptions(fmt="vcard", file_name=vcf.name)
    records = open_records("vcard", vcf, store)
    result = import_ops.import_records(store, records, options)
    assert result.value.people_added == 2 and result.changes.kinds >= {PEOPLE}
    assert store.person_count() == 2
    undo(store, result)
    assert store.person_count() == 0
    assert result.changes.kinds <= EVERYTHING

