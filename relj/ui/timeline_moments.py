"""The timeline with life moments: dated rows of their own kind among the interactions, marked with a star.

``MomentsTimelineModel`` is relj.ui.models.TimelineModel with each person's moments (relj.store.moments)
merged in by date, newest first. Interactions are still read in pages; a page brings the moments
dated down to its last interaction (a range seek on the moment's date), the last page the rest, so
memory stays bounded by what is shown.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import QApplication

from relj.domain import Interaction
from relj.rhythms import Moment
from relj.store import moments as moment_store
from relj.ui.i18n import tr
from relj.ui.models import TimelineModel, long_day
from relj.ui.person_moments import kind_label
from relj.ui.roles import ObjectRole, PersonIdRole, SortRole

__all__ = ["MomentsTimelineModel", "moment_icon"]

Index = QModelIndex | QPersistentModelIndex
Row = Interaction | Moment


@functools.cache
def _star(size: int, dark: bool) -> QIcon:
    """A star badge: moments are not channels, so they get a mark no channel has."""
    scale = 2
    pix = QPixmap(size * scale, size * scale)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#f2c14e" if dark else "#b7791f"))
    r = size * scale / 2
    points = [QPointF(r + (r * (0.95 if k % 2 == 0 else 0.42)) * math.sin(k * math.pi / 5),
                      r - (r * (0.95 if k % 2 == 0 else 0.42)) * math.cos(k * math.pi / 5)) for k in range(10)]
    p.drawPolygon(QPolygonF(points))
    p.end()
    pix.setDevicePixelRatio(scale)
    return QIcon(pix)


def moment_icon(size: int = 20) -> QIcon:
    from relj.ui.palettes import is_dark

    return _star(size, is_dark(QApplication.palette()))


class MomentsTimelineModel(TimelineModel):
    """Interactions and moments, newest first; ``show_moments`` switches the moments on and off."""

    _show_moments = True
    #: Moments of days after this one are in the list (None: all of them, the last page is read).
    _bound: dt.date | None = None
    _last_key: tuple[dt.date, int] | None = None

    def set_show_moments(self, on: bool) -> None:
        if on != self._show_moments:
            self._show_moments = on
            self.reload()

    @property
    def show_moments(self) -> bool:
        return self._show_moments

    def _moments(self, after: dt.date | None, upto: dt.date | None) -> list[Moment]:
        """Moments dated after ``after`` (exclusive) and up to ``upto`` (inclusive); None: no bound."""
        # Moments are no channel: a view narrowed to some channels shows those channels only.
        if not self._show_moments or self._person_id == -1 or self._channels is not None:
            return []
        lo = (after + dt.timedelta(days=1)) if after is not None else dt.date(1, 1, 1)
        hi = upto if upto is not None else dt.date(9999, 12, 31)
        if lo > hi:
            return []
        if self._person_id is not None:
            return [m for m in moment_store.moments_for(self.journal.store, self._person_id) if lo <= m.day <= hi]
        return moment_store.recent_moments(self.journal.store, lo, hi)

    @staticmethod
    def _merge(interactions: Sequence[Interaction], moments: Sequence[Moment]) -> list[Row]:
        rows: list[Row] = [*interactions, *moments]
        # Newest first; on one day a moment comes before that day's interactions.
        rows.sort(key=lambda r: (r.day, 1, r.id) if isinstance(r, Moment) else (r.occurred_on, 0, r.id),
                  reverse=True)
        return rows

    def _read(self, after: tuple[dt.date, int] | None, upto: dt.date | None) -> tuple[list[Row], bool]:
        page = self._page(after)
        more = len(page) == self.PAGE
        self._last_key = (page[-1].occurred_on, page[-1].id) if page else after
        bound = page[-1].occurred_on if (more and page) else None
        rows = self._merge(page, self._moments(bound, upto))
        self._bound = bound
        return rows, more

    def reload(self) -> None:
        from relj.clock import today

        self._today = today()
        rows, more = self._read(None, None)
        self.beginResetModel()
        self._items = rows  # type: ignore[assignment]
        self._more = more
        self.endResetModel()

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if parent.isValid() or not self._more or self._last_key is None:
            self._more = False
            return
        rows, more = self._read(self._last_key, self._bound)
        self._more = more
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._items), len(self._items) + len(rows) - 1)
            self._items.extend(rows)  # type: ignore[arg-type]
            self.endInsertRows()

    def row_item(self, row: int) -> Row:
        return self._items[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item: Row = self._items[index.row()]
        if not isinstance(item, Moment):
            return super().data(index, role)
        if role == ObjectRole:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.moment_summary(item)
        if role == Qt.ItemDataRole.DecorationRole:
            return moment_icon()
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("A moment in %1's life: %2").replace("%1", item.person_name).replace("%2", item.text)
        if role == SortRole:
            return (item.day, item.id)
        if role == PersonIdRole:
            return item.person_id
        return None

    def moment_summary(self, m: Moment) -> str:
        parts = [long_day(m.day), tr("Moment: %1").replace("%1", kind_label(m.kind))]
        if self._person_id is None:
            parts.append(m.person_name)
        if m.yearly:
            parts.append(tr("every year"))
        return " · ".join(parts) + " — " + m.text
