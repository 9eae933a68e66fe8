"""relj.helper_process: a value computed by a helper process, or None (never a different value) when the helper
cannot give it. No Qt."""

from __future__ import annotations

import os
import time

import pytest

from relj import helper_process
from relj.helper_process import Helper


@pytest.fixture(autouse=True)
def _may_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test process has Qt loaded and pytest's threads: allow the fork here (the child touches neither)."""
    monkeypatch.setattr(helper_process, "can_fork", lambda: True)


def test_the_child_computes_the_value_and_is_reaped() -> None:
    parent = os.getpid()
    helper = Helper.fork(lambda: {"pid": os.getpid(), "rows": list(range(50_000))})
    assert helper is not None
    value = helper.result()
    assert value is not None and value["pid"] != parent and value["rows"][-1] == 49_999
    with pytest.raises(ChildProcessError):
        os.waitpid(helper.pid, os.WNOHANG)  # reaped: no zombie left behind
    assert helper.result() is None  # asked once


def test_an_exception_in_the_child_gives_none() -> None:
    def fails() -> int:
        raise RuntimeError("boom")

    helper = Helper.fork(fails)
    assert helper is not None and helper.result() is None


def test_a_value_that_cannot_be_sent_gives_none() -> None:
    helper = Helper.fork(lambda: (lambda: 1))  # a lambda does not pickle
    assert helper is not None and helper.result() is None


def test_a_child_too_slow_is_killed_and_gives_none() -> None:
    helper = Helper.fork(lambda: time.sleep(30))
    assert helper is not None
    started = time.monotonic()
    assert helper.result(timeout=0.3) is None
    assert time.monotonic() - started < 10  # a hang guard: the parent did not wait for the child
    with pytest.raises(ChildProcessError):
        os.waitpid(helper.pid, os.WNOHANG)


def test_cancel_stops_and_reaps_the_child() -> None:
    helper = Helper.fork(lambda: time.sleep(30))
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
    assert not helper_process.can_fork()  # Qt is loaded: a fork would inherit it
    monkeypatch.delitem(sys.modules, "PySide6.QtCore")
    monkeypatch.delenv(helper_process.DISABLE_ENV, raising=False)
    assert helper_process.can_fork()
    monkeypatch.setenv(helper_process.DISABLE_ENV, "1")
    assert not helper_process.can_fork() and Helper.fork(lambda: 1) is None
    monkeypatch.delenv(helper_process.DISABLE_ENV)
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not helper_process.can_fork()
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert not helper_process.can_fork()


def test_a_spawned_helper_sends_its_value() -> None:
    import sys

    helper = Helper.spawn([sys.executable, "-c",
                           "import pickle, sys; sys.stdout.buffer.write(pickle.dumps({'rows': list(range(9))}))"])
    assert helper is not None and helper.result() == {"rows": list(range(9))}
    with pytest.raises(ChildProcessError):
        os.waitpid(helper.pid, os.WNOHANG)


def test_a_spawned_helper_that_fails_or_cannot_start_gives_none(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    failing = Helper.spawn([sys.executable, "-c", "raise SystemExit(3)"])
    assert failing is not None and failing.result() is None
    assert Helper.spawn(["/nonexistent/relj-helper"]) is None
    monkeypatch.setenv(helper_process.DISABLE_ENV, "1")
    assert Helper.spawn([sys.executable, "-c", "pass"]) is None
