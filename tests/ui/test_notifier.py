"""Tray notifications for people who newly need attention."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings

from relj.domain import Channel
from relj.ui.journal import Journal
from relj.ui.notifier import DueNotifier


@pytest.fixture
def settings(qapp):
    QSettings().clear()  # the tests' XDG_CONFIG_HOME is private (tests/conftest.py)
    yield
    QSettings().clear()


def _drifted(store, name: str) -> int:
    p = store.add_person(name, circle="close")
    for k in range(4):
        store.log_interaction(Channel.IN_PERSON, [p.id], dt.date(2025, 1, 1) + dt.timedelta(days=14 * k))
    store.log_interaction(Channel.EMAIL, [p.id], dt.date(2025, 11, 1))
    return p.id


def test_first_check_records_silently_then_newcomers_are_announced(store, settings, monkeypatch, qapp):
    monkeypatch.setenv("RELJ_TODAY", "2025-11-10")
    journal = Journal(store)
    shown: list[tuple[str, str]] = []
    notifier = DueNotifier(journal, show=lambda title, body: shown.append((title, body)))
    ana = _drifted(store, "Ana")
    assert notifier.check() == []  # first look at this journal: nothing announced
    assert shown == []
    ben = _drifted(store, "Ben")
    new = notifier.check()
    assert [pid for pid, _, _ in new] == [ben] and ana not in [pid for pid, _, _ in new]
    assert shown and "Ben" in shown[0][0] and "Last saw Ben" in shown[0][1]
    assert notifier.check() == []  # already announced


def test_turned_off_announces_nothing(store, settings, monkeypatch, qapp):
    monkeypatch.setenv("RELJ_TODAY", "2025-11-10")
    journal = Journal(store)
    shown: list[tuple[str, str]] = []
    notifier = DueNotifier(journal, show=lambda title, body: shown.append((title, body)))
    notifier.check()
    DueNotifier.set_enabled(False)
    _drifted(store, "Ben")
    assert notifier.check() == [] and shown == []


def test_menu_toggle(main_window, settings):
    main_window.start_notifications()
    assert main_window.act_notify.isChecked()
    main_window.act_notify.trigger()
    assert not DueNotifier.enabled()
