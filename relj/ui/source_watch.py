"""Sources read in the background: once after the first paint, and again when a source's file changes.

``SourceWatch`` keeps a ``QFileSystemWatcher`` on every enabled source (the file, and the folder it
is in, so that a file replaced by a rename is noticed and watched again; a Maildir's ``new`` and
``cur``; a phone folder and its files). Changes are gathered for a moment (``debounce_ms``, about
2 s) and then read on a worker thread through ``Journal.run_on_worker``: the window keeps painting,
and each read that added something is one undoable step. A source that cannot be read gives one
clear sentence (``message``) and the others are read all the same.

``read_sources`` (relj.ops.sources.sync in the user's words) is what this watch and the Sources page run.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from relj.errors import JournalBusy, UserError
from relj.ops import Changes, OpResult
from relj.ops import sources as source_ops
from relj.sources.sync import SyncResult
from relj.store import Store
from relj.ui.i18n import tr
from relj.ui.journal import Journal
from relj.ui.workers import JournalTask

log = logging.getLogger(__name__)

# Kinds whose source is a folder of files that each change on their own.
FOLDER_KINDS = ("phone-inbox", "whatsapp")
_MAX_WATCHED_FILES = 500  # files watched one by one inside one folder source (the folder is watched too)


def read_message(results: Sequence[SyncResult]) -> str:
    """What a read did, in plain words: "Read 2 sources: added 1 person and 12 interactions"."""
    stopped = any(r.stopped for r in results)
    results = [r for r in results if not r.stopped]
    people = sum(r.added[0] for r in results)
    interactions = sum(r.added[1] for r in results)
    failed = sum(1 for r in results if r.error)
    read = tr("Read %Ln sources", "", len(results))
    if people or interactions:
        text = tr("%1: added %2 and %3").replace("%1", read).replace(
            "%2", tr("%n people", "", people)).replace("%3", tr("%n interactions", "", interactions))
    else:
        text = tr("%1: nothing new").replace("%1", read)
    if failed:
        text += " · " + tr("%n could not be read", "", failed)
    if stopped:
        text = tr("Stopped. %1 · the source it was reading is left as it was, to be read next time").replace(
            "%1", text)
    return text


def read_sources(store: Store, ids: Sequence[int] | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 keep_going: Callable[[], bool] | None = None) -> OpResult[list[SyncResult]]:
    """``relj.ops.sources.sync`` with the message in the user's words; a read that added nothing
    announces no change (it is silent in the status bar; the Sources page says "nothing new")."""
    result = source_ops.sync(store, ids, progress, keep_going)
    changes = result.changes if result.undo is not None else Changes()
    return dataclasses.replace(result, changes=changes, label=tr("Read sources"),
                               message=read_message(result.value))


def watched_paths(kind: str, path: Path) -> tuple[list[str], list[str]]:
    """The paths to watch for one source: (files, folders). Folders of a one-file source are its
    parent, so that a file replaced by a rename (or created again) is noticed."""
    files: list[str] = []
    folders: list[str] = []
    if path.is_dir():
        folders.append(str(path))
        for sub in ("new", "cur"):
            if (path / sub).is_dir():
                folders.append(str(path / sub))
        if kind in FOLDER_KINDS:
            try:
                with os.scandir(path) as it:
                    for entry in it:
                        if len(files) >= _MAX_WATCHED_FILES:
                            break
                        if entry.is_file():
                            files.append(entry.path)
            except OSError:
                pass
    else:
        if path.exists():
            files.append(str(path))
        if path.parent.is_dir():
            folders.append(str(path.parent))
    return files, folders


def _stamp(path: str) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


class SourceWatch(QObject):
    """Reads the enabled sources after start-up and whenever one of them changes on disk."""

    read_started = Signal()
    progressed = Signal(int, int)  # sources read, sources to read
    read_finished = Signal(object)  # list[SyncResult]; empty when the read could not run
    message = Signal(str)  # one sentence for the status bar (a source that could not be read)

    def __init__(self, journal: Journal, parent: QObject | None = None, *, debounce_ms: int = 2000) -> None:
        super().__init__(parent)
        self.journal = journal
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self.watcher.directoryChanged.connect(self._folder_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._read_pending)
        self._pending: set[int] = set()
        self._pending_all = False
        self._reading = False
        self._by_file: dict[str, set[int]] = {}  # a watched file -> the sources it belongs to
        self._by_folder: dict[str, set[int]] = {}  # a watched folder -> folder sources in it
        self._singles: dict[str, set[int]] = {}  # a parent folder -> one-file sources in it
        self._stamps: dict[str, tuple[int, int, int] | None] = {}
        self._errors: dict[int, str | None] = {}
        self._stopped = False
        self._total = 0
        self._task: JournalTask[Any] | None = None  # the read under way
        # Bound slots (not lambdas holding self): Qt drops them when this object goes away.
        journal.changed.connect(self._journal_changed)
        journal.store_replaced.connect(self._journal_changed)

    def _journal_changed(self, _what: object) -> None:
        if not self._stopped:
            self.rewatch()

    def stop(self) -> None:
        """Stop watching and drop any read still waiting (the window is closing). A read under way
        finishes on its worker; nothing new starts after this."""
        self._stopped = True
        self._timer.stop()
        self._pending, self._pending_all = set(), False
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)

    @property
    def reading(self) -> bool:
        """True while a read runs (on its worker)."""
        return self._reading

    def stop_reading(self) -> bool:
        """Stop the read under way (the user's Stop): the source it is reading is left as it was,
        those read before keep what they added. False when no read runs."""
        if self._task is None:
            return False
        self._task.cancel()
        return True

    # -- what is watched ---------------------------------------------------------------------
    def start(self) -> None:
        """Watch the enabled sources and read them once (call after the first paint)."""
        self._stopped = False
        self.rewatch()
        if self._by_file or self._by_folder or self._singles or self._has_enabled():
            self.schedule(None, delay_ms=0)

    def _has_enabled(self) -> bool:
        return any(s.enabled for s in self.journal.store.list_sources())

    def rewatch(self) -> None:
        """Watch exactly the enabled sources' files and folders (after a source is added, removed,
        switched, or replaced on disk)."""
        by_file: dict[str, set[int]] = {}
        by_folder: dict[str, set[int]] = {}
        singles: dict[str, set[int]] = {}
        for source in self.journal.store.list_sources():
            if not source.enabled:
                continue
            files, folders = watched_paths(source.kind, source.path)
            for f in files:
                by_file.setdefault(f, set()).add(source.id)
            if source.path.is_dir():
                for d in folders:
                    by_folder.setdefault(d, set()).add(source.id)
            else:
                for d in folders:
                    singles.setdefault(d, set()).add(source.id)
                by_file.setdefault(str(source.path), set()).add(source.id)
        self._by_file, self._by_folder, self._singles = by_file, by_folder, singles
        want_files = {f for f in by_file if os.path.exists(f)}
        want_folders = set(by_folder) | set(singles)
        self._sync_watcher(want_files, want_folders)
        self._stamps = {f: _stamp(f) for f in by_file}

    def _sync_watcher(self, files: set[str], folders: set[str]) -> None:
        old_files, old_folders = set(self.watcher.files()), set(self.watcher.directories())
        gone = sorted((old_files - files) | (old_folders - folders))
        if gone:
            self.watcher.removePaths(gone)
        new = sorted((files - old_files) | (folders - old_folders))
        if new:
            failed = self.watcher.addPaths(new)
            if failed:
                log.info("source watch: %d paths could not be watched", len(failed))

    def watched(self) -> set[str]:
        return set(self.watcher.files()) | set(self.watcher.directories())

    # -- changes -----------------------------------------------------------------------------
    def _file_changed(self, path: str) -> None:
        ids = self._by_file.get(path, set())
        # A file removed (or replaced by a rename) is dropped by the watcher: watch it again.
        if os.path.exists(path) and path not in self.watcher.files():
            self.watcher.addPath(path)
        self._stamps[path] = _stamp(path)
        self.schedule(ids)

    def _folder_changed(self, path: str) -> None:
        ids = set(self._by_folder.get(path, set()))
        for sid in self._singles.get(path, set()):
            for file, owners in self._by_file.items():
                if sid not in owners or os.path.dirname(file) != path:
                    continue
                stamp = _stamp(file)
                if stamp != self._stamps.get(file) or (stamp and file not in self.watcher.files()):
                    self._stamps[file] = stamp
                    if stamp and file not in self.watcher.files():
                        self.watcher.addPath(file)
                    ids.add(sid)
        if ids:
            self.schedule(ids)

    def schedule(self, ids: Iterable[int] | None, delay_ms: int | None = None) -> None:
        """Read ``ids`` (None: every enabled source) once things have been quiet for a moment."""
        if self._stopped:
            return
        if ids is None:
            self._pending_all = True
        else:
            ids = set(ids)
            if not ids:
                return
            self._pending |= ids
        self._timer.start(self._timer.interval() if delay_ms is None else delay_ms)

    def _read_pending(self) -> None:
        if self._stopped:
            return
        if self._reading or self.journal.busy is not None:
            self._timer.start()  # after the read (or the import) under way
            return
        ids: list[int] | None = None if self._pending_all else sorted(self._pending)
        self._pending, self._pending_all = set(), False
        self.read(ids)

    # -- reading -------------------------------------------------------------------------------
    def read(self, ids: Sequence[int] | None = None) -> list[SyncResult]:
        """Read now, on a worker (the window keeps painting); returns the results (none when the read
        could not run: the journal was busy, which schedules it again)."""
        if self._reading:
            self.schedule(ids)
            return []
        self._reading = True
        self.read_started.emit()
        self._total = 0
        done = [0]

        def work(store: Store, progress: Callable[[int], bool]) -> OpResult[list[SyncResult]]:
            def report(read: int, count: int) -> None:
                self._total, done[0] = count, read
                progress(read)

            # Asked between sources and every few hundred records: False once Stop was pressed.
            return read_sources(store, ids, report, lambda: progress(done[0]))

        def connect(task: JournalTask[Any]) -> None:
            self._task = task
            task.progressed.connect(self._progressed)

        results: list[SyncResult] = []
        try:
            results = self.journal.run_on_worker(work, busy=tr("reading your sources"), connect=connect,
                                                 text=tr("Read sources"))
        except JournalBusy:
            self.schedule(ids)
        except UserError as exc:
            self.message.emit(tr("Could not read your sources: %1").replace("%1", str(exc)))
        except Exception:  # a bug: logged with its traceback; the app and the other work go on
            log.exception("reading sources failed")
            self.message.emit(tr("Reading your sources failed; see the log file."))
        finally:
            self._reading = False
            self._task = None
        self._report(results)
        if not self._stopped:
            self.rewatch()
        self.read_finished.emit(results)
        return results

    def _progressed(self, done: int) -> None:
        self.progressed.emit(done, self._total)

    def _report(self, results: Sequence[SyncResult]) -> None:
        """Say once when a source stops being readable (not on every read after)."""
        for result in results:
            if result.error and self._errors.get(result.id) != result.error:
                self.message.emit(tr("A source could not be read: %1").replace("%1", result.error))
            self._errors[result.id] = result.error
