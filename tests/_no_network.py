"""pytest plugin: relj opens no network connection and resolves no name, ever.

While the suite runs, creating an AF_INET or AF_INET6 socket, connecting one, or resolving a name
(getaddrinfo, gethostbyname...) raises ``NetworkBlocked`` and fails the test in which it happened,
even when the code under test swallows the error. Local Unix sockets (D-Bus for the keyring, the
single-instance lock) are allowed.

The guard also covers the app and CLI started as child processes: a ``sitecustomize`` module,
put first on ``PYTHONPATH``, installs it in every Python child, which appends what it blocked to
the file named by ``RELJ_TEST_NETWORK_LOG``. Children given an environment that drops PYTHONPATH
are not covered.

Enable it from tests/conftest.py::

    pytest_plugins = ["tests._no_network"]
"""

from __future__ import annotations

import contextlib
import os
import socket
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

LOG_ENV = "RELJ_TEST_NETWORK_LOG"
_INET = (socket.AF_INET, socket.AF_INET6)


class NetworkBlocked(OSError):
    """Raised instead of touching the network. An OSError, so code behaves as if offline."""


_violations: list[str] = []


def _where() -> str:
    frames = [f for f in traceback.extract_stack()[:-3] if "_no_network" not in f.filename]
    return " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in frames[-4:][::-1])


def _block(what: str, sink: Callable[[str], None]) -> None:
    message = f"{what} at {_where()}"
    sink(message)
    raise NetworkBlocked(f"network access blocked in tests: {what}")


def install(sink: Callable[[str], None]) -> Callable[[], None]:
    """Patch the socket module; ``sink`` receives one line per blocked call. Returns an undo."""
    saved: dict[tuple[Any, str], Any] = {}

    def patch(owner: Any, name: str, replacement: Any) -> None:
        saved[(owner, name)] = getattr(owner, name)
        setattr(owner, name, replacement)

    real_init = socket.socket.__init__
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded_init(self: socket.socket, family: int = -1, type: int = -1, proto: int = -1,  # noqa: A002
                     fileno: int | None = None) -> None:
        effective = socket.AF_INET if family == -1 and fileno is None else family
        if fileno is None and effective in _INET:
            _block(f"socket({socket.AddressFamily(effective).name})", sink)
        real_init(self, family, type, proto, fileno)

    def guarded_connect(self: socket.socket, address: Any) -> None:
        if self.family in _INET:
            _block(f"connect({address!r})", sink)
        real_connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in _INET:
            _block(f"connect_ex({address!r})", sink)
        return real_connect_ex(self, address)

    def resolver(name: str) -> Callable[..., Any]:
        def blocked(*args: Any, **kwargs: Any) -> Any:
            _block(f"{name}({', '.join(repr(a) for a in args[:2])})", sink)

        return blocked

    patch(socket.socket, "__init__", guarded_init)
    patch(socket.socket, "connect", guarded_connect)
    patch(socket.socket, "connect_ex", guarded_connect_ex)
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getnameinfo",
                 "create_connection"):
        patch(socket, name, resolver(name))

    def undo() -> None:
        for (owner, name), value in saved.items():
            setattr(owner, name, value)

    return undo


@contextlib.contextmanager
def expect_blocked() -> Iterator[list[str]]:
    """For the tests of this guard: violations inside the block are returned, not reported."""
    start = len(_violations)
    caught: list[str] = []
    try:
        yield caught
    finally:
        caught.extend(_violations[start:])
        del _violations[start:]


_SITECUSTOMIZE = '''\
"""Installed by tests/_no_network.py: no network in relj's child processes during the tests."""
import os as _os
import sys as _sys

_log = _os.environ.get("{env}")
if _log:
    _sys.path.insert(0, {here!r})
    try:
        import _no_network_child as _guard

        def _sink(line, _log=_log):
            with open(_log, "a", encoding="utf-8") as fh:
                fh.write(f"pid {{_os.getpid()}} {{' '.join(_sys.argv)[:200]}}: {{line}}\\n")

        _guard.install(_sink)
    finally:
        del _sys.path[0]
'''


def _child_dir() -> Path:
    """A folder with sitecustomize.py and a copy of this guard that does not import pytest."""
    folder = Path(tempfile.mkdtemp(prefix="relj-no-network-"))
    source = Path(__file__).read_text(encoding="utf-8")
    # The child copy keeps install() and what it needs; pytest is not importable there for sure.
    child = source.replace("import pytest\n", "")
    child = child.split("_SITECUSTOMIZE = ")[0]
    (folder / "_no_network_child.py").write_text(child.replace("@contextlib.contextmanager\n", ""), "utf-8")
    (folder / "sitecustomize.py").write_text(_SITECUSTOMIZE.format(env=LOG_ENV, here=str(folder)), "utf-8")
    return folder


def _read_log(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []


# -- the plugin ----------------------------------------------------------------------------------
_state: dict[str, Any] = {}


def pytest_configure(config: pytest.Config) -> None:
    if _state:
        return
    _state["undo"] = install(_violations.append)
    folder = _child_dir()
    log = folder / "blocked.log"
    log.touch()
    _state["folder"], _state["log"] = folder, log
    _state["env"] = {k: os.environ.get(k) for k in ("PYTHONPATH", LOG_ENV)}
    os.environ["PYTHONPATH"] = os.pathsep.join([str(folder), *filter(None, [os.environ.get("PYTHONPATH")])])
    os.environ[LOG_ENV] = str(log)


def pytest_unconfigure(config: pytest.Config) -> None:
    if not _state:
        return
    _state["undo"]()
    for key, value in _state["env"].items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    import shutil

    shutil.rmtree(_state["folder"], ignore_errors=True)
    _state.clear()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    start = len(_violations)
    log: Path = _state["log"]
    lines_before = len(_read_log(log))

    def found() -> list[str]:
        lines = _violations[start:] + _read_log(log)[lines_before:]
        del _violations[start:]
        return lines

    try:
        result = yield
    except BaseException:
        found()  # the test failed already, with the NetworkBlocked error if it was ours
        raise
    lines = found()
    if lines:
        pytest.fail("network access during the test (relj must never touch the network):\n  "
                    + "\n  ".join(lines), pytrace=False)
    return result


def child_guard_active() -> bool:
    """True when this plugin runs and children started now inherit the guard."""
    return bool(_state) and str(_state["folder"]) in os.environ.get("PYTHONPATH", "").split(os.pathsep)


__all__ = ["NetworkBlocked", "install", "expect_blocked", "child_guard_active", "LOG_ENV"]
