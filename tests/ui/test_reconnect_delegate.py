"""A Reconnect card: the reason on one or two lines, the openers right under it (issue 14)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem

from relj import reconnect
from relj.ui.reconnect_delegate import ReconnectDelegate, reason_lines
from relj.ui.roles import ObjectRole

LONG = ("Last saw Ana in person on 5 May (7 months ago); 46 written messages since. You usually meet every "
        "2 weeks, and the first-Sunday dinner with Mum and Dad was missed in October and November.")


def test_reason_lines_split_at_words_and_cut_a_word_too_long(qapp) -> None:
    fm = QFontMetrics(QFont())
    assert reason_lines("Last saw Ana.", fm, 400) == ("Last saw Ana.", "")
    first, rest = reason_lines(LONG, fm, 300)
    assert fm.horizontalAdvance(first) <= 300 and f"{first} {rest}" == LONG
    word, _ = reason_lines("x" * 500, fm, 100)
    assert word.endswith("…") and fm.horizontalAdvance(word) <= 100


def _ink_rows(image: QImage) -> list[int]:
    """The rows of ``image`` with any dark pixel (text) in them."""
    return [y for y in range(image.height())
            if any(QColor(image.pixel(x, y)).lightness() < 160 for x in range(0, image.width(), 1))]


def _paint(entry: reconnect.Entry) -> tuple[QImage, int]:
    model = QStandardItemModel()
    item = QStandardItem()
    item.setData(entry, ObjectRole)
    model.appendRow(item)
    delegate = ReconnectDelegate()
    option = QStyleOptionViewItem()
    option.font = QFont()
    option.fontMetrics = QFontMetrics(option.font)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor("black"))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    option.palette = palette
    height = delegate.sizeHint(option, model.index(0, 0)).height()
    option.rect = QRect(0, 0, 420, height)
    image = QImage(420, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    return image, height


def test_openers_follow_a_one_line_reason_with_no_empty_line_between(store, today, qapp) -> None:
    from relj.domain import Channel
    from relj.ops import interactions as interaction_ops
    from relj.ops import people as people_ops

    ana = people_ops.add_person(store, "Ana", circle="close").value
    interaction_ops.log_interaction(store, Channel.IN_PERSON, [ana.id], today.replace(year=today.year - 1))
    entry = reconnect.compute(store, today)[0]
    opener = reconnect.Opener("moment", "Ask Ana how the move to Berlin went")
    short = dataclasses.replace(entry, reason="No contact with Ana for a year.", openers=(opener,))
    long = dataclasses.replace(entry, reason=LONG, openers=(opener,))

    image, height = _paint(short)
    bold = QFont()
    bold.setBold(True)
    # The card's last line: below the name and two lines of reason.
    last_line = QFontMetrics(bold).height() + 2 * QFontMetrics(QFont()).height() + 2
    bottom_band = range(ReconnectDelegate.PAD + last_line, height - ReconnectDelegate.PAD)
    rows = _ink_rows(image)
    assert rows, "the card is drawn"
    assert not set(rows) & set(bottom_band), "the openers sit right under a one-line reason"

    image, height = _paint(long)
    assert set(_ink_rows(image)) & set(bottom_band), "after a two-line reason the openers take the last line"
