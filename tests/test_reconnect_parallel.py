"""`relj reconnect --json` on both cores (relj.reconnect_parallel): the same text, byte for byte, as
one process writes, and a helper's answer is never used once the journal has changed. No Qt."""

from __future__ import annotations

from pathlib import Path

import pytest

from relj import helper_process, reconnect_parallel
from relj import reconnect as rc
from relj.domain import Channel
from relj.reconnect_parallel import in_helper, join_json_arrays, whole_list_json
from relj.store import Store
from relj.terminal import json_text
from tests.generated import DAY


@pytest.fixture(autouse=True)
def _may_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(helper_process, "can_fork", lambda: True)
    monkeypatch.setattr(reconnect_parallel, "PARALLEL_MIN", 10)  # the small journal has tens flagged


@pytest.fixture
def store(generated_copy: Path):  # type: ignore[no-untyped-def]
    s = Store.open(generated_copy)
    yield s
    s.close()


def one_process(store: Store, limit: int | None = None) -> str:
    return json_text([e.to_json() for e in rc.compute(store, DAY, limit=limit)])


@pytest.mark.parametrize("limit", [None, 5, 40])
def test_the_same_text_as_one_process(store: Store, limit: int | None) -> None:
    expected = one_process(store, limit)
    assert len(rc.compute(store, DAY)) > 20
    assert whole_list_json(store, DAY, limit) == expected


def test_the_same_text_when_the_helpers_fail(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(helper_process.Helper, "result", lambda self, timeout=10.0: (self.cancel(), None)[1])
    assert whole_list_json(store, DAY) == one_process(store)
    monkeypatch.setattr(helper_process, "can_fork", lambda: False)  # no fork at all (not Linux)
    assert whole_list_json(store, DAY) == one_process(store)


def test_a_helper_answer_is_dropped_once_the_journal_changed(store: Store) -> None:
    value = in_helper(store, lambda reader: reader.person_count())
    pid = rc.compute(store, DAY, limit=1)[0].person_id
    store.log_interaction(Channel.IN_PERSON, [pid], DAY)  # a commit while the helper reads
    assert value() is None
    unchanged = in_helper(store, lambda reader: reader.person_count())
    assert unchanged() == store.person_count()


def test_a_failing_helper_gives_none(store: Store) -> None:
    def fails(reader: Store) -> int:
        raise RuntimeError("boom")

    assert in_helper(store, fails)() is None


def test_join_json_arrays() -> None:
    a, b = [{"x": 1}, {"y": [1, 2]}], [{"z": "é\u202e"}]
    assert join_json_arrays(json_text(a), json_text(b)) == json_text(a + b)
    with pytest.raises(ValueError):
        join_json_arrays(json_text([]), json_text(b))
