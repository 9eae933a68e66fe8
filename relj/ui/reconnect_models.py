"""The Reconnect view's models: the ranked people (ReconnectModel) and the thank-yous (FollowupModel)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from relj import home_prefetch
from relj import reconnect as rc
from relj.clock import today
from relj.domain import Interaction
from relj.ui import journal as jn
from relj.ui.i18n import QT_TR_NOOP, tr
from relj.ui.reconnect_delegate import kind_label
from relj.ui.roles import ObjectRole, PersonIdRole, SortRole

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
# The home view shows the most urgent people; the rest are counted, not drawn.
VIEW_LIMIT = home_prefetch.LIMIT
_RELOAD_ON = frozenset({jn.PEOPLE, jn.INTERACTIONS, jn.INTERESTS, jn.OWNER, jn.RECONNECT})


class ReconnectModel(QAbstractListModel):
    """The ranked list of people who need attention (relj.reconnect.Entry rows).

    Everyone is ranked on reload; the entries (reasons, openers) are built for the first screenful
    and then as the list scrolls (fetchMore), up to VIEW_LIMIT. Unless ``show_all``, the list holds
    only today's few: the first SHORT people of the same order.
    """

    #: How many people "today's few" holds at most.
    SHORT = 5

    HEADERS = (QT_TR_NOOP("Person"),)
    # Entries built on reload: more than a tall window shows, so the first paint is complete.
    FIRST = home_prefetch.ROWS
    # Entries built each time the list asks for more.
    MORE = 48

    def __init__(self, journal: jn.Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._rows: list[rc.Entry] = []
        self._ranked: rc.Ranking | home_prefetch.Home | None = None
        self._spare: list[rc.Entry] = []  # rows built already, beyond those shown
        self._count = 0  # how many people are ranked in full (the list's length with show_all)
        self.total = 0
        self.show_all = False
        self.day = today()
        journal.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.day = today()
        try:
            # At start-up the ranking may be ready already: computed while Qt loaded (relj.home_prefetch).
            home = home_prefetch.take(self.journal.store.path, self.day, VIEW_LIMIT)
            if home is not None:
                self._ranked, self.total, self._count = home, home.total, home.shown
            else:
                ranked = rc.ranking(self.journal.store, self.day, limit=VIEW_LIMIT)
                self._ranked, self.total, self._count = ranked, ranked.total, len(ranked.shown)
            want = min(self.FIRST, self.shown())
            self._spare = list(home.rows) if home else []
            self._rows = self._built(0, want)
        finally:
            self.endResetModel()
        log.debug("reconnect view: %d rows of %d", len(self._rows), self.total)

    @property
    def _ranking(self) -> rc.Ranking | None:
        """The ranking (a start-up helper's is unpickled when first needed, after the first paint)."""
        ranked = self._ranked
        return ranked.ranking if isinstance(ranked, home_prefetch.Home) else ranked

    def _built(self, start: int, stop: int) -> list[rc.Entry]:
        """The entries of rows [start, stop): those the start-up helper built, then built here."""
        ready = self._spare[start:stop]
        rest = [] if start + len(ready) >= stop or self._ranking is None else \
            rc.entries(self.journal.store, self._ranking, start + len(ready), stop)
        return ready + rest

    def short_count(self) -> int:
        """How many people today's few holds: the first SHORT (people with a plan come last)."""
        return min(self.SHORT, self._count)

    def shown(self) -> int:
        """How many people the list holds once scrolled to the end (at most VIEW_LIMIT)."""
        return self._count if self.show_all else self.short_count()

    def set_show_all(self, show_all: bool) -> None:
        """Everyone who needs attention (up to VIEW_LIMIT), or only today's few."""
        if show_all == self.show_all:
            return
        self.beginResetModel()
        self.show_all = show_all
        start, stop = len(self._rows), min(self.FIRST, self.shown())
        if start < stop:
            self._rows.extend(self._built(start, stop))
        self.endResetModel()

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self.shown()

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid() or self._ranked is None or not self.canFetchMore():
            return
        start = len(self._rows)
        more = self._built(start, min(start + self.MORE, self.shown()))
        if more:
            self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & _RELOAD_ON:
            self.reload()

    def entry(self, row: int) -> rc.Entry | None:
        return self._rows[row] if 0 <= row < min(len(self._rows), self.shown()) else None

    def build_to(self, row: int) -> None:
        """Build the entries down to ``row`` (to select or scroll to it)."""
        while len(self._rows) <= row and self.canFetchMore():
            self.fetchMore()

    def row_of(self, person_id: int) -> int:
        """The row of ``person_id``, building entries down to it if needed; -1 if not listed."""
        for n, e in enumerate(self._rows[:self.shown()]):
            if e.person_id == person_id:
                return n
        if self._ranking is None:
            return -1
        for n, a in enumerate(self._ranking.shown[:self.shown()]):
            if a.summary.person_id == person_id:
                self.build_to(n)
                return n
        return -1

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else min(len(self._rows), self.shown())

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
        from relj.store import reconnect as reconnect_store

        self.beginResetModel()
        self.day = today()
        self._items = {}
        self._texts = {}
        try:
            self._ids = reconnect_store.pending_followup_ids(self.journal.store, self.day, rc.FOLLOWUP_WINDOW)
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
