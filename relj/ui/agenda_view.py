"""The agenda strip on the home view: "This week: Dmitri's birthday on Thu · Sunday dinner · 2 thank-yous".

Computed after the window's first paint (relj.agenda.upcoming over the next 7 days) and again when
the journal changes. Each entry is a button that leads to its action: a birthday, moment, plan or
rhythm opens the (first) person's page; the thank-yous go to the home view's "Say thanks" list.
An entry is shown whole or not at all: those the width leaves out are counted in "and 3 more",
itself a button whose menu lists them, each with its action. Tab reaches the entries; Left and
Right move between them; Enter or Space acts.

Also here: the File menu's "Notify at login" setting, which `relj notify` reads from the journal.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QSizePolicy, QToolButton, QWidget

from relj.ops import INTERACTIONS, PEOPLE, RECONNECT, SETTINGS
from relj.ui import journal as jn

if TYPE_CHECKING:
    from relj.agenda import AgendaEntry
    from relj.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Days shown: today and the six after it.
DAYS = 6
#: Entries given a button at most, as the width allows; the rest are counted ("and 4 more").
MAX_SHOWN = 5
#: Entries listed in the "and N more" menu at most, soonest first.
MENU_MAX = 30


#: The kinds of change that can change the agenda (rhythms and moments are people's changes).
_AGENDA_KINDS = frozenset({PEOPLE, INTERACTIONS, RECONNECT})


@dataclass(frozen=True)
class Item:
    """One button of the strip."""

    text: str
    person_id: int | None  # the page it opens; None for the thank-yous
    kind: str


class AgendaStrip(QWidget):
    """A one-line agenda for the week, hidden while empty."""

    person_activated = Signal(int)
    followups_requested = Signal()

    def __init__(self, journal: jn.Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setObjectName("agenda_strip")
        self.setAccessibleName(self.tr("This week"))
        self.items: list[Item] = []
        self.buttons: list[QToolButton] = []
        self._started = False
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 4)
        self._row.setSpacing(2)
        self.heading = QLabel(self.tr("This week:"), self)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self._row.addWidget(self.heading)
        # "and 3 more": the entries the strip has no room for, in a menu.
        self.more = QToolButton(self)
        self.more.setAutoRaise(True)
        self.more.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.more.setMenu(QMenu(self.more))
        self.more.installEventFilter(self)
        self.more.hide()
        self._row.addWidget(self.more)
        self._row.addStretch(1)
        self.hide()
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self.refresh)
        journal.changed.connect(self._on_changed)

    # -- data -------------------------------------------------------------------------------------
    @property
    def started(self) -> bool:
        """Has the agenda been computed (after the first paint)?"""
        return self._started

    def start(self) -> None:
        """Compute the agenda now and from now on whenever the journal changes (after the first paint)."""
        self._started = True
        self.refresh()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        # Only what the agenda shows (birthdays, moments, plans, rhythms, thank-yous); several
        # changes in one turn of the event loop (an import, an undo) are read once.
        if self._started and kinds & _AGENDA_KINDS:
            self._refresh_soon.start()

    def refresh(self) -> None:
        from relj.agenda import upcoming
        from relj.clock import today

        day = today()
        entries = upcoming(self.journal.store, day, DAYS)
        self._show(self.items_for(entries, day), len(entries))

    def items_for(self, entries: list[AgendaEntry], day: dt.date) -> list[Item]:
        """Each entry with its day, soonest first; the thank-you follow-ups as one item."""
        items: list[Item] = []
        thanks = 0
        for e in entries:
            if e.kind == "followup":
                thanks += 1
                continue
            who = e.people[0][0] if e.people else None
            items.append(Item(self.tr("%1 %2", "an agenda entry: what, then when").replace("%1", e.what).replace("%2", self.when(e.date, day)),
                              who, e.kind))
        if thanks:
            items.append(Item(self.tr("%n thank-you(s)", "", thanks), None, "followup"))
        return items

    def when(self, date: dt.date, day: dt.date) -> str:
        if date == day:
            return self.tr("today")
        if date == day + dt.timedelta(days=1):
            return self.tr("tomorrow")
        return self.tr("on %1").replace("%1", QLocale().dayName(date.isoweekday(), QLocale.FormatType.ShortFormat))

    # -- widgets ----------------------------------------------------------------------------------
    def _show(self, items: list[Item], _count: int) -> None:
        focused = next((n for n, b in enumerate(self.buttons) if b.hasFocus()), None)
        for b in self.buttons:
            b.removeEventFilter(self)
            self._row.removeWidget(b)
            b.deleteLater()
        self.buttons = []
        self.items = items
        for n, item in enumerate(items[:MAX_SHOWN]):
            b = QToolButton(self)
            b.setText(item.text)
            b.setAutoRaise(True)
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)  # whole, or not shown
            b.setAccessibleName(item.text)
            b.setToolTip(self.tr("Open the thank-you notes to send") if item.person_id is None
                         else self.tr("Open this person's page"))
            b.clicked.connect(self._activator(item))
            b.installEventFilter(self)
            self._row.insertWidget(1 + n, b)
            self.buttons.append(b)
        self.setVisible(bool(items))
        self._fit()
        order = getattr(self.parentWidget(), "order_tabs", None)
        if callable(order):  # Tab reads the week's entries first, then the view below them
            order([*self.buttons, self.more])
        shown = self.shown_buttons()
        if focused is not None and shown:
            shown[min(focused, len(shown) - 1)].setFocus(Qt.FocusReason.OtherFocusReason)
        log.debug("agenda strip: %d items", len(items))

    def shown_buttons(self) -> list[QToolButton]:
        """The entries' buttons the width has room for (the rest are in the "more" menu)."""
        return [b for b in self.buttons if not b.isHidden()]

    def _fit(self) -> None:
        """Show as many entries, whole, as the width allows (the first at least, cut if it must);
        count the others in "and N more", whose menu lists them."""
        if not self.buttons:
            self._set_more([])
            return
        spacing = self._row.spacing()
        room = self.width() - self.heading.sizeHint().width() - spacing
        used = count = 0
        for n, b in enumerate(self.buttons):
            b.setText(self.items[n].text)
            rest = len(self.items) - (n + 1)
            more = self._more_width(rest) + spacing if rest else 0
            if n > 0 and used + b.sizeHint().width() + spacing + more > room:
                break
            used += b.sizeHint().width() + spacing
            count = n + 1
        if count == 1:  # the first entry is shown, cut at its end when even it has no room
            first, rest = self.buttons[0], len(self.items) - 1
            room -= spacing + (self._more_width(rest) + spacing if rest else 0)
            if first.sizeHint().width() > room:
                fm = first.fontMetrics()
                chrome = first.sizeHint().width() - fm.horizontalAdvance(first.text())
                first.setText(fm.elidedText(self.items[0].text, Qt.TextElideMode.ElideRight, max(40, room - chrome)))
        for n, b in enumerate(self.buttons):
            b.setVisible(n < count)
        self._set_more(self.items[count:])

    def _more_width(self, hidden: int) -> int:
        self.more.setText(self.tr("and %n more", "", hidden))
        return self.more.sizeHint().width()

    def _set_more(self, hidden: list[Item]) -> None:
        menu = self.more.menu()
        menu.clear()
        for item in hidden[:MENU_MAX]:
            action = menu.addAction(item.text)
            action.triggered.connect(self._activator(item))
        if len(hidden) > MENU_MAX:  # a busy week (a 10,000-person journal): the soonest, then a count
            menu.addAction(self.tr("and %Ln more this week", "", len(hidden) - MENU_MAX)).setEnabled(False)
        self.more.setText(self.tr("and %n more", "", len(hidden)) if hidden else "")
        self.more.setAccessibleName(self.more.text())
        self.more.setToolTip(self.tr("The rest of this week") if hidden else "")
        self.more.setVisible(bool(hidden))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _activator(self, item: Item) -> Callable[[], None]:
        def act() -> None:
            self.activate(item)
        return act

    def activate(self, item: Item) -> None:
        if item.person_id is None:
            self.followups_requested.emit()
        else:
            self.person_activated.emit(item.person_id)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Enter acts on the focused entry; Left and Right move between entries."""
        ring = [*self.shown_buttons(), *([self.more] if self.more.isVisible() else [])]
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and obj in ring:
            n = ring.index(obj)  # type: ignore[arg-type]
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if ring[n] is self.more:
                    self.more.showMenu()
                else:
                    ring[n].click()
                return True
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                step = -1 if key == Qt.Key.Key_Left else 1
                ring[(n + step) % len(ring)].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(obj, event)


class LoginNotifyAction(QAction):
    """File ▸ Notify at login: whether `relj notify` shows today's agenda (a journal setting, undoable)."""

    def __init__(self, journal: jn.Journal, parent: QObject) -> None:
        super().__init__(self.tr("Show today's agenda at &login"), parent)
        self.journal = journal
        self.setObjectName("login_notify_action")
        self.setCheckable(True)
        self.setStatusTip(self.tr("One desktop notification of today's agenda when you log in "
                                  "(packaging/install-linux.sh --autostart sets it up)"))
        self.sync()
        self.triggered.connect(self._toggled)
        journal.changed.connect(lambda kinds: self.sync() if SETTINGS in kinds else None)

    def sync(self) -> None:
        from relj.notify import login_enabled

        self.setChecked(login_enabled(self.journal.store))

    def _toggled(self, checked: bool) -> None:
        from relj.ops.notify import set_login_notification

        self.journal.run(set_login_notification, checked,
                         text=self.tr("Notify at login") if checked else self.tr("No notification at login"),
                         message=self.tr("Today's agenda will be shown at login") if checked
                         else self.tr("No notification at login"))


