"""`relj sources`: the exact JSON of list, sync and detect; one clear line for bad input, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import fail, run
from tests.sources.helpers import ME, append, mbox, message


def test_add_list_sync_remove(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    run(db, "me", "--email", ME)
    box = mbox(tmp_path / "Inbox", range(3))
    out = run(db, "sources", "add", "mbox", str(box), "--create-people", "--me", "other@example.org").output
    assert "added source #1" in out

    [item] = json.loads(run(db, "sources", "list", "--json").stdout)
    assert set(item) >= {"id", "kind", "path", "enabled", "last_read", "last_added"}
    assert item["id"] == 1 and item["kind"] == "mbox" and item["path"] == str(box.resolve())
    assert item["enabled"] is True and item["last_read"] is None
    assert item["last_added"] == {"people": 0, "interactions": 0}

    [read] = json.loads(run(db, "sources", "sync", "--json").stdout)
    assert set(read) >= {"id", "added", "skipped", "error"}
    assert read["id"] == 1 and read["added"] == {"people": 3, "interactions": 3}
    assert read["skipped"] == 0 and read["error"] is None

    [item] = json.loads(run(db, "sources", "list", "--json").stdout)
    assert item["last_read"] is not None and "T" in item["last_read"]
    assert item["last_added"] == {"people": 3, "interactions": 3}

    append(box, message(3, "friend0@example.org"))
    assert "+0 people, +1 interactions" in run(db, "sources", "sync").stdout
    [read] = json.loads(run(db, "sources", "sync", "--json").stdout)
    assert read["added"] == {"people": 0, "interactions": 0}
    history = json.loads(run(db, "import", "history", "--json").stdout)
    assert [h["format"] for h in history] == ["mbox", "mbox"]  # no entry for a read that found nothing

    assert "removed source #1" in run(db, "sources", "remove", "1").stdout
    assert json.loads(run(db, "sources", "list", "--json").stdout) == []
    assert "no source #1" in fail(db, "sources", "remove", "1")
    assert "bad source id" in fail(db, "sources", "remove", "one")


def test_sync_exits_0_when_a_source_is_gone(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    gone = mbox(tmp_path / "Old", range(2))
    kept = mbox(tmp_path / "Inbox", range(2))
    run(db, "sources", "add", "mbox", str(gone), "--create-people")
    run(db, "sources", "add", "mbox", str(kept), "--create-people")
    gone.unlink()
    result = run(db, "sources", "sync", "--json")
    first, second = json.loads(result.stdout)
    assert isinstance(first["error"], str) and str(gone.resolve()) in first["error"]
    assert first["added"] == {"people": 0, "interactions": 0}
    assert second["error"] is None and second["added"]["interactions"] == 2
    text = run(db, "sources", "sync").stdout
    assert "error:" in text and "not there any more" in text
    [listed, _] = json.loads(run(db, "sources", "list", "--json").stdout)
    assert listed["error"] == first["error"]


def test_bad_input_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    box = mbox(tmp_path / "Inbox", range(1))
    for args, words in [
        (("pop3", str(box)), "unknown source kind"),
        (("json", str(box)), "not re-read"),
        (("mbox", str(tmp_path / "missing")), "no such file"),
        (("maildir", str(box)), "is a file"),
        (("calls", str(box), "--me", ME), "--me is not an option"),
        (("mbox", str(box), "--min-messages", "3"), "--create-people"),
        (("mbox", str(box), "--me-name", "Sam"), "--me-name is not an option"),
        (("vcard", str(box), "--map", "name=Full Name"), "--map is not an option"),
    ]:
        err = fail(db, "sources", "add", *args)
        assert words in err and err.count("\n") == 1, err
    assert not db.exists()  # not even an empty journal
    fail(db, "sources", "add", "mbox", str(box), "--min-messages", "0", code=2)


def test_detect_honours_home(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    home = tmp_path / "home"
    for sub in ("cur", "new", "tmp"):
        (home / "Maildir" / sub).mkdir(parents=True)
    found = json.loads(run(db, "sources", "detect", "--json", env={"HOME": str(home)}).stdout)
    assert found, "an ~/Maildir is found"
    for item in found:
        assert set(item) == {"kind", "path", "program", "what"}
    assert any(f["kind"] == "maildir" and f["path"] == str(home / "Maildir") for f in found)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert json.loads(run(db, "sources", "detect", "--json", env={"HOME": str(empty)}).stdout) == []


def test_sources_stay_out_of_the_json_export(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    box = mbox(tmp_path / "Inbox", range(2))
    run(db, "sources", "add", "mbox", str(box), "--create-people")
    run(db, "sources", "sync")
    out = tmp_path / "journal.json"
    run(db, "export", "json", str(out))
    text = out.read_text(encoding="utf-8")
    assert str(box.resolve()) not in text and "source_file" not in text
    assert "sources" not in json.loads(text)
