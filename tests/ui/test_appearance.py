"""View ▸ Appearance: as the system is, light or dark; remembered; every text pair readable in each."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from relj.ui import appearance, palettes


def test_choosing_dark_then_light_applies_and_remembers(qapp, qtbot) -> None:
    before = QApplication.palette()
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        menu = appearance.appearance_menu(parent)
        actions = menu.actions()
        assert [a.data() for a in actions] == [palettes.SYSTEM, palettes.LIGHT, palettes.DARK]
        assert all(a.isCheckable() for a in actions) and sum(a.isChecked() for a in actions) == 1
        actions[2].trigger()
        assert palettes.is_dark(QApplication.palette())
        assert QSettings().value(palettes.SETTING) == palettes.DARK
        again = appearance.appearance_menu(parent)
        assert [a.isChecked() for a in again.actions()] == [False, False, True]
        again.actions()[1].trigger()
        assert not palettes.is_dark(QApplication.palette())
        assert appearance.current() == palettes.LIGHT
    finally:
        QSettings().remove(palettes.SETTING)
        qapp.setPalette(before)


def test_an_unknown_stored_value_means_the_system(qapp) -> None:
    QSettings().setValue(palettes.SETTING, "purple")
    try:
        assert appearance.current() == palettes.SYSTEM
    finally:
        QSettings().remove(palettes.SETTING)
