"""At launch the Reconnect list has the keyboard: P plans for its first row, without a click."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

import relj.ui.main_window as mw
from relj.domain import Status
from relj.ui.plan_dialog import PlanDialog


def test_focus_is_on_the_first_reconnect_row_and_p_plans_it(main_window, demo_journal, qtbot):
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.activateWindow()
    view = main_window.page(mw.RECONNECT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.list)
    first = view.model.entry(0)
    assert first is not None and view.current_entry() == first
    seen: list[tuple[str, dt.date | None]] = []

    def answer() -> None:  # inside the dialog's own loop: look, then press Enter as a user would
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, PlanDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(20, answer)
            return
        dialog = shown[0]
        seen.append((dialog.windowTitle(), dialog.date.day()))
        try:
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.date)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        finally:
            if dialog.isVisible():  # a hang guard: the test fails below instead
                dialog.reject()

    messages: list[str] = []
    demo_journal.action_done.connect(lambda text, undoable: messages.append(text))
    before = {i.id for i in demo_journal.store.interactions_for_person(first.person_id)
              if i.status is Status.PLANNED}
    QTimer.singleShot(0, answer)
    qtbot.keyClick(view.list, Qt.Key.Key_P)
    assert len(seen) == 1
    title, proposed = seen[0]
    assert first.name in title and proposed is not None  # a proposed date already filled in
    planned = [i for i in demo_journal.store.interactions_for_person(first.person_id)
               if i.status is Status.PLANNED and i.id not in before]
    assert [i.occurred_on for i in planned] == [proposed]
    assert messages and messages[0].startswith("Planned")
    assert "Undo" in main_window.statusBar().currentMessage()


def test_ctrl_1_gives_the_list_the_keyboard_again(main_window, qtbot):
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.activateWindow()
    main_window.show_view(mw.PEOPLE)
    main_window.show_view(mw.RECONNECT)
    view = main_window.page(mw.RECONNECT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.list)
