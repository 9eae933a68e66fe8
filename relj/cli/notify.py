"""`relj notify`: one desktop notification of today's agenda, at most once a day (run at login).

Qt is imported only to send (relj.ui.desktop_notify); --dry-run and every "nothing to do" path stay
Qt-free. A missing session bus or notification service is not an error: it says so and exits 0.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

import click

from relj.cli.base import Ctx, main, pass_ctx, say

if TYPE_CHECKING:
    from relj.store import Store

log = logging.getLogger(__name__)


@main.command()
@click.option("--dry-run", is_flag=True, help="Print the notification's title and body; send nothing.")
@pass_ctx
def notify(ctx: Ctx, dry_run: bool) -> None:
    """Show today's agenda as one desktop notification (at most once a day; nothing when it is empty)."""
    from relj import notify as nt
    from relj.agenda import upcoming
    from relj.clock import today

    if not ctx.db_path.exists():
        say(f"relj: no journal at {ctx.db_path}; nothing to notify", err=True)
        return
    store = ctx.store(create=False)
    day = today()
    enabled = nt.login_enabled(store)
    sent_today = nt.last_sent(store) == day
    if not dry_run:
        if not enabled:
            say("relj: login notifications are off (turn them on in the app: File ▸ Notify at login)", err=True)
            return
        if sent_today:
            say("relj: today's notification was already shown", err=True)
            return
    entries = upcoming(store, day, 0)
    message = nt.summary(entries, day)
    if message is None:
        say("relj: nothing on today's agenda; no notification", err=True)
        return
    title, body = message
    if dry_run:
        say(title)
        say(body)
        if not enabled:
            say("relj: login notifications are off: `relj notify` would send nothing", err=True)
        elif sent_today:
            say("relj: today's notification was already shown: `relj notify` would send nothing", err=True)
        return
    _send(store, day, title, body, len(entries))


def _send(store: Store, day: dt.date, title: str, body: str, count: int) -> None:
    from relj import notify as nt
    from relj.errors import UserError
    from relj.ui.desktop_notify import Outcome, send

    delivery = send(title, body)
    if delivery.outcome is Outcome.NO_BUS:
        say("relj: no desktop session bus (D-Bus), so no notification was shown", err=True)
        return
    if delivery.outcome is Outcome.NO_SERVICE:
        say("relj: no notification service on the session bus (org.freedesktop.Notifications), "
            "so no notification was shown", err=True)
        return
    if delivery.outcome is Outcome.FAILED:
        raise UserError(f"the notification service did not show the notification ({delivery.detail})")
    nt.mark_sent(store, day)
    log.info("notified today's agenda: %d entries", count)
    say(f"relj: notification shown ({count} for today)", err=True)
