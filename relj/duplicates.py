"""Likely duplicate people across the journal: the same name as a person would write it, or a shared phone.

Imports create a new person when no email or phone number matches, so one friend can end up
twice: "Zoë Martin" from the address book and "zoe  martin" from a mailbox, or two cards with
the same mobile number. This module finds such groups; merging them is
``Store.merge_people`` (``relj merge``, or the Find duplicates dialog).

* **Names** match when they are equal after case folding, accent folding (NFKD without the
  combining marks: "Zoë" is "zoe") and whitespace collapsing. Nothing fuzzier: "Jon" and
  "John" may well be two people, and a wrong merge costs more than a missed one.
* **Phones** match on E.164 in the owner's region (``relj me --region``), as imports match them.
* Groups are joined transitively (A and B share a name, B and C a phone: one group of three),
  ordered by name. Emails are unique in a journal, so no two people share one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from relj.store import Store
from relj.store.imports import ImportTables, PersonBrief
from relj.store.resolve import name_key

#: Groups larger than this are listed with their first members only (a thousand "Support"
#: senders from a mailbox are one line, not a thousand).
MAX_GROUP = 50


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """People who are likely one person, and why."""

    people: tuple[PersonBrief, ...]
    same_name: bool
    same_phone: bool
    size: int  # how many in all; ``people`` holds at most MAX_GROUP of them

    @property
    def name(self) -> str:
        return self.people[0].name if self.people else ""

    @property
    def reason(self) -> str:
        if self.same_name and self.same_phone:
            return "same name and phone"
        return "same name" if self.same_name else "same phone"


class _Groups:
    """Union-find over person ids."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        root = self.parent.setdefault(x, x)
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def join(self, ids: Iterable[int]) -> None:
        it = iter(ids)
        first = next(it, None)
        if first is None:
            return
        a = self.find(first)
        for other in it:
            b = self.find(other)
            if a != b:
                self.parent[max(a, b)] = min(a, b)
                a = min(a, b)


def find_duplicates(store: Store) -> list[DuplicateGroup]:
    """Every group of likely duplicates in the journal, ordered by name (then by first id)."""
    from relj.interop.phone import phone_key

    t = ImportTables(store)
    region = store.owner().region or None
    by_name: dict[str, list[int]] = {}
    for pid, name in t.person_names():
        key = name_key(name)
        if key:
            by_name.setdefault(key, []).append(pid)
    by_phone: dict[str, list[int]] = {}
    for pid, value in t.phone_points():
        key = phone_key(value, region)
        if key and pid not in by_phone.get(key, ()):
            by_phone.setdefault(key, []).append(pid)
    groups = _Groups()
    name_groups = [ids for ids in by_name.values() if len(ids) > 1]
    phone_groups = [ids for ids in by_phone.values() if len(ids) > 1]
    for ids in name_groups + phone_groups:
        groups.join(ids)
    named = {groups.find(ids[0]) for ids in name_groups}
    phoned = {groups.find(ids[0]) for ids in phone_groups}
    members: dict[int, list[int]] = {}
    for pid in groups.parent:
        members.setdefault(groups.find(pid), []).append(pid)
    distinct = distinct_sets(store)
    found = [(root, sorted(ids)) for root, ids in members.items()
             if len(ids) > 1 and not any(set(ids) <= known for known in distinct)]
    shown = [ids[:MAX_GROUP] for _, ids in found]
    briefs = {b.id: b for b in t.person_briefs([i for ids in shown for i in ids])}
    out = []
    for (root, ids), head in zip(found, shown, strict=True):
        out.append(DuplicateGroup(
            people=tuple(briefs[i] for i in head if i in briefs),
            same_name=root in named,
            same_phone=root in phoned,
            size=len(ids),
        ))
    out.sort(key=lambda g: (name_key(g.name), g.people[0].id if g.people else 0))
    return out


#: Journal setting: groups the user said are different people, as lists of person ids.
DISTINCT_SETTING = "duplicates_distinct"


def distinct_sets(store: Store) -> list[frozenset[int]]:
    """Groups marked "not the same person"; a group is hidden while all its members are in one."""
    value = store.get_setting(DISTINCT_SETTING, [])
    return [frozenset(int(i) for i in ids) for ids in value if isinstance(ids, list)]


def with_distinct(store: Store, ids: Iterable[int]) -> list[list[int]]:
    """The setting's value after marking ``ids`` as different people (no write)."""
    group = frozenset(ids)
    kept = [sorted(known) for known in distinct_sets(store) if not known <= group]
    return sorted([*kept, sorted(group)])
