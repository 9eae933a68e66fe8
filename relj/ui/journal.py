"""The Journal: one QObject through which every GUI write passes and which announces what changed."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from relj.domain import Channel, Interaction, Person, Status
from relj.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Kinds of change that screens listen for.
PEOPLE = "people"
INTERACTIONS = "interactions"
INTERESTS = "interests"
OWNER = "owner"
RECONNECT = "reconnect"
EVERYTHING = frozenset({PEOPLE, INTERACTIONS, INTERESTS, OWNER, RECONNECT})


class _Command(QUndoCommand):
    """An undoable write: ``redo`` and ``undo`` callables plus the kinds of change they make."""

    def __init__(self, journal: Journal, text: str, redo: Callable[[], Any], undo: Callable[[], Any],
                 kinds: frozenset[str]) -> None:
        super().__init__(text)
        self._journal = journal
        self._redo = redo
        self._undo = undo
        self._kinds = kinds
        self.error: BaseException | None = None

    def redo(self) -> None:
        # An exception cannot cross QUndoStack.push (C++): keep it, mark the command obsolete so
        # the stack drops it (a failed write leaves no undo entry), and let Journal._push re-raise it.
        try:
            self._journal._run(self._kinds, self._redo)
        except Exception as exc:  # noqa: BLE001 - re-raised by Journal._push
            self.error = exc
            self.setObsolete(True)

    def undo(self) -> None:
        self._journal._run(self._kinds, self._undo)


class Journal(QObject):
    """Wraps the Store for the GUI. Mutators write, then emit ``changed(kinds)``.

    Models listen to ``changed`` and reload; no widget tells another widget to refresh.
    Writes made by another process (the CLI) are noticed by polling SQLite's data_version.
    """

    changed = Signal(frozenset)
    error_raised = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self._data_version = store.data_version()
        self._watch = QTimer(self)
        self._watch.setInterval(1500)
        self._watch.timeout.connect(self._check_external_changes)

    def watch_external_changes(self, enabled: bool = True) -> None:
        """Poll for commits by other connections (e.g. `relj log` while the app is open)."""
        if enabled:
            self._watch.start()
        else:
            self._watch.stop()

    def _check_external_changes(self) -> None:
        version = self.store.data_version()
        if version != self._data_version:
            self._data_version = version
            log.info("journal changed by another process; reloading")
            self.changed.emit(EVERYTHING)

    def _push(self, command: _Command) -> None:
        """Push an undoable write; a write that failed raises its own error and leaves no undo entry."""
        self.undo_stack.push(command)
        if command.error is not None:
            error, command.error = command.error, None
            raise error

    def _run(self, kinds: frozenset[str], fn: Callable[[], T]) -> T:
        result = fn()
        self._data_version = self.store.data_version()
        self.changed.emit(frozenset(kinds))
        return result

    def run_write(self, kinds: Iterable[str], fn: Callable[[], T]) -> T:
        """Run a write that has no undo of its own (an import: `relj import undo` reverses it) and
        announce ``kinds``. Returns what ``fn`` returns; an exception leaves nothing announced."""
        return self._run(frozenset(kinds), fn)

    # -- people --------------------------------------------------------------------------
    def add_person(self, name: str, **fields: Any) -> Person:
        """Add a person; undoable (the undo deletes them)."""
        state: dict[str, Any] = {}

        def redo() -> None:
            if "snapshot" in state:
                self.store.restore_snapshot(state["snapshot"])
            else:
                state["person"] = self.store.add_person(name, **fields)

        def undo() -> None:
            state["snapshot"] = self.store.delete_person(state["person"].id)

        self._push(_Command(self, self.tr("Add %s") % name, redo, undo,
                                      frozenset({PEOPLE, INTERESTS, RECONNECT})))
        return self.store.person(state["person"].id)

    def update_person(self, person_id: int, **fields: Any) -> Person:
        before = self.store.person(person_id)
        old = {k: getattr(before, k) for k in fields}
        self._push(_Command(
            self, self.tr("Edit %s") % before.display_name,
            lambda: self.store.update_person(person_id, **fields),
            lambda: self.store.update_person(person_id, **old),
            frozenset({PEOPLE, RECONNECT}),
        ))
        return self.store.person(person_id)

    def set_contacts(self, person_id: int, kind: str, values: Sequence[str]) -> None:
        before = [c.value for c in self.store.person(person_id).contacts if c.kind.value == kind]
        self._push(_Command(
            self, self.tr("Edit contact details"),
            lambda: self.store.set_contacts(person_id, kind, values),
            lambda: self.store.set_contacts(person_id, kind, before),
            frozenset({PEOPLE}),
        ))

    def set_interests(self, person_id: int, names: Sequence[str]) -> None:
        before = list(self.store.person(person_id).interests)
        self._push(_Command(
            self, self.tr("Edit interests"),
            lambda: self.store.set_person_interests(person_id, names),
            lambda: self.store.set_person_interests(person_id, before),
            frozenset({PEOPLE, INTERESTS, RECONNECT}),
        ))

    def delete_person(self, person_id: int) -> None:
        """Delete with undo: Ctrl+Z puts the person, their interactions and links back."""
        name = self.store.person(person_id).display_name
        state: dict[str, Any] = {}

        def redo() -> None:
            state["snapshot"] = self.store.delete_person(person_id)

        def undo() -> None:
            self.store.restore_snapshot(state["snapshot"])

        self._push(_Command(self, self.tr("Delete %s") % name, redo, undo, EVERYTHING))

    def mark_not_duplicates(self, person_ids: Iterable[int]) -> None:
        """Remember that these people are different people (Find duplicates stops listing them); undoable."""
        from relj.duplicates import DISTINCT_SETTING, with_distinct

        before = self.store.get_setting(DISTINCT_SETTING, [])
        after = with_distinct(self.store, person_ids)
        self._push(_Command(self, self.tr("Not the same person"),
                            lambda: self.store.set_setting(DISTINCT_SETTING, after),
                            lambda: self.store.set_setting(DISTINCT_SETTING, before),
                            frozenset({PEOPLE})))

    def merge_people(self, keep: int, gone: int) -> dict[str, int]:
        """Join ``gone`` into ``keep`` (see ImportTables.merge); undoable: Ctrl+Z puts both back
        as they were, with their own contact points, interests and interactions.

        Returns what the merge moved (contact points, interests, interactions, relationships, fields).
        """
        from relj.interop.engine import merge_people
        from relj.store.imports import ImportTables

        keep_name = self.store.person(keep).display_name
        self.store.person(gone)  # NotFound before anything is pushed
        state: dict[str, Any] = {}

        def redo() -> None:
            with self.store.atomic():
                state["snapshot"] = ImportTables(self.store).merge_snapshot(keep, gone)
                state["result"] = merge_people(self.store, keep, gone)

        def undo() -> None:
            with self.store.atomic():
                ImportTables(self.store).unmerge(state["snapshot"])

        self._push(_Command(self, self.tr("Merge into %s") % keep_name, redo, undo, EVERYTHING))
        return dict(state["result"])

    def add_relationship(self, a: int, b: int, kind: str, note: str = "") -> None:
        state: dict[str, Any] = {}

        def redo() -> None:
            state["rel"] = self.store.add_relationship(a, b, kind, note)

        self._push(_Command(self, self.tr("Add relationship"), redo,
                                      lambda: self.store.remove_relationship(state["rel"].id),
                                      frozenset({PEOPLE})))

    def remove_relationship(self, relationship_id: int, a: int, b: int, kind: str, note: str = "") -> None:
        state = {"id": relationship_id}

        def redo() -> None:
            self.store.remove_relationship(state["id"])

        def undo() -> None:
            state["id"] = self.store.add_relationship(a, b, kind, note).id

        self._push(_Command(self, self.tr("Remove relationship"), redo, undo, frozenset({PEOPLE})))

    def update_owner(self, **kwargs: Any) -> None:
        self._run(frozenset({OWNER, INTERESTS, RECONNECT}), lambda: self.store.update_owner(**kwargs))

    # -- interactions ----------------------------------------------------------------------
    def log_interaction(
        self, channel: Channel | str, person_ids: Sequence[int], occurred_on: dt.date, **kwargs: Any
    ) -> Interaction:
        state: dict[str, Any] = {}

        def redo() -> None:
            if "snapshot" in state:
                self.store.restore_snapshot(state["snapshot"])
            else:
                state["interaction"] = self.store.log_interaction(channel, person_ids, occurred_on, **kwargs)

        def undo() -> None:
            state["snapshot"] = self.store.delete_interaction(state["interaction"].id)

        status = Status(kwargs.get("status", Status.DONE))
        text = self.tr("Plan meeting") if status is Status.PLANNED else self.tr("Log %s") % Channel(channel).label
        self._push(_Command(self, text, redo, undo, frozenset({INTERACTIONS, PEOPLE, RECONNECT})))
        return self.store.interaction(state["interaction"].id)

    def update_interaction(self, interaction_id: int, **fields: Any) -> None:
        before = self.store.interaction(interaction_id)
        old = {k: getattr(before, k) for k in fields}
        self._push(_Command(
            self, self.tr("Edit interaction"),
            lambda: self.store.update_interaction(interaction_id, **fields),
            lambda: self.store.update_interaction(interaction_id, **old),
            frozenset({INTERACTIONS, PEOPLE, RECONNECT}),
        ))

    def delete_interaction(self, interaction_id: int) -> None:
        state: dict[str, Any] = {}

        def redo() -> None:
            state["snapshot"] = self.store.delete_interaction(interaction_id)

        self._push(_Command(self, self.tr("Delete interaction"), redo,
                                      lambda: self.store.restore_snapshot(state["snapshot"]),
                                      frozenset({INTERACTIONS, PEOPLE, RECONNECT})))

    def reload_all(self) -> None:
        self.changed.emit(EVERYTHING)

    # --- reconnect actions ---
    def plan_meeting(self, person_id: int, day: dt.date, channel: Channel | str, note: str = "") -> Interaction:
        """Plan a meeting: a planned interaction (undoable)."""
        return self.log_interaction(channel, [person_id], day, note=note, status=Status.PLANNED)

    def snooze(self, person_id: int, until: dt.date) -> None:
        self.update_person(person_id, snoozed_until=until)

    def pause(self, person_id: int) -> None:
        self.update_person(person_id, paused=True)

    def resume(self, person_id: int) -> None:
        self.update_person(person_id, paused=False, snoozed_until=None)

    def set_written_ok(self, person_id: int, ok: bool = True) -> None:
        self.update_person(person_id, written_ok=ok)

    def decide_followup(self, interaction_id: int, state: str) -> None:
        """Mark a thank-you follow-up "done" or "dismissed" (undoable)."""
        from relj.store import reconnect as rq

        text = self.tr("Thank-you note sent") if state == "done" else self.tr("Dismiss follow-up")
        self._push(_Command(
            self, text,
            lambda: rq.decide_followup(self.store, interaction_id, state),
            lambda: rq.undo_followup(self.store, interaction_id),
            frozenset({RECONNECT}),
        ))
