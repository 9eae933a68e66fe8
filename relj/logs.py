"""Logging to a private file. Log ids and counts, never names, notes or subjects."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from relj import paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup(level: int = logging.INFO) -> Path | None:
    """Send relj's log records to the log file (mode 0600). Returns its path, or None if unwritable."""
    logger = logging.getLogger("relj")
    logger.setLevel(level)
    target = paths.log_file()
    for handler in list(logger.handlers):
        if getattr(handler, "_relj", False):
            if Path(handler.baseFilename) == target:  # type: ignore[attr-defined]
                return target
            # The log location changed (another data directory): follow it.
            logger.removeHandler(handler)
            handler.close()
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not target.exists():
            os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))
        handler = logging.handlers.RotatingFileHandler(target, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler._relj = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    return target


def log_bug(exc: BaseException) -> Path | None:
    """Log an unexpected exception with its traceback (the one place where text is logged as is)."""
    where = setup()
    logging.getLogger("relj").error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return where
