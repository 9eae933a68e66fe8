"""What "today" is: the real date, or RELJ_TODAY for tests, demos and screenshots."""

from __future__ import annotations

import datetime as dt
import os

from relj.errors import UserError

#: Years a date given by the user may fall in: every exporter (iCalendar, vCard, CSV) can write
#: them, and a day before or after them stays a valid date (year 1 or 9999 would not).
MIN_YEAR, MAX_YEAR = 1900, 2200


def check_year(year: int, what: str, text: str) -> None:
    """Refuse a year outside MIN_YEAR..MAX_YEAR with a UserError that says which."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise UserError(f"bad {what} {text!r}: the year must be between {MIN_YEAR} and {MAX_YEAR}")


def check_writable_date(day: dt.date, where: str) -> dt.date:
    """Return ``day`` if every exporter can write it, else raise a UserError naming ``where``."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise UserError(
            f"{where}: date {day.isoformat()} out of range (the year must be between {MIN_YEAR} and {MAX_YEAR})"
        )
    return day


def parse_date(text: str, what: str = "date") -> dt.date:
    """Parse YYYY-MM-DD of a year in MIN_YEAR..MAX_YEAR, or raise a UserError that says what was wrong."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise UserError(f"bad {what} {text!r}: expected YYYY-MM-DD") from None
    check_year(day.year, what, text)
    return day


def today() -> dt.date:
    """Today's date, overridden by the RELJ_TODAY environment variable."""
    forced = os.environ.get("RELJ_TODAY")
    if forced:
        return parse_date(forced, "RELJ_TODAY")
    return dt.date.today()


def now_iso() -> str:
    """The current UTC time as an ISO string, second precision."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def days_in_month(year: int, month: int) -> int:
    """28 to 31 (calendar.monthrange's count, without importing calendar: it loads the locale module,
    2 ms of the app's start)."""
    following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return (following - dt.date(year, month, 1)).days
