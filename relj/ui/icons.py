"""Mode colours and channel icons, painted at run time so they follow the light or dark palette."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

from relj.domain import Channel, Mode
from relj.ui.palettes import is_dark

# Okabe-Ito derived: distinct for the common colour-vision deficiencies, and ordered by weight:
# together is a strong blue, voice a warm orange, written a quiet grey that recedes.
_LIGHT = {Mode.TOGETHER: "#0072B2", Mode.VOICE: "#E69F00", Mode.WRITTEN: "#B4B4B4"}
_DARK = {Mode.TOGETHER: "#3D9BE0", Mode.VOICE: "#F2A81D", Mode.WRITTEN: "#7A7A7A"}




def mode_color(mode: Mode | str, palette: QPalette | None = None) -> QColor:
    table = _DARK if is_dark(palette) else _LIGHT
    return QColor(table[Mode(mode)])


def _glyph_color(mode: Mode, dark: bool) -> QColor:
    if mode is Mode.WRITTEN:
        return QColor("#FFFFFF") if dark else QColor("#2E2E2E")
    return QColor("#FFFFFF")


def channel_icon(channel: Channel | str, size: int = 20) -> QIcon:
    """A round badge in the mode's colour with a glyph for the channel."""
    return _channel_icon(Channel(channel), size, is_dark())


@cache
def _channel_icon(channel: Channel, size: int, dark: bool) -> QIcon:
    icon = QIcon()
    for scale in (1, 2):
        icon.addPixmap(_badge(channel, size, scale, dark))
    return icon


def _badge(channel: Channel, size: int, scale: int, dark: bool) -> QPixmap:
    px = QPixmap(size * scale, size * scale)
    px.setDevicePixelRatio(scale)
    px.fill(Qt.GlobalColor.transparent)
    p = QPainter(px)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    mode = channel.mode
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor((_DARK if dark else _LIGHT)[mode]))
    p.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    # Glyphs are drawn on a 24-unit grid and scaled to the badge.
    p.scale(size / 24, size / 24)
    ink = _glyph_color(mode, dark)
    draw_glyph(p, channel, ink)
    p.end()
    return px


def draw_glyph(p: QPainter, channel: Channel, ink: QColor) -> None:
    """Draw a channel's glyph on a 24x24 grid centred at (12, 12)."""
    pen = QPen(ink, 1.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    if channel is Channel.IN_PERSON:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ink)
        for cx in (9.0, 15.0):
            p.drawEllipse(QPointF(cx, 9.0), 2.4, 2.4)
            body = QPainterPath()
            body.moveTo(cx - 4.0, 18.0)
            body.cubicTo(cx - 4.0, 12.5, cx + 4.0, 12.5, cx + 4.0, 18.0)
            body.closeSubpath()
            p.drawPath(body)
    elif channel is Channel.VIDEO:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ink)
        p.drawRoundedRect(QRectF(5.0, 8.0, 10.0, 8.0), 1.6, 1.6)
        tri = QPainterPath()
        tri.moveTo(15.5, 12.0)
        tri.lineTo(19.5, 8.8)
        tri.lineTo(19.5, 15.2)
        tri.closeSubpath()
        p.drawPath(tri)
    elif channel is Channel.PHONE:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ink)
        hand = QPainterPath()
        hand.moveTo(7.0, 6.0)
        hand.lineTo(10.0, 6.0)
        hand.lineTo(11.0, 9.5)
        hand.lineTo(9.3, 10.8)
        hand.cubicTo(10.2, 12.8, 11.2, 13.8, 13.2, 14.7)
        hand.lineTo(14.5, 13.0)
        hand.lineTo(18.0, 14.0)
        hand.lineTo(18.0, 17.0)
        hand.cubicTo(18.0, 18.0, 17.0, 18.5, 16.0, 18.4)
        hand.cubicTo(10.5, 17.8, 6.2, 13.5, 5.6, 8.0)
        hand.cubicTo(5.5, 7.0, 6.0, 6.0, 7.0, 6.0)
        hand.closeSubpath()
        p.drawPath(hand)
    elif channel is Channel.TEXT:
        bubble = QPainterPath()
        bubble.addRoundedRect(QRectF(5.5, 6.5, 13.0, 9.0), 3.0, 3.0)
        tail = QPainterPath()
        tail.moveTo(8.5, 15.0)
        tail.lineTo(7.5, 18.5)
        tail.lineTo(12.0, 15.0)
        p.setBrush(ink)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawPath(bubble.united(tail))
    elif channel is Channel.EMAIL:
        p.drawRoundedRect(QRectF(5.5, 7.5, 13.0, 9.0), 1.2, 1.2)
        p.drawPolyline([QPointF(5.8, 8.0), QPointF(12.0, 12.8), QPointF(18.2, 8.0)])
    elif channel is Channel.LETTER:
        p.drawRect(QRectF(7.0, 5.5, 10.0, 13.0))
        for y in (9.0, 12.0, 15.0):
            p.drawLine(QPointF(9.2, y), QPointF(14.8, y))
    elif channel is Channel.SOCIAL:
        p.setBrush(ink)
        pts = [QPointF(8.0, 12.0), QPointF(16.0, 7.5), QPointF(16.0, 16.5)]
        p.drawLine(pts[0], pts[1])
        p.drawLine(pts[0], pts[2])
        p.setPen(Qt.PenStyle.NoPen)
        for pt in pts:
            p.drawEllipse(pt, 2.4, 2.4)


def swatch_icon(color: QColor, size: int = 12) -> QIcon:
    px = QPixmap(QSize(size, size))
    px.fill(Qt.GlobalColor.transparent)
    p = QPainter(px)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawRoundedRect(QRectF(0, 0, size, size), 3, 3)
    p.end()
    return QIcon(px)


def app_icon() -> QIcon:
    """The application icon shipped in relj/ui/assets (drawn from resources/icons by the packaging)."""
    from pathlib import Path

    assets = Path(__file__).with_name("assets")
    icon = QIcon()
    for name in ("org.relj.Relj.svg", "org.relj.Relj.png"):
        if (assets / name).exists():
            icon.addFile(str(assets / name))
    return icon


def clear_cache() -> None:
    """Forget painted icons (after the palette changes between light and dark)."""
    _channel_icon.cache_clear()
