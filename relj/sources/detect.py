"""Find, read-only, the local stores of the mail and calendar programs a Linux user has.

``detect(home)`` looks for Thunderbird profiles (through ``profiles.ini``), Evolution's local
mail, calendars and contacts, and an ``~/Maildir`` or ``~/Mail``, and returns each store it finds
(an empty one included) as a ``Found``: a proposal the user may turn into a source. Nothing here
writes, renames or locks a file; every walk is bounded in depth and size, never follows a symlink
into a folder it has already seen (no endless loops), and skips a folder it cannot read.
"""

from __future__ import annotations

import configparser
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

log = logging.getLogger(__name__)

#: Kinds for stores relj finds but reads with a reader of their own (not a `relj import` format).
THUNDERBIRD_CALENDAR = "thunderbird-calendar"
EVOLUTION_CONTACTS = "evolution-contacts"

#: Where Thunderbird keeps its profiles.ini, relative to the home folder (native, Debian's old
#: name, snap, flatpak under its old and new ids).
THUNDERBIRD_ROOTS = (
    ".thunderbird",
    ".mozilla-thunderbird",
    "snap/thunderbird/common/.thunderbird",
    ".var/app/org.mozilla.Thunderbird/.thunderbird",
    ".var/app/net.thunderbird.Thunderbird/.thunderbird",
)
#: Evolution's data folder, native and flatpak.
EVOLUTION_ROOTS = (".local/share/evolution", ".var/app/org.gnome.Evolution/data/evolution")

#: Files beside Thunderbird's mbox files that are not mail.
_NOT_MBOX = (
    ".msf", ".dat", ".json", ".js", ".sqlite", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal",
    ".html", ".htm", ".mozlz4", ".lz4", ".bak", ".log", ".lock", ".db", ".txt", ".xml", ".ini",
    ".sbd", ".tmp", ".ics", ".vcf", ".eml", ".mab", ".sdb", ".rdf",
)
_MAX_DEPTH = 8  # nested mail folders (Archives.sbd/2024.sbd/…) beyond this are left out
_MAX_ENTRIES = 200_000  # folder entries looked at in one detect(), whatever the tree
_HEAD = 5  # bytes read to recognise an mbox ("From ")
_PREF = re.compile(r'^\s*user_pref\(\s*"([^"]+)"\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)', re.MULTILINE)
_PREFS_LIMIT = 8 * 1024 * 1024  # a prefs.js larger than this is not read


@dataclass(frozen=True)
class Found:
    """A store found on disk: its import kind, where it is, which program keeps it, and what it holds."""

    kind: str  # an import KIND as for `relj import` (mbox, maildir, ics, vcard, ...) or "phone-inbox"
    path: Path
    program: str  # "thunderbird" | "evolution" | "maildir" | "mail"
    what: str  # "mail" | "calendar" | "contacts"


@dataclass
class _Walk:
    """One detection: what was found, what was seen (no loops, no repeats), and what was skipped."""

    found: list[Found] = field(default_factory=list)
    seen_dirs: set[tuple[int, int]] = field(default_factory=set)
    seen_paths: set[str] = field(default_factory=set)
    entries: int = 0
    unreadable: int = 0
    too_deep: int = 0

    def add(self, kind: str, path: Path, program: str, what: str) -> None:
        key = _key(path)
        if key in self.seen_paths:
            return
        self.seen_paths.add(key)
        self.found.append(Found(kind, path, program, what))

    def enter(self, folder: Path) -> bool:
        """True the first time a folder is entered (by any path, symlinks included)."""
        try:
            st = folder.stat()
        except OSError:
            self.unreadable += 1
            return False
        ident = (st.st_dev, st.st_ino)
        if ident in self.seen_dirs:
            return False
        self.seen_dirs.add(ident)
        return True

    def listing(self, folder: Path) -> list[os.DirEntry[str]]:
        """The entries of a folder in name order; none (counted) when it cannot be read."""
        if self.entries >= _MAX_ENTRIES:
            return []
        try:
            with os.scandir(folder) as it:
                entries = []
                for entry in it:
                    entries.append(entry)
                    self.entries += 1
                    if self.entries >= _MAX_ENTRIES:
                        break
        except OSError:
            self.unreadable += 1
            return []
        return sorted(entries, key=lambda e: e.name)


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a symlink loop resolves to nothing
        return str(path)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def _is_maildir(path: Path) -> bool:
    return _is_dir(path / "cur") or _is_dir(path / "new")


