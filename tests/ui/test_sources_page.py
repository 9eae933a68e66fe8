"""The Sources page and the background watch: add a found store, read on a worker, undo, file changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from relj.store import Store
from relj.ui.journal import Journal
from relj.ui.source_watch import SourceWatch
from relj.ui.sources_page import FoundModel, SourcesModel, SourcesPage

HANG = 20_000  # ms: a hang guard, far above the expected time


def message(n: int, sender: str = "Ana <ana@example.com>") -> bytes:
    return (f"From - Mon Jan  {n} 00:00:00 2024\nFrom: {sender}\nTo: me@example.com\n"
            f"Date: Mon, {n} Jan 2024 10:00:00 +0000\nMessage-ID: <{n}@example.com>\nSubject: n{n}\n\n"
            f"hello {n}\n\n").encode()


@pytest.fixture
def home() -> Path:
    """The made-up home folder (HOME is a fresh temporary folder in every test)."""
    return Path(os.environ["HOME"])


@pytest.fixture
def inbox(home: Path) -> Path:
    """A Thunderbird profile with one Inbox of two messages from Ana."""
    root = home / ".thunderbird"
    local = root / "p.default" / "Mail" / "Local Folders"
    local.mkdir(parents=True)
    (root / "profiles.ini").write_text("[Profile0]\nName=default\nIsRelative=1\nPath=p.default\n")
    (local / "Inbox.msf").write_bytes(b"// mork")
    box = local / "Inbox"
    box.write_bytes(message(1) + message(2))
    return box


@pytest.fixture
def journal(tmp_path: Path, qapp):  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "journal.db")
    store.add_person("Ana", emails=["ana@example.com"])
    j = Journal(store)
    yield j
    store.close()


def interactions(journal: Journal) -> int:
    return journal.store.interaction_count()


@pytest.fixture
def watch(journal: Journal):  # type: ignore[no-untyped-def]
    """A watch that is stopped before its journal closes: no read of a test may start in a later one."""
    w = SourceWatch(journal, debounce_ms=50)
    yield w
    w.stop()


@pytest.fixture
def page(journal: Journal, watch: SourceWatch, qtbot):  # type: ignore[no-untyped-def]
    p = SourcesPage(journal, watch)
    watch.setParent(p)
    qtbot.addWidget(p)
    return p


def test_the_models_pass_the_model_tester(qtmodeltester, page: SourcesPage, inbox: Path) -> None:  # type: ignore[no-untyped-def]
    page.look_again()
    qtmodeltester.check(page.found_model)
    page.add_selected()
    qtmodeltester.check(page.model)


def test_add_a_found_store_reads_it_on_a_worker_with_progress_and_undo(
    page: SourcesPage, journal: Journal, inbox: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    page.show()
    page.look_again()
    assert [f.path for f in page.found_model.rows] == [inbox]
    assert page.found_model.data(page.found_model.index(0, FoundModel.PROGRAM)) == "Thunderbird"
    progress: list[tuple[int, int]] = []
    page.watch.progressed.connect(lambda done, total: progress.append((done, total)))
    page.found_table.setFocus()
    page.found_table.setCurrentIndex(page.found_model.index(0, 0))
    with qtbot.waitSignal(page.watch.read_finished, timeout=HANG) as finished:
        qtbot.keyClick(page.found_table, Qt.Key.Key_Return)  # Enter adds it, and reads it
    assert interactions(journal) == 2
    assert finished.args[0][0].added == (0, 2)
    assert progress, "no progress was reported"
    assert page.progress.isHidden()
    # Added: it leaves what was found, and shows what its read added.
    assert page.found_model.rows == []
    assert len(page.model.rows) == 1
    assert page.model.data(page.model.index(0, SourcesModel.ADDED)) == "0 people, 2 interactions"
    assert page.model.data(page.model.index(0, SourcesModel.ON), Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.Checked
    assert "added 0 people and 2 interactions" in page.message.text()
    assert page.undo_button.isVisible()
    page.undo_button.click()
    assert interactions(journal) == 0
    assert len(page.model.rows) == 1  # the read is undone, the source stays


def test_read_now_with_enter_and_nothing_new(page: SourcesPage, journal: Journal, inbox: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.show()
    page.look_again()
    page.add_selected()
    assert interactions(journal) == 2
    page.table.setFocus()
    with qtbot.waitSignal(page.watch.read_finished, timeout=HANG):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert interactions(journal) == 2
    assert "nothing new" in page.message.text()
    with inbox.open("ab") as fh:
        fh.write(message(3))
    page.read_button.click()
    assert interactions(journal) == 3


def test_switch_and_remove_with_keys_and_undo(page: SourcesPage, journal: Journal, inbox: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.show()
    page.look_again()
    page.add_selected()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert journal.store.list_sources()[0].enabled is False
    assert page.switch_button.text().replace("&", "") == "Switch on"
    journal.undo_stack.undo()
    assert journal.store.list_sources()[0].enabled is True
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert journal.store.list_sources() == []
    assert [f.path for f in page.found_model.rows] == [inbox]  # offered again
    assert interactions(journal) == 2  # what it added stays
    assert page.undo_button.isVisible()
    page.undo_button.click()
    assert len(journal.store.list_sources()) == 1


def test_a_vanished_source_shows_its_error_and_others_are_read(
    page: SourcesPage, journal: Journal, inbox: Path, home: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    other = home / "Mail" / "inbox"
    other.parent.mkdir()
    other.write_bytes(message(5, "Ana <ana@example.com>"))
    page.show()
    page.look_again()
    page.add_selected()
    page.add_selected()
    assert len(journal.store.list_sources()) == 2
    said: list[str] = []
    page.watch.message.connect(said.append)
    inbox.unlink()
    other.write_bytes(message(5) + message(6))
    results = page.read(None)
    assert {r.error is None for r in results} == {True, False}
    assert interactions(journal) == 4  # the other source was read
    vanished = next(s for s in page.model.rows if s.error)
    row = page.model.rows.index(vanished)
    assert page.model.data(page.model.index(row, SourcesModel.PROBLEM))
    assert said and "could not be read" in said[0]


def test_a_damaged_calendar_store_is_added_and_says_why_it_cannot_be_read(
    page: SourcesPage, home: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    cal = home / ".thunderbird" / "p" / "calendar-data" / "local.sqlite"
    cal.parent.mkdir(parents=True)
    cal.write_bytes(b"SQLite format 3\x00")  # a header, then nothing: no database
    (home / ".thunderbird" / "profiles.ini").write_text("[Profile0]\nPath=p\n")
    page.look_again()
    assert [(f.kind, f.path) for f in page.found_model.rows] == [("thunderbird-calendar", cal)]
    assert page.found_model.data(page.found_model.index(0, FoundModel.WHAT)) == "Thunderbird calendar"
    page.found_table.setCurrentIndex(page.found_model.index(0, 0))
    assert page.add_button.isEnabled()
    page.add_selected()
    assert page.model.data(page.model.index(0, SourcesModel.PROBLEM))
    assert "could not be read" in page.message.text()


def test_a_kind_relj_cannot_read_is_offered_but_not_added(
    page: SourcesPage, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relj.ui import sources_page

    monkeypatch.setattr(sources_page, "READABLE_KINDS", {"mbox": ""})
    book = home / ".local" / "share" / "evolution" / "addressbook" / "system" / "contacts.db"
    book.parent.mkdir(parents=True)
    book.write_bytes(b"")
    page.look_again()
    page.found_table.setCurrentIndex(page.found_model.index(0, 0))
    assert not page.add_button.isEnabled()
    page.add_selected()
    assert page.journal.store.list_sources() == []
    assert "cannot read" in page.message.text()


def test_a_changed_mbox_is_read_by_the_watch(journal: Journal, watch: SourceWatch, inbox: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from relj.ops import sources as source_ops

    journal.run(source_ops.add_source, "mbox", inbox, {})
    with qtbot.waitSignal(watch.read_finished, timeout=HANG):
        watch.start()  # the start-up read
    assert interactions(journal) == 2
    assert str(inbox.resolve()) in watch.watched()
    with qtbot.waitSignal(watch.read_finished, timeout=HANG) as finished, inbox.open("ab") as fh:
        fh.write(message(3))
    assert finished.args[0][0].added == (0, 1)
    assert interactions(journal) == 3
    # Replaced by a rename (as mail programs compact a folder): noticed, watched again, read.
    new = inbox.with_name("Inbox.tmp")
    new.write_bytes(message(1) + message(2) + message(3) + message(4))
    with qtbot.waitSignal(watch.read_finished, timeout=HANG):
        os.replace(new, inbox)
    assert interactions(journal) == 4
    assert str(inbox.resolve()) in watch.watched()
    with qtbot.waitSignal(watch.read_finished, timeout=HANG), inbox.open("ab") as fh:
        fh.write(message(7))
    assert interactions(journal) == 5


def test_a_source_that_vanishes_under_the_watch_says_so(journal: Journal, watch: SourceWatch, inbox: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from relj.ops import sources as source_ops

    journal.run(source_ops.add_source, "mbox", inbox, {})
    with qtbot.waitSignal(watch.read_finished, timeout=HANG):
        watch.start()
    with qtbot.waitSignal(watch.message, timeout=HANG) as said:
        inbox.unlink()
    assert "could not be read" in said.args[0]
    assert journal.store.list_sources()[0].error


def test_file_menu_opens_the_sources_page(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    main_window.show()
    assert main_window.act_sources in main_window.menuBar().actions()[0].menu().actions()
    main_window.act_sources.trigger()
    page = main_window.sources_page
    assert main_window.stack.currentWidget() is page
    assert main_window.nav.currentRow() == -1
    main_window.act_views[0].trigger()  # Ctrl+1
    assert main_window.stack.currentWidget() is not page


def test_every_control_of_the_page_has_a_name(page: SourcesPage, inbox: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QWidget

    page.show()
    qtbot.waitExposed(page)
    page.look_again()
    page.add_selected()
    unnamed = []
    for w in page.findChildren(QWidget):
        if not w.isVisibleTo(page) or w.focusPolicy() == Qt.FocusPolicy.NoFocus or w.focusProxy() is not None:
            continue
        if w.metaObject().className() in ("QScrollBar", "QHeaderView"):
            continue
        iface = QAccessible.queryAccessibleInterface(w)
        if not (iface and (iface.text(QAccessible.Text.Name) or "").strip()):
            unnamed.append(w.metaObject().className())
    assert not unnamed
    # Tab goes from one list to the next region, not along its cells; arrows move within.
    assert not page.table.tabKeyNavigation() and not page.found_table.tabKeyNavigation()


def test_a_stopped_watch_reads_nothing_more(journal: Journal, watch: SourceWatch, inbox: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Closing the window stops the watch: a change on disk after that starts no read, and a read
    that was waiting is dropped (it would otherwise run against a closed journal)."""
    from relj.ops import sources as source_ops

    journal.run(source_ops.add_source, "mbox", inbox, {})
    with qtbot.waitSignal(watch.read_finished, timeout=HANG):
        watch.start()
    started: list[bool] = []
    watch.read_started.connect(lambda: started.append(True))
    watch.schedule(None)  # a read waiting for quiet...
    watch.stop()  # ...dropped by the stop
    with inbox.open("ab") as fh:
        fh.write(message(3))
    qtbot.wait(300)
    assert started == [] and watch.watched() == set()
    assert interactions(journal) == 2


