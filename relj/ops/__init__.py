"""Every user-visible change, as one Qt-free operation (Anki's ``CollectionOp``/``OpChanges``).

An operation is a function ``op(store, ...) -> OpResult``. It runs in one transaction and returns
its result, what changed (kinds of data and the ids touched) and how to undo it. The undo is
itself an operation: calling ``result.undo(store)`` returns an ``OpResult`` whose own ``undo``
redoes the change. The CLI calls operations directly; the GUI's ``Journal`` calls the same ones,
pushes the undo onto its ``QUndoStack`` and emits ``changes`` so that models reload.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from relj.store import Store

T = TypeVar("T")

#: Kinds of change. Screens reload on the kinds they show.
PEOPLE = "people"
INTERACTIONS = "interactions"
INTERESTS = "interests"
OWNER = "owner"
RECONNECT = "reconnect"
SETTINGS = "settings"
IMPORTS = "imports"
TRASH = "trash"
SOURCES = "sources"
EVERYTHING = frozenset({PEOPLE, INTERACTIONS, INTERESTS, OWNER, RECONNECT, SETTINGS, IMPORTS, TRASH, SOURCES})


@dataclass(frozen=True)
class Changes:
    """What an operation changed: kinds of data, and the people and interactions it touched."""

    kinds: frozenset[str] = frozenset()
    people: frozenset[int] = frozenset()
    interactions: frozenset[int] = frozenset()

    @classmethod
    def of(cls, *kinds: str, people: Iterable[int] = (), interactions: Iterable[int] = ()) -> Changes:
        unknown = set(kinds) - EVERYTHING
        if unknown:
            raise ValueError(f"unknown kinds of change: {sorted(unknown)}")
        return cls(frozenset(kinds), frozenset(people), frozenset(interactions))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.people | other.people,
                       self.interactions | other.interactions)

    def __bool__(self) -> bool:
        return bool(self.kinds)


#: The inverse of an operation: an operation itself, already bound to its arguments.
Undo = Callable[["Store"], "OpResult[Any]"]


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """What an operation returns.

    ``label`` names the change for an undo menu ("Delete Ana"); ``message`` is the short sentence
    a user sees after it ("Moved Ana to the trash"). Both are plain English: the GUI may show its
    own translated words. ``undo`` is None for a change that cannot be undone.
    """

    value: T
    changes: Changes
    label: str
    message: str = ""
    undo: Undo | None = field(default=None, compare=False, repr=False)

    def with_undo(self, undo: Undo | None) -> OpResult[T]:
        return OpResult(self.value, self.changes, self.label, self.message, undo)