def _head(path: Path) -> bytes | None:
    """The first bytes of a regular file, or None when it cannot be read (a pipe is never opened)."""
    try:
        if not path.is_file():
            return None
        with path.open("rb") as fh:
            return fh.read(_HEAD)
    except OSError:
        return None


def detect(home: Path | None = None) -> list[Found]:
    """Every mail, calendar and contacts store found under ``home`` (default: ``$HOME``), read-only.

    Thunderbird stores come first, then Evolution, then ``~/Maildir`` and ``~/Mail``; within a
    program, in the order of its profiles and folders. An empty store is listed too.
    """
    if home is None:
        home = Path(os.environ.get("HOME") or Path.home())
    home = Path(home)
    walk = _Walk()
    for root in THUNDERBIRD_ROOTS:
        for profile in thunderbird_profiles(home / root):
            _thunderbird_profile(walk, profile)
    for root in EVOLUTION_ROOTS:
        _evolution(walk, home / root)
    if _is_dir(home / "Maildir"):
        _mail_folder(walk, home / "Maildir", "maildir", 0)
    if _is_dir(home / "Mail"):
        _mail_folder(walk, home / "Mail", "mail", 0)
    log.info("detect: stores=%d folders=%d entries=%d unreadable=%d too_deep=%d",
             len(walk.found), len(walk.seen_dirs), walk.entries, walk.unreadable, walk.too_deep)
    return walk.found


# -- Thunderbird -------------------------------------------------------------------------------
def thunderbird_profiles(root: Path) -> list[Path]:
    """The profile folders that ``root/profiles.ini`` names (relative or absolute), existing ones only.

    With no readable profiles.ini, the folders directly in ``root`` that hold Mail/ or ImapMail/.
    """
    if not _is_dir(root):
        return []
    paths: list[Path] = []
    ini = root / "profiles.ini"
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        if _is_file(ini):
            with ini.open(encoding="utf-8", errors="replace") as fh:
                parser.read_file(fh)
    except (OSError, configparser.Error):
        log.info("detect: a profiles.ini could not be read")
        parser = configparser.ConfigParser(interpolation=None, strict=False)
    for section in parser.sections():
        sec = parser[section]
        if section.lower().startswith("profile") and sec.get("Path"):
            relative = sec.get("IsRelative", "1").strip() != "0"
            paths.append(_profile_path(root, sec["Path"], relative))
        elif section.lower().startswith("install") and sec.get("Default"):
            paths.append(_profile_path(root, sec["Default"], not os.path.isabs(sec["Default"])))
    if not paths:
        paths = [Path(e.path) for e in _Walk().listing(root)
                 if _is_dir(Path(e.path) / "Mail") or _is_dir(Path(e.path) / "ImapMail")]
    out: list[Path] = []
    keys: set[str] = set()
    for path in paths:
        key = _key(path)
        if key not in keys and _is_dir(path):
            keys.add(key)
            out.append(path)
    return out


def _profile_path(root: Path, value: str, relative: bool) -> Path:
    value = value.strip()
    return root / Path(*value.replace("\\", "/").split("/")) if relative else Path(value)


def _thunderbird_profile(walk: _Walk, profile: Path) -> None:
    prefs = _prefs(profile / "prefs.js")
    mail_roots = [profile / "Mail", profile / "ImapMail"]
    # An account may keep its mail outside the profile (prefs.js: mail.server.serverN.directory).
    for name, value in prefs:
        if name.startswith("mail.server.") and name.endswith(".directory") and os.path.isabs(value):
            mail_roots.append(Path(value).parent)
    for mail_root in mail_roots:
        if not _is_dir(mail_root) or not walk.enter(mail_root):
            continue
        for entry in walk.listing(mail_root):  # one folder per account: Local Folders, imap.example.com
            account = Path(entry.path)
            if _is_dir(account):
                _thunderbird_folder(walk, account, 0)
    for name in ("local.sqlite", "cache.sqlite"):
        store = profile / "calendar-data" / name
        if _is_file(store):
            walk.add(THUNDERBIRD_CALENDAR, store, "thunderbird", "calendar")
    for folder in (profile, profile / "calendar-data"):
        for entry in walk.listing(folder) if _is_dir(folder) else []:
            if entry.name.lower().endswith(".ics") and _is_file(Path(entry.path)):
                walk.add("ics", Path(entry.path), "thunderbird", "calendar")
    # Calendars kept in a file of the user's choosing (calendar.registry.ID.uri = file:///….ics).
    for name, value in prefs:
        if name.startswith("calendar.registry.") and name.endswith(".uri") and value.startswith("file:"):
            path = Path(unquote(urlsplit(value).path))
            if path.suffix.lower() == ".ics" and _is_file(path):
                walk.add("ics", path, "thunderbird", "calendar")


