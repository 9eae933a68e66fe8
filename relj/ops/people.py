"""Operations on people: add, edit, delete (to the trash), restore, merge, relate, and the owner."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from relj.domain import ContactKind, Owner, Person, Relationship, TrashItem
from relj.errors import UserError
from relj.ops import EVERYTHING, INTERESTS, OWNER, PEOPLE, RECONNECT, TRASH, Changes, OpResult
from relj.store import trash

if TYPE_CHECKING:
    from relj.store import Store

#: Person fields an edit may change (the store checks each value).
EDITABLE = frozenset({
    "display_name", "given_name", "family_name", "nickname", "organisation", "role", "how_met", "birthday",
    "notes", "circle", "tracked", "cadence_rich_days", "cadence_any_days", "paused", "written_ok",
    "snoozed_until", "prefers", "best_time",
})


def _person_changes(person_id: int) -> Changes:
    return Changes.of(PEOPLE, INTERESTS, RECONNECT, people=[person_id])


# -- add and delete ----------------------------------------------------------------------------
def add_person(store: Store, name: str, **fields: Any) -> OpResult[Person]:
    """Add a person. Undo removes them (not to the trash: they never existed)."""
    with store.atomic():
        person = store.add_person(name, **fields)
    return OpResult(person, _person_changes(person.id), f"Add {person.display_name}",
                    f"Added {person.display_name}", lambda s: _unadd(s, person.id))


def _unadd(store: Store, person_id: int) -> OpResult[None]:
    with store.atomic():
        name = store.person(person_id).display_name
        snapshot = store.delete_person(person_id)
    return OpResult(None, Changes.of(*EVERYTHING - {OWNER}, people=[person_id]), f"Add {name}",
                    f"Removed {name}", lambda s: _readd(s, snapshot, person_id))


def _readd(store: Store, snapshot: dict[str, Any], person_id: int) -> OpResult[Person]:
    store.restore_snapshot(snapshot)
    person = store.person(person_id)
    return OpResult(person, _person_changes(person_id), f"Add {person.display_name}",
                    f"Added {person.display_name}", lambda s: _unadd(s, person_id))


def delete_person(store: Store, person_id: int) -> OpResult[TrashItem]:
    """Move a person to the trash (kept 30 days) with the interactions only they took part in."""
    item = trash.trash_person(store, person_id)
    return OpResult(item, Changes.of(*EVERYTHING - {OWNER}, people=[person_id]), f"Delete {item.label}",
                    f"Moved {item.label} to the trash", lambda s: restore_person(s, item.id))


def restore_person(store: Store, trash_id: int) -> OpResult[Person]:
    """Take a person out of the trash, with the ids they had."""
    person = trash.restore_from_trash(store, trash_id)
    return OpResult(person, Changes.of(*EVERYTHING - {OWNER}, people=[person.id]),
                    f"Restore {person.display_name}", f"Restored {person.display_name}",
                    lambda s: delete_person(s, person.id))


def empty_old_trash(store: Store, today: Any) -> OpResult[int]:
    """Forget what the trash has held for more than 30 days (not undoable: that is the promise)."""
    n = trash.empty_old_trash(store, today)
    return OpResult(n, Changes.of(TRASH) if n else Changes(), "Empty the trash", "")


# -- edit ----------------------------------------------------------------------------------------
def edit_person(
    store: Store,
    person_id: int,
    fields: dict[str, Any] | None = None,
    *,
    add_emails: Iterable[str] = (),
    remove_emails: Iterable[str] = (),
    add_phones: Iterable[str] = (),
    add_interests: Iterable[str] = (),
    remove_interests: Iterable[str] = (),
    contacts: dict[str, Sequence[str]] | None = None,
    interests: Sequence[str] | None = None,
    label: str | None = None,
    message: str | None = None,
) -> OpResult[Person]:
    """Change a person in one transaction: fields, contact points and interests. Undo puts back
    exactly what was there (fields, every contact point with its label, interests)."""
    fields = dict(fields or {})
    unknown = set(fields) - EDITABLE
    if unknown:
        raise TypeError(f"unknown person fields: {sorted(unknown)}")
    with store.atomic():
        before = store.person(person_id)
        if fields:
            store.update_person(person_id, **fields)
        for kind, values in (contacts or {}).items():
            store.set_contacts(person_id, kind, values)
        for email in add_emails:
            store.add_contact(person_id, ContactKind.EMAIL, email)
        for email in remove_emails:
            if not store.remove_contact(person_id, ContactKind.EMAIL, email):
                raise UserError(f"{before.display_name} has no address {email}")
        for phone in add_phones:
            store.add_contact(person_id, ContactKind.PHONE, phone)
        if interests is not None:
            store.set_person_interests(person_id, interests)
        for name in add_interests:
            store.add_person_interest(person_id, name)
        remove = {r.casefold() for r in remove_interests}
        if remove:
            store.set_person_interests(
                person_id, [i for i in store.person(person_id).interests if i.casefold() not in remove])
        after = store.person(person_id)
    text = label or f"Edit {before.display_name}"
    return OpResult(after, _person_changes(person_id), text, message or f"Updated {after.display_name}",
                    lambda s: _put_back(s, before, after, text))


def _state_fields(p: Person) -> dict[str, Any]:
    return {k: getattr(p, k) for k in EDITABLE if hasattr(p, k)}


def _put_back(store: Store, target: Person, current: Person, label: str) -> OpResult[Person]:
    """Make the person look like ``target`` again; the undo of this goes back to ``current``."""
    with store.atomic():
        was, now_fields = _state_fields(target), _state_fields(store.person(target.id))
        changed = {k: v for k, v in was.items() if now_fields.get(k) != v}
        if changed:
            store.update_person(target.id, **changed)
        for kind in ContactKind:
            wanted = [c for c in target.contacts if c.kind is kind]
            if wanted != [c for c in store.person(target.id).contacts if c.kind is kind]:
                store.set_contacts(target.id, kind, [])
                for c in wanted:
                    store.add_contact(target.id, kind, c.value, label=c.label)
        store.set_person_interests(target.id, target.interests)
        now = store.person(target.id)
    return OpResult(now, _person_changes(target.id), label, f"Undid: {label}",
                    lambda s: _put_back(s, current, now, label))


def update_person(store: Store, person_id: int, **fields: Any) -> OpResult[Person]:
    return edit_person(store, person_id, fields)


def set_contacts(store: Store, person_id: int, kind: ContactKind | str, values: Sequence[str]) -> OpResult[Person]:
    return edit_person(store, person_id, contacts={ContactKind(kind).value: list(values)},
                       label="Edit contact details")


def set_interests(store: Store, person_id: int, names: Sequence[str]) -> OpResult[Person]:
    return edit_person(store, person_id, interests=list(names), label="Edit interests")


# -- merge and duplicates --------------------------------------------------------------------------
def merge_people(store: Store, keep: int, gone: int) -> OpResult[dict[str, int]]:
    """Join ``gone`` into ``keep``. Undo puts both back as they were."""
    with store.atomic():
        keep_name = store.person(keep).display_name
        store.person(gone)
        snapshot = store.merge_snapshot(keep, gone)
        moved = store.merge_people(keep, gone)
    return OpResult(dict(moved), Changes.of(*EVERYTHING - {OWNER}, people=[keep, gone]),
                    f"Merge into {keep_name}", f"Merged into {keep_name}",
                    lambda s: _unmerge(s, snapshot, keep, gone, keep_name))


def _unmerge(store: Store, snapshot: Any, keep: int, gone: int, keep_name: str) -> OpResult[None]:
    with store.atomic():
        store.unmerge(snapshot)
    return OpResult(None, Changes.of(*EVERYTHING - {OWNER}, people=[keep, gone]), f"Merge into {keep_name}",
                    "Separated them again", lambda s: merge_people(s, keep, gone))


def mark_not_duplicates(store: Store, person_ids: Iterable[int]) -> OpResult[None]:
    """Remember that these people are different people (Find duplicates stops listing them)."""
    from relj.duplicates import DISTINCT_SETTING, with_distinct

    ids = list(person_ids)
    before = store.get_setting(DISTINCT_SETTING, [])
    after = with_distinct(store, ids)
    return _set_setting(store, DISTINCT_SETTING, after, before, "Not the same person", ids)


def _set_setting(store: Store, key: str, value: Any, before: Any, label: str, ids: Sequence[int]) -> OpResult[None]:
    store.set_setting(key, value)
    return OpResult(None, Changes.of(PEOPLE, people=ids), label, label,
                    lambda s: _set_setting(s, key, before, value, label, ids))


# -- relationships ---------------------------------------------------------------------------------
def add_relationship(store: Store, a: int, b: int, kind: str, note: str = "") -> OpResult[Relationship]:
    with store.atomic():
        rel = store.add_relationship(a, b, kind, note)
    return OpResult(rel, Changes.of(PEOPLE, people=[a, b]), "Add relationship",
                    f"{rel.person_a.name} is {rel.kind.value} of {rel.person_b.name}",
                    lambda s: remove_relationship(s, rel.id))


def remove_relationship(store: Store, relationship_id: int) -> OpResult[None]:
    with store.atomic():
        rel = store.relationship(relationship_id)
        store.remove_relationship(relationship_id)
    a, b = rel.person_a.id, rel.person_b.id
    return OpResult(None, Changes.of(PEOPLE, people=[a, b]), "Remove relationship", "Removed the relationship",
                    lambda s: add_relationship(s, a, b, rel.kind.value, rel.note))


# -- the owner -------------------------------------------------------------------------------------
def update_owner(store: Store, **changes: Any) -> OpResult[Owner]:
    """Change who you are (name, region, addresses, interests). Undo puts the previous values back."""
    with store.atomic():
        before = store.owner()
        after = store.update_owner(**changes)
    return OpResult(after, Changes.of(OWNER, INTERESTS, RECONNECT), "Edit your details", "Saved your details",
                    lambda s: _owner_back(s, before, after))


def _owner_back(store: Store, target: Owner, current: Owner) -> OpResult[Owner]:
    with store.atomic():
        now = store.update_owner(
            name=target.name, region=target.region,
            add_emails=[e for e in target.emails if e not in current.emails],
            remove_emails=[e for e in current.emails if e not in target.emails],
            add_interests=[i for i in target.interests if i not in current.interests],
            remove_interests=[i for i in current.interests if i not in target.interests],
        )
    return OpResult(now, Changes.of(OWNER, INTERESTS, RECONNECT), "Edit your details", "Undid: Edit your details",
                    lambda s: _owner_back(s, current, now))
