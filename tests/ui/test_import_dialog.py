"""The import dialog: a dry-run preview, options that re-run it, the import, errors, export."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from relj.ui.import_dialog import ExportDialog, ImportDialog
from relj.ui.journal import Journal

ENGINE = Path(__file__).resolve().parent.parent / "fixtures" / "engine"


@pytest.fixture
def journal(store, monkeypatch):
    monkeypatch.setenv("RELJ_TODAY", "2026-03-01")
    store.update_owner(name="Sam Owner", add_emails=["me@example.org"], region="GB")
    return Journal(store)


def make(qtbot, journal: Journal, path: Path) -> ImportDialog:
    dialog = ImportDialog(journal, path)
    qtbot.addWidget(dialog)
    return dialog


def test_preview_writes_nothing_then_import_writes(qtbot, journal):
    dialog = make(qtbot, journal, ENGINE / "contacts.vcf")
    assert dialog.fmt() == "vcard" and not dialog.create_people.isEnabled()
    summary = dialog.run_preview()
    assert summary is not None and summary.people_added == 2
    assert "2 added" in dialog.preview.toPlainText() and journal.store.person_count() == 0
    with qtbot.waitSignal(journal.changed) as changed:
        dialog.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and "people" in changed.args[0]
    assert journal.store.person_count() == 2 and dialog.summary is not None and dialog.summary.run_id


def test_options_rerun_the_preview(qtbot, journal):
    first = make(qtbot, journal, ENGINE / "contacts.vcf")
    first.import_button.click()
    dialog = make(qtbot, journal, ENGINE / "mail.mbox")
    assert dialog.fmt() == "mbox"
    dialog.run_preview()
    assert dialog.preview_summary is not None and dialog.preview_summary.people_added == 0
    dialog.create_people.setChecked(True)  # re-runs the preview
    assert dialog.preview_summary is not None and dialog.preview_summary.people_added == 1
    assert dialog.min_messages.isEnabled()


def test_bad_records_are_listed_and_refused_until_skipped(qtbot, journal, tmp_path):
    bad = tmp_path / "calls.xml"
    bad.write_text((ENGINE / "calls.xml").read_text().replace('date="1771000000000" type="1"', 'date="x" type="1"'))
    dialog = make(qtbot, journal, bad)
    assert dialog.fmt() == "calls"
    dialog.run_preview()
    assert "bad date" in dialog.error.text() and not dialog.import_button.isEnabled()
    dialog.skip_bad.setChecked(True)
    assert dialog.bad_list.count() == 1 and dialog.import_button.isEnabled()


def test_whatsapp_takes_my_name_from_the_profile(qtbot, journal, fixtures):
    chat = fixtures / "whatsapp" / "WhatsApp Chat with Ana.txt"
    dialog = make(qtbot, journal, chat)
    assert dialog.fmt() == "whatsapp" and dialog.me_name.text() == "Sam Owner"
    dialog.create_people.setChecked(True)
    assert dialog.preview_summary is not None and dialog.preview_summary.interactions_added > 0
    journal.store.update_owner(name="")
    nameless = make(qtbot, journal, chat)
    nameless.run_preview()
    assert "Your name in the chat" in nameless.error.text() and not nameless.import_button.isEnabled()
    assert "--me-name" not in nameless.error.text()  # a command-line option means nothing here
    nameless.me_name.setText("Sam Owner")
    nameless.me_name.editingFinished.emit()  # re-runs the preview
    assert nameless.error.isHidden() and nameless.import_button.isEnabled()


def test_cancel_rolls_back(qtbot, journal, tmp_path, monkeypatch):
    from relj.interop import engine

    big = tmp_path / "many.vcf"
    big.write_text("".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:P{n}\r\nEMAIL:p{n}@example.org\r\nEND:VCARD\r\n"
                           for n in range(600)))
    dialog = make(qtbot, journal, big)
    real = engine.run_import
    monkeypatch.setattr(engine, "run_import", lambda s, r, o, progress=None: real(s, r, o, progress=lambda n: n < 400))
    dialog.import_button.click()
    assert "cancelled" in dialog.error.text() and journal.store.person_count() == 0


def test_export_by_suffix(qtbot, journal, tmp_path):
    first = make(qtbot, journal, ENGINE / "contacts.vcf")
    first.import_button.click()
    for name in ("out.vcf", "out.ics", "out.json"):
        message = ExportDialog.export(journal, tmp_path / name)
        assert message.startswith("Exported") and stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
