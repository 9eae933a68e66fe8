"""Edit ▸ Rhythms…: the rhythms the user commits to (a first-Sunday dinner, a call every 2 weeks).

The list shows each rhythm's name, people, rule in plain words, channel, next date, when it was
last kept and whether it was missed ("missed twice"). Below it a row of fields adds one: name,
people (relj's completer), the rule typed (`first sunday`, `2 weeks`, `month`: the accepted forms
are shown, and a rule relj cannot read is said inline, nothing written), channel, an optional time
and a start date. Delete removes the selected rhythm (Ctrl+Z brings it back); "Add to calendar…"
writes it as one recurring .ics event (relj.interop.rhythm_ics: an RRULE). Every write goes
through the Journal: one undoable step with a short message.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relj import clock
from relj.domain import Channel
from relj.errors import UserError
from relj.ops import rhythms as rhythm_ops
from relj.rhythms import MISSED_FLAG, Rhythm, RhythmState, Rule, check_name, check_time, parse_rule
from relj.ui import journal as jn
from relj.ui.completer import TokenCompleter, people_source
from relj.ui.i18n import QT_TR_NOOP, channel_label, tr
from relj.ui.journal import Journal
from relj.ui.person_moments import MomentDayField
from relj.ui.roles import ObjectRole, SortRole
from relj.ui.widgets import buddy_label

log = logging.getLogger(__name__)

__all__ = ["RhythmsDialog", "RhythmsModel", "ask_ics_path", "missed_text", "rule_words", "show_rhythms"]

_ROOT = QModelIndex()
Index = QModelIndex | QPersistentModelIndex


def rule_words(rule: Rule) -> str:
    """The rule in plain words: 'every week', 'every 2 weeks', 'every first Sunday of the month'."""
    if rule.unit == "nth":
        ordinal = {1: tr("first"), 2: tr("second"), 3: tr("third"), 4: tr("fourth"), -1: tr("last")}[rule.nth]
        return tr("every %1 %2 of the month").replace("%1", ordinal).replace(
            "%2", QLocale().dayName(rule.weekday + 1, QLocale.FormatType.LongFormat))
    if rule.unit == "week":
        return tr("every week") if rule.interval == 1 else tr("every %n weeks", "", rule.interval)
    if rule.unit == "month":
        return tr("every month") if rule.interval == 1 else tr("every %n months", "", rule.interval)
    return tr("every year")


def missed_text(st: RhythmState) -> str:
    """'kept', 'missed once', 'missed twice', 'missed 3 times in a row' (at least, when the look was bounded)."""
    n = st.missed_in_a_row
    if n == 0:
        if st.looked_at == 0:
            return tr("not yet due")
        return tr("kept") if st.last_kept is not None else tr("due now")
    if n == 1:
        return tr("missed once")
    if n == 2 and not st.at_least:
        return tr("missed twice")
    if st.at_least:
        return tr("missed at least %n times in a row", "", n)
    return tr("missed %n times in a row", "", n)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def short_day(day: dt.date) -> str:
    """'Sun 4 Jan' (with the year when it is not this year's)."""
    fmt = "ddd d MMM" if day.year == clock.today().year else "ddd d MMM yyyy"
    return QLocale().toString(QDate(day.year, day.month, day.day), fmt)


class RhythmsModel(QAbstractTableModel):
    """Every rhythm with its state as of today, by name; reloads when the journal says so."""

    NAME, WHO, RULE, CHANNEL, NEXT, LAST_KEPT, STATE = range(7)
    HEADERS = (QT_TR_NOOP("Rhythm"), QT_TR_NOOP("With"), QT_TR_NOOP("How often"), QT_TR_NOOP("Channel"),
               QT_TR_NOOP("Next"), QT_TR_NOOP("Last kept"), QT_TR_NOOP("Kept?"))

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._rows: list[tuple[Rhythm, RhythmState]] = []
        journal.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        from relj.reconnect_rhythms import rhythm_states

        rows = rhythm_states(self.journal.store, clock.today())
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {jn.PEOPLE, jn.RECONNECT, jn.INTERACTIONS, jn.EVERYTHING}:
            self.reload()

    def rhythm(self, row: int) -> Rhythm:
        return self._rows[row][0]

    def row_of(self, rhythm_id: int) -> int:
        return next((n for n, (r, _) in enumerate(self._rows) if r.id == rhythm_id), -1)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS) \
                and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, st = self._rows[index.row()]
        col = index.column()
        if role == ObjectRole:
            return r
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(r, st, col)
        if role == SortRole:
            return (r.name.casefold(), ", ".join(m[1] for m in r.members).casefold(), r.rule, r.channel.value,
                    st.next, st.last_kept or dt.date.min, st.missed_in_a_row)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.STATE and st.missed_in_a_row:
                from relj.rhythms import missed_reason

                return missed_reason(r, st, clock.today())
            if col == self.WHO:
                return ", ".join(m[1] for m in r.members)
            return None
        if role == Qt.ItemDataRole.FontRole and col == self.STATE and st.missed_in_a_row >= MISSED_FLAG:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, r: Rhythm, st: RhythmState, col: int) -> str:
        if col == self.NAME:
            return r.name
        if col == self.WHO:
            return ", ".join(m[2] for m in r.members) or tr("no one")
        if col == self.RULE:
            return rule_words(r.parsed)
        if col == self.CHANNEL:
            return channel_label(r.channel) + (f" · {r.time}" if r.time else "")
        if col == self.NEXT:
            return short_day(st.next)
        if col == self.LAST_KEPT:
            return short_day(st.last_kept) if st.last_kept else tr("not yet")
        return missed_text(st)


