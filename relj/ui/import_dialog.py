"""File ▸ Import… and File ▸ Export…: a preview of what an import will change, then the import.

The preview is the engine's dry run: the whole import in a transaction that is rolled back, so
what it shows (added, updated, unchanged, skipped, bad records, likely duplicates) is exactly
what the import will do. Long runs show a progress dialog whose Cancel rolls everything back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
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
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from relj.errors import UserError
from relj.interop import engine
from relj.interop.engine import ImportCancelled, ImportOptions, ImportSummary
from relj.ops import OpResult
from relj.ops import imports as import_ops
from relj.store import Store
from relj.ui.i18n import QT_TR_NOOP, tr
from relj.ui.journal import Journal
from relj.ui.workers import JournalTask

log = logging.getLogger(__name__)

# Formats where unknown people may be created (address books always add people).
EVENT_FORMATS = ("ics", "mbox", "maildir", "eml", "calls", "sms", "whatsapp")


class ImportDialog(QDialog):
    """Choose the format and options, see the preview, import."""

    def __init__(self, journal: Journal, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.path = Path(path)
        self.summary: ImportSummary | None = None
        self.preview_summary: ImportSummary | None = None
        self.setWindowTitle(self.tr("Import %1").replace("%1", self.path.name))
        self.resize(640, 520)

        self.format = QComboBox(self)
        for fmt, label in engine.FORMATS.items():
            self.format.addItem(tr(label), fmt)  # the labels are marked in relj.ui.i18n.FORMAT_LABELS
        guessed = engine.guess_format(self.path)
        if guessed:
            self.format.setCurrentIndex(self.format.findData(guessed))
        self.create_people = QCheckBox(self.tr("Create people for unknown addresses and numbers"), self)
        self.min_messages = QSpinBox(self)
        self.min_messages.setRange(1, 10_000)
        self.min_messages.setSuffix(self.tr(" messages at least"))
        self.skip_bad = QCheckBox(self.tr("Leave out unreadable records and import the rest"), self)
        self.me_name = QLineEdit(self)
        self.me_name.setPlaceholderText(self.tr("as the chat shows it, e.g. Sam Rivera"))
        self.me_name.setToolTip(self.tr("WhatsApp writes your messages under this name; "
                                        "relj leaves you out of the people you chatted with."))
        self.me_name.setText(journal.store.owner().name)

        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow("", self.create_people)
        form.addRow(self.tr("Only with:"), self.min_messages)
        form.addRow("", self.skip_bad)
        form.addRow(self.tr("&Your name in the chat:"), self.me_name)
        self._me_name_label = form.labelForField(self.me_name)

        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("What the import will do"))
        self.bad_list = QListWidget(self)
        self.bad_list.setAccessibleName(self.tr("Unreadable records"))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.refresh_button = QPushButton(self.tr("&Preview again"), self)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(self.run_preview)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(str(self.path), self))
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Preview (nothing is written until you import):"), self))
        layout.addWidget(self.preview, 3)
        layout.addWidget(QLabel(self.tr("Unreadable records:"), self))
        layout.addWidget(self.bad_list, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.format.currentIndexChanged.connect(self._options_changed)
        self.create_people.toggled.connect(self._options_changed)
        self.skip_bad.toggled.connect(self._options_changed)
        self.min_messages.valueChanged.connect(self._options_changed)
        self.me_name.editingFinished.connect(self.run_preview)
        self._sync_options()

    # -- options -------------------------------------------------------------------------------
    def fmt(self) -> str:
        return str(self.format.currentData() or "")

    def _sync_options(self) -> None:
        fmt = self.fmt()
        events = fmt in EVENT_FORMATS
        self.create_people.setEnabled(events)
        self.min_messages.setEnabled(events and self.create_people.isChecked())
        whatsapp = fmt == "whatsapp"
        self.me_name.setVisible(whatsapp)
        if self._me_name_label is not None:
            self._me_name_label.setVisible(whatsapp)

    def _options_changed(self) -> None:
        self._sync_options()
        self.run_preview()

    def options(self, *, dry_run: bool) -> ImportOptions:
        fmt = self.fmt()
        events = fmt in EVENT_FORMATS
        return ImportOptions(
            fmt=fmt, file_name=self.path.name, dry_run=dry_run, skip_bad=self.skip_bad.isChecked(),
            create_people=events and self.create_people.isChecked(), min_messages=self.min_messages.value(),
            me_names=(self.me_name.text().strip(),) if fmt == "whatsapp" and self.me_name.text().strip() else (),
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
        path = self.path

        def work(worker_store: Store, tick: Callable[[int], bool]) -> OpResult[ImportSummary]:
            records = engine.open_records(options.fmt, path, worker_store, me_names=me_names)
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
        """The dry run: fills the preview and the list of bad records."""
        self.preview_summary = None
        self.bad_list.clear()
        if not self.fmt():
            return None
        try:
            summary = self._execute(self.options(dry_run=True))
        except UserError as exc:
            self._show_error(str(exc))
            self.preview.setPlainText("")
            return None
        self._show_error("")
        self.preview_summary = summary
        self.preview.setPlainText("\n".join(engine.summary_lines(summary)))
        for where, reason in summary.bad:
            self.bad_list.addItem(f"{where}: {reason}")
        return summary

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.import_button.setEnabled(not text)

    def run_import(self) -> None:
        """Import for real; the journal announces the change so every screen reloads."""
        options = self.options(dry_run=False)
        try:
            self.summary = self._execute(options)
        except ImportCancelled:
            self._show_error(self.tr("Import cancelled; nothing was changed."))
            self.import_button.setEnabled(True)
            return
        except UserError as exc:
            self._show_error(str(exc))
            return
        self.accept()

    @classmethod
    def choose_file(cls, parent: QWidget | None) -> Path | None:
        filters = ";;".join([
            tr("Contacts, calendars, mail, phone backups (*.vcf *.vcard *.csv *.ics *.vcs *.mbox *.eml *.xml *.txt)"),
            tr("All files (*)"),
        ])
        name, _ = QFileDialog.getOpenFileName(parent, tr("Import"), "", filters)
        return Path(name) if name else None

    @classmethod
    def ask(cls, parent: QWidget | None, journal: Journal, path: Path | None = None) -> ImportSummary | None:
        """Pick a file when none is given, preview it, import it; the summary, or None."""
        if path is None:
            path = cls.choose_file(parent)
            if path is None:
                return None
        dialog = cls(journal, path, parent)
        try:
            dialog.show()
            dialog.run_preview()
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.summary is not None:
                if parent is not None:
                    lines = engine.summary_lines(dialog.summary)
                    if dialog.summary.duplicates:
                        lines.append(tr("Edit ▸ Find duplicates… (Ctrl+Shift+D) shows them side by side "
                                        "and merges them."))
                    QMessageBox.information(parent, tr("Import"), "\n".join(lines))
                return dialog.summary
            return None
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
