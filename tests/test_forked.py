"""relj.forked: a value computed in a forked child, or None (never a different value) when the child
cannot give it. No Qt."""

from __future__ import annotations

import os
import time

import pytest

from relj import forked
from relj.forked import Forked


@pytest.fixture(autouse=True)
def _may_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test process has Qt loaded and pytest's threads: allow the fork here (the child touches neither)."""
    monkeypatch.setattr(forked, "available", lambda: True)


def test_the_child_computes_the_value_and_is_reaped() -> None:
    parent = os.getpid()
    helper = Forked.start(lambda: {"pid": os.getpid(), "rows": list(range(50_000))})
    assert helper is not None
    value = helper.result()
    assert value is not None and value["pid"] != parent and value["rows"][-1] == 49_999
    with pytest.raises(ChildProcessError):
        os.waitpid(helper.pid, os.WNOHANG)  # reaped: no zombie left behind
    assert helper.result() is None  # asked once


def test_an_exception_in_the_child_gives_none() -> None:
    def fails() -> int:
        raise RuntimeError("boom")

    helper = Forked.start(fails)
    assert helper is not None and helper.result() is None


def test_a_value_that_cannot_be_sent_gives_none() -> None:
    helper = Forked.start(lambda: (lambda: 1))  # a lambda does not pickle
    assert helper is not None and helper.result() is None


def test_a_child_too_slow_is_killed_and_gives_none() -> None:
    helper = Forked.start(lambda: time.sleep(30))
    assert helper is not None
    started = time.monotonic()
    assert helper.result(timeout=0.3) is None
    assert time.monotonic() - started < 10  # a hang guard: the parent did not wait for the child
    with pytest.raises(ChildProcessError):
        os.waitpid(helper.pid, os.WNOHANG)


def test_cancel_stops_and_reaps_the_child() -> None:
    helper = Forked.start(lambda: time.sleep(30))
    assert helper is not None
    helper.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(helper.pid, os.WNOHANG)
    assert helper.result() is None


def test_no_fork_when_disabled_or_with_threads_or_qt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real check
    import sys
    import threading

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setitem(sys.modules, "PySide6.QtCore", None)
    assert not forked.available()  # Qt is loaded: a fork would inherit it
    monkeypatch.delitem(sys.modules, "PySide6.QtCore")
    monkeypatch.delenv(forked.DISABLE_ENV, raising=False)
    assert forked.available()
    monkeypatch.setenv(forked.DISABLE_ENV, "1")
    assert not forked.available() and Forked.start(lambda: 1) is None
    monkeypatch.delenv(forked.DISABLE_ENV)
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not forked.available()
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert not forked.available()


def test_a_spawned_helper_sends_its_value() -> None:
    import sys

    helper = Forked.spawn([sys.executable, "-c",
                           "import pickle, sys; sys.stdout.buffer.write(pickle.dumps({'rows': list(range(9))}))"])
    assert helper is not None and helper.result() == {"rows": list(range(9))}
    with pytest.raises(ChildProcessError):
        os.waitpid(helper.pid, os.WNOHANG)


def test_a_spawned_helper_that_fails_or_cannot_start_gives_none(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    failing = Forked.spawn([sys.executable, "-c", "raise SystemExit(3)"])
    assert failing is not None and failing.result() is None
    assert Forked.spawn(["/nonexistent/relj-helper"]) is None
    monkeypatch.setenv(forked.DISABLE_ENV, "1")
    assert Forked.spawn([sys.executable, "-c", "pass"]) is None
