"""The Plan dialog (issue 15): names the people, presets, a typed day spelled back, Tab order, Enter plans, .ics."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from relj.domain import Channel, Status
from relj.ops import plans as plan_ops
from relj.ui import plan_dialog
from relj.ui.journal import Journal
from relj.ui.plan_dialog import PlanDialog, parse_plan_day, presets

TODAY = dt.date(2026, 12, 9)  # a Wednesday


@pytest.fixture
def journal(store, qapp, monkeypatch):
    monkeypatch.setenv("RELJ_TODAY", TODAY.isoformat())
    ana = store.add_person("Ana Lima", emails=["ana@example.org"], interests=["climbing"])
    store.add_person("Bruno Silva", emails=["bruno@example.org"])
    store.log_interaction(Channel.EMAIL, [ana.id], TODAY - dt.timedelta(days=3))
    plan_ops.add_points(store, ana.id, ["ask how the Lisbon move went"])
    plan_ops.set_preferences(store, ana.id, prefers=Channel.PHONE, best_time="evenings")
    return Journal(store)


@pytest.fixture
def show(qtbot, journal):
    def make(*names):
        ids = [journal.store.resolve(n).id for n in names]
        dlg = PlanDialog(journal, ids)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        dlg.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.date)
        return dlg

    return make


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def plans(journal):
    from relj.store import plans as plan_store

    return [i for i in plan_store.interactions(journal.store, plan_store.open_plan_ids(journal.store)) if i.status is Status.PLANNED]


def test_title_and_body_name_the_people_and_a_day_is_proposed(show):
    dlg = show("Ana Lima", "Bruno Silva")
    assert "Ana Lima and Bruno Silva" in dlg.windowTitle()
    assert "Ana Lima and Bruno Silva" in dlg.heading.text()
    assert dlg.date.day() == dt.date(2026, 12, 12)  # the coming Saturday
    assert "Saturday" in dlg.date_words.text()
    # The brief is beside the form: the talking point, preferences, the shared-interest line.
    assert "Lisbon move" in dlg.brief_label.text()
    assert "evenings" in dlg.brief_label.text()


def test_preferred_channel_comes_first(show):
    dlg = show("Ana Lima")
    assert dlg.channel.itemData(0) == Channel.PHONE.value
    assert dlg.channel.currentData() == Channel.PHONE.value
    dlg2 = show("Bruno Silva")
    assert dlg2.channel.currentData() == Channel.IN_PERSON.value


def test_presets_have_keys(qtbot, show):
    dlg = show("Bruno Silva")
    days = presets(TODAY)
    assert days == {"weekend": dt.date(2026, 12, 12), "next_week": dt.date(2026, 12, 16),
                    "two_weeks": dt.date(2026, 12, 23)}
    # A mnemonic clicks its button after a short animation.
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dlg.date.day() == days["next_week"])
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dlg.date.day() == days["two_weeks"])
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dlg.date.day() == days["weekend"])
    assert QApplication.focusWidget() is dlg.date


def test_typed_day_is_spelled_back_with_its_weekday_and_enter_plans(qtbot, show, journal):
    dlg = show("Bruno Silva")
    dlg.date.selectAll()
    qtbot.keyClicks(dlg.date, "fri")
    assert dlg.date.day() == dt.date(2026, 12, 11)
    assert "Friday" in dlg.date_words.text()
    dlg.date.selectAll()
    qtbot.keyClicks(dlg.date, "2027-01-05")
    assert "Tuesday" in dlg.date_words.text()
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "19:30")
    press(qtbot, Qt.Key.Key_Return)
    assert not dlg.isVisible()
    [plan] = plans(journal)
    assert (plan.occurred_on, plan.occurred_time, plan.channel) == (dt.date(2027, 1, 5), "19:30", Channel.IN_PERSON)
    assert journal.undo_stack.count() == 1


def test_a_bad_day_or_time_blocks_planning_with_a_line(qtbot, show, journal):
    dlg = show("Bruno Silva")
    dlg.date.selectAll()
    qtbot.keyClicks(dlg.date, "someday")
    assert not dlg.ok.isEnabled()
    assert "Not a day" in dlg.date_words.text()
    dlg.date.selectAll()
    qtbot.keyClicks(dlg.date, "2026-12-01")
    assert "is over" in dlg.date_words.text()
    press(qtbot, Qt.Key.Key_Return)
    assert dlg.isVisible() and dlg.error.isVisible() and plans(journal) == []
    dlg.date.selectAll()
    qtbot.keyClicks(dlg.date, "+3")
    dlg.time.setText("25:99")
    assert not dlg.ok.isEnabled()


def test_tab_moves_field_to_field_and_the_note_survives(qtbot, show, journal):
    dlg = show("Ana Lima")
    order = [dlg.date]
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [dlg.date, dlg.time, dlg.channel, dlg.note]
    qtbot.keyClicks(dlg.note, "coffee at the market")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Backtab)
    assert dlg.note.text() == "coffee at the market"
    press(qtbot, Qt.Key.Key_Return)
    [plan] = plans(journal)
    assert plan.note == "coffee at the market" and plan.channel is Channel.PHONE


@pytest.mark.parametrize(("text", "expected"), [
    ("sat", dt.date(2026, 12, 12)), ("wed", dt.date(2026, 12, 16)), ("tomorrow", dt.date(2026, 12, 10)),
    ("+3", dt.date(2026, 12, 12)), ("2w", dt.date(2026, 12, 23)), ("12 dec", dt.date(2026, 12, 12)),
    ("dec 1", dt.date(2027, 12, 1)), ("5 jan", dt.date(2027, 1, 5)), ("2026-12-31", dt.date(2026, 12, 31)),
    ("", None), ("soon", None), ("31 feb", None),
])
def test_parse_plan_day(text, expected):
    assert parse_plan_day(text, TODAY) == expected


def test_add_to_calendar_plans_and_writes_a_parseable_ics(qtbot, show, journal, tmp_path, monkeypatch):
    target = tmp_path / "cal" / "ana"
    target.parent.mkdir()
    monkeypatch.setattr(plan_dialog, "ask_save_path", lambda parent, suggested: target)
    opened = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Open)
    monkeypatch.setattr(plan_dialog.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    dlg = show("Ana Lima", "Bruno Silva")
    dlg.time.setText("18:00")
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    [plan] = plans(journal)
    written = target.with_name("ana.ics")
    assert opened == [str(written)]
    assert written.stat().st_mode & 0o777 == 0o600
    cal = icalendar.Calendar.from_ical(written.read_bytes())
    [event] = list(cal.walk("VEVENT"))
    assert event["DTSTART"].dt.date() == plan.occurred_on == dt.date(2026, 12, 12)
    attendees = sorted(str(a) for a in event.get("ATTENDEE"))
    assert attendees == ["mailto:ana@example.org", "mailto:bruno@example.org"]
    assert "Lisbon move" in str(event["DESCRIPTION"])
    assert list(event.walk("VALARM"))


def test_ask_plan_returns_false_when_cancelled(qtbot, journal, monkeypatch):
    monkeypatch.setattr(PlanDialog, "exec", lambda self: 0)
    assert plan_dialog.ask_plan(None, journal, [journal.store.resolve("Ana Lima").id]) is False
    assert plans(journal) == []


def test_every_control_has_an_accessible_name(show):
    from PySide6.QtWidgets import QWidget

    dlg = show("Ana Lima")
    for w in dlg.findChildren(QWidget):
        focusable = w.focusPolicy() != Qt.FocusPolicy.NoFocus or w in dlg.preset_buttons.values()
        if focusable and w.isVisibleTo(dlg) and w.metaObject().className() not in ("QScrollBar", "QWidget"):
            assert w.accessibleName(), w