def attach_agenda(window: MainWindow, view: QWidget) -> AgendaStrip:
    """Put the agenda strip at the top of the home view and the login setting in the File menu."""
    strip = AgendaStrip(window.journal, view)
    layout = view.layout()
    if layout is not None:
        layout.insertWidget(0, strip)  # type: ignore[attr-defined]
    strip.person_activated.connect(window.navigate_to_person)
    strip.followups_requested.connect(lambda: _focus_followups(view))
    action = LoginNotifyAction(window.journal, window)
    _add_to_file_menu(window, action)
    # Deferred: the window is still being built when it builds its home view.
    QTimer.singleShot(0, lambda: window.after_first_paint(strip.start))
    return strip


def _focus_followups(view: QWidget) -> None:
    followups = getattr(view, "followups", None)
    if isinstance(followups, QWidget) and followups.isVisible():
        followups.setFocus(Qt.FocusReason.OtherFocusReason)


def _add_to_file_menu(window: MainWindow, action: QAction) -> None:
    """After File ▸ Notify when someone becomes due, else at the end of the first menu."""
    window.addAction(action)
    menus = [m for m in (a.menu() for a in window.menuBar().actions()) if isinstance(m, QMenu)]
    for menu in menus:
        actions = menu.actions()
        anchor = getattr(window, "act_notify", None)
        if anchor in actions:
            i = actions.index(anchor)
            if i + 1 < len(actions):
                menu.insertAction(actions[i + 1], action)
            else:
                menu.addAction(action)
            return
    if menus:
        menus[0].addAction(action)