def _prefs(path: Path) -> list[tuple[str, str]]:
    """The string preferences of a prefs.js (optional: none when it is missing or unreadable)."""
    try:
        if not path.is_file() or path.stat().st_size > _PREFS_LIMIT:
            return []
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [(m.group(1), re.sub(r"\\(.)", r"\1", m.group(2))) for m in _PREF.finditer(text)]


def _thunderbird_folder(walk: _Walk, folder: Path, depth: int) -> None:
    """The mailboxes in one Thunderbird account folder: mbox files beside their .msf, maildir folders
    (the maildir store), and the subfolders in ``Name.sbd``."""
    if depth > _MAX_DEPTH:
        walk.too_deep += 1
        return
    if not walk.enter(folder):
        return
    entries = walk.listing(folder)
    names = {e.name for e in entries}
    for entry in entries:
        path = Path(entry.path)
        lower = entry.name.lower()
        if _is_dir(path):
            if lower.endswith(".sbd"):
                _thunderbird_folder(walk, path, depth + 1)
            elif _is_maildir(path):
                walk.add("maildir", path, "thunderbird", "mail")
                if walk.enter(path):
                    for sub in walk.listing(path):  # the maildir store nests subfolders inside
                        if sub.name not in ("cur", "new", "tmp") and _is_dir(Path(sub.path)):
                            _thunderbird_folder(walk, Path(sub.path), depth + 1)
            continue
        if lower.endswith(_NOT_MBOX) or entry.name.startswith("."):
            continue
        head = _head(path)
        if head is None:
            continue
        if f"{entry.name}.msf" in names or head.startswith(b"From "):
            walk.add("mbox", path, "thunderbird", "mail")


# -- Evolution ---------------------------------------------------------------------------------
def _evolution(walk: _Walk, root: Path) -> None:
    if not _is_dir(root):
        return
    local = root / "mail" / "local"
    if _is_dir(local):
        _mail_folder(walk, local, "evolution", 0)
    calendars = root / "calendar"
    if _is_dir(calendars):
        for entry in walk.listing(calendars):  # "system" is the personal calendar; others are local too
            ics = Path(entry.path) / "calendar.ics"
            if _is_file(ics):
                walk.add("ics", ics, "evolution", "calendar")
    books = root / "addressbook"
    if _is_dir(books):
        for entry in walk.listing(books):
            book = Path(entry.path)
            if _is_file(book / "contacts.db"):
                walk.add(EVOLUTION_CONTACTS, book / "contacts.db", "evolution", "contacts")
            for vcf in walk.listing(book) if _is_dir(book) else []:
                if vcf.name.lower().endswith(".vcf") and _is_file(Path(vcf.path)):
                    walk.add("vcard", Path(vcf.path), "evolution", "contacts")


# -- ~/Maildir, ~/Mail and Evolution's local mail ------------------------------------------------
def _mail_folder(walk: _Walk, folder: Path, program: str, depth: int) -> None:
    """A folder of mail in any of the usual layouts: a Maildir (with Maildir++ ``.Sub`` folders),
    one Maildir per subfolder (mbsync, offlineimap), or mbox files (mutt, pine)."""
    if depth > _MAX_DEPTH:
        walk.too_deep += 1
        return
    if not walk.enter(folder):
        return
    if _is_maildir(folder):
        walk.add("maildir", folder, program, "mail")
    for entry in walk.listing(folder):
        path = Path(entry.path)
        if entry.name in ("cur", "new", "tmp"):
            continue
        if _is_dir(path):
            _mail_folder(walk, path, program, depth + 1)
            continue
        if entry.name.startswith(".") or entry.name.lower().endswith(_NOT_MBOX):
            continue
        head = _head(path)
        if head is None:
            continue
        # An mbox starts with "From "; an empty file with no extension is an empty mailbox.
        if head.startswith(b"From ") or (head == b"" and "." not in entry.name):
            walk.add("mbox", path, program, "mail")

