"""The Reconnect list takes the ranking a helper process computed while Qt loaded (relj.home_prefetch),
and shows the same rows as when it ranks everyone itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from relj import helper_process, home_prefetch
from relj.store import Store
from relj.ui.journal import Journal
from relj.ui.reconnect_models import VIEW_LIMIT, ReconnectModel
from tests.generated import DAY


@pytest.fixture
def path(generated_copy: Path) -> Path:
    return generated_copy


def rows(model: ReconnectModel) -> list[object]:
    model.set_show_all(True)
    model.build_to(VIEW_LIMIT - 1)
    return [model.entry(r) for r in range(model.rowCount())]


def test_the_list_shows_the_same_with_and_without_the_helper(path: Path, qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RELJ_TODAY", DAY.isoformat())
    monkeypatch.setattr(helper_process, "can_fork", lambda: True)
    assert home_prefetch.start(path, DAY)
    taken: list[object] = []
    real_take = home_prefetch.take
    monkeypatch.setattr(home_prefetch, "take", lambda *a: taken.append(real_take(*a)) or taken[-1])
    store = Store.open(path)
    helped = ReconnectModel(Journal(store))
    assert taken and taken[0] is not None  # the helper's ranking was used
    plain = ReconnectModel(Journal(store))  # the next load ranks itself
    assert taken[-1] is None
    assert helped.total == plain.total and helped.total > 20
    assert rows(helped) == rows(plain)
    store.close()


def test_pyside_is_told_that_relj_asks_for_no_feature(qapp) -> None:  # type: ignore[no-untyped-def]
    """relj.ui.app._no_feature_scan records what PySide6 would conclude by reading each module."""
    import sys

    from relj.ui.app import no_feature_scan

    feature = sys.modules.get("PySide6.support.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    assert isinstance(known, dict)  # the PySide6 we depend on keeps the record
    for name in ("relj.ui.welcome", "relj.store.core"):
        known.pop(name, None)
    no_feature_scan()
    assert known["relj.ui.welcome"] == 0
    assert known["relj.ui.main_window"] == 0 and known["relj.ui.reconnect_view"] == 0
    assert known["relj.store.core"] == -1
