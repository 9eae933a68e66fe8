"""The relj JSON format: the whole journal as one versioned document (see docs/json-format.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from relj import __version__
from relj.clock import now_iso
from relj.errors import UserError
from relj.interop.textutil import open_regular

FORMAT = "relj-journal"
#: Version 2 (issue 15) adds plans' days, felt, preferences and talking points, and (issue 16) rhythms and
#: moments; version-1 files still import.
FORMAT_VERSION = 2
TOP_LEVEL_LISTS = ("people", "interests", "interactions", "relationships", "followups", "talking_points", "rhythms",
                   "moments")


def write_private(path: Path, data: bytes) -> None:
    """Write a file atomically with mode 0600: exports hold private notes (see relj.fileio.write_atomic)."""
    from relj.fileio import write_atomic

    write_atomic(path, data)


def build_document(data: dict[str, Any], *, source: str, schema: list[str]) -> dict[str, Any]:
    meta = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": now_iso(),
        "source": source,
        "schema": schema,
    }
    return {"meta": meta, **data}


def dumps(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_document(path: Path) -> dict[str, Any]:
    """Read and validate an export; every problem is one UserError naming the file."""
    if not Path(path).exists():
        raise UserError(f"no such file: {path}")
    try:
        with open_regular(Path(path)) as handle:
            raw = handle.read()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text, so not a relj JSON export") from None
    except json.JSONDecodeError as exc:
        raise UserError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        # A relj export is four levels deep; thousands of nested brackets are something else.
        raise UserError(f"{path} is not a relj JSON export (nested too deeply)") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("meta"), dict) or doc["meta"].get("format") != FORMAT:
        raise UserError(f"{path} is not a relj JSON export (no meta.format = {FORMAT!r})")
    version = doc["meta"].get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise UserError(f"{path} uses JSON format version {version}; this relj reads up to {FORMAT_VERSION}")
    for key in TOP_LEVEL_LISTS:
        if not isinstance(doc.get(key, []), list):
            raise UserError(f"{path}: {key!r} must be a list")
    _validate(doc, path)
    return doc


def _validate(doc: dict[str, Any], path: Path) -> None:
    people_ids: set[int] = set()
    for n, p in enumerate(doc.get("people", []), 1):
        where = f"{path}: people[{n}]"
        if not isinstance(p, dict) or not isinstance(p.get("id"), int) or not isinstance(p.get("name"), str):
            raise UserError(f"{where} needs an integer id and a name")
        if not p["name"].strip():
            raise UserError(f"{where} has an empty name")
        people_ids.add(p["id"])
        for c in p.get("contacts", []):
            if not isinstance(c, dict) or c.get("kind") not in ("email", "phone", "address", "url") \
                    or not isinstance(c.get("value"), str):
                raise UserError(f"{where}: bad contact point {c!r}")
    for n, i in enumerate(doc.get("interactions", []), 1):
        where = f"{path}: interactions[{n}]"
        if not isinstance(i, dict) or not isinstance(i.get("id"), int):
            raise UserError(f"{where} needs an integer id")
        if i.get("channel") not in ("in-person", "video", "phone", "text", "email", "letter", "social"):
            raise UserError(f"{where}: unknown channel {i.get('channel')!r}")
        parts = i.get("participants")
        if not isinstance(parts, list) or not parts or not all(isinstance(x, int) for x in parts):
            raise UserError(f"{where} needs a non-empty list of participant ids")
        missing = [x for x in parts if x not in people_ids]
        if missing:
            raise UserError(f"{where}: participant #{missing[0]} is not in people")
        try:
            import datetime as dt

            dt.date.fromisoformat(i["occurred_on"])
        except (KeyError, TypeError, ValueError):
            raise UserError(f"{where}: bad occurred_on {i.get('occurred_on')!r}") from None
    for n, r in enumerate(doc.get("relationships", []), 1):
        if not isinstance(r, dict) or r.get("person_a") not in people_ids or r.get("person_b") not in people_ids:
            raise UserError(f"{path}: relationships[{n}] refers to a person not in people")
    from relj.plans import validate_document

    validate_document(doc, str(path), people_ids)
    from relj.rhythms import validate_document as validate_rhythms

    validate_rhythms(doc, str(path), people_ids)


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def restore(store: Any, doc: dict[str, Any], *, dry_run: bool = False) -> dict[str, int]:
    """Restore a read document into an empty journal; with ``dry_run`` roll it all back.

    The dry run does the whole restore, so it refuses what the real one would refuse.
    """
    counts: dict[str, int] = {}
    try:
        with store.atomic():
            counts = store.import_data(doc)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return counts
