"""Backups: one portable file per snapshot. Create, verify, restore, list, rotate; AES-256-GCM encryption.

The file format is described in docs/backup-format.md. The package's modules:

    format      constants, errors, the header (parsed with bounds) and manifest, keys
    files       private files, scratch folders and their cleanup, plaintext without a name
    create      snapshot, manifest, encryption
    restore     verify and restore
    rotation    names, listing, automatic backups and rotation
    sync        the warning for a journal inside a synced folder

Every public name is importable from here, loaded on first use. ``SCRYPT_N`` (and the other costs) and ``ENC_CHUNK``
are read from this package when a backup is made, so setting them here takes effect.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from relj.backup.create import create_backup
    from relj.backup.files import clean_scratch, scratch_root
    from relj.backup.format import (
        CHUNK,
        ENC_CHUNK,
        FORMAT,
        FORMAT_VERSION,
        MAGIC,
        MAX_DEPTH,
        MAX_HEADER,
        NONCE_PREFIX_LEN,
        SALT_LEN,
        SCRYPT_MAX_N,
        SCRYPT_MAX_P,
        SCRYPT_MAX_R,
        SCRYPT_N,
        SCRYPT_P,
        SCRYPT_R,
        SUFFIX,
        TAG_LEN,
        TRAILER,
        BackupDamaged,
        BackupError,
        BackupInfo,
        Encryption,
        JournalInUse,
        Manifest,
        NotABackup,
        PassphraseNeeded,
        RestoreResult,
        WrongPassphrase,
        describe_counts,
        read_manifest,
    )
    from relj.backup.restore import restore_backup, verify_backup
    from relj.backup.rotation import (
        KINDS,
        PASSPHRASE_ENV,
        POLICY_SETTING,
        BackupPolicy,
        auto_backup,
        last_backup_time,
        latest_backup,
        list_backups,
        load_policy,
        new_backup_path,
        parse_name,
        plan_rotation,
        restore_hint,
        rotate,
        save_policy,
    )
    from relj.backup.sync import sync_folder_warning

_HOME: dict[str, str] = {  # each public name and the module that defines it
    **dict.fromkeys((
        "create_backup",
    ), "create"),
    **dict.fromkeys((
        "clean_scratch", "scratch_root",
    ), "files"),
    **dict.fromkeys((
        "CHUNK", "ENC_CHUNK", "FORMAT", "FORMAT_VERSION", "MAGIC", "MAX_DEPTH", "MAX_HEADER",
        "NONCE_PREFIX_LEN", "SALT_LEN", "SCRYPT_MAX_N", "SCRYPT_MAX_P", "SCRYPT_MAX_R", "SCRYPT_N",
        "SCRYPT_P", "SCRYPT_R", "SUFFIX", "TAG_LEN", "TRAILER", "BackupDamaged", "BackupError",
        "BackupInfo", "Encryption", "JournalInUse", "Manifest", "NotABackup", "PassphraseNeeded",
        "RestoreResult", "WrongPassphrase", "describe_counts", "read_manifest",
    ), "format"),
    **dict.fromkeys((
        "restore_backup", "verify_backup",
    ), "restore"),
    **dict.fromkeys((
        "KINDS", "PASSPHRASE_ENV", "POLICY_SETTING", "BackupPolicy", "auto_backup",
        "last_backup_time", "latest_backup", "list_backups", "load_policy", "new_backup_path",
        "parse_name", "plan_rotation", "restore_hint", "rotate", "save_policy",
    ), "rotation"),
    **dict.fromkeys((
        "sync_folder_warning",
    ), "sync"),
}


def __getattr__(name: str) -> Any:
    """Import a submodule when one of its names is first used, so `relj reconnect` (which only
    cleans scratch folders) does not load the encryption and restore code."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CHUNK", "ENC_CHUNK", "FORMAT", "FORMAT_VERSION", "KINDS", "MAGIC", "MAX_DEPTH", "MAX_HEADER",
    "NONCE_PREFIX_LEN", "PASSPHRASE_ENV", "POLICY_SETTING", "SALT_LEN", "SCRYPT_MAX_N", "SCRYPT_MAX_P",
    "SCRYPT_MAX_R", "SCRYPT_N", "SCRYPT_P", "SCRYPT_R", "SUFFIX", "TAG_LEN", "TRAILER",
    "BackupDamaged", "BackupError", "BackupInfo", "BackupPolicy", "Encryption", "JournalInUse", "Manifest",
    "NotABackup", "PassphraseNeeded", "RestoreResult", "WrongPassphrase",
    "auto_backup", "clean_scratch", "create_backup", "describe_counts", "last_backup_time", "latest_backup",
    "list_backups", "load_policy", "new_backup_path", "parse_name", "plan_rotation", "read_manifest",
    "restore_backup", "restore_hint", "rotate", "save_policy", "scratch_root", "sync_folder_warning",
    "verify_backup",
]
