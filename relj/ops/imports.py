"""Imports as operations: one import is one transaction, undone as a whole."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relj.ops import EVERYTHING, OWNER, Changes, OpResult

if TYPE_CHECKING:
    from relj.interop.engine import ImportOptions, ImportSummary, Progress, RecordSource
    from relj.store import Store


def import_records(
    store: Store, records: RecordSource, options: ImportOptions, progress: Progress | None = None
) -> OpResult[ImportSummary]:
    """Apply one file's records, all or nothing. A dry run changes nothing and cannot be undone."""
    from relj.interop.engine import run_import

    summary = run_import(store, records, options, progress)
    run_id = summary.run_id
    if options.dry_run or run_id is None:
        return OpResult(summary, Changes(), f"Import {options.file_name}", "Nothing was changed (a preview)")
    added = summary.people_added + summary.interactions_added
    return OpResult(summary, Changes.of(*EVERYTHING - {OWNER}) if added or summary.people_updated
                    or summary.interactions_updated else Changes(),
                    f"Import {options.file_name}", f"Imported {options.file_name}",
                    lambda s: undo_import(s, run_id))


def undo_import(store: Store, run_id: int) -> OpResult[dict[str, int]]:
    """Remove what one import added. Not redoable: run the import again."""
    from relj.interop.engine import undo_import as undo

    removed = undo(store, run_id)
    return OpResult(removed, Changes.of(*EVERYTHING - {OWNER}), "Undo import", "Undid the import")
