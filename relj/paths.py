"""Where things live: the journal, its backups, the log. Platform directories with overrides."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "relj"


def default_db_path() -> Path:
    """``RELJ_DB``, else ``journal.db`` in the platform's data directory."""
    env = os.environ.get("RELJ_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "journal.db"


def backups_dir(db_path: Path) -> Path:
    """Automatic and pre-migration backups go in a ``backups`` folder beside the journal."""
    return db_path.resolve().parent / "backups"


def log_dir() -> Path:
    env = os.environ.get("RELJ_LOG_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return log_dir() / "relj.log"
