"""The People view: search as you type, circle and interest filters, a sortable table of 10,000 rows."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from PySide6.QtCore import QByteArray, QModelIndex, QPersistentModelIndex, QRectF, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from relj.domain import CIRCLES, UNSORTED, Mode
from relj.ui import journal as jn
from relj.ui.i18n import circle_label
from relj.ui.icons import mode_color
from relj.ui.journal import Journal
from relj.ui.models import PeopleTableModel
from relj.ui.roles import ObjectRole, PersonIdRole
from relj.ui.widgets import ActivatingTable

Index = QModelIndex | QPersistentModelIndex


@lru_cache(maxsize=4096)
def avatar_color(name: str) -> QColor:
    """A stable, muted colour per name for the initials badge: dark enough for white initials at
    WCAG AA (4.5:1) whatever the hue (yellows are the lightest)."""
    hue = int(hashlib.blake2s(name.encode("utf-8"), digest_size=2).hexdigest(), 16) % 360
    return QColor.fromHsl(hue, 90, 85)


@lru_cache(maxsize=4096)
def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()


_WHITE = QColor("white")
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
_RIGHT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)


def _panel(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """The cell's background, selection and focus, as the style draws them for an empty cell.

    The option the view passes holds no text or icon, so no initStyleOption (ten model calls) is needed.
    """
    widget = option.widget
    style = widget.style() if widget else None
    if style:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)


class NameDelegate(QStyledItemDelegate):
    """Initials badge, then the name elided on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fonts: dict[str, QFont] = {}

    def _small(self, font: QFont) -> QFont:
        key = font.key()
        small = self._fonts.get(key)
        if small is None:
            small = QFont(font)
            small.setPointSizeF(max(6.5, font.pointSizeF() * 0.72))
            small.setBold(True)
            self._fonts[key] = small
        return small

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _panel(painter, option)
        name = index.data(Qt.ItemDataRole.DisplayRole) or ""
        r = option.rect
        d = min(22, r.height() - 6)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        badge = QRectF(r.left() + 6, r.top() + (r.height() - d) / 2, d, d)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(avatar_color(name))
        painter.drawEllipse(badge)
        painter.setFont(self._small(option.font))
        painter.setPen(_WHITE)
        painter.drawText(badge, _CENTER, initials(name))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        painter.setFont(option.font)
        text_rect = r.adjusted(int(d + 14), 0, -4, 0)
        elided = option.fontMetrics.elidedText(name, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, _LEFT, elided)
        painter.restore()


class MixDelegate(QStyledItemDelegate):
    """The channel mix of the last year as one proportional bar: blue together, orange voice, grey written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._number_w: dict[str, int] = {}
        self._colors: tuple[int, tuple[QColor, QColor, QColor]] | None = None

    def _mode_colors(self, pal: QPalette) -> tuple[QColor, QColor, QColor]:
        key = pal.cacheKey()
        if self._colors is None or self._colors[0] != key:
            self._colors = (key, (mode_color(Mode.TOGETHER, pal), mode_color(Mode.VOICE, pal),
                                  mode_color(Mode.WRITTEN, pal)))
        return self._colors[1]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _panel(painter, option)
        row = index.data(ObjectRole)
        if row is None:
            return
        counts = (row.count_together, row.count_voice, row.count_written)
        total = sum(counts)
        r = option.rect
        key = option.font.key()
        number_w = self._number_w.get(key)
        if number_w is None:
            number_w = self._number_w[key] = option.fontMetrics.horizontalAdvance("0000")
        bar = QRectF(r.left() + 6, r.center().y() - 4, max(20, r.width() - number_w - 18), 8)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = option.palette
        if total == 0:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(bar.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        else:
            x = bar.left()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setClipRect(bar)
            for color, n in zip(self._mode_colors(pal), counts, strict=True):
                if not n:
                    continue
                w = bar.width() * n / total
                painter.setBrush(color)
                painter.drawRect(QRectF(x, bar.top(), w, bar.height()))
                x += w
            painter.setClipping(False)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.drawText(QRectF(bar.right() + 6, r.top(), number_w + 6, r.height()), _RIGHT, str(total))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(140, 28)


class PeopleTable(ActivatingTable):
    """The people table: Enter opens the current person (the search box hands Down to it).
    Arrows move within it; Tab leaves it (the keyboard is never trapped in a cell grid)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)


