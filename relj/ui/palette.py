"""Command palette (Ctrl+K): jump to a person or run an action by typing a few letters."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from relj.ui.completer import Candidate, CandidateModel, DetailDelegate
from relj.ui.journal import Journal
from relj.ui.roles import KindRole

# People shown at most: the store is asked per keystroke, with this LIMIT.
PEOPLE_LIMIT = 50


@dataclass(frozen=True)
class PaletteResult:
    """What the user chose: a person to open, or an action for the caller to trigger."""

    person_id: int | None = None
    action: QAction | None = None


@dataclass(frozen=True, slots=True)
class _Entry(Candidate):
    """A palette row: a person (``person_id``) or an action."""

    action: QAction | None = None


def action_text(action: QAction) -> str:
    """An action's text as shown in a menu, without mnemonic ampersands or a trailing ellipsis."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("...").removesuffix("…").strip()


def fuzzy_score(query: str, text: str) -> int | None:
    """How well ``query`` matches ``text`` at word starts; lower is better, None when it does not match.

    0: the text starts with the query; 1: every query word starts a word of the text, in order;
    2: the query is the initials of words of the text, in order ("np" for New person). Letters
    scattered inside words never match: "an" finds "Ana", not "Dan".
    """
    q = " ".join(query.casefold().split())
    t = text.casefold()
    if not q:
        return 0
    if t.startswith(q):
        return 0
    words = re.findall(r"\w+", t)
    if _in_order(q.split(), words):
        return 1
    if " " not in q and len(q) >= 2 and _in_order(list(q), words):
        return 2
    return None


def _name_score(query: str, name: str) -> int | None:
    """``fuzzy_score`` on a name, without initials: "al" is not Ana Lima."""
    score = fuzzy_score(query, name)
    return score if score is not None and score < 2 else None


def _in_order(parts: Sequence[str], words: Sequence[str]) -> bool:
    """Does each of ``parts`` start one of ``words``, in order (each word used once)?"""
    pos = 0
    for part in parts:
        while pos < len(words) and not words[pos].startswith(part):
            pos += 1
        if pos == len(words):
            return False
        pos += 1
    return True


# How far a key moves the highlighted row (Qt.Key is an int enum: it compares with QKeyEvent.key()).
_STEPS: dict[int, int] = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8, Qt.Key.Key_PageUp: -8}


class PaletteModel(CandidateModel):
    """The palette's rows: actions and people, best first (a CandidateModel with icons and kinds)."""

    def set_entries(self, rows: Sequence[_Entry]) -> None:
        self.set_candidates(rows)

    def entry(self, row: int) -> _Entry | None:
        found = self.candidate(row)
        return found if isinstance(found, _Entry) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        e = self.entry(index.row()) if index.isValid() else None
        if e is not None and role == Qt.ItemDataRole.DecorationRole and e.action is not None:
            return e.action.icon() if not e.action.icon().isNull() else None
        if e is not None and role == KindRole:
            return "action" if e.action is not None else "person"
        return super().data(index, role)


class CommandPalette(QDialog):
    """A frameless search box over people and actions.

    People come from the store per keystroke (name, nickname or email prefix, at most 50);
    actions are the enabled QActions given (the current view's first), matched at word starts.
    People whose name matches come before actions; people found by email only, after them.
    Up/Down choose, Enter takes, Esc closes. The caller triggers a chosen action after
    the palette has closed, so that the action's own dialog does not open over the palette.
    """

    def __init__(self, journal: Journal, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.journal = journal
        self.store = journal.store
        self.actions_ = [a for a in actions if a.isEnabled() and action_text(a) and not a.isSeparator()]
        self.result_: PaletteResult | None = None
        self.close_when_inactive = False
        self.setAccessibleName(self.tr("Command palette"))
        self.setWindowTitle(self.tr("Go to"))
        self.setMinimumSize(560, 380)

        frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.search = QLineEdit(frame)
        self.search.setObjectName("search")
        self.search.setAccessibleName(self.tr("Search people and actions"))
        self.search.setPlaceholderText(self.tr("Type a name, an email or an action…"))
        self.search.setClearButtonEnabled(True)
        self.model = PaletteModel(self)
        self.list = QListView(frame)
        self.list.setObjectName("results")
        self.list.setAccessibleName(self.tr("Results"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(DetailDelegate(self.list))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        self.empty = QLabel(frame)
        self.empty.setAccessibleName(self.tr("No results"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        inner = QVBoxLayout(frame)
        inner.addWidget(self.search)
        inner.addWidget(self.list, 1)
        inner.addWidget(self.empty, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

        self.search.textChanged.connect(self.refresh)
        self.search.installEventFilter(self)
        self.refresh()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def ask(cls, parent: QWidget | None, journal: Journal, actions: Sequence[QAction]) -> PaletteResult | None:
        """Show the palette over ``parent``; what was chosen, or None."""
        dialog = cls(journal, actions, parent)
        dialog.close_when_inactive = True  # a popup: clicking elsewhere closes it
        try:
            if parent is not None:
                top = parent.window()
                centre = top.mapToGlobal(QPoint(top.width() // 2, top.height() // 5))
                dialog.move(centre.x() - dialog.width() // 2, centre.y())
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_
            return None
        finally:
            dialog.deleteLater()

    # -- matching --------------------------------------------------------------------------
    def _action_entries(self, query: str) -> list[tuple[int, _Entry]]:
        out = []
        for order, action in enumerate(self.actions_):
            text = action_text(action)
            score = fuzzy_score(query, text)
            if score is None:
                continue
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            out.append((score * 1000 + order, _Entry(text, shortcut, action=action)))
        out.sort(key=lambda pair: pair[0])
        return out

    def entries(self, query: str) -> list[_Entry]:
        """Rows for ``query``: people whose name matches first, then actions (best match first).

        With nothing typed: the people seen last, then every action.
        """
        actions = [e for _score, e in self._action_entries(query)]
        if not query.strip():
            people = [_Entry(ref.name, self.tr("recent"), person_id=ref.id) for ref in self.store.recent_people(8)]
            return [*people, *actions]
        by_name: list[_Entry] = []
        by_email: list[_Entry] = []
        for ref, hint in self.store.person_matches(query, limit=PEOPLE_LIMIT):
            named = _name_score(query, ref.name) is not None or ("@" not in hint and _name_score(query, hint) is not None)
            (by_name if named else by_email).append(_Entry(ref.name, hint, person_id=ref.id))
        return [*by_name, *actions, *by_email]

    def refresh(self) -> None:
        query = self.search.text()
        rows = self.entries(query)
        self.model.set_entries(rows)
        if rows:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.empty.setText(self.tr("Nothing matches “%1”. Add a person with Ctrl+N.").replace("%1", query.strip()))
        self.empty.setVisible(not rows)
        self.list.setVisible(bool(rows))

    # -- keys ------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowDeactivate and self.close_when_inactive and self.isVisible():
            self.reject()
        return super().event(event)

    def current(self) -> _Entry | None:
        index = self.list.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            row = self.list.currentIndex().row()
            row = (row + step) % rows if abs(step) == 1 else max(0, min(rows - 1, row + step))
            self.list.setCurrentIndex(self.model.index(row, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            step = _STEPS.get(key)
            if step is not None:
                self._move(step)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose(self.current())
                return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        self.choose(self.model.entry(index.row()))

    def choose(self, entry: _Entry | None) -> None:
        if entry is None:
            return
        self.result_ = PaletteResult(person_id=entry.person_id, action=entry.action)
        self.accept()
