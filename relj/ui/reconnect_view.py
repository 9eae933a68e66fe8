"""The Reconnect home view: who needs attention, with a reason, openers, actions and their chart."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from relj import reconnect as rc
from relj.clock import today
from relj.domain import Interaction
from relj.errors import UserError
from relj.ui import journal as jn
from relj.ui.chart import ContactChart
from relj.ui.reconnect_delegate import ReconnectDelegate, kind_label
from relj.ui.reconnect_models import VIEW_LIMIT, FollowupModel, ReconnectModel

__all__ = ["VIEW_LIMIT", "FollowupModel", "ReconnectDelegate", "ReconnectModel", "ReconnectView", "kind_label"]

log = logging.getLogger(__name__)

# The dialogs live in relj.ui.reconnect_dialogs (their widgets cost ~2 ms to load at start-up);
# they are still importable from here.
_DIALOGS = frozenset({"PlanDialog", "PlanResult", "SnoozeDialog", "RICH_CHANNELS"})


def __getattr__(name: str) -> Any:
    if name in _DIALOGS:
        from relj.ui import reconnect_dialogs

        return getattr(reconnect_dialogs, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- the view ----------------------------------------------------------------------------------
class ReconnectView(QWidget):
    """Home: follow-ups, then the ranked list; the selected person's reason, openers and chart."""

    person_activated = Signal(int)

    def __init__(self, journal: jn.Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setAccessibleName(self.tr("Reconnect"))
        self.model = ReconnectModel(journal, self)
        self.followups_model = FollowupModel(journal, self)

        title = QLabel(self.tr("Reconnect"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        title.setAccessibleName(self.tr("Reconnect"))
        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("Summary"))

        self.followups_label = QLabel(self.tr("Say thanks"), self)
        self.followups_label.setAccessibleName(self.tr("Say thanks"))
        self.followups = QListView(self)
        self.followups.setModel(self.followups_model)
        self.followups.setAccessibleName(self.tr("Thank-you notes to send"))
        self.followups.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.followups.setUniformItemSizes(True)  # one line each: no size asked of every row
        self.followups.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.followups.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(ReconnectDelegate(self.list))
        self.list.setAccessibleName(self.tr("People to reconnect with"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.empty = QLabel(self.tr("Everyone is in touch. Nothing to do.\n\n"
                                    "People you only write to, or who have gone quiet, will appear here."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("Nothing to do"))
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.list)
        self.list_stack.addWidget(self.empty)

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(title)
        lv.addWidget(self.summary)
        lv.addWidget(self.followups_label)
        lv.addWidget(self.followups)
        from relj.ui.passed_plans import PassedPlansSection  # "Did you meet Ana on Sat 12 Dec?" (issue 15)

        self.passed_plans = PassedPlansSection(journal, left)
        lv.addWidget(self.passed_plans)
        lv.addWidget(self.list_stack, 1)

        self.detail = self._build_detail()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])  # the reasons are the point: give the list the room
        self.splitter = splitter
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

        self._actions()
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.activated.connect(lambda _i: self.open_current())
        self.model.modelAboutToBeReset.connect(self._remember)
        self.model.modelReset.connect(self._restore)
        self.followups_model.modelReset.connect(self._refresh_followups)
        self._keep: int | None = None
        self._keep_row = 0
        self._refresh_followups()
        self._restore()

    # -- building ------------------------------------------------------------------------------
    def _build_detail(self) -> QWidget:
        box = QWidget(self)
        box.setAccessibleName(self.tr("Selected person"))
        v = QVBoxLayout(box)
        self.detail_name = QLabel(box)
        f = self.detail_name.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2)
        self.detail_name.setFont(f)
        self.detail_name.setAccessibleName(self.tr("Name"))
        self.detail_reason = QLabel(box)
        self.detail_reason.setWordWrap(True)
        self.detail_reason.setAccessibleName(self.tr("Reason"))
        self.detail_reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_openers = QLabel(box)
        self.detail_openers.setWordWrap(True)
        self.detail_openers.setAccessibleName(self.tr("Openers"))
        self.chart = ContactChart(box)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("plan", self.tr("&Plan…")), ("snooze", self.tr("&Snooze…")),
                          ("pause", self.tr("Pa&use")), ("dismiss", self.tr("&Not now")),
                          ("written_ok", self.tr("&Writing is fine")), ("open", self.tr("&Open"))):
            b = QPushButton(text, box)
            b.setAccessibleName(text.replace("&", "").rstrip("…"))
            buttons.addWidget(b)
            self.buttons[key] = b
        v.addWidget(self.detail_name)
        v.addWidget(self.detail_reason)
        v.addWidget(self.detail_openers)
        v.addWidget(self.chart)
        v.addLayout(buttons)
        v.addStretch(1)
        return box

    def _actions(self) -> None:
        def add(widget: QWidget, text: str, keys: list[str], slot: Callable[[], object]) -> QAction:
            action = QAction(text, widget)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            widget.addAction(action)
            return action

        self.actions_by_name = {
            "plan": add(self.list, self.tr("Plan a meeting"), ["P"], self.plan_current),
            "snooze": add(self.list, self.tr("Snooze"), ["S"], self.snooze_current),
            "pause": add(self.list, self.tr("Pause"), ["Shift+P"], self.pause_current),
            "dismiss": add(self.list, self.tr("Not now"), ["D"], self.dismiss_current),
            "written_ok": add(self.list, self.tr("Written contact is fine"), ["W"], self.written_ok_current),
            "open": add(self.list, self.tr("Open person"), ["Return", "Enter"], self.open_current),
            "followup_done": add(self.followups, self.tr("Thank-you note sent"), ["Return", "Enter", "Space"],
                                 self.followup_done_current),
            "followup_dismiss": add(self.followups, self.tr("Dismiss follow-up"), ["D", "Delete"],
                                    self.followup_dismiss_current),
        }
        for key, button in self.buttons.items():
            button.clicked.connect(self.actions_by_name[key].trigger)

    # -- state ---------------------------------------------------------------------------------
    def _remember(self) -> None:
        e = self.current_entry()
        self._keep = e.person_id if e else None
        self._keep_row = max(0, self.list.currentIndex().row())

    def _restore(self) -> None:
        rows = self.model.shown()
        self.list_stack.setCurrentWidget(self.list if rows else self.empty)
        if self.model.total > rows:
            self.summary.setText(self.tr("The %1 most urgent of %Ln people who need attention.", "", self.model.total)
                                 .replace("%1", str(rows)))
        elif rows:
            self.summary.setText(self.tr("%n people need attention.", "", rows))
        else:
            self.summary.setText("")
        if not rows:
            self._show(None)
            return
        row = self.model.row_of(self._keep) if self._keep is not None else -1
        if row < 0:
            row = min(self._keep_row, rows - 1)
            self.model.build_to(row)
        self.list.setCurrentIndex(self.model.index(row, 0))
        self._show(self.model.entry(row))

    def _refresh_followups(self) -> None:
        rows = self.followups_model.rowCount()
        has = rows > 0
        self.followups.setVisible(has)
        self.followups_label.setVisible(has)
        if has:
            # As tall as its rows, up to four; a scroll bar beyond that.
            line = self.followups.sizeHintForRow(0) or self.fontMetrics().height() + 4
            frame = 2 * self.followups.frameWidth()
            self.followups.setFixedHeight(min(rows, 4) * line + frame)
        if has and not self.followups.currentIndex().isValid():
            self.followups.setCurrentIndex(self.followups_model.index(0, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.entry(current.row()) if current.isValid() else None)

    def _show(self, e: rc.Entry | None) -> None:
        for b in self.buttons.values():
            b.setEnabled(e is not None)
        if e is None:
            self.detail_name.setText("")
            self.detail_reason.setText("")
            self.detail_openers.setText("")
            self.chart.set_data({})
            return
        self.detail_name.setText(f"{e.name}  ·  {kind_label(e.kind)}")
        self.detail_reason.setText(e.reason)
        self.detail_openers.setText("\n".join("• " + o.text for o in e.openers))
        self.chart.set_data(self.journal.store.monthly_mode_counts(e.person_id, until=self.model.day),
                            self.model.day, last_rich=e.last_rich_contact, rhythm_days=e.expected_rich_days)

    # -- queries for tests and the window ------------------------------------------------------
    def focus_list(self) -> None:
        """Give the Reconnect list the keyboard, on its current row or else the first one."""
        if not self.list.currentIndex().isValid() and self.model.rowCount() > 0:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_entry(self) -> rc.Entry | None:
        return self.model.entry(self.list.currentIndex().row())

    def selected_person_id(self) -> int | None:
        """The selected person: quick log (Ctrl+L) starts with them."""
        e = self.current_entry()
        return e.person_id if e else None

    def select_person(self, person_id: int) -> bool:
        row = self.model.row_of(person_id)
        if row < 0:
            return False
        self.list.setCurrentIndex(self.model.index(row, 0))
        return True

    def current_followup(self) -> Interaction | None:
        return self.followups_model.interaction(self.followups.currentIndex().row())

    # -- actions -------------------------------------------------------------------------------
    def _guard(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except UserError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("Reconnect"), str(exc))

    def plan_current(self) -> None:
        e = self.current_entry()
        if e is None:
            return
        from relj.ui.plan_dialog import ask_plan

        ask_plan(self, self.journal, [e.person_id])

    def snooze_current(self) -> None:
        e = self.current_entry()
        if e is None:
            return
        from relj.ui.reconnect_dialogs import SnoozeDialog

        until = SnoozeDialog.ask(self, e.name)
        if until is not None:
            self._guard(lambda: self.journal.snooze(e.person_id, until))

    def pause_current(self) -> None:
        e = self.current_entry()
        if e is not None:
            self._guard(lambda: self.journal.pause(e.person_id))

    def dismiss_current(self) -> None:
        """Not now: snooze for DISMISS_DAYS without asking."""
        e = self.current_entry()
        if e is not None:
            until = today() + dt.timedelta(days=rc.DISMISS_DAYS)
            self._guard(lambda: self.journal.snooze(e.person_id, until))

    def written_ok_current(self) -> None:
        e = self.current_entry()
        if e is not None:
            self._guard(lambda: self.journal.set_written_ok(e.person_id, True))

    def open_current(self) -> None:
        e = self.current_entry()
        if e is not None:
            self.person_activated.emit(e.person_id)

    def followup_done_current(self) -> None:
        i = self.current_followup()
        if i is not None:
            self._guard(lambda: self.journal.decide_followup(i.id, "done"))

    def followup_dismiss_current(self) -> None:
        i = self.current_followup()
        if i is not None:
            self._guard(lambda: self.journal.decide_followup(i.id, "dismissed"))