def test_closing_the_window_stops_its_watch(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    main_window.show()
    qtbot.waitUntil(lambda: getattr(main_window, "source_watch", None) is not None, timeout=HANG)
    watch = main_window.source_watch
    main_window.close()
    watch.schedule(None, delay_ms=0)
    started: list[bool] = []
    watch.read_started.connect(lambda: started.append(True))
    qtbot.wait(100)
    assert started == []


def test_the_message_of_a_stopped_read_says_what_was_kept(qapp) -> None:
    from relj.sources.sync import SyncResult
    from relj.ui.source_watch import read_message

    done = SyncResult(1, (2, 30), 0, None, 7)
    stopped = SyncResult(2, (0, 0), 0, None, None, stopped=True)
    assert read_message([done, stopped]) == ("Stopped. Read 1 source: added 2 people and 30 interactions · "
                                             "the source it was reading is left as it was, to be read next time")


def test_esc_stops_a_long_read_and_the_source_is_read_whole_next_time(
    page: SourcesPage, journal: Journal, inbox: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    """Stop (here Esc on the page) during a read: nothing of the source under way is kept, the
    message says so, and the next read takes it whole."""
    inbox.write_bytes(b"".join(message(n % 28 + 1).replace(b"<%d@" % (n % 28 + 1), b"<m%d@" % n)
                               for n in range(1200)))
    page.show()
    page.look_again()
    page.found_table.setCurrentIndex(page.found_model.index(0, 0))

    def stop_on_first_progress(done: int, total: int) -> None:
        page.watch.progressed.disconnect(stop_on_first_progress)
        assert page.stop_button.isVisible() and page.stop_button.isEnabled()
        qtbot.keyClick(page.table, Qt.Key.Key_Escape)
        assert not page.stop_button.isEnabled()

    page.watch.progressed.connect(stop_on_first_progress)
    with qtbot.waitSignal(page.watch.read_finished, timeout=HANG) as finished:
        page.add_selected()
    [result] = finished.args[0]
    assert result.stopped and interactions(journal) == 0
    assert page.message.text().startswith("Stopped. Read 0 sources: nothing new")
    assert page.stop_button.isHidden() and page.progress.isHidden()
    with qtbot.waitSignal(page.watch.read_finished, timeout=HANG) as finished:
        page.read(None)
    assert not finished.args[0][0].stopped and interactions(journal) == 1200
