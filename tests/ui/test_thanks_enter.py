"""Say thanks: Enter on a thank-you logs the written thank-you (relj.ops.plans.thank), undoable (issue 15)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from relj.domain import Channel, Initiator, Mode
from relj.ui.journal import Journal
from relj.ui.reconnect_view import ReconnectView

TODAY = dt.date(2026, 12, 14)


def test_enter_on_a_thank_you_logs_a_written_contact(store, qapp, qtbot, monkeypatch):
    monkeypatch.setenv("RELJ_TODAY", TODAY.isoformat())
    ana = store.add_person("Ana", circle="friends").id
    store.log_interaction(Channel.IN_PERSON, [ana], TODAY - dt.timedelta(days=2), note="dinner at hers")
    journal = Journal(store)
    view = ReconnectView(journal)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    assert view.followups_model.rowCount() == 1
    view.followups.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.followups)
    qtbot.keyClick(view.followups, Qt.Key.Key_Return)
    [thanks] = [i for i in store.interactions_for_person(ana) if i.occurred_on == TODAY]
    assert thanks.channel.mode is Mode.WRITTEN and thanks.initiator is Initiator.ME
    assert "dinner at hers" in thanks.note
    assert view.followups_model.rowCount() == 0
    journal.undo_stack.undo()
    assert [i for i in store.interactions_for_person(ana) if i.occurred_on == TODAY] == []
