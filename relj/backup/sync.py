"""A warning for a journal inside a folder that a file-sync service copies."""

from __future__ import annotations

from pathlib import Path

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
