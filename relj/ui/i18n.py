"""Translation helpers for text outside a QObject, and the core's words marked for translation.

``lupdate`` files a free ``tr("...")`` call, and a ``QT_TR_NOOP("...")`` mark, under the empty
context; ``tr`` below translates in that same context, so what lupdate finds is what the app asks
for. Inside a QObject use ``self.tr(...)`` (its class is the context). Never call ``other.tr(...)``:
lupdate would file the text under the variable's name, a context nothing asks for.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

#: The context lupdate gives a free tr() call and a QT_TR_NOOP mark.
CONTEXT = ""


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` translated; with ``n`` >= 0, ``%n`` is replaced by ``n`` in the right plural form."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def QT_TR_NOOP(text: str) -> str:
    """Mark ``text`` for lupdate without translating it (translate it with ``tr`` where it is shown)."""
    return text


#: Words the core (Qt-free) shows through the GUI: channel labels, statuses, circles, modes and
#: relationship kinds. Translated with ``tr(word)`` where shown; listed here so lupdate finds them.
CORE_WORDS = (
    # channels (relj.domain.CHANNEL_LABELS)
    QT_TR_NOOP("in person"), QT_TR_NOOP("video"), QT_TR_NOOP("phone"), QT_TR_NOOP("text"),
    QT_TR_NOOP("email"), QT_TR_NOOP("letter"), QT_TR_NOOP("social"),
    # modes
    QT_TR_NOOP("together"), QT_TR_NOOP("voice"), QT_TR_NOOP("written"),
    # statuses
    QT_TR_NOOP("done"), QT_TR_NOOP("planned"), QT_TR_NOOP("cancelled"),
    # circles (relj.domain.CIRCLES, UNSORTED)
    QT_TR_NOOP("family"), QT_TR_NOOP("close"), QT_TR_NOOP("friends"), QT_TR_NOOP("colleagues"),
    QT_TR_NOOP("clients"), QT_TR_NOOP("acquaintances"), QT_TR_NOOP("unsorted"),
    # relationship kinds (relj.domain.RelationKind) that read as one word
    QT_TR_NOOP("partner"), QT_TR_NOOP("parent"), QT_TR_NOOP("child"), QT_TR_NOOP("sibling"),
    QT_TR_NOOP("friend"), QT_TR_NOOP("colleague"), QT_TR_NOOP("manager"), QT_TR_NOOP("client"),
    QT_TR_NOOP("introduced-by"), QT_TR_NOOP("other"),
)
