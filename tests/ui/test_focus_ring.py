"""The focus ring on every kind of control: a button, a check box or a flat entry that the keyboard
reached shows it (Fusion draws none on a flat button, a hairline elsewhere); a click does not; text
fields, combo boxes and spin boxes show it while they have focus. In light and dark alike."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from relj.ui import focus_style, palettes


@pytest.fixture(params=["light", "dark"])
def styled(qapp, request):
    """The app's style and the light or dark palette, as relj.ui.app installs them."""
    before_style, before_palette = qapp.style().name(), qapp.palette()
    qapp.setPalette(palettes.palette(request.param == "dark"))
    focus_style.install(qapp)
    yield qapp
    qapp.setStyle(before_style)
    qapp.setPalette(before_palette)


@pytest.fixture
def row(styled, qtbot):
    """A text field to start from, then one control of each kind, in Tab order."""
    w = QWidget()
    layout = QHBoxLayout(w)
    start = QLineEdit()
    flat = QPushButton("Show everyone (A)")
    flat.setFlat(True)
    flat.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    button = QPushButton("Plan…")
    entry = QToolButton()
    entry.setText("Ana's birthday on Thu")
    entry.setAutoRaise(True)
    entry.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    box = QCheckBox("Remind me")
    combo = QComboBox()
    combo.addItems(["in person", "phone"])
    field = QLineEdit("a note")
    spin = QSpinBox()
    controls = [flat, button, entry, box, combo, field, spin]
    for c in [start, *controls]:
        layout.addWidget(c)
    qtbot.addWidget(w)
    w.resize(1100, 60)
    w.show()
    qtbot.waitExposed(w)
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    return w, start, controls


def ring_share(widget: QWidget) -> float:
    """How much of the widget's outer edge (its 2-pixel border) is painted in the ring's colour."""
    ring = focus_style.ring_color(widget.window().palette())  # a style sheet changes the widget's own
    image = widget.grab().toImage()
    rect = widget.rect()
    edge = []
    for x in range(rect.left() + 4, rect.right() - 4, 2):
        edge += [(x, rect.top() + 1), (x, rect.bottom() - 1)]
    for y in range(rect.top() + 4, rect.bottom() - 4, 2):
        edge += [(rect.left() + 1, y), (rect.right() - 1, y)]

    def close(c: QColor) -> bool:
        return abs(c.red() - ring.red()) + abs(c.green() - ring.green()) + abs(c.blue() - ring.blue()) < 60

    return sum(close(image.pixelColor(x, y)) for x, y in edge) / len(edge)


def test_each_control_reached_by_tab_shows_the_ring_and_only_it(row, qtbot):
    _, start, controls = row
    for control in controls:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is control or control.isAncestorOf(focused), type(control).__name__
        assert ring_share(control) > 0.8, f"{type(control).__name__} shows no ring"
        others = [c for c in controls if c is not control]
        assert all(ring_share(c) < 0.2 for c in others), f"a second ring beside {type(control).__name__}'s"
    assert ring_share(start) < 0.2


def test_a_click_gives_a_button_focus_without_a_ring(styled, qtbot):
    w = QWidget()
    layout = QHBoxLayout(w)
    button = QPushButton("Plan…")
    entry = QToolButton()
    entry.setText("Sunday dinner")
    entry.setAutoRaise(True)
    entry.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    layout.addWidget(button)
    layout.addWidget(entry)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    for control in (button, entry):
        qtbot.mouseClick(control, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(control.hasFocus)
        assert ring_share(control) < 0.2, f"{type(control).__name__} rings after a click"


def test_tab_goes_through_the_home_view_as_the_eye_reads_it(styled, demo_store, qtbot, monkeypatch):
    """The week's entries, the toggle, the thanks, the people, the brief, the actions, the chart,
    the navigation, then round again, each stop showing the ring (the brief's frame is only a ring)."""
    import relj.ui.main_window as mw
    from relj.ui.journal import Journal

    window = mw.MainWindow(Journal(demo_store), restore_state=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    view = window.page(mw.RECONNECT)
    strip = next(c for c in view.children() if type(c).__name__ == "AgendaStrip")
    strip.start()
    view.focus_list()
    qtbot.waitUntil(lambda: view.brief_scroll is not None and view.brief_scroll.isVisible(), timeout=3000)
    assert strip.shown_buttons(), "the demo's week has entries"
    stops = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
        if stops[-1] is view.list:
            break
    wanted = [view.brief_scroll, *view.buttons.values(), view.chart, window.nav, *strip.shown_buttons()]
    if strip.more.isVisible():
        wanted.append(strip.more)
    wanted += [view.toggle_all, *([view.followups] if view.followups.isVisible() else []), view.list]
    assert stops == wanted, [w.accessibleName() or type(w).__name__ for w in stops]
    # The brief: no frame of its own until the keyboard is there.
    assert ring_share(view.brief_scroll) < 0.2
    qtbot.keyClick(view.list, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.brief_scroll and ring_share(view.brief_scroll) > 0.8


@pytest.mark.parametrize("page", ["reconnect", "people", "interests", "timeline", "person", "sources"])
def test_every_tab_stop_of_every_view_shows_the_ring(styled, demo_store, qtbot, page):
    """Tab round each view: wherever the keyboard lands, the ring says so (a label's link shows
    Qt's own mark on the link itself, and is left out)."""
    import relj.ui.main_window as mw
    from relj.ui.journal import Journal

    window = mw.MainWindow(Journal(demo_store), restore_state=False)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    if page == "person":
        window.navigate_to_person(demo_store.resolve("Ana").id)
    elif page == "sources":
        from relj.ui.sources_page import show_sources

        show_sources(window).setFocus()
    else:
        window.show_view({"reconnect": mw.RECONNECT, "people": mw.PEOPLE, "interests": mw.INTERESTS,
                          "timeline": mw.TIMELINE}[page])
    qtbot.wait(50)
    seen: list[QWidget] = []
    bare: list[str] = []
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget in seen:
            break
        seen.append(widget)
        if type(widget).__name__ != "RhythmsLine" and ring_share(widget) < 0.5:
            bare.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
    assert len(seen) > 3 and not bare, bare


@pytest.mark.parametrize("dark", [False, True])
def test_the_ring_stands_out_3_to_1_against_what_it_surrounds(dark):
    """WCAG 2.2 non-text contrast (1.4.11): a focus indicator needs 3:1 against its neighbours,
    here the window, the fields' base and a button's face."""
    pal = palettes.palette(dark)
    ring = focus_style.ring_color(pal)
    for role in (pal.ColorRole.Window, pal.ColorRole.Base, pal.ColorRole.Button):
        assert palettes.contrast(ring, pal.color(role)) >= 3.0, role


@pytest.mark.parametrize("which", ["plan", "snooze", "quick log", "new person", "rhythms", "sort people"])
def test_every_tab_stop_of_every_dialog_shows_the_ring(styled, demo_store, qtbot, which):
    import relj.ui.main_window as mw
    from relj.ui.journal import Journal
    from tests.ui.test_accessibility import _dialogs

    window = mw.MainWindow(Journal(demo_store), restore_state=False)
    qtbot.addWidget(window)
    dialog = dict(_dialogs(window.journal, window))[which]
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.wait(50)
    if QApplication.focusWidget() is None:
        dialog.focusNextChild()
    seen: list[QWidget] = []
    bare: list[str] = []
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is None or widget in seen:
            break
        seen.append(widget)
        if type(widget).__name__ != "RhythmsLine" and ring_share(widget) < 0.5:
            bare.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
    dialog.close()
    assert seen and not bare, bare
