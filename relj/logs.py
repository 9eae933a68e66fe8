"""Logging to a private file. Log ids and counts, never names, notes or subjects."""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: Records kept while the log file is not open yet (the app opens it after its first paint).
_BUFFER_LIMIT = 2000
#: Rotated logs kept beside relj.log (relj.log.1 ... relj.log.3).
_BACKUPS = 3


class _Buffer(logging.Handler):
    """Holds relj's records until setup() opens the log file, which replays them."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < _BUFFER_LIMIT:
            self.records.append(record)


def setup_later(level: int = logging.INFO) -> None:
    """Keep relj's records in memory until setup(): start-up then pays neither for the log
    file's directories (platformdirs) nor for logging.handlers (about 10 ms together)."""
    logger = logging.getLogger("relj")
    logger.setLevel(level)
    if not any(isinstance(h, _Buffer) for h in logger.handlers):
        logger.addHandler(_Buffer())


def _take_buffered(logger: logging.Logger) -> list[logging.LogRecord]:
    records: list[logging.LogRecord] = []
    for handler in list(logger.handlers):
        if isinstance(handler, _Buffer):
            logger.removeHandler(handler)
            records.extend(handler.records)
    return records


def setup(level: int = logging.INFO) -> Path | None:
    """Send relj's log records to the log file (mode 0600). Returns its path, or None if unwritable.

    Records buffered since setup_later() are written first.
    """
    from relj import paths

    logger = logging.getLogger("relj")
    logger.setLevel(level)
    buffered = _take_buffered(logger)
    target = paths.log_file()
    for handler in list(logger.handlers):
        if getattr(handler, "_relj", False):
            if Path(handler.baseFilename) == target:  # type: ignore[attr-defined]
                for record in buffered:
                    handler.handle(record)
                return target
            # The log location changed (another data directory): follow it.
            logger.removeHandler(handler)
            handler.close()
    try:
        paths.ensure_log_dir()
        handler = _private_handler_class()(target, maxBytes=1_000_000, backupCount=_BACKUPS, encoding="utf-8")
    except OSError:
        return None
    for n in range(1, _BACKUPS + 1):  # rotated logs an older relj left with the umask's mode
        paths.tighten(Path(f"{target}.{n}"), 0o600)
    handler._relj = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    for record in buffered:
        handler.handle(record)
    return target


@functools.cache
def _private_handler_class() -> type[RotatingFileHandler]:
    """RotatingFileHandler whose every file (the first and each one after a rollover) is 0600.

    The stock handler opens its files with the umask's mode (0644 under umask 022). Defined on
    first use: logging.handlers is not imported before the app's first paint.
    """
    import logging.handlers

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self):  # type: ignore[no-untyped-def]
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
            fd = os.open(self.baseFilename, flags, 0o600)
            try:
                os.fchmod(fd, 0o600)  # a log an older relj left 0644
            except OSError:
                pass
            return open(fd, self.mode, encoding=self.encoding, errors=self.errors)  # noqa: SIM115

    return PrivateRotatingFileHandler


def log_bug(exc: BaseException) -> Path | None:
    """Log an unexpected exception with its traceback (the one place where text is logged as is)."""
    where = setup()
    logging.getLogger("relj").error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return where
