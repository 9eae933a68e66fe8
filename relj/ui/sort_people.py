"""Sort people: one person at a time, a key for their circle.

People that a mail or phone import created have no circle yet and are not tracked ("unsorted").
This dialog shows them one at a time, most contacted first, with how much you have been in touch,
and takes one key: 1–7 for a circle, Space to skip for now, U to keep them without a circle and
out of Reconnect. Each answer is one undoable step (Ctrl+Z here goes back to that person).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from relj.domain import CIRCLES, UNSORTED
from relj.ops import people as people_ops
from relj.ui.i18n import circle_label, tr
from relj.ui.journal import Journal

#: The answers by key: 1–6 the circles, closest first; 7 no circle (tracked with the default rhythm).
CIRCLE_KEYS: tuple[str | None, ...] = (*CIRCLES, None)


def unsorted_ids(journal: Journal) -> list[int]:
    """Everyone still to sort, most contact first."""
    return journal.store.people_ids(circle=UNSORTED, sort="count", descending=True)


class SortPeopleDialog(QDialog):
    """One unsorted person at a time; 1–7 a circle, Space skip, U not tracked."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle(self.tr("Sort people"))
        self.queue = unsorted_ids(journal)
        self.position = 0
        self.sorted_count = 0
        self._answered: list[int] = []  # person ids answered, for Ctrl+Z

        self.progress = QLabel(self)
        self.name = QLabel(self)
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setAccessibleName(self.tr("Person to sort"))
        self.name.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("How you have been in touch"))

        grid = QGridLayout()
        self.circle_buttons: list[QPushButton] = []
        for n, circle in enumerate(CIRCLE_KEYS):
            button = QPushButton(f"{n + 1}  {circle_label(circle)}", self)
            button.setAccessibleName(self.tr("%1: put them in %2").replace("%1", str(n + 1))
                                     .replace("%2", circle_label(circle)))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, c=circle: self.answer(c))
            grid.addWidget(button, n // 4, n % 4)
            self.circle_buttons.append(button)
        self.skip_button = QPushButton(self.tr("Space  Skip for now"), self)
        self.skip_button.setAccessibleName(self.tr("Space: skip for now"))
        self.skip_button.clicked.connect(self.skip)
        self.untrack_button = QPushButton(self.tr("U  Don't track"), self)
        self.untrack_button.setAccessibleName(self.tr("U: keep them without a circle, not in Reconnect"))
        self.untrack_button.clicked.connect(self.untrack)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.accept)
        for button in (self.skip_button, self.untrack_button, self.close_button):
            button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.skip_button)
        row.addWidget(self.untrack_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        self.hint = QLabel(self.tr("A circle sets how often relj expects you to meet or call. "
                                   "Ctrl+Z takes the last answer back."), self)
        self.hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.name)
        layout.addWidget(self.details)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.resize(560, 300)
        self.show_current()

    # -- the person shown ------------------------------------------------------------------------
    def current_id(self) -> int | None:
        return self.queue[self.position] if self.position < len(self.queue) else None

    def show_current(self) -> None:
        pid = self.current_id()
        total = len(self.queue)
        enabled = pid is not None
        for button in (*self.circle_buttons, self.skip_button, self.untrack_button):
            button.setEnabled(enabled)
        if pid is None:
            self.progress.setText("")
            self.name.setText(self.tr("Everyone is sorted.") if total else self.tr("No one to sort."))
            self.details.setText(self.tr("You sorted %n people.", "", self.sorted_count) if self.sorted_count
                                 else "")
            self.close_button.setFocus()
            return
        self.progress.setText(self.tr("%1 of %2").replace("%1", str(self.position + 1)).replace("%2", str(total)))
        person = self.journal.store.person(pid)
        rows = self.journal.store.people_rows_for([pid])
        counts: list[str] = []
        if rows:
            r = rows[0]
            counts = [self.tr("%n meetings", "", r.count_together), self.tr("%n calls", "", r.count_voice),
                      self.tr("%n messages", "", r.count_written)]
            last = r.last_any
            if last is not None:
                counts.append(self.tr("last on %1").replace("%1", last.strftime("%d %b %Y")))
        self.name.setText(person.display_name)
        lines = [" · ".join(counts)]
        if person.emails:
            lines.append(", ".join(person.emails[:3]))
        self.details.setText("\n".join(lines))
        # Space on the focused Skip skips; digits and U reach the dialog's keys through it.
        self.skip_button.setFocus()

    # -- answers ---------------------------------------------------------------------------------
    def answer(self, circle: str | None, *, tracked: bool = True) -> None:
        pid = self.current_id()
        if pid is None:
            return
        name = self.journal.store.person(pid).display_name
        where = circle_label(circle)
        if tracked:
            message = self.tr("%1: %2").replace("%1", name).replace("%2", where)
        else:
            message = self.tr("%1: not tracked").replace("%1", name)
        self.journal.run(people_ops.update_person, pid, circle=circle, tracked=tracked,
                         text=self.tr("Sort %1").replace("%1", name), message=message)
        self._answered.append(self.position)
        self.sorted_count += 1
        self.position += 1
        self.show_current()

    def skip(self) -> None:
        if self.current_id() is not None:
            self.position += 1
            self.show_current()

    def untrack(self) -> None:
        self.answer(None, tracked=False)

    def undo_last(self) -> None:
        """Take the last answer back and show that person again."""
        if not self._answered or not self.journal.undo_stack.canUndo():
            return
        self.journal.undo_stack.undo()
        self.position = self._answered.pop()
        self.sorted_count -= 1
        self.show_current()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier:
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_7:
                self.answer(CIRCLE_KEYS[key - Qt.Key.Key_1])
                return
            if key == Qt.Key.Key_Space:
                self.skip()
                return
            if key == Qt.Key.Key_U:
                self.untrack()
                return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_last()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, parent: QWidget | None, journal: Journal) -> int:
        """Sort until closed; how many people were sorted."""
        dialog = cls(journal, parent)
        try:
            dialog.exec()
            return dialog.sorted_count
        finally:
            dialog.deleteLater()


def sort_people_count_text(n: int) -> str:
    return tr("Sort %n people…", "", n)
