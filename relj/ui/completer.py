"""Completion for capture fields: people by name, nickname or email, and interests, asked of the store per keystroke."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from relj.store import Store
from relj.ui.roles import DetailRole, ObjectRole

# How many suggestions a completer shows. Every source query carries a LIMIT: the store is
# asked per keystroke, so typing stays instant with 10,000 people.
SUGGESTIONS = 12
SEPARATOR = ","


@dataclass(frozen=True, slots=True)
class Candidate:
    """One suggestion: the text it inserts, a hint shown after it, and the person it stands for."""

    text: str
    detail: str = ""
    person_id: int | None = None


# A source gets the token being typed and the person ids already chosen in the field.
Source = Callable[[str, Sequence[int]], list[Candidate]]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def name_or_local_part_matches(token: str, name: str, hint: str) -> bool:
    """Whether each word typed starts a word of the name, the nickname or the email's local part.

    The domain of an address does not count: "Ma" must not find everyone at mail.example.
    A whole address typed ("ana@exa") matches the address it starts.
    """
    typed = " ".join(token.split()).casefold()
    if "@" in typed:
        return hint.casefold().startswith(typed)
    words = _words(name) + _words(hint.split("@", 1)[0])
    return all(any(w.startswith(t) for w in words) for t in _words(typed))


def people_source(store: Store, limit: int = SUGGESTIONS) -> Source:
    """People whose name, nickname or email's local part starts with the token; recent people for an empty token."""

    def source(token: str, exclude: Sequence[int]) -> list[Candidate]:
        if not token.strip():
            return [Candidate(p.name, "", p.id) for p in store.recent_people(limit) if p.id not in exclude]
        # Asked for more than shown: matches through an address's domain are dropped here.
        found = store.person_matches(token, limit=limit * 3, exclude=exclude)
        return [Candidate(ref.name, hint, ref.id) for ref, hint in found
                if name_or_local_part_matches(token, ref.name, hint)][:limit]

    return source


def interest_source(store: Store, limit: int = SUGGESTIONS) -> Source:
    """Existing interests whose name (or a word of it) starts with the token."""

    def source(token: str, exclude: Sequence[int]) -> list[Candidate]:
        if not token.strip():
            return []
        return [Candidate(name) for name in store.interest_names(token, limit=limit)]

    return source


def split_tokens(text: str) -> list[str]:
    """The non-empty, trimmed comma-separated tokens of a field."""
    return [t.strip() for t in text.split(SEPARATOR) if t.strip()]


class CandidateModel(QAbstractListModel):
    """A short list of candidates; replaced wholesale on every keystroke."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Candidate] = []

    def set_candidates(self, rows: Sequence[Candidate]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def candidate(self, row: int) -> Candidate | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return c.text
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{c.text}, {c.detail}" if c.detail else c.text
        if role == DetailRole:
            return c.detail
        if role == ObjectRole:
            return c
        return None


class DetailDelegate(QStyledItemDelegate):
    """Draws the row's text, with the detail (email, shortcut) right-aligned and dimmed."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        detail = index.data(DetailRole) or ""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        metrics = opt.fontMetrics
        detail_width = min(metrics.horizontalAdvance(detail) + 12, opt.rect.width() // 2) if detail else 0
        opt.text = metrics.elidedText(opt.text, Qt.TextElideMode.ElideRight, opt.rect.width() - detail_width - 40)
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if detail:
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
            painter.save()
            painter.setPen(opt.palette.color(role))
            rect = QRect(opt.rect.right() - detail_width, opt.rect.top(), detail_width - 6, opt.rect.height())
            text = metrics.elidedText(detail, Qt.TextElideMode.ElideMiddle, rect.width())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
            painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 10))


