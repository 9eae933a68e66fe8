"""The contact chart: stacked monthly bars by mode, so a drift to written-only shows at a glance."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from relj.clock import days_in_month, today
from relj.domain import Mode
from relj.ui.focus_style import draw_ring
from relj.ui.icons import mode_color

# Bottom to top: the richest contact sits on the baseline where the eye looks first.
STACK = (Mode.TOGETHER, Mode.VOICE, Mode.WRITTEN)


def month_keys(until: dt.date, count: int) -> list[str]:
    """The ``count`` months ending with ``until``'s month, oldest first, as 'YYYY-MM'."""
    y, m = until.year, until.month
    keys = []
    for _ in range(count):
        keys.append(f"{y:04d}-{m:02d}")
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return keys[::-1]


def months_between(start: str, until: dt.date) -> int:
    """How many months from ``start`` ('YYYY-MM') to ``until``'s month, both counted."""
    return (until.year - int(start[:4])) * 12 + until.month - int(start[5:7]) + 1


class ContactChart(QWidget):
    """Stacked bars of contact per month, coloured by mode, from the first contact (or as far back as fits,
    36 months at most) to today; a mark at the last rich contact and a dashed line at the expected rhythm."""

    MIN_BAR = 9
    MIN_MONTHS = 6
    MAX_MONTHS = 36
    MAX_BAR = 28.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._months: dict[str, dict[str, int]] = {}
        self._until = today()
        self._start: str | None = None
        self._last_rich: dt.date | None = None
        self._rhythm_days: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(150)
        self.setAccessibleName(self.tr("Contact per month"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def sizeHint(self) -> QSize:
        return QSize(520, 170)

    def set_data(self, months: dict[str, dict[str, int]], until: dt.date | None = None, *,
                 last_rich: dt.date | None = None, rhythm_days: int | None = None, start: str | None = None) -> None:
        """Show ``months`` ('YYYY-MM' -> mode -> count) up to ``until``; the axis starts at ``start`` or at the
        first month with contact. ``last_rich`` is marked; ``rhythm_days`` (the expected gap between rich
        contacts) is drawn as the rich contacts a month it means."""
        self._months = months
        self._until = until or today()
        self._start = start or (min(months) if months else None)
        self._last_rich = last_rich
        self._rhythm_days = rhythm_days if rhythm_days and rhythm_days > 0 else None
        self._describe()
        self.update()

    def visible_months(self) -> list[str]:
        """From the first contact to today: at least MIN_MONTHS, at most what fits (and MAX_MONTHS)."""
        plot = self.width() - self._left_margin() - 8
        fits = max(self.MIN_MONTHS, min(self.MAX_MONTHS, plot // (self.MIN_BAR + 3)))
        span = months_between(self._start, self._until) if self._start else 12
        return month_keys(self._until, int(max(self.MIN_MONTHS, min(fits, span))))

    def expected_per_month(self) -> float | None:
        """Rich contacts a month that the rhythm expects (30.4 / its days)."""
        return 30.4 / self._rhythm_days if self._rhythm_days else None

    def _totals(self, keys: list[str]) -> dict[Mode, int]:
        out = dict.fromkeys(STACK, 0)
        for k in keys:
            for mode in STACK:
                out[mode] += self._months.get(k, {}).get(mode.value, 0)
        return out

    def _describe(self) -> None:
        keys = month_keys(self._until, 24)
        year, last6 = self._totals(keys[-12:]), self._totals(keys[-6:])
        earlier = self._totals(keys[:12])
        text = self.tr(
            "Last 12 months: %1 together, %2 voice, %3 written. Last 6 months: %4 together, %5 voice, %6 written. "
            "The 12 months before: %7 together, %8 voice, %9 written."
        )
        values = [year[Mode.TOGETHER], year[Mode.VOICE], year[Mode.WRITTEN],
                  last6[Mode.TOGETHER], last6[Mode.VOICE], last6[Mode.WRITTEN],
                  earlier[Mode.TOGETHER], earlier[Mode.VOICE], earlier[Mode.WRITTEN]]
        for n in range(9, 0, -1):
            text = text.replace(f"%{n}", str(values[n - 1]))
        if self._last_rich is not None:
            text += " " + self.tr("Last together or by voice: %1.").replace("%1", self._last_rich.isoformat())
        if self._rhythm_days:
            text += " " + self.tr("Expected: every %n days.", "", self._rhythm_days)
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    def _left_margin(self) -> int:
        return QFontMetrics(self._small_font()).horizontalAdvance("000") + 10

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_color = pal.color(QPalette.ColorRole.WindowText)
        faint = QColor(pal.color(QPalette.ColorRole.PlaceholderText))
        small = self._small_font()
        fm = QFontMetrics(small)
        p.setFont(small)

        # Legend across the top.
        x = float(self._left_margin())
        legend_h = fm.height() + 6
        labels = {Mode.TOGETHER: self.tr("together"), Mode.VOICE: self.tr("voice"), Mode.WRITTEN: self.tr("written")}
        for mode in STACK:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(mode_color(mode, pal))
            sw = fm.ascent() - 2
            p.drawRoundedRect(QRectF(x, (legend_h - sw) / 2, sw, sw), 2, 2)
            p.setPen(text_color)
            x += sw + 5
            p.drawText(QPointF(x, (legend_h + fm.ascent() - fm.descent()) / 2), labels[mode])
            x += fm.horizontalAdvance(labels[mode]) + 16

        keys = self.visible_months()
        left = self._left_margin()
        top = legend_h + 6
        bottom = self.height() - fm.height() - 6
        plot = QRectF(left, top, self.width() - left - 8, max(10, bottom - top))
        peak = max([sum(self._months.get(k, {}).values()) for k in keys] + [1])
        expected = self.expected_per_month()
        scale = _nice_ceiling(max(peak, int(expected + 0.999) if expected else 1))

        # Grid: baseline, half and top, with their values.
        p.setPen(QPen(faint, 0.6, Qt.PenStyle.DotLine))
        for frac in (0.5, 1.0):
            y = plot.bottom() - plot.height() * frac
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(faint)
            label = str(round(scale * frac)) if scale * frac == int(scale * frac) else f"{scale * frac:.1f}"
            p.drawText(QRectF(0, y - fm.height() / 2, left - 6, fm.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
            p.setPen(QPen(faint, 0.6, Qt.PenStyle.DotLine))
        p.setPen(QPen(faint, 1.0))
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))

        step = plot.width() / len(keys)
        bar_w = min(self.MAX_BAR, max(3.0, step * 0.72))
        few = len(keys) <= 12
        label_end = float("-inf")  # where the last axis label ends: the next starts after it
        for n, key in enumerate(keys):
            counts = self._months.get(key, {})
            bx = plot.left() + n * step + (step - bar_w) / 2
            y = plot.bottom()
            for mode in STACK:
                value = counts.get(mode.value, 0)
                if not value:
                    continue
                h = plot.height() * value / scale
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(mode_color(mode, pal))
                p.drawRect(QRectF(bx, y - h, bar_w, h))
                y -= h
            # Month ticks: every January gets its year, every quarter a short month name.
            year, month = int(key[:4]), int(key[5:])
            if (month in (1, 4, 7, 10) or few or n == 0) and bx >= label_end:
                p.setPen(faint if month != 1 and n != 0 else text_color)
                short = QLocale().monthName(month, QLocale.FormatType.ShortFormat)
                label = str(year) if month == 1 else (f"{short} {year}" if n == 0 else short)
                p.drawText(QPointF(bx, self.height() - fm.descent() - 2), label)
                label_end = bx + fm.horizontalAdvance(label) + fm.horizontalAdvance(" ")  # no overlap
                p.setPen(QPen(faint, 1.0))
                p.drawLine(QPointF(bx + bar_w / 2, plot.bottom()), QPointF(bx + bar_w / 2, plot.bottom() + 3))
        self._paint_marks(p, plot, keys, step, fm, text_color)
        if not any(sum(self._months.get(k, {}).values()) for k in keys):
            p.setPen(faint)
            p.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), self.tr("No contact logged in these months"))
        if self.hasFocus():
            draw_ring(p, QRectF(self.rect()), pal)  # the app's focus ring, as on lists and buttons
        p.end()


    def _paint_marks(self, p: QPainter, plot: QRectF, keys: list[str], step: float, fm: QFontMetrics,
                     color: QColor) -> None:
        """The expected rhythm (a dashed line, rich contacts a month) and the last rich contact (a tick)."""
        scale = _nice_ceiling(max([sum(self._months.get(k, {}).values()) for k in keys] + [1, int(
            (self.expected_per_month() or 0) + 0.999)]))
        rich = mode_color(Mode.TOGETHER, self.palette())
        expected = self.expected_per_month()
        if expected:
            y = plot.bottom() - plot.height() * min(expected, scale) / scale
            p.setPen(QPen(rich, 1.2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(color)
            label = self.tr("expected")
            p.drawText(QPointF(plot.right() - fm.horizontalAdvance(label) - 2, y - 3), label)
        last = self._last_rich
        if last is not None and f"{last.year:04d}-{last.month:02d}" >= keys[0]:
            n = keys.index(f"{last.year:04d}-{last.month:02d}")
            days = days_in_month(last.year, last.month)
            x = plot.left() + (n + (last.day - 0.5) / days) * step
            p.setPen(QPen(color, 1.0))
            p.drawLine(QPointF(x, plot.top() + fm.height()), QPointF(x, plot.bottom()))
            label = self.tr("last met or spoke")
            tx = min(x + 3, plot.right() - fm.horizontalAdvance(label))
            p.drawText(QPointF(max(plot.left(), tx), plot.top() + fm.ascent()), label)


def _nice_ceiling(value: int) -> float:
    """2, 4, 6, 10, 20, 40... so the gridline labels are round."""
    for nice in (2, 4, 6, 8, 10, 12, 16, 20, 30, 40, 50, 60, 80, 100):
        if value <= nice:
            return float(nice)
    magnitude = 10 ** (len(str(value)) - 1)
    return float(-(-value // magnitude) * magnitude)
