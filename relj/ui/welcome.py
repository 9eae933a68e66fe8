"""The first run: a short welcome on an empty journal, and Sort people in the menus.

An empty journal (no people, no name of yours) opens this welcome instead of an empty home view:
who you are (what `relj me` stores, so that imports never add you as a person), then Import buttons
for contacts, calendar, mail and phone files with where each comes from, the Sources page, and
Sort people for those an import created without a circle. Everything is reachable with Tab and
Enter. It is decided after the first paint, so start-up on a big journal pays nothing for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from relj.domain import normalise_email
from relj.errors import UserError
from relj.ui import journal as jn
from relj.ui.focus_style import ring_only
from relj.ui.journal import Journal
from relj.ui.palettes import error_style
from relj.ui.sort_people import SortPeopleDialog, unsorted_ids

if TYPE_CHECKING:
    from relj.ui.main_window import MainWindow


def _words(text: str, seps: str = ",;") -> list[str]:
    for sep in seps:
        text = text.replace(sep, "\n")
    return [w.strip() for w in text.splitlines() if w.strip()]


def needs_welcome(journal: Journal) -> bool:
    """An empty journal: no people and no name of yours."""
    return journal.store.person_count() == 0 and not journal.store.owner().name


class WelcomePage(QScrollArea):
    """Your details, the Import buttons, Sources, Sort people and a way on to Reconnect."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.journal = window.journal
        self.setObjectName("welcome")
        self.setAccessibleName(self.tr("Welcome"))
        self.setWidgetResizable(True)
        ring_only(self)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(10)

        title = QLabel(self.tr("Welcome to relj"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr("relj keeps a journal of the people in your life and of how you keep in touch: "
                               "together, by voice, or only in writing. Three steps, each a minute."))
        intro.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(intro)

        # 1. Who you are
        layout.addWidget(self._heading(self.tr("1. Who you are")))
        owner = self.journal.store.owner()
        self.name = QLineEdit(owner.name)
        self.name.setPlaceholderText(self.tr("e.g. Sam Rivera"))
        self.emails = QLineEdit(", ".join(owner.emails))
        self.emails.setPlaceholderText(self.tr("every address you write from, separated by commas"))
        self.interests = QLineEdit(", ".join(owner.interests))
        self.interests.setPlaceholderText(self.tr("e.g. climbing, jazz, chess"))
        self.region = QLineEdit(owner.region or QLocale.system().name().partition("_")[2][:2])
        self.region.setMaxLength(2)
        self.region.setPlaceholderText(self.tr("GB"))
        self.region.setToolTip(self.tr("Two letters (GB, US, DE…): phone numbers without a country code are read "
                                       "as this country's."))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, field in ((self.tr("Your &name:"), self.name), (self.tr("Your &email addresses:"), self.emails),
                            (self.tr("Your &interests:"), self.interests), (self.tr("Your &country:"), self.region)):
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
            field.returnPressed.connect(self.save_details)
            form.addRow(label, field)
        layout.addLayout(form)
        self.save_button = QPushButton(self.tr("&Save my details"))
        self.save_button.setAccessibleName(self.tr("Save my details"))
        self.save_button.clicked.connect(self.save_details)
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        self.saved.setAccessibleName(self.tr("Your details"))
        self.saved.setText(self.tr("Imports never add you as a person: your addresses are recognised as you."))
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved, 1)
        layout.addLayout(row)

        # 2. Import
        layout.addWidget(self._heading(self.tr("2. Bring in the people you know")))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.import_buttons: dict[str, QPushButton] = {}
        for n, (what, text, where) in enumerate((
            ("contacts", self.tr("Import &contacts…"),
             self.tr("A .vcf or .csv file: Google Contacts (Export), Apple Contacts (File ▸ Export ▸ vCard), "
                     "Outlook (Export to a CSV file).")),
            ("calendar", self.tr("Import c&alendar…"),
             self.tr("An .ics file: Google Calendar (Settings ▸ Import and export), Apple Calendar "
                     "(File ▸ Export), Outlook (Save calendar).")),
            ("mail", self.tr("Import &mail…"),
             self.tr("An .mbox file or a mail folder: Thunderbird (ImportExportTools NG), Google Takeout "
                     "(Mail), Apple Mail (Mailbox ▸ Export mailbox).")),
            ("phone", self.tr("Import &phone…"),
             self.tr("calls.xml and sms.xml from the Android app SMS Backup & Restore, or a WhatsApp chat "
                     "export (.txt).")),
        )):
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.setAccessibleDescription(where)
            button.clicked.connect(lambda _c=False, w=what: self.import_kind(w))
            line = QLabel(where)
            line.setWordWrap(True)
            grid.addWidget(button, n, 0)
            grid.addWidget(line, n, 1)
            self.import_buttons[what] = button
        layout.addLayout(grid)
        self.sources_button = QPushButton(self.tr("&Find mail and calendars on this computer…"))
        self.sources_button.setAccessibleName(self.tr("Find mail and calendars on this computer"))
        sources_line = QLabel(self.tr("Thunderbird, Evolution and mail folders, or a folder your phone fills: "
                                      "relj reads them again by itself whenever they change."))
        sources_line.setWordWrap(True)
        self.sources_button.setAccessibleDescription(sources_line.text())
        self.sources_button.clicked.connect(self.find_sources)
        grid.addWidget(self.sources_button, len(self.import_buttons), 0)
        grid.addWidget(sources_line, len(self.import_buttons), 1)

        # 3. Sort
        layout.addWidget(self._heading(self.tr("3. Sort people into circles")))
        self.sort_button = QPushButton()
        self.sort_button.clicked.connect(self.sort_people)
        self.sort_line = QLabel()
        self.sort_line.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.sort_button)
        row.addWidget(self.sort_line, 1)
        layout.addLayout(row)

        self.done_button = QPushButton(self.tr("&Go to Reconnect"))
        self.done_button.setAccessibleName(self.tr("Go to Reconnect"))
        self.done_button.clicked.connect(self.finish)
        layout.addSpacing(6)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.journal.changed.connect(self._on_changed)
        self._update_sort()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 8, 0, 0)
        return label

    # -- actions ---------------------------------------------------------------------------------
    def save_details(self) -> bool:
        """Store name, addresses, interests and country as yours (`relj me`); one undoable step."""
        owner = self.journal.store.owner()
        region = self.region.text().strip().upper()
        if region and not (len(region) == 2 and region.isalpha()):
            self._say(self.tr("Type your country as two letters, such as GB or US."), error=True)
            self.region.setFocus()
            return False
        emails = _words(self.emails.text(), ",; ")
        bad = [e for e in emails if "@" not in e]
        if bad:
            self._say(self.tr("“%1” is not an email address.").replace("%1", bad[0]), error=True)
            self.emails.setFocus()
            return False
        known = {normalise_email(e) for e in owner.emails}
        wanted = {normalise_email(e) for e in emails}
        interests = _words(self.interests.text())
        have = {i.casefold() for i in owner.interests}
        try:
            self.journal.update_owner(
                name=" ".join(self.name.text().split()), region=region,
                add_emails=[e for e in emails if normalise_email(e) not in known],
                remove_emails=[e for e in owner.emails if normalise_email(e) not in wanted],
                add_interests=[i for i in interests if i.casefold() not in have],
                remove_interests=[i for i in owner.interests if i.casefold() not in {w.casefold() for w in interests}],
            )
        except UserError as exc:
            self._say(str(exc), error=True)
            return False
        self._say(self.tr("Saved. Imports will recognise these addresses as you."))
        return True

    def _say(self, text: str, *, error: bool = False) -> None:
        self.saved.setText(text)
        self.saved.setStyleSheet(error_style(self.palette()) if error else "")

    def import_kind(self, what: str) -> None:
        """Save what was typed about you first (imports need your addresses), then import."""
        from relj.ui.import_dialog import ImportDialog

        if self._details_changed() and not self.save_details():
            return
        ImportDialog.ask(self.window_, self.journal, what=what)
        self._update_sort()

    def find_sources(self) -> None:
        """The Sources page: stores found on this computer, read again whenever they change."""
        if self._details_changed() and not self.save_details():
            return
        self.window_.show_sources()
        self._update_sort()

    def _details_changed(self) -> bool:
        owner = self.journal.store.owner()
        return (" ".join(self.name.text().split()) != owner.name
                or {normalise_email(e) for e in _words(self.emails.text(), ",; ")}
                != {normalise_email(e) for e in owner.emails}
                or [i.casefold() for i in _words(self.interests.text())] != [i.casefold() for i in owner.interests]
                or self.region.text().strip().upper() != owner.region)

    def sort_people(self) -> None:
        SortPeopleDialog.ask(self.window_, self.journal)
        self._update_sort()

    def finish(self) -> None:
        if self._details_changed() and not self.save_details():
            return
        from relj.ui.main_window import RECONNECT

        self.window_.show_view(RECONNECT, remember=False)

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {jn.PEOPLE, jn.OWNER}:
            self._update_sort()

    def _update_sort(self) -> None:
        n = len(unsorted_ids(self.journal))
        self.sort_button.setText(self.tr("&Sort %n people…", "", n) if n else self.tr("&Sort people…"))
        self.sort_button.setAccessibleName(self.sort_button.text().replace("&", "").rstrip("…"))
        self.sort_button.setEnabled(n > 0)
        self.sort_line.setText(
            self.tr("People from mail and phone files start without a circle. One at a time, a key each: "
                    "1–7 a circle, Space skip, U don't track.") if n else
            self.tr("After an import of mail or phone files, the people it found are sorted here, one key each."))

    def focus_first(self) -> None:
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)


