"""Start the desktop app: QApplication, single-instance lock, excepthook, the journal, the window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from relj import APP_ID

if TYPE_CHECKING:
    from relj.db import PreMigrationHook
    from relj.store import Store
    from relj.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# Fallback start time when /proc is not there (not Linux): as early as this module is imported.
_IMPORTED_AT = time.time()


def warn_if_synced(window: MainWindow, db_path: Path) -> None:
    """A journal in a Dropbox/OneDrive/iCloud/Syncthing folder risks corruption: say so, once a run."""
    from relj.backup import sync_folder_warning

    warning = sync_folder_warning(db_path)
    if warning:
        window.show_warning_banner(warning)


def process_age_ms() -> int:
    """Milliseconds since this process started (Linux: /proc; elsewhere: since relj.ui.app was imported)."""
    try:
        with open("/proc/self/stat", "rb") as f:
            stat = f.read().decode()
        fields = stat[stat.rindex(")") + 2:].split()
        start_ticks = int(fields[19])  # field 22 of stat(5), counted after pid and comm
        with open("/proc/uptime", "rb") as f:
            uptime = float(f.read().split()[0])
        return max(0, round((uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000))
    except (OSError, ValueError, IndexError):
        return round((time.time() - _IMPORTED_AT) * 1000)


def _import_core() -> None:
    """Import the core the home view needs before PySide6: once PySide6 is imported, its import
    hook reads the source of every module imported after it (for ``__feature__``), ~6 ms for these."""
    import relj.reconnect
    import relj.reconnect_rank
    import relj.store.reconnect  # noqa: F401


def run(db_path: Path | str, *, exit_after_load: bool = False) -> int:
    """Run the app on the journal at ``db_path``; return the exit status.

    With ``exit_after_load``: open the journal, paint the main window with its data, print the
    milliseconds from process start to that first paint, and return 0. No modal dialog, no backup.
    """
    # Start-up allocates much and frees little: no cyclic collections until the first paint
    # (about 5 ms of collections otherwise). Enabled again then, and in any case on the way out.
    gc.disable()
    try:
        return _run(db_path, exit_after_load=exit_after_load)
    finally:
        from relj import home_prefetch

        home_prefetch.cancel()  # not taken: the app stopped before its window was built
        gc.enable()


def settle_heap() -> None:
    """After the first paint: move the start-up heap out of the collector's sight, then collect again.

    Full (generation 2) collections walk every tracked object; with 10,000 people loaded one
    took 11-14 ms, a dropped frame while scrolling. Objects alive at first paint mostly live as
    long as the window, so ``gc.freeze()`` parks them and later collections stay short.
    """
    gc.freeze()
    gc.enable()


def protect_settings() -> None:
    """Qt's settings file (window layout, the person last shown: ids of people) is 0600 in a 0700
    folder. Created empty before Qt first writes it: Qt's QSaveFile keeps the mode it finds.
    Run after the first paint, and by MainWindow.save_state before it writes."""
    from PySide6.QtCore import QSettings

    from relj import paths

    target = Path(QSettings().fileName())
    try:
        paths.make_private_dir(target.parent)
        if target.parent.name == "relj":  # the organisation's folder is ours alone
            paths.tighten(target.parent, 0o700)
        paths.make_private_file(target)
    except OSError as exc:
        log.warning("cannot protect the settings file: %s", exc.strerror)


def _clean_up_after_killed_runs(db_path: Path) -> None:
    """What a killed relj left beside the journal (decrypted scratch copies, partial backups) goes now;
    after the first paint, since importing the backup package costs start-up time."""
    from relj.backup import clean_scratch
    from relj.errors import ReljError

    try:
        clean_scratch(db_path)
    except ReljError as exc:
        log.warning("scratch clean-up skipped: %s", type(exc).__name__)


def open_journal(db_path: Path, *, before_migrate: PreMigrationHook | None = None) -> Store:
    """The app's Store on ``db_path``. Its writes wait at most INTERACTIVE_BUSY_TIMEOUT_MS for a
    CLI command (an import) holding the journal, then fail with JournalBusy: never a frozen window."""
    from relj.db import INTERACTIVE_BUSY_TIMEOUT_MS, set_busy_timeout
    from relj.store import Store

    store = Store.open(db_path, before_migrate=before_migrate)
    set_busy_timeout(store.conn, INTERACTIVE_BUSY_TIMEOUT_MS)
    return store


def no_feature_scan() -> None:
    """Tell PySide6 what it would find out by reading the source of each module imported after it
    (once, to see whether it asks for a ``__feature__`` such as snake_case): relj asks for none.

    That reading costs about 5 ms of start-up over the 40 modules the window imports. PySide6
    records its conclusion per module name: 0 (uses PySide6, default features) or -1 (does not use
    it). The same is written here beforehand, for the modules loaded already and relj's own. Best
    effort: with a PySide6 that keeps no such record, it reads them as before.
    """
    feature = sys.modules.get("PySide6.support.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(known, dict):
        return
    for name in list(sys.modules):
        if not name.startswith(("PySide6", "shiboken6", "relj")):
            known.setdefault(name, -1)
    root = Path(__file__).resolve().parent.parent  # the relj package (absent from a frozen app)
    for folder, _dirs, files in os.walk(root):
        package = ".".join(Path(folder).relative_to(root.parent).parts)
        uses_qt = package == "relj.ui" or package.startswith("relj.ui.")
        for f in files:
            if f.endswith(".py"):
                known.setdefault(package if f == "__init__.py" else f"{package}.{f[:-3]}", 0 if uses_qt else -1)


def _run(db_path: Path | str, *, exit_after_load: bool) -> int:
    _import_core()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    no_feature_scan()

    from relj.ui.i18n import install_translators, tr

    db_path = Path(db_path).expanduser()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    install_translators(app)
    app.setApplicationName("relj")
    app.setOrganizationName("relj")
    app.setOrganizationDomain("relj.org")
    app.setApplicationDisplayName("relj")
    app.setDesktopFileName(APP_ID)
    from relj import __version__

    app.setApplicationVersion(__version__)
    # Fusion (with a focus ring on the focused list and muted selections elsewhere) draws the same
    # everywhere and takes its colours from the platform's palette: light or dark as the system is.
    from relj.ui.focus_style import install as install_style

    install_style(app)
    from PySide6.QtCore import QSettings

    from relj.ui import palettes

    palettes.apply(app, str(QSettings().value(palettes.SETTING, palettes.SYSTEM)))

    def fail(message: str, title: str) -> int:
        if exit_after_load:
            print(f"relj: error: {message}", file=sys.stderr)
        else:
            QMessageBox.critical(None, title, message)
        return 1

    from relj import paths
    from relj.errors import UserError
    from relj.instance_lock import AlreadyOpen, InstanceLock

    try:
        paths.make_private_dir(db_path.parent)
    except OSError as exc:
        return fail(tr("Cannot create the folder for the journal: %1").replace("%1", str(exc)), tr("relj"))

    # One app per journal: two windows writing the same file would undo each other's work.
    # The lock is the journal's resolved file's, held until this process ends (however it ends).
    lock = InstanceLock(db_path)
    try:
        lock.acquire()
    except AlreadyOpen:
        return fail(tr("relj is already open on this journal (%1).").replace("%1", str(db_path)),
                    tr("relj is already open"))
    except UserError as exc:  # a full disk or a read-only folder: not "already open"
        return fail(str(exc), tr("relj cannot open the journal"))

    from relj.ui.errors import ExceptHook

    window_ref: list[MainWindow] = []
    hook = ExceptHook(lambda: window_ref[0] if window_ref else None, quiet=exit_after_load)
    hook.install()
    try:
        def backup_first(path: Path) -> None:
            from relj.db import pre_migration_backup

            pre_migration_backup(path)

        try:
            store = open_journal(db_path, before_migrate=backup_first)
        except UserError as exc:
            return fail(str(exc), tr("relj cannot open the journal"))

        from relj.ui.icons import app_icon
        from relj.ui.journal import Journal
        from relj.ui.main_window import MainWindow

        journal = Journal(store)
        window = MainWindow(journal, restore_state=not exit_after_load)
        window_ref.append(window)
        window.after_first_paint(lambda: _clean_up_after_killed_runs(db_path))
        window.after_first_paint(lambda: app.setWindowIcon(app_icon()))  # painted: 4 ms, after the window
        # Before Qt first writes its settings (nothing writes them before the first paint; a close
        # before it protects them in save_state): 7 ms the first paint need not wait for.
        window.after_first_paint(protect_settings)
        status = {"code": 0}
        if exit_after_load:
            from PySide6.QtCore import QEvent, QObject

            class FirstPaint(QObject):
                """Waits for the home view to paint, then reports and quits."""

                done = False

                def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                    if event.type() == QEvent.Type.Paint and not self.done:
                        self.done = True
                        QTimer.singleShot(0, finish)
                    return False

            def finish() -> None:
                print(process_age_ms(), flush=True)
                app.exit(0)

            def too_slow() -> None:
                print("relj: error: the window was not painted within 60 s", file=sys.stderr)
                status["code"] = 1
                app.exit(1)

            watcher = FirstPaint(window)
            window.first_paint_target().installEventFilter(watcher)
            QTimer.singleShot(60_000, too_slow)
        else:
            from relj import logs

            journal.watch_external_changes()
            window.after_first_paint(logs.setup)  # records of the start-up wait in memory until then
            window.after_first_paint(settle_heap)
            window.after_first_paint(lambda: warn_if_synced(window, Path(db_path)))
            window.after_first_paint(window.start_notifications)
        window.show()
        code = app.exec()
        journal.watch_external_changes(False)
        if not exit_after_load:
            window.save_state()
            # At most one a day, rotated; never with --exit-after-load, never stops the app closing.
            from relj.ui.backup_dialogs import auto_backup_on_close

            auto_backup_on_close(journal)
        store.close()
        return status["code"] or code
    finally:
        hook.uninstall()
        lock.release()
