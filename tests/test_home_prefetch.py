"""relj.home_prefetch: the home view's ranking computed by a helper process is exactly what the list
would compute itself, and it is used only when nothing changed in between. No Qt."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from relj import helper_process, home_prefetch
from relj import reconnect as rc
from relj.domain import Channel
from relj.store import Store
from tests.generated import DAY


@pytest.fixture(autouse=True)
def _may_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(helper_process, "can_fork", lambda: True)


@pytest.fixture
def journal(generated_copy: Path) -> Path:
    return generated_copy


def test_the_helper_ranks_exactly_as_the_list_does(journal: Path) -> None:
    assert home_prefetch.start(journal, DAY, limit=50, rows=12)
    store = Store.open(journal)
    home = home_prefetch.take(store.path, DAY, 50)
    assert home is not None
    mine = rc.ranking(store, DAY, limit=50)
    assert home.ranking.total == mine.total > 12
    assert home.ranking.shown == mine.shown
    assert home.ranking.interests == mine.interests and home.ranking.groups == mine.groups
    # The first rows as sent, and every later row built from what was sent, equal the list's own.
    assert list(home.rows) == rc.entries(store, mine, 0, 12)
    assert rc.entries(store, home.ranking, 12, 50) == rc.entries(store, mine, 12, 50)
    assert home_prefetch.take(store.path, DAY, 50) is None  # only the first load can use it
    store.close()


def test_a_change_committed_meanwhile_is_not_missed(journal: Path) -> None:
    assert home_prefetch.start(journal, DAY, limit=50, rows=12)
    store = Store.open(journal)
    # Another process (the command line) logs a meeting while the app starts.
    other = Store.open(journal)
    pid = rc.ranking(other, DAY, limit=1).shown[0].summary.person_id
    other.log_interaction(Channel.IN_PERSON, [pid], DAY)
    other.close()
    assert home_prefetch.take(store.path, DAY, 50) is None  # the list computes it itself
    assert pid not in [a.summary.person_id for a in rc.ranking(store, DAY, limit=50).shown]
    store.close()


def test_another_day_journal_or_size_is_not_used(journal: Path, tmp_path: Path) -> None:
    for path, day, limit in ((journal, DAY + dt.timedelta(days=1), 50), (tmp_path / "other.db", DAY, 50),
                             (journal, DAY, 200)):
        assert home_prefetch.start(journal, DAY, limit=50, rows=12)
        assert home_prefetch.take(path, day, limit) is None
        assert home_prefetch._pending is None


def test_a_journal_that_needs_a_migration_or_is_new_is_left_to_the_app(tmp_path: Path) -> None:
    empty = tmp_path / "new.db"
    empty.touch()
    assert home_prefetch.compute(empty, DAY, 50, 12) is None
    assert not home_prefetch.start(tmp_path / "absent.db", DAY)
    old = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "fixtures" / "schemas" / "0006_rhythms_moments.db", old)
    before = old.read_bytes()
    assert home_prefetch.compute(old, DAY, 50, 12) is None
    assert old.read_bytes() == before  # the helper migrates nothing and writes nothing


def test_cancel_leaves_no_child(journal: Path) -> None:
    import os

    assert home_prefetch.start(journal, DAY, limit=50, rows=12)
    pid = home_prefetch._pending.helper.pid  # type: ignore[union-attr]
    home_prefetch.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
