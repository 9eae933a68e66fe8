"""What a source may be: its kind, its path, and the options of its import, checked before anything is written."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from relj.errors import UserError
from relj.interop.formats import FORMATS

#: Source kinds: the formats of `relj import` that can be re-read, and a phone inbox.
KINDS: dict[str, str] = {
    **FORMATS,
    "phone-inbox": "Phone inbox (a folder your phone fills)",
}
FOLDER_KINDS = frozenset({"maildir", "phone-inbox"})
#: Which options each kind takes (those of its `relj import` command).
_EVENT = frozenset({"create_people", "min_messages"})
ALLOWED: dict[str, frozenset[str]] = {
    "mbox": _EVENT | {"me"},
    "maildir": _EVENT | {"me"},
    "eml": _EVENT | {"me"},
    "ics": _EVENT | {"me"},
    "vcard": frozenset({"me"}),
    "csv": frozenset({"me", "map"}),
    "calls": _EVENT,
    "sms": _EVENT,
    "whatsapp": _EVENT | {"me_names"},
    "thunderbird-calendar": _EVENT | {"me"},
    "evolution-contacts": frozenset({"me"}),
    "phone-inbox": _EVENT | {"me", "me_names"},
}
#: How the command line spells each option.
FLAGS = {"create_people": "--create-people", "min_messages": "--min-messages", "me": "--me",
         "me_names": "--me-name", "map": "--map"}
MAX_MIN_MESSAGES = 1_000_000


def check_kind(kind: str) -> str:
    if kind == "json":
        raise UserError("a JSON journal is imported once (`relj import json`), not re-read as a source")
    if kind not in KINDS:
        raise UserError(f"unknown source kind {kind!r}: use one of {', '.join(KINDS)}")
    return kind


def check_path(kind: str, path: Path) -> Path:
    """The absolute path of an existing file or folder of the right sort for ``kind``."""
    path = Path(path).expanduser()
    try:
        path = path.resolve(strict=True)
    except FileNotFoundError:
        raise UserError(f"no such {'folder' if kind in FOLDER_KINDS else 'file'}: {path}") from None
    except (OSError, RuntimeError) as exc:
        raise UserError(f"cannot use {path}: {getattr(exc, 'strerror', None) or exc}") from None
    if kind in FOLDER_KINDS and not path.is_dir():
        raise UserError(f"{path} is a file; a {kind} source is a folder")
    if kind == "maildir" and not any((path / sub).is_dir() for sub in ("cur", "new")):
        raise UserError(f"{path}: not a Maildir (no cur/ or new/ folder)")
    if kind not in FOLDER_KINDS and not path.is_file():
        raise UserError(f"{path} is {'a folder' if path.is_dir() else 'not a regular file'}; "
                        f"a {kind} source is a file")
    return path


def check_options(kind: str, options: Mapping[str, Any]) -> dict[str, Any]:
    """The options in their stored form; a UserError naming the first one that is wrong."""
    out: dict[str, Any] = {}
    for key, value in options.items():
        if key not in FLAGS:
            raise UserError(f"unknown source option {key!r}")
        if key not in ALLOWED[kind]:
            raise UserError(f"{FLAGS[key]} is not an option of a {kind} source")
        if key == "create_people":
            if not isinstance(value, bool):
                raise UserError("--create-people is on or off")
            if value:
                out[key] = True
        elif key == "min_messages":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_MIN_MESSAGES:
                raise UserError(f"--min-messages must be a number from 1 to {MAX_MIN_MESSAGES:,}")
            if value != 1:
                out[key] = value
        elif key in ("me", "me_names"):
            if isinstance(value, str) or not all(isinstance(v, str) for v in value):
                raise UserError(f"{FLAGS[key]} takes a list of texts")
            items = [" ".join(v.split()) for v in value if v.strip()]
            if key == "me":
                bad = [v for v in items if "@" not in v or " " in v]
                if bad:
                    raise UserError(f"--me {bad[0]!r} is not an email address")
            if items:
                out[key] = list(dict.fromkeys(items))
        elif key == "map":
            if not isinstance(value, str) or not value.strip():
                raise UserError("--map takes a column spec, e.g. 'name=Full Name,email=E-mail 1'")
            from relj.interop.csvio import parse_map_spec

            parse_map_spec(value)
            out[key] = value
    if "min_messages" in out and not out.get("create_people"):
        raise UserError("--min-messages only counts with --create-people")
    return out
