"""Translation helpers for text outside a QObject, and the core's words marked for translation.

``lupdate`` files a free ``tr("...")`` call, and a ``QT_TR_NOOP("...")`` mark, under the empty
context; ``tr`` below translates in that same context, so what lupdate finds is what the app asks
for. Inside a QObject use ``self.tr(...)`` (its class is the context). Never call the tr method of
another object: lupdate would file the text under the variable's name, a context nothing asks for.
Counts are plurals: ``self.tr("%n people", "", n)`` (``%Ln`` for a number in the user's locale);
their English forms are in resources/translations/relj_en.ts, built into assets/relj_en.qm.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from relj.domain import DEFAULT_CIRCLE, UNSORTED, Channel, Mode, Status

log = logging.getLogger(__name__)

# The context lupdate gives a free tr() call and a QT_TR_NOOP mark.
CONTEXT = ""

# English plural forms ("1 day ago", "2 days ago"): the sources say "%n days ago" and a
# translator picks the form, so English needs one too (built from resources/translations/relj_en.ts).
ENGLISH_PLURALS = Path(__file__).with_name("assets") / "relj_en.qm"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` translated; with ``n`` >= 0, ``%n`` is replaced by ``n`` in the right plural form."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def QT_TR_NOOP(text: str) -> str:
    """Mark ``text`` for lupdate without translating it (translate it with ``tr`` where it is shown)."""
    return text


# Words the core (Qt-free) shows through the GUI: channel labels, statuses, circles, modes and
# relationship kinds. Translated with ``tr(word)`` where shown; listed here so lupdate finds them.
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

# The import formats' names (relj.interop.engine.FORMATS), shown in the import dialog.
FORMAT_LABELS = (
    QT_TR_NOOP("vCard address book (.vcf)"),
    QT_TR_NOOP("Contacts CSV (.csv)"),
    QT_TR_NOOP("iCalendar (.ics, .vcs)"),
    QT_TR_NOOP("Mailbox (.mbox)"),
    QT_TR_NOOP("Maildir folder"),
    QT_TR_NOOP("Email message (.eml)"),
    QT_TR_NOOP("Android call log (calls.xml)"),
    QT_TR_NOOP("Android texts (sms.xml)"),
    QT_TR_NOOP("WhatsApp chat export (.txt)"),
    QT_TR_NOOP("Thunderbird calendar (calendar-data/local.sqlite)"),
    QT_TR_NOOP("Evolution address book (contacts.db)"),
)


def channel_label(channel: Channel) -> str:
    """A channel as shown: "in person", "video"..., translated."""
    return tr(channel.label)


def mode_label(mode: Mode) -> str:
    """A mode as shown: "together", "voice", "written", translated."""
    return tr(mode.value)


def status_label(status: Status) -> str:
    """An interaction's status as shown: "planned", "cancelled"..., translated."""
    return tr(status.value)


def circle_label(circle: str | None) -> str:
    """A circle as shown, capitalised ("Friends"). No circle (the default) and not sorted yet (people
    an import created) are one thing on screen: "No circle"."""
    name = circle or DEFAULT_CIRCLE
    return tr("No circle") if name in (DEFAULT_CIRCLE, UNSORTED) else tr(name).capitalize()


def install_translators(app: QCoreApplication) -> list[QTranslator]:
    """Install the English plural forms on ``app``; returns the translators (``app`` owns them).

    Loading the small .qm costs well under a millisecond of start-up.
    """
    use_plain_locale_numbers()
    installed: list[QTranslator] = []
    english = QTranslator(app)
    if english.load(str(ENGLISH_PLURALS)):
        app.installTranslator(english)
        installed.append(english)
    else:  # a packaging error: say so, the app still works ("1 days ago")
        log.warning("cannot load the English plural forms (%s)", ENGLISH_PLURALS.name)
    return installed


def use_plain_locale_numbers() -> None:
    """Under the C or POSIX locale (LANG unset, as in a bare session or a container) Qt groups no
    digits: "12345 interactions". relj speaks English, so it then formats as English does
    ("12,345"); any real locale the system has is kept as it is."""
    if QLocale.system().language() == QLocale.Language.C:
        QLocale.setDefault(QLocale("en_US"))
