"""Sources as operations: add, remove, switch on or off, and read (sync), each undoable.

Adding a source only records it: nothing is read until a sync. Removing one forgets how far it
was read (its undo puts that back too); what it imported stays, in `import history`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relj.clock import now_iso
from relj.ops import EVERYTHING, OWNER, SOURCES, Changes, OpResult
from relj.sources.options import check_kind, check_options, check_path
from relj.store import sources as table
from relj.store.sources import Source

if TYPE_CHECKING:
    from relj.sources.sync import SyncResult
    from relj.store import Store


def add_source(store: Store, kind: str, path: Path | str, options: Mapping[str, Any] | None = None) -> OpResult[Source]:
    """Record a source (checked: kind, path, options); nothing is read until a sync."""
    check_kind(kind)
    clean = check_options(kind, options or {})
    full = check_path(kind, Path(path))
    with store.atomic():
        source_id = table.insert_source(store, kind, full, clean, now_iso())
        source = table.get_source(store, source_id)
    return OpResult(source, Changes.of(SOURCES), f"Add source {full.name}", f"Added {full.name} as a {kind} source",
                    lambda s: _remove(s, source_id, f"Add source {full.name}"))


def remove_source(store: Store, source_id: int) -> OpResult[None]:
    """Forget a source and how far it was read. What it imported stays (see `import history`)."""
    source = table.get_source(store, source_id)
    return _remove(store, source.id, f"Remove source {source.path.name}")


def _remove(store: Store, source_id: int, label: str) -> OpResult[None]:
    with store.atomic():
        snap = table.snapshot(store, source_id)
        table.delete_source(store, source_id)
    name = Path(str(snap["source"]["path"])).name
    return OpResult(None, Changes.of(SOURCES), label, f"Removed the source {name}",
                    lambda s: _restore(s, snap, label))


def _restore(store: Store, snap: Mapping[str, Any], label: str) -> OpResult[None]:
    with store.atomic():
        source_id = table.restore(store, snap)
    name = Path(str(snap["source"]["path"])).name
    return OpResult(None, Changes.of(SOURCES), label, f"Put back the source {name}",
                    lambda s: _remove(s, source_id, label))


def set_enabled(store: Store, source_id: int, enabled: bool) -> OpResult[Source]:
    """Read a source on every sync, or not (it is kept, with how far it was read)."""
    with store.atomic():
        before = table.get_source(store, source_id)
        table.set_enabled(store, source_id, enabled)
        source = table.get_source(store, source_id)
    verb = "Switch on" if enabled else "Switch off"
    return OpResult(source, Changes.of(SOURCES), f"{verb} {source.path.name}",
                    f"{source.path.name} is read on every sync" if enabled else f"{source.path.name} is not read",
                    lambda s: set_enabled(s, source_id, before.enabled))


def sync(
    store: Store, ids: Sequence[int] | None = None, progress: Callable[[int, int], None] | None = None,
    keep_going: Callable[[], bool] | None = None,
) -> OpResult[list[SyncResult]]:
    """Read the sources (see relj.sources.sync; ``keep_going()`` False stops it). Its undo removes
    what every read added."""
    from relj.sources.sync import sync_sources

    results = sync_sources(store, ids, progress, keep_going)
    runs = [r.import_id for r in results if r.import_id is not None]
    people = sum(r.added[0] for r in results)
    interactions = sum(r.added[1] for r in results)
    message = f"Read {len(results)} source{'s' if len(results) != 1 else ''}: " \
              f"{people} people and {interactions} interactions added"
    changes = Changes.of(*EVERYTHING - {OWNER}) if runs else Changes.of(SOURCES)
    return OpResult(results, changes, "Read sources", message, (lambda s: undo_sync(s, runs)) if runs else None)


def undo_sync(store: Store, runs: Sequence[int]) -> OpResult[dict[str, int]]:
    """Remove what these reads added (each one's import, undone). Not redoable: sync again...
    though a source reads on from where it stopped, so what was undone stays undone."""
    from relj.interop.engine import undo_import

    total: dict[str, int] = {}
    with store.atomic():
        for run_id in runs:
            for key, value in undo_import(store, run_id).items():
                total[key] = total.get(key, 0) + value
    return OpResult(total, Changes.of(*EVERYTHING - {OWNER}), "Undo read sources", "Undid the read")
