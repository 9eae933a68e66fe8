"""Backups in the app: File ▸ Back up now, File ▸ Restore…, backup settings, automatic backups on close."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relj import backup, paths
from relj import secrets as relj_secrets
from relj.errors import UserError
from relj.textfmt import human_size
from relj.ui.i18n import QT_TR_NOOP, tr
from relj.ui.journal import Journal
from relj.ui.workers import run_off_thread

log = logging.getLogger(__name__)


def _journal_path(journal: Journal) -> Path:
    path = journal.store.path
    if path is None:
        raise UserError(tr("This journal has no file, so it cannot be backed up."))
    return Path(path)


def _when(value: dt.datetime | None) -> str:
    if value is None:
        return tr("never")
    local = value.astimezone() if value.tzinfo else value
    return local.strftime("%Y-%m-%d %H:%M")


class _Busy:
    """A wait cursor for the second or so that a large backup takes."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


# -- passphrases -----------------------------------------------------------------------------------
class PassphraseDialog(QDialog):
    """Asks for a backup passphrase; offers to remember it in the keyring when there is one."""

    def __init__(self, parent: QWidget | None, *, new: bool, what: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backup passphrase"))
        self.new = new
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(what))
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        if new:
            form.addRow(self.tr("&Again:"), self.confirm)
        layout.addLayout(form)
        self.remember = QCheckBox(self.tr("&Remember it in the system keyring"))
        problem = relj_secrets.backend_problem()
        self.remember.setEnabled(problem is None)
        self.remember.setChecked(problem is None and new)
        layout.addWidget(self.remember)
        if problem is not None:
            note = QLabel(self.tr("The passphrase cannot be remembered: %1. You will be asked each time.")
                          .replace("%1", problem))
            note.setWordWrap(True)
            layout.addWidget(note)
        self.error = QLabel()
        self.error.setStyleSheet("color: palette(highlight)")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not self.passphrase.text():
            self.error.setText(self.tr("Enter a passphrase."))
            return
        if self.new and self.passphrase.text() != self.confirm.text():
            self.error.setText(self.tr("The two passphrases differ."))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, *, new: bool, what: str) -> tuple[str, bool] | None:
        """(passphrase, remember it) or None if cancelled."""
        dialog = cls(parent, new=new, what=what)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase.text(), dialog.remember.isChecked() and dialog.remember.isEnabled()


def stored_passphrase() -> str | None:
    """RELJ_BACKUP_PASSPHRASE or the keyring's; None when neither has one (never raises)."""
    env = os.environ.get(backup.PASSPHRASE_ENV)
    if env:
        return env
    try:
        return relj_secrets.get_passphrase()
    except relj_secrets.KeyringUnavailable:
        return None


def get_passphrase(parent: QWidget | None, *, new: bool, what: str) -> str | None:
    """The stored passphrase, else ask (and remember it if the user wants)."""
    known = stored_passphrase()
    if known:
        return known
    answer = PassphraseDialog.ask(parent, new=new, what=what)
    if answer is None:
        return None
    passphrase, remember = answer
    if remember:
        try:
            relj_secrets.set_passphrase(passphrase)
        except relj_secrets.KeyringUnavailable as exc:
            QMessageBox.warning(parent, tr("Keyring"), str(exc))
    return passphrase


# -- back up now -----------------------------------------------------------------------------------
def backup_now(parent: QWidget | None, journal: Journal) -> Path | None:
    """File ▸ Back up now: a backup in the journal's backups folder, encrypted if the policy says so."""
    try:
        path = _journal_path(journal)
        policy = backup.load_policy(journal.store)
        passphrase = None
        if policy.encrypt:
            passphrase = get_passphrase(parent, new=True, what=tr("Backups of this journal are encrypted."))
            if passphrase is None:
                return None
        target = backup.new_backup_path(path, "manual")
        with _Busy():
            # On a worker: the backup reads the journal through its own connection.
            manifest = run_off_thread(lambda: backup.create_backup(path, target, passphrase=passphrase))
    except UserError as exc:
        QMessageBox.warning(parent, tr("Backup failed"), str(exc))
        return None
    QMessageBox.information(
        parent, tr("Backed up"),
        tr("Backed up %1 to\n%2").replace("%1", manifest.summary()).replace("%2", str(target)),
    )
    return target


def backup_now_action(parent: QWidget, journal: Journal) -> QAction:
    action = QAction(tr("&Back up now"), parent)
    action.setStatusTip(tr("Make a backup of the journal now"))
    action.triggered.connect(lambda _checked=False: backup_now(parent, journal))
    return action


