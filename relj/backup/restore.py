"""Reading a backup whole: verify (every byte, the passphrase, the database inside) and restore.

Decrypted data goes only to a ``files.PlainFile`` in a claim: nameless on Linux while it is
written, and in a scratch folder that every start cleans elsewhere. A verify leaves nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import secrets as _secrets
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from relj import paths
from relj.backup import files
from relj.backup.create import create_backup
from relj.backup.format import (
    CHUNK,
    TAG_LEN,
    BackupDamaged,
    Encryption,
    JournalInUse,
    Manifest,
    PassphraseNeeded,
    RestoreResult,
    WrongPassphrase,
    damaged,
    derive,
    manifest_from,
    nonce,
    open_backup,
    read_header,
    read_manifest,
    refuse_newer_schema,
)
from relj.backup.rotation import new_backup_path
from relj.errors import JournalCorrupt, UserError
from relj.fileio import fsync_dir
from relj.store.errors import classify, error_name

log = logging.getLogger(__name__)


def extract(path: Path, out: BinaryIO, passphrase: str | None) -> Manifest:
    """Check every byte of a backup and write its database to ``out``. Raises on any problem;
    the caller discards ``out`` then."""
    with open_backup(path) as fh:
        header, raw, body_len = read_header(fh, path)
        manifest = manifest_from(header, path, body_len)
        refuse_newer_schema(manifest.schema, path)
        if manifest.encryption is not None and passphrase is None:
            raise PassphraseNeeded(f"{path} is encrypted: a passphrase is needed")
        chunks = (_read_chunks(fh, body_len, path) if manifest.encryption is None
                  else _decrypt_chunks(fh, manifest.size, manifest.encryption, raw, passphrase or "", path))
        h = hashlib.sha256()
        written = 0
        try:
            for chunk in chunks:
                h.update(chunk)
                out.write(chunk)
                written += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        except OSError as exc:
            raise files.os_error(Path(getattr(out, "name", "the scratch file")), exc) from None
    if written != manifest.size or h.hexdigest() != manifest.sha256:
        raise damaged(path, "checksum mismatch")
    return manifest


def _read_chunks(fh: BinaryIO, length: int, path: Path) -> Iterator[bytes]:
    fh.seek(0)
    left = length
    while left > 0:
        chunk = fh.read(min(CHUNK, left))
        if not chunk:
            raise BackupDamaged(f"{path} is truncated; refusing it")
        left -= len(chunk)
        yield chunk


def _decrypt_chunks(fh: BinaryIO, size: int, enc: Encryption, raw_header: bytes, passphrase: str,
                    path: Path) -> Iterator[bytes]:
    """Yield the plaintext chunk by chunk; each chunk is authenticated before it is yielded. The
    parameters were checked (the scrypt cost bounded) when the header was read."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key, expected = derive(passphrase, enc.salt, enc.n, enc.r, enc.p)
    if not _secrets.compare_digest(enc.key_check, expected):
        raise WrongPassphrase(f"wrong passphrase for {path}; nothing was changed")
    aead = AESGCM(key)
    count = enc.chunks(size)
    fh.seek(0)
    for index in range(count):
        last = index == count - 1
        sealed = fh.read(min(enc.chunk_size, size - index * enc.chunk_size) + TAG_LEN)
        try:
            yield aead.decrypt(nonce(enc.nonce_prefix, index, last), sealed, raw_header if last else b"")
        except InvalidTag:
            raise damaged(path, "authentication failed") from None


def _check_database(conn: sqlite3.Connection, path: Path) -> None:
    """The extracted database must be a sound relj journal of a schema this relj knows."""
    from relj import db as dbmod

    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            raise BackupDamaged(f"{path} holds a damaged database ({str(result[0])[:200]}); refusing it")
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                            [dbmod.MIGRATIONS_TABLE]).fetchone():
            raise BackupDamaged(f"{path} does not hold a relj journal; refusing it")
        refuse_newer_schema(dbmod.applied_migrations(conn), path)
    except sqlite3.Error as exc:
        known = classify(exc, doing=f"check the journal in {path}")
        if known is None or isinstance(known, JournalCorrupt):
            raise BackupDamaged(f"{path} holds a damaged database ({exc}); refusing it") from None
        raise known from None


def verify_backup(path: Path, *, passphrase: str | None = None, workdir: Path | None = None,
                  journal: Path | None = None) -> Manifest:
    """Check a backup completely: header, checksum or authentication tag, and the database inside.

    The database is decrypted into a scratch file that has no name on Linux (O_TMPFILE), given one
    only for the instant SQLite needs to open it. It lives in ``journal``'s scratch folder (which
    every start cleans), else in ``workdir`` or a private temporary folder, and is gone afterwards.
    """
    path = Path(path)
    manifest = read_manifest(path)
    if manifest.encrypted and passphrase is None:
        raise PassphraseNeeded(f"{path} is encrypted: a passphrase is needed")
    with contextlib.ExitStack() as stack:
        if journal is not None:
            files.clean_scratch(journal)
            root = files.scratch_root(journal)
        else:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="relj-scratch-", dir=workdir)))
            os.chmod(root, 0o700)
            root = root / "scratch"
        claim = stack.enter_context(files.Claim(root))
        plain = files.PlainFile(claim, "verify.db")
        stack.callback(plain.close)
        manifest = extract(path, plain.fh, passphrase)
        conn = plain.connect_detached()
        try:
            _check_database(conn, path)
        finally:
            conn.close()
    return manifest


# -- restore ---------------------------------------------------------------------------------
def _in_use(db_path: Path) -> JournalInUse:
    return JournalInUse(f"{db_path} is in use by another relj (is the app open?); close it and try again")


