"""Long writes run on a worker with their own connection: the window paints, other writes wait."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from relj.errors import JournalBusy
from relj.ops import PEOPLE, Changes, OpResult
from relj.ops import people as people_ops
from relj.store import Store
from relj.ui.journal import Journal
from relj.ui.workers import JournalTask


@pytest.fixture
def file_journal(tmp_path: Path, qapp):  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "j.db")
    journal = Journal(store)
    yield journal
    store.close()


def test_a_worker_writes_on_its_own_connection_while_the_window_keeps_painting(file_journal, qtbot):
    release = threading.Event()
    main_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work(store: Store, progress) -> OpResult[int]:  # type: ignore[no-untyped-def]
        seen["thread"] = threading.get_ident()
        seen["same_connection"] = store.conn is file_journal.store.conn
        with store.atomic():
            pid = store.add_person("Ana").id
            progress(1)
            assert release.wait(10), "the GUI thread never ran while the worker held its transaction"
        return OpResult(pid, Changes.of(PEOPLE, people=[pid]), "Add Ana", "Added Ana",
                        lambda s: people_ops.delete_person(s, pid))

    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: (ticks.append(1), len(ticks) >= 3 and release.set()))
    timer.start()
    refused: list[str] = []

    def connect(task: JournalTask[object]) -> None:
        def try_a_write(_count: int) -> None:
            try:
                file_journal.add_person("Ben")
            except JournalBusy as exc:
                refused.append(str(exc))

        task.progressed.connect(try_a_write)

    with qtbot.waitSignal(file_journal.changed) as changed:
        pid = file_journal.run_on_worker(work, busy="importing a.vcf", connect=connect)
    timer.stop()
    assert seen["thread"] != main_thread and seen["same_connection"] is False
    assert len(ticks) >= 3, "the event loop did not run while the worker wrote"
    assert refused and "busy (importing a.vcf)" in refused[0]
    assert PEOPLE in changed.args[0]
    assert [p.display_name for p in file_journal.store.people()] == ["Ana"] and pid
    assert file_journal.busy is None
    file_journal.undo_stack.undo()
    assert file_journal.store.person_count() == 0


def test_a_worker_error_comes_back_to_the_caller_and_nothing_is_pushed(file_journal):
    def work(store: Store, progress) -> OpResult[None]:  # type: ignore[no-untyped-def]
        with store.atomic():
            store.add_person("Ana")
            raise JournalBusy("the disk said no")

    with pytest.raises(JournalBusy, match="the disk said no"):
        file_journal.run_on_worker(work, busy="importing")
    assert file_journal.store.person_count() == 0
    assert file_journal.undo_stack.count() == 0
    assert file_journal.busy is None


def test_a_gui_import_is_one_undo_step(file_journal, qtbot, tmp_path: Path):
    from relj.ui.import_dialog import ImportDialog

    vcf = tmp_path / "two.vcf"
    vcf.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEND:VCARD\r\n"
                   "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben\r\nEND:VCARD\r\n", encoding="utf-8")
    dialog = ImportDialog(file_journal, vcf)
    qtbot.addWidget(dialog)
    dialog.run_preview()
    assert file_journal.store.person_count() == 0 and file_journal.undo_stack.count() == 0
    messages: list[str] = []
    file_journal.action_done.connect(lambda text, undoable: messages.append(text))
    dialog.run_import()
    assert file_journal.store.person_count() == 2
    assert messages == ["Imported two.vcf"]
    file_journal.undo_stack.undo()
    assert file_journal.store.person_count() == 0
