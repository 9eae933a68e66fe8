"""The backup file format: constants, errors, the header (parsed with bounds), the manifest, keys.

Layout (docs/backup-format.md)::

    body      the SQLite snapshot (plain) or its AES-256-GCM ciphertext, sealed in chunks
    header    UTF-8 JSON: the manifest, and for an encrypted backup the scrypt and GCM parameters
    trailer   52 bytes: body length (u64), header length (u32), sha256(header), b"RELJBAK1"

The header's checksum is public: anyone can rewrite a header and its checksum. So everything in a
header is treated as hostile until checked: its size is bounded before it is read, its nesting
before it is parsed, its numbers while they are parsed, and the key-derivation cost it asks for
before any key is derived.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import stat
import struct
from pathlib import Path
from typing import Any, BinaryIO, TypeGuard

from relj.errors import JournalTooNew, UserError

MAGIC = b"RELJBAK1"
FORMAT = "relj-backup"
FORMAT_VERSION = 1
SUFFIX = ".reljbak"
#: body length, header length, sha256 of the header, magic.
TRAILER = struct.Struct(">QI32s8s")
CHUNK = 4 << 20
#: A real header is about 1 kB; this bound is checked before a byte of it is read.
MAX_HEADER = 64 << 10
#: A real header nests 3 deep (header > encryption > kdf).
MAX_DEPTH = 8
TAG_LEN = 16
NONCE_PREFIX_LEN = 7
#: Plaintext bytes per encrypted chunk (each chunk is sealed with its own GCM tag).
ENC_CHUNK = 4 << 20
SALT_LEN = 16
#: scrypt cost for new backups: about 0.3 s and 128 MiB on a 2020s laptop (OWASP's recommendation).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
#: The most a header may ask for: exactly what relj writes. A header is public (its checksum is no
#: seal), so a higher cost can only come from someone who altered it to make us spend gigabytes
#: and minutes. A relj that raises SCRYPT_* must raise these with it.
SCRYPT_MAX_N, SCRYPT_MAX_R, SCRYPT_MAX_P = 2**17, 8, 1
#: Integers in a header are sizes and counts: 19 digits hold any of them.
_MAX_INT_DIGITS = 19


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


def damaged(path: Path, why: str) -> BackupDamaged:
    return BackupDamaged(f"{path} is damaged or was altered ({why}); refusing it")


@dataclasses.dataclass(frozen=True)
class Encryption:
    """The checked encryption parameters of a backup."""

    chunk_size: int
    nonce_prefix: bytes
    salt: bytes
    n: int
    r: int
    p: int
    key_check: bytes

    def chunks(self, size: int) -> int:
        return max(1, -(-size // self.chunk_size))


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
    encryption: Encryption | None = dataclasses.field(default=None, repr=False, compare=False)

    @property
    def created_at(self) -> dt.datetime | None:
        try:
            when = dt.datetime.fromisoformat(self.created)
        except ValueError:
            return None
        # Far years cannot be converted to local time or a timestamp on every platform.
        return when if 1971 <= when.year <= 9000 else None

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


# -- keys ------------------------------------------------------------------------------------
def derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    """scrypt -> (AES-256 key, key check). The check tells a wrong passphrase from a damaged file."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if not (1 < n <= SCRYPT_MAX_N and 0 < r <= SCRYPT_MAX_R and 0 < p <= SCRYPT_MAX_P):
        raise ValueError("scrypt cost out of bounds")  # checked by the parser; never reached from a file
    out = Scrypt(salt=salt, length=64, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))
    check = hashlib.sha256(b"relj-backup key check\0" + out[32:]).digest()[:16]
    return out[:32], check


def nonce(prefix: bytes, index: int, last: bool) -> bytes:
    """STREAM nonces (Hoang, Reyhanitabar, Rogaway, Vizár): a random prefix, the chunk counter and a
    last-chunk flag, so chunks can be neither reordered nor dropped, nor the file cut short."""
    return prefix + index.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, what: str, path: Path) -> bytes:
    if not isinstance(text, str) or len(text) > 256:
        raise damaged(path, f"bad {what} in the header")
    try:
        return base64.b64decode(text, validate=True)
    except (ValueError, binascii.Error):
        raise damaged(path, f"bad {what} in the header") from None


