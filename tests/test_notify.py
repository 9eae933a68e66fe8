"""`relj notify`: today's agenda as one desktop notification (issue 16), on a private D-Bus session.

The bus tests run `relj notify` under dbus-run-session, with tests/ui/fake_notifications.py as the
notification service (it refuses a Notify whose argument types differ from the real signature), and
with no service at all.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from relj import notify as nt
from relj.agenda import AgendaEntry
from tests.cli.helpers import run

ROOT = Path(__file__).resolve().parent.parent
DRIVER = Path(__file__).resolve().parent / "notify_driver.py"
needs_bus = pytest.mark.skipif(shutil.which("dbus-run-session") is None,
                               reason="dbus-run-session is not installed (apt-get install dbus)")


@pytest.fixture
def journal(tmp_path: Path, today: dt.date) -> Path:
    """Two birthdays today and one next week."""
    db = tmp_path / "j.db"
    run(db, "person", "add", "Dmitri", "--birthday", f"1980-{today:%m-%d}")
    run(db, "person", "add", "Ana", "--birthday", f"--{today:%m-%d}")
    later = today + dt.timedelta(days=5)
    run(db, "person", "add", "Ben", "--birthday", f"--{later:%m-%d}")
    return db


def age(today: dt.date) -> int:
    return today.year - 1980


def relj(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "relj", "--db", str(db), *args]


def on_private_bus(tmp_path: Path, runs: list[list[str]], *, service: bool) -> tuple[list[dict[str, object]],
                                                                                       list[dict[str, object]]]:
    """Run commands in turn on a fresh session bus; returns their results and the Notify calls seen."""
    record = tmp_path / "notifications.jsonl"
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"record": str(record) if service else None, "runs": runs}), encoding="utf-8")
    done = subprocess.run(["dbus-run-session", "--", sys.executable, str(DRIVER), str(plan)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    calls = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()] if record.exists() else []
    return json.loads(done.stdout), calls


# -- the words ---------------------------------------------------------------------------------
def entry(day: dt.date, kind: str, what: str, ref: int | None = 1) -> AgendaEntry:
    return AgendaEntry(day, kind, what, ((1, "Ana"),), ref)


def test_summary_names_entries_and_counts_thank_yous(today: dt.date) -> None:
    entries = [entry(today, "birthday", "Dmitri's birthday", None), entry(today, "followup", "Thank Ana"),
               entry(today, "rhythm", "Sunday dinner with Mum and Dad"), entry(today, "followup", "Thank Ben"),
               entry(today + dt.timedelta(days=1), "plan", "Meet Chloé")]
    assert nt.summary(entries, today) == ("relj: today",
                                          "Dmitri's birthday · Sunday dinner with Mum and Dad · 2 thank-yous")
    assert nt.summary([entry(today, "followup", "Thank Ana")], today) == ("relj: today", "1 thank-you")


def test_summary_is_none_without_anything_today(today: dt.date) -> None:
    assert nt.summary([], today) is None
    assert nt.summary([entry(today + dt.timedelta(days=1), "plan", "Meet Ana")], today) is None


def test_a_long_day_names_a_few_and_counts_the_rest(today: dt.date) -> None:
    entries = [entry(today, "plan", f"Meet person {n}", n) for n in range(8)]
    body = nt.summary(entries, today)[1]  # type: ignore[index]
    assert body.count("Meet person") == nt.MAX_NAMED and body.endswith("and 3 more")


# -- the command without a bus -------------------------------------------------------------------
def test_dry_run_prints_title_and_body_and_loads_no_qt(journal: Path, tmp_path: Path, today: dt.date) -> None:
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": "", "XDG_RUNTIME_DIR": str(tmp_path)}
    code = ("import sys\nfrom relj.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n"
            "    print('rc', e.code, file=sys.stderr)\n"
            "print('qt' if any(m.startswith('PySide6') for m in sys.modules) else 'no-qt', file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, "--db", str(journal), "notify", "--dry-run"], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.splitlines() == ["relj: today", f"Ana's birthday · Dmitri's birthday ({age(today)})"]
    assert "rc 0" in done.stderr and "no-qt" in done.stderr
    # Nothing was sent, so nothing is remembered.
    assert run(journal, "notify", "--dry-run").stdout.splitlines()[0] == "relj: today"


def test_nothing_today_says_so(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    run(db, "person", "add", "Ana")
    result = run(db, "notify")
    assert "nothing on today's agenda" in result.stderr and result.stdout == ""


def test_no_journal_is_not_created(tmp_path: Path) -> None:
    result = run(tmp_path / "none.db", "notify")
    assert "no journal" in result.stderr and not (tmp_path / "none.db").exists()


def test_turned_off_says_so_and_undo_turns_it_on(journal: Path) -> None:
    from relj.ops.notify import set_login_notification
    from relj.store import Store

    store = Store.open(journal)
    try:
        result = set_login_notification(store, False)
        assert not nt.login_enabled(store) and result.changes.kinds == {"settings"}
        assert "off" in run(journal, "notify").stderr
        assert run(journal, "notify", "--dry-run").stdout.startswith("relj: today")  # still shows what it would say
        assert result.undo is not None
        result.undo(store)
        assert nt.login_enabled(store)
    finally:
        store.close()


def test_no_session_bus_at_all_says_so(journal: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_RUNTIME_DIR": str(tmp_path)}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    done = subprocess.run(relj(journal, "notify"), env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines() == ["relj: no desktop session bus (D-Bus), so no notification was shown"]
    assert done.stdout == ""


# -- the command on a private session bus --------------------------------------------------------
@needs_bus
def test_notify_sends_once_a_day_to_the_notification_service(journal: Path, tmp_path: Path, today: dt.date) -> None:
    results, calls = on_private_bus(tmp_path, [relj(journal, "notify"), relj(journal, "notify")], service=True)
    first, second = results
    assert first["rc"] == 0 and "notification shown" in str(first["err"]), first
    assert len(calls) == 1
    call = calls[0]
    assert call["summary"] == "relj: today"
    assert call["body"] == f"Ana's birthday · Dmitri's birthday ({age(today)})"
    assert call["app_name"] == "relj" and call["app_icon"] == "org.relj.Relj" and call["replaces_id"] == 0
    assert call["hints"] == {"desktop-entry": "org.relj.Relj"}
    assert second["rc"] == 0 and "already shown" in str(second["err"]), second
    from relj.store import Store

    store = Store.open(journal)
    try:
        assert nt.last_sent(store) == today
    finally:
        store.close()


@needs_bus
def test_dry_run_sends_nothing_even_with_a_service(journal: Path, tmp_path: Path) -> None:
    results, calls = on_private_bus(tmp_path, [relj(journal, "notify", "--dry-run")], service=True)
    assert results[0]["rc"] == 0 and str(results[0]["out"]).startswith("relj: today\n")
    assert calls == []


@needs_bus
def test_no_notification_service_says_so_and_tries_again_next_time(journal: Path, tmp_path: Path) -> None:
    results, calls = on_private_bus(tmp_path, [relj(journal, "notify")], service=False)
    assert results[0]["rc"] == 0, results
    assert str(results[0]["err"]).strip().splitlines() == [
        "relj: no notification service on the session bus (org.freedesktop.Notifications), "
        "so no notification was shown"]
    assert calls == []
    # Not remembered as shown: once a service runs, the same day's notification goes out.
    results, calls = on_private_bus(tmp_path, [relj(journal, "notify")], service=True)
    assert results[0]["rc"] == 0 and len(calls) == 1