def _busy(exc: sqlite3.Error) -> bool:
    return error_name(exc).startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


def _take_journal(db_path: Path) -> sqlite3.Connection | None:
    """Take the journal for ourselves: switch it out of WAL mode, which folds the WAL in, deletes
    the -wal and -shm files, and fails while any other connection (the app, a CLI command) is open.
    None when SQLite cannot read it (a damaged journal, kept aside as it is).
    """
    try:
        conn = sqlite3.connect(str(db_path), isolation_level=None, check_same_thread=False, timeout=2)
    except sqlite3.Error as exc:
        raise classify(exc, path=db_path, doing=f"restore into {db_path}") or UserError(
            f"cannot open {db_path}: {exc}") from None
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise _in_use(db_path)
    except sqlite3.Error as exc:
        conn.close()
        if _busy(exc):
            raise _in_use(db_path) from None
        known = classify(exc, path=db_path, doing=f"restore into {db_path}")
        if known is None or isinstance(known, JournalCorrupt):
            return None
        raise known from None  # full, read-only: the journal may be fine; never set it aside
    except BaseException:
        conn.close()
        raise
    return conn


def _lock_exclusive(conn: sqlite3.Connection, db_path: Path, version: int) -> None:
    """An exclusive lock (no reader, no writer) for the swap; refuse if anyone wrote since ``version``."""
    try:
        conn.execute("BEGIN EXCLUSIVE")
    except sqlite3.Error as exc:
        if _busy(exc):
            raise _in_use(db_path) from None
        raise classify(exc, path=db_path, doing=f"restore into {db_path}") or _in_use(db_path) from None
    if int(conn.execute("PRAGMA data_version").fetchone()[0]) != version:
        conn.execute("ROLLBACK")
        raise _in_use(db_path)


def _set_aside_damaged(db_path: Path, stamp: str) -> Path:
    """A journal SQLite cannot read cannot be backed up with the backup API: keep its files as they are."""
    directory = paths.backups_dir(db_path)
    files.ensure_private_dir(directory)
    n = 1
    while True:
        target = directory / f"{db_path.stem}-{stamp}-pre-restore-damaged{'' if n == 1 else f'-{n}'}.db"
        if not os.path.lexists(target) and not os.path.lexists(f"{target}-wal"):
            break
        n += 1
    for suffix in ("", "-wal"):
        src = Path(f"{db_path}{suffix}")
        if src.exists():
            with open(src, "rb") as fin, files.private_create(Path(f"{target}{suffix}")) as fout:
                shutil.copyfileobj(fin, fout, CHUNK)
                fout.flush()
                os.fsync(fout.fileno())
    return target


def restore_backup(
    backup_file: Path,
    db_path: Path,
    *,
    passphrase: str | None = None,
    now: dt.datetime | None = None,
) -> RestoreResult:
    """Replace the journal at ``db_path`` with the journal in a backup; or create it there.

    Verifies the whole backup first, then backs up the current journal into its backups folder,
    then swaps the files atomically. On any refusal nothing changes.
    """
    backup_file = Path(backup_file)
    db_path = Path(db_path)
    now = now or dt.datetime.now()
    manifest = read_manifest(backup_file)
    refuse_newer_schema(manifest.schema, backup_file)
    if manifest.encrypted and passphrase is None:
        raise PassphraseNeeded(f"{backup_file} is encrypted: a passphrase is needed")
    if db_path.is_dir():
        raise UserError(f"{db_path} is a directory, not a journal file")
    files.check_output(db_path)
    files.ensure_private_dir(db_path.parent)
    files.clean_scratch(db_path)
    lock: sqlite3.Connection | None = None
    previous: Path | None = None
    with files.Claim(files.scratch_root(db_path)) as claim:
        plain = files.PlainFile(claim, "restore.db")
        try:
            extract(backup_file, plain.fh, passphrase)
            part = plain.named()
            plain.fh.close()
            conn = sqlite3.connect(files.ro_uri(part), uri=True)
            try:
                _check_database(conn, backup_file)
            finally:
                conn.close()
            if db_path.exists() and db_path.stat().st_size > 0:
                lock = _take_journal(db_path)
                if lock is not None:
                    version = int(lock.execute("PRAGMA data_version").fetchone()[0])
                    previous = new_backup_path(db_path, "pre-restore", now)
                    # The backup API cannot read through a connection that holds a write lock, so
                    # back up first, then lock, and refuse if another process wrote in between.
                    create_backup(db_path, previous, now=now, source=lock)
                    _lock_exclusive(lock, db_path, version)
                else:
                    previous = _set_aside_damaged(db_path, now.strftime("%Y%m%d-%H%M%S"))
            # A -wal left beside the old file must never be applied to the new one. After the switch
            # out of WAL mode there is none; a damaged journal's was copied aside above.
            for suffix in ("-wal", "-shm", "-journal"):
                files.unlink_quietly(Path(f"{db_path}{suffix}"))
            os.chmod(part, 0o600)
            os.replace(part, db_path)
            plain.path = None
            fsync_dir(db_path.parent)
        except OSError as exc:
            raise files.os_error(db_path, exc) from None
        finally:
            if lock is not None:
                lock.close()
            plain.close()
    from relj.store import Store

    store = Store.open(db_path, create=False)
    try:
        counts = store.counts()
    finally:
        store.close()
    log.info("journal restored: people=%s, interactions=%s", counts.get("person"), counts.get("interaction"))
    return RestoreResult(manifest=manifest, previous=previous, counts=counts)
