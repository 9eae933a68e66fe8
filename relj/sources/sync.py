"""Read sources: each one's new records as ONE import (undoable in `import history`), then its new state.

A source that is gone or cannot be read gets its ``error`` (one sentence) and the others are still
read. The import and the reading state are written in one transaction: a read that fails leaves
the state where it was, and the next sync reads the same again. Nothing is read twice: the import
engine recognises what it has seen (by Message-ID, event UID, call time...) and only fills empty
fields, so an edited person is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from relj import clock
from relj.errors import JournalBusy, JournalCorrupt, NotFound, StorageError, UserError
from relj.interop.engine.report import ImportCancelled
from relj.interop.records import Record
from relj.sources import readers
from relj.sources.readers import Context, Part
from relj.store import Store
from relj.store import sources as table
from relj.store.sources import FileState, Source

log = logging.getLogger(__name__)

#: Formats that bring people: read first, so that calls and messages find them.
_CONTACTS_FIRST = {"vcard": 0, "csv": 0}


@dataclass(frozen=True)
class SyncResult:
    """What one source's read did: what it added (people, interactions), what it skipped, why it failed."""

    id: int
    added: tuple[int, int]
    skipped: int
    error: str | None
    import_id: int | None  # the import-history entry (undoable), None when nothing was added
    #: The read was stopped by the user while this source was read: nothing of it was kept, and
    #: the next read starts it again. No source after it was read.
    stopped: bool = False


@dataclass
class _Plan:
    parts: list[Part] = field(default_factory=list)
    states: list[FileState] = field(default_factory=list)  # to keep though nothing is read
    removed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # files that could not be read and did not change since


