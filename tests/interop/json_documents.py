"""A small relj JSON export with every kind of record, and random damage to it, for the tests
of `relj import json` on hostile files (tests/cli/test_import_hostile_json.py,
tests/interop/test_json_hostile.py)."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from typing import Any

#: Values that break one assumption or another: types, 64-bit bounds, NaN, dates out of range,
#: NUL and lone surrogates, blank text, words relj knows in the wrong place.
HOSTILE = [None, True, False, 0, -1, 1, 2, 5, 10**19, 2**63, -(2**63) - 1, 1e20, 1.5, float("inf"), float("nan"),
           "", " ", "\x00", "\x00x", "\ud800", "x", "2026-01-01", "9999-12-31", "0001-01-01", "--02-30", "12:00",
           "99:99", "email", "phone", "done", "in-person", "week", "first sunday", "2026-01-01T00:00:00+00:00",
           "9" * 30, [], [1], [None], {}, {"a": 1}]  # fmt: skip


def document() -> dict[str, Any]:
    """A small journal with every kind of record, as `relj export json` writes it."""
    stamp = "2026-01-05T10:00:00+00:00"
    person = {"given_name": "", "family_name": "", "nickname": "", "organisation": "", "role": "", "how_met": "",
              "notes": "", "circle": "friends", "tracked": True, "cadence_rich_days": None, "cadence_any_days": None,
              "paused": False, "written_ok": False, "snoozed_until": None, "prefers": None, "best_time": None,
              "birthday": None, "created_at": stamp, "updated_at": stamp, "emails": [], "interests": []}  # fmt: skip
    interaction = {"occurred_time": None, "mode": "together", "initiator": "unknown", "duration_min": None,
                   "place": "", "note": "", "status": "done", "source": "manual", "source_key": None,
                   "created_at": stamp, "felt": None, "planned_on": None}  # fmt: skip
    return {
        "meta": {"format": "relj-journal", "format_version": 2, "app_version": "0.1.0", "exported_at": stamp,
                 "source": "journal.db", "schema": ["0001_initial"]},
        "owner": {"name": "Sam", "emails": ["sam@example.org"], "interests": ["Jazz"], "region": "GB"},
        "people": [
            {**person, "id": 1, "name": "Ana Lima", "birthday": "1980-04-12", "interests": ["Climbing"],
             "emails": ["ana@example.org"],
             "contacts": [{"kind": "email", "value": "ana@example.org", "label": "home"},
                          {"kind": "phone", "value": "+44 7700 900123", "label": "mobile"}]},
            {**person, "id": 2, "name": "Ben Okafor", "birthday": "--06-01", "contacts": []},
        ],
        "interests": ["Climbing", "Jazz"],
        "interactions": [
            {**interaction, "id": 1, "occurred_on": "2026-01-03", "channel": "in-person", "duration_min": 20,
             "note": "coffee", "felt": 4, "participants": [1]},
            {**interaction, "id": 2, "occurred_on": "2026-02-01", "channel": "video", "mode": "voice",
             "status": "planned", "planned_on": "2026-02-01", "source": "ics", "source_key": "uid-1/2026-02-01",
             "participants": [1, 2]},
        ],
        "relationships": [{"id": 1, "person_a": 1, "person_b": 2, "kind": "friend", "note": ""}],
        "followups": [{"interaction_id": 1, "state": "done", "decided_at": stamp}],
        "talking_points": [{"id": 1, "person_id": 1, "text": "ask about Lisbon", "created_on": "2026-01-04",
                            "covered_on": None, "covered_by": None}],
        "rhythms": [{"id": 1, "name": "Sunday call", "rule": "first sunday", "channel": "phone", "time": "18:00",
                     "start": "2026-01-04", "created_at": stamp, "people": [1, 2]}],
        "moments": [{"id": 1, "person_id": 2, "date": "2026-01-02", "text": "new job", "kind": "job",
                     "yearly": False, "created_at": stamp}],
        "settings": {"cadences": {"friends": {"rich": 30, "any": 14}}, "duplicates_distinct": [[1, 2]]},
    }  # fmt: skip


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return
    for key, item in items:
        yield (*prefix, key)
        yield from _paths(item, (*prefix, key))


def damage(doc: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A copy of ``doc`` with one to three fields replaced by a hostile value, dropped, or given a
    value from elsewhere in the same object (a duplicate)."""
    out = copy.deepcopy(doc)
    paths = [p for p in _paths(out) if p[0] != "meta"]
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        path = rng.choice(paths)
        parent: Any = out
        try:
            for key in path[:-1]:
                parent = parent[key]
            siblings = list(parent.values()) if isinstance(parent, dict) else list(parent)
            roll = rng.random()
            if roll < 0.1 and isinstance(parent, dict):
                parent.pop(path[-1], None)
            elif roll < 0.2:
                parent[path[-1]] = copy.deepcopy(rng.choice(siblings))
            else:
                parent[path[-1]] = copy.deepcopy(rng.choice(HOSTILE))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit took the path away
    return out
