"""The app's style: Fusion, plus a visible focus ring on the focused list and muted selections elsewhere.

One region has the keyboard at a time and shows it: a focused list or text area gets a ring in the
palette's highlight colour (so it follows light and dark), and a list without the keyboard shows
its selection muted, so only one strong highlight is ever on screen. A proxy style rather than a
style sheet: a style sheet costs ~5 ms of start-up (the style-sheet style polishing every widget).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionViewItem,
    QWidget,
)

#: Width of the focus ring, in device-independent pixels.
RING = 2.0


def ring_color(palette: QPalette) -> QColor:
    """The focus ring's colour: the palette's highlight (accent), in light and dark alike."""
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)


def muted_highlight(palette: QPalette) -> QColor:
    """A selection without the keyboard: the highlight faded into the base colour (a quarter of it)."""
    hi = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    base = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)
    k = 0.28
    return QColor.fromRgbF(base.redF() + (hi.redF() - base.redF()) * k,
                           base.greenF() + (hi.greenF() - base.greenF()) * k,
                           base.blueF() + (hi.blueF() - base.blueF()) * k)


def shows_ring(widget: QWidget | None) -> bool:
    """Does ``widget`` draw the focus ring now? A focused list or text area that takes the keyboard."""
    return (isinstance(widget, QAbstractScrollArea) and widget.hasFocus()
            and widget.focusPolicy() != Qt.FocusPolicy.NoFocus)


def selection_muted(widget: QWidget | None) -> bool:
    """Is ``widget``'s selection shown muted? A list that could take the keyboard but has not got it.

    Lists that never take the keyboard (the palette's results, driven from its search box) keep a
    full highlight: their selection is where Enter goes.
    """
    view: QWidget | None = widget
    if widget is not None and not isinstance(widget, QAbstractItemView):
        view = widget.parentWidget()  # painting on the viewport
    return (isinstance(view, QAbstractItemView) and view.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not view.hasFocus())


def mute_option(option: QStyleOptionViewItem) -> None:
    """Turn ``option``'s selection colours into the muted ones (text in the normal text colour)."""
    pal = QPalette(option.palette)
    muted = muted_highlight(pal)
    text = pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Highlight, muted)
        pal.setColor(group, QPalette.ColorRole.HighlightedText, text)
    option.palette = pal


class FocusStyle(QProxyStyle):
    """Fusion with a focus ring on lists and text areas, and muted selections in unfocused lists."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        # Lists and text areas get a two-pixel frame: room for the whole ring around their viewport.
        if metric == QStyle.PixelMetric.PM_DefaultFrameWidth and isinstance(widget, QAbstractScrollArea):
            return round(RING)
        return super().pixelMetric(metric, option, widget)

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter,
                    widget: QWidget | None = None) -> None:
        if element == QStyle.ControlElement.CE_ItemViewItem and isinstance(option, QStyleOptionViewItem) \
                and option.state & QStyle.StateFlag.State_Selected and selection_muted(widget):
            option = QStyleOptionViewItem(option)
            mute_option(option)
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_ShapedFrame and shows_ring(widget):
            draw_ring(painter, QRectF(option.rect), option.palette)


def draw_ring(painter: QPainter, rect: QRectF, palette: QPalette) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ring_color(palette), RING))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = RING / 2
    painter.drawRoundedRect(rect.adjusted(half, half, -half, -half), 3, 3)
    painter.restore()


def install(app: QApplication) -> FocusStyle:
    """Give ``app`` the focus style (Fusion underneath: it draws the same everywhere and takes its
    colours from the platform's palette, so the app follows the system's light or dark scheme)."""
    style = FocusStyle()
    app.setStyle(style)
    return style
