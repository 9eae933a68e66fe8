"""Every control a keyboard can reach has a name a screen reader reads, and text meets WCAG AA.

The walk visits each view of the main window (and the person page) on the demo journal, in the
light and the dark palette, and asks Qt's accessibility layer what it would announce: a button's
text, a field's buddy label, or the accessible name set on it. Text colours are checked against
the background they are drawn on: the palette's pairs, the kind badges, error lines and the banner.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from relj.ui import palettes

AA = 4.5


def _name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None:
        return ""
    return (iface.text(QAccessible.Text.Name) or "").strip()


def unnamed_controls(root: QWidget) -> list[str]:
    """Visible widgets that take keyboard focus but would be announced without a name."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) or w.focusPolicy() == Qt.FocusPolicy.NoFocus or not w.isEnabled():
            continue
        if w.focusProxy() is not None:
            continue  # the proxy is the control (a combo's line edit, a spin box's field)
        if w.metaObject().className() in ("QScrollBar", "QTabBar", "QHeaderView"):
            continue  # parts of a control whose own name is checked
        if not _name(w):
            out.append(f"{w.metaObject().className()} {w.objectName() or ''} in {type(w.parentWidget()).__name__}")
    return out


def low_contrast_labels(root: QWidget) -> list[str]:
    """Labels and buttons whose palette text colour is below 4.5:1 on their palette background."""
    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or not isinstance(w, (QLabel, QAbstractButton)):
            continue
        text = w.text() if hasattr(w, "text") else ""
        if not text.strip() or not w.isEnabled():
            continue
        pal = w.palette()
        fg = pal.color(w.foregroundRole())
        bg = pal.color(w.backgroundRole())
        if fg.alpha() < 255:  # blended over the background, as drawn
            a = fg.alphaF()
            fg = QColor.fromRgbF(fg.redF() * a + bg.redF() * (1 - a), fg.greenF() * a + bg.greenF() * (1 - a),
                                 fg.blueF() * a + bg.blueF() * (1 - a))
        ratio = palettes.contrast(fg, bg)
        if ratio < AA:
            out.append(f"{type(w).__name__} {text[:30]!r}: {ratio:.2f}:1")
    return out


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def scheme(request, qapp):
    before = QApplication.palette()
    qapp.setPalette(palettes.palette(request.param))
    yield request.param
    qapp.setPalette(before)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_palettes_meet_aa(qapp, dark: bool) -> None:
    pal = palettes.palette(dark)
    for text, back in palettes.TEXT_PAIRS:
        ratio = palettes.contrast(pal.color(text), pal.color(back))
        assert ratio >= AA, f"{text.name} on {back.name}: {ratio:.2f}:1"
    for kind in palettes.BADGES:
        bg, fg = palettes.badge_colors(kind, pal)
        assert palettes.contrast(fg, bg) >= AA, kind
    err = palettes.error_color(pal)
    for back in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        assert palettes.contrast(err, pal.color(back)) >= AA
    bg, fg = palettes.banner_colors(pal)
    assert palettes.contrast(fg, bg) >= AA


def test_contrast_is_wcag() -> None:
    assert palettes.contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert palettes.contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


def _views(window):  # type: ignore[no-untyped-def]
    from relj.ui import main_window as mw

    for which in range(window.nav.count()):
        window.show_view(which)
        yield f"view {which}", window
    person = window.journal.store.people_ids()[0]
    window.navigate_to_person(person)
    yield "person page", window
    _ = mw


def test_every_focusable_control_has_a_name(main_window, qtbot, scheme) -> None:
    main_window.show()
    qtbot.waitExposed(main_window)
    problems = []
    for where, root in _views(main_window):
        QApplication.processEvents()
        problems += [f"{where}: {p}" for p in unnamed_controls(root)]
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))


def test_every_label_meets_aa_contrast(main_window, qtbot, scheme) -> None:
    main_window.show()
    qtbot.waitExposed(main_window)
    problems = []
    for where, root in _views(main_window):
        QApplication.processEvents()
        problems += [f"{where}: {p}" for p in low_contrast_labels(root)]
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))


def _dialogs(journal, window):  # type: ignore[no-untyped-def]
    """Each dialog and page a user meets, built on the demo journal (shown, never exec'd)."""
    from relj.ui.person_dialog import NewPersonDialog
    from relj.ui.plan_dialog import PlanDialog
    from relj.ui.quick_log import QuickLogDialog
    from relj.ui.reconnect_dialogs import SnoozeDialog
    from relj.ui.rhythms_dialog import RhythmsDialog
    from relj.ui.sort_people import SortPeopleDialog
    from relj.ui.sources_page import SourcesPage

    people = journal.store.people_ids()[:2]
    yield "plan", PlanDialog(journal, people, window)
    yield "snooze", SnoozeDialog(window, "Ana")
    yield "quick log", QuickLogDialog(journal, people[:1], window)
    yield "new person", NewPersonDialog(journal, window)
    yield "rhythms", RhythmsDialog(journal, None, window)
    yield "sort people", SortPeopleDialog(journal, window)
    yield "sources", SourcesPage(journal, None, window)


def test_every_dialog_names_its_controls(main_window, qtbot, scheme) -> None:
    problems = []
    for where, dialog in _dialogs(main_window.journal, main_window):
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        problems += [f"{where}: {p}" for p in unnamed_controls(dialog)]
        problems += [f"{where}: {p}" for p in low_contrast_labels(dialog)]
        dialog.close()
        dialog.deleteLater()
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))


def test_initials_badges_are_readable_whatever_the_hue(qapp) -> None:
    from relj.ui.people_view import avatar_color

    names = [f"Person {n}" for n in range(400)] + ["Ana", "Ben", "Chloé", "Dmitri", "Maya"]
    assert min(palettes.contrast(QColor("white"), avatar_color(n)) for n in names) >= AA
