"""File modes under umask 022 (issue 13): logs, the lock file, Qt's settings, relj's folders: 0600 files in 0700 folders."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from relj import logs, paths
from relj.instance_lock import InstanceLock, lock_path


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def relj_log_handlers() -> Iterator[None]:
    """Whatever logs.setup() adds to the "relj" logger is taken away again."""
    logger = logging.getLogger("relj")
    before = list(logger.handlers)
    level = logger.level
    yield
    for handler in list(logger.handlers):
        if handler not in before:
            logger.removeHandler(handler)
            handler.close()
    logger.setLevel(level)


def state_home() -> Path:
    return Path(os.environ["XDG_STATE_HOME"])


# -- the log --------------------------------------------------------------------------------
def test_log_and_every_rotated_log_are_0600_in_0700_folders(umask_022: None, relj_log_handlers: None) -> None:
    target = logs.setup()
    assert target is not None and target == paths.log_file()
    assert target.is_relative_to(state_home() / "relj")
    logging.getLogger("relj.test").info("record one")
    handler = next(h for h in logging.getLogger("relj").handlers if getattr(h, "_relj", False))
    for _ in range(4):  # more rollovers than backups kept
        handler.doRollover()  # type: ignore[attr-defined]
        logging.getLogger("relj.test").info("after a rollover")
    files = sorted(p.name for p in target.parent.iterdir())
    assert files == ["relj.log", "relj.log.1", "relj.log.2", "relj.log.3"]
    for name in files:
        assert mode(target.parent / name) == 0o600, name
    assert mode(target.parent) == 0o700
    assert mode(state_home() / "relj") == 0o700  # ~/.local/state/relj


def test_setup_tightens_what_an_older_relj_left_open(umask_022: None, relj_log_handlers: None) -> None:
    folder = state_home() / "relj" / "log"
    folder.mkdir(parents=True)  # 0755 with the umask, as mkdir -p made them
    for name in ("relj.log", "relj.log.1"):
        (folder / name).write_text("old\n")
        os.chmod(folder / name, 0o644)
    assert mode(state_home() / "relj") == 0o755
    logs.setup()
    logging.getLogger("relj.test").info("record")
    assert mode(state_home() / "relj") == 0o700
    assert mode(folder) == 0o700
    assert mode(folder / "relj.log") == 0o600
    assert mode(folder / "relj.log.1") == 0o600


def test_a_log_dir_from_the_environment_is_created_0700(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        umask_022: None, relj_log_handlers: None) -> None:
    monkeypatch.setenv("RELJ_LOG_DIR", str(tmp_path / "a" / "b"))
    target = logs.setup()
    assert target == tmp_path / "a" / "b" / "relj.log"
    assert mode(tmp_path / "a") == 0o700 and mode(tmp_path / "a" / "b") == 0o700
    assert mode(target) == 0o600


def test_make_private_dir_makes_every_missing_parent_0700(tmp_path: Path, umask_022: None) -> None:
    paths.make_private_dir(tmp_path / "x" / "y" / "z")
    for p in (tmp_path / "x", tmp_path / "x" / "y", tmp_path / "x" / "y" / "z"):
        assert mode(p) == 0o700


def test_the_journal_folder_and_its_new_parents_are_0700(tmp_path: Path, umask_022: None) -> None:
    from relj.store import Store

    db = tmp_path / "new" / "deeper" / "journal.db"
    Store.open(db).close()
    assert mode(tmp_path / "new") == 0o700
    assert mode(tmp_path / "new" / "deeper") == 0o700
    assert mode(db) == 0o600


# -- the lock file ----------------------------------------------------------------------------
def test_lock_file_is_0600_and_empty(tmp_path: Path, umask_022: None) -> None:
    db = tmp_path / "journal.db"
    with InstanceLock(db) as lock:
        assert lock.path == lock_path(db) == tmp_path / "journal.db.lock"
        assert mode(lock.path) == 0o600
        assert lock.path.stat().st_size == 0  # no host name, no machine or boot id, no PID
    assert not lock.path.exists()


def test_an_old_lock_file_is_emptied_and_tightened(tmp_path: Path, umask_022: None) -> None:
    old = tmp_path / "journal.db.lock"
    old.write_text(f"{os.getpid()}\npython3.11\nmyhost\nmachine-id\nboot-id\n")  # as QLockFile wrote it
    os.chmod(old, 0o644)
    lock = InstanceLock(tmp_path / "journal.db")
    lock.acquire()  # a PID of a live python process no longer blocks start-up
    try:
        assert mode(old) == 0o600 and old.stat().st_size == 0
    finally:
        lock.release()


# -- Qt's settings file -------------------------------------------------------------------------
SETTINGS_SCRIPT = textwrap.dedent("""
    import os, sys
    os.umask(0o022)
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("relj")
    app.setApplicationName("relj")
    if sys.argv[1] == "protect":
        from relj.ui.app import protect_settings
        protect_settings()
    from PySide6.QtCore import QSettings
    s = QSettings()
    s.setValue("main/last_person", 42)
    s.sync()
    print(s.fileName())
""")


def settings_after_write(protect: bool) -> Path:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SETTINGS_SCRIPT, "protect" if protect else "plain"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip().splitlines()[-1])


def test_qt_settings_are_0600_in_a_0700_folder() -> None:
    path = settings_after_write(protect=True)
    assert path == Path(os.environ["XDG_CONFIG_HOME"]) / "relj" / "relj.conf"
    assert "last_person=42" in path.read_text()
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


def test_without_protection_qt_would_write_0644() -> None:
    # What the test above guards against: Qt's own choice under umask 022.
    path = settings_after_write(protect=False)
    assert mode(path) == 0o644


def test_protect_settings_tightens_an_existing_file() -> None:
    path = settings_after_write(protect=False)
    os.chmod(path.parent, 0o755)
    settings_after_write(protect=True)
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    assert "last_person=42" in path.read_text()


def test_the_app_under_umask_022_leaves_private_files(tmp_path: Path) -> None:
    db = tmp_path / "new" / "journal.db"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    script = "import os; os.umask(0o022); from relj.cli import main; main()"
    done = subprocess.run([sys.executable, "-c", script, "--db", str(db), "--exit-after-load"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert mode(tmp_path / "new") == 0o700
    assert mode(db) == 0o600
    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "relj" / "relj.conf"
    assert mode(settings) == 0o600 and mode(settings.parent) == 0o700
    assert not lock_path(db).exists()  # the lock goes with the process
    for p in (tmp_path / "new").iterdir():
        assert mode(p) == 0o600, p.name
