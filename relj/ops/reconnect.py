"""Reconnect's actions: snooze, pause, resume, written contact is fine, thank-you follow-ups, cadences."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from relj.domain import Person
from relj.ops import RECONNECT, SETTINGS, Changes, OpResult
from relj.ops.people import edit_person

if TYPE_CHECKING:
    from relj.store import Store


def _short(day: dt.date) -> str:
    return f"{day.day} {day:%b}"


def snooze(store: Store, person_id: int, until: dt.date) -> OpResult[Person]:
    name = store.person(person_id).display_name
    return edit_person(store, person_id, {"snoozed_until": until}, label=f"Snooze {name}",
                       message=f"Snoozed {name} until {_short(until)}")


def pause(store: Store, person_id: int) -> OpResult[Person]:
    name = store.person(person_id).display_name
    return edit_person(store, person_id, {"paused": True}, label=f"Pause {name}",
                       message=f"Paused {name}: off Reconnect until you resume them")


def resume(store: Store, person_id: int) -> OpResult[Person]:
    name = store.person(person_id).display_name
    return edit_person(store, person_id, {"paused": False, "snoozed_until": None}, label=f"Resume {name}",
                       message=f"Tracking {name} again")


def set_written_ok(store: Store, person_id: int, ok: bool = True) -> OpResult[Person]:
    name = store.person(person_id).display_name
    said = f"Written contact is fine with {name}" if ok else f"Time together counts again for {name}"
    return edit_person(store, person_id, {"written_ok": ok}, label=said, message=said)


def decide_followup(store: Store, interaction_id: int, state: str) -> OpResult[None]:
    """Mark a thank-you follow-up "done" or "dismissed"; undo makes it pending again."""
    from relj.store import reconnect as reconnect_store

    with store.atomic():
        reconnect_store.decide_followup(store, interaction_id, state)
    label = "Thank-you sent" if state == "done" else "Dismiss thank-you"
    return OpResult(None, Changes.of(RECONNECT, interactions=[interaction_id]), label, label,
                    lambda s: _undecide(s, interaction_id, state, label))


def _undecide(store: Store, interaction_id: int, state: str, label: str) -> OpResult[None]:
    from relj.store import reconnect as reconnect_store

    with store.atomic():
        reconnect_store.undo_followup(store, interaction_id)
    return OpResult(None, Changes.of(RECONNECT, interactions=[interaction_id]), label, f"Undid: {label}",
                    lambda s: decide_followup(s, interaction_id, state))


def set_cadences(store: Store, cadences: dict[str, Any]) -> OpResult[dict[str, Any]]:
    """Replace the circles' custom cadences (``{circle: {"rich": days, "any": days}}``)."""
    from relj import reconnect as rc

    before = dict(store.get_setting(rc.SETTING_KEY, {}) or {})
    store.set_setting(rc.SETTING_KEY, cadences)
    return OpResult(dict(cadences), Changes.of(SETTINGS, RECONNECT), "Change cadences", "Saved the cadences",
                    lambda s: set_cadences(s, before))
