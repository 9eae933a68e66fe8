"""The backup dialogs: back up now, restore (in the running app), settings with the last backup's time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from relj import backup, paths
from relj.ui import backup_dialogs as bd
from relj.ui.journal import Journal


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    monkeypatch.setattr(backup, "SCRYPT_N", 2**10)


@pytest.fixture
def messages(monkeypatch):
    """Every message box, answered Yes, recorded as (kind, title, text)."""
    seen: list[tuple[str, str, str]] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda parent, title, text, *a, _k=kind, **kw: seen.append((_k, title, text))
            or QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a, **kw: seen.append(("question", title, text))
        or QMessageBox.StandardButton.Yes))
    return seen


@pytest.fixture
def journal(store, qapp):
    ana = store.add_person("Ana Lima", emails=["ana@example.org"])
    store.log_interaction("in-person", [ana.id], dt.date(2024, 3, 1), note="coffee")
    return Journal(store)


def test_back_up_now(qtbot, journal, messages):
    made = bd.backup_now(None, journal)
    assert made is not None and made.parent == paths.backups_dir(journal.store.path)
    assert backup.verify_backup(made).counts["person"] == 1
    assert messages[-1][0] == "information" and str(made) in messages[-1][2]


def test_back_up_now_encrypted_asks_when_no_keyring(qtbot, journal, messages, no_keyring, monkeypatch):
    backup.save_policy(journal.store, backup.BackupPolicy(encrypt=True))
    monkeypatch.setattr(bd.PassphraseDialog, "ask", classmethod(lambda cls, parent, new, what: ("pw", False)))
    made = bd.backup_now(None, journal)
    assert made is not None and backup.read_manifest(made).encrypted
    assert backup.verify_backup(made, passphrase="pw")
    monkeypatch.setattr(bd.PassphraseDialog, "ask", classmethod(lambda cls, parent, new, what: None))
    assert bd.backup_now(None, journal) is None  # cancelled: nothing made


def test_passphrase_dialog_without_a_keyring(qtbot, no_keyring):
    dialog = bd.PassphraseDialog(None, new=True, what="Encrypt")
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    dialog.passphrase.setText("one")
    dialog.confirm.setText("two")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "differ" in dialog.error.text()
    dialog.confirm.setText("one")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_passphrase_dialog_offers_the_keyring(qtbot, memory_keyring, monkeypatch):
    dialog = bd.PassphraseDialog(None, new=True, what="Encrypt")
    qtbot.addWidget(dialog)
    assert dialog.remember.isEnabled() and dialog.remember.isChecked()
    monkeypatch.setattr(bd.PassphraseDialog, "ask", classmethod(lambda cls, parent, new, what: ("s3", True)))
    assert bd.get_passphrase(None, new=True, what="x") == "s3"
    assert memory_keyring.items == {("relj", "backup-passphrase"): "s3"}
    assert bd.get_passphrase(None, new=False, what="x") == "s3"  # now from the keyring, no dialog


def test_restore_dialog_lists_backups(qtbot, journal):
    path = journal.store.path
    backup.create_backup(path, backup.new_backup_path(path, "manual", dt.datetime(2024, 1, 2, 9)),
                         now=dt.datetime(2024, 1, 2, 9))
    backup.create_backup(path, backup.new_backup_path(path, "auto", dt.datetime(2024, 1, 3, 9)),
                         passphrase="pw", now=dt.datetime(2024, 1, 3, 9))
    dialog = bd.RestoreDialog(None, journal)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 0).text() == "2024-01-03 09:00" and dialog.table.item(0, 3).text() == "yes"
    assert "1 person, 1 interaction" in dialog.table.item(1, 4).text()
    dialog.accept()
    assert dialog.chosen == dialog.infos[0].path


def test_restore_in_the_running_app(qtbot, journal, messages, monkeypatch):
    path = journal.store.path
    made = bd.backup_now(None, journal)
    journal.add_person("Added later")
    assert journal.store.person_count() == 2
    monkeypatch.setattr(bd.RestoreDialog, "choose", classmethod(lambda cls, parent, j: made))
    with qtbot.waitSignal(journal.changed):
        result = bd.RestoreDialog.ask(None, journal)
    assert result is not None and result.previous is not None
    assert journal.store.person_count() == 1  # the same Store object, on the restored file
    assert journal.undo_stack.count() == 0
    assert any(kind == "question" for kind, _, _ in messages)
    assert messages[-1][0] == "information"
    # The app keeps working on the restored journal.
    journal.add_person("After the restore")
    assert journal.store.person_count() == 2 and journal.store.check() == []
    assert Path(journal.store.path) == path


def test_refused_restore_leaves_the_app_working(qtbot, journal, messages, monkeypatch, tmp_path):
    bad = tmp_path / "bad.reljbak"
    bad.write_bytes(b"not a backup")
    monkeypatch.setattr(bd.RestoreDialog, "choose", classmethod(lambda cls, parent, j: bad))
    assert bd.RestoreDialog.ask(None, journal) is None
    assert messages[-1][0] == "warning" and "not a relj backup" in messages[-1][2]
    made = bd.backup_now(None, journal)
    raw = bytearray(made.read_bytes())
    raw[100] ^= 1
    bad.write_bytes(bytes(raw))
    assert bd.RestoreDialog.ask(None, journal) is None
    assert messages[-1][0] == "warning" and "damaged or was altered" in messages[-1][2]
    journal.add_person("Still fine")
    assert journal.store.person_count() == 2


def test_settings_show_the_last_backup_and_save_the_policy(qtbot, journal, messages):
    dialog = bd.BackupSettingsDialog(None, journal)
    qtbot.addWidget(dialog)
    assert dialog.last_label.text() == "Last backup: never"
    dialog.backup_button.click()
    assert "Last backup: 20" in dialog.last_label.text()
    dialog.daily.setValue(3)
    dialog.enabled.setChecked(False)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert backup.load_policy(journal.store) == backup.BackupPolicy(enabled=False, daily=3)


def test_settings_refuse_encrypted_auto_backups_without_a_keyring(qtbot, journal, messages, no_keyring):
    dialog = bd.BackupSettingsDialog(None, journal)
    qtbot.addWidget(dialog)
    dialog.encrypt.setChecked(True)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert messages[-1][0] == "warning" and "keyring" in messages[-1][2]
    assert backup.load_policy(journal.store).encrypt is False


def test_settings_encrypted_stores_the_passphrase(qtbot, journal, messages, memory_keyring, monkeypatch):
    monkeypatch.setattr(bd.PassphraseDialog, "ask", classmethod(lambda cls, parent, new, what: ("k", True)))
    dialog = bd.BackupSettingsDialog(None, journal)
    qtbot.addWidget(dialog)
    dialog.encrypt.setChecked(True)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert memory_keyring.items == {("relj", "backup-passphrase"): "k"}
    made = bd.auto_backup_on_close(journal, dt.datetime(2024, 6, 1, 22))
    assert made is not None and backup.verify_backup(made, passphrase="k").encrypted


def test_auto_backup_on_close_daily(qtbot, journal):
    first = bd.auto_backup_on_close(journal, dt.datetime(2024, 6, 1, 22))
    assert first is not None
    assert bd.auto_backup_on_close(journal, dt.datetime(2024, 6, 1, 23)) is None
    assert bd.auto_backup_on_close(journal, dt.datetime(2024, 6, 2, 8)) is not None
    backup.save_policy(journal.store, backup.BackupPolicy(enabled=False))
    assert bd.auto_backup_on_close(journal, dt.datetime(2024, 6, 3, 8)) is None


def test_auto_backup_on_close_never_raises(qtbot, journal, no_keyring):
    backup.save_policy(journal.store, backup.BackupPolicy(encrypt=True))
    assert bd.auto_backup_on_close(journal, dt.datetime(2024, 6, 1, 22)) is None  # no passphrase: skipped


def test_actions(qtbot, journal, messages):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    actions = [bd.backup_now_action(parent, journal), bd.restore_action(parent, journal),
               bd.settings_action(parent, journal)]
    assert [a.text() for a in actions] == ["&Back up now", "&Restore…", "Backup &settings…"]
    actions[0].trigger()
    assert list(paths.backups_dir(journal.store.path).glob("*.reljbak"))


def test_main_window_file_menu(qtbot, main_window, messages, monkeypatch):
    path = main_window.journal.store.path
    main_window.act_backup.trigger()
    assert len(list(paths.backups_dir(path).glob("*-manual.reljbak"))) == 1
    asked = []
    monkeypatch.setattr(bd.BackupSettingsDialog, "ask", classmethod(lambda cls, parent, j: asked.append(j)))
    monkeypatch.setattr(bd.RestoreDialog, "ask", classmethod(lambda cls, parent, j: asked.append(j)))
    main_window.act_backup_settings.trigger()
    main_window.act_restore.trigger()
    assert asked == [main_window.journal] * 2
    texts = [a.text() for a in main_window.menuBar().actions()[0].menu().actions()]
    assert "Backup &settings…" in texts


def test_exit_after_load_makes_no_backup(tmp_path):
    import os
    import subprocess
    import sys

    from relj.store import Store

    db = tmp_path / "j.db"
    s = Store.open(db)
    s.add_person("Ana")
    s.close()
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), str(root)]))}
    done = subprocess.run([sys.executable, "-m", "relj", "--db", str(db), "--exit-after-load"], cwd=root,
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert not paths.backups_dir(db).exists()
