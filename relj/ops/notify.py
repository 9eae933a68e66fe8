"""Turning the login notification (`relj notify`) on or off: one undoable setting change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relj.ops import SETTINGS, Changes, OpResult

if TYPE_CHECKING:
    from relj.store import Store


def set_login_notification(store: Store, enabled: bool) -> OpResult[bool]:
    """Turn the notification of today's agenda at login on or off (the journal's setting)."""
    from relj.notify import ENABLED_SETTING, login_enabled

    before = login_enabled(store)
    with store.atomic():
        store.set_setting(ENABLED_SETTING, bool(enabled))
    label = "Turn on the login notification" if enabled else "Turn off the login notification"
    message = "Today's agenda will be shown at login" if enabled else "No notification at login"
    return OpResult(bool(enabled), Changes.of(SETTINGS), label, message,
                    lambda s: set_login_notification(s, before))
