"""Backups: the file format, round trips, refusals (tamper, wrong passphrase, newer schema), restore, listing."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sqlite3
import stat
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest
from click.testing import CliRunner, Result

from relj import backup, paths
from relj import db as dbmod
from relj.backup import BackupDamaged, BackupError, JournalInUse, NotABackup, PassphraseNeeded, WrongPassphrase
from relj.backup import format as backup_format
from relj.cli import main
from relj.errors import JournalCorrupt, JournalTooNew, UserError
from relj.store import Store
from tests.keyrings import MemoryKeyring

PASS = "correct horse battery staple"
DEFAULT_SCRYPT = (backup.SCRYPT_N, backup.SCRYPT_R)  # read before any fixture lowers it


pytestmark = pytest.mark.usefixtures("cheap_scrypt")


def fill(store: Store) -> None:
    ana = store.add_person("Ana Lima", emails=["ana@example.org"], interests=["climbing"], notes="likes figs")
    bo = store.add_person("Bo Chen", phones=["+44 20 7946 0000"], circle="close")
    store.log_interaction("in-person", [ana.id, bo.id], dt.date(2024, 3, 1), note="dinner at Rosa's", place="Leeds")
    store.log_interaction("phone", [bo.id], dt.date(2024, 4, 2), duration_min=25)
    store.set_setting("cadence", {"close": 30})


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    path = tmp_path / "home" / "journal.db"
    s = Store.open(path)
    fill(s)
    s.close()
    return path


def export(path: Path) -> dict[str, object]:
    s = Store.open(path, create=False)
    try:
        data = s.export_data()
    finally:
        s.close()
    return json.loads(json.dumps(data))


def cli(db: Path, *args: str, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args], env=env, input=input, catch_exceptions=False)


# -- format and round trips ------------------------------------------------------------------
@pytest.mark.parametrize("passphrase", [None, PASS], ids=["plain", "encrypted"])
def test_round_trip_restores_identically(journal: Path, tmp_path: Path, passphrase: str | None) -> None:
    before = export(journal)
    target = tmp_path / "out" / "b.reljbak"
    m = backup.create_backup(journal, target, passphrase=passphrase)
    assert m.encrypted is (passphrase is not None)
    assert m.counts["person"] == 2 and m.counts["interaction"] == 2
    assert m.schema == tuple(dbmod.known_migrations())
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    # Restore on "another machine": a fresh path.
    other = tmp_path / "elsewhere" / "sub" / "restored.db"
    result = backup.restore_backup(target, other, passphrase=passphrase)
    assert result.previous is None and result.counts["interaction"] == 2
    assert export(other) == before
    assert stat.S_IMODE(other.stat().st_mode) == 0o600
    assert stat.S_IMODE(other.parent.stat().st_mode) == 0o700
    s = Store.open(other, create=False)
    assert s.check() == []
    s.close()


def test_backup_holds_wal_pages(tmp_path: Path) -> None:
    """Writes still in the WAL (not checkpointed) are in the backup: backup API, not a file copy."""
    path = tmp_path / "j.db"
    s = Store.open(path)
    s.conn.execute("PRAGMA wal_autocheckpoint = 0")
    fill(s)
    assert Path(f"{path}-wal").stat().st_size > 0
    target = tmp_path / "b.reljbak"
    backup.create_backup(path, target)
    s.close()
    restored = tmp_path / "r.db"
    backup.restore_backup(target, restored)
    assert export(restored) == export(path)


def test_cli_round_trip_export_identical_apart_from_meta(journal: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert cli(journal, "export", "json", str(a)).exit_code == 0
    r = cli(journal, "backup", "create", "--to", str(tmp_path / "new" / "dir"))
    assert r.exit_code == 0, r.stderr
    (file,) = (tmp_path / "new" / "dir").glob("*.reljbak")
    assert "2 people, 2 interactions" in r.stdout
    other = tmp_path / "m2" / "journal.db"
    r = cli(other, "backup", "restore", str(file))
    assert r.exit_code == 0, r.stderr
    assert cli(other, "export", "json", str(b)).exit_code == 0
    da, db_ = json.loads(a.read_text()), json.loads(b.read_text())
    da.pop("meta")
    db_.pop("meta")
    assert da == db_
    assert stat.S_IMODE(b.stat().st_mode) == 0o600


def test_plain_backup_body_is_an_sqlite_file(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "b.reljbak"
    backup.create_backup(journal, target)
    raw = target.read_bytes()
    assert raw.startswith(b"SQLite format 3\0") and raw.endswith(backup.MAGIC)
    body_len, header_len, _, _ = backup.TRAILER.unpack(raw[-backup.TRAILER.size:])
    header = json.loads(raw[body_len:body_len + header_len])
    assert header["format"] == "relj-backup" and header["encryption"] is None
    assert header["payload"]["size"] == body_len
    assert set(header) >= {"created", "app_version", "schema", "counts", "payload"}


def test_encrypted_backup_hides_the_journal(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "b.reljbak"
    backup.create_backup(journal, target, passphrase=PASS)
    raw = target.read_bytes()
    assert b"SQLite format 3" not in raw
    for secret in (b"Ana Lima", b"likes figs", b"Rosa", b"ana@example.org"):
        assert secret not in raw
    m = backup.read_manifest(target)
    enc = m.raw["encryption"]
    assert enc["cipher"] == "AES-256-GCM" and enc["kdf"]["name"] == "scrypt"
    assert len(m.encryption.salt) == 16


def test_default_scrypt_cost_is_strong() -> None:
    assert DEFAULT_SCRYPT[0] >= 2**17 and DEFAULT_SCRYPT[1] >= 8


# -- refusals --------------------------------------------------------------------------------
def _positions(size: int, body_len: int, rng: random.Random) -> list[int]:
    """Every byte of the header and trailer, and a sample of the body."""
    return sorted(set(range(body_len, size)) | {rng.randrange(body_len) for _ in range(40)} | {0, body_len - 1})


@pytest.mark.parametrize("passphrase", [None, PASS], ids=["plain", "encrypted"])
def test_one_flipped_byte_anywhere_is_refused(journal: Path, tmp_path: Path, passphrase: str | None) -> None:
    target = tmp_path / "b.reljbak"
    backup.create_backup(journal, target, passphrase=passphrase)
    good = target.read_bytes()
    body_len = backup.TRAILER.unpack(good[-backup.TRAILER.size:])[0]
    before = export(journal)
    rng = random.Random(1)
    bad = tmp_path / "bad.reljbak"
    positions = _positions(len(good), body_len, rng)
    # Body bytes past the SQLite pages' used area can be free space: SQLite would not notice a
    # flip there, the checksum must.
    for pos in positions:
        data = bytearray(good)
        data[pos] ^= 1 << rng.randrange(8)
        bad.write_bytes(bytes(data))
        with pytest.raises(BackupError):
            backup.verify_backup(bad, passphrase=passphrase)
    # And restore refuses without touching the journal.
    with pytest.raises(BackupError):
        backup.restore_backup(bad, journal, passphrase=passphrase)
    assert export(journal) == before
    assert not list(paths.backups_dir(journal).glob("*")) if paths.backups_dir(journal).exists() else True
    assert [p.name for p in journal.parent.iterdir() if p.name.endswith(".part")] == []


def test_truncated_and_extended_files_are_refused(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "b.reljbak"
    backup.create_backup(journal, target)
    good = target.read_bytes()
    for data in (good[:-1], good[:100], good + b"\0", b"", good[1:]):
        bad = tmp_path / "bad.reljbak"
        bad.write_bytes(data)
        with pytest.raises(BackupError):
            backup.verify_backup(bad)


def test_not_a_backup(tmp_path: Path, journal: Path) -> None:
    with pytest.raises(NotABackup, match="not a relj backup"):
        backup.read_manifest(journal)
    with pytest.raises(UserError, match="no such file"):
        backup.read_manifest(tmp_path / "nope.reljbak")


def test_wrong_passphrase_is_refused_and_nothing_changes(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "b.reljbak"
    backup.create_backup(journal, target, passphrase=PASS)
    s = Store.open(journal)
    s.add_person("Cy")
    s.close()
    before = export(journal)
    with pytest.raises(WrongPassphrase, match="wrong passphrase"):
        backup.verify_backup(target, passphrase="not it")
    with pytest.raises(WrongPassphrase):
        backup.restore_backup(target, journal, passphrase="not it")
    with pytest.raises(PassphraseNeeded):
        backup.restore_backup(target, journal)
    assert export(journal) == before
    assert not paths.backups_dir(journal).exists()


def _make_future_journal(path: Path) -> None:
    s = Store.open(path)
    fill(s)
    s.conn.execute(
        f"INSERT INTO {dbmod.MIGRATIONS_TABLE}(migration_set, name, applied_at) VALUES (?, ?, ?)",
        [dbmod.MIGRATION_SET, "9999_from_the_future", "2099-01-01"],
    )
    s.close()


def test_backup_of_a_newer_schema_is_refused(journal: Path, tmp_path: Path) -> None:
    future = tmp_path / "future.db"
    _make_future_journal(future)
    target = tmp_path / "future.reljbak"
    backup.create_backup(future, target)  # backing up works; restoring it here must not
    before = export(journal)
    with pytest.raises(JournalTooNew, match="newer relj"):
        backup.restore_backup(target, journal)
    with pytest.raises(JournalTooNew):
        backup.verify_backup(target)
    assert export(journal) == before
    r = cli(journal, "backup", "restore", str(target))
    assert r.exit_code == 1 and "newer relj" in r.stderr and "Traceback" not in r.stderr


# -- restore ---------------------------------------------------------------------------------
def test_restore_backs_up_the_current_journal_first(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "b.reljbak"
    backup.create_backup(journal, target)
    s = Store.open(journal)
    s.add_person("Added after the backup")
    s.close()
    newer = export(journal)
    result = backup.restore_backup(target, journal)
    assert result.previous is not None and result.previous.parent == paths.backups_dir(journal)
    assert "pre-restore" in result.previous.name
    assert stat.S_IMODE(result.previous.stat().st_mode) == 0o600
    assert len(export(journal)["people"]) == 2  # type: ignore[arg-type]
    # The pre-restore backup brings the newer journal back.
    backup.restore_backup(result.previous, journal)
    assert export(journal) == newer


def test_restore_leaves_no_stale_wal(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "b.reljbak"
    backup.create_backup(journal, target)
    s = Store.open(journal)
    s.conn.execute("PRAGMA wal_autocheckpoint = 0")
    for i in range(30):
        s.add_person(f"Only in the WAL {i}")
    s.conn.close()  # closing checkpoints; reopen a writer that leaves its WAL behind on crash
    s = Store.open(journal)
    s.conn.execute("PRAGMA wal_autocheckpoint = 0")
    s.add_person("WAL page")
    s.close()
    backup.restore_backup(target, journal)
    assert not Path(f"{journal}-wal").exists() or Path(f"{journal}-wal").stat().st_size == 0
    s = Store.open(journal, create=False)
    assert s.check() == [] and s.counts()["person"] == 2
    s.close()


def test_restore_is_refused_while_the_journal_is_open(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "b.reljbak"
    backup.create_backup(journal, target)
    app = Store.open(journal)  # the app holds the journal open
    try:
        with pytest.raises(JournalInUse, match="in use"):
            backup.restore_backup(target, journal)
        assert app.counts()["person"] == 2
        app.add_person("Still writable")
    finally:
        app.close()
    assert [p for p in journal.parent.iterdir() if p.name.endswith(".part")] == []


def test_restore_over_a_corrupt_journal_keeps_its_files(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "b.reljbak"
    backup.create_backup(journal, target)
    journal.write_bytes(b"garbage" * 1000)
    result = backup.restore_backup(target, journal)
    assert result.previous is not None and result.previous.read_bytes() == b"garbage" * 1000
    assert len(export(journal)["people"]) == 2  # type: ignore[arg-type]


def test_restore_into_a_directory_is_refused(tmp_path: Path, journal: Path) -> None:
    target = tmp_path / "b.reljbak"
    backup.create_backup(journal, target)
    with pytest.raises(UserError, match="directory"):
        backup.restore_backup(target, tmp_path)


# -- corrupt journal at open -----------------------------------------------------------------
def test_corrupt_journal_at_open_names_the_newest_backup(journal: Path) -> None:
    old = backup.new_backup_path(journal, "manual", dt.datetime(2024, 1, 1, 9))
    new = backup.new_backup_path(journal, "auto", dt.datetime(2024, 2, 1, 9))
    backup.create_backup(journal, old, now=dt.datetime(2024, 1, 1, 9))
    backup.create_backup(journal, new, now=dt.datetime(2024, 2, 1, 9))
    good = journal.read_bytes()
    journal.write_bytes(b"\x00garbage header" + good[16:])
    with pytest.raises(JournalCorrupt) as info:
        Store.open(journal)
    assert "relj backup restore" in str(info.value) and str(new) in str(info.value)
    # Cut in half: the header and schema may still read, the size in the header does not match.
    journal.write_bytes(good[: len(good) // 2])
    with pytest.raises(JournalCorrupt, match="truncated") as info:
        Store.open(journal)
    assert str(new) in str(info.value)
    r = cli(journal, "check")
    assert r.exit_code == 1 and "relj backup restore" in r.stderr


def test_corrupt_journal_without_backups_says_so(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    path.write_bytes(b"not a database at all" * 50)
    with pytest.raises(JournalCorrupt, match="no backup found"):
        Store.open(path)


# -- listing ---------------------------------------------------------------------------------
def test_list_shows_time_size_encryption_and_counts(journal: Path, tmp_path: Path) -> None:
    backup.create_backup(journal, backup.new_backup_path(journal, "manual", dt.datetime(2024, 5, 1, 8)),
                         now=dt.datetime(2024, 5, 1, 8))
    backup.create_backup(journal, backup.new_backup_path(journal, "auto", dt.datetime(2024, 5, 2, 8)),
                         passphrase=PASS, now=dt.datetime(2024, 5, 2, 8))
    damaged = paths.backups_dir(journal) / "journal-20240503-080000-manual.reljbak"
    damaged.write_bytes(b"nonsense")
    infos = backup.list_backups(journal)
    assert [i.kind for i in infos] == ["manual", "auto", "manual"]
    assert infos[0].problem is not None
    assert infos[1].manifest is not None and infos[1].manifest.encrypted
    r = cli(journal, "backup", "list")
    lines = r.stdout.splitlines()
    assert r.exit_code == 0 and len(lines) == 3
    assert "encrypted" in lines[1] and "2 people, 2 interactions" in lines[1] and "2024-05-02" in lines[1]
    assert "plain" in lines[2] and "kB" in lines[2]
    assert "unusable" in lines[0]


def test_list_without_backups(journal: Path) -> None:
    r = cli(journal, "backup", "list")
    assert r.exit_code == 0 and "no backups" in r.stderr


def test_two_backups_in_one_second_get_distinct_names(journal: Path) -> None:
    now = dt.datetime(2024, 5, 1, 8)
    a = backup.new_backup_path(journal, "manual", now)
    backup.create_backup(journal, a, now=now)
    b = backup.new_backup_path(journal, "manual", now)
    assert a != b and backup.parse_name(b.name) == ("journal", now, "manual")


def test_create_without_a_journal(tmp_path: Path) -> None:
    r = cli(tmp_path / "none.db", "backup", "create")
    assert r.exit_code == 1 and "no journal" in r.stderr
    assert not (tmp_path / "none.db").exists()


# -- passphrases: environment, keyring, prompt ------------------------------------------------
def test_cli_encrypt_with_environment_passphrase(journal: Path, tmp_path: Path, no_keyring: None) -> None:
    env = {"RELJ_BACKUP_PASSPHRASE": PASS}
    r = cli(journal, "backup", "create", "--encrypt", "--to", str(tmp_path / "b"), env=env)
    assert r.exit_code == 0 and "encrypted" in r.stdout
    (file,) = (tmp_path / "b").glob("*.reljbak")
    assert cli(journal, "backup", "verify", str(file), env=env).exit_code == 0
    r = cli(journal, "backup", "verify", str(file), env={"RELJ_BACKUP_PASSPHRASE": "nope"})
    assert r.exit_code == 1 and "wrong passphrase" in r.stderr


def test_cli_never_prompts_without_a_terminal(journal: Path, tmp_path: Path, no_keyring: None) -> None:
    r = cli(journal, "backup", "create", "--encrypt", input="secret\nsecret\n")
    assert r.exit_code == 1
    assert "no terminal" in r.stderr and "RELJ_BACKUP_PASSPHRASE" in r.stderr and "keyring" in r.stderr
    assert not paths.backups_dir(journal).exists() or not list(paths.backups_dir(journal).iterdir())


def test_cli_uses_the_keyring(journal: Path, tmp_path: Path, memory_keyring) -> None:
    from relj import secrets

    secrets.set_passphrase(PASS)
    r = cli(journal, "backup", "create", "--encrypt")
    assert r.exit_code == 0, r.stderr
    (file,) = paths.backups_dir(journal).glob("*.reljbak")
    assert backup.verify_backup(file, passphrase=PASS).encrypted
    assert cli(journal, "backup", "verify", str(file)).exit_code == 0
    assert PASS not in file.read_bytes().decode("latin-1")


def test_cli_prompts_on_a_terminal_and_offers_the_keyring(
    journal: Path, memory_keyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    import relj.cli.backup as cli_backup

    monkeypatch.setattr(cli_backup, "_interactive", lambda: True)
    r = cli(journal, "backup", "create", "--encrypt", input=f"{PASS}\n{PASS}\ny\n")
    assert r.exit_code == 0, r.stderr
    assert memory_keyring.items == {("relj", "backup-passphrase"): PASS}


def test_cli_prompts_when_there_is_no_keyring(
    journal: Path, no_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import relj.cli.backup as cli_backup

    monkeypatch.setattr(cli_backup, "_interactive", lambda: True)
    r = cli(journal, "backup", "create", "--encrypt", input=f"{PASS}\n{PASS}\n")
    assert r.exit_code == 0, r.stderr
    assert "no keyring backend" in r.stderr and "cannot remember" in r.stderr
    (file,) = paths.backups_dir(journal).glob("*.reljbak")
    r = cli(journal, "backup", "restore", str(file), input=f"{PASS}\n")
    assert r.exit_code == 0, r.stderr


def test_secrets_without_a_backend_fail_clearly(no_keyring: None) -> None:
    from relj import secrets

    assert not secrets.available()
    for call in (secrets.get_passphrase, lambda: secrets.set_passphrase("x"), secrets.delete_passphrase):
        with pytest.raises(secrets.KeyringUnavailable, match="no keyring backend"):
            call()


def test_secrets_round_trip(memory_keyring) -> None:
    from relj import secrets

    assert secrets.available() and secrets.get_passphrase() is None
    secrets.set_passphrase("s3cret")
    assert secrets.get_passphrase() == "s3cret"
    assert secrets.delete_passphrase() is True and secrets.delete_passphrase() is False
    with pytest.raises(UserError):
        secrets.set_passphrase("")


def test_secrets_refuse_a_plaintext_backend() -> None:
    from relj import secrets

    class PlaintextKeyring(MemoryKeyring):
        pass

    previous = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    try:
        with pytest.raises(secrets.KeyringUnavailable, match="plain file"):
            secrets.set_passphrase("x")
    finally:
        keyring.set_keyring(previous)


def test_secrets_backend_errors_become_user_errors(memory_keyring, monkeypatch: pytest.MonkeyPatch) -> None:
    from relj import secrets

    def broken(*args: object) -> None:
        raise RuntimeError("dbus went away")

    monkeypatch.setattr(memory_keyring, "get_password", broken)
    with pytest.raises(secrets.KeyringUnavailable, match="could not be read"):
        secrets.get_passphrase()


# -- automatic backups and rotation ----------------------------------------------------------
def test_plan_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    start = dt.datetime(2023, 1, 1, 18)
    stamps = [start + dt.timedelta(days=d) for d in range(500)]
    keep = backup.plan_rotation(stamps, backup.BackupPolicy())
    newest = stamps[-1]
    assert newest in keep
    days = {t.date() for t in keep}
    # The last 7 days are all there.
    assert {(newest - dt.timedelta(days=d)).date() for d in range(7)} <= days
    weeks = {tuple(t.isocalendar()[:2]) for t in keep}
    assert len(weeks) >= 4
    months = {(t.year, t.month) for t in keep}
    assert len(months) == 12
    assert len(keep) <= 7 + 4 + 12
    # The oldest kept is about a year old, not older.
    assert min(keep) >= newest - dt.timedelta(days=366)


def test_plan_rotation_policy_zero_keeps_only_the_newest() -> None:
    stamps = [dt.datetime(2024, 1, d, 9) for d in range(1, 20)]
    assert backup.plan_rotation(stamps, backup.BackupPolicy(daily=0, weekly=0, monthly=0)) == {stamps[-1]}


def test_auto_backup_at_most_daily_with_rotation(journal: Path) -> None:
    policy = backup.BackupPolicy(daily=3, weekly=2, monthly=2)
    start = dt.datetime(2024, 1, 1, 20, 0)
    made = []
    for day in range(60):
        for hour in (0, 3):  # two closes a day: only the first backs up
            made.append(backup.auto_backup(journal, policy, start + dt.timedelta(days=day, hours=hour)))
    assert sum(m is not None for m in made) == 60
    files = sorted(paths.backups_dir(journal).glob("*-auto.reljbak"))
    kept = sorted(backup.parse_name(f.name)[1] for f in files)  # type: ignore[index]
    assert kept == sorted(backup.plan_rotation(kept, policy))
    assert 3 <= len(files) <= 3 + 2 + 2
    assert kept[-1] == start + dt.timedelta(days=59)
    # Manual and pre-restore backups are never rotated away.
    manual = backup.new_backup_path(journal, "manual", dt.datetime(2020, 1, 1))
    backup.create_backup(journal, manual)
    backup.auto_backup(journal, policy, start + dt.timedelta(days=61))
    assert manual.exists()
    assert backup.last_backup_time(journal) == start + dt.timedelta(days=61)


def test_auto_backup_disabled_or_missing_journal(journal: Path, tmp_path: Path) -> None:
    assert backup.auto_backup(journal, backup.BackupPolicy(enabled=False)) is None
    assert backup.auto_backup(tmp_path / "none.db") is None
    assert not paths.backups_dir(journal).exists()


def test_auto_backup_encrypted_uses_the_keyring(journal: Path, memory_keyring) -> None:
    from relj import secrets

    policy = backup.BackupPolicy(encrypt=True)
    with pytest.raises(PassphraseNeeded):
        backup.auto_backup(journal, policy, dt.datetime(2024, 1, 1, 9))
    secrets.set_passphrase(PASS)
    made = backup.auto_backup(journal, policy, dt.datetime(2024, 1, 1, 9))
    assert made is not None and backup.read_manifest(made).encrypted


def test_policy_lives_in_the_journal(journal: Path) -> None:
    s = Store.open(journal)
    assert backup.load_policy(s) == backup.BackupPolicy()
    backup.save_policy(s, backup.BackupPolicy(daily=3, encrypt=True))
    s.close()
    s = Store.open(journal)
    assert backup.load_policy(s) == backup.BackupPolicy(daily=3, encrypt=True)
    s.set_setting("backup_policy", {"daily": "lots", "weekly": -1, "monthly": 5, "enabled": "yes"})
    assert backup.load_policy(s) == backup.BackupPolicy(monthly=5)
    s.close()


def test_cli_commands_make_no_automatic_backups(journal: Path) -> None:
    for args in (("person", "add", "Dee"), ("check",), ("backup", "list"), ("search", "Ana")):
        cli(journal, *args)
    assert not paths.backups_dir(journal).exists()


# -- sync folders ----------------------------------------------------------------------------
@pytest.mark.parametrize("parts", [
    ("Dropbox",), ("Dropbox (Personal)", "notes"), ("OneDrive - Contoso",), ("Library", "Mobile Documents",
    "com~apple~CloudDocs"), ("Google Drive", "My Drive"), ("pCloud Drive",), ("Nextcloud",),
])
def test_sync_folder_is_detected(tmp_path: Path, parts: tuple[str, ...]) -> None:
    path = tmp_path.joinpath(*parts) / "journal.db"
    warning = backup.sync_folder_warning(path)
    assert warning is not None and "backups" in warning


def test_syncthing_marker_is_detected(tmp_path: Path) -> None:
    (tmp_path / "shared" / ".stfolder").mkdir(parents=True)
    warning = backup.sync_folder_warning(tmp_path / "shared" / "relj" / "journal.db")
    assert warning is not None and "Syncthing" in warning


def test_ordinary_folder_has_no_warning(tmp_path: Path) -> None:
    assert backup.sync_folder_warning(tmp_path / "data" / "relj" / "journal.db") is None
    assert backup.sync_folder_warning(tmp_path / "dropboxes-old" / "x.db") is not None  # prefix: cautious
    assert backup.sync_folder_warning(tmp_path / "my-notes" / "x.db") is None


def test_cli_warns_once_about_a_sync_folder(tmp_path: Path) -> None:
    db = tmp_path / "Dropbox" / "journal.db"
    r = cli(db, "person", "add", "Ana")
    assert r.exit_code == 0
    assert r.stderr.count("Dropbox folder") == 1


# -- permissions -----------------------------------------------------------------------------
def test_private_modes_under_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "new" / "journal.db"
        s = Store.open(path)
        fill(s)
        s.close()
        made = backup.create_backup(path, backup.new_backup_path(path, "manual"))
        assert made
        auto = backup.auto_backup(path, now=dt.datetime(2024, 1, 1))
        enc = backup.create_backup(path, tmp_path / "usb" / "x.reljbak", passphrase=PASS)
        assert enc
        export_file = tmp_path / "e.json"
        assert cli(path, "export", "json", str(export_file)).exit_code == 0
        restored = tmp_path / "r" / "j.db"
        assert auto is not None
        backup.restore_backup(auto, restored)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths.backups_dir(path).stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "usb").stat().st_mode) == 0o700
    files = [path, export_file, restored, tmp_path / "usb" / "x.reljbak", *paths.backups_dir(path).iterdir()]
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    for wal in path.parent.glob("*-wal"):
        assert stat.S_IMODE(wal.stat().st_mode) == 0o600


def test_describe_counts() -> None:
    assert backup.describe_counts({"person": 1, "interaction": 1}) == "1 person, 1 interaction"
    assert backup.describe_counts({}) == "counts unknown"


def test_damaged_sqlite_inside_a_valid_container_is_refused(tmp_path: Path, journal: Path) -> None:
    """Someone rebuilt the checksums around a broken database: the integrity check still refuses it."""
    good = tmp_path / "good.reljbak"
    backup.create_backup(journal, good)
    raw = bytearray(good.read_bytes())
    body_len, header_len, _, _ = backup.TRAILER.unpack(bytes(raw[-backup.TRAILER.size:]))
    body = bytearray(raw[:body_len])
    body[4096 + 8:4096 + 16] = b"\xff" * 8  # smash a b-tree page header
    import hashlib

    header = json.loads(bytes(raw[body_len:body_len + header_len]))
    header["payload"]["sha256"] = hashlib.sha256(body).hexdigest()
    hb = backup_format.encode_header(header)
    forged = bytes(body) + hb + backup.TRAILER.pack(body_len, len(hb), hashlib.sha256(hb).digest(), backup.MAGIC)
    bad = tmp_path / "forged.reljbak"
    bad.write_bytes(forged)
    with pytest.raises(BackupDamaged):
        backup.verify_backup(bad)


def test_backup_of_unreadable_journal_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    path.write_bytes(b"junk" * 300)
    with pytest.raises(JournalCorrupt):
        backup.create_backup(path, tmp_path / "b.reljbak")
    assert not (tmp_path / "b.reljbak").exists()


def test_read_only_target_directory(journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, where chmod does not stop writes: simulate the OS refusing them."""
    import errno

    real_open = os.open

    def refusing_open(path, flags, *args):  # type: ignore[no-untyped-def]
        if str(path).startswith(str(tmp_path / "ro")) and flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args)

    (tmp_path / "ro").mkdir()
    monkeypatch.setattr(os, "open", refusing_open)
    r = cli(journal, "backup", "create", "--to", str(tmp_path / "ro"))
    assert r.exit_code == 1 and "Read-only file system" in r.stderr
    assert list((tmp_path / "ro").iterdir()) == []


