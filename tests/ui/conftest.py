"""Fixtures for the GUI tests: a journal over a tmp store, and the demo journal copied per test."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

# PySide6 6.12 drops a reference to None on each index.data() that returns None (see the helper).


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made demo journal, built once per session (about 1.5 s) and copied by ``demo_store``."""
    from relj.demo import build_demo
    from relj.store import Store

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = Store.open(path)
    build_demo(store)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


@pytest.fixture
def demo_store(demo_file: Path, tmp_path: Path):
    from relj.store import Store

    target = tmp_path / "demo.db"
    # The SQLite backup API: a consistent copy even if the source still had a WAL.
    src = sqlite3.connect(demo_file)
    dst = sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    s = Store.open(target)
    yield s
    s.close()


@pytest.fixture
def demo_journal(demo_store, qapp):
    from relj.ui.journal import Journal

    return Journal(demo_store)


@pytest.fixture
def main_window(demo_journal, qtbot):
    from relj.ui.main_window import MainWindow

    window = MainWindow(demo_journal, restore_state=False)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    return window




@pytest.fixture(scope="session", autouse=True)
def _english_plurals(qapp):
    """The app's translators ("1 day ago", not "1 days ago"), as relj.ui.app installs them."""
    from relj.ui.i18n import install_translators

    assert install_translators(qapp), "relj/ui/assets/relj_en.qm did not load"