# -- writing ---------------------------------------------------------------------------------
def encode_header(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def trailer(header: bytes, body_len: int) -> bytes:
    return TRAILER.pack(body_len, len(header), hashlib.sha256(header).digest(), MAGIC)


# -- reading ---------------------------------------------------------------------------------
class _Refused(ValueError):
    """A JSON value that no relj header holds (a float, NaN, a 400-digit integer, a repeated key)."""


def _no_float(text: str) -> Any:
    raise _Refused(f"its header holds the number {text[:20]}, which no relj header holds")


def _small_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS:
        raise _Refused("its header holds an integer too long for a size or a count")
    return int(text)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Refused("its header gives a key twice")
    return out


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


def _depth(text: str) -> int:
    """How deeply the JSON text nests, strings aside: checked before parsing (no recursion)."""
    depth = deepest = 0
    for m in _BRACKETS.finditer(_STRING.sub('""', text)):
        depth += 1 if m.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def parse_header(raw: bytes, path: Path) -> dict[str, Any]:
    """The header's JSON, with bounds: never a float, a huge integer, deep nesting or a repeated key."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise damaged(path, "unreadable header") from None
    if _depth(text) > MAX_DEPTH:
        raise damaged(path, "its header nests too deeply")
    try:
        header = json.loads(text, parse_float=_no_float, parse_constant=_no_float, parse_int=_small_int,
                            object_pairs_hook=_unique_keys)
    except _Refused as exc:
        raise damaged(path, str(exc)) from None
    except (json.JSONDecodeError, RecursionError, ValueError):
        raise damaged(path, "unreadable header") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise NotABackup(f"{path} is not a relj backup")
    version = header.get("format_version")
    if not _is_int(version) or version > FORMAT_VERSION:
        raise BackupError(f"{path} uses backup format {version!r:.20}; this relj reads up to {FORMAT_VERSION}")
    return header


def read_header(fh: BinaryIO, path: Path) -> tuple[dict[str, Any], bytes, int]:
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
    if body_len + header_len + TRAILER.size != total:
        raise damaged(path, "its sizes do not add up")
    if header_len > MAX_HEADER:
        raise damaged(path, f"its header is {header_len:,} bytes, a relj header is at most {MAX_HEADER:,}")
    fh.seek(body_len)
    raw = fh.read(header_len)
    if hashlib.sha256(raw).digest() != header_sha:
        raise damaged(path, "header checksum mismatch")
    return parse_header(raw, path), raw, body_len


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: Any, limit: int = 200) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise TypeError
    return value


def _count(value: Any) -> int:
    if not _is_int(value) or not 0 <= value < 1 << 62:
        raise TypeError
    return int(value)


def _encryption(enc: Any, path: Path) -> Encryption:
    """Check every encryption parameter, the scrypt cost first: nothing is derived from a bad one."""
    try:
        kdf = enc["kdf"]
        if enc["cipher"] != "AES-256-GCM" or enc["layout"] != "stream" or kdf["name"] != "scrypt":
            raise BackupError(f"{path} uses an encryption this relj does not know")
        n, r, p, chunk_size = kdf["n"], kdf["r"], kdf["p"], enc["chunk_size"]
        if not all(_is_int(v) for v in (n, r, p, chunk_size)):
            raise TypeError
        if not (1 < n <= SCRYPT_MAX_N and n & (n - 1) == 0 and 0 < r <= SCRYPT_MAX_R and 0 < p <= SCRYPT_MAX_P):
            raise damaged(path, "its header asks for a key-derivation cost above what relj writes")
        if not 0 < chunk_size <= 1 << 30:
            raise damaged(path, "bad chunk size in the header")
        out = Encryption(chunk_size=chunk_size, nonce_prefix=unb64(enc["nonce_prefix"], "nonce", path),
                         salt=unb64(kdf["salt"], "salt", path), n=n, r=r, p=p,
                         key_check=unb64(enc["key_check"], "key check", path))
    except (KeyError, TypeError):
        raise damaged(path, "bad encryption header") from None
    if len(out.nonce_prefix) != NONCE_PREFIX_LEN or len(out.key_check) != 16 or not 8 <= len(out.salt) <= 64:
        raise damaged(path, "bad encryption header")
    return out


def manifest_from(header: dict[str, Any], path: Path, body_len: int | None = None) -> Manifest:
    """The manifest in a parsed header, every field checked for type and bounds (and the body's
    length against it, when known)."""
    try:
        payload = header["payload"]
        schema, counts = header["schema"], header["counts"]
        if not isinstance(schema, list) or not isinstance(counts, dict) or len(schema) > 10_000 or len(counts) > 1000:
            raise TypeError
        size, sha = _count(payload["size"]), _text(payload["sha256"], 64)
        if not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise TypeError
        manifest = Manifest(
            created=_text(header["created"], 64),
            app_version=_text(header["app_version"], 64),
            schema=tuple(_text(s) for s in schema),
            counts={_text(k): _count(v) for k, v in counts.items()},
            size=size,
            sha256=sha,
            encrypted=header.get("encryption") is not None,
            raw=header,
            encryption=None if header.get("encryption") is None else _encryption(header["encryption"], path),
        )
    except (KeyError, TypeError, ValueError):
        raise BackupDamaged(f"{path} is damaged (incomplete manifest); refusing it") from None
    if body_len is not None:
        enc = manifest.encryption
        expected = size if enc is None else size + enc.chunks(size) * TAG_LEN
        if body_len != expected:
            raise damaged(path, "its sizes do not add up")
    return manifest


def open_backup(path: Path) -> BinaryIO:
    """Open a backup for reading; a folder, a device or a FIFO is refused (a FIFO would never end)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UserError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a directory, not a backup file") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise UserError(f"{path} is a directory, not a backup file")
        raise NotABackup(f"{path} is not a relj backup (not a regular file)")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_manifest(path: Path) -> Manifest:
    """The manifest of a backup, after checking its trailer, header checksum and every header field
    (cheap: the body is not read)."""
    path = Path(path)
    try:
        with open_backup(path) as fh:
            header, _, body_len = read_header(fh, path)
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    return manifest_from(header, path, body_len)


def refuse_newer_schema(schema: tuple[str, ...] | list[str], path: Path) -> None:
    from relj import db as dbmod

    known = dbmod.known_migrations()
    unknown = [s for s in schema if s not in known]
    if unknown:
        raise JournalTooNew(
            f"{path} was made by a newer relj (unknown schema step {unknown[-1]}); upgrade relj to restore it"
        )