class PeopleView(QWidget):
    """Everyone in the journal. Enter or double-click opens a person."""

    person_activated = Signal(int)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setObjectName("people_view")
        self.setAccessibleName(self.tr("People"))
        self.model = PeopleTableModel(journal, self)

        title = QLabel(self.tr("People"))
        title.setObjectName("view_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Number of people shown"))
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.search = QLineEdit()
        self.search.setObjectName("people_search")
        self.search.setPlaceholderText(self.tr("Search names, emails, organisations, notes, interests…"))
        self.search.setAccessibleName(self.tr("Search people"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.search.installEventFilter(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(100)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._open_first)

        self.circle_combo = QComboBox()
        self.circle_combo.setObjectName("circle_filter")
        self.circle_combo.setAccessibleName(self.tr("Filter by circle"))
        self.circle_combo.currentIndexChanged.connect(self._apply_circle)
        self.interest_combo = QComboBox()
        self.interest_combo.setObjectName("interest_filter")
        self.interest_combo.setAccessibleName(self.tr("Filter by interest"))
        self.interest_combo.setMinimumContentsLength(12)
        self.interest_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.interest_combo.currentIndexChanged.connect(self._apply_interest)
        self._fill_filters()

        new_button = QPushButton(self.tr("New person"))
        new_button.setToolTip(self.tr("Add someone (Ctrl+N)"))
        new_button.setAccessibleName(self.tr("New person"))
        new_button.clicked.connect(self._new_person)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(8)
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBaseline)
        top.addStretch(1)
        top.addWidget(new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.circle_combo)
        filters.addWidget(self.interest_combo)

        self._build_table()

        self.empty = QLabel()
        self.empty.setObjectName("people_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        empty_font = self.empty.font()
        empty_font.setPointSizeF(empty_font.pointSizeF() * 1.15)
        self.empty.setFont(empty_font)
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 10)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.body, 1)

        self.model.modelReset.connect(self._on_reset)
        journal.changed.connect(self._on_changed)
        self._on_reset()

    def _build_table(self) -> None:
        """The people table: rows of a fixed height scrolled by pixel, columns movable, sorted by SQL."""
        self.table = PeopleTable()
        self.table.setObjectName("people_table")
        self.table.setAccessibleName(self.tr("People"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(32)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PeopleTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for col, width in ((PeopleTableModel.CIRCLE, 110), (PeopleTableModel.LAST_TOGETHER, 130),
                           (PeopleTableModel.LAST_VOICE, 130), (PeopleTableModel.LAST_ANY, 130),
                           (PeopleTableModel.MIX, 160)):
            header.resizeSection(col, width)
        self.table.setItemDelegateForColumn(PeopleTableModel.NAME, NameDelegate(self.table))
        self.table.setItemDelegateForColumn(PeopleTableModel.MIX, MixDelegate(self.table))
        self.table.setSortingEnabled(True)
        header.setSortIndicator(PeopleTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(self._activate)

    # -- filters ---------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        store = self.journal.store
        for combo, first, values in (
            (self.circle_combo, self.tr("All circles"), _ordered_circles(store.circles_in_use())),
            (self.interest_combo, self.tr("All interests"), store.held_interest_names()),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for value in values:
                if combo is self.circle_combo and value == UNSORTED:
                    continue  # shown under "No circle", one name for one thing
                label = circle_label(value) if combo is self.circle_combo else value
                combo.addItem(label, value)
            found = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

    def _apply_search(self) -> None:
        self.model.set_filter(query=self.search.text())

    def _apply_circle(self) -> None:
        self.model.set_filter(circle=self.circle_combo.currentData())

    def _apply_interest(self) -> None:
        self.model.set_filter(interest=self.interest_combo.currentData())

    def set_search_text(self, text: str) -> None:
        """Set the search box and apply it at once (tests, the palette)."""
        self.search.setText(text)
        self._debounce.stop()
        self._apply_search()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {jn.PEOPLE, jn.INTERESTS}:
            self._fill_filters()

    def _on_reset(self) -> None:
        shown = self.model.rowCount()
        if self.model.is_filtered():
            total = self.model.total_people()
            self.count_label.setText(self.tr("%1 of %2").replace("%1", f"{shown:,}").replace("%2", f"{total:,}"))
        else:
            self.count_label.setText(self.tr("%Ln people", "", shown))
        if shown:
            self.body.setCurrentWidget(self.table)
            return
        if self.model.is_filtered():
            self.empty.setText(self.tr("No one matches. Try fewer words, or clear the filters."))
        else:
            self.empty.setText(self.tr("No one yet: add a person with Ctrl+N, or import your contacts "
                                       "(File ▸ Import, or drop a file here)."))
        self.body.setCurrentWidget(self.empty)

    # -- selection and activation ----------------------------------------------------------
    def selected_person_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        return self.model.data(index, PersonIdRole)

    def select_person(self, person_id: int) -> bool:
        row = self.model.row_of(person_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _activate(self, index: QModelIndex) -> None:
        pid = self.model.data(index, PersonIdRole)
        if pid is not None:
            self.person_activated.emit(pid)

    def _open_first(self) -> None:
        self._debounce.stop()
        self._apply_search()
        if self.model.rowCount():
            self.person_activated.emit(self.model.person_id(0))

    def _new_person(self) -> None:
        window = self.window()
        action = getattr(window, "act_new_person", None)
        if action is not None:
            action.trigger()

    def eventFilter(self, obj, event) -> bool:  # noqa: ANN001 - Qt signature
        if obj is self.search and event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Down \
                and self.model.rowCount():
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return True
        return super().eventFilter(obj, event)

    # -- UI state --------------------------------------------------------------------------
    def save_ui_state(self, settings: QSettings) -> None:
        settings.setValue("people/header", self.table.horizontalHeader().saveState())

    def restore_ui_state(self, settings: QSettings) -> None:
        state = settings.value("people/header")
        if isinstance(state, QByteArray):
            self.table.horizontalHeader().restoreState(state)
            header = self.table.horizontalHeader()
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())


def _ordered_circles(in_use: list[str]) -> list[str]:
    order = {c: n for n, c in enumerate(CIRCLES)}
    return sorted(in_use, key=lambda c: (order.get(c, len(order)), c))
