"""The import, export, history, undo and merge commands through click's CliRunner."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from relj.cli import main
from tests.cli.helpers import fail, run

ENGINE = Path(__file__).resolve().parent.parent / "fixtures" / "engine"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RELJ_TODAY", "2026-03-01")
    path = tmp_path / "journal.db"
    run(path, "me", "--name", "Sam Owner", "--email", "me@example.org", "--region", "GB")
    return path


def export(db: Path, tmp_path: Path) -> dict[str, object]:
    out = tmp_path / "export.json"
    run(db, "export", "json", str(out))
    doc = json.loads(out.read_text())
    doc.pop("meta")
    for p in doc["people"]:
        p.pop("updated_at")
    return doc


def counts(db: Path, tmp_path: Path) -> dict[str, int]:
    return {k: len(v) for k, v in export(db, tmp_path).items() if isinstance(v, list)}


def import_all(db: Path) -> None:
    run(db, "import", "vcard", str(ENGINE / "contacts.vcf"))
    run(db, "import", "ics", str(ENGINE / "meetings.ics"))
    run(db, "import", "mbox", str(ENGINE / "mail.mbox"))
    run(db, "import", "maildir", str(ENGINE / "maildir"))
    run(db, "import", "calls", str(ENGINE / "calls.xml"))


def test_the_three_imports_tell_the_truth(db: Path, tmp_path: Path) -> None:
    out = run(db, "import", "vcard", str(ENGINE / "contacts.vcf")).output
    assert "people:       2 added, 0 updated, 0 unchanged" in out and "1  me" in out
    out = run(db, "import", "ics", str(ENGINE / "meetings.ics")).output
    assert "3 added" in out and "no known person" in out and "cancelled" in out
    out = run(db, "import", "mbox", str(ENGINE / "mail.mbox")).output
    assert "2 added" in out and "automated mail" in out and "unreadable date" in out
    doc = export(db, tmp_path)
    people = {p["name"]: p for p in doc["people"]}  # type: ignore[union-attr]
    assert set(people) == {"Ana Lima", "Ben Okafor"}
    assert people["Ana Lima"]["circle"] == "friends" and people["Ana Lima"]["birthday"] == "--04-12"
    by_note = {i["note"]: i for i in doc["interactions"]}  # type: ignore[union-attr]
    assert by_note["Catch-up"]["channel"] == "video"
    assert by_note["Lunch"]["channel"] == "in-person"
    assert by_note["Call Ben"]["status"] == "planned" and by_note["Call Ben"]["channel"] == "phone"
    assert by_note["Lunch?"]["channel"] == "email"
    assert by_note["Re: plans"]["participants"] == [people["Ben Okafor"]["id"]]


def test_every_import_is_idempotent(db: Path, tmp_path: Path) -> None:
    import_all(db)
    before = export(db, tmp_path)
    import_all(db)
    assert export(db, tmp_path) == before
    out = run(db, "import", "mbox", str(ENGINE / "mail.mbox")).output
    assert "0 added, 0 updated, 2 unchanged" in out


def test_mail_is_one_message_whichever_export_it_comes_from(db: Path) -> None:
    run(db, "import", "vcard", str(ENGINE / "contacts.vcf"))
    run(db, "import", "mbox", str(ENGINE / "mail.mbox"))
    out = run(db, "import", "maildir", str(ENGINE / "maildir")).output
    assert "1 added, 0 updated, 1 unchanged" in out


def test_calls_match_one_number_written_three_ways(db: Path, tmp_path: Path) -> None:
    run(db, "import", "vcard", str(ENGINE / "contacts.vcf"))
    out = run(db, "import", "calls", str(ENGINE / "calls.xml")).output
    assert "3 added" in out and "missed call" in out
    doc = export(db, tmp_path)
    calls = [i for i in doc["interactions"] if i["source"] == "calls"]  # type: ignore[union-attr]
    assert len(calls) == 3 and {i["channel"] for i in calls} == {"phone"}
    assert sorted(i["duration_min"] for i in calls) == [2, 3, 10]


def test_create_people_from_calls(db: Path, tmp_path: Path) -> None:
    out = run(db, "import", "calls", str(ENGINE / "calls.xml"), "--create-people").output
    assert "2 added, 0 updated" in out  # Ana Lima and the unknown caller
    people = {p["name"]: p for p in export(db, tmp_path)["people"]}  # type: ignore[union-attr]
    assert people["Unknown Caller"]["circle"] == "unsorted" and not people["Unknown Caller"]["tracked"]


def test_create_people_min_messages(db: Path, tmp_path: Path) -> None:
    run(db, "import", "vcard", str(ENGINE / "contacts.vcf"))
    out = run(db, "import", "mbox", str(ENGINE / "mail.mbox"), "--create-people", "--min-messages", "3").output
    assert "fewer than 3 messages" in out
    out = run(db, "import", "mbox", str(ENGINE / "mail.mbox"), "--create-people", "--min-messages", "2").output
    assert "people:       1 added" in out  # Zoé wrote once and was copied once
    names = {p["name"] for p in export(db, tmp_path)["people"]}  # type: ignore[union-attr]
    assert "Zoé Stranger" in names


def test_dry_run_writes_nothing(db: Path, tmp_path: Path) -> None:
    before = export(db, tmp_path)
    out = run(db, "import", "vcard", str(ENGINE / "contacts.vcf"), "--dry-run").output
    assert "dry run, nothing written" in out and "2 added" in out
    assert export(db, tmp_path) == before
    assert "no imports yet" in run(db, "import", "history").output


def test_bad_record_is_fatal_unless_skip_bad(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "calls.xml"
    text = (ENGINE / "calls.xml").read_text().replace('date="1771000000000" type="1"', 'date="soon" type="1"')
    bad.write_text(text)
    err = fail(db, "import", "calls", str(bad))
    assert "calls.xml: call at line" in err and "--skip-bad" in err and len(err.strip().splitlines()) == 1
    assert counts(db, tmp_path)["interactions"] == 0
    out = run(db, "import", "calls", str(bad), "--skip-bad", "--create-people").output
    assert "bad records:  1" in out and "bad date" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("import", "vcard", "missing.vcf"), "no such file"),
        (("import", "maildir", "missing"), "no such folder"),
        (("import", "mbox", "."), "is a folder"),
        (("import", "vcard", "{engine}/calls.xml"), "not a vCard file"),
        (("import", "ics", "{engine}/contacts.vcf"), "not an iCalendar file"),
        (("import", "mbox", "{engine}/meetings.ics", "--map", "x=y"), "--map is for CSV"),
        (("import", "undo", "42"), "no import #42"),
        (("import", "undo", "abc"), "bad import id"),
        (("merge", "Nobody", "Else"), "no person called"),
    ],
)
def test_error_paths_are_one_clean_line(db: Path, args: tuple[str, ...], message: str) -> None:
    err = fail(db, *(a.replace("{engine}", str(ENGINE)) for a in args))
    assert message in err and err.startswith("relj: error:") and len(err.strip().splitlines()) == 1


def test_csv_bad_map_is_refused(db: Path, tmp_path: Path) -> None:
    f = tmp_path / "people.csv"
    f.write_text("Who,Mail\nAna,ana@example.org\n")
    err = fail(db, "import", "csv", str(f), "--map", "nonsense")
    assert err.startswith("relj: error:")
    run(db, "import", "csv", str(f), "--map", "name=Who,email=Mail")
    assert "Ana" in run(db, "person", "list").output


def test_whatsapp_needs_my_name(tmp_path: Path, fixtures: Path) -> None:
    db = tmp_path / "j.db"
    chat = fixtures / "whatsapp" / "WhatsApp Chat with Ana.txt"
    err = fail(db, "import", "whatsapp", str(chat))
    assert "--me-name" in err
    out = run(db, "import", "whatsapp", str(chat), "--me-name", "Sam Owner", "--create-people").output
    assert "interactions:" in out and "Sam Owner" not in run(db, "person", "list").output


def test_sms_import(db: Path, fixtures: Path) -> None:
    sms = str(fixtures / "android" / "sms.xml")
    assert "bad date" in fail(db, "import", "sms", sms, "--create-people")
    out = run(db, "import", "sms", sms, "--create-people", "--skip-bad").output
    assert "interactions:" in out and "bad records:" in out
    again = run(db, "import", "sms", sms, "--create-people", "--skip-bad").output
    assert "interactions: 0 added, 0 updated" in again and "people:" not in again


def test_history_and_undo(db: Path, tmp_path: Path) -> None:
    empty = counts(db, tmp_path)
    import_all(db)
    hist = run(db, "import", "history").output.splitlines()
    assert len(hist) == 5 and hist[0].startswith("#1") and "contacts.vcf" in hist[0]
    runs = json.loads(run(db, "import", "history", "--json").output)
    assert [r["format"] for r in runs] == ["vcard", "ics", "mbox", "maildir", "calls"]
    for r in reversed(runs):
        run(db, "import", "undo", f"#{r['id']}")
    assert counts(db, tmp_path) == empty
    assert "undone" in run(db, "import", "history").output
    assert "already undone" in fail(db, "import", "undo", "1")


def test_import_run_is_not_in_the_json_export(db: Path, tmp_path: Path) -> None:
    import_all(db)
    doc = export(db, tmp_path)
    assert "import_run" not in json.dumps(sorted(doc)) and "imports" not in doc


def test_merge(db: Path, tmp_path: Path) -> None:
    run(db, "import", "vcard", str(ENGINE / "contacts.vcf"))
    run(db, "import", "mbox", str(ENGINE / "mail.mbox"), "--create-people")
    run(db, "person", "add", "Ana L", "--email", "ana.l@example.net", "--interest", "Chess")
    out = run(db, "merge", "Ana Lima", "Ana L").output
    assert out.startswith("merged #") and "into #1 Ana Lima" in out
    doc = export(db, tmp_path)
    ana = next(p for p in doc["people"] if p["id"] == 1)  # type: ignore[union-attr]
    assert set(ana["emails"]) == {"ana@example.org", "ana.l@example.net"} and ana["interests"] == ["Chess"]
    assert "same person" in fail(db, "merge", "Ana Lima", "ana@example.org")


def test_exports_round_trip_and_are_private(db: Path, tmp_path: Path) -> None:
    import_all(db)
    vcf, ics = tmp_path / "out.vcf", tmp_path / "out.ics"
    assert "exported 2 people" in run(db, "export", "vcard", str(vcf)).output
    assert "1 planned interactions and 1 birthdays" in run(db, "export", "ics", str(ics)).output
    for f in (vcf, ics):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    # The same journal takes its own exports back without a change.
    before = export(db, tmp_path)
    run(db, "import", "vcard", str(vcf))
    run(db, "import", "ics", str(ics))
    assert export(db, tmp_path) == before
    # A fresh journal gets the same people from the vCard export.
    fresh = tmp_path / "fresh.db"
    run(fresh, "import", "vcard", str(vcf))
    people = {p["name"]: p for p in export(fresh, tmp_path)["people"]}  # type: ignore[union-attr]
    mine = {p["name"]: p for p in before["people"]}  # type: ignore[union-attr]
    for name, p in mine.items():
        for key in ("emails", "birthday", "organisation", "given_name", "family_name", "notes"):
            assert people[name][key] == p[key], (name, key)
        assert sorted(c["value"] for c in people[name]["contacts"]) == sorted(c["value"] for c in p["contacts"])


def test_progress_bar_only_on_a_terminal(db: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(db), "import", "vcard", str(ENGINE / "contacts.vcf")])
    assert result.exit_code == 0 and "reading" not in result.stderr


def test_maildir_fixture_copied_is_read(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "Mail"
    shutil.copytree(ENGINE / "maildir", copy)
    run(db, "import", "vcard", str(ENGINE / "contacts.vcf"))
    assert "2 added" in run(db, "import", "maildir", str(copy)).output


def test_vcard_round_trip_keeps_email_labels(tmp_path: Path) -> None:
    from relj.store import Store

    src = Store.open(tmp_path / "src.db")
    p = src.add_person("Ana García")
    src.add_contact(p.id, "email", "ana@work.example", label="work")
    src.add_contact(p.id, "email", "ana@home.example", label="home")
    src.add_contact(p.id, "email", "ana@club.example", label="climbing club")
    src.close()
    card = tmp_path / "out.vcf"
    from click.testing import CliRunner

    from relj.cli import main

    assert CliRunner().invoke(main, ["--db", str(tmp_path / "src.db"), "export", "vcard", str(card)]).exit_code == 0
    assert CliRunner().invoke(main, ["--db", str(tmp_path / "dst.db"), "import", "vcard", str(card)]).exit_code == 0
    dst = Store.open(tmp_path / "dst.db")
    [ana] = dst.people()
    assert {(c.value, c.label) for c in ana.contacts if c.kind.value == "email"} == {
        ("ana@work.example", "work"), ("ana@home.example", "home"), ("ana@club.example", "climbing club")}
    dst.close()
