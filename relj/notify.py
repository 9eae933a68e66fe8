"""What `relj notify` shows at login: today's agenda in one notification, at most once a day. No Qt.

The journal's settings hold whether it is on (``notify_login``, changed through
relj.ops.notify.set_login_notification) and the last day one was shown (``notify_last_sent``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from relj.agenda import AgendaEntry
    from relj.store import Store

ENABLED_SETTING = "notify_login"
LAST_SENT_SETTING = "notify_last_sent"
TITLE = "relj: today"
#: Entries named in the body; the rest are counted ("and 3 more"). Notification bubbles are small.
MAX_NAMED = 5


def login_enabled(store: Store) -> bool:
    """Whether the login notification is on (it is, until turned off in the app)."""
    return bool(store.get_setting(ENABLED_SETTING, True))


def last_sent(store: Store) -> dt.date | None:
    raw = store.get_setting(LAST_SENT_SETTING)
    try:
        return dt.date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        return None


def mark_sent(store: Store, day: dt.date) -> None:
    """Remember that today's notification was shown. Not a user-visible change: no undo, no op."""
    with store.atomic():
        store.set_setting(LAST_SENT_SETTING, day.isoformat())


def summary(entries: Sequence[AgendaEntry], today: dt.date) -> tuple[str, str] | None:
    """The title and body for today's entries, or None when there is nothing today.

    "Dmitri's birthday · Sunday dinner with Mum and Dad · 2 thank-yous": thank-you follow-ups are
    counted, everything else is named, soonest first as the agenda orders them.
    """
    todays = [e for e in entries if e.date == today]
    if not todays:
        return None
    named = [e.what for e in todays if e.kind != "followup"]
    thanks = sum(1 for e in todays if e.kind == "followup")
    parts = named[:MAX_NAMED]
    if thanks:
        parts.append(f"{thanks} thank-you" + ("s" if thanks != 1 else ""))
    if len(named) > MAX_NAMED:
        parts.append(f"and {len(named) - MAX_NAMED} more")
    return TITLE, " · ".join(parts)
