"""The backups folder: names, listing, automatic backups once a day, and rotation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from relj import paths
from relj.backup import files
from relj.backup.format import SUFFIX, BackupInfo, Manifest, PassphraseNeeded, read_manifest
from relj.errors import UserError

log = logging.getLogger(__name__)

KINDS = ("auto", "manual", "pre-restore", "pre-migration")
_NAME_RE = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<kind>" + "|".join(KINDS) + r")\.reljbak$"
)
PASSPHRASE_ENV = "RELJ_BACKUP_PASSPHRASE"
POLICY_SETTING = "backup_policy"


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
    try:
        entries = list(directory.iterdir())
    except OSError as exc:
        raise UserError(f"cannot read {directory}: {exc.strerror or exc}") from None
    for p in entries:
        info = _info(p)
        if info is not None:
            out.append(info)

    def key(info: BackupInfo) -> float:
        when = info.when
        try:
            return 0.0 if when is None else when.timestamp() if when.tzinfo else when.astimezone().timestamp()
        except (OverflowError, ValueError, OSError):
            return 0.0

    out.sort(key=key, reverse=True)
    return out


def _info(p: Path) -> BackupInfo | None:
    """One listed file, or None if it is not a backup. A file that cannot be used is listed with
    its problem: one hostile or damaged file never stops the listing."""
    if p.name.startswith(".") or p.suffix not in (SUFFIX, ".db") or (p.suffix == ".db" and "-pre-" not in p.name):
        return None
    try:
        st = p.stat()
    except OSError:
        return None  # gone meanwhile, or a dangling link
    if not p.is_file():
        return None
    parsed = parse_name(p.name)
    manifest: Manifest | None = None
    problem: str | None = None
    if p.suffix == SUFFIX:
        try:
            manifest = read_manifest(p)
        except UserError as exc:
            problem = str(exc)
        except Exception:  # noqa: BLE001 - a bug in reading one file must not hide the others
            log.exception("a backup's header could not be read")
            problem = f"{p} could not be read (a bug in relj; details are in the log)"
    else:
        problem = "a bare SQLite snapshot (older relj); open it with --db to inspect it"
    return BackupInfo(path=p, size=st.st_size, manifest=manifest, problem=problem,
                      kind=parsed[2] if parsed else None,
                      stamp=parsed[1] if parsed else dt.datetime.fromtimestamp(st.st_mtime))


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
    for stamp, group in autos.items():
        if stamp not in keep:
            for f in group:
                files.unlink_quietly(f)
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
    from relj.backup.create import create_backup

    target = new_backup_path(db_path, "auto", now)
    create_backup(db_path, target, passphrase=passphrase if policy.encrypt else None, now=now)
    rotate(db_path, policy)
    return target


