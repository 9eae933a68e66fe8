"""The Reconnect home view: who needs attention, with a reason, openers, actions and their chart."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
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
from relj.ui.focus_style import ring_only
from relj.ui.reconnect_delegate import ReconnectDelegate, kind_label
from relj.ui.reconnect_models import VIEW_LIMIT, FollowupModel, ReconnectModel

__all__ = ["VIEW_LIMIT", "FollowupModel", "ReconnectDelegate", "ReconnectModel", "ReconnectView", "kind_label"]

log = logging.getLogger(__name__)

# The dialogs live in relj.ui.reconnect_dialogs (their widgets cost ~2 ms to load at start-up);
# they are still importable from here.
_DIALOGS = frozenset({"SnoozeDialog"})


def __getattr__(name: str) -> Any:
    if name in _DIALOGS:
        from relj.ui import reconnect_dialogs

        return getattr(reconnect_dialogs, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- the view ----------------------------------------------------------------------------------
class ReconnectView(QWidget):
    """Home: thank-yous to send, then the few people to act on today (everyone a key away); the
    selected person's reason, openers, chart and actions beside the list (below it when narrow).

    Keys act on the focused list only: on the people, P plan, S snooze, Shift+P pause, D dismiss for
    now, W written contact is fine, Enter open, A everyone / today's few; on the thank-yous, Enter
    thank-you sent, D dismiss. Every action answers in the status bar (with Undo) and the selection
    moves on to the next person.
    """

    person_activated = Signal(int)

    #: The list never gets narrower than this; below LIST_MIN + DETAIL_MIN the detail goes under it.
    LIST_MIN = 340
    DETAIL_MIN = 320

    def __init__(self, journal: jn.Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setAccessibleName(self.tr("Reconnect"))
        self.model = ReconnectModel(journal, self)
        self.followups_model = FollowupModel(journal, self)
        self._advance = False

        title = QLabel(self.tr("Reconnect"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        title.setAccessibleName(self.tr("Reconnect"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.toggle_all = QPushButton(self)
        self.toggle_all.setFlat(True)
        self.toggle_all.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.toggle_all.setAccessibleName(self.tr("Show everyone or today's few"))
        summary_row = QHBoxLayout()
        summary_row.setContentsMargins(0, 0, 0, 0)
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.toggle_all, 0, Qt.AlignmentFlag.AlignTop)

        self.followups_label = QLabel(self.tr("Say thanks"), self)
        self.followups_label.setAccessibleName(self.tr("Say thanks"))
        self.followups_hint = QLabel(self.tr("Enter: thank-you sent · D: dismiss · right-click for more"), self)
        self.followups_hint.setAccessibleName(self.tr("Keys of the thank-you list"))
        self.followups_hint.setWordWrap(True)
        self.followups = QListView(self)
        self.followups.setModel(self.followups_model)
        self.followups.setAccessibleName(self.tr("Thank-you notes to send"))
        self.followups.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.followups.setUniformItemSizes(True)  # one line each: no size asked of every row
        self.followups.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.followups.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.followups.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.thanks_sent = QPushButton(self.tr("&Thank-you sent"), self)
        self.thanks_sent.setAccessibleName(self.tr("Thank-you sent"))
        self.thanks_sent.setToolTip(self.tr("Log the thank-you note as sent (Enter)"))
        self.thanks_dismiss = QPushButton(self.tr("Dismiss"), self)
        self.thanks_dismiss.setAccessibleName(self.tr("Dismiss the thank-you"))
        self.thanks_dismiss.setToolTip(self.tr("No thank-you for this one (D)"))
        thanks_head = QHBoxLayout()
        thanks_head.setContentsMargins(0, 0, 0, 0)
        thanks_head.addWidget(self.followups_label, 1)
        thanks_head.addWidget(self.thanks_sent)
        thanks_head.addWidget(self.thanks_dismiss)
        self.thanks_box = QWidget(self)
        tv = QVBoxLayout(self.thanks_box)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addLayout(thanks_head)
        tv.addWidget(self.followups)
        tv.addWidget(self.followups_hint)

        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(ReconnectDelegate(self.list))
        self.list.setAccessibleName(self.tr("People to reconnect with"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumWidth(self.LIST_MIN)
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
        lv.addLayout(summary_row)
        lv.addWidget(self.thanks_box)
        # "Did you meet Ana on Sat 12 Dec?" (issue 15): built once the list is first painted, so
        # the app's first paint does not load the plan dialogs it leads to.
        self.passed_plans: Any = None
        self._passed_slot = QVBoxLayout()
        self._passed_slot.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(self._passed_slot)
        lv.addWidget(self.list_stack, 1)
        from relj.ui.window_parts import AfterFirstPaint

        AfterFirstPaint(self.list, self.build_passed_plans)

        self.detail = self._build_detail()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 440])  # the reasons are the point: give the list the room
        self.splitter = splitter
        outer = QVBoxLayout(self)
        outer.addWidget(splitter, 1)  # strips put above it (the week's agenda) keep their own height

        self._actions()
        # Tab goes region to region: the thank-yous, the people, then the actions of the detail.
        self.order_tabs()
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
    #: How long the selection rests before the selected person's brief is read.
    BRIEF_DELAY_MS = 200

    def _build_detail(self) -> QWidget:
        box = QWidget(self)
        box.setAccessibleName(self.tr("Selected person"))
        box.setMinimumWidth(self.DETAIL_MIN)
        v = QVBoxLayout(box)
        self.detail_name = QLabel(box)
        f = self.detail_name.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2)
        self.detail_name.setFont(f)
        self.detail_name.setWordWrap(True)
        self.detail_name.setAccessibleName(self.tr("Name"))
        self.detail_reason = QLabel(box)
        self.detail_reason.setWordWrap(True)
        self.detail_reason.setAccessibleName(self.tr("Reason"))
        self.detail_reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_openers = QLabel(box)
        self.detail_openers.setWordWrap(True)
        self.detail_openers.setAccessibleName(self.tr("Openers"))
        self.chart = ContactChart(box)
        self.chart.setAccessibleName(self.tr("Contact per month"))
        rows = (QHBoxLayout(), QHBoxLayout())
        self.buttons: dict[str, QPushButton] = {}
        # Each button's underlined letter is its key on the list (Pause is Shift+P: its P is Plan's).
        for n, (key, text, tip) in enumerate((
                ("plan", self.tr("&Plan…"), self.tr("Plan a meeting (P)")),
                ("snooze", self.tr("&Snooze…"), self.tr("Hide until a day you choose (S)")),
                ("dismiss", self.tr("&Dismiss for now"), self.tr("Hide for two weeks (D)")),
                ("written_ok", self.tr("&Writing is fine"), self.tr("Messages are enough with this person (W)")),
                ("pause", self.tr("Pa&use"), self.tr("Off Reconnect until you resume them (Shift+P)")),
                ("open", self.tr("&Open"), self.tr("Open their page (Enter)")))):
            b = QPushButton(text, box)
            b.setAccessibleName(text.replace("&", "").rstrip("…"))
            b.setToolTip(tip)
            rows[n // 3].addWidget(b)
            self.buttons[key] = b
        for row in rows:
            row.addStretch(1)
        v.addWidget(self.detail_name)
        v.addWidget(self.detail_reason)
        v.addWidget(self.detail_openers)
        # The selected person's brief (notes, what is coming up...): read once the selection has
        # rested BRIEF_DELAY_MS, so arrowing down the list and the first paint never wait for it.
        self.brief_box = QVBoxLayout()
        self.brief: Any = None
        self.brief_scroll: Any = None
        self._tab_lead: list[QWidget] = []
        self._brief_timer = QTimer(self)
        self._brief_timer.setSingleShot(True)
        self._brief_timer.setInterval(self.BRIEF_DELAY_MS)
        self._brief_timer.timeout.connect(self._show_brief)
        v.addLayout(self.brief_box, 1)
        v.addLayout(rows[0])
        v.addLayout(rows[1])
        v.addWidget(self.chart, 1)  # wide or tall, the chart takes the room left (up to its own limit)
        v.addStretch(1)  # the rest goes below it, not between the lines of text
        return box

    def _actions(self) -> None:
        def add(widget: QWidget, text: str, keys: list[str], slot: Callable[[], object]) -> QAction:
            action = QAction(text, widget)
            action.setShortcuts([QKeySequence(k) for k in keys])
            # Only while this list has the keyboard: a letter never reaches another region's list.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            widget.addAction(action)
            return action

        self.actions_by_name = {
            "plan": add(self.list, self.tr("Plan a meeting"), ["P"], self.plan_current),
            "snooze": add(self.list, self.tr("Snooze"), ["S"], self.snooze_current),
            "pause": add(self.list, self.tr("Pause"), ["Shift+P"], self.pause_current),
            "dismiss": add(self.list, self.tr("Dismiss for now"), ["D"], self.dismiss_current),
            "written_ok": add(self.list, self.tr("Written contact is fine"), ["W"], self.written_ok_current),
            "open": add(self.list, self.tr("Open person"), ["Return", "Enter"], self.open_current),
            "show_all": add(self.list, self.tr("Everyone or today's few"), ["A"], self.toggle_show_all),
            "followup_done": add(self.followups, self.tr("Thank-you sent"), ["Return", "Enter", "Space"],
                                 lambda: self.followup_done_current()),  # not triggered(bool) as the channel
            "followup_text": add(self.followups, self.tr("Thank-you sent by text message"), [],
                                 lambda: self.followup_done_current("text")),
            "followup_letter": add(self.followups, self.tr("Thank-you sent by letter"), [],
                                   lambda: self.followup_done_current("letter")),
            "followup_dismiss": add(self.followups, self.tr("Dismiss the thank-you"), ["D", "Delete"],
                                    self.followup_dismiss_current),
        }
        self.actions_by_name["followup_done"].setText(self.tr("Thank-you sent by email"))
        for key, button in self.buttons.items():
            button.clicked.connect(self.actions_by_name[key].trigger)
        self.thanks_sent.clicked.connect(self.actions_by_name["followup_done"].trigger)
        self.thanks_dismiss.clicked.connect(self.actions_by_name["followup_dismiss"].trigger)
        self.toggle_all.clicked.connect(self.toggle_show_all)

    def view_actions(self) -> list[QAction]:
        """The actions of this view, for the command palette and the list of keys (F1)."""
        return list(self.actions_by_name.values())

    # -- layout --------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        # A strip laid out above the list (the week's agenda) never widens the view beyond the
        # screen: it shows what fits.
        for strip in self.findChildren(QWidget, "agenda_strip"):
            strip.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        narrow = self.width() < self.LIST_MIN + self.DETAIL_MIN + 60
        want = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.splitter.orientation() != want:
            self.splitter.setOrientation(want)
            if narrow:  # the list on top, the detail below it
                self.splitter.setSizes([self.height() * 3 // 5, self.height() * 2 // 5])
            else:
                self.splitter.setSizes([self.width() * 11 // 20, self.width() * 9 // 20])

    # -- state ---------------------------------------------------------------------------------
    def _remember(self) -> None:
        e = self.current_entry()
        # After an action the selection moves on: whoever comes next takes the acted-on row.
        self._keep = e.person_id if e and not self._advance else None
        self._keep_row = max(0, self.list.currentIndex().row())

    def _empty_text(self) -> str:
        """What an empty list says: what to do next, from the state of the journal."""
        from relj.domain import UNSORTED

        store = self.journal.store
        if store.person_count() == 0:
            return self.tr("No one here yet.\n\nImport your contacts, calendar, mail or phone files (Ctrl+I), "
                           "or add a person (Ctrl+N). File ▸ Sources… finds Thunderbird and Evolution for you.")
        if store.interaction_count() == 0:
            return self.tr("No contact logged yet.\n\nLog a meeting, call or message with Quick log (Ctrl+L), "
                           "or import your mail, calendar or phone files (Ctrl+I): relj then shows who has drifted.")
        unsorted = len(store.people_ids(circle=UNSORTED))
        if unsorted:
            return self.tr("Everyone you track is in touch.\n\n%n people are not sorted into circles yet and "
                           "are not tracked: Edit ▸ Sort people… takes one key each.", "", unsorted)
        return self.tr("Everyone is in touch. Nothing to do.\n\n"
                       "People you only write to, or who have gone quiet, will appear here.")

    def _restore(self) -> None:
        rows = self.model.rowCount()
        if not rows:
            self.empty.setText(self._empty_text())
        self.list_stack.setCurrentWidget(self.list if rows else self.empty)
        self._update_summary()
        if not rows:
            self._show(None)
            return
        row = self.model.row_of(self._keep) if self._keep is not None else -1
        if row < 0:
            row = min(self._keep_row, self.model.shown() - 1)
            self.model.build_to(row)
        self.list.setCurrentIndex(self.model.index(row, 0))
        self._show(self.model.entry(row))

    def _update_summary(self) -> None:
        m = self.model
        rest = m.total - m.shown()
        if m.total == 0:
            self.summary.setText("")
            self.toggle_all.hide()
            return
        if m.total <= m.short_count():
            text = self.tr("%Ln people need attention.", "", m.total)
        elif not m.show_all:
            text = self.tr("Start with these %n today: the ones you have drifted from furthest, "
                           "closest people first.", "", m.shown())
            if rest > 0:
                text += " " + self.tr("%Ln more need attention.", "", rest)
            self.toggle_all.setText(self.tr("Show everyone (A)"))
        elif m.total > m.shown():
            text = self.tr("The %1 most urgent of %Ln people who need attention.", "", m.total) \
                .replace("%1", str(m.shown()))
            self.toggle_all.setText(self.tr("Today's few (A)"))
        else:
            text = self.tr("%Ln people need attention.", "", m.total)
            self.toggle_all.setText(self.tr("Today's few (A)"))
        self.summary.setText(text)
        self.toggle_all.setVisible(m.total > m.short_count())

    def _refresh_followups(self) -> None:
        rows = self.followups_model.rowCount()
        has = rows > 0
        self.thanks_box.setVisible(has)
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
        self._brief_timer.start()
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

    def build_passed_plans(self) -> None:
        """The passed-plans section above the list (it shows itself when there are passed plans)."""
        if self.passed_plans is not None:
            return
        from relj.ui.passed_plans import PassedPlansSection

        self.passed_plans = PassedPlansSection(self.journal, self)
        self._passed_slot.addWidget(self.passed_plans)

    def _show_brief(self) -> None:
        """The brief of the selected person (relj/ui/person_brief.py), built on first use."""
        entry = self.current_entry()
        if self.brief is None:
            if entry is None:
                return
            from relj.ui.person_brief import BriefSection

            self.brief = BriefSection(self.journal, self)
            self.brief.setAccessibleName(self.tr("Before you meet"))
            # Scrolls rather than being cut when the window is short (1024×700, a scale factor of 2).
            self.brief_scroll = QScrollArea(self)
            self.brief_scroll.setWidget(self.brief)
            self.brief_scroll.setWidgetResizable(True)
            # A frame that is drawn only as the focus ring (relj.ui.focus_style): Tab stops here to scroll.
            ring_only(self.brief_scroll)
            self.brief.setContentsMargins(4, 2, 4, 2)  # room between the text and the ring
            self.brief_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.brief_scroll.setAccessibleName(self.tr("Before you meet"))
            self.brief_box.addWidget(self.brief_scroll)
            self.order_tabs()
        self.brief_scroll.setVisible(entry is not None)
        self.brief.show_person(entry.person_id if entry is not None else None)

    # -- queries for tests and the window ------------------------------------------------------
    def tab_chain(self) -> list[QWidget]:
        """The view's stops for Tab, as the eye reads them: the toggle, the thanks, the people, the
        brief, the actions, the chart."""
        chain: list[QWidget] = [self.toggle_all, self.followups, self.list]
        if self.brief_scroll is not None:
            chain.append(self.brief_scroll)
        return [*chain, *self.buttons.values(), self.chart]

    def order_tabs(self, lead: list[QWidget] | None = None) -> None:
        """Tab through ``lead`` (the week's agenda above the view, kept from the last call) and then
        the view's own stops, in that order (Qt's default is the order the widgets were made)."""
        if lead is not None:
            self._tab_lead = lead
        chain = [*self._tab_lead, *self.tab_chain()]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

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
        if row < 0 and not self.model.show_all:
            self.model.set_show_all(True)
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

    def _act(self, fn: Callable[[], object]) -> None:
        """Run an action on the current person; the list then reloads with the next one selected."""
        self._advance = True
        try:
            self._guard(fn)
        finally:
            self._advance = False

    def toggle_show_all(self) -> None:
        """A: everyone who needs attention, or back to today's few."""
        self.model.set_show_all(not self.model.show_all)

    def plan_current(self) -> None:
        e = self.current_entry()
        if e is None:
            return
        from relj.ui.plan_dialog import ask_plan

        self._act(lambda: ask_plan(self, self.journal, [e.person_id]))

    def snooze_current(self) -> None:
        e = self.current_entry()
        if e is None:
            return
        from relj.ui.reconnect_dialogs import SnoozeDialog

        until = SnoozeDialog.ask(self, e.name)
        if until is not None:
            self._act(lambda: self.journal.snooze(e.person_id, until))

    def pause_current(self) -> None:
        e = self.current_entry()
        if e is not None:
            self._act(lambda: self.journal.pause(e.person_id))

    def dismiss_current(self) -> None:
        """Dismiss for now: snooze for DISMISS_DAYS without asking."""
        e = self.current_entry()
        if e is None:
            return
        from relj.ops import reconnect as reconnect_ops
        from relj.ui.reconnect_dialogs import short_day

        until = today() + dt.timedelta(days=rc.DISMISS_DAYS)
        message = self.tr("Dismissed %1 for now: back on %2").replace("%1", e.name).replace("%2", short_day(until))
        self._act(lambda: self.journal.run(reconnect_ops.snooze, e.person_id, until, message=message))

    def written_ok_current(self) -> None:
        e = self.current_entry()
        if e is not None:
            self._act(lambda: self.journal.set_written_ok(e.person_id, True))

    def open_current(self) -> None:
        e = self.current_entry()
        if e is not None:
            self.person_activated.emit(e.person_id)

    def followup_done_current(self, channel: str = "email") -> None:
        """The thank-you is sent: log it (relj.ops.plans.thank, one undoable step)."""
        i = self.current_followup()
        if i is not None:
            from relj.ops import plans as plan_ops

            self._guard(lambda: self.journal.run(plan_ops.thank, i.id, channel))

    def followup_dismiss_current(self) -> None:
        i = self.current_followup()
        if i is not None:
            self._guard(lambda: self.journal.decide_followup(i.id, "dismissed"))
