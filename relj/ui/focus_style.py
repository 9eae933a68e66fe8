"""The app's style: Fusion, plus a visible focus ring on the focused list and muted selections elsewhere.

One region has the keyboard at a time and shows it: a focused list or text area gets a ring in the
palette's highlight colour (so it follows light and dark), and a list without the keyboard shows
its selection muted, so only one strong highlight is ever on screen. Text fields, combo boxes and
spin boxes get the same ring while they have focus, and buttons and check boxes when the keyboard
(Tab) brought it: Fusion marks them with a one-pixel outline or a faint tint, and a flat or
auto-raised button (the agenda's entries, "Show everyone") with nothing at all. A proxy style rather than a
style sheet: a style sheet costs ~5 ms of start-up (the style-sheet style polishing every widget).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFocusEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionFrame,
    QStyleOptionViewItem,
    QWidget,
)

from relj.ui.palettes import contrast, is_dark

#: Width of the focus ring, in device-independent pixels.
RING = 2.0
#: A widget property: the scroll area's frame is drawn only as the focus ring (a pane of text
#: that Tab stops at, to scroll it, and that has no frame otherwise).
RING_ONLY = "reljRingOnly"
#: Buttons and boxes that show the ring when the keyboard brought them focus.
_BUTTONS = (QStyle.ControlElement.CE_PushButton, QStyle.ControlElement.CE_CheckBox,
            QStyle.ControlElement.CE_RadioButton)
#: Fields that show it whenever they have focus, as a text area does (their caret is there).
_FIELDS = (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox)


def ring_color(palette: QPalette) -> QColor:
    """The focus ring's colour: the palette's highlight (accent), made lighter or darker where it
    stands out less than 3:1 from the window, the fields or the buttons around it (WCAG 2.2's
    non-text contrast; a dark palette's selection blue is 2.9:1 on its window)."""
    ring = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    around = [palette.color(QPalette.ColorGroup.Active, role)
              for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button)]
    dark = is_dark(palette)
    for _ in range(20):
        if min(contrast(ring, c) for c in around) >= 3.0:
            break
        ring = ring.lighter(110) if dark else ring.darker(110)
    return ring


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


def ring_only(widget: QWidget) -> None:
    """Draw ``widget``'s frame only as the focus ring: a pane that Tab stops at to scroll it (the
    brief, a person's details, the navigation, the welcome), which shows no frame otherwise."""
    if isinstance(widget, QFrame):
        widget.setFrameShape(QFrame.Shape.StyledPanel)
    widget.setProperty(RING_ONLY, True)


def ring_sheet(selector: str, palette: QPalette) -> str:
    """Style-sheet rules that give a widget styled by a sheet (which this style does not draw)
    the same ring while it has focus, and room for it otherwise, so that nothing moves."""
    ring = ring_color(palette).name()
    return (f"{selector} {{ border: {RING:g}px solid transparent; border-radius: 3px; }}"
            f" {selector}:focus {{ border-color: {ring}; }}")


def keyboard_focus(option: QStyleOption) -> bool:
    """Does ``option`` draw a widget that has the keyboard, reached by the keyboard? (A click gives
    focus too, but shows no ring: the pointer already says where the user is.)"""
    state = option.state
    return bool(state & QStyle.StateFlag.State_HasFocus and state & QStyle.StateFlag.State_KeyboardFocusChange)


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
    """Fusion with a focus ring on lists, text areas and keyboard-focused buttons, and muted selections in
    unfocused lists."""

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
        ring_only = element == QStyle.ControlElement.CE_ShapedFrame and widget is not None \
            and bool(widget.property(RING_ONLY))
        if not ring_only:
            super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_ShapedFrame and shows_ring(widget) \
                or element in _BUTTONS and keyboard_focus(option):
            draw_ring(painter, QRectF(option.rect), option.palette)

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex, painter: QPainter,
                           widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ToolButton and keyboard_focus(option) \
                or control in _FIELDS and option.state & QStyle.StateFlag.State_HasFocus:
            draw_ring(painter, QRectF(option.rect), option.palette)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        # A text field with a frame (not the one inside a spin box or a combo box, whose own ring shows).
        if element == QStyle.PrimitiveElement.PE_PanelLineEdit and isinstance(option, QStyleOptionFrame) \
                and option.lineWidth > 0 \
                and option.state & QStyle.StateFlag.State_HasFocus:
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


class RingRow(QWidget):
    """A row of buttons that is one stop in the tab order, keys choosing among its buttons (the
    channels, how it went): it shows the ring round the whole row while it has the keyboard."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            draw_ring(painter, QRectF(self.rect()), self.window().palette())  # its own may come from a sheet
            painter.end()
