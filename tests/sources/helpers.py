"""Small files for the sources tests: mbox messages, calendars, call logs, counted interactions."""

from __future__ import annotations

from pathlib import Path

from relj.store import Store

ME = "me@example.org"


def journal(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "journal.db")
    store.update_owner(name="Sam Me", region="GB", add_emails=[ME])
    return store


def message(i: int, sender: str | None = None, *, subject: str = "hello") -> str:
    """One complete mbox message (From_ line, headers, body, blank line)."""
    sender = sender or f"friend{i % 7}@example.org"
    day = 1 + i % 28
    return (
        f"From {sender} Mon Jan  {day % 9 + 1} 10:00:00 2024\n"
        f"From: Friend {i % 7} <{sender}>\n"
        f"To: Sam <{ME}>\n"
        f"Date: Mon, {day} Jan 2024 10:{i % 60:02d}:00 +0000\n"
        f"Message-ID: <msg{i}@example.org>\n"
        f"Subject: {subject} {i}\n"
        "\n"
        f"Body of message {i}.\nFrom the desk of a friend (an unescaped From in a body).\n"
        "\n"
    )


def mbox(path: Path, numbers: range) -> Path:
    path.write_text("".join(message(i) for i in numbers), encoding="utf-8")
    return path


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(text)


def vevent(uid: str, day: str, who: str = "ana@example.org", summary: str = "Coffee") -> str:
    return (
        "BEGIN:VEVENT\r\n"
        f"UID:{uid}\r\n"
        "DTSTAMP:20240101T000000Z\r\n"
        f"DTSTART:{day}T100000Z\r\n"
        f"DTEND:{day}T110000Z\r\n"
        f"SUMMARY:{summary}\r\n"
        "LOCATION:Café Nero\\, High Street\r\n"
        f"ORGANIZER:mailto:{ME}\r\n"
        f"ATTENDEE;CN=Ana:mailto:{who}\r\n"
        "END:VEVENT\r\n"
    )


def calendar(events: list[str]) -> str:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + "".join(events) + "END:VCALENDAR\r\n")


def call(number: str, ms: int, seconds: int = 120, kind: int = 1, name: str = "") -> str:
    named = f' contact_name="{name}"' if name else ""
    return f'  <call number="{number}" duration="{seconds}" date="{ms}" type="{kind}"{named} />\n'


def calls_file(calls: list[str]) -> str:
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
            f'<calls count="{len(calls)}">\n' + "".join(calls) + "</calls>\n")


def interactions(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM interaction").fetchone()[0])


def keys(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT source_key FROM interaction ORDER BY source_key")]