def test_sqlite_sees_the_same_rows_in_a_plain_backup(journal: Path, tmp_path: Path) -> None:
    """Portability: a plain backup opens in any SQLite tool (the trailer sits past the last page)."""
    target = tmp_path / "b.reljbak"
    backup.create_backup(journal, target)
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM person").fetchone() == (2,)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_encrypted_chunks_cannot_be_swapped_or_dropped(journal: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup, "ENC_CHUNK", 4096)
    target = tmp_path / "b.reljbak"
    m = backup.create_backup(journal, target, passphrase=PASS)
    assert m.raw["encryption"]["chunk_size"] == 4096
    assert backup.verify_backup(target, passphrase=PASS).sha256 == m.sha256  # many chunks round-trip
    raw = target.read_bytes()
    body_len, header_len, header_sha, magic = backup.TRAILER.unpack(raw[-backup.TRAILER.size:])
    body, rest = raw[:body_len], raw[body_len:]
    sealed = 4096 + backup.TAG_LEN
    chunks = [body[i:i + sealed] for i in range(0, body_len, sealed)]
    assert len(chunks) > 3
    swapped = b"".join([chunks[1], chunks[0], *chunks[2:]]) + rest
    bad = tmp_path / "bad.reljbak"
    bad.write_bytes(swapped)
    with pytest.raises(BackupDamaged, match="authentication failed"):
        backup.verify_backup(bad, passphrase=PASS)
    # Drop a whole chunk and rewrite the trailer to match: the sizes in the (authenticated) header catch it.
    shorter = b"".join([chunks[0], *chunks[2:]])
    hb = raw[body_len:body_len + header_len]
    bad.write_bytes(shorter + hb + backup.TRAILER.pack(len(shorter), header_len, header_sha, magic))
    with pytest.raises(BackupDamaged):
        backup.verify_backup(bad, passphrase=PASS)


def test_forget_passphrase(tmp_path: Path, memory_keyring) -> None:
    from relj import secrets

    secrets.set_passphrase(PASS)
    result = cli(tmp_path / "j.db", "backup", "forget-passphrase")
    assert result.exit_code == 0 and "removed" in result.output
    assert secrets.get_passphrase() is None
    result = cli(tmp_path / "j.db", "backup", "forget-passphrase")
    assert result.exit_code == 0 and "no backup passphrase" in result.output


def test_forget_passphrase_without_keyring(tmp_path: Path, no_keyring: None) -> None:
    result = cli(tmp_path / "j.db", "backup", "forget-passphrase")
    assert result.exit_code == 1 and "keyring is not usable" in result.stderr and "Traceback" not in result.output
