"""The person page and the loop (issues 15 and 14 item 9): talking points, preferences, felt marks, why now with
Plan and Snooze, a year-less birthday in words, aligned fields; the chart's axis from the first contact."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFormLayout

from relj.domain import Birthday, Channel
from relj.ops import plans as plan_ops
from relj.store import plans as plan_store
from relj.ui import plan_dialog
from relj.ui.chart import ContactChart
from relj.ui.journal import Journal
from relj.ui.person_page import PersonPage

TODAY = dt.date(2026, 12, 14)


@pytest.fixture
def journal(store, qapp, monkeypatch):
    monkeypatch.setenv("RELJ_TODAY", TODAY.isoformat())
    ana = store.add_person("Ana Lima", circle="close", birthday=Birthday(12, 20, None)).id
    store.log_interaction(Channel.IN_PERSON, [ana], dt.date(2026, 3, 2), note="walk")
    store.log_interaction(Channel.EMAIL, [ana], TODAY - dt.timedelta(days=5))
    walk = [i for i in store.interactions_for_person(ana) if i.note == "walk"][0]
    plan_ops.set_felt(store, walk.id, 4)
    return Journal(store)


@pytest.fixture
def page(qtbot, journal):
    p = PersonPage(journal)
    qtbot.addWidget(p)
    p.show_person(journal.store.resolve("Ana Lima").id)
    p.resize(1100, 800)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    return p


def test_talking_points_add_with_enter_tick_untick_and_forget(qtbot, page, journal):
    ana = page.person_id()
    page.points.add_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.points.add_edit)
    qtbot.keyClicks(page.points.add_edit, "ask how the Lisbon move went")
    qtbot.keyClick(page.points.add_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(page.points.add_edit, "bring the book")
    qtbot.keyClick(page.points.add_edit, Qt.Key.Key_Return)
    assert [t.text for t in plan_store.points_for(journal.store, ana)] == ["ask how the Lisbon move went", "bring the book"]
    assert page.points.list.count() == 2
    page.points.list.setFocus()
    page.points.list.setCurrentRow(0)
    qtbot.keyClick(page.points.list, Qt.Key.Key_Space)  # tick: covered
    assert [t.text for t in plan_store.points_for(journal.store, ana)] == ["bring the book"]
    covered = [page.points.list.item(n) for n in range(page.points.list.count())
               if page.points.list.item(n).checkState() == Qt.CheckState.Checked]
    assert [i.text() for i in covered] == ["ask how the Lisbon move went"]  # still shown, ticked
    journal.undo_stack.undo()
    assert len(plan_store.points_for(journal.store, ana)) == 2
    page.points.list.setCurrentRow(1)
    qtbot.keyClick(page.points.list, Qt.Key.Key_Delete)
    assert [t.text for t in plan_store.points_for(journal.store, ana)] == ["ask how the Lisbon move went"]


def test_preferences_are_set_through_the_journal(qtbot, page, journal):
    ana = page.person_id()
    prefs = page.prefs
    prefs.prefers.setCurrentIndex(prefs.prefers.findData(Channel.PHONE.value))
    prefs.prefers.activated.emit(prefs.prefers.currentIndex())
    prefs.best_time.setText("evenings")
    prefs.best_time.editingFinished.emit()
    assert plan_store.preferences(journal.store, [ana])[ana] == (Channel.PHONE, "evenings")
    journal.undo_stack.undo()
    assert plan_store.preferences(journal.store, [ana])[ana] == (Channel.PHONE, None)


def test_felt_marks_in_the_timeline(page):
    proxy = page.history.felt_proxy
    texts = [proxy.index(n, 0).data() for n in range(proxy.rowCount())]
    assert any("●●●●○" in t for t in texts)
    assert sum("●" in t for t in texts) == 1
    spoken = [proxy.index(n, 0).data(Qt.ItemDataRole.AccessibleTextRole) or "" for n in range(proxy.rowCount())]
    assert any("felt 4 of 5" in t for t in spoken)


def test_why_now_with_plan_and_snooze(qtbot, page, journal, monkeypatch):
    assert page.attention.isVisible()
    assert "Ana" in page.attention.reason.text()
    asked = []
    monkeypatch.setattr(plan_dialog, "ask_plan", lambda parent, j, ids: asked.append(ids) or True)
    page.attention.plan_button.click()
    assert asked == [[page.person_id()]]
    from relj.ui.reconnect_dialogs import SnoozeDialog

    monkeypatch.setattr(SnoozeDialog, "ask", classmethod(lambda cls, *a: TODAY + dt.timedelta(days=20)))
    page.attention.snooze_button.click()
    assert journal.store.person(page.person_id()).snoozed_until == TODAY + dt.timedelta(days=20)
    assert not page.attention.isVisible()  # snoozed: nothing to do now


def test_delete_is_quieter_than_log_contact(page):
    from PySide6.QtWidgets import QPushButton, QToolButton

    assert isinstance(page.log_button, QPushButton)
    assert isinstance(page.delete_button, QToolButton) and page.delete_button.autoRaise()


def test_a_birthday_without_a_year_reads_20_december_and_can_be_typed_so(qtbot, page, journal):
    field = page.details.fields["birthday"]
    assert field.text() == "20 December"
    field.setText("3 March")
    field.editingFinished.emit()
    assert journal.store.person(page.person_id()).birthday == Birthday(3, 3, None)
    assert field.text() == "3 March"
    field.setText("3 March 1990")
    field.editingFinished.emit()
    assert journal.store.person(page.person_id()).birthday == Birthday(3, 3, 1990)


def test_details_and_contact_fields_line_up(page):
    def field_x(form_owner):
        form = form_owner.layout()
        assert isinstance(form, QFormLayout)
        item = form.itemAt(0, QFormLayout.ItemRole.FieldRole)
        return item.widget().mapTo(page, item.widget().rect().topLeft()).x()

    assert field_x(page.details) == field_x(page.contacts) == field_x(page.prefs)


def test_chart_axis_starts_at_the_first_contact(qtbot):
    chart = ContactChart()
    qtbot.addWidget(chart)
    chart.resize(900, 180)
    months = {"2026-03": {"together": 1}, "2026-11": {"written": 2}}
    chart.set_data(months, TODAY, last_rich=dt.date(2026, 3, 2), rhythm_days=30)
    keys = chart.visible_months()
    assert keys[0] == "2026-03" and keys[-1] == "2026-12"  # not January 2024
    assert chart.expected_per_month() == pytest.approx(30.4 / 30)
    assert "2026-03-02" in chart.accessibleDescription() and "30 days" in chart.accessibleDescription()
    chart.grab()  # paints the marks
    chart.set_data({"2026-11": {"written": 1}}, TODAY)
    assert len(chart.visible_months()) == ContactChart.MIN_MONTHS
    chart.set_data({"2019-01": {"together": 1}}, TODAY)
    assert len(chart.visible_months()) <= ContactChart.MAX_MONTHS
    chart.grab()


def test_every_new_control_has_an_accessible_name(page):
    from PySide6.QtWidgets import QWidget

    for part in (page.attention, page.points, page.prefs):
        for w in part.findChildren(QWidget):
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(page) and \
                    w.metaObject().className() not in ("QScrollBar", "QWidget"):
                assert w.accessibleName(), w