class _Table(QTableView):
    """Delete removes the selected rhythm; Enter adds it to a calendar."""

    def __init__(self, dialog: RhythmsDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentIndex().isValid():
            self.dialog.remove_selected()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.dialog.export_selected()
            return
        super().keyPressEvent(event)


class RhythmsDialog(QDialog):
    """The rhythms, and a row of fields to add one. Enter in a field adds; Escape closes."""

    def __init__(self, journal: Journal, person_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setObjectName("rhythms_dialog")
        self.setWindowTitle(self.tr("Rhythms"))
        self.today = clock.today()
        self.model = RhythmsModel(journal, self)

        intro = QLabel(self.tr("Rhythms you keep with people: a first-Sunday dinner, a call every two weeks. "
                               "Two missed in a row and relj says so on Reconnect."))
        intro.setWordWrap(True)
        self.table = _Table(self)
        self.table.setObjectName("rhythms_table")
        self.table.setAccessibleName(self.tr("Rhythms"))
        self.table.setAccessibleDescription(self.tr("Delete removes the selected rhythm; Enter adds it to a calendar"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RhythmsModel.WHO, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("No rhythms yet. Add the first one below."))
        self.empty.setObjectName("rhythms_empty")

        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setAccessibleName(self.tr("Remove rhythm"))
        self.remove_button.setToolTip(self.tr("Remove the selected rhythm (Delete; Ctrl+Z brings it back)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.calendar_button = QPushButton(self.tr("Add to &calendar…"), self)
        self.calendar_button.setAccessibleName(self.tr("Add to calendar"))
        self.calendar_button.setToolTip(self.tr("Save the rhythm as one repeating calendar event (.ics)"))
        self.calendar_button.clicked.connect(self.export_selected)
        for b in (self.remove_button, self.calendar_button):
            b.setAutoDefault(False)

        self._build_form()
        self.status = QLabel(self)
        self.status.setObjectName("rhythms_status")
        self.status.setAccessibleName(self.tr("Last action"))
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)

        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.remove_button)
        row_buttons.addWidget(self.calendar_button)
        row_buttons.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row_buttons)
        layout.addWidget(self.form_title)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.setTabOrder(self.table, self.remove_button)
        self.setTabOrder(self.remove_button, self.calendar_button)
        self.setTabOrder(self.calendar_button, self.name)
        for before, after in zip(self._fields, self._fields[1:], strict=False):
            self.setTabOrder(before, after)
        self.setTabOrder(self._fields[-1], self.add_button)
        self.setTabOrder(self.add_button, self.close_button)

        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.activated.connect(journal.undo_stack.undo)
        redo = QShortcut(QKeySequence(QKeySequence.StandardKey.Redo), self)
        redo.activated.connect(journal.undo_stack.redo)
        journal.action_done.connect(self._done)
        self.model.modelReset.connect(self._after_reset)
        self._after_reset()

        if person_id is not None and journal.store.person_exists(person_id):
            person = journal.store.person(person_id)
            self.who.setText(person.display_name + ", ")
            self.completer.remember(person.display_name, person.id)
            for n in range(self.model.rowCount()):
                if person_id in [m[0] for m in self.model.rhythm(n).members]:
                    self.table.selectRow(n)
                    break
        self.resize(self.sizeHint().expandedTo(self._preferred_size()))
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
        else:
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _preferred_size(self) -> Any:
        from PySide6.QtCore import QSize

        screen = self.screen().availableGeometry().size() if self.screen() else QSize(1024, 700)
        return QSize(min(900, int(screen.width() * 0.9)), min(560, int(screen.height() * 0.85)))

    def _build_form(self) -> None:
        self.form_title = QLabel(self.tr("Add a rhythm"), self)
        bold = self.form_title.font()
        bold.setBold(True)
        self.form_title.setFont(bold)
        self.name = QLineEdit(self)
        self.name.setObjectName("rhythm_name")
        self.name.setAccessibleName(self.tr("Rhythm name"))
        self.name.setPlaceholderText(self.tr("First-Sunday dinner"))
        self.who = QLineEdit(self)
        self.who.setObjectName("rhythm_who")
        self.who.setAccessibleName(self.tr("With whom"))
        self.who.setPlaceholderText(self.tr("Type names, separated by commas"))
        self.completer = TokenCompleter(self.who, people_source(self.journal.store), multi=True, parent=self)
        self.rule = QLineEdit(self)
        self.rule.setObjectName("rhythm_rule")
        self.rule.setAccessibleName(self.tr("How often"))
        self.rule.setPlaceholderText(self.tr("first sunday"))
        self.rule.textChanged.connect(self._rule_changed)
        self.rule_hint = QLabel(self)
        self.rule_hint.setObjectName("rhythm_rule_hint")
        self.rule_hint.setWordWrap(True)
        self.rule_hint.setAccessibleName(self.tr("Accepted rules"))
        self._accepted = self.tr("Type how often: week, 2 weeks, month, 3 months, year, or a day of the month "
                                 "such as first Sunday, second Tuesday or last Friday.")
        self.rule_hint.setText(self._accepted)
        self.channel = QComboBox(self)
        self.channel.setObjectName("rhythm_channel")
        self.channel.setAccessibleName(self.tr("Channel"))
        for c in Channel:
            self.channel.addItem(channel_label(c), c.value)
        self.time = QLineEdit(self)
        self.time.setObjectName("rhythm_time")
        self.time.setAccessibleName(self.tr("Time"))
        self.time.setPlaceholderText(self.tr("19:30 (optional)"))
        self.time.setMaximumWidth(140)
        self.start = MomentDayField(self.today, self)
        self.start.setObjectName("rhythm_start")
        self.start.setAccessibleName(self.tr("Starting"))
        self.start.setPlaceholderText(self.tr("today"))
        self.start.setMaximumWidth(160)
        self.add_button = QPushButton(self.tr("&Add rhythm"), self)
        self.add_button.setAccessibleName(self.tr("Add rhythm"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.submit)
        self.error = QLabel(self)
        self.error.setObjectName("rhythm_error")
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setWordWrap(True)
        self.error.hide()
        # Enter in any field adds: the dialog's keyPressEvent (a line edit passes Enter on to it).
        when = QHBoxLayout()
        when.addWidget(self.channel)
        when.addWidget(buddy_label(self, self.tr("&Time"), self.time))
        when.addWidget(self.time)
        when.addWidget(buddy_label(self, self.tr("&Starting"), self.start))
        when.addWidget(self.start)
        when.addStretch(1)
        when.addWidget(self.add_button)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(buddy_label(self, self.tr("&Name"), self.name), self.name)
        self.form.addRow(buddy_label(self, self.tr("&With"), self.who), self.who)
        self.form.addRow(buddy_label(self, self.tr("&Every"), self.rule), self.rule)
        self.form.addRow("", self.rule_hint)
        self.form.addRow(buddy_label(self, self.tr("C&hannel"), self.channel), when)
        self._fields: list[QWidget] = [self.name, self.who, self.rule, self.channel, self.time, self.start]

    # -- state ------------------------------------------------------------------------------------
    def _after_reset(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)
        self.remove_button.setEnabled(not empty)
        self.calendar_button.setEnabled(not empty)

    def _rule_changed(self, text: str) -> None:
        """Spell the rule back as it is typed, or say plainly that relj cannot read it."""
        from relj.ui.palettes import error_style

        self.error.hide()
        if not text.strip():
            self.rule_hint.setStyleSheet("")
            self.rule_hint.setText(self._accepted)
            return
        try:
            rule = parse_rule(text)
        except UserError:
            self.rule_hint.setStyleSheet(error_style(self.palette()))
            self.rule_hint.setText(self.tr("relj cannot read “%1”. %2").replace("%1", text.strip())
                                   .replace("%2", self._accepted))
            return
        self.rule_hint.setStyleSheet("")
        start = self.start.day() or self.today
        from relj.rhythms import next_occurrence

        nxt = next_occurrence(rule, start, max(start, self.today))
        self.rule_hint.setText(self.tr("%1; next: %2").replace("%1", _capital(rule_words(rule)))
                               .replace("%2", short_day(nxt)))

    def selected_rhythm(self) -> Rhythm | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.isVisible() and self.model.rowCount() == 0:
            return None
        return self.model.rhythm(index.row()) if index.row() < self.model.rowCount() else None

    def _done(self, message: str, undoable: bool) -> None:
        self.status.setText(message + (" · " + self.tr("Ctrl+Z undoes") if undoable else ""))

    def _fail(self, text: str, field: QWidget) -> None:
        from relj.ui.palettes import error_style

        self.error.setStyleSheet(error_style(self.palette()))
        self.error.setText(text)
        self.error.show()
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _people(self) -> list[int] | None:
        """The ids in the With field; None (and the problem said) when a name finds no one or several."""
        ids = []
        for token in self.completer.tokens():
            pid = self.completer.picked_id(token)
            if pid is None:
                try:
                    pid = self.journal.store.resolve(token).id
                except UserError as exc:
                    self._fail(str(exc), self.who)
                    return None
            ids.append(pid)
        return ids

    # -- actions ----------------------------------------------------------------------------------
    def submit(self) -> bool:
        """Add the rhythm of the form (one undoable step); say inline what is wrong, writing nothing."""
        if self.completer.is_open():
            return False
        try:
            name = check_name(self.name.text())
        except UserError as exc:
            self._fail(str(exc), self.name)
            return False
        ids = self._people()
        if ids is None:
            return False
        if not ids:
            self._fail(self.tr("Who is it with? Type a name in With."), self.who)
            return False
        try:
            parse_rule(self.rule.text() or "")
        except UserError:
            self._fail(self.tr("relj cannot read the rule “%1”. %2").replace("%1", self.rule.text().strip())
                       .replace("%2", self._accepted), self.rule)
            return False
        try:
            time = check_time(self.time.text())
        except UserError:
            self._fail(self.tr("A time is HH:MM, such as 19:30 (or leave it empty)."), self.time)
            return False
        start = self.start.day()
        if start is None:
            self._fail(self.tr("Not a date I know: try today, 12 oct or 2026-10-12."), self.start)
            return False
        try:
            made = self.journal.run(rhythm_ops.add_rhythm, name, ids, self.rule.text(), self.channel.currentData(),
                                    time=time, start=start, text=self.tr("Add rhythm %1").replace("%1", name),
                                    message=self.tr("Added %1").replace("%1", name))
        except UserError as exc:
            self._fail(str(exc), self.name)
            return False
        self.error.hide()
        for edit in (self.name, self.who, self.rule, self.time, self.start):
            edit.clear()
        row = self.model.row_of(made.id)
        if row >= 0:
            self.table.selectRow(row)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def remove_selected(self) -> None:
        r = self.selected_rhythm()
        if r is None:
            return
        row = self.table.currentIndex().row()
        try:
            self.journal.run(rhythm_ops.remove_rhythm, r.id, text=self.tr("Remove rhythm %1").replace("%1", r.name),
                             message=self.tr("Removed %1").replace("%1", r.name))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Rhythms"), str(exc))
            return
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def export_selected(self) -> Path | None:
        """Save the selected rhythm as an .ics (one event with an RRULE) where the user says."""
        from relj.fileio import write_atomic
        from relj.interop.rhythm_ics import calendar_for_rhythm

        r = self.selected_rhythm()
        if r is None:
            return None
        safe = "".join(ch if ch.isalnum() else "-" for ch in r.name.lower()).strip("-") or "rhythm"
        path = ask_ics_path(self, f"{safe}.ics")
        if path is None:
            return None
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        try:
            write_atomic(path, calendar_for_rhythm(self.journal.store, r.id))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Add to calendar"), str(exc))
            return None
        log.info("rhythm id=%d written as an .ics file", r.id)
        self.status.setText(self.tr("Saved %1: open it with your calendar to add the repeating event.")
                            .replace("%1", path.name))
        return path

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter acts on the focused part (the fields add, the list exports); it never closes the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if focused in self._fields or focused is self.add_button:
                self.submit()
            return
        super().keyPressEvent(event)


def ask_ics_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save the rhythm's .ics (a save dialog; replaced in tests)."""
    path, _ = QFileDialog.getSaveFileName(parent, tr("Add to calendar"), str(Path.home() / suggested),
                                          tr("Calendar files (*.ics)"))
    return Path(path) if path else None


def show_rhythms(parent: QWidget | None, journal: Journal, person_id: int | None = None) -> None:
    """Show the Rhythms dialog (modal); ``person_id`` is put in a new rhythm's With field."""
    dialog = RhythmsDialog(journal, person_id, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
