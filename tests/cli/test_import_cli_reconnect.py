"""Issue 6's promise: a sister phoned every Sunday is not flagged digital-only once calls are imported."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.cli.helpers import run

TODAY = dt.date(2026, 3, 1)  # a Sunday
UTC = dt.UTC


def ms(day: dt.date, hour: int) -> int:
    return int(dt.datetime(day.year, day.month, day.day, hour, tzinfo=UTC).timestamp() * 1000)


def sms_xml(days: list[dt.date]) -> str:
    rows = "\n".join(
        f'  <sms protocol="0" address="07700 900555" date="{ms(d, 12)}" type="{1 + n % 2}" body="x" read="1" '
        f'status="-1" contact_name="Maya" />'
        for n, d in enumerate(days)
    )
    return f"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"{len(days)}\">\n{rows}\n</smses>\n"


def calls_xml(days: list[dt.date]) -> str:
    rows = "\n".join(
        f'  <call number="+447700900555" duration="1500" date="{ms(d, 18)}" type="2" contact_name="Maya" />'
        for d in days
    )
    return f"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<calls count=\"{len(days)}\">\n{rows}\n</calls>\n"


def maya(db: Path) -> dict[str, object] | None:
    out = json.loads(run(db, "reconnect", "--json", "--today", TODAY.isoformat()).output)
    return next((r for r in out if r["name"] == "Maya Example"), None)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RELJ_TODAY", TODAY.isoformat())
    path = tmp_path / "journal.db"
    run(path, "me", "--name", "Sam Owner", "--region", "GB")
    card = tmp_path / "maya.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maya Example\r\nTEL;TYPE=CELL:07700 900555\r\n"
                    "CATEGORIES:Family\r\nEND:VCARD\r\n")
    run(path, "import", "vcard", str(card))
    return path


def test_weekly_calls_keep_a_sister_off_the_digital_only_list(db: Path, tmp_path: Path) -> None:
    # Texts every other day for six months: written contact goes on...
    texts = [TODAY - dt.timedelta(days=d) for d in range(1, 180, 2)]
    (tmp_path / "sms.xml").write_text(sms_xml(texts))
    run(db, "import", "sms", str(tmp_path / "sms.xml"))
    flagged = maya(db)
    assert flagged is not None and flagged["kind"] == "digital-only"
    # ...and a call every Sunday, numbers written as the phone writes them (+44, not 07700).
    sundays = [TODAY - dt.timedelta(weeks=w) for w in range(1, 27)]
    (tmp_path / "calls.xml").write_text(calls_xml(sundays))
    out = run(db, "import", "calls", str(tmp_path / "calls.xml")).output
    assert "26 added" in out
    assert maya(db) is None
