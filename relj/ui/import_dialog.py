"""File ▸ Import…: a table of what an import will do, one row per incoming record, then the import.

The preview is the engine's dry run: the whole import in a transaction that is rolled back, so
what it shows is exactly what the import will do. Each row says who comes in, what they bring and
what happens to them (added as a new person, merged with someone already in the journal, or left
out); that choice can be changed per row, and the preview runs again with it. The import runs on
a worker as one undoable step; afterwards the dialog says what happened and offers Undo import.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from relj.domain import normalise_email
from relj.errors import UserError
from relj.interop import engine
from relj.interop.engine import ImportCancelled, ImportOptions, ImportSummary
from relj.interop.engine.report import Decision
from relj.ops import OpResult
from relj.ops import imports as import_ops
from relj.store import Store
from relj.ui.i18n import QT_TR_NOOP, tr
from relj.ui.import_table import ImportTable
from relj.ui.journal import Journal
from relj.ui.palettes import error_style
from relj.ui.workers import JournalTask

log = logging.getLogger(__name__)

# Formats where unknown people may be created (address books always add people).
EVENT_FORMATS = ("ics", "mbox", "maildir", "eml", "calls", "sms", "whatsapp", "thunderbird-calendar")
MAIL_FORMATS = ("mbox", "maildir", "eml", "ics", "thunderbird-calendar")

#: What the welcome's Import buttons offer, each with its file filter.
FILE_FILTERS: dict[str, str] = {
    "contacts": QT_TR_NOOP("Address books (*.vcf *.vcard *.csv)"),
    "calendar": QT_TR_NOOP("Calendars (*.ics *.vcs *.ical)"),
    "mail": QT_TR_NOOP("Mail (*.mbox *.mbx *.eml)"),
    "phone": QT_TR_NOOP("Phone backups (*.xml *.txt)"),
}


def plain_summary(s: ImportSummary, *, done: bool) -> str:
    """One plain sentence: what the import adds (or added)."""
    parts: list[str] = []
    if s.people_added:
        parts.append(tr("%Ln new people", "", s.people_added))
    if s.people_updated:
        parts.append(tr("new details for %n people already here", "", s.people_updated))
    if s.people_unchanged:
        parts.append(tr("%Ln people already here with nothing new", "", s.people_unchanged))
    if s.interactions_added:
        parts.append(tr("%Ln interactions", "", s.interactions_added))
    if s.interactions_updated:
        parts.append(tr("%Ln planned meetings brought up to date", "", s.interactions_updated))
    if s.skipped_total:
        parts.append(tr("%Ln records left out", "", s.skipped_total))
    if s.bad:
        parts.append(tr("%Ln unreadable records left out", "", len(s.bad)))
    what = ", ".join(parts) if parts else tr("nothing new")
    if done:
        return tr("Imported from %1: %2.").replace("%1", s.file_name).replace("%2", what)
    return tr("Importing %1 brings %2. Nothing is written until you choose Import.").replace(
        "%1", s.file_name).replace("%2", what)


class ImportDialog(QDialog):
    """Choose the format and options, see the table of what happens, change it per row, import."""

    def __init__(self, journal: Journal, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.path = Path(path)
        self.summary: ImportSummary | None = None
        self.preview_summary: ImportSummary | None = None
        self.decisions: dict[str, Decision] = {}
        self._undo_index: int | None = None
        self.setWindowTitle(self.tr("Import %1").replace("%1", self.path.name))
        # Fits the screen: at a scale factor of 2 a 1440-pixel screen has 720 points of height.
        room = self.screen().availableGeometry() if self.screen() is not None else None
        self.resize(min(760, room.width() - 40) if room else 760, min(560, room.height() - 60) if room else 560)

        self.format = QComboBox(self)
        for fmt, label in engine.FORMATS.items():
            self.format.addItem(tr(label), fmt)  # the labels are marked in relj.ui.i18n.FORMAT_LABELS
        guessed = engine.guess_format(self.path)
        if guessed:
            self.format.setCurrentIndex(self.format.findData(guessed))
        self.create_people = QCheckBox(self.tr("Add the people I wrote to or met who are not in my journal yet"), self)
        self.min_messages = QSpinBox(self)
        self.min_messages.setRange(1, 10_000)
        self.min_messages.setPrefix(self.tr("at least "))
        self._plural_suffix(self.min_messages.value())
        self.min_messages.valueChanged.connect(self._plural_suffix)
        self.skip_bad = QCheckBox(self.tr("Leave out unreadable records and import the rest"), self)
        owner = journal.store.owner()
        self.me_name = QLineEdit(self)
        self.me_name.setPlaceholderText(self.tr("as the chat shows it, e.g. Sam Rivera"))
        self.me_name.setToolTip(self.tr("WhatsApp writes your messages under this name; "
                                        "relj leaves you out of the people you chatted with."))
        self.me_name.setText(owner.name)
        self.me_emails = QLineEdit(self)
        self.me_emails.setPlaceholderText(self.tr("e.g. sam@example.org, sam.rivera@work.example"))
        self.me_emails.setToolTip(self.tr("Your own addresses: you are never added as a person. "
                                          "They are kept as yours for later imports."))
        self.me_emails.setText(", ".join(owner.emails))

        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow("", self.create_people)
        form.addRow(self.tr("&Only with:"), self.min_messages)
        form.addRow("", self.skip_bad)
        form.addRow(self.tr("&Your name in the chat:"), self.me_name)
        form.addRow(self.tr("Your email &addresses:"), self.me_emails)
        self._me_name_label = form.labelForField(self.me_name)
        self._me_emails_label = form.labelForField(self.me_emails)
        for widget in (self.format, self.min_messages, self.me_name, self.me_emails):
            buddy = form.labelForField(widget)
            if isinstance(buddy, QLabel):
                widget.setAccessibleName(buddy.text().replace("&", "").rstrip(":"))

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(self.tr("Summary"))
        self.table = ImportTable(self)
        self.table.rows.decision_changed.connect(self._decision_changed)
        self.hint = QLabel(self.tr("Select a row and press Enter to change what happens to it."), self)
        self.hint.setWordWrap(True)
        self.bad_label = QLabel(self.tr("Unreadable records:"), self)
        self.bad_list = QListWidget(self)
        self.bad_list.setAccessibleName(self.tr("Unreadable records"))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style(self.palette()))
        self.error.hide()

        preview = QWidget(self)
        column = QVBoxLayout(preview)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary_label)
        column.addWidget(self.table, 3)
        column.addWidget(self.hint)
        column.addWidget(self.bad_label)
        column.addWidget(self.bad_list, 1)
        column.addWidget(self.error)

        done = QWidget(self)
        result_column = QVBoxLayout(done)
        self.result_label = QLabel(done)
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("What was imported"))
        self.undo_button = QPushButton(self.tr("&Undo import"), done)
        self.undo_button.setToolTip(self.tr("Remove everything this import added"))
        self.undo_button.clicked.connect(self.undo_import)
        result_column.addWidget(self.result_label)
        result_column.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignLeft)
        result_column.addStretch(1)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(preview)
        self.pages.addWidget(done)

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.done_button = self.buttons.addButton(self.tr("&Done"), QDialogButtonBox.ButtonRole.ActionRole)
        self.done_button.hide()
        self.done_button.clicked.connect(self.accept)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(str(self.path), self))
        self.options_box = QWidget(self)
        self.options_box.setLayout(form)
        layout.addWidget(self.options_box)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

        self.format.currentIndexChanged.connect(self._options_changed)
        self.create_people.toggled.connect(self._options_changed)
        self.skip_bad.toggled.connect(self._options_changed)
        self.min_messages.valueChanged.connect(self._options_changed)
        self.me_name.editingFinished.connect(self.run_preview)
        self.me_emails.editingFinished.connect(self.run_preview)
        self._sync_options()

    # -- options -------------------------------------------------------------------------------

    def _plural_suffix(self, n: int) -> None:
        """ "at least 1 message", "at least 5 messages": the suffix follows the number."""
        self.min_messages.setSuffix(self.tr(" message(s)", "", n))

    def fmt(self) -> str:
        return str(self.format.currentData() or "")

    def _sync_options(self) -> None:
        fmt = self.fmt()
        events = fmt in EVENT_FORMATS
        self.create_people.setEnabled(events)
        self.min_messages.setEnabled(events and self.create_people.isChecked())
        for field, label, shown in ((self.me_name, self._me_name_label, fmt == "whatsapp"),
                                    (self.me_emails, self._me_emails_label, fmt in MAIL_FORMATS)):
            field.setVisible(shown)
            if label is not None:
                label.setVisible(shown)

    def _options_changed(self) -> None:
        self._sync_options()
        self.decisions.clear()  # other options, other rows
        self.run_preview()

    def my_addresses(self) -> tuple[str, ...]:
        """The addresses typed as mine (commas, semicolons or spaces between them)."""
        words = self.me_emails.text().replace(",", " ").replace(";", " ").split()
        return tuple(dict.fromkeys(w for w in words if "@" in w))

    def options(self, *, dry_run: bool) -> ImportOptions:
        fmt = self.fmt()
        events = fmt in EVENT_FORMATS
        return ImportOptions(
            fmt=fmt, file_name=self.path.name, dry_run=dry_run, skip_bad=self.skip_bad.isChecked(),
            create_people=events and self.create_people.isChecked(), min_messages=self.min_messages.value(),
            me_names=(self.me_name.text().strip(),) if fmt == "whatsapp" and self.me_name.text().strip() else (),
            me_addresses=self.my_addresses() if fmt in MAIL_FORMATS else (),
            decisions=dict(self.decisions), collect_rows=dry_run,
        )

    # -- running -------------------------------------------------------------------------------
    def _execute(self, options: ImportOptions) -> ImportSummary:
        """Run the engine with a progress dialog whose Cancel rolls back (raises ImportCancelled)."""
        store = self.journal.store
        me_names = options.me_names
        if options.fmt == "whatsapp":
            try:
                me_names = engine.whatsapp_names(store, me_names)
            except UserError:
                # The engine's message names the command-line option; here the field is the answer.
                self.me_name.setFocus()
                raise UserError(self.tr(
                    "Type your name as the chat shows it under “Your name in the chat”, "
                    "so that relj leaves you out of the people you chatted with.")) from None
            options.me_names = me_names
        path, me_addresses = self.path, options.me_addresses

        def work(worker_store: Store, tick: Callable[[int], bool]) -> OpResult[ImportSummary]:
            records = engine.open_records(options.fmt, path, worker_store, me_names=me_names,
                                          me_addresses=me_addresses)
            return import_ops.import_records(worker_store, records, options, progress=tick)

        progress = QProgressDialog(self.tr("Reading %1…").replace("%1", self.path.name), self.tr("Cancel"), 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def connect(task: JournalTask[object]) -> None:
            task.progressed.connect(
                lambda count: progress.setLabelText(self.tr("Read %1 records…").replace("%1", f"{count:,}")))
            progress.canceled.connect(task.cancel)

        try:
            # On a worker with its own connection: the window keeps painting and Cancel works.
            return self.journal.run_on_worker(
                work, busy=self.tr("importing %1").replace("%1", self.path.name), connect=connect,
                text=self.tr("Import %1").replace("%1", self.path.name),
                message=self.tr("Imported %1").replace("%1", self.path.name))
        finally:
            progress.reset()
            progress.deleteLater()

    def run_preview(self) -> ImportSummary | None:
        """The dry run: fills the table, the summary and the list of unreadable records."""
        self.preview_summary = None
        self.bad_list.clear()
        current = self.table.currentIndex()
        key = self.table.rows.data(current, self.table.rows.ObjectRole).key if current.isValid() else None
        column = current.column() if current.isValid() else 0
        if not self.fmt():
            return None
        try:
            summary = self._execute(self.options(dry_run=True))
        except UserError as exc:
            self._show_error(str(exc))
            self.table.rows.set_rows([], self.fmt())
            self.summary_label.setText("")
            self._sync_bad(False)
            return None
        self._show_error("")
        self.preview_summary = summary
        self.table.rows.set_rows(summary.rows, summary.fmt)
        text = plain_summary(summary, done=False)
        if summary.rows_left_out:
            text += " " + self.tr("The table shows the first %n rows.", "", len(summary.rows))
        unknown = summary.skipped.get("no known person", 0)
        if unknown and not self.create_people.isChecked():
            text += " " + self.tr("%n are with people who are not in your journal: tick “Add the people…” "
                                  "to add them.", "", unknown)
        self.summary_label.setText(text)
        for where, reason in summary.bad:
            self.bad_list.addItem(f"{where}: {reason}")
        self._sync_bad(bool(summary.bad))
        self.hint.setVisible(bool(summary.rows))
        row = self.table.rows.row_of(key) if key is not None else -1
        if row < 0 and summary.rows:
            row = 0
        if row >= 0:
            self.table.setCurrentIndex(self.table.rows.index(row, column))
        return summary

    def _sync_bad(self, shown: bool) -> None:
        self.bad_label.setVisible(shown)
        self.bad_list.setVisible(shown)

    def _decision_changed(self, key: str, decision: Decision) -> None:
        self.decisions[key] = decision
        # After the editor has closed: the preview runs again with the choice.
        QTimer.singleShot(0, self.run_preview)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.import_button.setEnabled(not text)

    def run_import(self) -> None:
        """Import for real (one undoable step); then show what happened, with Undo import."""
        if self.pages.currentIndex() == 1:
            self.accept()
            return
        options = self.options(dry_run=False)
        mine = self.my_addresses() if self.fmt() in MAIL_FORMATS else ()
        known = {normalise_email(e) for e in self.journal.store.owner().emails}
        new = [a for a in mine if normalise_email(a) not in known]
        try:
            if new:  # kept as yours, so the next import knows them too (its own undo step)
                self.journal.update_owner(add_emails=new)
            self.summary = self._execute(options)
        except ImportCancelled:
            self._show_error(self.tr("Import cancelled; nothing was changed."))
            self.import_button.setEnabled(True)
            return
        except UserError as exc:
            self._show_error(str(exc))
            return
        self._undo_index = self.journal.undo_stack.index()
        self._show_result(self.summary)

    def _show_result(self, summary: ImportSummary) -> None:
        text = plain_summary(summary, done=True)
        if summary.duplicates:
            text += " " + self.tr("%n of the new people have the name of someone already here: "
                                  "Edit ▸ Find duplicates (Ctrl+Shift+D) puts them side by side.", "",
                                  len(summary.duplicates))
        self.result_label.setText(text)
        self.undo_button.setEnabled(summary.run_id is not None and summary.added > 0)
        self.pages.setCurrentIndex(1)
        self.options_box.setEnabled(False)
        self.import_button.hide()
        self.cancel_button.hide()
        self.done_button.show()
        self.done_button.setDefault(True)
        (self.undo_button if self.undo_button.isEnabled() else self.done_button).setFocus()

    def undo_import(self) -> None:
        """Take the import back out: the undo step it pushed, or the import's own undo."""
        if self.summary is None or self.summary.run_id is None:
            return
        stack = self.journal.undo_stack
        try:
            if self._undo_index is not None and stack.index() == self._undo_index and stack.canUndo():
                stack.undo()
            else:
                self.journal.run(import_ops.undo_import, self.summary.run_id)
        except UserError as exc:
            self.result_label.setText(str(exc))
            return
        self.result_label.setText(self.tr("Import undone: nothing from %1 is in your journal any more.").replace(
            "%1", self.path.name))
        self.undo_button.setEnabled(False)
        self.done_button.setFocus()

    @classmethod
    def choose_file(cls, parent: QWidget | None, what: str | None = None) -> Path | None:
        filters = [tr(FILE_FILTERS[what])] if what in FILE_FILTERS else []
        filters += [
            tr("Contacts, calendars, mail, phone backups (*.vcf *.vcard *.csv *.ics *.vcs *.mbox *.eml *.xml *.txt)"),
            tr("All files (*)"),
        ]
        name, _ = QFileDialog.getOpenFileName(parent, tr("Import"), "", ";;".join(filters))
        return Path(name) if name else None

    @classmethod
    def ask(cls, parent: QWidget | None, journal: Journal, path: Path | None = None,
            what: str | None = None) -> ImportSummary | None:
        """Pick a file when none is given (``what``: "contacts", "calendar", "mail" or "phone" first
        in the file chooser), preview it, import it; the summary, or None."""
        if path is None:
            path = cls.choose_file(parent, what)
            if path is None:
                return None
        dialog = cls(journal, path, parent)
        try:
            dialog.show()
            dialog.run_preview()
            dialog.table.setFocus()
            dialog.exec()
            return dialog.summary
        finally:
            dialog.deleteLater()


