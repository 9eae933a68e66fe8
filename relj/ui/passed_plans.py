"""Passed plans, above the Reconnect list: "Did you meet Ana on Sat 12 Dec?" — Met (M), Change date (C), Didn't happen (X).

A plan whose day is over stays until the user answers. Each answer is one undoable operation
(relj.ops.plans.complete_plan, move_plan, cancel_plan) run through the Journal. The section is
hidden when nothing has passed, and never takes the keyboard by itself: at launch the Reconnect
list keeps it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relj import clock
from relj.domain import Interaction
from relj.errors import UserError
from relj.ops import INTERACTIONS, RECONNECT
from relj.ops import plans as plan_ops
from relj.plans import FELT_MAX, FELT_MIN, FELT_WORDS
from relj.store import plans as plan_store
from relj.ui.focus_style import RingRow
from relj.ui.i18n import QT_TR_NOOP, channel_label, tr
from relj.ui.journal import Journal
from relj.ui.plan_dialog import DayField, long_day, names_text
from relj.ui.roles import ObjectRole
from relj.ui.widgets import buddy_label

__all__ = ["ChangeDateDialog", "MetDialog", "PassedPlansSection", "short_day"]

#: At most this many passed plans are listed (the oldest first); more scroll.
SHOWN_ROWS = 3
_FELT_WORDS = {n: QT_TR_NOOP(w) for n, w in FELT_WORDS.items()}


def short_day(day: dt.date) -> str:
    """'Sat 12 Dec' in the user's locale."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM")


def question(plan: Interaction) -> str:
    """'Did you meet Ana on Sat 12 Dec?' (or 'talk to' for a call)."""
    who = names_text([p.name for p in plan.participants])
    text = tr("Did you meet %1 on %2?") if plan.channel.mode.value == "together" else tr("Did you talk to %1 on %2?")
    return text.replace("%1", who).replace("%2", short_day(plan.occurred_on))


