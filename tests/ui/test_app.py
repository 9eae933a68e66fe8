"""The app as a process: --exit-after-load prints the start-up time, one instance per journal, clean errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from relj.ui.app import process_age_ms


def run_app(db: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", "from relj.cli import main; main()", "--db", str(db), *args],
        capture_output=True, text=True, timeout=timeout, env=env,
    )


def test_exit_after_load_prints_milliseconds_and_exits_0(demo_file, tmp_path):
    db = tmp_path / "journal.db"
    db.write_bytes(demo_file.read_bytes())
    done = run_app(db, "gui", "--exit-after-load")
    assert done.returncode == 0, done.stderr
    ms = int(done.stdout.strip())
    assert 0 < ms < 60_000
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "backups").exists()  # no backup on exit
    assert not Path(str(db) + ".lock").exists()  # the lock goes with the process


def test_exit_after_load_on_a_new_journal(tmp_path):
    done = run_app(tmp_path / "new" / "journal.db", "--exit-after-load")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().isdigit()


def test_a_second_instance_is_refused(tmp_path):
    from relj.instance_lock import InstanceLock

    db = tmp_path / "journal.db"
    with InstanceLock(db):  # as a running app holds it
        done = run_app(db, "--exit-after-load")
    assert done.returncode == 1
    assert "relj is already open on this journal" in done.stderr
    assert done.stdout == ""


def test_a_journal_that_is_not_one_is_a_message_not_a_traceback(tmp_path):
    db = tmp_path / "journal.db"
    db.write_bytes(b"this is not a database" * 100)
    done = run_app(db, "--exit-after-load")
    assert done.returncode == 1
    assert done.stderr.startswith("relj: error:")
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="Linux /proc only")
def test_process_age_is_measured_from_process_start():
    age = process_age_ms()
    assert 0 < age < 24 * 3600 * 1000


def test_the_settings_file_is_private_once_the_window_is_painted(demo_file, tmp_path, monkeypatch):
    """Qt's settings file is made 0600 in a 0700 folder after the first paint (7 ms the paint need
    not wait for): nothing writes it earlier."""
    import stat

    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    db = tmp_path / "journal.db"
    db.write_bytes(demo_file.read_bytes())
    old = os.umask(0o022)
    try:
        done = run_app(db, "gui", "--exit-after-load")
    finally:
        os.umask(old)
    assert done.returncode == 0, done.stderr
    settings = config / "relj" / "relj.conf"
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600
    assert stat.S_IMODE(settings.parent.stat().st_mode) == 0o700
