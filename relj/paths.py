"""Where things live: the journal, its backups, the log. Platform directories with overrides."""

from __future__ import annotations

import os
import stat
from pathlib import Path

# platformdirs is imported where a platform folder is asked for (not to create the journal's own
# folder): the app's first paint does not wait for it (4 ms).

APP_NAME = "relj"


def default_db_path() -> Path:
    """``RELJ_DB``, else ``journal.db`` in the platform's data directory."""
    env = os.environ.get("RELJ_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "journal.db"


def backups_dir(db_path: Path) -> Path:
    """Automatic and pre-migration backups go in a ``backups`` folder beside the journal."""
    return db_path.resolve().parent / "backups"


def log_dir() -> Path:
    env = os.environ.get("RELJ_LOG_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def lock_dir() -> Path:
    """Where the app's locks keyed on a journal's device and inode live (relj.instance_lock)."""
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)) / "locks"


def log_file() -> Path:
    return log_dir() / "relj.log"


def ensure_log_dir() -> Path:
    """The log folder, created 0700 (and relj's own state folders tightened to 0700)."""
    directory = log_dir()
    if os.environ.get("RELJ_LOG_DIR"):
        return make_private_dir(directory)
    return make_app_dir(directory)


def make_private_dir(directory: Path) -> Path:
    """Create ``directory`` and every missing folder above it with mode 0700, whatever the umask.

    (``Path.mkdir(parents=True, mode=0o700)`` gives the parents it creates the umask's mode.)
    """
    missing: list[Path] = []
    here = Path(directory)
    while not os.path.lexists(here) and here != here.parent:
        missing.append(here)
        here = here.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            continue  # created meanwhile by another relj process
        os.chmod(folder, 0o700)
    return Path(directory)


def tighten(path: Path, mode: int) -> None:
    """Set ``mode`` on a folder or file of ours that an older relj (or the umask) left open.

    Links and what belongs to someone else are left alone; a refusal is harmless here.
    """
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode) or st.st_uid != os.geteuid():
            return
        if stat.S_IMODE(st.st_mode) != mode:
            os.chmod(path, mode)
    except (OSError, AttributeError):  # AttributeError: no geteuid (Windows)
        return


def make_app_dir(directory: Path) -> Path:
    """A relj folder from platformdirs (``.../relj`` or ``.../relj/log``): created 0700, and
    tightened to 0700 together with its ``relj`` parent when they already exist."""
    make_private_dir(directory)
    tighten(directory, 0o700)
    if directory.parent.name == APP_NAME:
        tighten(directory.parent, 0o700)
    return directory


def make_private_file(path: Path) -> Path:
    """Create ``path`` empty with mode 0600 unless it exists; an existing file of ours becomes 0600.

    For files that other code (Qt's settings) writes later: they keep the mode they find.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        tighten(path, 0o600)
    else:
        os.fchmod(fd, 0o600)
        os.close(fd)
    return path