class FeltRow(RingRow):
    """How it went, 1 (draining) to 5 (wonderful), one key each; optional. One stop in the tab order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("How it went"))
        self.setAccessibleDescription(self.tr("Press 1 (draining) to 5 (wonderful), or 0 to leave it out"))
        self.group = QButtonGroup(self)
        self.buttons: dict[int, QToolButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(2, 2, 2, 2)
        for n in range(FELT_MIN, FELT_MAX + 1):
            b = QToolButton(self)
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            word = tr(_FELT_WORDS[n])
            b.setText(f"{n} {word}")
            b.setAccessibleName(word)
            b.setToolTip(self.tr("Press %1").replace("%1", str(n)))
            self.group.addButton(b, n)
            self.buttons[n] = b
            row.addWidget(b)
        self.group.setExclusive(False)
        self.group.idClicked.connect(self._clicked)
        self.setStyleSheet("QToolButton:checked { background: palette(highlight); color: palette(highlighted-text); }")

    def value(self) -> int | None:
        for n, b in self.buttons.items():
            if b.isChecked():
                return n
        return None

    def set_value(self, value: int | None) -> None:
        for n, b in self.buttons.items():
            b.setChecked(n == value)

    def _clicked(self, n: int) -> None:
        self.set_value(n if self.buttons[n].isChecked() else None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and int(text) in self.buttons:
            self.set_value(None if self.value() == int(text) else int(text))
            return
        if text == "0":
            self.set_value(None)
            return
        super().keyPressEvent(event)


class MetDialog(QDialog):
    """It happened: how it went (optional, 1-5) and a note; Enter logs it."""

    def __init__(self, plan: Interaction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(question(plan))
        self.setAccessibleName(self.tr("It happened"))
        self.felt = FeltRow(self)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(self.tr("How it went, in a few words"))
        self.note.setPlaceholderText(self.tr("optional; a line starting next: becomes a talking point"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("%1 with %2 on %3").replace("%1", channel_label(plan.channel)).replace(
            "%2", names_text([p.name for p in plan.participants])).replace("%3", long_day(plan.occurred_on))))
        form.addRow(buddy_label(self, self.tr("&How it went"), self.felt), self.felt)
        form.addRow(buddy_label(self, self.tr("N&ote"), self.note), self.note)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(self.tr("Log it"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setAccessibleName(self.tr("Log it"))
        ok.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.felt.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def ask(cls, parent: QWidget | None, plan: Interaction) -> tuple[int | None, str] | None:
        """(felt or None, note), or None when cancelled."""
        dialog = cls(plan, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.felt.value(), dialog.note.text().strip()
        finally:
            dialog.deleteLater()


class ChangeDateDialog(QDialog):
    """Move a plan: a typed day (spelled back), an optional new time; Enter moves it."""

    def __init__(self, plan: Interaction, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the date"))
        self.setAccessibleName(self.tr("Change the date"))
        self.today = today
        self.date = DayField(today, self)
        self.date.set_day(today + dt.timedelta(days=7))
        self.words = QLabel(self)
        self.words.setAccessibleName(self.tr("Day chosen"))
        self.time = QLineEdit(plan.occurred_time or "", self)
        self.time.setAccessibleName(self.tr("Time"))
        self.time.setPlaceholderText(self.tr("optional, e.g. 19:30"))
        form = QFormLayout(self)
        form.addRow(QLabel(question(plan).replace("?", "") + " — " + self.tr("when instead?")))
        form.addRow(buddy_label(self, self.tr("&Day"), self.date), self.date)
        form.addRow("", self.words)
        form.addRow(buddy_label(self, self.tr("T&ime"), self.time), self.time)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Move"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setAccessibleName(self.tr("Move"))
        self.ok.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.date.day_changed.connect(self._update)
        self._update()
        self.date.setFocus(Qt.FocusReason.OtherFocusReason)
        self.date.selectAll()

    def _update(self) -> None:
        day = self.date.day()
        ok = day is not None and day >= self.today
        self.words.setText(long_day(day) if ok and day else self.tr("Choose a day: today or later."))
        self.ok.setEnabled(ok)

    def value(self) -> tuple[dt.date, str | None] | None:
        day = self.date.day()
        if day is None or day < self.today:
            return None
        return day, self.time.text().strip() or None

    @classmethod
    def ask(cls, parent: QWidget | None, plan: Interaction, today: dt.date) -> tuple[dt.date, str | None] | None:
        dialog = cls(plan, today, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class PassedPlansSection(QWidget):
    """The questions about passed plans, oldest first, with Met (M), Change date (C), Didn't happen (X)."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setObjectName("passed_plans")
        self.setAccessibleName(self.tr("Plans whose day has passed"))
        self.title = QLabel(self.tr("Did it happen?"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.list = QListWidget(self)
        self.list.setObjectName("passed_plans_list")
        self.list.setAccessibleName(self.tr("Plans whose day has passed"))
        self.list.setAccessibleDescription(self.tr("M: met; C: change the date; X: it didn't happen"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.actions_by_name: dict[str, QAction] = {}
        for key, text, keys, slot in (
            ("met", self.tr("Met (M)"), ["M"], self.met_current),
            ("move", self.tr("Change date (C)"), ["C"], self.move_current),
            ("cancel", self.tr("Didn't happen (X)"), ["X"], self.cancel_current),
        ):
            action = QAction(text, self.list)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.list.addAction(action)
            self.actions_by_name[key] = action
            b = QPushButton(text, self)
            b.setAccessibleName(text.split(" (")[0])
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the list's keys do the same; Tab stays between regions
            b.clicked.connect(action.trigger)
            self.buttons[key] = b
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addLayout(row)
        journal.changed.connect(self._on_changed)
        self.reload()

    # -- data ----------------------------------------------------------------------------------
    def plans(self) -> list[Interaction]:
        return [self.list.item(n).data(ObjectRole) for n in range(self.list.count())]

    def reload(self) -> None:
        store = self.journal.store
        today = clock.today()
        plans = plan_store.interactions(store, plan_store.passed_plan_ids(store, today))
        keep = self.current_plan()
        self.list.clear()
        for plan in plans:
            item = QListWidgetItem(question(plan))
            item.setData(ObjectRole, plan)
            note = plan.note.strip().splitlines()[0] if plan.note.strip() else ""
            item.setToolTip(channel_label(plan.channel) + (f" · {note}" if note else ""))
            self.list.addItem(item)
        self.setVisible(bool(plans))
        if plans:
            line = self.list.sizeHintForRow(0) or self.fontMetrics().height() + 4
            self.list.setFixedHeight(min(len(plans), SHOWN_ROWS) * line + 2 * self.list.frameWidth())
            row = next((n for n, p in enumerate(plans) if keep is not None and p.id == keep.id), 0)
            self.list.setCurrentRow(row)

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {INTERACTIONS, RECONNECT}:
            self.reload()

    def current_plan(self) -> Interaction | None:
        item = self.list.currentItem()
        return item.data(ObjectRole) if item is not None else None

    # -- answers -------------------------------------------------------------------------------
    def _run(self, fn: Callable[[], object]) -> None:
        row = self.list.currentRow()
        try:
            fn()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Plans"), str(exc))
            return
        if self.list.count():
            self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))  # the next question

    def met_current(self) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        answer = MetDialog.ask(self, plan)
        if answer is None:
            return
        felt, note = answer
        who = names_text([p.name for p in plan.participants])
        self._run(lambda: self.journal.run(
            plan_ops.complete_plan, plan.id, felt=felt, note=note, text=self.tr("Met"),
            message=self.tr("Logged the meeting with %1 on %2").replace("%1", who)
            .replace("%2", short_day(plan.occurred_on))))

    def move_current(self) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        answer = ChangeDateDialog.ask(self, plan, clock.today())
        if answer is None:
            return
        day, time = answer
        who = names_text([p.name for p in plan.participants])
        self._run(lambda: self.journal.run(
            plan_ops.move_plan, plan.id, day, time=time, text=self.tr("Move plan"),
            message=self.tr("Moved the plan with %1 to %2").replace("%1", who).replace("%2", short_day(day))))

    def cancel_current(self) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        who = names_text([p.name for p in plan.participants])
        self._run(lambda: self.journal.run(
            plan_ops.cancel_plan, plan.id, text=self.tr("Didn't happen"),
            message=self.tr("Noted: the plan with %1 didn't happen").replace("%1", who)))

