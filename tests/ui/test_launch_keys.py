"""At launch the Reconnect list has the keyboard: P plans for its first row, without a click."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import relj.ui.main_window as mw
from relj.ui.reconnect_dialogs import PlanDialog, PlanResult


def test_focus_is_on_the_first_reconnect_row_and_p_plans_it(main_window, demo_journal, qtbot, monkeypatch):
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.activateWindow()
    view = main_window.page(mw.RECONNECT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.list)
    first = view.model.entry(0)
    assert first is not None and view.current_entry() == first
    asked: list[str] = []

    def ask(parent, name, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(name)
        return PlanResult(dt.date(2026, 6, 20), kwargs["default_channel"], "")

    monkeypatch.setattr(PlanDialog, "ask", staticmethod(ask))
    messages: list[str] = []
    demo_journal.action_done.connect(lambda text, undoable: messages.append(text))
    qtbot.keyClick(view.list, Qt.Key.Key_P)
    assert asked == [first.name]
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
