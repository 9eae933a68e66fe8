"""Parts of the main window that need no window: its first size, the navigation entries, the
after-first-paint hook, the warning banner and the keys table as HTML."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

from relj.ui import palettes

#: The window's size on a first run when the screen has room (a restored layout wins).
PREFERRED_SIZE = QSize(1180, 760)
#: The smallest window the views are laid out for (the Reconnect detail goes under its list).
MINIMUM_SIZE = QSize(640, 460)


def fitting_size(available: QSize | None) -> QSize:
    """The first window size: PREFERRED_SIZE, shrunk to nine tenths of the screen's free area
    (a 1024×700 screen, or a 1440-pixel one at a scale factor of 2, still shows all of it)."""
    if available is None or available.isEmpty():
        return PREFERRED_SIZE
    return QSize(max(min(PREFERRED_SIZE.width(), available.width() * 9 // 10), min(MINIMUM_SIZE.width(), available.width())),
                 max(min(PREFERRED_SIZE.height(), available.height() * 9 // 10),
                     min(MINIMUM_SIZE.height(), available.height())))


class NavDelegate(QStyledItemDelegate):
    """A navigation entry: its label, on a rounded highlight when selected."""

    MARGIN, PADDING, RADIUS = 6, 15, 6

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        from relj.ui.focus_style import RING, muted_highlight, ring_color

        r = option.rect.adjusted(self.MARGIN, 0, -self.MARGIN, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        # With the keyboard: the full highlight and a ring; without it, a muted highlight (only the
        # focused region shows a strong one).
        focused = option.widget is not None and option.widget.hasFocus()
        painter.save()
        if selected:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if focused:
                painter.setPen(QPen(ring_color(option.palette).darker(140), RING))
                painter.setBrush(option.palette.brush(QPalette.ColorRole.Highlight))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(muted_highlight(option.palette))
            painter.drawRoundedRect(QRectF(r).adjusted(1, 1, -1, -1), self.RADIUS, self.RADIUS)
        role = QPalette.ColorRole.HighlightedText if selected and focused else QPalette.ColorRole.WindowText
        painter.setPen(option.palette.color(role))
        painter.setFont(option.font)
        painter.drawText(r.adjusted(self.PADDING, 0, -self.PADDING, 0),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.restore()


class AfterFirstPaint(QObject):
    """Runs a callback once, from the event loop, after ``target`` is first painted."""

    def __init__(self, target: QWidget, callback: Callable[[], Any]) -> None:
        super().__init__(target)
        self._callback: Callable[[], Any] | None = callback
        target.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            obj.removeEventFilter(self)
            QTimer.singleShot(0, callback)
        return False


class WarningBanner(QFrame):
    """A warning across the top of the window, in the palette's warning colours, until dismissed."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warning_banner")
        self.setAccessibleName(self.tr("Warning"))
        self.setAutoFillBackground(True)
        self._tint()
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 6, 6)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.label, 1)
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName(self.tr("Dismiss the warning"))
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        row.addWidget(close)

    def _tint(self) -> None:
        back, text = palettes.banner_colors(self.palette())
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, back)
        palette.setColor(QPalette.ColorRole.WindowText, text)
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:  # light <-> dark while running
            self.setPalette(QPalette())
            self._tint()
        super().changeEvent(event)


def key_table_html(table: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """F1's table: a title row per view, then its keys and what they do."""
    from html import escape  # when F1 is pressed, not at start-up

    parts = []
    for title, rows in table:
        parts.append(f"<tr><td colspan='2' style='padding-top:10px'><b>{escape(title)}</b></td></tr>")
        parts.extend(f"<tr><td style='padding-right:18px'><b>{escape(keys)}</b></td>"
                     f"<td>{escape(text)}</td></tr>" for keys, text in rows)
    return "<table>" + "".join(parts) + "</table>"