class ExportDialog:
    """File ▸ Export: the format follows the file name chosen (vCard, iCalendar or JSON)."""

    FILTERS = (QT_TR_NOOP("vCard address book (*.vcf)"), QT_TR_NOOP("iCalendar: plans and birthdays (*.ics)"),
               QT_TR_NOOP("relj journal JSON (*.json)"))

    @staticmethod
    def export(journal: Journal, path: Path) -> str:
        """Write the export for ``path``'s suffix; returns a sentence saying what was written."""
        store = journal.store
        suffix = path.suffix.lower()
        if suffix == ".vcf":
            return tr("Exported %n people to %1.", "", engine.export_vcard(store, path)).replace("%1", path.name)
        if suffix == ".ics":
            events, birthdays = engine.export_ics(store, path)
            return (tr("Exported %1 planned interactions and %2 birthdays to %3.").replace("%1", str(events))
                    .replace("%2", str(birthdays)).replace("%3", path.name))
        if suffix == ".json":
            from relj.export import write_journal_json

            write_journal_json(store, path)
            return tr("Exported the whole journal to %1.").replace("%1", path.name)
        raise UserError(tr("cannot tell the format of %1: name it .vcf, .ics or .json").replace("%1", path.name))

    @classmethod
    def ask(cls, parent: QWidget | None, journal: Journal) -> Path | None:
        filters = [tr(f) for f in cls.FILTERS]
        name, chosen = QFileDialog.getSaveFileName(parent, tr("Export"), "", ";;".join(filters))
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix((".vcf", ".ics", ".json")[filters.index(chosen) if chosen in filters else 0])
        try:
            message = cls.export(journal, path)
        except UserError as exc:
            QMessageBox.warning(parent, tr("Export"), str(exc))
            return None
        QMessageBox.information(parent, tr("Export"), message)
        return path
