"""The relj JSON format: the whole journal as one versioned document (see docs/json-format.md)."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeGuard

from relj import __version__
from relj.clock import MAX_YEAR, MIN_YEAR, now_iso
from relj.domain import Channel, ContactKind, Initiator, RelationKind, Status
from relj.errors import UserError
from relj.interop.records import MAX_DURATION_MIN
from relj.interop.textutil import open_regular

FORMAT = "relj-journal"
#: Version 2 (issue 15) adds plans' days, felt, preferences and talking points, and (issue 16) rhythms and
#: moments; version-1 files still import.
FORMAT_VERSION = 2
TOP_LEVEL_LISTS = ("people", "interests", "interactions", "relationships", "followups", "talking_points", "rhythms",
                   "moments")

#: Bounds of the numbers an export may hold: what relj itself stores, so that every export
#: imports again, and nothing beyond SQLite's 64-bit integers or what the date code can add up.
MAX_ID = 2**63 - 1
MAX_CADENCE_DAYS = 36_500  # a hundred years, as `relj person edit --rich-every` and `relj cadences`
FELT = (1, 5)
#: An integer literal longer than this ("-9223372036854775808" is 20) is no relj number: it is
#: never converted (Python refuses more than 4,300 digits, and the work grows with the square).
_LONGEST_INT = 20
#: Nesting allowed inside a setting's value: relj's own settings are three levels deep.
_SETTING_DEPTH = 16


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


class _NotANumber:
    """A JSON value that stands for no number relj can keep: an integer of more than
    ``_LONGEST_INT`` characters, or ``NaN`` and ``Infinity`` (which JSON does not have). It is
    never converted; every check refuses it, naming the field it is in."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _parse_int(text: str) -> int | _NotANumber:
    if len(text) <= _LONGEST_INT:
        return int(text)
    return _NotANumber(f"a {len(text.lstrip('-'))}-digit number")


def read_document(path: Path) -> dict[str, Any]:
    """Read and validate an export; every problem is one UserError naming the file (and the
    record and field)."""
    if not Path(path).exists():
        raise UserError(f"no such file: {path}")
    try:
        with open_regular(Path(path)) as handle:
            raw = handle.read()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        doc = json.loads(raw.decode("utf-8-sig"), parse_int=_parse_int, parse_constant=_NotANumber)
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
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise UserError(f"{path}: meta.format_version must be a whole number from 1, not {_show(version)}")
    if version > FORMAT_VERSION:
        raise UserError(f"{path} uses JSON format version {version}; this relj reads up to {FORMAT_VERSION}")
    for key in TOP_LEVEL_LISTS:
        if not isinstance(doc.get(key, []), list):
            raise UserError(f"{path}: {key!r} must be a list")
    _validate(doc, path)
    return doc


