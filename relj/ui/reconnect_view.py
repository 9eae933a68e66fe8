"""The Reconnect home view: who needs attention, with a reason, openers, actions and their chart."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from relj import reconnect as rc
from relj.clock import today
from relj.domain import Channel, Interaction, Mode
from relj.errors import UserError
from relj.ui import journal as jn
from relj.ui.chart import ContactChart
from relj.ui.i18n import QT_TR_NOOP, tr
from relj.ui.roles import ObjectRole, PersonIdRole, SortRole

log = logging.getLogger(__name__)

# The dialogs live in relj.ui.reconnect_dialogs (their widgets cost ~2 ms to load at start-up);
# they are still importable from here.
_DIALOGS = frozenset({"PlanDialog", "PlanResult", "SnoozeDialog", "RICH_CHANNELS"})


def __getattr__(name: str) -> Any:
    if name in _DIALOGS:
        from relj.ui import reconnect_dialogs

        return getattr(reconnect_dialogs, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
# The home view shows the most urgent people; the rest are counted, not drawn.
VIEW_LIMIT = 200
_RELOAD_ON = frozenset({jn.PEOPLE, jn.INTERACTIONS, jn.INTERESTS, jn.OWNER, jn.RECONNECT})


def _short_day(day: dt.date | None, ref: dt.date) -> str:
    return rc.day_words(day, ref) if day else ""


def _split_line(text: str, fm: QFontMetrics, width: int) -> tuple[str, str]:
    """The words of ``text`` that fit on one line of ``width``, and the rest."""
    if fm.horizontalAdvance(text) <= width:
        return text, ""
    words = text.split(" ")
    line = ""
    for n, word in enumerate(words):
        candidate = f"{line} {word}" if line else word
        if fm.horizontalAdvance(candidate) > width:
            if not line:  # one word longer than the line: cut it
                return fm.elidedText(word, Qt.TextElideMode.ElideRight, width), " ".join(words[n + 1:])
            return line, " ".join(words[n:])
        line = candidate
    return line, ""


class ReconnectModel(QAbstractListModel):
    """The ranked list of people who need attention (relj.reconnect.Entry rows).

    Everyone is ranked on reload; the entries (reasons, openers) are built for the first screenful
    and then as the list scrolls (fetchMore), up to VIEW_LIMIT.
    """

    HEADERS = (QT_TR_NOOP("Person"),)
    # Entries built on reload: more than a tall window shows, so the first paint is complete.
    FIRST = 24
    # Entries built each time the list asks for more.
    MORE = 48

    def __init__(self, journal: jn.Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._rows: list[rc.Entry] = []
        self._ranking: rc.Ranking | None = None
        self.total = 0
        self.day = today()
        journal.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.day = today()
        try:
            self._ranking = rc.ranking(self.journal.store, self.day, limit=VIEW_LIMIT)
            self.total = self._ranking.total
            self._rows = rc.entries(self.journal.store, self._ranking, 0, self.FIRST)
        finally:
            self.endResetModel()
        log.debug("reconnect view: %d rows of %d", len(self._rows), self.total)

    def shown(self) -> int:
        """How many people the list holds once scrolled to the end (at most VIEW_LIMIT)."""
        return len(self._ranking.shown) if self._ranking is not None else 0

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self.shown()

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid() or self._ranking is None or not self.canFetchMore():
            return
        start = len(self._rows)
        more = rc.entries(self.journal.store, self._ranking, start, start + self.MORE)
        if more:
            self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & _RELOAD_ON:
            self.reload()

    def entry(self, row: int) -> rc.Entry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def build_to(self, row: int) -> None:
        """Build the entries down to ``row`` (to select or scroll to it)."""
        while len(self._rows) <= row and self.canFetchMore():
            self.fetchMore()

    def row_of(self, person_id: int) -> int:
        """The row of ``person_id``, building entries down to it if needed; -1 if not listed."""
        for n, e in enumerate(self._rows):
            if e.person_id == person_id:
                return n
        if self._ranking is None:
            return -1
        for n, a in enumerate(self._ranking.shown):
            if a.summary.person_id == person_id:
                self.build_to(n)
                return n
        return -1

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.HEADERS):
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != 0:
            return None
        e = self.entry(index.row())
        if e is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return e.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return e.reason
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return f"{e.name}, {kind_label(e.kind)}. {e.reason}"
        if role == SortRole:
            return e.score
        if role == ObjectRole:
            return e
        if role == PersonIdRole:
            return e.person_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class FollowupModel(QAbstractListModel):
    """Thank-you notes to send after in-person meetings of the last week.

    Keeps ids and reads the interactions a block at a time, as the list shows them: a busy week
    may hold hundreds of meetings, and the list shows four.
    """

    BLOCK = 32

    def __init__(self, journal: jn.Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._ids: list[int] = []
        self._items: dict[int, Interaction] = {}
        self._texts: dict[int, str] = {}
        self.day = today()
        journal.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        from relj.store import reconnect as rq

        self.beginResetModel()
        self.day = today()
        self._items = {}
        self._texts = {}
        try:
            self._ids = rq.pending_followup_ids(self.journal.store, self.day, rc.FOLLOWUP_WINDOW)
        finally:
            self.endResetModel()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & _RELOAD_ON:
            self.reload()

    def interaction(self, row: int) -> Interaction | None:
        if not 0 <= row < len(self._ids):
            return None
        found = self._items.get(self._ids[row])
        if found is None:
            start = row - row % self.BLOCK
            for i in self.journal.store.interactions_by_ids(self._ids[start:start + self.BLOCK]):
                self._items[i.id] = i
            found = self._items.get(self._ids[row])
        return found

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != 0:
            return None
        i = self.interaction(index.row())
        if i is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            text = self._texts.get(i.id)
            if text is None:
                text = self._texts[i.id] = rc.followup_text(i, self.day)
            return text
        if role == SortRole:
            return (i.occurred_on, i.id)
        if role == ObjectRole:
            return i
        if role == PersonIdRole:
            return i.participants[0].id if i.participants else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def kind_label(kind: rc.Kind) -> str:
    """The badge of an entry: "only written" or "gone quiet", translated."""
    return tr("only written") if kind is rc.Kind.DIGITAL_ONLY else tr("gone quiet")


class ReconnectDelegate(QStyledItemDelegate):
    """Draws an entry as a card: name and badge, the reason, then the openers."""

    PAD = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._font_cache: dict[str, tuple[QFont, QFont, QFont]] = {}
        self._metrics: dict[str, tuple[QFontMetrics, QFontMetrics, QFontMetrics]] = {}

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        # Made once per font: the list asks the size of all 200 entries before it paints.
        key = option.font.key()
        found = self._font_cache.get(key)
        if found is None:
            base = QFont(option.font)
            bold = QFont(base)
            bold.setBold(True)
            small = QFont(base)
            small.setPointSizeF(max(7.0, base.pointSizeF() * 0.9))
            found = self._font_cache[key] = (bold, base, small)
            self._metrics[key] = (QFontMetrics(bold), QFontMetrics(base), QFontMetrics(small))
        return found

    def _fm(self, option: QStyleOptionViewItem) -> tuple[QFontMetrics, QFontMetrics, QFontMetrics]:
        self._fonts(option)
        return self._metrics[option.font.key()]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm_bold, fm_base, fm_small = self._fm(option)
        e = index.data(ObjectRole)
        lines = fm_bold.height() + 2 * fm_base.height()  # the reason gets two lines
        if e is not None and e.openers:
            lines += fm_small.height()
        return QSize(360, lines + 2 * self.PAD + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        e: rc.Entry | None = index.data(ObjectRole)
        if e is None:
            super().paint(painter, option, index)
            return
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        ink = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(ink)
        dim.setAlphaF(0.7)
        bold, base, small = self._fonts(option)
        r = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        # Line 1: name, badge, and the facts at the right.
        day = today()
        facts = []
        if e.last_rich_contact:
            facts.append(self.tr("rich: %1").replace("%1", _short_day(e.last_rich_contact, day)))
        else:
            facts.append(self.tr("never met"))
        if e.written_since:
            facts.append(self.tr("%1 written").replace("%1", f"{e.written_since}{'+' if e.written_capped else ''}"))
        if e.planned:
            facts.append(self.tr("planned %1").replace("%1", _short_day(e.planned, day)))
        fact_text = " · ".join(facts)
        fm_bold, fm, fm_small = self._fm(option)
        fact_w = fm_small.horizontalAdvance(fact_text)
        badge = kind_label(e.kind)
        badge_w = fm_small.horizontalAdvance(badge) + 12
        name_w = max(40, r.width() - fact_w - badge_w - 24)
        name = fm_bold.elidedText(e.name, Qt.TextElideMode.ElideRight, name_w)
        line1 = QRect(r.left(), r.top(), r.width(), fm_bold.height())
        painter.setFont(bold)
        painter.setPen(ink)
        painter.drawText(line1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        bx = r.left() + fm_bold.horizontalAdvance(name) + 8
        brect = QRect(bx, line1.top() + 1, badge_w, line1.height() - 2)
        color = QColor("#3b82c4") if e.kind is rc.Kind.DIGITAL_ONLY else QColor("#c47a3b")
        if e.planned:
            color = QColor("#5a9a5a")
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(brect, 6, 6)
        painter.setPen(QColor("white"))
        painter.setFont(small)
        painter.drawText(brect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.setPen(dim)
        painter.drawText(line1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, fact_text)
        # Line 2: the reason.
        painter.setFont(base)
        painter.setPen(ink)
        first, rest = _split_line(e.reason, fm, r.width())
        line2 = QRect(r.left(), line1.bottom() + 2, r.width(), fm.height())
        painter.drawText(line2, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, first)
        if rest:
            painter.drawText(line2.translated(0, fm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(rest, Qt.TextElideMode.ElideRight, r.width()))
        line2 = line2.adjusted(0, 0, 0, fm.height())
        # Line 3: openers.
        if e.openers:
            painter.setFont(small)
            painter.setPen(dim)
            line3 = QRect(r.left(), line2.bottom() + 2, r.width(), fm_small.height())
            text = "  ·  ".join(o.text for o in e.openers)
            painter.drawText(line3, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm_small.elidedText(text, Qt.TextElideMode.ElideRight, r.width()))
        painter.restore()


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
                                self.model.day)

    # -- queries for tests and the window ------------------------------------------------------
    def focus_list(self) -> None:
        """Give the Reconnect list the keyboard, on its current row or else the first one."""
        if not self.list.currentIndex().isValid() and self.model.rowCount() > 0:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_entry(self) -> rc.Entry | None:
        return self.model.entry(self.list.currentIndex().row())

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
        default = Channel.IN_PERSON if e.last_rich_mode in (None, Mode.TOGETHER) else Channel.VIDEO
        from relj.ui.reconnect_dialogs import PlanDialog

        result = PlanDialog.ask(self, e.name, default_channel=default)
        if result is not None:
            self._guard(lambda: self.journal.plan_meeting(e.person_id, result.day, result.channel, result.note))

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
