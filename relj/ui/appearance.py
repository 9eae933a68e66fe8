"""View ▸ Appearance: as the system is, light or dark (relj/ui/palettes.py), remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from relj.ui import icons, palettes
from relj.ui.i18n import QT_TR_NOOP, tr

_CHOICES = (
    (palettes.SYSTEM, QT_TR_NOOP("As the &system is")),
    (palettes.LIGHT, QT_TR_NOOP("&Light")),
    (palettes.DARK, QT_TR_NOOP("&Dark")),
)


def current() -> str:
    value = str(QSettings().value(palettes.SETTING, palettes.SYSTEM))
    return value if value in (palettes.SYSTEM, palettes.LIGHT, palettes.DARK) else palettes.SYSTEM


def choose(appearance: str) -> None:
    """Apply and remember an appearance; painted icons are drawn again in the new colours."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    QSettings().setValue(palettes.SETTING, appearance)
    palettes.apply(app, appearance)
    icons.clear_cache()


def appearance_menu(parent: QWidget) -> QMenu:
    """The Appearance submenu: three checkable choices, one checked."""
    menu = QMenu(tr("&Appearance"), parent)
    group = QActionGroup(menu)
    group.setExclusive(True)
    chosen = current()
    for value, label in _CHOICES:
        action = QAction(tr(label), menu)
        action.setCheckable(True)
        action.setChecked(value == chosen)
        action.setData(value)
        action.triggered.connect(lambda _checked=False, v=value: choose(v))
        group.addAction(action)
        menu.addAction(action)
    return menu
