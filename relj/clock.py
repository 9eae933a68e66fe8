"""What "today" is: the real date, or RELJ_TODAY for tests, demos and screenshots."""

from __future__ import annotations

import datetime as dt
import os

from relj.errors import UserError


def parse_date(text: str, what: str = "date") -> dt.date:
    """Parse YYYY-MM-DD, or raise a UserError that says what was wrong."""
    try:
        return dt.date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise UserError(f"bad {what} {text!r}: expected YYYY-MM-DD") from None


def today() -> dt.date:
    """Today's date, overridden by the RELJ_TODAY environment variable."""
    forced = os.environ.get("RELJ_TODAY")
    if forced:
        return parse_date(forced, "RELJ_TODAY")
    return dt.date.today()


def now_iso() -> str:
    """The current UTC time as an ISO string, second precision."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