# -- restore ---------------------------------------------------------------------------------------
def restore_into(journal: Journal, backup_file: Path, passphrase: str | None) -> backup.RestoreResult:
    """Replace the open journal with a backup: close our connection, restore, reopen, reload.

    ``Journal.replace_store`` hands the new Store to every view and clears the undo history, which
    refers to the old journal.
    """
    from relj.store import Store

    path = _journal_path(journal)
    journal.store.close()
    try:
        result = run_off_thread(lambda: backup.restore_backup(backup_file, path, passphrase=passphrase))
    finally:
        # The restored journal, or the old one if the restore was refused.
        journal.replace_store(Store.open(path))
    return result


class RestoreDialog(QDialog):
    """Pick a backup from the backups folder (or any file) to restore."""

    COLUMNS = (QT_TR_NOOP("When"), QT_TR_NOOP("Kind"), QT_TR_NOOP("Size"), QT_TR_NOOP("Encrypted"),
               QT_TR_NOOP("Contents"))

    def __init__(self, parent: QWidget | None, journal: Journal) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.resize(720, 380)
        self.chosen: Path | None = None
        path = _journal_path(journal)
        # Unusable files are listed too, greyed out with their problem ("damaged or altered"), so
        # the user knows why a backup they expect cannot be chosen.
        self.infos = backup.list_backups(path)
        usable = [i for i in self.infos if i.manifest is not None]
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Restoring replaces the journal with the backup. The journal as it is now is "
                               "backed up first, so this can be undone by restoring that backup."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.infos), len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for row, info in enumerate(self.infos):
            if info.manifest is not None:
                cells = (_when(info.when), info.kind or "", human_size(info.size),
                         self.tr("yes") if info.manifest.encrypted else self.tr("no"), info.manifest.summary())
            else:
                cells = (_when(info.when), info.kind or "", human_size(info.size), "",
                         self.tr("Cannot be restored: %1").replace("%1", info.problem or self.tr("not readable")))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if info.manifest is None:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)  # shown, greyed, never chosen
                    item.setToolTip(info.path.name)
                self.table.setItem(row, col, item)
        if usable:
            self.table.selectRow(self.infos.index(usable[0]))
        self.table.doubleClicked.connect(lambda _index: self.accept())
        layout.addWidget(self.table)
        if not usable:
            layout.addWidget(QLabel(self.tr("No backups in %1 yet.").replace("%1", str(paths.backups_dir(path)))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(usable))
        self.file_button = buttons.addButton(self.tr("Other &file…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.file_button.clicked.connect(self.choose_file)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from"), str(Path.home()),
                                              self.tr("relj backups (*.reljbak);;All files (*)"))
        if name:
            self.chosen = Path(name)
            super().accept()

    def accept(self) -> None:
        if self.chosen is None:
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                return
            info = self.infos[rows[0].row()]
            if info.manifest is None:
                return
            self.chosen = info.path
        super().accept()

    @classmethod
    def choose(cls, parent: QWidget | None, journal: Journal) -> Path | None:
        dialog = cls(parent, journal)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen

    @classmethod
    def ask(cls, parent: QWidget | None, journal: Journal) -> backup.RestoreResult | None:
        """File ▸ Restore…: choose, confirm, restore. None if cancelled or refused (with a message)."""
        try:
            chosen = cls.choose(parent, journal)
            if chosen is None:
                return None
            manifest = backup.read_manifest(chosen)
            question = tr("Replace the journal with the backup made %1 (%2)?\n\n"
                           "The journal as it is now is backed up first.") \
                .replace("%1", _when(manifest.created_at)).replace("%2", manifest.summary())
            if QMessageBox.question(parent, tr("Restore"), question) != QMessageBox.StandardButton.Yes:
                return None
            passphrase = None
            if manifest.encrypted:
                passphrase = get_passphrase(parent, new=False, what=tr("This backup is encrypted."))
                if passphrase is None:
                    return None
            with _Busy():
                result = restore_into(journal, chosen, passphrase)
        except UserError as exc:
            QMessageBox.warning(parent, tr("Restore refused"), str(exc))
            return None
        text = tr("Restored %1.").replace("%1", backup.describe_counts(result.counts))
        if result.previous is not None:
            text += "\n" + tr("The journal it replaced was backed up to %1").replace("%1", str(result.previous))
        QMessageBox.information(parent, tr("Restored"), text)
        return result


def restore_action(parent: QWidget, journal: Journal) -> QAction:
    action = QAction(tr("&Restore…"), parent)
    action.setStatusTip(tr("Restore the journal from a backup"))
    action.triggered.connect(lambda _checked=False: RestoreDialog.ask(parent, journal))
    return action


# -- settings --------------------------------------------------------------------------------------
class BackupSettingsDialog(QDialog):
    """Automatic backups: on or off, how many to keep, encrypted or not; the last backup's time."""

    def __init__(self, parent: QWidget | None, journal: Journal) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle(self.tr("Backups"))
        path = _journal_path(journal)
        policy = backup.load_policy(journal.store)
        layout = QVBoxLayout(self)
        self.last_label = QLabel()
        layout.addWidget(self.last_label)
        folder = paths.backups_dir(path)
        where = QHBoxLayout()
        where.addWidget(QLabel(self.tr("Folder: %1").replace("%1", str(folder))), 1)
        open_button = QPushButton(self.tr("&Open folder"))
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        open_button.setEnabled(folder.is_dir())
        where.addWidget(open_button)
        layout.addLayout(where)
        warning = backup.sync_folder_warning(path)
        if warning:
            label = QLabel(self.tr("Warning: %1").replace("%1", warning))
            label.setWordWrap(True)
            layout.addWidget(label)
        form = QFormLayout()
        self.enabled = QCheckBox(self.tr("Back up &automatically when the app closes (at most once a day)"))
        self.enabled.setChecked(policy.enabled)
        form.addRow(self.enabled)
        self.daily, self.weekly, self.monthly = QSpinBox(), QSpinBox(), QSpinBox()
        for spin, value, text in ((self.daily, policy.daily, self.tr("Keep &daily backups:")),
                                  (self.weekly, policy.weekly, self.tr("Keep &weekly backups:")),
                                  (self.monthly, policy.monthly, self.tr("Keep &monthly backups:"))):
            spin.setRange(0, 365)
            spin.setValue(value)
            form.addRow(text, spin)
        self.encrypt = QCheckBox(self.tr("&Encrypt backups with a passphrase"))
        self.encrypt.setChecked(policy.encrypt)
        form.addRow(self.encrypt)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.backup_button = buttons.addButton(self.tr("&Back up now"), QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button.clicked.connect(self._backup_now)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._refresh_last()

    def _refresh_last(self) -> None:
        last = backup.last_backup_time(_journal_path(self.journal))
        self.last_label.setText(self.tr("Last backup: %1").replace("%1", _when(last)))

    def _backup_now(self) -> None:
        backup_now(self, self.journal)
        self._refresh_last()

    def policy(self) -> backup.BackupPolicy:
        return backup.BackupPolicy(enabled=self.enabled.isChecked(), daily=self.daily.value(),
                                   weekly=self.weekly.value(), monthly=self.monthly.value(),
                                   encrypt=self.encrypt.isChecked())

    def accept(self) -> None:
        policy = self.policy()
        if policy.encrypt and not stored_passphrase():
            # Automatic backups happen on close, when nobody is there to type: the keyring must have it.
            if relj_secrets.backend_problem() is not None:
                QMessageBox.warning(self, self.tr("Backups"), self.tr(
                    "Automatic backups can only be encrypted with a passphrase remembered in the keyring, "
                    "and there is none on this system. Set RELJ_BACKUP_PASSPHRASE, or leave encryption off."))
                return
            answer = PassphraseDialog.ask(self, new=True, what=self.tr("Choose the passphrase for backups."))
            if answer is None:
                return
            try:
                relj_secrets.set_passphrase(answer[0])
            except relj_secrets.KeyringUnavailable as exc:
                QMessageBox.warning(self, self.tr("Keyring"), str(exc))
                return
        try:
            backup.save_policy(self.journal.store, policy)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Backups"), str(exc))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, journal: Journal) -> backup.BackupPolicy | None:
        dialog = cls(parent, journal)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.policy()


def settings_action(parent: QWidget, journal: Journal) -> QAction:
    action = QAction(tr("Backup &settings…"), parent)
    action.setStatusTip(tr("Automatic backups, how many to keep, encryption; the last backup's time"))
    action.triggered.connect(lambda _checked=False: BackupSettingsDialog.ask(parent, journal))
    return action


# -- on close --------------------------------------------------------------------------------------
def auto_backup_on_close(journal: Journal, now: dt.datetime | None = None) -> Path | None:
    """The automatic backup when the app closes: at most daily, rotated. Never stops the app closing."""
    try:
        path = _journal_path(journal)
        policy = backup.load_policy(journal.store)
        passphrase = stored_passphrase() if policy.encrypt else None
        with _Busy():
            made = backup.auto_backup(path, policy, now, passphrase=passphrase)
    except UserError as exc:
        log.warning("automatic backup skipped: %s", type(exc).__name__)
        return None
    if made is not None:
        log.info("automatic backup made")
    return made
