"""The first hour, by keys: the welcome on an empty journal, Sort people, Tab that leaves tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from relj.domain import UNSORTED, Channel
from relj.interop.engine import ImportOptions, run_import
from relj.interop.records import EventRecord, Party
from relj.ui.journal import Journal
from relj.ui.sort_people import SortPeopleDialog
from relj.ui.welcome import WelcomePage

ENGINE = Path(__file__).resolve().parent.parent / "fixtures" / "engine"


@pytest.fixture
def window(store, qtbot):
    from relj.ui.main_window import MainWindow

    journal = Journal(store)
    win = MainWindow(journal, restore_state=False)
    qtbot.addWidget(win)
    win.resize(1024, 700)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def focused():
    return QApplication.focusWidget()


def test_an_empty_journal_opens_the_welcome_and_stores_me_by_keys(window, qtbot, monkeypatch):
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), WelcomePage), timeout=10_000)
    page = window.stack.currentWidget()
    assert isinstance(page, WelcomePage)
    qtbot.waitUntil(lambda: focused() is page.name, timeout=10_000)
    qtbot.keyClicks(focused(), "Sam Rivera")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.emails
    qtbot.keyClicks(focused(), "Sam@Example.org, sam@work.example")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "climbing, jazz")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.region
    focused().clear()
    qtbot.keyClicks(focused(), "gb")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    owner = window.journal.store.owner()
    assert owner.name == "Sam Rivera" and owner.emails == ("Sam@Example.org", "sam@work.example")
    assert owner.interests == ("climbing", "jazz") and owner.region == "GB"
    assert window.journal.undo_stack.canUndo()  # one undoable step
    # Every control on the welcome has a name a screen reader can say.
    for widget in page.findChildren(QWidget):
        if widget.isVisibleTo(page) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget is not page:
            assert widget.accessibleName(), widget
    # The import buttons open the import flow with the right kind of file first.
    asked: list[str | None] = []
    from relj.ui import import_dialog

    monkeypatch.setattr(import_dialog.ImportDialog, "ask",
                        classmethod(lambda cls, parent, journal, path=None, what=None: asked.append(what)))
    for what in ("contacts", "calendar", "mail", "phone"):
        button = page.import_buttons[what]
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)
    assert asked == ["contacts", "calendar", "mail", "phone"]
    # The stores on this computer: the Sources page, from the welcome.
    shown: list[bool] = []
    monkeypatch.setattr(type(window), "show_sources", lambda self: shown.append(True))
    page.sources_button.setFocus()
    qtbot.keyClick(page.sources_button, Qt.Key.Key_Space)
    assert shown == [True]
    page.done_button.setFocus()
    qtbot.keyClick(page.done_button, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.page(0)


def test_a_journal_with_people_opens_reconnect(demo_journal, qtbot):
    from relj.ui.main_window import MainWindow

    win = MainWindow(demo_journal, restore_state=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(50)
    assert not isinstance(win.stack.currentWidget(), WelcomePage)


def _unsorted(store, n: int) -> list[int]:
    records = [EventRecord(where=f"m{i}", source="mbox", source_key=f"k{i}.{j}", occurred_on=dt.date(2026, 3, 1),
                           channel=Channel.EMAIL, parties=[Party(email=f"p{i}@example.org", name=f"Person {i}")])
               for i in range(n) for j in range(n - i)]  # Person 0 has the most mail
    run_import(store, lambda: iter(records), ImportOptions(fmt="mbox", file_name="m.mbox", create_people=True))
    return [store.resolve(f"Person {i}").id for i in range(n)]


def test_sort_people_one_key_each_and_each_undoable(store, qtbot):
    ids = _unsorted(store, 5)
    journal = Journal(store)
    dialog = SortPeopleDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.name.text() == "Person 0" and "5 messages" in dialog.details.text()
    assert dialog.circle_buttons[0].text() == "1  Family" and dialog.circle_buttons[6].text() == "7  No circle"
    qtbot.keyClick(focused() or dialog, Qt.Key.Key_1)
    qtbot.keyClick(focused() or dialog, Qt.Key.Key_Space)  # Person 1 skipped
    qtbot.keyClick(focused() or dialog, Qt.Key.Key_U)
    qtbot.keyClick(focused() or dialog, Qt.Key.Key_7)
    qtbot.keyClick(focused() or dialog, Qt.Key.Key_3)
    p = [store.person(i) for i in ids]
    assert (p[0].circle, p[0].tracked) == ("family", True)
    assert (p[1].circle, p[1].tracked) == (UNSORTED, False)
    assert (p[2].circle, p[2].tracked) == (None, False)
    assert (p[3].circle, p[3].tracked) == (None, True)
    assert (p[4].circle, p[4].tracked) == ("friends", True)
    assert dialog.name.text() == "Everyone is sorted." and dialog.sorted_count == 4
    # Ctrl+Z takes answers back one at a time and shows that person again.
    qtbot.keyClick(focused() or dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.person(ids[4]).circle == UNSORTED and dialog.name.text() == "Person 4"
    for _ in range(3):
        journal.undo_stack.undo()
    assert all(store.person(i).circle == UNSORTED and not store.person(i).tracked for i in ids)


def test_sort_people_is_in_the_menu_while_someone_is_unsorted(window, qtbot):
    from relj.ui.welcome import FirstRun

    qtbot.waitUntil(lambda: window.findChild(FirstRun) is not None, timeout=10_000)
    first = window.findChild(FirstRun)
    assert not first.act_sort.isVisible()
    ids = _unsorted(window.journal.store, 2)
    window.journal.reload_all()
    assert first.act_sort.isVisible() and first.act_sort.text() == "S&ort 2 people…"
    assert first.act_sort in window.actions()
    window.journal.update_person(ids[0], circle="close", tracked=True)
    window.journal.update_person(ids[1], circle=None, tracked=False)
    assert not first.act_sort.isVisible()


def test_tab_leaves_the_people_and_interests_tables(main_window, qtbot):
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.activateWindow()
    for view in (1, 2):
        main_window.show_view(view)
        table = main_window.page(view).findChild(QTableView)
        assert table is not None and not table.tabKeyNavigation()
        table.setFocus()
        qtbot.waitUntil(lambda t=table: focused() is t, timeout=10_000)
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert focused() is not table


def test_tab_leaves_the_addresses_box(qtbot):
    from relj.ui.person_details import NoteEdit

    box = NoteEdit()
    assert box.tabChangesFocus()
    qtbot.addWidget(box)
