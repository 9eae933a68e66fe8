"""relj's light and dark palettes, tuned so every text colour meets WCAG AA (4.5:1) on its background.

The platform's own palettes do not always do so (Fusion's placeholder text is 3.9:1 on white), and
colours painted by hand (badges, error lines, the warning banner) must follow light and dark too.
So the app always applies one of these two: the one matching the system's scheme, or the one the
user chose under View ▸ Appearance. ``pairs()`` lists what a test checks.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtGui import QColor, QGuiApplication, QPalette

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

#: The appearance setting (QSettings) and its values.
SETTING: Final = "view/appearance"
SYSTEM, LIGHT, DARK = "system", "light", "dark"

_LIGHT: Final = {
    Role.Window: "#f3f3f3", Role.WindowText: "#1c1c1c", Role.Base: "#ffffff", Role.AlternateBase: "#f5f6f8",
    Role.Text: "#1c1c1c", Role.Button: "#ececec", Role.ButtonText: "#1c1c1c", Role.Highlight: "#2a64a8",
    Role.HighlightedText: "#ffffff", Role.PlaceholderText: "#66666b", Role.Link: "#1f5c9e",
    Role.LinkVisited: "#6a3d9a", Role.ToolTipBase: "#fffbe6", Role.ToolTipText: "#1c1c1c",
    Role.BrightText: "#ffffff", Role.Light: "#ffffff", Role.Midlight: "#e3e3e3", Role.Mid: "#b8b8b8",
    Role.Dark: "#9f9f9f", Role.Shadow: "#767676",
}
_DARK: Final = {
    Role.Window: "#202124", Role.WindowText: "#e8e8e8", Role.Base: "#17181a", Role.AlternateBase: "#222327",
    Role.Text: "#e8e8e8", Role.Button: "#2c2d31", Role.ButtonText: "#e8e8e8", Role.Highlight: "#2f69b8",
    Role.HighlightedText: "#ffffff", Role.PlaceholderText: "#a3a3a8", Role.Link: "#8ab4f8",
    Role.LinkVisited: "#c58af9", Role.ToolTipBase: "#2c2d31", Role.ToolTipText: "#e8e8e8",
    Role.BrightText: "#ffffff", Role.Light: "#3a3b40", Role.Midlight: "#303135", Role.Mid: "#4a4b50",
    Role.Dark: "#111214", Role.Shadow: "#000000",
}
#: Disabled text: still readable (WCAG exempts inactive controls, but the words should not vanish).
_DISABLED: Final = {False: "#707075", True: "#8b8b90"}

#: The (text, background) roles a test holds to 4.5:1 in both palettes.
TEXT_PAIRS: Final = (
    (Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button), (Role.HighlightedText, Role.Highlight), (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window), (Role.Link, Role.Base), (Role.Link, Role.Window),
    (Role.ToolTipText, Role.ToolTipBase),
)


def palette(dark: bool) -> QPalette:
    pal = QPalette()
    for role, name in (_DARK if dark else _LIGHT).items():
        pal.setColor(role, QColor(name))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        pal.setColor(Group.Disabled, role, QColor(_DISABLED[dark]))
    return pal


def system_is_dark() -> bool:
    """The platform's scheme: its colour-scheme hint when it has one, else its window colour."""
    from PySide6.QtCore import Qt

    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    scheme = app.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    return QGuiApplication.palette().color(Role.Window).lightness() < 128


def is_dark(pal: QPalette | None = None) -> bool:
    """Whether a palette (the application's by default) is dark."""
    pal = pal or QGuiApplication.palette()
    return pal.color(Role.Window).lightness() < 128


def apply(app: QGuiApplication, appearance: str = SYSTEM) -> None:
    """Apply the light or dark palette: as chosen, or as the system is."""
    dark = appearance == DARK or (appearance != LIGHT and system_is_dark())
    app.setPalette(palette(dark))


def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours (1 to 21)."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def error_color(pal: QPalette) -> QColor:
    """Text that reports a problem (a red that reads on the palette's window and base)."""
    return QColor("#ff8a80" if is_dark(pal) else "#b3261e")


def error_style(pal: QPalette) -> str:
    return f"color: {error_color(pal).name()};"


#: Reconnect's kind badges: (background, text), light and dark; each at least 4.5:1.
BADGES: Final = {
    "digital-only": {False: ("#1f5c9e", "#ffffff"), True: ("#8ab4f8", "#10131a")},
    "gone-quiet": {False: ("#8a4510", "#ffffff"), True: ("#f0b37e", "#1c1208")},
    "planned": {False: ("#2e6b2e", "#ffffff"), True: ("#93d393", "#0c1a0c")},
}


def badge_colors(kind: str, pal: QPalette) -> tuple[QColor, QColor]:
    bg, fg = BADGES.get(kind, BADGES["digital-only"])[is_dark(pal)]
    return QColor(bg), QColor(fg)


#: The warning banner (a journal in a synced folder, a backup that failed): (background, text).
BANNER: Final = {False: ("#fff4ce", "#3b2f00"), True: ("#4a3b00", "#fff4ce")}


def banner_colors(pal: QPalette) -> tuple[QColor, QColor]:
    bg, fg = BANNER[is_dark(pal)]
    return QColor(bg), QColor(fg)
