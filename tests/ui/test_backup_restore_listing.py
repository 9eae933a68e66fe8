"""The Restore dialog lists every backup, hostile files included: those greyed out with why they cannot be used."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from relj import backup, paths
from relj.backup import format as backup_format
from relj.ui import backup_dialogs as bd
from relj.ui.journal import Journal


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    monkeypatch.setattr(backup, "SCRYPT_N", 2**10)


def forge(good: Path, out: Path, header: bytes) -> None:
    raw = good.read_bytes()
    body_len = backup.TRAILER.unpack(raw[-backup.TRAILER.size:])[0]
    out.write_bytes(raw[:body_len] + header + backup_format.trailer(header, body_len))


def test_hostile_files_do_not_break_the_restore_dialog(qtbot, store, qapp):
    store.add_person("Ana Lima")
    journal = Journal(store)
    path = Path(journal.store.path)
    good = backup.new_backup_path(path, "manual", dt.datetime(2024, 1, 2, 9))
    backup.create_backup(path, good, passphrase="pw", now=dt.datetime(2024, 1, 2, 9))
    header = backup_format.encode_header(backup.read_manifest(good).raw)
    folder = paths.backups_dir(path)
    forge(good, folder / "journal-20240103-090000-manual.reljbak",
          header.replace(b'"n":1024', b'"n":1048576').replace(b'"r":8', b'"r":32'))
    forge(good, folder / "journal-20240104-090000-manual.reljbak", header.replace(b'"person":1', b'"person":1e400'))
    forge(good, folder / "journal-20240105-090000-manual.reljbak",
          header[:-1] + b',"x":' + b"[" * 30_000 + b"]" * 30_000 + b"}")
    forge(good, folder / "journal-20240106-090000-manual.reljbak",
          header[:-1] + b',"x":' + b"[" * 200_000 + b"]" * 200_000 + b"}")
    assert len(backup.list_backups(path)) == 5
    dialog = bd.RestoreDialog(None, journal)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 5
    (usable_row,) = [r for r in range(5) if dialog.infos[r].manifest is not None]
    assert dialog.infos[usable_row].path == good
    # The usable one is selected; the others say why, and cannot be chosen.
    assert dialog.table.selectionModel().selectedRows()[0].row() == usable_row
    for row in range(5):
        if row == usable_row:
            continue
        reason = dialog.table.item(row, 4).text()
        assert reason.startswith("Cannot be restored: ") and len(reason) > len("Cannot be restored: ")
        assert not dialog.table.item(row, 0).flags() & Qt.ItemFlag.ItemIsSelectable
        dialog.table.selectRow(row)
    dialog.table.clearSelection()
    dialog.accept()
    assert dialog.chosen is None  # nothing usable selected: nothing chosen
    dialog.table.selectRow(usable_row)
    dialog.accept()
    assert dialog.chosen == good
