"""Views and the main window, driven through their own methods and keys: search, sort, edit, delete, undo."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton

from relj.domain import Channel, ContactKind, Mode
from relj.ui import main_window as mw
from relj.ui.chart import ContactChart, month_keys
from relj.ui.icons import mode_color
from relj.ui.journal import Journal
from relj.ui.models import PeopleTableModel
from relj.ui.people_view import PeopleView
from relj.ui.roles import PersonIdRole


def table_names(view: PeopleView) -> list[str]:
    m = view.model
    return [m.data(m.index(r, 0)) for r in range(m.rowCount())]


# -- people view ---------------------------------------------------------------------------
def test_search_as_you_type_is_debounced_and_filters(demo_journal, qtbot):
    view = PeopleView(demo_journal)
    qtbot.addWidget(view)
    total = view.model.rowCount()
    with qtbot.waitSignal(view.model.modelReset, timeout=1000):
        qtbot.keyClicks(view.search, "climb")
    assert 0 < view.model.rowCount() < total
    for r in range(view.model.rowCount()):
        pid = view.model.data(view.model.index(r, 0), PersonIdRole)
        assert "Climbing" in demo_journal.store.person(pid).interests
    assert "of" in view.count_label.text()
    view.set_search_text("zzzz-nobody")
    assert view.body.currentWidget() is view.empty
    assert "No one matches" in view.empty.text()


def test_empty_journal_explains_what_to_do(store, qtbot, qapp):
    view = PeopleView(Journal(store))
    qtbot.addWidget(view)
    assert view.body.currentWidget() is view.empty
    assert "No one yet: add a person with Ctrl+N" in view.empty.text()


def test_header_click_sorts_every_column(demo_journal, qtbot):
    view = PeopleView(demo_journal)
    qtbot.addWidget(view)
    view.show()
    header = view.table.horizontalHeader()
    for column in range(len(PeopleTableModel.HEADERS)):
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder)
        assert view.model.sort_state() == (column, Qt.SortOrder.DescendingOrder)
    header.setSortIndicator(PeopleTableModel.NAME, Qt.SortOrder.AscendingOrder)
    names = table_names(view)
    assert names == sorted(names, key=str.casefold)


def test_filters_by_circle_and_interest(demo_journal, qtbot):
    view = PeopleView(demo_journal)
    qtbot.addWidget(view)
    view.circle_combo.setCurrentIndex(view.circle_combo.findData("family"))
    for r in range(view.model.rowCount()):
        pid = view.model.data(view.model.index(r, 0), PersonIdRole)
        assert demo_journal.store.person(pid).circle == "family"
    view.circle_combo.setCurrentIndex(0)
    view.interest_combo.setCurrentIndex(view.interest_combo.findData("Jazz"))
    assert view.model.rowCount() > 0
    for r in range(view.model.rowCount()):
        pid = view.model.data(view.model.index(r, 0), PersonIdRole)
        assert "Jazz" in demo_journal.store.person(pid).interests


def test_enter_in_search_opens_the_first_match(demo_journal, qtbot):
    view = PeopleView(demo_journal)
    qtbot.addWidget(view)
    view.set_search_text("Ana García")
    with qtbot.waitSignal(view.person_activated) as blocker:
        qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert demo_journal.store.person(blocker.args[0]).display_name == "Ana García"


def test_enter_on_a_row_opens_the_person(demo_journal, qtbot):
    view = PeopleView(demo_journal)
    qtbot.addWidget(view)
    view.show()
    view.table.setFocus()
    view.table.selectRow(2)
    view.table.setCurrentIndex(view.model.index(2, 0))
    with qtbot.waitSignal(view.person_activated) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [view.model.person_id(2)]


# -- person page ---------------------------------------------------------------------------
def test_person_page_edit_goes_through_the_journal_and_undoes(main_window, demo_journal, qtbot):
    store = demo_journal.store
    ana = store.resolve("Ana García")
    people = main_window.page(mw.PEOPLE)
    main_window.navigate_to_person(ana.id)
    page = main_window.page(mw.PERSON)
    assert page.name_edit.text() == "Ana García"
    assert page.history.model.rowCount() > 0
    edit = page.details.fields["organisation"]
    edit.setText("Canva")
    with qtbot.waitSignal(demo_journal.changed):
        edit.editingFinished.emit()
    assert store.person(ana.id).organisation == "Canva"
    page.name_edit.setText("Ana García Pérez")
    page.name_edit.editingFinished.emit()
    assert "Ana García Pérez" in table_names(people)
    demo_journal.undo_stack.undo()
    demo_journal.undo_stack.undo()
    assert store.person(ana.id).organisation == "Figma"
    assert page.name_edit.text() == "Ana García"
    assert "Ana García" in table_names(people)


def test_person_page_rejects_a_bad_birthday_without_an_undo_entry(main_window, demo_journal, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    pid = demo_journal.store.resolve("Ana García").id
    main_window.navigate_to_person(pid)
    page = main_window.page(mw.PERSON)
    before = demo_journal.undo_stack.count()
    shown_before = page.details.fields["birthday"].text()  # the demo puts Ana's birthday ten days from today
    assert shown_before
    page.details.fields["birthday"].setText("the 31st of never")
    page.details.fields["birthday"].editingFinished.emit()
    assert shown and "bad birthday" in shown[0]
    assert demo_journal.undo_stack.count() == before
    assert page.details.fields["birthday"].text() == shown_before


def test_person_page_contacts_interests_relationships(main_window, demo_journal, qtbot, monkeypatch):
    store = demo_journal.store
    ana = store.resolve("Ana García")
    ben = store.resolve("Ben Carter")
    main_window.navigate_to_person(ana.id)
    page = main_window.page(mw.PERSON)
    phones = page.contacts.edits[ContactKind.PHONE]
    phones.setText("+44 7700 977100, +49 30 1234567")
    phones.editingFinished.emit()
    assert len(store.person(ana.id).phones) == 2
    # Interests: the shared ones are starred; Enter adds one, Delete on a chip removes it.
    chips = page.interests.chips
    labels = [chips.item(i).text() for i in range(chips.count())]
    assert "★ Climbing" in labels and "Travel" in labels
    page.interests.add_edit.setText("Bouldering")
    qtbot.keyClick(page.interests.add_edit, Qt.Key.Key_Return)
    assert "Bouldering" in store.person(ana.id).interests
    assert page.interests.add_edit.text() == ""
    row = next(i for i in range(chips.count()) if chips.item(i).text() == "Bouldering")
    chips.setCurrentRow(row)
    qtbot.keyClick(chips, Qt.Key.Key_Delete)
    assert "Bouldering" not in store.person(ana.id).interests
    # Relationships: Add… asks the dialog, Remove removes the selected one, Enter opens the other person.
    from relj.ui.person_page import RelationshipDialog

    monkeypatch.setattr(RelationshipDialog, "ask", classmethod(lambda cls, *a: (ben.id, "colleague", "")))
    page.relations.add_button.click()
    assert any(r.person_b.id == ben.id for r in store.relationships_for(ana.id))
    rel_list = page.relations.list
    row = next(i for i in range(rel_list.count()) if "Ben Carter" in rel_list.item(i).text())
    rel_list.setCurrentRow(row)
    page.relations.remove_button.click()
    assert not any(ben.id in (r.person_a.id, r.person_b.id) for r in store.relationships_for(ana.id))
    rel_list.setCurrentRow(0)
    with qtbot.waitSignal(page.person_activated) as blocker:
        qtbot.keyClick(rel_list, Qt.Key.Key_Return)
    assert blocker.args[0] != ana.id


def test_person_page_delete_key_deletes_an_interaction_and_undo_brings_it_back(main_window, demo_journal, qtbot):
    store = demo_journal.store
    ana = store.resolve("Ana García")
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.navigate_to_person(ana.id)
    page = main_window.page(mw.PERSON)
    count = store.interaction_count_for(ana.id)
    timeline = page.history.timeline
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    timeline.setFocus()
    qtbot.waitUntil(timeline.hasFocus)
    timeline.setCurrentIndex(page.history.model.index(0))
    first = page.history.model.interaction(0).id
    qtbot.keyClick(timeline, Qt.Key.Key_Delete)
    assert store.interaction_count_for(ana.id) == count - 1
    assert page.history.model.interaction(0).id != first
    demo_journal.undo_stack.undo()
    assert store.interaction_count_for(ana.id) == count
    assert page.history.model.interaction(0).id == first


def test_delete_then_ctrl_z_restores_the_person(main_window, demo_journal, qtbot):
    store = demo_journal.store
    main_window.show()
    qtbot.waitExposed(main_window)
    ana = store.resolve("Ana García")
    people = main_window.page(mw.PEOPLE)
    interactions = store.interaction_count_for(ana.id)
    main_window.navigate_to_person(ana.id)
    main_window.act_delete.trigger()
    assert not store.person_exists(ana.id)
    assert "Ana García" not in table_names(people)
    assert main_window.current_view() == mw.PEOPLE
    assert "Ctrl+Z" in main_window.statusBar().currentMessage()
    main_window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    qtbot.keyClick(QApplication.focusWidget() or main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.person(ana.id).display_name == "Ana García"
    assert store.interaction_count_for(ana.id) == interactions
    assert "Ana García" in table_names(people)


# -- main window ---------------------------------------------------------------------------
def test_navigation_shortcuts_and_actions(main_window, qtbot):
    shortcuts = {a.shortcut().toString() for a in main_window.actions()}
    assert {"Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+K", "Ctrl+L", "Ctrl+N", "Ctrl+Z", "Ctrl+F"} <= shortcuts
    assert main_window.act_redo.shortcut().toString() == "Ctrl+Shift+Z"
    for n in (mw.PEOPLE, mw.INTERESTS, mw.TIMELINE, mw.RECONNECT):
        main_window.act_views[n].trigger()
        assert main_window.current_view() == n
        assert main_window.nav.currentRow() == n
    main_window.act_views[mw.RECONNECT].trigger()
    main_window.act_find.trigger()  # Find from a view without a search box goes to People
    assert main_window.current_view() == mw.PEOPLE
    for widget in main_window.findChildren(type(main_window.nav)):
        assert widget.accessibleName()


def test_home_view_is_reconnect(main_window):
    home = main_window.page(mw.RECONNECT)
    assert main_window.stack.currentWidget() is home
    from relj.ui.reconnect_view import ReconnectView

    assert isinstance(home, ReconnectView)


def test_palette_result_navigates(main_window, demo_journal, monkeypatch):
    from relj.ui import palette

    ana = demo_journal.store.resolve("Ana García")
    monkeypatch.setattr(palette.CommandPalette, "ask",
                        classmethod(lambda cls, parent, journal, actions: palette.PaletteResult(person_id=ana.id)))
    main_window.act_palette.trigger()
    assert main_window.current_view() == mw.PERSON
    assert main_window.page(mw.PERSON).person_id() == ana.id
    main_window.go_back()
    assert main_window.current_view() == mw.RECONNECT


def test_quick_log_gets_the_current_person(main_window, demo_journal, monkeypatch):
    from relj.ui import quick_log

    calls = []
    monkeypatch.setattr(quick_log.QuickLogDialog, "ask",
                        classmethod(lambda cls, parent, journal, person_ids=(): calls.append(person_ids)))
    ana = demo_journal.store.resolve("Ana García")
    main_window.navigate_to_person(ana.id)
    main_window.act_quick_log.trigger()
    assert calls == [(ana.id,)]


def test_new_person_opens_their_page(main_window, demo_journal, monkeypatch):
    from relj.ui import person_dialog

    monkeypatch.setattr(person_dialog.NewPersonDialog, "ask",
                        classmethod(lambda cls, parent, journal: journal.add_person("Новый Человек")))
    main_window.act_new_person.trigger()
    assert main_window.current_view() == mw.PERSON
    assert main_window.page(mw.PERSON).person_name() == "Новый Человек"
    assert "Новый Человек" in main_window.windowTitle()


def test_external_changes_reach_the_models(main_window, demo_journal, demo_store, qtbot):
    from relj.store import Store

    people = main_window.page(mw.PEOPLE)
    before = people.model.rowCount()
    other = Store.open(demo_store.path)  # the CLI, in another connection
    other.add_person("Added From The CLI")
    other.close()
    with qtbot.waitSignal(demo_journal.changed):
        demo_journal._check_external_changes()
    assert people.model.rowCount() == before + 1


def test_ui_state_is_saved_and_restored(main_window, demo_journal, qtbot):
    main_window.page(mw.PEOPLE).table.horizontalHeader().resizeSection(PeopleTableModel.CIRCLE, 222)
    main_window.save_state()
    again = mw.MainWindow(demo_journal)
    qtbot.addWidget(again)
    people = again.page(mw.PEOPLE)
    assert people.table.horizontalHeader().sectionSize(PeopleTableModel.CIRCLE) == 222


# -- chart ---------------------------------------------------------------------------------
def count_color(image: QImage, color: QColor) -> int:
    hits = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - color.red()) < 8 and abs(c.green() - color.green()) < 8 and abs(c.blue() - color.blue()) < 8:
                hits += 1
    return hits


def test_chart_paints_stacked_months_in_mode_colours(qtbot):
    chart = ContactChart()
    qtbot.addWidget(chart)
    chart.resize(600, 180)
    until = dt.date(2025, 6, 15)
    keys = month_keys(until, 24)
    months = {k: {"together": 3, "voice": 1, "written": 2} for k in keys[:12]}
    months.update({k: {"written": 6} for k in keys[12:]})  # the drift: written only
    chart.set_data(months, until)
    image = chart.grab().toImage()
    together = count_color(image, mode_color(Mode.TOGETHER))
    written = count_color(image, mode_color(Mode.WRITTEN))
    assert together > 50 and written > together
    # The last year, at the right end, has no together colour at all.
    shown = len(chart.visible_months())
    assert 24 <= shown <= 36
    left_edge = image.width() - 8 - (image.width() - 50) * 12 // shown + 4
    right = image.copy(left_edge, 30, image.width() - left_edge, image.height() - 60)
    assert count_color(right, mode_color(Mode.TOGETHER)) == 0
    assert "Last 12 months: 0 together, 0 voice, 72 written" in chart.accessibleDescription()


def test_chart_with_no_data(qtbot):
    chart = ContactChart()
    qtbot.addWidget(chart)
    chart.resize(400, 160)
    chart.set_data({})
    assert not chart.grab().toImage().isNull()
    assert chart.visible_months()


# -- interests and timeline ----------------------------------------------------------------
def test_who_do_i_know_who_climbs(main_window, demo_journal, qtbot):
    view = main_window.page(mw.INTERESTS)
    qtbot.keyClicks(view.filter, "climb")
    assert view.proxy.rowCount() == 1
    assert view.select_interest("Climbing")
    climbers = {view.people_model.index(r, 0).data() for r in range(view.people_model.rowCount())}
    expected = {p.name for s in demo_journal.store.interests() if s.name == "Climbing" for p in s.people}
    assert climbers == expected and "Ana García" in climbers
    assert "share your interest" in view.people_title.text()
    with qtbot.waitSignal(view.person_activated) as blocker:
        view._activate(view.people_model.index(0, 0))
    assert blocker.args[0] == view.people_model.index(0, 0).data(PersonIdRole)


def test_timeline_filters_by_channel_and_person(main_window, demo_journal, qtbot):
    view = main_window.page(mw.TIMELINE)
    assert view.model.rowCount() == 200 and view.model.canFetchMore()
    for channel, button in view.channel_buttons.items():
        button.setChecked(channel is Channel.PHONE)
    assert view.model.rowCount() > 0
    assert all(view.model.interaction(r).channel is Channel.PHONE for r in range(view.model.rowCount()))
    view.set_person_filter("Ana García")
    ana = demo_journal.store.resolve("Ana García").id
    for r in range(view.model.rowCount()):
        assert ana in {p.id for p in view.model.interaction(r).participants}
    view.set_person_filter("Nobody Atall")
    assert view.model.rowCount() == 0 and "No one" in view.empty.text()


# -- errors --------------------------------------------------------------------------------
def test_excepthook_logs_and_names_the_log_file(qapp, monkeypatch, tmp_path, caplog):
    from relj.ui.errors import ExceptHook

    monkeypatch.setenv("RELJ_LOG_DIR", str(tmp_path / "logs"))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.text(), self.informativeText())))
    hook = ExceptHook()
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR, logger="relj"):
            hook(RuntimeError, exc, exc.__traceback__)
    assert shown and "bug" in shown[0][0]
    assert str(tmp_path / "logs") in shown[0][1]
    logged = (tmp_path / "logs" / "relj.log").read_text()
    assert "RuntimeError: boom" in logged and "Traceback" in logged
    for handler in list(logging.getLogger("relj").handlers):
        if getattr(handler, "_relj", False):
            logging.getLogger("relj").removeHandler(handler)
            handler.close()


def test_excepthook_shows_a_user_error_as_a_message(qapp, monkeypatch):
    from relj.errors import UserError
    from relj.ui.errors import ExceptHook

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.icon(), self.text())))
    ExceptHook()(UserError, UserError("disk full"), None)
    assert shown == [(QMessageBox.Icon.Warning, "disk full")]


@pytest.mark.parametrize("channel", list(Channel))
def test_channel_icons_are_distinct(qapp, channel):
    from relj.ui.icons import channel_icon

    images = {c: channel_icon(c, 20).pixmap(20, 20).toImage() for c in Channel}
    assert not images[channel].isNull()
    assert all(images[channel] != images[other] for other in Channel if other is not channel)


def test_journal_in_a_sync_folder_shows_a_warning_banner(main_window, tmp_path):
    from relj.ui.app import warn_if_synced

    warn_if_synced(main_window, tmp_path / "Dropbox" / "journal.db")
    assert main_window.warning_banner.isVisibleTo(main_window)
    assert "backups" in main_window.warning_label.text().lower()
    main_window.warning_banner.findChild(QToolButton).click()
    assert not main_window.warning_banner.isVisibleTo(main_window)


def test_journal_outside_sync_folders_shows_no_banner(main_window, tmp_path):
    from relj.ui.app import warn_if_synced

    warn_if_synced(main_window, tmp_path / "journal.db")
    assert not hasattr(main_window, "warning_banner")
