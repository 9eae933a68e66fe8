"""Reconnect's Snooze dialog (planning is relj/ui/plan_dialog.py). Imported when first asked for, not at start-up."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from relj import reconnect as rc
from relj.clock import today
from relj.ui.i18n import QT_TR_NOOP, tr
from relj.ui.widgets import buddy_label


def short_day(day: dt.date) -> str:
    """A day as "Thu 19 Dec", in the user's language."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM")


class SnoozeDialog(QDialog):
    """Snooze until a day: presets (one week first, so Enter takes it), or a day of your own."""

    #: (label, days from today); None is "a day of your own".
    PRESETS = ((QT_TR_NOOP("One week"), 7), (QT_TR_NOOP("Two weeks"), 14), (QT_TR_NOOP("A month"), 30),
               (QT_TR_NOOP("Three months"), 91), (QT_TR_NOOP("Until a day…"), None))

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snooze %1").replace("%1", name))
        self.setAccessibleName(self.tr("Snooze"))
        start = today()
        self.presets = QListWidget(self)
        self.presets.setAccessibleName(self.tr("Snooze for"))
        for label, days in self.PRESETS:
            text = tr(label)
            if days is not None:
                text = self.tr("%1 — until %2").replace("%1", text).replace(
                    "%2", short_day(start + dt.timedelta(days=days)))
            item = QListWidgetItem(text, self.presets)
            item.setData(Qt.ItemDataRole.UserRole, days)
        self.presets.setCurrentRow(0)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName(self.tr("Until"))
        first = start + dt.timedelta(days=1)
        later = start + dt.timedelta(days=rc.DISMISS_DAYS)
        self.date.setMinimumDate(QDate(first.year, first.month, first.day))
        self.date.setDate(QDate(later.year, later.month, later.day))
        self.date.setEnabled(False)
        self.presets.currentRowChanged.connect(self._preset_changed)
        self.presets.activated.connect(lambda _i: self.accept())
        form = QFormLayout(self)
        form.addRow(buddy_label(self, self.tr("&For"), self.presets))
        form.addRow(self.presets)
        form.addRow(buddy_label(self, self.tr("&Until"), self.date), self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Snooze"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.presets.setFocus()

    def _preset_changed(self, row: int) -> None:
        own = self.presets.item(row) is not None and self.presets.item(row).data(Qt.ItemDataRole.UserRole) is None
        self.date.setEnabled(own)

    def value(self) -> dt.date:
        item = self.presets.currentItem()
        days = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if days is not None:
            return today() + dt.timedelta(days=int(days))
        d = self.date.date()
        return dt.date(d.year(), d.month(), d.day())

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> dt.date | None:
        dialog = cls(parent, name)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