class TokenCompleter(QObject):
    """Completes the token under edit in a QLineEdit, comma-separated when ``multi``.

    Keys stay in the line edit (the suggestion list never takes focus): Up/Down choose,
    Enter or Tab take the highlighted suggestion and finish, a comma takes it and starts the
    next token, Esc closes the list. The list is a child of the edit's window drawn over the
    widgets below the field, so it needs no window of its own and moves with the dialog.
    ``picked(candidate, finished)`` says what was taken and whether the user is done with the field.
    """

    picked = Signal(object, bool)

    def __init__(self, edit: QLineEdit, source: Source, *, multi: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent or edit)
        self._edit = edit
        self._source = source
        self._multi = multi
        # Inserted text -> person id, so that a completed name resolves to the person picked
        # even when two people share it.
        self._picked: dict[str, int] = {}
        self.model = CandidateModel(self)
        self.popup = QListView()
        self.popup.setObjectName("completerPopup")
        self.popup.setAccessibleName(self.tr("Suggestions"))
        self.popup.setModel(self.model)
        self.popup.setItemDelegate(DetailDelegate(self.popup))
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.popup.setUniformItemSizes(True)
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.popup.clicked.connect(self._clicked)
        self.popup.hide()
        edit.textEdited.connect(self._edited)
        edit.installEventFilter(self)

    # -- state -----------------------------------------------------------------------------
    def is_open(self) -> bool:
        return self.popup.isVisible() and self.model.rowCount() > 0

    def tokens(self) -> list[str]:
        return split_tokens(self._edit.text()) if self._multi else [t for t in [self._edit.text().strip()] if t]

    def picked_id(self, token: str) -> int | None:
        return self._picked.get(" ".join(token.split()))

    def remember(self, text: str, person_id: int) -> None:
        """Record that ``text`` in the field stands for this person (pre-filled fields)."""
        self._picked[" ".join(text.split())] = person_id

    def current_token(self) -> str:
        text = self._edit.text()
        return text.rsplit(SEPARATOR, 1)[-1].strip() if self._multi else text.strip()

    def _head_tokens(self) -> list[str]:
        """The tokens before the one under edit."""
        text = self._edit.text()
        return split_tokens(text.rsplit(SEPARATOR, 1)[0]) if SEPARATOR in text else []

    def current_candidate(self) -> Candidate | None:
        index = self.popup.currentIndex()
        return self.model.candidate(index.row()) if index.isValid() else None

    # -- behaviour -------------------------------------------------------------------------
    def refresh(self, token: str | None = None) -> None:
        """Ask the source for the token under edit and show what it found."""
        token = self.current_token() if token is None else token
        others = self._head_tokens() if self._multi else []
        exclude = [pid for t in others if (pid := self.picked_id(t)) is not None]
        self.model.set_candidates(self._source(token, exclude))
        if self.model.rowCount():
            self.popup.setCurrentIndex(self.model.index(0, 0))
            self._show()
        else:
            self.popup.hide()

    def close(self) -> None:
        self.popup.hide()

    def take(self, candidate: Candidate, *, more: bool = False) -> None:
        """Put ``candidate`` in place of the token under edit."""
        if self._multi:
            parts = [*self._head_tokens(), candidate.text]
            text = (SEPARATOR + " ").join(parts) + ((SEPARATOR + " ") if more else "")
        else:
            text = candidate.text
        if candidate.person_id is not None:
            self.remember(candidate.text, candidate.person_id)
        self._edit.setText(text)
        self._edit.setCursorPosition(len(text))
        self.popup.hide()
        self.picked.emit(candidate, not more)

    def _edited(self, _text: str) -> None:
        self.refresh()

    def _clicked(self, index: QModelIndex) -> None:
        candidate = self.model.candidate(index.row())
        if candidate is not None:
            self.take(candidate)
            self._edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        row = self.popup.currentIndex().row()
        row = max(0, min(rows - 1, (row if row >= 0 else -1) + step))
        self.popup.setCurrentIndex(self.model.index(row, 0))

    def _show(self) -> None:
        window = self._edit.window()
        if self.popup.parentWidget() is not window:
            self.popup.setParent(window)
        row_height = max(self.popup.sizeHintForRow(0), self._edit.fontMetrics().height() + 6)
        below = self._edit.mapTo(window, QPoint(0, self._edit.height()))
        room = max(row_height * 3, window.height() - below.y() - 4)
        height = min(room, row_height * min(8, self.model.rowCount()) + 2 * self.popup.frameWidth())
        self.popup.setGeometry(below.x(), below.y(), self._edit.width(), height)
        self.popup.show()
        self.popup.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit:
            if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
                return self._key(event)
            if event.type() == QEvent.Type.FocusOut:
                self.popup.hide()
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        if key == Qt.Key.Key_Down and not self.is_open():
            self.refresh()
            return self.is_open()
        if not self.is_open():
            return False
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._move(1 if key == Qt.Key.Key_Down else -1)
            return True
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self._move(5 if key == Qt.Key.Key_PageDown else -5)
            return True
        if key == Qt.Key.Key_Escape:
            self.popup.hide()
            return True
        candidate = self.current_candidate()
        if candidate is None:
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.take(candidate)
            return True
        if key == Qt.Key.Key_Tab:
            self.take(candidate)
            return False  # Tab still moves on to the next field
        if key == Qt.Key.Key_Comma and self._multi and self.current_token():
            self.take(candidate, more=True)
            return True
        return False
