"""The Journal: the one QObject through which every GUI write passes (a thin adapter over relj.ops)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from relj import ops
from relj.domain import Channel, Interaction, Person, Status
from relj.errors import JournalBusy
from relj.ops import (
    EVERYTHING,
    INTERACTIONS,
    INTERESTS,
    OWNER,
    PEOPLE,
    RECONNECT,
    Changes,
    OpResult,
)
from relj.ops import imports as import_ops
from relj.ops import interactions as interaction_ops
from relj.ops import people as people_ops
from relj.ops import reconnect as reconnect_ops
from relj.store import Store

if TYPE_CHECKING:
    from relj.ui.workers import JournalTask

log = logging.getLogger(__name__)
T = TypeVar("T")

__all__ = ["EVERYTHING", "INTERACTIONS", "INTERESTS", "OWNER", "PEOPLE", "RECONNECT", "Journal"]


class _OpCommand(QUndoCommand):
    """One operation on the undo stack. Its first redo is the operation already run; later undos and
    redos run the inverse operations that each result carries."""

    def __init__(self, journal: Journal, text: str, result: OpResult[Any]) -> None:
        super().__init__(text)
        self._journal = journal
        self._undo = result.undo
        self._redo: ops.Undo | None = None
        self._first = True
        self.error: BaseException | None = None

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        # An exception cannot cross QUndoStack (C++): report it and keep the stack consistent.
        assert self._redo is not None
        try:
            result = self._journal._apply(self._redo)
        except Exception as exc:  # noqa: BLE001 - reported through Journal.error_raised
            self._journal._report(exc)
            return
        self._undo = result.undo

    def undo(self) -> None:
        assert self._undo is not None
        try:
            result = self._journal._apply(self._undo)
        except Exception as exc:  # noqa: BLE001 - reported through Journal.error_raised
            self._journal._report(exc)
            return
        self._redo = result.undo


class Journal(QObject):
    """Runs operations for the GUI, pushes their undo, and announces what changed.

    Models listen to ``changed`` (the kinds of change) and reload; no widget tells another widget to
    refresh. ``action_done`` carries the short sentence to show the user ("Snoozed Ana until 12 Dec").
    Writes made by another process (the CLI) are noticed by polling SQLite's data_version.
    """

    changed = Signal(frozenset)
    changes_made = Signal(object)  # relj.ops.Changes, with the ids touched
    error_raised = Signal(str)
    action_done = Signal(str, bool)  # message, undoable
    store_replaced = Signal(object)  # the new Store

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self._data_version = store.data_version()
        self._watch = QTimer(self)
        self._watch.setInterval(1500)
        self._watch.timeout.connect(self._check_external_changes)
        self._busy: str | None = None

    # -- plumbing ----------------------------------------------------------------------------
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
            self._announce(Changes(EVERYTHING))

    def _announce(self, changes: Changes) -> None:
        self._data_version = self.store.data_version()
        if changes:
            self.changed.emit(frozenset(changes.kinds))
            self.changes_made.emit(changes)

    def _apply(self, op: Callable[[Store], OpResult[T]]) -> OpResult[T]:
        result = op(self.store)
        self._announce(result.changes)
        return result

    def _report(self, exc: BaseException) -> None:
        log.warning("undo or redo failed: %s", type(exc).__name__)
        self.error_raised.emit(str(exc))

    def run(self, op: Callable[..., OpResult[T]], *args: Any, text: str | None = None,
            message: str | None = None, **kwargs: Any) -> T:
        """Run an operation, push its undo (if it has one), announce its changes and return its value.

        ``text`` names it on the undo stack and ``message`` is what the user reads; both default to the
        operation's own plain-English words. An error propagates and leaves no undo entry.
        """
        self._refuse_while_busy()
        result = op(self.store, *args, **kwargs)
        return self._finish(result, text, message)

    def _finish(self, result: OpResult[T], text: str | None, message: str | None) -> T:
        self._announce(result.changes)
        if result.undo is not None:
            self.undo_stack.push(_OpCommand(self, text or result.label, result))
        if result.changes or result.undo is not None:
            self.action_done.emit(message or result.message or result.label, result.undo is not None)
        return result.value

    def _refuse_while_busy(self) -> None:
        if self._busy is not None:
            raise JournalBusy(self.tr("The journal is busy (%s); try again when that is done.") % self._busy)

    @property
    def busy(self) -> str | None:
        """What a worker is doing to the journal now ("importing contacts.vcf"), or None."""
        return self._busy

    def run_on_worker(self, work: Callable[[Store, Callable[[int], bool]], OpResult[T]], *, busy: str,
                      connect: Callable[[JournalTask[Any]], None] | None = None,
                      text: str | None = None, message: str | None = None) -> T:
        """Run a long operation on a worker thread with its own connection (relj/ui/workers.py).

        ``work(store, progress)`` returns an OpResult; ``connect(task)`` may wire a progress dialog to
        ``task.progressed`` and its Cancel to ``task.cancel``. The window keeps painting meanwhile, and
        other writes are refused with a clear message. The result's undo is pushed as usual.
        """
        self._refuse_while_busy()
        self._busy = busy
        from relj.ui.workers import JournalTask  # a thread's machinery: not needed to start the app

        task: JournalTask[OpResult[T]] = JournalTask(self.store.path, work, self)
        if connect is not None:
            connect(task)
        try:
            result = task.wait_for()
        finally:
            self._busy = None
            task.deleteLater()
        return self._finish(result, text, message)

    def run_write(self, kinds: Iterable[str], fn: Callable[[], T]) -> T:
        """Run a write that has no undo of its own and announce ``kinds``."""
        self._refuse_while_busy()
        value = fn()
        self._announce(Changes(frozenset(kinds)))
        return value

    def replace_store(self, store: Store) -> None:
        """Switch to another open journal (after a restore): clear undo, tell every view."""
        old, self.store = self.store, store
        self.undo_stack.clear()
        self._data_version = store.data_version()
        if old is not store:
            old.close()
        self.store_replaced.emit(store)
        self._announce(Changes(EVERYTHING))

    def reload_all(self) -> None:
        self._announce(Changes(EVERYTHING))

    # -- people --------------------------------------------------------------------------------
    def add_person(self, name: str, **fields: Any) -> Person:
        return self.run(people_ops.add_person, name, text=self.tr("Add %s") % name, **fields)

    def update_person(self, person_id: int, **fields: Any) -> Person:
        return self.run(people_ops.update_person, person_id, **fields)

    def set_contacts(self, person_id: int, kind: str, values: Sequence[str]) -> None:
        self.run(people_ops.set_contacts, person_id, kind, values, text=self.tr("Edit contact details"))

    def set_interests(self, person_id: int, names: Sequence[str]) -> None:
        self.run(people_ops.set_interests, person_id, names, text=self.tr("Edit interests"))

    def delete_person(self, person_id: int) -> None:
        """Move to the trash with undo: Ctrl+Z puts the person, their interactions and links back."""
        name = self.store.person(person_id).display_name
        self.run(people_ops.delete_person, person_id, text=self.tr("Delete %s") % name,
                 message=self.tr("Moved %s to the trash") % name)

    def mark_not_duplicates(self, person_ids: Iterable[int]) -> None:
        self.run(people_ops.mark_not_duplicates, list(person_ids), text=self.tr("Not the same person"))

    def merge_people(self, keep: int, gone: int) -> dict[str, int]:
        """Join ``gone`` into ``keep``; undoable. Returns what the merge moved."""
        keep_name = self.store.person(keep).display_name
        return self.run(people_ops.merge_people, keep, gone, text=self.tr("Merge into %s") % keep_name)

    def add_relationship(self, a: int, b: int, kind: str, note: str = "") -> None:
        self.run(people_ops.add_relationship, a, b, kind, note, text=self.tr("Add relationship"))

    def remove_relationship(self, relationship_id: int, *_: Any) -> None:
        self.run(people_ops.remove_relationship, relationship_id, text=self.tr("Remove relationship"))

    def update_owner(self, **kwargs: Any) -> None:
        self.run(people_ops.update_owner, text=self.tr("Edit your details"), **kwargs)

    # -- interactions ----------------------------------------------------------------------------
    def log_interaction(
        self, channel: Channel | str, person_ids: Sequence[int], occurred_on: dt.date, **kwargs: Any
    ) -> Interaction:
        status = Status(kwargs.get("status", Status.DONE))
        text = self.tr("Plan meeting") if status is Status.PLANNED else self.tr("Log %s") % Channel(channel).label
        return self.run(interaction_ops.log_interaction, channel, person_ids, occurred_on, text=text, **kwargs)

    def update_interaction(self, interaction_id: int, **fields: Any) -> None:
        self.run(interaction_ops.update_interaction, interaction_id, text=self.tr("Edit interaction"), **fields)

    def delete_interaction(self, interaction_id: int) -> None:
        self.run(interaction_ops.delete_interaction, interaction_id, text=self.tr("Delete interaction"))

    def import_records(self, records: Any, options: Any, progress: Any = None) -> Any:
        """Run an import (on this thread; see relj/ui/workers.py for imports on a worker)."""
        return self.run(import_ops.import_records, records, options, progress)

    # -- reconnect actions -------------------------------------------------------------------------
    def plan_meeting(self, person_id: int, day: dt.date, channel: Channel | str, note: str = "") -> Interaction:
        """Plan a meeting: a planned interaction (undoable)."""
        return self.log_interaction(channel, [person_id], day, note=note, status=Status.PLANNED)

    def snooze(self, person_id: int, until: dt.date) -> None:
        self.run(reconnect_ops.snooze, person_id, until)

    def pause(self, person_id: int) -> None:
        self.run(reconnect_ops.pause, person_id)

    def resume(self, person_id: int) -> None:
        self.run(reconnect_ops.resume, person_id)

    def set_written_ok(self, person_id: int, ok: bool = True) -> None:
        self.run(reconnect_ops.set_written_ok, person_id, ok)

    def decide_followup(self, interaction_id: int, state: str) -> None:
        """Mark a thank-you follow-up "done" or "dismissed" (undoable)."""
        text = self.tr("Thank-you note sent") if state == "done" else self.tr("Dismiss follow-up")
        self.run(reconnect_ops.decide_followup, interaction_id, state, text=text)
