"""Quick log's talking points: the chosen people's open points, a checkbox each; Space or the point's number covers it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from relj.plans import TalkingPoint
from relj.ui.roles import ObjectRole

#: Rows shown before the list scrolls.
SHOWN_ROWS = 4


class PointsList(QListWidget):
    """Open talking points with a checkbox each. Keys: Space ticks the current one, 1-9 tick that row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("talking_points")
        self.setAccessibleName(self.tr("Talking points covered"))
        self.setAccessibleDescription(self.tr("Space or a point's number ticks it as covered"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._ids: list[int] = []

    def load(self, points: Sequence[TalkingPoint], names: dict[int, str]) -> None:
        """Show ``points``; ticks of points still listed are kept."""
        ids = [t.id for t in points]
        if ids == self._ids:
            return
        ticked = set(self.covered())
        self._ids = ids
        self.clear()
        several = len({t.person_id for t in points}) > 1
        for n, t in enumerate(points, 1):
            text = f"{n}  {t.text}" if n <= 9 else t.text
            if several:
                text += f" — {names.get(t.person_id, '')}"
            item = QListWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if t.id in ticked else Qt.CheckState.Unchecked)
            item.setData(ObjectRole, t)
            item.setToolTip(t.text)
            self.addItem(item)
        if points:
            line = self.sizeHintForRow(0) or self.fontMetrics().height() + 4
            self.setFixedHeight(min(len(points), SHOWN_ROWS) * line + 2 * self.frameWidth())
            self.setCurrentRow(0)

    def covered(self) -> list[int]:
        """The ids of the points ticked."""
        out = []
        for n in range(self.count()):
            item = self.item(n)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(ObjectRole).id)
        return out

    def toggle(self, row: int) -> None:
        item = self.item(row)
        if item is not None:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            self.setCurrentRow(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier:
            if text.isdigit() and text != "0":
                self.toggle(int(text) - 1)
                return
            if event.key() == Qt.Key.Key_Space:
                self.toggle(self.currentRow())
                return
        super().keyPressEvent(event)