def sync_sources(
    store: Store,
    ids: Sequence[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
    keep_going: Callable[[], bool] | None = None,
) -> list[SyncResult]:
    """Read the enabled sources (or exactly ``ids``, enabled or not), each as one import.

    ``progress(done, total)`` is called before the first source and after each one. ``keep_going()``
    is asked between sources and every few hundred records: False stops the read. The source under
    way is then left as it was (its transaction is rolled back; the last result says ``stopped``);
    those read before it keep what they added.
    """
    if ids is None:
        chosen = [s for s in table.list_sources(store) if s.enabled]
    else:
        chosen = [table.get_source(store, i) for i in dict.fromkeys(ids)]
    today = clock.today()
    results: list[SyncResult] = []
    if progress is not None:
        progress(0, len(chosen))
    for n, source in enumerate(chosen, 1):
        if keep_going is not None and not keep_going():
            break
        try:
            results.append(sync_one(store, source, today, keep_going))
        except ImportCancelled:
            log.info("source %d: read stopped by the user; nothing of it kept", source.id)
            results.append(SyncResult(source.id, (0, 0), 0, None, None, stopped=True))
            break
        if progress is not None:
            progress(n, len(chosen))
    return results


def sync_one(store: Store, source: Source, today: dt.date | None = None,
             keep_going: Callable[[], bool] | None = None) -> SyncResult:
    """Read one source; its error (a sentence) instead of an exception when it cannot be read.
    ImportCancelled (``keep_going()`` said no) is raised, with nothing of this source kept."""
    today = today or clock.today()
    try:
        ctx = Context.of(store, source.options, today)
        plan = _plan(ctx, source, table.files(store, source.id))
        if not plan.parts:
            error = _sentence(plan.errors[0]) if plan.errors else None
            with store.atomic():
                table.save_files(store, source.id, plan.states, plan.removed)
                table.record_read(store, source.id, when=clock.now_iso(), people=0, interactions=0, import_id=None)
                table.set_error(store, source.id, error)
            return SyncResult(source.id, (0, 0), 0, error, None)
        return _import(store, source, ctx, plan, keep_going)
    except (StorageError, JournalBusy, JournalCorrupt, ImportCancelled):
        raise  # the journal's trouble, not the source's; or the user stopped the read
    except NotFound as exc:
        return _failed(store, source, str(exc))
    except UserError as exc:
        return _failed(store, source, str(exc))
    except OSError as exc:
        return _failed(store, source, _os_sentence(source.path, exc))
    except Exception:  # a bug in a reader: logged, and the other sources are still read
        log.exception("source %d: unexpected error while reading it", source.id)
        return _failed(store, source, "relj could not read it because of an unexpected error (see the log)")


def _failed(store: Store, source: Source, error: str) -> SyncResult:
    log.info("source %d could not be read", source.id)
    with store.atomic():
        table.set_error(store, source.id, _sentence(error))
    return SyncResult(source.id, (0, 0), 0, _sentence(error), None)


def _sentence(text: str) -> str:
    text = " ".join(text.split()) or "it could not be read"
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def _os_sentence(path: Path, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"{path} is not there any more: it was moved, renamed or deleted"
    if isinstance(exc, PermissionError):
        return f"relj may not read {path} (permission denied)"
    return f"cannot read {path}: {exc.strerror or exc}"


def _import(store: Store, source: Source, ctx: Context, plan: _Plan,
            keep_going: Callable[[], bool] | None = None) -> SyncResult:
    from relj.interop.engine import ImportOptions, run_import

    parts = sorted(plan.parts, key=lambda p: (_CONTACTS_FIRST.get(p.kind, 1), p.name))
    options = ImportOptions(
        fmt=source.kind, file_name=source.path.name or str(source.path), skip_bad=True,
        create_people=bool(source.options.get("create_people")),
        min_messages=int(source.options.get("min_messages", 1)),
        me_addresses=tuple(source.options.get("me", ())), me_names=ctx.me_names,
    )

    def records() -> Iterator[Record]:
        for part in parts:
            yield from part.records()

    with store.atomic():
        summary = run_import(store, records, options, (lambda _count: keep_going()) if keep_going else None)
        states = [s for p in parts for s in p.states()]
        table.save_files(store, source.id, [*plan.states, *states], plan.removed)
        changed = (summary.added or summary.updated or summary.contact_points_added or summary.interests_added)
        run_id = summary.run_id
        if not changed and run_id is not None:
            table.drop_empty_run(store, run_id)
            run_id = None
        table.record_read(store, source.id, when=clock.now_iso(), people=summary.people_added,
                          interactions=summary.interactions_added, import_id=run_id)
        failed = next((p.failed for p in parts if p.failed), None) or next(iter(plan.errors), None)
        if failed:
            table.set_error(store, source.id, _sentence(failed))
    skipped = summary.skipped_total + len(summary.bad)
    log.info("source %d read: people +%d interactions +%d skipped %d import %s", source.id,
             summary.people_added, summary.interactions_added, skipped, run_id)
    return SyncResult(source.id, (summary.people_added, summary.interactions_added), skipped,
                      _sentence(failed) if failed else None, run_id)


# -- what to read -------------------------------------------------------------------------------
def _plan(ctx: Context, source: Source, states: dict[str, FileState]) -> _Plan:
    path = source.path
    if source.kind == "maildir":
        return _plan_maildir(ctx, path, states)
    if source.kind == "phone-inbox":
        return _plan_inbox(ctx, path, states)
    plan = _Plan()
    _plan_file(plan, source.kind, path, "", states.get(""), ctx)
    return plan


def _plan_file(plan: _Plan, kind: str, path: Path, name: str, old: FileState | None, ctx: Context) -> None:
    part, state = readers.plan_file(kind, path, name, old, ctx)
    if part is not None:
        plan.parts.append(part)
    elif state is not None:
        plan.states.append(state)
    elif old is not None and old.state.get("failed"):
        plan.errors.append(str(old.state["failed"]))  # unchanged since it could not be read


def _folder(path: Path) -> None:
    info = os.stat(path)
    if not stat.S_ISDIR(info.st_mode):
        raise UserError(f"{path} is not a folder any more")


def _plan_maildir(ctx: Context, path: Path, states: dict[str, FileState]) -> _Plan:
    from relj.interop.mail import parse_maildir

    _folder(path)
    plan = _Plan()
    stamp = readers.folder_stamp(path)
    if set(stamp.values()) == {-1}:
        raise UserError(f"{path}: not a Maildir any more (no cur/ or new/ folder)")
    head = states.get("")
    if head is not None and head.state.get("folders") == stamp:
        return plan
    messages = readers.maildir_names(path)
    known = {name for name in states if name}
    new = {uid: where for uid, where in messages.items() if uid not in known}
    plan.removed = sorted(known - set(messages))
    wanted = set(new.values())
    head_state = FileState("", -1, -1, 0, {"kind": "maildir", "folders": stamp})
    if not new:
        plan.states.append(head_state)
        return plan
    part = Part("", "maildir", -1, -1, head, finish=lambda: [head_state, *(FileState(uid) for uid in new)])
    part.records = lambda: readers._guarded("", parse_maildir(path, me=ctx.me, select=wanted.__contains__), part)
    plan.parts.append(part)
    return plan


def _plan_inbox(ctx: Context, path: Path, states: dict[str, FileState]) -> _Plan:
    _folder(path)
    plan = _Plan()
    files = readers.inbox_files(path)
    plan.removed = sorted(set(states) - set(files))
    for name, file in files.items():
        old = states.get(name)
        try:
            info = os.stat(file)
        except OSError:
            continue  # gone between the listing and now: the next sync sees it
        if readers.unchanged(old, info) and old is not None and old.state.get("kind") != "ics":
            if old.state.get("failed"):
                plan.errors.append(str(old.state["failed"]))
            continue
        kind = old.state.get("kind") if readers.unchanged(old, info) and old is not None else readers.recognise(file)
        if kind is None:
            plan.states.append(FileState(name, info.st_size, info.st_mtime_ns, 0, {"kind": None}))
            continue
        previous = old if old is not None and old.state.get("kind") == kind else None
        _plan_file(plan, kind, file, name, previous, ctx)
    return plan
