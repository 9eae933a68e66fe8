"""Backups: one portable file per snapshot. Create, verify, restore, list, rotate; AES-256-GCM encryption.

The file format is described in docs/backup-format.md. In short::

    body      the SQLite snapshot (plain) or its AES-256-GCM ciphertext followed by the 16-byte tag
    header    UTF-8 JSON: the manifest, and for an encrypted backup the scrypt and GCM parameters
    trailer   52 bytes: body length (u64), header length (u32), sha256(header), b"RELJBAK1"

The body comes first so that a plain backup is written by the SQLite backup API straight into the
file that becomes the backup, and only read once more to hash it.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import re
import secrets as _secrets
import shutil
import sqlite3
import struct
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from relj import __version__, paths
from relj import db as dbmod
from relj.errors import JournalCorrupt, JournalTooNew, UserError

log = logging.getLogger(__name__)

MAGIC = b"RELJBAK1"
FORMAT = "relj-backup"
FORMAT_VERSION = 1
SUFFIX = ".reljbak"
#: body length, header length, sha256 of the header, magic.
TRAILER = struct.Struct(">QI32s8s")
CHUNK = 4 << 20
MAX_HEADER = 1 << 20
TAG_LEN = 16
NONCE_PREFIX_LEN = 7
#: Plaintext bytes per encrypted chunk (each chunk is sealed with its own GCM tag).
ENC_CHUNK = 4 << 20
SALT_LEN = 16
#: scrypt cost for new backups: about 0.3 s and 128 MiB on a 2020s laptop (OWASP's recommendation).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
#: A crafted header must not make us allocate gigabytes: refuse costs above these.
SCRYPT_MAX_N, SCRYPT_MAX_R, SCRYPT_MAX_P = 2**20, 32, 16
KINDS = ("auto", "manual", "pre-restore", "pre-migration")
_NAME_RE = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<kind>" + "|".join(KINDS) + r")\.reljbak$"
)
PASSPHRASE_ENV = "RELJ_BACKUP_PASSPHRASE"
POLICY_SETTING = "backup_policy"


def describe_counts(counts: dict[str, int]) -> str:
    """"3 people, 1 interaction": for messages."""
    people, interactions = counts.get("person"), counts.get("interaction")
    if people is None or interactions is None:
        return "counts unknown"
    return (f"{people} {'person' if people == 1 else 'people'}, "
            f"{interactions} interaction{'' if interactions == 1 else 's'}")


class BackupError(UserError):
    """A backup file that cannot be used: not a backup, damaged, altered, or from a newer relj."""


class NotABackup(BackupError):
    pass


class BackupDamaged(BackupError):
    pass


class WrongPassphrase(BackupError):
    pass


class PassphraseNeeded(BackupError):
    """The backup is encrypted and no passphrase was given."""


class JournalInUse(UserError):
    pass


@dataclasses.dataclass(frozen=True)
class Manifest:
    """What a backup says about itself, read from its (checked) header."""

    created: str
    app_version: str
    schema: tuple[str, ...]
    counts: dict[str, int]
    size: int
    sha256: str
    encrypted: bool
    raw: dict[str, Any] = dataclasses.field(repr=False, compare=False)

    @property
    def created_at(self) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(self.created)
        except ValueError:
            return None

    def summary(self) -> str:
        return describe_counts(self.counts)


@dataclasses.dataclass(frozen=True)
class BackupInfo:
    """One file in the backups folder, for `backup list` and the GUI."""

    path: Path
    size: int
    manifest: Manifest | None
    problem: str | None
    kind: str | None
    stamp: dt.datetime | None

    @property
    def when(self) -> dt.datetime | None:
        if self.manifest is not None and self.manifest.created_at is not None:
            return self.manifest.created_at
        return self.stamp


@dataclasses.dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    previous: Path | None  # the backup of the journal that was replaced
    counts: dict[str, int]


@dataclasses.dataclass(frozen=True)
class BackupPolicy:
    """Automatic backups: at most one a day, with rolling retention. Stored in the journal's settings."""

    enabled: bool = True
    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    encrypt: bool = False

    @classmethod
    def from_setting(cls, value: Any) -> BackupPolicy:
        if not isinstance(value, dict):
            return cls()
        out: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            v = value.get(f.name)
            if f.type in ("bool", bool) and isinstance(v, bool) or f.type in ("int", int) and isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 1000:
                out[f.name] = v
        return cls(**out)

    def to_setting(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def load_policy(store: Any) -> BackupPolicy:
    return BackupPolicy.from_setting(store.get_setting(POLICY_SETTING))


def save_policy(store: Any, policy: BackupPolicy) -> None:
    store.set_setting(POLICY_SETTING, policy.to_setting())


# -- small file helpers ----------------------------------------------------------------------
def _private_create(path: Path) -> BinaryIO:
    """Open a new file for writing with mode 0600 from its first byte."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC | os.O_EXCL, 0o600)
    return os.fdopen(fd, "wb")


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _ensure_private_dir(directory: Path) -> None:
    try:
        dbmod.ensure_private_dir(directory)
    except OSError as exc:
        raise UserError(f"cannot create {directory}: {exc.strerror or exc}") from None


def _write_error(path: Path, exc: OSError) -> UserError:
    return UserError(f"cannot write {path}: {exc.strerror or exc}; nothing was changed")


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str, path: Path) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except (ValueError, TypeError):
        raise BackupDamaged(f"{path}: bad {what} in the header; the backup is damaged") from None


# -- keys ------------------------------------------------------------------------------------
def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    """scrypt -> (AES-256 key, key check). The check tells a wrong passphrase from a damaged file."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    out = Scrypt(salt=salt, length=64, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))
    check = hashlib.sha256(b"relj-backup key check\0" + out[32:]).digest()[:16]
    return out[:32], check


# -- snapshot --------------------------------------------------------------------------------
def _connect_source(db_path: Path) -> sqlite3.Connection:
    if not db_path.exists():
        raise UserError(f"no journal at {db_path}")
    if db_path.is_dir():
        raise UserError(f"{db_path} is a directory, not a journal file")
    try:
        conn = sqlite3.connect(str(db_path), isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise JournalCorrupt(f"{db_path} is not a readable relj journal ({exc})") from None
    return conn


def _snapshot_into(src: sqlite3.Connection, path: Path, timeout: float = 10.0) -> None:
    """SQLite backup API into a fresh 0600 file. Not a file copy: pages still in the WAL would be lost."""
    deadline = time.monotonic() + timeout

    def progress(status: int, remaining: int, total: int) -> None:
        # Python retries a busy step forever; give up after a while instead of hanging.
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise sqlite3.OperationalError("database is locked")

    _private_create(path).close()
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
    from relj.store import Store

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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


def _hash_file(path: Path, limit: int | None = None) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while True:
            want = CHUNK if limit is None else min(CHUNK, limit - size)
            if want <= 0:
                break
            chunk = fh.read(want)
            if not chunk:
                break
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


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
    fh.write(TRAILER.pack(body_len, len(header), hashlib.sha256(header).digest(), MAGIC))
    fh.flush()
    os.fsync(fh.fileno())


def _encode_header(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


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
    restore holds the journal locked while it backs it up). The target appears only when complete.
    """
    db_path = Path(db_path)
    target = Path(target)
    now = now or dt.datetime.now()
    if passphrase is not None and not passphrase:
        raise UserError("the backup passphrase is empty")
    _ensure_private_dir(target.parent)
    _clean_scratch(target.parent)
    part = target.with_name(f".{target.name}.{os.getpid()}.part")
    conn = source or _connect_source(db_path)
    key_box: dict[str, Any] = {}
    kdf_thread: threading.Thread | None = None
    enc: dict[str, Any] | None = None
    if passphrase is not None:
        salt = _secrets.token_bytes(SALT_LEN)
        prefix = _secrets.token_bytes(NONCE_PREFIX_LEN)

        def _kdf() -> None:
            try:
                key_box["key"] = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
            except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
                key_box["error"] = exc

        # scrypt costs about as much as the snapshot itself: run them side by side.
        kdf_thread = threading.Thread(target=_kdf, name="relj-backup-kdf", daemon=True)
        kdf_thread.start()
        enc = {"cipher": "AES-256-GCM", "layout": "stream", "chunk_size": ENC_CHUNK, "nonce_prefix": _b64(prefix),
               "kdf": {"name": "scrypt", "salt": _b64(salt), "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P}}
    # A plain backup is snapshotted straight into its own .part file. The plain snapshot of an
    # encrypted one stays beside the journal (a private folder), never in the --to folder.
    snap = part if enc is None else _scratch_path(db_path, "snapshot")
    try:
        try:
            _snapshot_into(conn, snap)
        except sqlite3.OperationalError as exc:
            if "full" in str(exc):
                raise UserError(f"cannot write {target}: the disk is full; nothing was changed") from None
            raise UserError(f"cannot back up {db_path}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise JournalCorrupt(f"{db_path} cannot be read ({exc}); it may be damaged") from None
        finally:
            if source is None:
                conn.close()
        header: dict[str, Any] = {}
        if enc is None:
            # The snapshot's pages reach the disk while we read them back to hash them.
            with open(part, "r+b") as fh, _Syncer(fh) as syncer:
                syncer.kick()
                schema, counts = _describe_db(snap)
                sha, size = _hash_file(snap)
                header = _manifest_dict(schema, counts, size, sha, now)
                syncer.wait()
                fh.seek(size)
                _finish(fh, _encode_header(header), size)  # type: ignore[arg-type]
        else:
            schema, counts = _describe_db(snap)
            assert kdf_thread is not None
            # While scrypt still runs, hash now rather than in the encryption pass.
            known = _hash_file(snap)[0] if kdf_thread.is_alive() else None
            kdf_thread.join()
            if "error" in key_box:
                raise key_box["error"]
            key, check = key_box["key"]
            enc["key_check"] = _b64(check)

            def make_header(sha: str, size: int) -> bytes:
                header.update(_manifest_dict(schema, counts, size, sha, now), encryption=enc)
                return _encode_header(header)

            _encrypt_file(snap, part, key, prefix, make_header, known)
        os.replace(part, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        raise _write_error(target, exc) from None
    finally:
        _unlink_quietly(part)
        if snap != part:
            _unlink_quietly(snap)
    log.info("backup written: %d bytes, encrypted=%s, people=%s, interactions=%s",
             target.stat().st_size, enc is not None, counts.get("person"), counts.get("interaction"))
    return _manifest_from(header, target)


class _Syncer:
    """fsync a file in a background thread while the caller keeps working (hashing, encrypting)."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.thread: threading.Thread | None = None
        self.error: OSError | None = None

    def __enter__(self) -> _Syncer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.wait()

    def _run(self) -> None:
        try:
            os.fsync(self.fh.fileno())
        except OSError as exc:
            self.error = exc

    def kick(self) -> None:
        """Start an fsync unless one is still running."""
        if self.thread is None or not self.thread.is_alive():
            self.fh.flush()
            self.thread = threading.Thread(target=self._run, name="relj-backup-fsync", daemon=True)
            self.thread.start()

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        if self.error is not None:
            error, self.error = self.error, None
            raise error


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    """STREAM nonces (Hoang, Reyhanitabar, Rogaway, Vizár): a random prefix, the chunk counter and a
    last-chunk flag, so chunks can be neither reordered nor dropped, nor the file cut short."""
    return prefix + index.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def _encrypt_file(
    src: Path, part: Path, key: bytes, prefix: bytes, make_header: Callable[[str, int], bytes], sha: str | None
) -> None:
    """Hash (unless ``sha`` is known) and encrypt the snapshot in one pass. The header, which holds
    the plaintext's checksum, is the associated data of the last chunk: authenticated, and known by then."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aead = AESGCM(key)
    size = src.stat().st_size
    count = max(1, -(-size // ENC_CHUNK))
    h = hashlib.sha256()
    body = 0
    with open(src, "rb") as fin, _private_create(part) as fout, _Syncer(fout) as syncer:
        for index in range(count):
            chunk = fin.read(ENC_CHUNK)
            if sha is None:
                h.update(chunk)
            last = index == count - 1
            if last:
                if fin.read(1):
                    raise UserError(f"{src} changed while it was being backed up")
                header = make_header(sha or h.hexdigest(), size)
            sealed = aead.encrypt(_nonce(prefix, index, last), chunk, header if last else b"")
            fout.write(sealed)
            body += len(sealed)
            if index % 8 == 7:
                syncer.kick()  # write back as we go, so the final fsync has little left to do
        syncer.wait()
        _finish(fout, header, body)


def _scratch_path(db_path: Path, what: str) -> Path:
    """A private scratch file beside the journal: its folder is 0700 and on the same filesystem."""
    directory = db_path.resolve().parent
    _ensure_private_dir(directory)
    _clean_scratch(directory)
    return directory / f".{db_path.name}.{what}.{os.getpid()}.part"


_SCRATCH_RE = re.compile(r"^\..+\.(?:reljbak|snapshot|restore)\.(?P<pid>\d+)\.part$")


def _clean_scratch(directory: Path) -> None:
    """Remove the scratch files of relj processes that died (kill -9, power cut) before cleaning up."""
    try:
        names = [p for p in directory.iterdir() if p.name.startswith(".") and p.name.endswith(".part")]
    except OSError:
        return
    for p in names:
        m = _SCRATCH_RE.match(p.name)
        if not m:
            continue
        pid = int(m["pid"])
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            _unlink_quietly(p)
        except OSError:
            pass


# -- reading ---------------------------------------------------------------------------------
def _read_header(fh: BinaryIO, path: Path) -> tuple[dict[str, Any], bytes, int]:
    """Check the trailer and the header's checksum; return (header, raw header, body length)."""
    fh.seek(0, os.SEEK_END)
    total = fh.tell()
    if total < TRAILER.size:
        raise NotABackup(f"{path} is not a relj backup (too short)")
    fh.seek(total - TRAILER.size)
    body_len, header_len, header_sha, magic = TRAILER.unpack(fh.read(TRAILER.size))
    if magic != MAGIC:
        if magic[:7] == MAGIC[:7]:
            raise BackupError(f"{path} is a relj backup of a newer format; upgrade relj to read it")
        raise NotABackup(f"{path} is not a relj backup (no relj backup trailer)")
    if header_len > MAX_HEADER or body_len + header_len + TRAILER.size != total:
        raise BackupDamaged(f"{path} is damaged or was altered (its sizes do not add up); refusing it")
    fh.seek(body_len)
    raw = fh.read(header_len)
    if hashlib.sha256(raw).digest() != header_sha:
        raise BackupDamaged(f"{path} is damaged or was altered (header checksum mismatch); refusing it")
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BackupDamaged(f"{path} is damaged (unreadable header); refusing it") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise NotABackup(f"{path} is not a relj backup")
    version = header.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BackupError(f"{path} uses backup format {version}; this relj reads up to {FORMAT_VERSION}")
    return header, raw, body_len


def _manifest_from(header: dict[str, Any], path: Path) -> Manifest:
    try:
        payload = header["payload"]
        return Manifest(
            created=str(header["created"]),
            app_version=str(header["app_version"]),
            schema=tuple(str(s) for s in header["schema"]),
            counts={str(k): int(v) for k, v in dict(header["counts"]).items()},
            size=int(payload["size"]),
            sha256=str(payload["sha256"]),
            encrypted=header.get("encryption") is not None,
            raw=header,
        )
    except (KeyError, TypeError, ValueError):
        raise BackupDamaged(f"{path} is damaged (incomplete manifest); refusing it") from None


def read_manifest(path: Path) -> Manifest:
    """The manifest of a backup, after checking its trailer and header checksum (cheap: no body read)."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            header, _, _ = _read_header(fh, path)
    except FileNotFoundError:
        raise UserError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a directory, not a backup file") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    return _manifest_from(header, path)


def _refuse_newer_schema(schema: tuple[str, ...] | list[str], path: Path) -> None:
    known = dbmod.known_migrations()
    unknown = [s for s in schema if s not in known]
    if unknown:
        raise JournalTooNew(
            f"{path} was made by a newer relj (unknown schema step {unknown[-1]}); upgrade relj to restore it"
        )


def _extract(path: Path, out: Path, passphrase: str | None) -> Manifest:
    """Check every byte of a backup and write its database to ``out`` (0600). Raises on any problem."""
    path = Path(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise UserError(f"no such file: {path}") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    with fh:
        header, raw, body_len = _read_header(fh, path)
        manifest = _manifest_from(header, path)
        _refuse_newer_schema(manifest.schema, path)
        enc = header.get("encryption")
        fh.seek(0)
        h = hashlib.sha256()
        written = 0
        try:
            with _private_create(out) as fout:
                if enc is None:
                    if body_len != manifest.size:
                        raise BackupDamaged(f"{path} is damaged or was altered (size mismatch); refusing it")
                    for chunk in _read_chunks(fh, body_len):
                        h.update(chunk)
                        fout.write(chunk)
                        written += len(chunk)
                else:
                    for chunk in _decrypt_chunks(fh, body_len, manifest.size, enc, raw, passphrase, path):
                        h.update(chunk)
                        fout.write(chunk)
                        written += len(chunk)
                fout.flush()
                os.fsync(fout.fileno())
        except OSError as exc:
            _unlink_quietly(out)
            raise UserError(f"cannot write {out}: {exc.strerror or exc}; nothing was changed") from None
        except BaseException:
            _unlink_quietly(out)
            raise
    if written != manifest.size or h.hexdigest() != manifest.sha256:
        _unlink_quietly(out)
        raise BackupDamaged(f"{path} is damaged or was altered (checksum mismatch); refusing it")
    try:
        _check_database(out, path)
    except BaseException:
        _unlink_quietly(out)
        raise
    return manifest


def _read_chunks(fh: BinaryIO, length: int) -> Iterator[bytes]:
    left = length
    while left > 0:
        chunk = fh.read(min(CHUNK, left))
        if not chunk:
            raise BackupDamaged(f"{fh.name} is truncated; refusing it")
        left -= len(chunk)
        yield chunk


def _decrypt_chunks(
    fh: BinaryIO, body_len: int, size: int, enc: Any, raw_header: bytes, passphrase: str | None, path: Path
) -> Iterator[bytes]:
    """Yield the plaintext chunk by chunk; each chunk is authenticated before it is yielded."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if passphrase is None:
        raise PassphraseNeeded(f"{path} is encrypted: a passphrase is needed")
    try:
        kdf = enc["kdf"]
        if enc["cipher"] != "AES-256-GCM" or enc["layout"] != "stream" or kdf["name"] != "scrypt":
            raise BackupError(f"{path} uses an encryption this relj does not know")
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        chunk_size = int(enc["chunk_size"])
        salt = _unb64(kdf["salt"], "salt", path)
        prefix = _unb64(enc["nonce_prefix"], "nonce", path)
        check = _unb64(enc["key_check"], "key check", path)
    except (KeyError, TypeError, ValueError):
        raise BackupDamaged(f"{path} is damaged (bad encryption header); refusing it") from None
    if not (1 < n <= SCRYPT_MAX_N and n & (n - 1) == 0 and 0 < r <= SCRYPT_MAX_R and 0 < p <= SCRYPT_MAX_P):
        raise BackupDamaged(f"{path} has implausible key-derivation settings; refusing it")
    count = max(1, -(-size // chunk_size)) if 0 < chunk_size <= 1 << 30 else 0
    if len(prefix) != NONCE_PREFIX_LEN or count == 0 or body_len != size + count * TAG_LEN:
        raise BackupDamaged(f"{path} is damaged or was altered (its sizes do not add up); refusing it")
    key, expected = _derive(passphrase, salt, n, r, p)
    if not _secrets.compare_digest(check, expected):
        raise WrongPassphrase(f"wrong passphrase for {path}; nothing was changed")
    aead = AESGCM(key)
    fh.seek(0)
    for index in range(count):
        last = index == count - 1
        sealed = fh.read(min(chunk_size, size - index * chunk_size) + TAG_LEN)
        try:
            yield aead.decrypt(_nonce(prefix, index, last), sealed, raw_header if last else b"")
        except InvalidTag:
            raise BackupDamaged(
                f"{path} is damaged or was altered (authentication failed); refusing it"
            ) from None


def _check_database(db_file: Path, path: Path) -> None:
    """The extracted database must be a sound relj journal of a schema this relj knows."""
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            raise BackupDamaged(f"{path} holds a damaged database ({result[0]}); refusing it")
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                            [dbmod.MIGRATIONS_TABLE]).fetchone():
            raise BackupDamaged(f"{path} does not hold a relj journal; refusing it")
        _refuse_newer_schema(dbmod.applied_migrations(conn), path)
    except sqlite3.DatabaseError as exc:
        raise BackupDamaged(f"{path} holds a damaged database ({exc}); refusing it") from None
    finally:
        conn.close()


def verify_backup(path: Path, *, passphrase: str | None = None, workdir: Path | None = None) -> Manifest:
    """Check a backup completely: header, checksum or authentication tag, and the database inside.

    The database is decrypted into a private scratch file in ``workdir`` (default: a private
    temporary folder) and deleted afterwards.
    """
    import tempfile

    path = Path(path)
    manifest = read_manifest(path)
    if manifest.encrypted and passphrase is None:
        raise PassphraseNeeded(f"{path} is encrypted: a passphrase is needed")
    with tempfile.TemporaryDirectory(prefix="relj-verify-", dir=workdir) as tmp:
        os.chmod(tmp, 0o700)
        return _extract(path, Path(tmp) / "journal.db", passphrase)


# -- restore ---------------------------------------------------------------------------------
def _take_journal(db_path: Path) -> sqlite3.Connection:
    """Take the journal for ourselves: switch it out of WAL mode, which folds the WAL in, deletes
    the -wal and -shm files, and fails while any other connection (the app, a CLI command) is open.
    """
    conn = sqlite3.connect(str(db_path), isolation_level=None, check_same_thread=False, timeout=2)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise sqlite3.OperationalError("database is locked")
    except sqlite3.OperationalError as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise _in_use(db_path) from None
        raise
    except BaseException:
        conn.close()
        raise
    return conn


def _in_use(db_path: Path) -> JournalInUse:
    return JournalInUse(f"{db_path} is in use by another relj (is the app open?); close it and try again")


def _lock_exclusive(conn: sqlite3.Connection, db_path: Path, version: int) -> None:
    """An exclusive lock (no reader, no writer) for the swap; refuse if anyone wrote since ``version``."""
    try:
        conn.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError:
        raise _in_use(db_path) from None
    if int(conn.execute("PRAGMA data_version").fetchone()[0]) != version:
        conn.execute("ROLLBACK")
        raise _in_use(db_path)


def _set_aside_damaged(db_path: Path, stamp: str) -> Path:
    """A journal SQLite cannot read cannot be backed up with the backup API: keep its files as they are."""
    directory = paths.backups_dir(db_path)
    _ensure_private_dir(directory)
    target = directory / f"{db_path.stem}-{stamp}-pre-restore-damaged.db"
    for suffix in ("", "-wal"):
        src = Path(f"{db_path}{suffix}")
        if src.exists():
            dst = Path(f"{target}{suffix}")
            with open(src, "rb") as fin, _private_create(dst) as fout:
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
    _refuse_newer_schema(manifest.schema, backup_file)
    if manifest.encrypted and passphrase is None:
        raise PassphraseNeeded(f"{backup_file} is encrypted: a passphrase is needed")
    if db_path.is_dir():
        raise UserError(f"{db_path} is a directory, not a journal file")
    _ensure_private_dir(db_path.parent)
    part = _scratch_path(db_path, "restore")
    _extract(backup_file, part, passphrase)
    lock: sqlite3.Connection | None = None
    previous: Path | None = None
    try:
        if db_path.exists() and db_path.stat().st_size > 0:
            try:
                lock = _take_journal(db_path)
            except sqlite3.DatabaseError:
                lock = None
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
            _unlink_quietly(Path(f"{db_path}{suffix}"))
        os.chmod(part, 0o600)
        os.replace(part, db_path)
        _fsync_dir(db_path.parent)
    except OSError as exc:
        raise _write_error(db_path, exc) from None
    finally:
        if lock is not None:
            lock.close()
        _unlink_quietly(part)
    from relj.store import Store

    store = Store.open(db_path, create=False)
    try:
        counts = store.counts()
    finally:
        store.close()
    log.info("journal restored: people=%s, interactions=%s", counts.get("person"), counts.get("interaction"))
    return RestoreResult(manifest=manifest, previous=previous, counts=counts)


# -- the backups folder ----------------------------------------------------------------------
def new_backup_path(db_path: Path, kind: str, now: dt.datetime | None = None, directory: Path | None = None) -> Path:
    """``<stem>-YYYYmmdd-HHMMSS-<kind>.reljbak`` in the backups folder (or ``directory``), never reused."""
    if kind not in KINDS:
        raise ValueError(kind)
    now = now or dt.datetime.now()
    directory = directory or paths.backups_dir(db_path)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    stem = Path(db_path).stem
    candidate = directory / f"{stem}-{stamp}-{kind}{SUFFIX}"
    n = 2
    while candidate.exists():
        candidate = directory / f"{stem}-{stamp}-{n}-{kind}{SUFFIX}"
        n += 1
    return candidate


def parse_name(name: str) -> tuple[str, dt.datetime, str] | None:
    """(stem, time, kind) from a backup file name, or None."""
    m = _NAME_RE.match(name)
    if not m:
        return None
    try:
        stamp = dt.datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return m["stem"], stamp, m["kind"]


def list_backups(db_path: Path, directory: Path | None = None) -> list[BackupInfo]:
    """Backups in the journal's backups folder, newest first. Damaged files are listed with their problem."""
    directory = directory or paths.backups_dir(db_path)
    if not directory.is_dir():
        return []
    out: list[BackupInfo] = []
    for p in directory.iterdir():
        if p.name.startswith(".") or not p.is_file():
            continue
        if p.suffix != SUFFIX and not (p.suffix == ".db" and "-pre-" in p.name):
            continue
        parsed = parse_name(p.name)
        manifest: Manifest | None = None
        problem: str | None = None
        if p.suffix == SUFFIX:
            try:
                manifest = read_manifest(p)
            except UserError as exc:
                problem = str(exc)
        else:
            problem = "a bare SQLite snapshot (older relj); open it with --db to inspect it"
        out.append(BackupInfo(
            path=p, size=p.stat().st_size, manifest=manifest, problem=problem,
            kind=parsed[2] if parsed else None,
            stamp=parsed[1] if parsed else dt.datetime.fromtimestamp(p.stat().st_mtime),
        ))

    def key(info: BackupInfo) -> float:
        when = info.when
        if when is None:
            return 0.0
        return when.timestamp() if when.tzinfo else when.astimezone().timestamp()

    out.sort(key=key, reverse=True)
    return out


def latest_backup(db_path: Path) -> Path | None:
    """The newest usable backup of this journal, if any."""
    for info in list_backups(db_path):
        if info.problem is None:
            return info.path
    return None


def restore_hint(db_path: Path) -> str:
    """What a user with an unreadable journal can do; names their newest backup."""
    try:
        newest = latest_backup(Path(db_path))
    except OSError:
        newest = None
    if newest is not None:
        return f"restore your latest backup with `relj backup restore {newest}`"
    return f"no backup found in {paths.backups_dir(Path(db_path))}; restore one with `relj backup restore FILE`"


def last_backup_time(db_path: Path) -> dt.datetime | None:
    """When the newest backup of any kind was made (from the file names: no file is opened)."""
    directory = paths.backups_dir(db_path)
    if not directory.is_dir():
        return None
    stamps = [p[1] for f in directory.glob(f"*{SUFFIX}") if (p := parse_name(f.name))]
    return max(stamps, default=None)


# -- automatic backups and rotation ----------------------------------------------------------
def plan_rotation(stamps: list[dt.datetime], policy: BackupPolicy) -> set[dt.datetime]:
    """Which backup times to keep: the newest of each of the last ``daily`` days, ``weekly`` ISO
    weeks and ``monthly`` months that have a backup (union of the three), and always the newest.
    """
    ordered = sorted(set(stamps), reverse=True)
    keep: set[dt.datetime] = set(ordered[:1])
    periods: list[tuple[int, Callable[[dt.datetime], tuple[int, ...]]]] = [
        (policy.daily, lambda t: (t.year, t.month, t.day)),
        (policy.weekly, lambda t: tuple(t.isocalendar()[:2])),
        (policy.monthly, lambda t: (t.year, t.month)),
    ]
    for count, period in periods:
        seen: set[tuple[int, ...]] = set()
        for t in ordered:
            if len(seen) >= count:
                break
            p = period(t)
            if p not in seen:
                seen.add(p)
                keep.add(t)
    return keep


def rotate(db_path: Path, policy: BackupPolicy) -> list[Path]:
    """Delete automatic backups the policy no longer keeps. Other kinds are never deleted."""
    directory = paths.backups_dir(db_path)
    stem = Path(db_path).stem
    autos: dict[dt.datetime, list[Path]] = {}
    for f in directory.glob(f"*-auto{SUFFIX}"):
        parsed = parse_name(f.name)
        if parsed and parsed[0] == stem:
            autos.setdefault(parsed[1], []).append(f)
    keep = plan_rotation(list(autos), policy)
    removed: list[Path] = []
    for stamp, files in autos.items():
        if stamp not in keep:
            for f in files:
                _unlink_quietly(f)
                removed.append(f)
    if removed:
        log.info("backup rotation: %d removed, %d kept", len(removed), len(keep))
    return removed


def auto_backup(
    db_path: Path,
    policy: BackupPolicy | None = None,
    now: dt.datetime | None = None,
    *,
    passphrase: str | None = None,
) -> Path | None:
    """Make today's automatic backup if there is none yet, then rotate. Returns the new file or None.

    With ``policy.encrypt`` the passphrase comes from the argument or the keyring; without one
    this raises PassphraseNeeded (the app asks, or reports it) rather than write a plain backup.
    """
    policy = policy or BackupPolicy()
    now = now or dt.datetime.now()
    db_path = Path(db_path)
    if not policy.enabled or not db_path.exists():
        return None
    directory = paths.backups_dir(db_path)
    stem = db_path.stem
    if directory.is_dir():
        for f in directory.glob(f"*-auto{SUFFIX}"):
            parsed = parse_name(f.name)
            if parsed and parsed[0] == stem and parsed[1].date() == now.date():
                return None
    if policy.encrypt and passphrase is None:
        from relj import secrets

        passphrase = os.environ.get(PASSPHRASE_ENV) or secrets.get_passphrase()
        if not passphrase:
            raise PassphraseNeeded("automatic backups are encrypted, but no passphrase is stored in the keyring")
    target = new_backup_path(db_path, "auto", now)
    create_backup(db_path, target, passphrase=passphrase if policy.encrypt else None, now=now)
    rotate(db_path, policy)
    return target


# -- sync folders ----------------------------------------------------------------------------
_SYNC_NAMES = (
    ("dropbox", "Dropbox"),
    ("onedrive", "OneDrive"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("pcloud", "pCloud"),
    ("icloud drive", "iCloud Drive"),
    ("icloud~", "iCloud Drive"),
    ("com~apple~clouddocs", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("box sync", "Box"),
    ("megasync", "MEGA"),
    ("yandex.disk", "Yandex Disk"),
    ("seafile", "Seafile"),
    ("sync.com", "Sync.com"),
)
_SYNC_MARKERS = ((".stfolder", "Syncthing"), (".sync", "Resilio Sync"), (".dropbox", "Dropbox"))


def sync_folder_warning(path: Path) -> str | None:
    """A warning if the journal lives in a folder that a file-sync service copies, else None.

    Sync services copy the database and its -wal file apart, which can corrupt it.
    """
    try:
        resolved = Path(path).expanduser().resolve()
    except OSError:
        return None
    service: str | None = None
    for part in resolved.parent.parts:
        low = part.casefold()
        for prefix, name in _SYNC_NAMES:
            if low.startswith(prefix):
                service = name
                break
        if service:
            break
    if service is None:
        for directory in [resolved.parent, *resolved.parent.parents]:
            for marker, name in _SYNC_MARKERS:
                try:
                    if (directory / marker).exists():
                        service = name
                        break
                except OSError:
                    continue
            if service:
                break
    if service is None:
        return None
    return (
        f"the journal {resolved} is inside a {service} folder: syncing a live database can corrupt it. "
        "Keep the journal outside synced folders and sync its backups instead "
        "(`relj backup create --to FOLDER`)"
    )
