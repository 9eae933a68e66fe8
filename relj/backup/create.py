"""Writing a backup: a consistent snapshot (SQLite backup API), its manifest, optional encryption.

The body comes first in the file so that a plain backup is written by the SQLite backup API
straight into the file that becomes the backup, and only read once more to hash it. An encrypted
backup reads the journal's own file, held still by a read transaction, so that no plaintext copy
is written (docs/backup-format.md); a snapshot is its fallback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import secrets as _secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from relj import __version__
from relj.backup import files
from relj.backup.format import (
    FORMAT,
    FORMAT_VERSION,
    NONCE_PREFIX_LEN,
    SALT_LEN,
    Manifest,
    b64,
    derive,
    encode_header,
    manifest_from,
    nonce,
    trailer,
)
from relj.errors import JournalBusy, JournalCorrupt, UserError
from relj.fileio import fsync_dir
from relj.store.errors import classify

log = logging.getLogger(__name__)


def _costs() -> tuple[int, int, int, int]:
    """scrypt N, r, p and the chunk size, read from the package at call time: ``relj.backup.SCRYPT_N``
    is the one knob (tests and the benchmark lower the cost through it)."""
    import relj.backup as pkg

    return pkg.SCRYPT_N, pkg.SCRYPT_R, pkg.SCRYPT_P, pkg.ENC_CHUNK


def _sqlite_error(exc: sqlite3.Error, path: Path, doing: str) -> UserError:
    """A UserError for ``exc``, by its result code (a full disk says so); a bug keeps its class."""
    known = classify(exc, path=path, doing=doing)
    if known is None:
        raise exc
    assert isinstance(known, UserError)
    return known


def _connect_source(db_path: Path) -> sqlite3.Connection:
    if not db_path.exists():
        raise UserError(f"no journal at {db_path}")
    if db_path.is_dir():
        raise UserError(f"{db_path} is a directory, not a journal file")
    try:
        conn = sqlite3.connect(str(db_path), isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise _sqlite_error(exc, db_path, f"back up {db_path}") from None
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        conn.close()
        known = classify(exc, path=db_path, doing=f"back up {db_path}")
        if known is None or isinstance(known, JournalCorrupt):
            raise JournalCorrupt(f"{db_path} is not a readable relj journal ({exc}); it may be damaged") from None
        raise known from None
    return conn


def _snapshot_into(src: sqlite3.Connection, path: Path, timeout: float = 10.0) -> None:
    """SQLite backup API into a new 0600 file. Not a file copy: pages still in the WAL would be lost."""
    deadline = time.monotonic() + timeout

    def progress(status: int, remaining: int, total: int) -> None:
        # Python retries a busy step forever; give up after a while instead of hanging.
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise JournalBusy("could not back up the journal: another relj kept it busy; try again in a moment")

    files.private_create(path).close()
    dest = sqlite3.connect(str(path))
    try:
        # No syncs while copying: the finished backup file is fsynced once, as a whole.
        dest.execute("PRAGMA synchronous = OFF")
        src.backup(dest, progress=progress)
        # The copy carries the WAL flag of its source; a backup is a single self-contained file.
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def _describe_db(path: Path) -> tuple[list[str], dict[str, int]]:
    """Schema steps and row counts of a (snapshot) database file, read from the file itself."""
    from relj import db as dbmod
    from relj.store import Store

    conn = sqlite3.connect(files.ro_uri(path), uri=True)
    try:
        try:
            schema = dbmod.applied_migrations(conn)
        except sqlite3.Error:
            schema = []
        try:
            counts = Store(conn).counts()
        except sqlite3.Error:
            counts = {}  # an older schema: the counts are informative only
        return schema, counts
    finally:
        conn.close()


def _manifest_dict(schema: list[str], counts: dict[str, int], size: int, sha: str, now: dt.datetime) -> dict[str, Any]:
    created = now if now.tzinfo else now.astimezone()
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created": created.replace(microsecond=0).isoformat(),
        "app_version": __version__,
        "schema": schema,
        "counts": counts,
        "payload": {"type": "sqlite", "size": size, "sha256": sha},
        "encryption": None,
    }


def _finish(fh: BinaryIO, header: bytes, body_len: int) -> None:
    fh.write(header)
    fh.write(trailer(header, body_len))
    fh.flush()
    os.fsync(fh.fileno())


class _KeyMaker:
    """scrypt costs about as much as the snapshot itself: run it in a thread, side by side."""

    def __init__(self, passphrase: str, n: int, r: int, p: int) -> None:
        self.salt = _secrets.token_bytes(SALT_LEN)
        self.params = (n, r, p)
        self.box: dict[str, Any] = {}
        self.thread = threading.Thread(target=self._run, args=(passphrase,), name="relj-backup-kdf", daemon=True)
        self.thread.start()

    def _run(self, passphrase: str) -> None:
        try:
            self.box["key"] = derive(passphrase, self.salt, *self.params)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            self.box["error"] = exc

    def result(self) -> tuple[bytes, bytes]:
        self.thread.join()
        if "error" in self.box:
            raise self.box["error"]
        key: tuple[bytes, bytes] = self.box["key"]
        return key


def create_backup(
    db_path: Path,
    target: Path,
    *,
    passphrase: str | None = None,
    now: dt.datetime | None = None,
    source: sqlite3.Connection | None = None,
) -> Manifest:
    """Write a backup of the journal at ``db_path`` to the file ``target`` (mode 0600).

    With a passphrase the backup is encrypted. ``source`` is an open connection to use (the
    restore holds the journal locked while it backs it up). The target appears only when complete;
    a target that is a link, a folder or a device is refused before anything is written.
    """
    db_path = Path(db_path)
    target = Path(target)
    now = now or dt.datetime.now()
    if passphrase is not None and not passphrase:
        raise UserError("the backup passphrase is empty")
    files.check_output(target)
    files.ensure_private_dir(target.parent)
    files.clean_target_folder(target.parent)
    if source is None:
        files.clean_scratch(db_path)
    n, r, p, chunk_size = _costs()
    with contextlib.ExitStack() as stack:
        # The file being written lives in a claim in the target's folder (renamed into place at the
        # end); an encrypted backup's plain snapshot in a claim in the journal's scratch folder,
        # never in the --to folder.
        out = stack.enter_context(files.Claim(target.parent, in_target=True))
        part = out.file("backup.reljbak")
        snap = part
        keys: _KeyMaker | None = None
        if passphrase is not None:
            snap = stack.enter_context(files.Claim(files.scratch_root(db_path))).file("snapshot.db")
            keys = _KeyMaker(passphrase, n, r, p)
            stack.callback(keys.thread.join)
        try:
            header, counts = _write(db_path, source, snap, part, keys, chunk_size, now, target)
            files.check_output(target)  # it may have become a link while we wrote
            os.replace(part, target)
            fsync_dir(target.parent)
        except OSError as exc:
            raise files.os_error(target, exc) from None
    log.info("backup written: %d bytes, encrypted=%s, people=%s, interactions=%s",
             target.stat().st_size, passphrase is not None, counts.get("person"), counts.get("interaction"))
    return manifest_from(header, target)


def _write(db_path: Path, source: sqlite3.Connection | None, snap: Path, part: Path, keys: _KeyMaker | None,
           chunk_size: int, now: dt.datetime, target: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """Snapshot into ``snap``, then finish the backup file ``part``; returns (header, counts)."""
    if keys is not None and source is None:
        done = _encrypt_journal_itself(db_path, part, keys, chunk_size, now)
        if done is not None:
            return done
    conn = source or _connect_source(db_path)
    try:
        _snapshot_into(conn, snap)
    except sqlite3.Error as exc:
        if keys is None:
            raise _sqlite_error(exc, target, f"back up {db_path} to {target}") from None
        # The plain snapshot of an encrypted backup is written beside the journal, not to target.
        raise _sqlite_error(exc, db_path, f"make the snapshot of {db_path} (beside it) to encrypt") from None
    finally:
        if source is None:
            conn.close()
    schema, counts = _describe_db(snap)
    header: dict[str, Any] = {}
    if keys is None:
        # The snapshot's pages reach the disk while we read them back to hash them.
        with open(part, "r+b") as fh, files.Syncer(fh) as syncer:
            syncer.kick()
            sha, size = files.hash_file(fh)
            header = _manifest_dict(schema, counts, size, sha, now)
            syncer.wait()
            fh.seek(size)
            _finish(fh, encode_header(header), size)  # type: ignore[arg-type]
        return header, counts
    with open(snap, "rb") as plain:
        if os.name == "posix":
            files.unlink_quietly(snap)  # from here on the plaintext has no name
        _encrypt_payload(_Payload(plain, os.fstat(plain.fileno()).st_size), part, keys, chunk_size,
                         schema, counts, now, header)
    return header, counts


class _Payload:
    """The first ``size`` bytes of an open database file, read in order, as a backup holds them: a
    journal in WAL mode is marked as a rollback journal in its header (bytes 18 and 19), as
    ``PRAGMA journal_mode = DELETE`` marks a snapshot, so that the backup is one self-contained file."""

    def __init__(self, fh: BinaryIO, size: int) -> None:
        self.fh, self.size, self.pos = fh, size, 0
        self._whole = os.fstat(fh.fileno()).st_size == size

    def grew(self) -> bool:
        """Has the file grown past ``size`` (it was exactly that long), read to the end?"""
        return self._whole and self.pos == self.size and bool(self.fh.read(1))

    def readinto(self, buf: bytearray | memoryview) -> int:
        """The next bytes, into ``buf`` (reused chunk after chunk: no new memory for each)."""
        view = memoryview(buf)[:max(0, min(len(buf), self.size - self.pos))]
        n = self.fh.readinto(view) or 0  # type: ignore[attr-defined]
        if self.pos == 0 and n >= 20 and view[18:20] == b"\x02\x02":
            view[18:20] = b"\x01\x01"
        self.pos += n
        return n

    def rewind(self) -> None:
        self.fh.seek(0)
        self.pos = 0


def _encrypt_payload(payload: _Payload, part: Path, keys: _KeyMaker, chunk_size: int, schema: list[str],
                     counts: dict[str, int], now: dt.datetime, header: dict[str, Any]) -> None:
    """Encrypt ``payload`` into ``part``, filling ``header`` (the manifest with its encryption)."""
    # While scrypt still runs, hash now rather than in the encryption pass.
    known = files.hash_file(payload)[0] if keys.thread.is_alive() else None  # type: ignore[arg-type]
    payload.rewind()
    key, check = keys.result()
    n, r, p = keys.params
    prefix = _secrets.token_bytes(NONCE_PREFIX_LEN)
    enc = {"cipher": "AES-256-GCM", "layout": "stream", "chunk_size": chunk_size, "nonce_prefix": b64(prefix),
           "key_check": b64(check), "kdf": {"name": "scrypt", "salt": b64(keys.salt), "n": n, "r": r, "p": p}}

    def make_header(sha: str, size: int) -> bytes:
        header.update(_manifest_dict(schema, counts, size, sha, now), encryption=enc)
        return encode_header(header)

    _encrypt_file(payload, part, key, prefix, chunk_size, make_header, known)


def _encrypt_journal_itself(db_path: Path, part: Path, keys: _KeyMaker, chunk_size: int,
                            now: dt.datetime) -> tuple[dict[str, Any], dict[str, int]] | None:
    """Encrypt the journal's own file, with no plaintext copy on disk; None when it cannot be held
    still (then a snapshot is made and encrypted instead).

    The WAL is checkpointed into the file and emptied, then a read transaction is opened: with an
    empty WAL at its start it reads the file alone, and while it lasts no checkpoint may write to
    the file (it could change what the reader sees), and a rollback journal's writers wait. So the
    file holds one consistent state, this transaction's, until it ends.
    """
    conn = _connect_source(db_path)
    try:
        mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        if mode not in ("wal", "delete", "truncate", "persist"):
            return None  # (memory or off: no journal to keep writers off the file)
        if mode == "wal" and conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]:
            return None  # a reader or writer kept the checkpoint from finishing: snapshot instead
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the read starts here
            wal = Path(f"{db_path}-wal")
            if mode == "wal" and wal.exists() and wal.stat().st_size:
                return None  # a commit came first: this read would see it in the WAL
            page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
            size = page_size * int(conn.execute("PRAGMA page_count").fetchone()[0])
            from relj import db as dbmod
            from relj.store import Store

            schema = dbmod.applied_migrations(conn)
            counts = Store(conn).counts()
            header: dict[str, Any] = {}
            with open(db_path, "rb") as fh:
                if os.fstat(fh.fileno()).st_size < size:
                    return None
                _encrypt_payload(_Payload(fh, size), part, keys, chunk_size, schema, counts, now, header)
            return header, counts
        finally:
            conn.execute("ROLLBACK")
    except sqlite3.Error as exc:
        log.info("backup: encrypting a snapshot instead (%s)", type(exc).__name__)
        return None
    finally:
        conn.close()


def _encrypt_file(
    fin: _Payload, part: Path, key: bytes, prefix: bytes, chunk_size: int,
    make_header: Callable[[str, int], bytes], sha: str | None,
) -> None:
    """Hash (unless ``sha`` is known) and encrypt the snapshot in one pass. The header, which holds
    the plaintext's checksum, is the associated data of the last chunk: authenticated, and known by then."""
    import hashlib

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aead = AESGCM(key)
    size = fin.size
    count = max(1, -(-size // chunk_size))
    h = hashlib.sha256()
    body = 0
    header = b""
    # One buffer for the plaintext and one for the sealed chunk, reused: fresh memory for every
    # chunk (two 4 MiB allocations, each zeroed by the system) doubled the time under memory pressure.
    plain, sealed = bytearray(chunk_size), bytearray(chunk_size + 16)
    seal_into = getattr(aead, "encrypt_into", None)  # cryptography 44 and later
    with files.private_create(part) as fout, files.Syncer(fout) as syncer:
        for index in range(count):
            n = fin.readinto(plain)
            chunk = memoryview(plain)[:n]
            if sha is None:
                h.update(chunk)
            last = index == count - 1
            if last:
                if fin.grew():
                    raise UserError("the snapshot changed while it was being backed up")
                header = make_header(sha or h.hexdigest(), size)
            aad = header if last else b""
            if seal_into is not None:
                out = memoryview(sealed)[:n + 16]
                seal_into(nonce(prefix, index, last), chunk, aad, out)
            else:
                out = memoryview(aead.encrypt(nonce(prefix, index, last), bytes(chunk), aad))
            fout.write(out)
            body += len(out)
            if index % 8 == 7:
                syncer.kick()  # write back as we go, so the final fsync has little left to do
        syncer.wait()
        _finish(fout, header, body)
