"""The main window: navigation column, the views, menus, shortcuts, status bar and saved UI state."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QSettings,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from relj import __version__
from relj.ui import journal as jn
from relj.ui.focus_style import ring_only
from relj.ui.i18n import channel_label
from relj.ui.journal import Journal
from relj.ui.window_parts import (
    AfterFirstPaint,
    NavDelegate,
    WarningBanner,
    fitting_size,
    key_table_html,
)

if TYPE_CHECKING:
    from relj.ui.person_page import PersonPage

log = logging.getLogger(__name__)

RECONNECT, PEOPLE, INTERESTS, TIMELINE, PERSON = range(5)


class MainWindow(QMainWindow):
    """Reconnect (home), People, Interests and Timeline, plus the person page."""

    def __init__(self, journal: Journal, *, restore_state: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle(self.tr("relj"))
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self._pages: dict[int, QWidget] = {}
        self._history: list[tuple[int, int | None]] = []
        self._current_person: int | None = None
        self._actions: list[QAction] = []

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Navigation"))
        ring_only(self.nav)
        self.nav.setIconSize(QSize(18, 18))
        self.nav.setSpacing(2)
        nav_font = QFont(self.nav.font())
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.1)
        self.nav.setFont(nav_font)
        for label, tip in (
            (self.tr("Reconnect"), self.tr("Who you have drifted from (Ctrl+1)")),
            (self.tr("People"), self.tr("Everyone in your journal (Ctrl+2)")),
            (self.tr("Interests"), self.tr("Who shares what (Ctrl+3)")),
            (self.tr("Timeline"), self.tr("Every interaction, newest first (Ctrl+4)")),
        ):
            item = QListWidgetItem(label)
            item.setToolTip(tip)
            item.setSizeHint(QSize(150, 34))
            self.nav.addItem(item)
        # Drawn by a delegate on the window colour, not by a style sheet: a style sheet costs
        # ~5 ms of start-up (the style-sheet style, polishing), and this is all it did.
        self._tint_nav()
        self.nav.setViewportMargins(0, 8, 0, 0)
        self.nav.setItemDelegate(NavDelegate(self.nav))
        self.nav.currentRowChanged.connect(self._on_nav)

        self.stack = QStackedWidget()
        self.stack.setObjectName("views")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([170, 1000])
        self.setCentralWidget(self.splitter)

        self.counts_label = QLabel()
        self.counts_label.setAccessibleName(self.tr("Journal size"))
        # Beside each action's message: Undo, until the message goes (Ctrl+Z works all the same).
        self._undo_offered = False
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setFlat(True)
        self.undo_button.setAccessibleName(self.tr("Undo the last change"))
        self.undo_button.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays on the list
        self.undo_button.clicked.connect(self._undo_from_status)
        self.undo_button.hide()
        # No size grip: windows are resized from their edges, as in the platform's own apps (and
        # drawing the grip's first frame cost the first paint ~10 ms in the style's Python code).
        self.statusBar().setSizeGripEnabled(False)
        self.statusBar().addPermanentWidget(self.undo_button)
        self.statusBar().messageChanged.connect(lambda text: self.undo_button.setVisible(
            bool(text) and self._undo_offered))
        self.statusBar().addPermanentWidget(self.counts_label)
        self._build_actions()
        self._build_menus()
        journal.changed.connect(self._on_changed)
        journal.action_done.connect(self._on_action_done)
        journal.error_raised.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.resize(fitting_size(self.screen().availableGeometry().size() if self.screen() else None))
        if restore_state:
            self.restore_state()
        self.nav.setCurrentRow(RECONNECT)
        # Counting 1,000,000 interactions takes ~15 ms: do it once the home view is on screen.
        self._after_paint: list[Callable[[], Any]] = [self._update_counts, self.start_source_watch]

        def first_run() -> None:  # relj/ui/welcome.py: the welcome on an empty journal, Sort people
            from relj.ui.welcome import install_first_run

            install_first_run(self)

        self._after_paint.append(first_run)
        self._first_paint: AfterFirstPaint | None = AfterFirstPaint(self.first_paint_target(),
                                                                      self._run_after_first_paint)

    def _tint_nav(self) -> None:
        """The navigation column on the window colour (its list would draw on the base colour)."""
        pal = QPalette(QApplication.palette(self.nav))
        pal.setBrush(QPalette.ColorRole.Base, pal.brush(QPalette.ColorRole.Window))
        self.nav.setPalette(pal)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:  # light <-> dark while running
            self._tint_nav()
        super().changeEvent(event)

    def after_first_paint(self, callback: Callable[[], Any]) -> None:
        """Run ``callback`` once the home view has been painted (work that can wait for it)."""
        if self._first_paint is None:
            QTimer.singleShot(0, callback)
        else:
            self._after_paint.append(callback)

    def _run_after_first_paint(self) -> None:
        self._first_paint = None
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            callback()

    # -- pages -----------------------------------------------------------------------------
    def page(self, which: int) -> QWidget:
        """The view for ``which``, built the first time it is shown (start-up builds only home)."""
        widget = self._pages.get(which)
        if widget is None:
            widget = self._make_page(which)
            self._pages[which] = widget
            self.stack.addWidget(widget)
            self._restore_page_state(which, widget)
        return widget

    def _make_page(self, which: int) -> QWidget:
        # Each view is imported when first shown: start-up loads only the home view's modules.
        if which == RECONNECT:
            from relj.ui.reconnect_view import ReconnectView

            reconnect = ReconnectView(self.journal)
            reconnect.person_activated.connect(self.navigate_to_person)
            from relj.ui.agenda_view import attach_agenda  # the week's agenda strip, filled after the first paint

            attach_agenda(self, reconnect)
            return reconnect
        if which == PEOPLE:
            from relj.ui.people_view import PeopleView

            people = PeopleView(self.journal)
            people.person_activated.connect(self.navigate_to_person)
            return people
        if which == INTERESTS:
            from relj.ui.interests_view import InterestsView

            interests = InterestsView(self.journal)
            interests.person_activated.connect(self.navigate_to_person)
            return interests
        if which == TIMELINE:
            from relj.ui.timeline_view import TimelineView

            timeline = TimelineView(self.journal)
            timeline.person_activated.connect(self.navigate_to_person)
            return timeline
        from relj.ui.person_page import PersonPage

        page = PersonPage(self.journal)
        page.person_activated.connect(self.navigate_to_person)
        page.back_requested.connect(self.go_back)
        page.deleted.connect(self._after_delete)
        return page

    def person_page(self) -> PersonPage:
        """The person page (built the first time it is asked for)."""
        from relj.ui.person_page import PersonPage

        page = self.page(PERSON)
        assert isinstance(page, PersonPage)
        return page

    def first_paint_target(self) -> QWidget:
        return self.page(self.nav.currentRow() if self.nav.currentRow() >= 0 else RECONNECT)

    def current_view(self) -> int:
        for which, widget in self._pages.items():
            if widget is self.stack.currentWidget():
                return which
        return RECONNECT

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        self.show_view(row)

    def _on_action_done(self, text: str, undoable: bool) -> None:
        """Every action answers: a short message, with how to undo it."""
        if undoable:
            text = self.tr("%1 · Undo: Ctrl+Z").replace("%1", text)
        self._undo_offered = undoable
        self.statusBar().showMessage(text, 8000)
        self.undo_button.setVisible(undoable)

    def _undo_from_status(self) -> None:
        self._undo_offered = False
        self.statusBar().clearMessage()
        self.journal.undo_stack.undo()

    def show_view(self, which: int, *, remember: bool = True) -> None:
        if remember and self._pages and self.current_view() != which:
            self._history.append((self.current_view(), self._current_person))
        widget = self.page(which)
        self.stack.setCurrentWidget(widget)
        if which != PERSON:
            self._current_person = None
            if self.nav.currentRow() != which:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(which)
                self.nav.blockSignals(False)
        if which == RECONNECT:
            # The home view's list has the keyboard, so P, S, W act on its first row at once.
            focus_list = getattr(widget, "focus_list", None)
            if focus_list is not None:
                focus_list()
        self._update_title()

    def navigate_to_person(self, person_id: int) -> None:
        """Open the person page of ``person_id`` (from any view, the palette or a link)."""
        if not self.journal.store.person_exists(person_id):
            self.statusBar().showMessage(self.tr("That person is no longer in the journal."), 4000)
            return
        if self.current_view() != PERSON or self._current_person != person_id:
            self._history.append((self.current_view(), self._current_person))
        page = self.person_page()
        page.show_person(person_id)
        self._current_person = person_id
        self.stack.setCurrentWidget(page)
        self._update_title()

    def go_back(self) -> None:
        while self._history:
            which, pid = self._history.pop()
            if which == PERSON and pid is not None:
                if self.journal.store.person_exists(pid):
                    self.person_page().show_person(pid)
                    self._current_person = pid
                    self.stack.setCurrentWidget(self.page(PERSON))
                    self._update_title()
                    return
                continue
            self.show_view(which, remember=False)
            return
        self.show_view(PEOPLE, remember=False)

    def _update_title(self) -> None:
        name = ""
        if self.current_view() == PERSON and self._current_person is not None:
            name = self.person_page().person_name()
        self.setWindowTitle(self.tr("%1 — relj").replace("%1", name) if name else self.tr("relj"))

    def _after_delete(self, name: str) -> None:
        self.statusBar().showMessage(self.tr("Deleted %1. Ctrl+Z brings them back.").replace("%1", name), 8000)
        self._current_person = None
        self.show_view(PEOPLE, remember=False)

    # -- actions and menus -----------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self._actions.append(action)
        return action

    def _build_actions(self) -> None:
        seq = QKeySequence.StandardKey
        self.act_import = self._action(self.tr("&Import…"), self.import_file, "Ctrl+I",
                                       self.tr("Import contacts, calendars, mail or a phone backup"))
        self.act_export = self._action(self.tr("&Export…"), self.export_journal, "Ctrl+E",
                                       self.tr("Export the journal"))
        self.act_sources = self._action(self.tr("&Sources…"), self.show_sources, None,
                                        self.tr("Mail, calendars and phone folders that relj reads again by itself"))
        self.act_backup = self._action(self.tr("&Back up now"), self.backup_now, None,
                                       self.tr("Make a backup of the journal now"))
        self.act_restore = self._action(self.tr("&Restore…"), self.restore_backup, None,
                                        self.tr("Restore the journal from a backup"))
        self.act_backup_settings = self._action(self.tr("Backup &settings…"), self.backup_settings, None,
                                                self.tr("Automatic backups, retention, encryption; the last backup"))
        self.act_notify = self._action(self.tr("&Notify when someone becomes due"), self._toggle_notify, None,
                                       self.tr("A tray notification when someone new is among the most urgent"))
        self.act_notify.setCheckable(True)
        self.act_quit = self._action(self.tr("&Quit"), self.close, seq.Quit)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)

        stack = self.journal.undo_stack
        self.act_undo = stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.act_redo = stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.act_undo, self.act_redo):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
            self._actions.append(action)
        self.act_new_person = self._action(self.tr("&New person…"), self.new_person, "Ctrl+N",
                                           self.tr("Add someone to the journal"))
        self.act_quick_log = self._action(self.tr("&Quick log…"), self.quick_log, "Ctrl+L",
                                          self.tr("Log a meeting, call or message"))
        self.act_delete = self._action(self.tr("&Delete person"), self.delete_person, "Ctrl+Delete",
                                       self.tr("Delete the selected person (Ctrl+Z brings them back)"))
        self.act_duplicates = self._action(self.tr("Find d&uplicates…"), self.find_duplicates, "Ctrl+Shift+D",
                                           self.tr("People who may be one person: merge them (Ctrl+Z undoes)"))

        self.act_palette = self._action(self.tr("&Command palette…"), self.command_palette, "Ctrl+K",
                                        self.tr("Jump to a person or run an action by typing"))
        self.act_find = self._action(self.tr("&Find"), self.find_in_view, seq.Find, self.tr("Search this view"))
        self.act_back = self._action(self.tr("&Back"), self.go_back, "Alt+Left", self.tr("Back to the last view"))
        self.act_views: list[QAction] = []
        for n, name in enumerate((self.tr("&Reconnect"), self.tr("&People"), self.tr("&Interests"),
                                  self.tr("&Timeline"))):
            self.act_views.append(self._action(name, partial(self.show_view, n), f"Ctrl+{n + 1}"))

        self.act_shortcuts = self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1")
        self.act_about = self._action(self.tr("&About relj"), self.about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.act_import, self.act_export, self.act_sources])
        file_menu.addSeparator()
        file_menu.addActions([self.act_backup, self.act_restore, self.act_backup_settings])
        file_menu.addSeparator()
        file_menu.addAction(self.act_notify)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addActions([self.act_new_person, self.act_quick_log])
        edit.addSeparator()
        edit.addActions([self.act_delete, self.act_duplicates])

        def rhythms() -> None:  # relj/ui/rhythms_dialog.py, imported only when asked for
            from relj.ui.rhythms_dialog import show_rhythms

            show_rhythms(self, self.journal)

        self.act_rhythms = self._action(self.tr("R&hythms…"), rhythms, None,
                                        self.tr("Rhythms you keep with people: a first-Sunday dinner, a monthly call"))
        edit.addAction(self.act_rhythms)
        from relj.ui.appearance import appearance_menu

        bar.addMenu(self.tr("&View")).addMenu(appearance_menu(self))
        go = bar.addMenu(self.tr("&Go"))
        go.addActions([self.act_palette, self.act_find, self.act_back])
        go.addSeparator()
        go.addActions(self.act_views)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.act_shortcuts, self.act_about])

    def actions(self) -> list[QAction]:
        """Every command of the window, for the command palette."""
        return list(self._actions)

    # -- commands --------------------------------------------------------------------------
    def selected_person_id(self) -> int | None:
        view = self.current_view()
        if view == PERSON:
            return self._current_person
        widget = self._pages.get(view)
        getter = getattr(widget, "selected_person_id", None)
        return getter() if getter else None

    def new_person(self) -> None:
        from relj.ui.person_dialog import NewPersonDialog

        person = NewPersonDialog.ask(self, self.journal)
        if person is not None:
            self.navigate_to_person(person.id)

    def quick_log(self) -> None:
        from relj.ui.quick_log import QuickLogDialog

        pid = self.selected_person_id()
        interaction = QuickLogDialog.ask(self, self.journal, person_ids=(pid,) if pid else ())
        if interaction is not None:
            names = ", ".join(p.name for p in interaction.participants)
            self.statusBar().showMessage(
                self.tr("Logged %1 with %2. Ctrl+Z undoes it.").replace("%1", channel_label(interaction.channel))
                .replace("%2", names), 6000)

    def delete_person(self) -> None:
        pid = self.selected_person_id()
        if pid is None:
            self.statusBar().showMessage(self.tr("Select a person to delete."), 4000)
            return
        name = self.journal.store.person(pid).display_name
        # No confirmation: a delete is one Ctrl+Z away from undone, and the status bar says so.
        self.journal.delete_person(pid)
        self._after_delete(name)

    def command_palette(self) -> None:
        from relj.ui.palette import CommandPalette

        # This view's own actions first (typing "plan" on Reconnect finds Plan), then the window's.
        result = CommandPalette.ask(self, self.journal, [*self.view_actions(), *self.actions()])
        if result is None:
            return
        if result.person_id is not None:
            self.navigate_to_person(result.person_id)
        elif result.action is not None:
            QTimer.singleShot(0, result.action.trigger)

    def find_in_view(self) -> None:
        """Ctrl+F: focus the search box of this view (People's, from a view that has none)."""
        view = self.current_view()
        if view in (RECONNECT, PERSON):
            self.show_view(PEOPLE)
            view = PEOPLE
        focus = getattr(self.page(view), "focus_search", None)
        if focus:
            focus()

    def import_file(self, path: str | Path | None = None) -> None:
        from relj.ui.import_dialog import ImportDialog

        ImportDialog.ask(self, self.journal, Path(path) if path else None)

    def find_duplicates(self) -> None:
        from relj.ui.duplicates_dialog import DuplicatesDialog

        merged = DuplicatesDialog.ask(self, self.journal)
        if merged:
            self.statusBar().showMessage(
                self.tr("Merged %n duplicate(s). Ctrl+Z undoes the last merge.", "", merged), 8000)

    def export_journal(self) -> None:
        from relj.ui.import_dialog import ExportDialog

        ExportDialog.ask(self, self.journal)

    def backup_now(self) -> None:
        from relj.ui.backup_dialogs import backup_now

        backup_now(self, self.journal)

    def restore_backup(self) -> None:
        from relj.ui.backup_dialogs import RestoreDialog

        RestoreDialog.ask(self, self.journal)

    def backup_settings(self) -> None:
        from relj.ui.backup_dialogs import BackupSettingsDialog

        BackupSettingsDialog.ask(self, self.journal)

    def view_actions(self, which: int | None = None) -> list[QAction]:
        """The actions of a view (default: the current one): its list keys, for the palette and F1."""
        widget = self._pages.get(self.current_view() if which is None else which)
        getter = getattr(widget, "view_actions", None)
        if getter is not None:
            return list(getter())
        if widget is None:
            return []
        return [a for a in widget.findChildren(QAction) if not a.shortcut().isEmpty()]

    def key_table(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every key of the app, by view: (section title, [(keys, what they do)])."""
        def rows(actions: list[QAction]) -> list[tuple[str, str]]:
            out = []
            for action in actions:
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
                if keys and text and (keys, text) not in out:
                    out.append((keys, text))
            return out

        table = [(self.tr("Everywhere"), rows(self._actions))]
        for which, title in ((RECONNECT, self.tr("Reconnect")), (PEOPLE, self.tr("People")),
                             (INTERESTS, self.tr("Interests")), (TIMELINE, self.tr("Timeline"))):
            self.page(which)  # built if it was not yet: its keys are listed all the same
            found = rows(self.view_actions(which))
            if found:
                table.append((title, found))
        table.append((self.tr("In lists"), [
            (self.tr("Tab, Shift+Tab"), self.tr("Next or previous region")),
            (self.tr("Up, Down"), self.tr("Move within the list")),
            (self.tr("Menu key, Shift+F10"), self.tr("More actions for the selected row")),
        ]))
        return table

    def show_shortcuts(self) -> None:
        """F1: every key of every view, by view."""
        from PySide6.QtWidgets import QMessageBox  # (its type is built when first asked for: not at start)

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Keyboard shortcuts"))
        box.setAccessibleName(self.tr("Keyboard shortcuts"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(key_table_html(self.key_table()))
        box.exec()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self, self.tr("About relj"),
            self.tr("<h3>relj %1</h3><p>A journal of the people in your life, and of how you really keep in "
                    "touch: together, by voice, or only in writing.</p><p>Your journal stays on this computer."
                    "</p><p>Licensed under the GPL, version 3 or later.</p>").replace("%1", __version__),
        )

    # -- changes, drops, state -------------------------------------------------------------
    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {jn.PEOPLE, jn.INTERACTIONS}:
            self._update_counts()
        if self.current_view() == PERSON and self._current_person is not None \
                and not self.journal.store.person_exists(self._current_person):
            self._current_person = None
            self.show_view(PEOPLE, remember=False)
        self._update_title()

    def _update_counts(self) -> None:
        store = self.journal.store
        people = store.person_count()
        interactions = store.interaction_count()
        self.counts_label.setText(self.tr("%Ln people", "", people) + " · "
                                  + self.tr("%Ln interactions", "", interactions))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            path = urls[0].toLocalFile()
            QTimer.singleShot(0, lambda: self.import_file(path))

    def settings(self) -> QSettings:
        return QSettings()

    def restore_state(self) -> None:
        s = self.settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = s.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def _restore_page_state(self, which: int, widget: QWidget) -> None:
        restore = getattr(widget, "restore_ui_state", None)
        if restore:
            restore(self.settings())

    def show_sources(self) -> None:
        """File ▸ Sources: the files relj reads again by itself, and the stores found to offer."""
        from relj.ui.sources_page import show_sources

        show_sources(self, getattr(self, "source_watch", None))

    def start_source_watch(self) -> None:
        """Read the sources in the background, after the first paint and when their files change."""
        from relj.ui.source_watch import SourceWatch

        self.source_watch = SourceWatch(self.journal, self)
        self.source_watch.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.source_watch.start()

    def start_notifications(self) -> None:
        """Tray notifications when someone new becomes due (the app calls this after its first paint)."""
        from relj.ui.notifier import DueNotifier

        self.notifier = DueNotifier(self.journal, self)
        self.act_notify.setChecked(DueNotifier.enabled())
        self.notifier.start()

    def _toggle_notify(self) -> None:
        from relj.ui.notifier import DueNotifier

        DueNotifier.set_enabled(self.act_notify.isChecked())

    def show_warning_banner(self, text: str) -> None:
        """A warning across the top of the window, until dismissed (e.g. a journal in a sync folder)."""
        banner = WarningBanner(text)
        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(banner)
        central = self.takeCentralWidget()
        if central is not None:
            column.addWidget(central, 1)
        self.setCentralWidget(container)
        self.warning_banner = banner
        self.warning_label = banner.label

    def save_state(self) -> None:
        from relj.ui.app import protect_settings  # 0600 in a 0700 folder, even if closed before the first paint

        protect_settings()
        s = self.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        for widget in self._pages.values():
            save = getattr(widget, "save_ui_state", None)
            if save:
                save(s)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        watch = getattr(self, "source_watch", None)
        if watch is not None:
            watch.stop()
        super().closeEvent(event)


def main_window_for(widget: QWidget) -> MainWindow | None:
    top = widget.window()
    return top if isinstance(top, MainWindow) else None

