"""Work done by a helper process while this one goes on: the second core, for the longest waits.

relj's longest waits are a cold start (the ranking of the home view, while Qt loads) and the whole
Reconnect list on the command line (reasons for thousands of people). Both have work that needs
nothing from the rest: a helper computes it on the other core, with its own connection to the
journal, and sends back the result, pickled, through a pipe. Helper.fork() runs a function in a
child forked from this process; Helper.spawn() starts a new program (the home view's helper,
relj.home_prefetch, which needs only its arguments and so costs this process no copy-on-write).

A forked child never touches what it inherited: no SQLite connection of the parent (fn opens its own,
as SQLite requires after fork), no Qt (fork only before PySide6 is imported), no stdout, no log
file, no atexit handler (it leaves by os._exit). Whatever goes wrong in it (an exception, a
signal, a timeout) the parent gets None and computes the value itself: slower, never different.

fork() is Linux only (fork without exec is not safe on macOS frameworks, and Windows has none);
elsewhere, and in a process that already runs threads, it returns None. spawn() needs POSIX.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import select
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)

#: The pipe's buffer (Linux allows up to 1 MiB to anyone: /proc/sys/fs/pipe-max-size).
PIPE_BYTES = 1 << 20

#: Set RELJ_NO_FORK=1 to compute everything in one process (to compare, or to debug).
DISABLE_ENV = "RELJ_NO_FORK"


def can_fork() -> bool:
    """May this process fork a helper now? Linux, no other thread, Qt not loaded, not disabled."""
    return (sys.platform.startswith("linux") and hasattr(os, "fork") and not os.environ.get(DISABLE_ENV)
            and threading.active_count() == 1 and "PySide6.QtCore" not in sys.modules)


def _pipe() -> tuple[int, int]:
    """A pipe with room for a whole answer (PIPE_BYTES where the system allows): the helper need not
    wait for this process to read."""
    read_fd, write_fd = os.pipe()
    with contextlib.suppress(ImportError, AttributeError, OSError):
        import fcntl

        fcntl.fcntl(write_fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    return read_fd, write_fd


class Helper(Generic[T]):
    """A value computed by a helper process; result() waits for it (None when the helper failed)."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid = pid
        self._fd: int | None = fd

    @classmethod
    def fork(cls, fn: Callable[[], T]) -> Helper[T] | None:
        """Fork a child that computes ``fn()``; None if this process may not fork (see can_fork())."""
        if not can_fork():
            return None
        read_fd, write_fd = _pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return None
        if pid == 0:  # the child: compute, send, leave without running anything of the parent's
            status = 1
            try:
                os.close(read_fd)
                logging.disable(logging.CRITICAL)  # the parent logs what happened
                payload = pickle.dumps(fn(), protocol=pickle.HIGHEST_PROTOCOL)
                view = memoryview(payload)
                while view:
                    view = view[os.write(write_fd, view):]
                status = 0
            except BaseException:  # noqa: BLE001 - the parent computes it instead
                pass
            finally:
                os._exit(status)
        os.close(write_fd)
        return cls(pid, read_fd)

    @classmethod
    def spawn(cls, argv: list[str]) -> Helper[Any] | None:
        """Start ``argv``, a new process that writes its pickled value on its standard output (and
        nothing else); None where processes cannot be spawned so (not POSIX) or helpers are off.

        A new process shares no memory with this one: unlike a fork, this process pays no
        copy-on-write for the pages it touches while the helper runs (about 9 ms at start-up).
        """
        if not hasattr(os, "posix_spawn") or os.environ.get(DISABLE_ENV):
            return None
        read_fd, write_fd = _pipe()
        null = os.open(os.devnull, os.O_RDWR)
        actions = [(os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, write_fd, 1),
                   (os.POSIX_SPAWN_DUP2, null, 2)]
        try:
            pid = os.posix_spawn(argv[0], argv, dict(os.environ), file_actions=actions)
        except OSError:
            os.close(read_fd)
            return None
        finally:
            os.close(write_fd)
            os.close(null)
        return cls(pid, read_fd)

    def result(self, timeout: float = 10.0) -> T | None:
        """The helper's value, waiting at most ``timeout`` seconds for it; None if it failed.

        Called once; after it the helper is gone (reaped, or killed if it was too slow).
        """
        fd, self._fd = self._fd, None
        if fd is None:
            return None
        chunks: list[bytes] = []
        deadline = time.monotonic() + timeout
        complete = False
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([fd], [], [], left)[0]:
                    log.warning("helper process: no answer within %.0f s; computing here", timeout)
                    break
                chunk = os.read(fd, PIPE_BYTES)
                if not chunk:
                    complete = True
                    break
                chunks.append(chunk)
        finally:
            os.close(fd)
        ok = self._reap(kill=not complete)
        if not (complete and ok):
            return None
        try:
            return pickle.loads(b"".join(chunks))  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001 - a cut payload: compute here
            log.warning("helper process: unreadable answer; computing here")
            return None

    def cancel(self) -> None:
        """The value is not wanted any more: stop the child and reap it."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)
            self._reap(kill=True)

    def _reap(self, *, kill: bool) -> bool:
        """Wait for the child (after killing it if asked); True if it exited with status 0."""
        if kill:
            try:
                os.kill(self.pid, 9)
            except ProcessLookupError:
                pass
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            return False
        return os.waitstatus_to_exitcode(status) == 0