class FirstRun(QObject):
    """The window's first-run parts: the welcome page, Sort people and Your details in the menus."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)  # lives as long as the window
        self.window = window
        self.journal = window.journal
        self.page: WelcomePage | None = None
        self.act_sort = QAction(self.tr("S&ort people…"), window)
        self.act_sort.setStatusTip(self.tr("Give the people an import found a circle, one key each"))
        self.act_sort.triggered.connect(lambda _c=False: self.sort_people())
        self.act_details = QAction(self.tr("Your &details…"), window)
        self.act_details.setStatusTip(self.tr("Your name, addresses, interests: the welcome page"))
        self.act_details.triggered.connect(lambda _c=False: self.show_welcome())
        edit = self._edit_menu()
        if edit is not None:
            edit.addSeparator()
            edit.addActions([self.act_sort, self.act_details])
        for action in (self.act_sort, self.act_details):
            window.addAction(action)
            window._actions.append(action)  # the command palette lists the window's actions
        self.journal.changed.connect(self._on_changed)
        self._update_sort()

    def _edit_menu(self) -> QMenu | None:
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and self.window.act_new_person in menu.actions():
                return menu
        return None

    def actions(self) -> list[QAction]:
        """For the command palette: Sort people only while someone is unsorted."""
        return [a for a in (self.act_sort, self.act_details) if a.isVisible()]

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if jn.PEOPLE in kinds:
            self._update_sort()

    def _update_sort(self) -> None:
        n = len(unsorted_ids(self.journal))
        self.act_sort.setVisible(n > 0)
        self.act_sort.setText(self.tr("S&ort %n people…", "", n) if n else self.tr("S&ort people…"))

    def sort_people(self) -> None:
        SortPeopleDialog.ask(self.window, self.journal)

    def show_welcome(self) -> None:
        if self.page is None:
            self.page = WelcomePage(self.window)
            self.window.stack.addWidget(self.page)
        self.window.stack.setCurrentWidget(self.page)
        self.window.nav.blockSignals(True)
        self.window.nav.setCurrentRow(-1)  # none of the four views is shown
        self.window.nav.blockSignals(False)
        self.page.focus_first()

    def maybe_welcome(self) -> None:
        if needs_welcome(self.journal):
            self.show_welcome()


def install_first_run(window: MainWindow) -> FirstRun:
    """Sort people and Your details in the Edit menu; the welcome if the journal is empty."""
    first = FirstRun(window)
    first.maybe_welcome()
    return first
