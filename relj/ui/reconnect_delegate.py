"""Draws a Reconnect entry as a card: name and badge, the reason, then the openers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from relj import reconnect as rc
from relj.clock import today
from relj.ui.focus_style import mute_option, selection_muted
from relj.ui.i18n import tr
from relj.ui.palettes import badge_colors
from relj.ui.roles import ObjectRole

Index = QModelIndex | QPersistentModelIndex


def _short_day(day: dt.date | None, ref: dt.date) -> str:
    return rc.day_words(day, ref) if day else ""


def reason_lines(text: str, fm: QFontMetrics, width: int) -> tuple[str, str]:
    """The words of ``text`` that fit on one line of ``width``, and the rest ("" when it fits).

    A card draws the reason on one or two lines, and the openers right under the last one used: a
    one-line reason leaves its room below them, as the bottom margin of a card of the list's one
    height (the list sizes 2,000 cards without laying them out)."""
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


def kind_label(kind: rc.Kind) -> str:
    """The badge of an entry: "messages only" or "gone quiet", translated."""
    return tr("messages only") if kind is rc.Kind.DIGITAL_ONLY else tr("gone quiet")


def facts_of(e: rc.Entry, day: dt.date) -> list[str]:
    """The short facts at the right of a card: when you last met or spoke, messages since, a plan."""
    facts = []
    if e.last_rich_contact:
        when = _short_day(e.last_rich_contact, day)
        facts.append((tr("met %1") if e.last_rich_mode is rc.Mode.TOGETHER else tr("spoke %1")).replace("%1", when))
    else:
        facts.append(tr("never met"))
    if e.written_since:
        more = tr("%n+ messages since", "", e.written_since) if e.written_capped \
            else tr("%n messages since", "", e.written_since)
        facts.append(more)
    if e.planned:
        facts.append(tr("planned %1").replace("%1", _short_day(e.planned, day)))
    return facts


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
        if option.state & QStyle.StateFlag.State_Selected and selection_muted(option.widget):
            option = QStyleOptionViewItem(option)  # one strong highlight: the list with the keyboard's
            mute_option(option)
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        ink = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(ink)
        if not selected:  # on the highlight, faded text would fall under 4.5:1
            dim.setAlphaF(0.7)
        bold, base, small = self._fonts(option)
        r = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        # Line 1: name, badge, and the facts at the right. Short of room, the facts give way
        # first, then the badge; the name is cut last.
        fact_text = " · ".join(facts_of(e, today()))
        fm_bold, fm, fm_small = self._fm(option)
        badge = kind_label(e.kind)
        badge_w = fm_small.horizontalAdvance(badge) + 12
        name_full = fm_bold.horizontalAdvance(e.name)
        room = r.width() - name_full - 8
        show_badge = room >= badge_w
        room -= (badge_w + 16) if show_badge else 0
        fact_text = fm_small.elidedText(fact_text, Qt.TextElideMode.ElideRight, room) if room > 40 else ""
        name = fm_bold.elidedText(e.name, Qt.TextElideMode.ElideRight, r.width())
        line1 = QRect(r.left(), r.top(), r.width(), fm_bold.height())
        painter.setFont(bold)
        painter.setPen(ink)
        painter.drawText(line1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        if show_badge:
            bx = r.left() + fm_bold.horizontalAdvance(name) + 8
            brect = QRect(bx, line1.top() + 1, badge_w, line1.height() - 2)
            color, text_color = badge_colors("planned" if e.planned else e.kind.value, pal)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(brect, 6, 6)
            painter.setPen(text_color)
            painter.setFont(small)
            painter.drawText(brect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.setFont(small)
        painter.setPen(dim)
        painter.drawText(line1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, fact_text)
        # Line 2: the reason.
        painter.setFont(base)
        painter.setPen(ink)
        first, rest = reason_lines(e.reason, fm, r.width())
        line2 = QRect(r.left(), line1.bottom() + 2, r.width(), fm.height())
        painter.drawText(line2, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, first)
        if rest:
            painter.drawText(line2.translated(0, fm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(rest, Qt.TextElideMode.ElideRight, r.width()))
            line2 = line2.adjusted(0, 0, 0, fm.height())
        # Line 3: openers, right under the reason (reason_lines).
        if e.openers:
            painter.setFont(small)
            painter.setPen(dim)
            line3 = QRect(r.left(), line2.bottom() + 2, r.width(), fm_small.height())
            text = "  ·  ".join(o.text for o in e.openers)
            painter.drawText(line3, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm_small.elidedText(text, Qt.TextElideMode.ElideRight, r.width()))
        painter.restore()
