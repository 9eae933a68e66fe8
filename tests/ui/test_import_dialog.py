"""The import dialog: a table of what happens per record, options that re-run it, the import, Undo import,
errors, export."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

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
    assert "2 new people" in dialog.summary_label.text() and journal.store.person_count() == 0
    with qtbot.waitSignal(journal.changed) as changed:
        dialog.import_button.click()
    assert "people" in changed.args[0] and dialog.pages.currentIndex() == 1
    assert journal.store.person_count() == 2 and dialog.summary is not None and dialog.summary.run_id
    assert "Imported from contacts.vcf: 2 new people" in dialog.result_label.text()


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
    assert "--skip-bad" not in dialog.summary_label.text() + dialog.error.text()


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


def _texts(dialog: ImportDialog) -> list[tuple[str, str, str]]:
    model = dialog.table.rows
    return [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]  # type: ignore[misc]


def test_the_table_has_one_row_per_card_changeable_by_keys_then_undo_import(qtbot, journal):
    ana = journal.store.add_person("Ana Lima", emails=["ana@example.org"])
    ben = journal.store.add_person("Ben O", emails=["ben@home.example"], phones=["+44 7911 123456"])
    vcf = ENGINE.parent / "engine" / "contacts.vcf"
    dialog = make(qtbot, journal, vcf)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.run_preview()
    rows = _texts(dialog)
    # The owner's own card is no row: relj knows it is you.
    assert [r[0] for r in rows] == ["Ana Lima", "Ben Okafor"]
    assert rows[0][2] == "Already there: Ana Lima" or rows[0][2].startswith("Merge with Ana Lima (same email)")
    assert rows[1][1] == "1 email address, 1 phone number, where they work" and rows[1][2] == "Add as a new person"
    text = dialog.summary_label.text() + "".join(" ".join(r) for r in rows)
    for word in ("dry run", "#", "--", "relj merge"):
        assert word not in text
    # Ana: Enter opens her row's choice, Down Down picks "Leave out", Enter keeps it.
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.table.rows.index(0, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox) and editor.accessibleName() == "What happens to Ana Lima"
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "Add as a new person", "Merge with Ana Lima (same email)", "Leave out"]
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _texts(dialog)[0][2] == "Leave out", timeout=10_000)
    assert dialog.decisions == {"c:1": ("skip", None)}
    assert dialog.preview_summary is not None and dialog.preview_summary.skipped["left out by you"] == 1
    # The selection stays on the row that was changed.
    assert dialog.table.currentIndex().row() == 0
    with qtbot.waitSignal(journal.changed):
        qtbot.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert dialog.pages.currentIndex() == 1 and journal.store.person_count() == 3
    assert journal.store.person(ana.id).phones == ()  # left out: nothing added to Ana
    assert QApplication.focusWidget() is dialog.undo_button
    with qtbot.waitSignal(journal.changed):
        qtbot.keyClick(dialog.undo_button, Qt.Key.Key_Space)
    assert journal.store.person_count() == 2 and not dialog.undo_button.isEnabled()
    assert "Import undone" in dialog.result_label.text()
    assert journal.store.person(ben.id).emails == ("ben@home.example",)


def test_a_card_with_the_same_mobile_is_offered_as_a_merge(qtbot, journal, tmp_path):
    ben = journal.store.add_person("Benjamin Okafor", emails=["ben@home.example"], phones=["07911 123456"])
    vcf = tmp_path / "ben.vcf"
    vcf.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben O\r\nEMAIL:ben@work.example\r\n"
                   "TEL:+44 7911 123456\r\nEND:VCARD\r\n")
    dialog = make(qtbot, journal, vcf)
    dialog.run_preview()
    assert _texts(dialog)[0][2] == "Merge with Benjamin Okafor (same phone)"
    dialog.import_button.click()
    assert journal.store.person_count() == 1
    assert set(journal.store.person(ben.id).emails) == {"ben@home.example", "ben@work.example"}


def test_mail_leaves_my_addresses_out_and_keeps_them(qtbot, journal):
    journal.store.update_owner(remove_emails=["me@example.org"])
    dialog = make(qtbot, journal, ENGINE / "mail.mbox")
    assert dialog.me_emails.isVisibleTo(dialog) and dialog.me_emails.text() == ""
    dialog.create_people.setChecked(True)
    names = [r[0] for r in _texts(dialog)]
    assert "Sam Owner" not in names  # my full name on an address relj did not know: me
    dialog.me_emails.setText("me@example.org")
    dialog.me_emails.editingFinished.emit()
    dialog.import_button.click()
    assert journal.store.owner().emails == ("me@example.org",)
    assert "Sam Owner" not in [p.display_name for p in journal.store.people()]
