"""Shared test set-up: headless Qt, a private data dir, today's date, the corpus location."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

# Qt must never look for a display: without this, pytest aborts with no report.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: "Today" for every test, pinned so that no test depends on the day it runs. CI runs the suite a
#: second time with RELJ_TEST_TODAY set years away (a 28 February) to prove it.
TEST_TODAY = dt.date.fromisoformat(os.environ.get("RELJ_TEST_TODAY") or "2026-06-15")
# Set at import, not only per test: session fixtures (the demo journal) and every child process
# (the CLI and app run with subprocess inherit os.environ) see the same day.
os.environ["RELJ_TODAY"] = TEST_TODAY.isoformat()


@pytest.fixture(autouse=True)
def _private_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real data, config or keyring; "today" is TEST_TODAY."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("RELJ_DB", raising=False)
    monkeypatch.setenv("RELJ_TODAY", TEST_TODAY.isoformat())
    monkeypatch.delenv("RELJ_BACKUP_PASSPHRASE", raising=False)


@pytest.fixture
def today() -> dt.date:
    """The pinned "today" (relj.clock.today() returns it): build dates relative to this."""
    return TEST_TODAY


@pytest.fixture
def corpus() -> Path:
    """The shared corpus of real files; tests that need it skip cleanly when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def store(tmp_path: Path):
    from relj.store import Store

    s = Store.open(tmp_path / "journal.db")
    yield s
    s.close()


@pytest.fixture
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """New backups use scrypt N=2^10, not 2^17 (0.3 s each): tests make many. The cost is stored in
    each file's header, so reading follows whatever the file says."""
    from relj import backup

    monkeypatch.setattr(backup, "SCRYPT_N", 2**10)


@pytest.fixture(scope="session")
def generated_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared generated journal (tests/generated.py); copy it (generated_copy) before writing."""
    from tests.generated import build

    return build(tmp_path_factory.mktemp("generated") / "journal.db")


@pytest.fixture
def generated_copy(generated_journal: Path, tmp_path: Path) -> Path:
    """A copy of the shared generated journal, this test's own."""
    import shutil

    return Path(shutil.copy(generated_journal, tmp_path / "journal.db"))


@pytest.fixture
def memory_keyring():  # type: ignore[no-untyped-def]
    """An in-memory keyring for the test; the previous backend comes back afterwards."""
    import keyring

    from tests.keyrings import MemoryKeyring

    previous = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():  # type: ignore[no-untyped-def]
    """No keyring backend at all, as on a headless Linux (keyring.backends.fail)."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)
