"""File ▸ Sources: the files and folders relj reads again by itself, and the ones it found to offer.

Two lists, each a region of its own (Tab between them, arrows within): the sources added, each
with what it is, where, when it was last read, what that read added, an on/off switch and its
problem if it has one (Enter reads it now, Space switches it, Delete removes it); and the mail,
calendar and contacts stores found on this computer (Enter adds one and reads it). Reads run on a
worker with a progress bar, and each one ends with a short message with Undo.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relj.errors import UserError
from relj.ops import sources as source_ops
from relj.sources.detect import EVOLUTION_CONTACTS, THUNDERBIRD_CALENDAR, Found, detect
from relj.sources.options import KINDS as READABLE_KINDS
from relj.sources.sync import SyncResult
from relj.store.sources import Source
from relj.ui.i18n import QT_TR_NOOP, tr
from relj.ui.journal import Journal
from relj.ui.roles import ObjectRole, SortRole
from relj.ui.source_watch import SourceWatch, read_message
from relj.ui.workers import run_off_thread

if TYPE_CHECKING:
    from relj.ui.main_window import MainWindow

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

#: What each kind of source is, in plain words.
KIND_LABELS: dict[str, str] = {
    "mbox": QT_TR_NOOP("Mailbox"),
    "maildir": QT_TR_NOOP("Mail folder"),
    "eml": QT_TR_NOOP("Email message"),
    "ics": QT_TR_NOOP("Calendar"),
    "vcard": QT_TR_NOOP("Address book"),
    "csv": QT_TR_NOOP("Contacts table"),
    "calls": QT_TR_NOOP("Phone calls"),
    "sms": QT_TR_NOOP("Text messages"),
    "whatsapp": QT_TR_NOOP("WhatsApp chat"),
    "phone-inbox": QT_TR_NOOP("Phone folder"),
    THUNDERBIRD_CALENDAR: QT_TR_NOOP("Thunderbird calendar"),
    EVOLUTION_CONTACTS: QT_TR_NOOP("Evolution address book"),
}
PROGRAM_LABELS: dict[str, str] = {
    "thunderbird": QT_TR_NOOP("Thunderbird"),
    "evolution": QT_TR_NOOP("Evolution"),
    "maildir": QT_TR_NOOP("Your Maildir"),
    "mail": QT_TR_NOOP("Your Mail folder"),
}
WHAT_LABELS: dict[str, str] = {
    "mail": QT_TR_NOOP("mail"),
    "calendar": QT_TR_NOOP("calendar"),
    "contacts": QT_TR_NOOP("contacts"),
}
#: Kinds whose reads may add the people met in them (as `relj import --create-people`).
EVENT_KINDS = ("mbox", "maildir", "eml", "ics", "calls", "sms", "whatsapp", "phone-inbox", THUNDERBIRD_CALENDAR)


def kind_label(kind: str) -> str:
    return tr(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def shown_path(path: Path) -> str:
    """A path as the user reads it: ~ for the home folder."""
    home = Path.home()
    try:
        return "~/" + str(path.relative_to(home))
    except ValueError:
        return str(path)


def last_read_text(when: dt.datetime | None) -> str:
    if when is None:
        return tr("never")
    local = when.astimezone() if when.tzinfo else when
    if local.date() == dt.datetime.now(local.tzinfo).date():
        return tr("today at %1").replace("%1", local.strftime("%H:%M"))
    return local.strftime("%Y-%m-%d %H:%M")


def added_text(added: tuple[int, int]) -> str:
    people, interactions = added
    if not people and not interactions:
        return tr("nothing new")
    return tr("%Ln people", "", people) + ", " + tr("%Ln interactions", "", interactions)


class SourcesModel(QAbstractTableModel):
    """The sources added: on/off, what, where, last read, what it added, problem."""

    ON, WHAT, WHERE, LAST_READ, ADDED, PROBLEM = range(6)
    HEADERS = (QT_TR_NOOP("On"), QT_TR_NOOP("What"), QT_TR_NOOP("Where"), QT_TR_NOOP("Last read"),
               QT_TR_NOOP("Added"), QT_TR_NOOP("Problem"))

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.rows: list[Source] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = list(self.journal.store.list_sources())
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return tr(self.HEADERS[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.ON:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        s = self.rows[index.row()]
        col = index.column()
        if role == ObjectRole:
            return s
        if role == Qt.ItemDataRole.CheckStateRole and col == self.ON:
            return Qt.CheckState.Checked if s.enabled else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(s, col)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == self.ON:
                return tr("read by itself") if s.enabled else tr("switched off")
            return self._text(s, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(s.path) if col == self.WHERE else (s.error or None)
        if role == SortRole:
            return (s.enabled, kind_label(s.kind), str(s.path), s.last_read.isoformat() if s.last_read else "",
                    sum(s.last_added), s.error or "")[col]
        return None

    def _text(self, s: Source, col: int) -> str:
        if col == self.WHAT:
            return kind_label(s.kind)
        if col == self.WHERE:
            return shown_path(s.path)
        if col == self.LAST_READ:
            return last_read_text(s.last_read)
        if col == self.ADDED:
            return added_text(s.last_added) if s.last_read else ""
        if col == self.PROBLEM:
            return s.error or ""
        return ""

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.ON or role != Qt.ItemDataRole.CheckStateRole:
            return False
        source = self.rows[index.row()]
        enabled = Qt.CheckState(value) == Qt.CheckState.Checked
        if enabled != source.enabled:
            self.journal.run(source_ops.set_enabled, source.id, enabled,
                             text=tr("Switch on a source") if enabled else tr("Switch off a source"))
        return True


class FoundModel(QAbstractTableModel):
    """The stores found on this computer and not added yet: program, holds, what, where."""

    PROGRAM, HOLDS, WHAT, WHERE = range(4)
    HEADERS = (QT_TR_NOOP("Program"), QT_TR_NOOP("Holds"), QT_TR_NOOP("What"), QT_TR_NOOP("Where"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Found] = []

    def set_rows(self, rows: Sequence[Found]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        f = self.rows[index.row()]
        if role == ObjectRole:
            return f
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, SortRole):
            return (tr(PROGRAM_LABELS.get(f.program, f.program)), tr(WHAT_LABELS.get(f.what, f.what)),
                    kind_label(f.kind), shown_path(f.path))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.WHERE:
            return str(f.path)
        return None


class _Keys(QObject):
    """Enter, Space and Delete on a list, as buttons would do them."""

    def __init__(self, view: QTableView, enter: Any, space: Any = None, delete: Any = None) -> None:
        super().__init__(view)
        self._actions = {Qt.Key.Key_Return: enter, Qt.Key.Key_Enter: enter, Qt.Key.Key_Space: space,
                         Qt.Key.Key_Delete: delete}
        view.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            action = self._actions.get(Qt.Key(event.key()))
            if action is not None:
                action()
                return True
        return False


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the list; arrows move within it
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class SourcesPage(QWidget):
    """The sources added and the stores found, with Read now, Add, on/off and Remove."""

    def __init__(self, journal: Journal, watch: SourceWatch | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sources_page")
        self.journal = journal
        self.watch = watch if watch is not None else SourceWatch(journal, self)
        self._found_all: list[Found] = []
        self._detected = False

        title = QLabel(self.tr("<h2>Sources</h2>"))
        intro = QLabel(self.tr("relj reads these files and folders again by itself, when the app opens and "
                               "whenever they change, so your journal stays current. It never changes them."))
        intro.setWordWrap(True)

        self.model = SourcesModel(journal, self)
        self.table = _table(self.tr("Your sources"))
        self.table.setModel(self.model)
        self.read_button = QPushButton(self.tr("&Read now"))
        self.read_button.setToolTip(self.tr("Read the selected source now (Enter)"))
        self.read_all_button = QPushButton(self.tr("Read &all"))
        self.switch_button = QPushButton(self.tr("&Switch off"))
        self.switch_button.setToolTip(self.tr("Stop or start reading the selected source by itself (Space)"))
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.setToolTip(self.tr("Stop reading this source; what it added stays (Delete)"))
        self.read_button.clicked.connect(self.read_selected)
        self.read_all_button.clicked.connect(lambda: self.read(None))
        self.switch_button.clicked.connect(self.toggle_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        _Keys(self.table, self.read_selected, self.toggle_selected, self.remove_selected)

        self.found_model = FoundModel(self)
        self.found_table = _table(self.tr("Found on this computer"))
        self.found_table.setModel(self.found_model)
        self.found_hint = QLabel()
        self.found_hint.setWordWrap(True)
        self.create_people = QCheckBox(self.tr("Also add the &people in it who are not in the journal yet"))
        self.create_people.setToolTip(self.tr("Otherwise only contact with people already in the journal is "
                                              "added"))
        self.add_button = QPushButton(self.tr("A&dd"))
        self.look_button = QPushButton(self.tr("&Look again"))
        self.add_button.clicked.connect(self.add_selected)
        self.look_button.clicked.connect(self.look_again)
        _Keys(self.found_table, self.add_selected)

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Reading progress"))
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.stop_button = QPushButton(self.tr("S&top"))
        self.stop_button.setToolTip(self.tr("Stop reading: the source being read is left as it was (Esc)"))
        self.stop_button.clicked.connect(self.stop_reading)
        self.stop_button.hide()
        stop_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        stop_key.activated.connect(self.stop_reading)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Last read"))
        self.message.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.setToolTip(self.tr("Take back what the last read added (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        mine = QLabel(self.tr("Your &sources"))
        mine.setBuddy(self.table)
        layout.addWidget(mine)
        layout.addWidget(self.table, 2)
        row = QHBoxLayout()
        for button in (self.read_button, self.read_all_button, self.switch_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        found = QLabel(self.tr("&Found on this computer"))
        found.setBuddy(self.found_table)
        layout.addWidget(found)
        layout.addWidget(self.found_hint)
        layout.addWidget(self.found_table, 2)
        row = QHBoxLayout()
        row.addWidget(self.create_people, 1)
        row.addWidget(self.look_button)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.undo_button)
        reading = QHBoxLayout()
        reading.addWidget(self.progress, 1)
        reading.addWidget(self.stop_button)
        layout.addLayout(reading)
        layout.addLayout(bottom)
        self.setTabOrder(self.table, self.read_button)

        journal.changed.connect(lambda _kinds: self.reload())
        self.watch.read_started.connect(self._read_started)
        self.watch.progressed.connect(self._progressed)
        self.watch.read_finished.connect(self._read_finished)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.found_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    # -- lists ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Show the sources as they are now (keeping the selected one), and offer what is not added."""
        current = self.selected_source()
        self.model.reload()
        if current is not None:
            for row, s in enumerate(self.model.rows):
                if s.id == current.id:
                    self.table.selectRow(row)
                    break
        elif self.model.rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, SourcesModel.WHAT))
        self._show_found()

    def _show_found(self) -> None:
        added = {(s.kind, _key(s.path)) for s in self.model.rows}
        rows = [f for f in self._found_all if (f.kind, _key(f.path)) not in added]
        self.found_model.set_rows(rows)
        if rows and not self.found_table.currentIndex().isValid():
            self.found_table.setCurrentIndex(self.found_model.index(0, 0))
        if not self._detected:
            self.found_hint.setText(self.tr("Looking for Thunderbird, Evolution and mail folders…"))
        elif rows:
            self.found_hint.setText(self.tr("%n stores of mail, calendars or contacts found; choose one and press "
                                            "Add.", "", len(rows)))
        else:
            self.found_hint.setText(self.tr("No other stores of Thunderbird, Evolution or mail folders were found "
                                            "in your home folder."))
        self._update_buttons()

    def look_again(self) -> None:
        """Look for mail, calendar and contacts stores on a worker (the window keeps painting)."""
        try:
            self._found_all = run_off_thread(detect)
        except OSError as exc:
            self._found_all = []
            self.show_message(self.tr("Could not look through your home folder: %1").replace("%1", str(exc)))
        self._detected = True
        self._show_found()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._detected:
            QTimer.singleShot(0, self.look_again)

    def selected_source(self) -> Source | None:
        index = self.table.currentIndex()
        return self.model.data(index, ObjectRole) if index.isValid() else None

    def selected_found(self) -> Found | None:
        index = self.found_table.currentIndex()
        return self.found_model.data(index, ObjectRole) if index.isValid() else None

    def _update_buttons(self) -> None:
        source = self.selected_source()
        for button in (self.read_button, self.switch_button, self.remove_button):
            button.setEnabled(source is not None)
        self.read_all_button.setEnabled(bool(self.model.rows))
        self.switch_button.setText(self.tr("&Switch off") if source is None or source.enabled
                                   else self.tr("&Switch on"))
        found = self.selected_found()
        self.add_button.setEnabled(found is not None and found.kind in READABLE_KINDS)
        self.add_button.setToolTip(
            self.tr("relj cannot read this kind of store yet") if found is not None and found.kind not in
            READABLE_KINDS else self.tr("Add the selected store as a source and read it (Enter)"))
        self.create_people.setEnabled(found is None or found.kind in EVENT_KINDS)

    # -- actions -------------------------------------------------------------------------------
    def read_selected(self) -> None:
        source = self.selected_source()
        if source is not None:
            self.read([source.id])

    def read(self, ids: Sequence[int] | None) -> list[SyncResult]:
        """Read now, on a worker; the message says what the read added, with Undo."""
        if self.watch.reading:
            self.show_message(self.tr("A read is under way; this one follows it."))
            self.watch.schedule(ids, delay_ms=0)
            return []
        results = self.watch.read(ids)
        self.reload()
        if results:
            self.show_message(read_message(results), undoable=any(r.import_id is not None for r in results))
        return results

    def toggle_selected(self) -> None:
        source = self.selected_source()
        if source is None:
            return
        self._run(source_ops.set_enabled, source.id, not source.enabled,
                  text=self.tr("Switch on a source") if not source.enabled else self.tr("Switch off a source"),
                  message=(self.tr("%1 is read by itself again") if not source.enabled
                           else self.tr("%1 is no longer read by itself")).replace("%1", shown_path(source.path)))

    def remove_selected(self) -> None:
        source = self.selected_source()
        if source is None:
            return
        row = self.table.currentIndex().row()
        self._run(source_ops.remove_source, source.id, text=self.tr("Remove a source"),
                  message=self.tr("Removed %1; what it added stays in the journal").replace(
                      "%1", shown_path(source.path)))
        if self.model.rows:
            self.table.selectRow(min(row, len(self.model.rows) - 1))

    def add_selected(self) -> None:
        found = self.selected_found()
        if found is None:
            return
        if found.kind not in READABLE_KINDS:
            self.show_message(self.tr("relj cannot read %1 yet.").replace("%1", kind_label(found.kind)))
            return
        options: dict[str, Any] = {}
        if self.create_people.isChecked() and found.kind in EVENT_KINDS:
            options["create_people"] = True
        row = self.found_table.currentIndex().row()
        source = self._run(source_ops.add_source, found.kind, found.path, options,
                           text=self.tr("Add a source"),
                           message=self.tr("Added %1").replace("%1", shown_path(found.path)))
        if source is None:
            return
        for n, s in enumerate(self.model.rows):
            if s.id == source.id:
                self.table.selectRow(n)
        if self.found_model.rows:
            self.found_table.selectRow(min(row, len(self.found_model.rows) - 1))
        self.read([source.id])

    def _run(self, op: Any, *args: Any, text: str, message: str) -> Any:
        try:
            value = self.journal.run(op, *args, text=text, message=message)
        except UserError as exc:
            self.show_message(str(exc))
            return None
        self.reload()
        self.show_message(message, undoable=True)
        return value

    def undo(self) -> None:
        self.journal.undo_stack.undo()
        self.undo_button.hide()
        self.show_message(self.tr("Undone"))

    def show_message(self, text: str, undoable: bool = False) -> None:
        self.message.setText(text)
        self.undo_button.setVisible(undoable and self.journal.undo_stack.canUndo())

    # -- reads under way -----------------------------------------------------------------------
    def stop_reading(self) -> None:
        """Stop the read under way (Stop, or Esc on this page)."""
        if self.watch.stop_reading():
            self.stop_button.setEnabled(False)
            self.progress.setFormat(self.tr("Stopping…"))

    def _read_started(self) -> None:
        self.progress.setRange(0, 0)  # busy until the first count
        self.progress.setFormat(self.tr("Reading…"))
        self.progress.show()
        self.stop_button.setEnabled(True)
        self.stop_button.show()
        self.read_button.setEnabled(False)
        self.read_all_button.setEnabled(False)

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.progress.setFormat(self.tr("Reading %1 of %2").replace("%1", str(min(done + 1, total)))
                                    .replace("%2", str(total)))

    def _read_finished(self, _results: object) -> None:
        self.progress.hide()
        self.stop_button.hide()
        self.reload()

    def focus_list(self) -> None:
        """The keyboard on the sources list (or on what was found, when nothing is added yet)."""
        (self.table if self.model.rows or not self.found_model.rows else self.found_table).setFocus()


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path)


def show_sources(window: MainWindow, watch: SourceWatch | None = None) -> SourcesPage:
    """Show the Sources page in ``window``'s stack of views (built the first time)."""
    page = getattr(window, "sources_page", None)
    if not isinstance(page, SourcesPage):
        page = SourcesPage(window.journal, watch)
        window.sources_page = page  # type: ignore[attr-defined]
        window.stack.addWidget(page)
    # None of the navigation column's views is shown.
    window.nav.blockSignals(True)
    window.nav.setCurrentRow(-1)
    window.nav.blockSignals(False)
    window.stack.setCurrentWidget(page)
    window.setWindowTitle(tr("Sources — relj"))
    page.focus_list()
    return page
