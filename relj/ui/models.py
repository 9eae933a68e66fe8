"""Table and list models over the journal: people, interests and the timeline.

Models listen to ``Journal.changed`` and reload; they never talk to widgets. Filtering, search
and sorting of people happen in SQL; rows are fetched a screenful at a time.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from relj.clock import today
from relj.domain import Channel, Interaction, InterestSummary, PersonRef, PersonRow, Status
from relj.ui import journal as jn
from relj.ui.i18n import QT_TR_NOOP, channel_label, circle_label, status_label, tr
from relj.ui.icons import channel_icon
from relj.ui.roles import ObjectRole, PersonIdRole, SortRole

log = logging.getLogger(__name__)

# The channel mix covers the last year: what the relationship is now, not what it was.
MIX_DAYS = 365

Index = QModelIndex | QPersistentModelIndex


class Unchanged(enum.Enum):
    """The default of a filter argument: leave that filter as it is (None means "no filter")."""

    TOKEN = enum.auto()


UNCHANGED: Final = Unchanged.TOKEN
_ROOT = QModelIndex()


def relative_day(day: dt.date | None, ref: dt.date | None = None) -> str:
    """'today', '3 days ago', '5 weeks ago', '4 months ago', '2 years ago'; '' for None."""
    if day is None:
        return ""
    ref = ref or today()
    days = (ref - day).days
    if days < 0:
        return tr("in %n days", "", -days) if days > -14 else long_day(day)
    if days == 0:
        return tr("today")
    if days == 1:
        return tr("yesterday")
    if days < 14:
        return tr("%n days ago", "", days)
    if days < 60:
        return tr("%n weeks ago", "", days // 7)
    if days < 730:
        return tr("%n months ago", "", round(days / 30.44))
    return tr("%n years ago", "", days // 365)


def long_day(day: dt.date) -> str:
    return day.strftime("%-d %b %Y")


_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
# Roles a view asks of every cell that the people table never sets: answered first, for nothing.
_UNSET_ROLES = frozenset(int(r) for r in (
    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.SizeHintRole, Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.StatusTipRole, Qt.ItemDataRole.WhatsThisRole,
))
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _Cells:
    """One fetched row of the people table, with its display strings made once (paint asks often)."""

    __slots__ = ("display", "never", "row")

    def __init__(self, row: PersonRow, display: tuple[str, ...], never: tuple[bool, ...]) -> None:
        self.row = row
        self.display = display
        # Per column: a "never" date, drawn in the placeholder colour.
        self.never = never


class PeopleTableModel(QAbstractTableModel):
    """The people table: ids ordered by SQL, rows fetched lazily in blocks.

    10,000 people cost a few milliseconds to order; only the rows on screen are read, and each
    row's strings are made once, when its block is read. The ids ordered for the current sort
    and filters are kept, so a keystroke in search only asks FTS who matches and keeps those.
    """

    NAME, CIRCLE, LAST_TOGETHER, LAST_VOICE, LAST_ANY, MIX = range(6)
    HEADERS = (QT_TR_NOOP("Name"), QT_TR_NOOP("Circle"), QT_TR_NOOP("Last together"), QT_TR_NOOP("Last voice"),
               QT_TR_NOOP("Last contact"), QT_TR_NOOP("Channel mix (year)"))
    SORT_KEYS = ("name", "circle", "last_together", "last_voice", "last_any", "count")
    BLOCK = 64

    def __init__(self, journal: jn.Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._ids: list[int] = []
        # Every id for the current sort, circle and interest, before the search query.
        self._base: list[int] = []
        self._cells: dict[int, _Cells] = {}
        self._query = ""
        self._circle: str | None = None
        self._interest: str | None = None
        self._sort_column = self.NAME
        self._order = Qt.SortOrder.AscendingOrder
        self._today = today()
        self._total: int | None = None
        self._never = tr("never")
        self._placeholder = QColor()
        journal.changed.connect(self._on_changed)
        self.reload()

    # -- filters and reload ------------------------------------------------------------------
    def set_filter(self, *, query: str | None = None, circle: str | None | Unchanged = UNCHANGED,
                   interest: str | None | Unchanged = UNCHANGED) -> None:
        """Change any of the filters (a filter not given stays as it is) and reload."""
        base_changed = False
        if query is not None:
            self._query = query
        if not isinstance(circle, Unchanged):
            base_changed |= (circle or None) != self._circle
            self._circle = circle or None
        if not isinstance(interest, Unchanged):
            base_changed |= (interest or None) != self._interest
            self._interest = interest or None
        if base_changed or today() != self._today:
            self.reload()
        else:
            self._show(self._matching())

    @property
    def query(self) -> str:
        return self._query

    def is_filtered(self) -> bool:
        return bool(self._query.strip() or self._circle or self._interest)

    def reload(self) -> None:
        """Read everything again: the ordered ids for the sort and filters, then the search."""
        self._today = today()
        self._total = None
        self._base = self.journal.store.people_ids(
            circle=self._circle,
            interest=self._interest,
            sort=self.SORT_KEYS[self._sort_column],
            descending=self._order == Qt.SortOrder.DescendingOrder,
            until=self._today,
            since=self._since(),
        )
        self._cells = {}
        self._show(self._matching())

    def _matching(self) -> list[int]:
        """The kept ids that match the search query, in their order."""
        matches = self.journal.store.person_ids_matching(self._query)
        if matches is None:
            return self._base
        return [pid for pid in self._base if pid in matches]

    def _show(self, ids: list[int]) -> None:
        self._placeholder = QGuiApplication.palette().color(QPalette.ColorGroup.Active,
                                                            QPalette.ColorRole.PlaceholderText)
        self.beginResetModel()
        self._ids = ids
        self.endResetModel()

    def _since(self) -> dt.date:
        return self._today - dt.timedelta(days=MIX_DAYS)

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {jn.PEOPLE, jn.INTERACTIONS, jn.INTERESTS}:
            self.reload()

    def total_people(self) -> int:
        if self._total is None:
            self._total = self.journal.store.person_count()
        return self._total

    # -- rows ------------------------------------------------------------------------------
    def person_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, person_id: int) -> int:
        try:
            return self._ids.index(person_id)
        except ValueError:
            return -1

    def row_object(self, row: int) -> PersonRow | None:
        cells = self._cells_at(row)
        return cells.row if cells is not None else None

    def _cells_at(self, row: int) -> _Cells | None:
        pid = self._ids[row]
        found = self._cells.get(pid)
        if found is None:
            self._fetch(row - row % self.BLOCK)
            found = self._cells.get(pid)
        return found

    def _fetch(self, start: int) -> None:
        """Read one block of rows and make their strings (one query for the block, none per cell)."""
        block = self._ids[start:start + self.BLOCK]
        ref, never = self._today, self._never
        for r in self.journal.store.people_rows_for(block, until=ref, since=self._since()):
            days = (r.last_together, r.last_voice, r.last_any)
            self._cells[r.id] = _Cells(
                r,
                (r.name, circle_label(r.circle),
                 *(relative_day(d, ref) or never for d in days),
                 f"{r.count_together} / {r.count_voice} / {r.count_written}"),
                (False, False, *(d is None for d in days), False),
            )

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return tr(self.HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole and section == self.MIX:
                return tr("Contact in the last 12 months: together, voice and written")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting asks for about ten roles per visible cell: the common ones are answered first,
        # from strings made when the row was read.
        row = index.row()
        if not 0 <= row < len(self._ids):  # also an invalid index (row -1)
            return None
        if role == _DISPLAY:
            cells = self._cells_at(row)
            return cells.display[index.column()] if cells is not None else None
        if role in _UNSET_ROLES:
            return None
        if role == _ALIGNMENT:
            return None if index.column() == self.NAME else _ALIGN_LEFT
        if role == _FOREGROUND:
            cells = self._cells_at(row)
            return self._placeholder if cells is not None and cells.never[index.column()] else None
        if role == PersonIdRole:
            return self._ids[row]
        cells = self._cells_at(row)
        if cells is None:
            return None
        r = cells.row
        col = index.column()
        if role == ObjectRole:
            return r
        if role == SortRole:
            return self._sort_value(r, col)
        if role == _TOOLTIP:
            if col == self.NAME:
                return r.name
            day = {self.LAST_TOGETHER: r.last_together, self.LAST_VOICE: r.last_voice,
                   self.LAST_ANY: r.last_any}.get(col)
            if day is not None:
                return long_day(day)
            if col == self.MIX:
                return tr("Last 12 months: %1 together, %2 voice, %3 written").replace(
                    "%1", str(r.count_together)).replace("%2", str(r.count_voice)).replace(
                    "%3", str(r.count_written))
        if role == _ACCESSIBLE:
            if col == self.MIX:
                return tr("%1 together, %2 voice, %3 written in the last year").replace(
                    "%1", str(r.count_together)).replace("%2", str(r.count_voice)).replace(
                    "%3", str(r.count_written))
            return cells.display[col]
        return None

    @staticmethod
    def _sort_value(row: PersonRow, col: int) -> Any:
        never = dt.date.min
        return (
            row.name.casefold(),
            row.circle or "default",
            row.last_together or never,
            row.last_voice or never,
            row.last_any or never,
            row.count_together + row.count_voice + row.count_written,
        )[col]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _SELECTABLE

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting re-queries: SQL orders 10,000 ids faster than Python compares them."""
        if not 0 <= column < len(self.HEADERS):
            return
        self._sort_column = column
        self._order = order
        self.reload()

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._order


