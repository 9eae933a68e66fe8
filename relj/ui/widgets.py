"""Small widgets shared by several screens."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QTableView, QWidget


@cache
def day_and_month_names() -> tuple[dict[str, int], dict[str, int]]:
    """What typed dates may say, in the user's language: weekday names (long and short, lower
    case, no dot) to 0 = Monday..., and month names to 1 = January... For every date field."""
    locale = QLocale()
    days: dict[str, int] = {}
    months: dict[str, int] = {}
    for fmt in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
        for n in range(7):
            days[locale.dayName(n + 1, fmt).lower().rstrip(".")] = n
        for n in range(12):
            months[locale.monthName(n + 1, fmt).lower().rstrip(".")] = n + 1
    return days, months


def _enter_activates(view: QAbstractItemView, event: QKeyEvent) -> bool:
    """Enter on the current row emits ``activated``, as a double-click does (keyboard first)."""
    if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and view.currentIndex().isValid():
        view.activated.emit(view.currentIndex())
        return True
    return False


class ActivatingList(QListView):
    """A list whose Enter key opens the current row."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _enter_activates(self, event):
            super().keyPressEvent(event)


class ActivatingTable(QTableView):
    """A table whose Enter key opens the current row."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _enter_activates(self, event):
            super().keyPressEvent(event)


def buddy_label(parent: QWidget, text: str, buddy: QWidget) -> QLabel:
    """A form label whose mnemonic (the letter after "&") moves focus to ``buddy``."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label
