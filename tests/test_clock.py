"""relj.clock: the month lengths used without the calendar module (not loaded at start-up)."""

from __future__ import annotations

import calendar

from relj.clock import days_in_month


def test_days_in_month_is_calendars() -> None:
    for year in (1900, 1999, 2000, 2023, 2024, 2100, 2400):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1], (year, month)