class InterestsModel(QAbstractTableModel):
    """Every interest with the people who share it; mine are marked with a star."""

    NAME, PEOPLE = range(2)
    HEADERS = (QT_TR_NOOP("Interest"), QT_TR_NOOP("People"))

    def __init__(self, journal: jn.Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._items: list[InterestSummary] = []
        journal.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        items = self.journal.store.interests()
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {jn.INTERESTS, jn.PEOPLE, jn.OWNER}:
            self.reload()

    def interest(self, row: int) -> InterestSummary:
        return self._items[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        col = index.column()
        if role == ObjectRole:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return ("★ " if item.mine else "") + item.name
            return len(item.people)
        if role == SortRole:
            return item.name.casefold() if col == self.NAME else len(item.people)
        if role == Qt.ItemDataRole.FontRole and item.mine:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.mine:
                return tr("One of your interests: you share it with %n people", "", len(item.people))
            return tr("%n people", "", len(item.people))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = item.name if col == self.NAME else str(len(item.people))
            return (tr("yours: ") + text) if item.mine and col == self.NAME else text
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.PEOPLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class InterestFilterProxy(QSortFilterProxyModel):
    """Filters interests by a substring of their name; sorts on SortRole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSortRole(SortRole)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._text:
            return True
        model = self.sourceModel()
        item = model.data(model.index(source_row, 0, source_parent), ObjectRole)
        return item is not None and self._text in item.name.casefold()


class PersonRefsModel(QAbstractListModel):
    """A plain list of people (id and name), e.g. those who share an interest."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._refs: list[PersonRef] = []

    def set_people(self, refs: list[PersonRef] | tuple[PersonRef, ...]) -> None:
        self.beginResetModel()
        self._refs = list(refs)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._refs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._refs):
            return None
        ref = self._refs[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return ref.name
        if role == Qt.ItemDataRole.EditRole:
            return ref.name
        if role in (PersonIdRole,):
            return ref.id
        if role == ObjectRole:
            return ref
        if role == SortRole:
            return ref.name.casefold()
        return None


class TimelineModel(QAbstractListModel):
    """Interactions, newest first, read in pages of 200 as the view scrolls (fetchMore)."""

    PAGE = 200

    def __init__(self, journal: jn.Journal, *, person_id: int | None = None,
                 channels: frozenset[Channel] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._person_id = person_id
        self._channels = channels
        self._items: list[Interaction] = []
        self._more = True
        self._today = today()
        journal.changed.connect(self._on_changed)
        self.reload()

    @property
    def person_id(self) -> int | None:
        return self._person_id

    def set_filter(self, *, person_id: int | None | Unchanged = UNCHANGED,
                   channels: frozenset[Channel] | None | Unchanged = UNCHANGED) -> None:
        """Show one person's interactions (None: everyone's) and these channels (None: all); reload."""
        if not isinstance(person_id, Unchanged):
            self._person_id = person_id
        if not isinstance(channels, Unchanged):
            self._channels = channels
        self.reload()

    def reload(self) -> None:
        self._today = today()
        first = self._page(None)
        self.beginResetModel()
        self._items = first
        self._more = len(first) == self.PAGE
        self.endResetModel()

    def _page(self, after: tuple[dt.date, int] | None) -> list[Interaction]:
        if self._channels is not None and not self._channels:
            return []
        return self.journal.store.timeline_page(
            channels=self._channels, person_id=self._person_id, after=after, limit=self.PAGE
        )

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {jn.INTERACTIONS, jn.PEOPLE}:
            self.reload()

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid() or not self._more or not self._items:
            self._more = False
            return
        last = self._items[-1]
        page = self._page((last.occurred_on, last.id))
        self._more = len(page) == self.PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self._items), len(self._items) + len(page) - 1)
            self._items.extend(page)
            self.endInsertRows()

    def interaction(self, row: int) -> Interaction:
        return self._items[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role == ObjectRole:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return self.summary(item)
        if role == Qt.ItemDataRole.DecorationRole:
            return channel_icon(item.channel)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{long_day(item.occurred_on)} · {channel_label(item.channel)}"
            return tip + (f"\n{item.note}" if item.note else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{long_day(item.occurred_on)}, {channel_label(item.channel)}, {self.who(item)}. {item.note}"
        if role == SortRole:
            return (item.occurred_on, item.id)
        if role == PersonIdRole:
            return item.participants[0].id if item.participants else None
        return None

    def who(self, item: Interaction) -> str:
        names = [p.name for p in item.participants]
        if self._person_id is not None:
            names = [p.name for p in item.participants if p.id != self._person_id]
            return (tr("with ") + ", ".join(names)) if names else ""
        return ", ".join(names)

    def summary(self, item: Interaction) -> str:
        parts = [long_day(item.occurred_on), channel_label(item.channel)]
        who = self.who(item)
        if who:
            parts.append(who)
        if item.status is not Status.DONE:
            parts.append(status_label(item.status))
        text = " · ".join(parts)
        if item.note:
            text += " — " + " ".join(item.note.split())
        return text
