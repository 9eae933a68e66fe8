"""Models over the journal: qtmodeltester on each, SQL search and sort, lazy paging, reload on change."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from relj.domain import Channel
from relj.ui.journal import Journal
from relj.ui.models import (
    InterestFilterProxy,
    InterestsModel,
    PeopleTableModel,
    PersonRefsModel,
    TimelineModel,
    relative_day,
)
from relj.ui.roles import ObjectRole, PersonIdRole, SortRole


@pytest.fixture
def journal(store, qapp):
    ana = store.add_person("Ana García", emails=["ana@example.org"], interests=["Climbing"], circle="close",
                           organisation="Figma")
    ben = store.add_person("Ben Carter", interests=["Cycling", "Climbing"], circle="friends")
    store.add_person("Иван Петров", notes="met at the chess club")
    store.update_owner(add_interests=["Climbing"])
    store.log_interaction(Channel.IN_PERSON, [ana.id], dt.date(2025, 3, 1))
    store.log_interaction(Channel.EMAIL, [ana.id, ben.id], dt.date(2025, 5, 1))
    store.log_interaction(Channel.PHONE, [ben.id], dt.date(2024, 1, 10))
    return Journal(store)


def names(model: PeopleTableModel) -> list[str]:
    return [model.data(model.index(r, PeopleTableModel.NAME)) for r in range(model.rowCount())]


def test_people_model_passes_the_model_tester(qtmodeltester, demo_journal):
    model = PeopleTableModel(demo_journal)
    qtmodeltester.check(model)
    model.set_filter(query="ana")
    qtmodeltester.check(model)


def test_people_rows_carry_last_contact_per_mode(journal, monkeypatch):
    monkeypatch.setenv("RELJ_TODAY", "2025-06-01")
    model = PeopleTableModel(journal)
    assert names(model) == ["Ana García", "Ben Carter", "Иван Петров"]
    ana = model.data(model.index(0, 0), ObjectRole)
    assert ana.last_together == dt.date(2025, 3, 1)
    assert ana.last_written == dt.date(2025, 5, 1)
    assert ana.last_voice is None
    assert model.data(model.index(0, PeopleTableModel.LAST_VOICE)) == "never"
    assert model.data(model.index(0, PeopleTableModel.LAST_ANY)) == "4 weeks ago"
    assert model.data(model.index(0, PeopleTableModel.LAST_ANY), Qt.ItemDataRole.ToolTipRole) == "1 May 2025"
    assert model.data(model.index(0, 0), PersonIdRole) == ana.id


@pytest.mark.parametrize("query, expected", [
    ("ana", ["Ana García"]),
    ("figma", ["Ana García"]),  # organisation
    ("ana@example", ["Ana García"]),  # email
    ("cycling", ["Ben Carter"]),  # interest
    ("chess", ["Иван Петров"]),  # notes
    ("иван", ["Иван Петров"]),
    ("garcia", ["Ana García"]),  # diacritics folded
    ("nobody", []),
])
def test_search_filters_rows_in_sql(journal, query, expected):
    model = PeopleTableModel(journal)
    model.set_filter(query=query)
    assert names(model) == expected
    model.set_filter(query="")
    assert model.rowCount() == 3


def test_circle_and_interest_filters(journal):
    model = PeopleTableModel(journal)
    model.set_filter(circle="close")
    assert names(model) == ["Ana García"]
    model.set_filter(circle="default")
    assert names(model) == ["Иван Петров"]
    model.set_filter(circle=None, interest="Climbing")
    assert names(model) == ["Ana García", "Ben Carter"]
    assert model.is_filtered()


@pytest.mark.parametrize("column", range(len(PeopleTableModel.HEADERS)))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_by_every_column_follows_sort_role(demo_journal, column, order):
    model = PeopleTableModel(demo_journal)
    model.sort(column, order)
    keys = [model.data(model.index(r, column), SortRole) for r in range(model.rowCount())]
    assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder)
    assert model.sort_state() == (column, order)


def test_people_model_reloads_when_the_journal_changes(journal, qtbot):
    model = PeopleTableModel(journal)
    with qtbot.waitSignal(model.modelReset):
        journal.add_person("Zoë Adeyemi-Clarke")
    assert "Zoë Adeyemi-Clarke" in names(model)
    journal.undo_stack.undo()
    assert "Zoë Adeyemi-Clarke" not in names(model)


def test_people_rows_are_read_lazily(demo_journal):
    model = PeopleTableModel(demo_journal)
    assert model.rowCount() == demo_journal.store.person_count()
    assert model._cells == {}  # nothing read until a view asks
    model.data(model.index(0, 0))
    assert 0 < len(model._cells) <= PeopleTableModel.BLOCK


@pytest.mark.parametrize("column", range(6))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_search_keeps_the_sorted_ids_that_match(demo_journal, column, order):
    """A keystroke filters the ordered ids by FTS: the same rows, in the same order, as SQL would give."""
    model = PeopleTableModel(demo_journal)
    model.sort(column, order)
    store = demo_journal.store
    for query in ("a", "an", "ana", "climb", "mail.example", "zz-nobody", "!!", "  ", ""):
        model.set_filter(query=query)
        want = store.people_ids(query=query, sort=PeopleTableModel.SORT_KEYS[column],
                                descending=order == Qt.SortOrder.DescendingOrder, until=model._today,
                                since=model._since())
        assert [model.person_id(r) for r in range(model.rowCount())] == want, query


def test_interests_model_and_filter_proxy(qtmodeltester, journal):
    model = InterestsModel(journal)
    qtmodeltester.check(model)
    items = {model.interest(r).name: model.interest(r) for r in range(model.rowCount())}
    assert items["Climbing"].mine and not items["Cycling"].mine
    assert {p.name for p in items["Climbing"].people} == {"Ana García", "Ben Carter"}
    row = list(items).index("Climbing")
    assert model.data(model.index(row, 0)) == "★ Climbing"
    proxy = InterestFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_text("cyc")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data(ObjectRole).name == "Cycling"
    qtmodeltester.check(proxy)


def test_person_refs_model(qtmodeltester, journal):
    model = PersonRefsModel()
    model.set_people(journal.store.person_refs())
    qtmodeltester.check(model)
    assert model.index(0, 0).data(PersonIdRole) == journal.store.person_refs()[0].id


def test_timeline_model_pages_lazily(qtmodeltester, store, qapp):
    person = store.add_person("Ana")
    start = dt.date(2020, 1, 1)
    for n in range(450):
        store.log_interaction(Channel.TEXT if n % 2 else Channel.IN_PERSON, [person.id],
                              start + dt.timedelta(days=n // 3))
    model = TimelineModel(Journal(store))
    assert model.rowCount() == 200 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 400
    model.fetchMore()
    assert model.rowCount() == 450 and not model.canFetchMore()
    items = [model.interaction(r) for r in range(model.rowCount())]
    assert len({i.id for i in items}) == 450
    keys = [(i.occurred_on, i.id) for i in items]
    assert keys == sorted(keys, reverse=True)
    model.set_filter(channels=frozenset({Channel.IN_PERSON}))
    model.fetchMore()
    assert model.rowCount() == 225
    assert all(model.interaction(r).channel is Channel.IN_PERSON for r in range(model.rowCount()))
    model.set_filter(channels=frozenset())
    assert model.rowCount() == 0 and not model.canFetchMore()
    model.set_filter(channels=None)
    qtmodeltester.check(model)  # fetches every page as it checks
    assert model.rowCount() == 450


def test_timeline_model_for_one_person(qtmodeltester, journal):
    ben = journal.store.resolve("Ben Carter")
    model = TimelineModel(journal, person_id=ben.id)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    text = model.data(model.index(0, 0))
    assert "email" in text and "with Ana García" in text
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None


def test_relative_day():
    ref = dt.date(2025, 6, 1)
    assert relative_day(None, ref) == ""
    assert relative_day(ref, ref) == "today"
    assert relative_day(dt.date(2025, 5, 31), ref) == "yesterday"
    assert relative_day(dt.date(2025, 5, 25), ref) == "7 days ago"
    assert relative_day(dt.date(2025, 4, 20), ref) == "6 weeks ago"
    assert relative_day(dt.date(2024, 12, 1), ref) == "6 months ago"
    assert relative_day(dt.date(2021, 6, 1), ref) == "4 years ago"


def test_item_roles_are_one_set_of_distinct_values() -> None:
    from relj.ui import completer, duplicates_dialog, models, palette, reconnect_view, roles

    assert len(set(roles.ALL)) == len(roles.ALL)
    assert all(r > Qt.ItemDataRole.UserRole for r in roles.ALL)
    for module in (models, reconnect_view, duplicates_dialog, completer, palette):
        for name in ("SortRole", "ObjectRole", "PersonIdRole", "DetailRole", "KindRole"):
            if hasattr(module, name):
                assert getattr(module, name) == getattr(roles, name), (module.__name__, name)