# -- checking a document ---------------------------------------------------------------------------
# Every field the import reads is checked here, before the journal is opened: its JSON type, its
# range and its references. The restore (relj.store.transfer) then never meets a value SQLite or
# the date code would refuse, so a bad file is one line naming the record and the field, never
# an internal error, and nothing is written.

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BIRTHDAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}|--[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")
_CHANNELS = tuple(c.value for c in Channel)
_INITIATORS = tuple(x.value for x in Initiator)
_STATUSES = tuple(x.value for x in Status)
_CONTACT_KINDS = tuple(k.value for k in ContactKind)
_RELATION_KINDS = tuple(k.value for k in RelationKind)


def _show(value: Any) -> str:
    """A value as a message shows it: short, on one line, its JSON type when it is not a scalar."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:40]) + "..."
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return repr(value)


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _blank(text: str) -> bool:
    """Whether ``text`` is no name: only white space before its first NUL (SQLite's ``length()`` and
    ``trim()``, which the journal's checks use, stop at a NUL)."""
    return not text.split("\x00", 1)[0].strip()


def _unicode_problem(text: str) -> str:
    """Why ``text`` cannot be stored (a lone UTF-16 surrogate, from a "\\ud800" escape), or ""."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "holds a lone UTF-16 surrogate, which is not text"
    return ""


class _Entry:
    """One object of the document, checked field by field; every problem names it."""

    __slots__ = ("data", "where")

    def __init__(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            raise UserError(f"{where} must be an object, not {_show(value)}")
        self.data: dict[str, Any] = value
        self.where = where

    def fail(self, message: str) -> UserError:
        return UserError(f"{self.where}: {message}")

    def id(self, key: str = "id") -> int:
        value = self.data.get(key)
        if not _is_int(value) or not 1 <= value <= MAX_ID:
            raise self.fail(f"{key} must be a whole number from 1 to {MAX_ID}, not {_show(value)}")
        return int(value)

    def ref(self, key: str, known: set[int], what: str, *, null: bool = False) -> int | None:
        """An id that must be one of ``known`` (the ids of ``what``)."""
        value = self.data.get(key)
        if value is None and null:
            return None
        number = self.id(key)
        if number not in known:
            raise self.fail(f"{key} #{number} is not in {what}")
        return number

    def _given(self, key: str, required: bool, null: bool) -> bool:
        """Whether ``key`` holds a value to check: absent is an error when ``required``, else no
        value; null is no value when ``null`` allows it."""
        if key not in self.data:
            if required:
                raise self.fail(f"{key} is missing")
            return False
        return not (self.data[key] is None and null)

    def text(self, key: str, *, required: bool = False, null: bool = False, blank: bool = True) -> str | None:
        if not self._given(key, required, null):
            return None
        value = self.data[key]
        if not isinstance(value, str):
            raise self.fail(f"{key} must be text{' or null' if null else ''}, not {_show(value)}")
        problem = _unicode_problem(value)
        if problem:
            raise self.fail(f"{key} {problem}")
        if not blank and _blank(value):
            raise self.fail(f"{key} must not be blank, not {_show(value)}")
        return value

    def choice(
        self, key: str, options: tuple[str, ...], *, required: bool = False, null: bool = False, noun: str = ""
    ) -> str | None:
        if not self._given(key, required, null):
            return None
        value = self.data[key]
        if not isinstance(value, str):
            raise self.fail(f"{key} must be one of {', '.join(options)}, not {_show(value)}")
        if value not in options:
            place = f" in {key}" if noun else ""
            raise self.fail(f"unknown {noun or key} {_show(value)}{place} (expected {', '.join(options)})")
        return value

    def number(self, key: str, low: int, high: int, what: str) -> int | None:
        """A whole number in low..high, or null."""
        value = self.data.get(key)
        if value is None:
            return None
        if not _is_int(value) or not low <= value <= high:
            raise self.fail(f"{key} must be a whole number of {what} ({low}..{high}) or null, not {_show(value)}")
        return int(value)

    def flag(self, key: str) -> None:
        if key in self.data and not isinstance(self.data[key], bool):
            raise self.fail(f"{key} must be true or false, not {_show(self.data[key])}")

    def day(self, key: str, *, required: bool = False) -> dt.date | None:
        value = self.data.get(key)
        if value is None and not required:
            return None
        return _check_day(value, key, self.fail)

    def stamp(self, key: str, *, required: bool = False) -> None:
        """A time relj wrote (``created_at``): ISO 8601, in the years relj accepts."""
        value = self.data.get(key)
        if value is None and not required:
            return
        try:
            when = dt.datetime.fromisoformat(value) if isinstance(value, str) and len(value) <= 40 else None
        except ValueError:
            when = None
        if when is None:
            raise self.fail(f"bad {key} {_show(value)} (expected a time such as 2026-01-31T18:00:00+00:00)")
        if not MIN_YEAR <= when.year <= MAX_YEAR:
            raise self.fail(f"{key} {value} is out of range (the year must be between {MIN_YEAR} and {MAX_YEAR})")

    def items(self, key: str, *, required: bool = False) -> list[Any]:
        if key not in self.data and not required:
            return []
        value = self.data.get(key)
        if not isinstance(value, list):
            raise self.fail(f"{key} must be a list, not {_show(value)}")
        return value

    def names(self, key: str) -> list[str]:
        """A list of names (interests): text that is not blank."""
        out = []
        for n, name in enumerate(self.items(key), 1):
            if not isinstance(name, str) or _blank(name) or _unicode_problem(name):
                raise self.fail(f"{key}[{n}] must be a name (text, not blank), not {_show(name)}")
            out.append(name)
        return out


def _check_day(value: Any, key: str, fail: Callable[[str], UserError]) -> dt.date:
    """``value`` as a date written YYYY-MM-DD in the years every exporter can write."""
    day = None
    if isinstance(value, str) and _DAY.fullmatch(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            pass
    if day is None:
        raise fail(f"bad {key} {_show(value)} (expected YYYY-MM-DD)")
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise fail(f"{key} {value} is out of range (the year must be between {MIN_YEAR} and {MAX_YEAR})")
    return day


def _entries(doc: dict[str, Any], path: Path, key: str, singular: str) -> Iterable[tuple[_Entry, int]]:
    """The objects of the list ``key`` with their ids, each named by its id once that is read;
    a second object with the same id is refused."""
    seen: set[int] = set()
    for n, value in enumerate(doc.get(key, []), 1):
        entry = _Entry(value, f"{path}: {key}[{n}]")
        number = entry.id()
        if number in seen:
            raise entry.fail(f"a second {singular} with id {number}")
        seen.add(number)
        entry.where = f"{path}: {singular} #{number}"
        yield entry, number


def _validate(doc: dict[str, Any], path: Path) -> None:
    people_ids, emails = _check_people(doc, path)
    interaction_ids = _check_interactions(doc, path, people_ids)
    _check_relationships(doc, path, people_ids)
    _check_followups(doc, path, interaction_ids)
    _check_plans(doc, path, people_ids, interaction_ids)
    _check_owner(doc, path, emails)
    for n, name in enumerate(doc.get("interests", []), 1):
        if not isinstance(name, str) or _blank(name) or _unicode_problem(name):
            raise UserError(f"{path}: interests[{n}] must be a name (text, not blank), not {_show(name)}")
    _check_settings(doc, path)
    # The checks that belong to plans and rhythms (their rules, names and times).
    from relj.plans import validate_document

    validate_document(doc, str(path), people_ids)
    from relj.rhythms import validate_document as validate_rhythms

    validate_rhythms(doc, str(path), people_ids)


def _check_people(doc: dict[str, Any], path: Path) -> tuple[set[int], dict[str, int]]:
    from relj.domain import Birthday
    from relj.store.base import contact_norm
    from relj.store.people import PERSON_FIELDS, clean_person_fields

    ids: set[int] = set()
    emails: dict[str, int] = {}  # normalised address -> the person who has it
    for p, pid in _entries(doc, path, "people", "person"):
        ids.add(pid)
        p.text("name", required=True)
        for key in ("given_name", "family_name", "nickname", "organisation", "role", "how_met", "notes", "circle"):
            p.text(key, null=True)
        best_time = p.text("best_time", null=True)
        if best_time is not None and best_time.split() and _blank(best_time):
            raise p.fail(f"best_time must not be blank, not {_show(best_time)}")
        for key in ("tracked", "paused", "written_ok"):
            p.flag(key)
        for key in ("cadence_rich_days", "cadence_any_days"):
            p.number(key, 1, MAX_CADENCE_DAYS, "days")
        p.day("snoozed_until")
        p.choice("prefers", _CHANNELS, null=True, noun="channel")
        birthday = p.data.get("birthday")
        if birthday is not None:
            if not isinstance(birthday, str) or not _BIRTHDAY.fullmatch(birthday):
                raise p.fail(f"bad birthday {_show(birthday)} (expected YYYY-MM-DD, or --MM-DD without the year)")
            try:
                year = Birthday.parse(birthday).year
            except ValueError:
                raise p.fail(f"bad birthday {_show(birthday)} (no such day)") from None
            if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
                raise p.fail(
                    f"birthday {birthday} is out of range (the year must be between {MIN_YEAR} and {MAX_YEAR})"
                )
        p.stamp("created_at")
        p.stamp("updated_at")
        for n, value in enumerate(p.items("contacts"), 1):
            c = _Entry(value, f"{p.where}: contacts[{n}]")
            kind = ContactKind(str(c.choice("kind", _CONTACT_KINDS, required=True)))
            address = c.text("value", required=True, blank=False) or ""
            c.text("label")
            if kind is ContactKind.EMAIL:
                norm = contact_norm(kind, address)
                if not norm:
                    raise c.fail(f"bad email address {_show(address)}")
                if norm in emails:
                    raise c.fail(f"{address} is also the address of person #{emails[norm]}")
                emails[norm] = pid
        p.names("interests")
        # What the restore does with them (a name of control characters only is no name).
        fields = {k: p.data[k] for k in PERSON_FIELDS if k != "display_name" and k in p.data}
        try:
            clean_person_fields({"display_name": p.data["name"], **fields})
        except UserError as exc:
            raise p.fail(str(exc)) from None
    return ids, emails


def _check_interactions(doc: dict[str, Any], path: Path, people_ids: set[int]) -> set[int]:
    ids: set[int] = set()
    keys: set[tuple[str, str]] = set()
    for i, iid in _entries(doc, path, "interactions", "interaction"):
        ids.add(iid)
        i.day("occurred_on", required=True)
        time = i.text("occurred_time", null=True)
        if time is not None and not _TIME.fullmatch(time):
            raise i.fail(f"bad occurred_time {_show(time)} (expected HH:MM, 00:00 to 23:59, or null)")
        i.choice("channel", _CHANNELS, required=True)
        i.choice("initiator", _INITIATORS)
        i.choice("status", _STATUSES)
        i.number("duration_min", 0, MAX_DURATION_MIN, "minutes")
        i.text("place")
        i.text("note")
        source = i.text("source")
        source_key = i.text("source_key", null=True)
        if source_key is not None:
            key = (source if source is not None else "manual", source_key)
            if key in keys:
                raise i.fail(f"a second interaction from {key[0]} {source_key!r} (source and source_key are unique)")
            keys.add(key)
        i.stamp("created_at")
        i.stamp("updated_at")
        felt = i.data.get("felt")
        if felt is not None and (not _is_int(felt) or not FELT[0] <= felt <= FELT[1]):
            raise i.fail(f"felt must be {FELT[0]} to {FELT[1]} or null, not {_show(felt)}")
        i.day("planned_on")
        parts = i.items("participants", required=True)
        if not parts:
            raise i.fail("needs a non-empty list of participant ids")
        for pid in parts:
            if not _is_int(pid):
                raise i.fail(f"participants must be person ids, not {_show(pid)}")
            if pid not in people_ids:
                raise i.fail(f"participant #{pid} is not in people")
    return ids


def _check_relationships(doc: dict[str, Any], path: Path, people_ids: set[int]) -> None:
    seen: set[tuple[int | None, int | None, str | None]] = set()
    for r, _rid in _entries(doc, path, "relationships", "relationship"):
        a = r.ref("person_a", people_ids, "people")
        b = r.ref("person_b", people_ids, "people")
        if a == b:
            raise r.fail(f"person_a and person_b are the same person (#{a})")
        kind = r.choice("kind", _RELATION_KINDS, required=True)
        r.text("note")
        if (a, b, kind) in seen:
            raise r.fail(f"a second {kind!r} relationship of #{a} to #{b}")
        seen.add((a, b, kind))


def _check_followups(doc: dict[str, Any], path: Path, interaction_ids: set[int]) -> None:
    decided: set[int | None] = set()
    for n, value in enumerate(doc.get("followups", []), 1):
        f = _Entry(value, f"{path}: followups[{n}]")
        iid = f.ref("interaction_id", interaction_ids, "interactions")
        if iid in decided:
            raise f.fail(f"a second follow-up of interaction #{iid}")
        decided.add(iid)
        f.choice("state", ("done", "dismissed"), required=True)
        f.stamp("decided_at", required=True)


def _check_plans(doc: dict[str, Any], path: Path, people_ids: set[int], interaction_ids: set[int]) -> None:
    """Talking points, rhythms and moments (version 2)."""
    from relj.rhythms import MOMENT_KINDS, check_name, check_time, parse_rule

    for t, _tid in _entries(doc, path, "talking_points", "talking point"):
        t.ref("person_id", people_ids, "people")
        if not isinstance(t.data.get("text"), str) or _blank(t.data["text"]):
            raise t.fail("needs some text")
        t.text("text")
        t.day("created_on", required=True)
        t.day("covered_on")
        t.ref("covered_by", interaction_ids, "interactions", null=True)
    names: dict[str, int] = {}
    for r, rid in _entries(doc, path, "rhythms", "rhythm"):
        name = r.text("name", required=True, blank=False) or ""
        rule = r.text("rule", required=True) or ""
        time = r.text("time", null=True)
        try:
            folded = check_name(name).casefold()
            same_rule = parse_rule(rule).text == rule
            same_time = check_time(time) == time
        except UserError as exc:
            raise r.fail(str(exc)) from None
        if folded in names:
            raise r.fail(f"a second rhythm called {name!r} (rhythm #{names[folded]} is called so)")
        names[folded] = rid
        if not same_rule:
            raise r.fail(f"bad rule {rule!r} (write it as relj does: {parse_rule(rule).text!r})")
        if not same_time:
            raise r.fail(f"time must be HH:MM or null, not {_show(time)}")
        r.choice("channel", _CHANNELS, required=True)
        r.day("start", required=True)
        r.stamp("created_at")
        for pid in r.items("people"):
            if not _is_int(pid) or pid not in people_ids:
                raise r.fail(f"people must be ids of people in the file, not {_show(pid)}")
    for m, _mid in _entries(doc, path, "moments", "moment"):
        m.ref("person_id", people_ids, "people")
        if not isinstance(m.data.get("text"), str) or _blank(m.data["text"]):
            raise m.fail("needs some text")
        m.text("text")
        m.day("date", required=True)
        m.choice("kind", MOMENT_KINDS)
        m.flag("yearly")
        m.stamp("created_at")


def _check_owner(doc: dict[str, Any], path: Path, people_emails: dict[str, int]) -> None:
    from relj.domain import normalise_email
    from relj.store.base import looks_like_email

    if doc.get("owner") is None:
        return
    owner = _Entry(doc["owner"], f"{path}: owner")
    owner.text("name")
    region = owner.text("region")
    if region and not (len(region.strip()) == 2 and region.strip().isalpha()):
        raise owner.fail(f"bad region {region!r} (expected two letters such as GB or US)")
    for n, email in enumerate(owner.items("emails"), 1):
        norm = normalise_email(email) if isinstance(email, str) and not _unicode_problem(email) else ""
        if not looks_like_email(norm):
            raise owner.fail(f"emails[{n}]: bad email address {_show(email)}")
        if norm in people_emails:
            raise owner.fail(f"emails[{n}]: {email} is also the address of person #{people_emails[norm]}")
    owner.names("interests")


def _check_settings(doc: dict[str, Any], path: Path) -> None:
    settings = doc.get("settings")
    if settings is None:
        return
    if not isinstance(settings, dict):
        raise UserError(f"{path}: settings must be an object, not {_show(settings)}")
    for key, value in settings.items():
        where = f"{path}: settings[{key!r}]"
        problem = _unicode_problem(key) or _json_problem(value)
        if problem:
            raise UserError(f"{where} {problem}")
        problem = _known_setting_problem(key, value)
        if problem:
            raise UserError(f"{where}: {problem}")


def _json_problem(value: Any) -> str:
    """Why a setting's value cannot be kept as JSON, or "" (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > _SETTING_DEPTH:
            return f"is nested more than {_SETTING_DEPTH} levels deep"
        if isinstance(item, _NotANumber) or isinstance(item, float) and not math.isfinite(item):
            return f"holds {_show(item)}, which is no JSON number"
        if isinstance(item, str) and _unicode_problem(item):
            return _unicode_problem(item)
        if isinstance(item, dict):
            for k, v in item.items():
                if _unicode_problem(k):
                    return _unicode_problem(k)
                stack.append((v, depth + 1))
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return ""


def _known_setting_problem(key: str, value: Any) -> str:
    """What is wrong with one of the settings relj reads (circle cadences, people marked as different)."""
    from relj.duplicates import DISTINCT_SETTING
    from relj.reconnect import SETTING_KEY as CADENCES

    if key == CADENCES:
        if not isinstance(value, dict):
            return f"must be an object of circles, not {_show(value)}"
        for circle, cadence in value.items():
            if not isinstance(cadence, dict):
                return f"{circle!r} must be an object with rich and any, not {_show(cadence)}"
            for part in ("rich", "any"):
                days = cadence.get(part)
                if days is not None and (not _is_int(days) or not 1 <= days <= MAX_CADENCE_DAYS):
                    return (
                        f"{circle!r}: {part} must be a whole number of days (1..{MAX_CADENCE_DAYS}), not {_show(days)}"
                    )
    elif key == DISTINCT_SETTING:
        if not isinstance(value, list):
            return f"must be a list of lists of person ids, not {_show(value)}"
        for group in value:
            if not isinstance(group, list) or not all(_is_int(i) and 1 <= i <= MAX_ID for i in group):
                return f"must be a list of lists of person ids, not one that holds {_show(group)}"
    return ""


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
