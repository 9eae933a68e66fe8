"""Find duplicates: the groups, keyboard merging, one undo step per group, and the menu item."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from relj.domain import Channel
from relj.ui.duplicates_dialog import DuplicateGroupsModel, DuplicateMembersModel, DuplicatesDialog
from relj.ui.journal import Journal

D = dt.date(2026, 3, 1)


@pytest.fixture
def journal(store, qapp):
    store.update_owner(region="GB")
    return Journal(store)


@pytest.fixture
def people(journal):
    s = journal.store
    ana1 = s.add_person("Ana Silva", emails=["ana@work.example"], organisation="Acme")
    ana2 = s.add_person("ana  silva", emails=["ana@home.example"])
    ana3 = s.add_person("Ána Silva", emails=["ana.other@example.org"])  # really someone else
    ben1 = s.add_person("Ben", phones=["07700 900123"])
    ben2 = s.add_person("Benjamin Ode", phones=["+44 7700 900123"])
    s.log_interaction(Channel.EMAIL, [ana2.id], D, note="hello")
    return {"ana": [ana1.id, ana2.id, ana3.id], "ben": [ben1.id, ben2.id]}


def make(qtbot, journal: Journal) -> DuplicatesDialog:
    dialog = DuplicatesDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.table.setFocus()
    return dialog


def ids(dialog: DuplicatesDialog) -> list[int]:
    return [p.id for p in dialog.members_model.people]


def test_models_pass_the_model_tester(qtmodeltester, journal, people):
    from relj.duplicates import find_duplicates

    groups = DuplicateGroupsModel()
    groups.set_groups(find_duplicates(journal.store))
    qtmodeltester.check(groups)
    members = DuplicateMembersModel()
    members.set_people(groups.groups[0].people)
    qtmodeltester.check(members)
    members.set_keep(1)
    members.toggle(2)
    qtmodeltester.check(members)


def test_lists_groups_with_what_tells_people_apart(qtbot, journal, people):
    dialog = make(qtbot, journal)
    assert dialog.groups_model.rowCount() == 2
    assert "3 people" in dialog.groups_model.index(0, 0).data() and "same name" in dialog.groups_model.index(0, 0).data()
    assert ids(dialog) == people["ana"]
    m = dialog.members_model
    row = [m.index(0, c).data() for c in range(m.columnCount())]
    assert row[m.ACTION] == "keep" and "ana@work.example" in row[m.EMAILS] and row[m.ORGANISATION] == "Acme"
    assert m.index(1, m.LAST).data() == D.isoformat() and m.index(0, m.LAST).data() == "never"
    assert [m.index(r, m.ACTION).data() for r in range(3)] == ["keep", "merge", "merge"]


def test_keyboard_choose_keep_leave_one_out_and_merge(qtbot, journal, people):
    ana1, ana2, ana3 = people["ana"]
    dialog = make(qtbot, journal)
    m = dialog.members_model
    assert m.keep_id == ana1  # the oldest entry by default
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_K)  # keep the second Ana, who has the history
    assert m.keep_id == ana2 and m.gone_ids() == [ana1, ana3]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # on the one kept: nothing to leave out
    assert m.gone_ids() == [ana1, ana3]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # the third is someone else: leave her out
    assert m.gone_ids() == [ana1] and m.index(2, m.ACTION).data() == "leave"
    assert m.index(2, m.ACTION).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    with qtbot.waitSignal(journal.changed):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    store = journal.store
    assert {p.id for p in store.people()} == {ana2, ana3, *people["ben"]}
    assert set(store.person(ana2).emails) == {"ana@home.example", "ana@work.example"}
    assert "Merged 1 person into ana silva (#2): moved 1 contact point" in dialog.result_label.text() and dialog.merged == 1
    # Ana 3 is still a namesake of Ana 2: the group stays, now of two.
    assert ids(dialog) == [ana2, ana3] and dialog.groups_model.rowCount() == 2


def test_a_click_on_the_box_leaves_out_and_a_double_click_keeps(qtbot, journal, people):
    ana1, ana2, ana3 = people["ana"]
    dialog = make(qtbot, journal)
    m = dialog.members_model
    assert m.setData(m.index(1, m.ACTION), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert m.gone_ids() == [ana3] and dialog.merge_button.isEnabled()
    assert not m.setData(m.index(0, m.ACTION), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.table.doubleClicked.emit(m.index(2, m.NAME))
    assert m.keep_id == ana3 and m.gone_ids() == [ana1]  # Ana 2 stays left out


def test_m_merges_a_whole_group_and_ctrl_z_undoes_it(qtbot, journal, people):
    before = journal.store.export_data()
    dialog = make(qtbot, journal)
    qtbot.keyClick(dialog.table, Qt.Key.Key_M)
    assert journal.store.person_count() == 3 and dialog.merged == 2
    assert ids(dialog) == people["ben"]  # the next group
    assert journal.undo_stack.count() == 1  # one step for the group
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert journal.store.export_data() == before and dialog.merged == 0
    assert "undone" in dialog.result_label.text() and dialog.groups_model.rowCount() == 2
    journal.undo_stack.redo()  # and Ctrl+Shift+Z in the main window merges them again
    assert journal.store.person_count() == 3


def test_skip_and_back_go_round_the_groups(qtbot, journal, people):
    dialog = make(qtbot, journal)
    qtbot.keyClick(dialog.table, Qt.Key.Key_S)
    assert ids(dialog) == people["ben"]
    qtbot.keyClick(dialog.table, Qt.Key.Key_S)
    assert ids(dialog) == people["ana"]
    qtbot.keyClick(dialog.table, Qt.Key.Key_PageUp)
    assert ids(dialog) == people["ben"] and journal.store.person_count() == 5


def test_nothing_to_merge(qtbot, journal):
    journal.store.add_person("Ana")
    dialog = make(qtbot, journal)
    assert "No likely duplicates" in dialog.intro.text()
    assert not dialog.merge_button.isEnabled() and dialog.merge_current() is False
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # harmless
    assert journal.store.person_count() == 1


def test_reloads_when_the_journal_changes_elsewhere(qtbot, journal, people):
    dialog = make(qtbot, journal)
    journal.add_person("Ben")  # the first Ben's namesake, and so in the group of the phone number
    assert any(g.name == "Ben" and g.size == 3 for g in dialog.groups_model.groups)


def test_ask_returns_how_many_were_merged(qtbot, journal, people, monkeypatch):
    def fake_exec(self: DuplicatesDialog) -> int:
        self.merge_current()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(DuplicatesDialog, "exec", fake_exec)
    assert DuplicatesDialog.ask(None, journal) == 2
    monkeypatch.setattr(DuplicatesDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert DuplicatesDialog.ask(None, journal) is None


def test_journal_merge_is_undoable(journal, people):
    ana1, ana2, _ = people["ana"]
    before = journal.store.export_data()
    result = journal.merge_people(ana1, ana2)
    assert result["contact_points"] == 1 and result["interactions"] == 1
    assert journal.undo_stack.undoText().startswith("Merge into Ana Silva")
    journal.undo_stack.undo()
    assert journal.store.export_data() == before
    journal.undo_stack.redo()
    assert journal.store.person_count() == 4


def test_run_write_announces_its_kinds(qtbot, journal):
    with qtbot.waitSignal(journal.changed) as changed:
        assert journal.run_write({"people"}, lambda: 42) == 42
    assert changed.args == [frozenset({"people"})]


def test_menu_item_opens_the_dialog(main_window, monkeypatch):
    seen = []
    monkeypatch.setattr(DuplicatesDialog, "ask", classmethod(lambda cls, parent, journal: seen.append(journal) or 3))
    action = main_window.act_duplicates
    assert action.shortcut().toString() == "Ctrl+Shift+D"
    assert action in main_window.menuBar().actions()[1].menu().actions()  # Edit
    action.trigger()
    assert seen == [main_window.journal]
    assert "Merged 3 duplicates" in main_window.statusBar().currentMessage()


def test_n_marks_a_group_as_different_people_and_ctrl_z_brings_it_back(qtbot, journal, people):
    dialog = make(qtbot, journal)
    assert ids(dialog) == people["ana"]
    qtbot.keyClick(dialog.table, Qt.Key.Key_N)
    assert ids(dialog) == people["ben"] and dialog.groups_model.rowCount() == 1
    assert "different people" in dialog.result_label.text()
    assert journal.store.person_count() == 5  # nothing merged
    # Remembered across sessions: a new dialog does not list them either.
    again = make(qtbot, journal)
    assert [[p.id for p in g.people] for g in again.groups_model.groups] == [people["ben"]]
    journal.undo_stack.undo()
    again.reload()
    assert again.groups_model.rowCount() == 2


def test_a_newcomer_with_the_same_name_lists_the_group_again(qtbot, journal, people):
    journal.mark_not_duplicates(people["ana"])
    dialog = make(qtbot, journal)
    assert [[p.id for p in g.people] for g in dialog.groups_model.groups] == [people["ben"]]
    newcomer = journal.store.add_person("Ana Silva")
    dialog.reload()
    assert [p.id for p in dialog.groups_model.groups[0].people] == [*people["ana"], newcomer.id]
