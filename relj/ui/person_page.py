"""The person page: details edited in place, contact points, relationships, interests, chart, timeline.

The parts are widgets of their own (relj.ui.person_details, person_links, person_history); this
page lays them out, loads the person into them and sends every edit they report through the
Journal, so each is one undoable command.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relj.clock import today
from relj.domain import ContactKind, Person, Relationship
from relj.errors import UserError
from relj.ops import plans as plan_ops
from relj.ops import rhythms as rhythm_ops
from relj.store import moments as moment_store
from relj.store import plans as plan_store
from relj.store import rhythms as rhythm_store
from relj.ui import journal as jn
from relj.ui.focus_style import ring_only, ring_sheet
from relj.ui.i18n import circle_label
from relj.ui.journal import Journal
from relj.ui.person_brief import BriefSection
from relj.ui.person_details import ContactsForm, DetailsForm, RhythmForm, put_text, section_title
from relj.ui.person_history import ContactHistory
from relj.ui.person_links import InterestsSection, RelationshipDialog, RelationshipsSection
from relj.ui.person_loop import AttentionBox, PointsSection, PreferencesForm, attention_for, birthday_value
from relj.ui.person_moments import MomentsSection, RhythmsLine

log = logging.getLogger(__name__)

__all__ = ["PersonPage", "RelationshipDialog"]

# Fields that are switched on or off: compared as booleans, never skipped as "empty".
_FLAGS = frozenset({"paused", "written_ok"})


class PersonPage(QWidget):
    """Everything about one person. Every edit goes through the Journal and can be undone."""

    person_activated = Signal(int)
    back_requested = Signal()
    deleted = Signal(str)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setObjectName("person_page")
        self.person: Person | None = None
        self._loading = False

        self.details = DetailsForm()
        self.details.edited.connect(self._commit)
        self.contacts = ContactsForm()
        self.contacts.edited.connect(self._commit_contacts)
        self.rhythm = RhythmForm()
        self.rhythm.edited.connect(self._commit)
        self.interests = InterestsSection()
        self.interests.add_requested.connect(self._add_interest)
        self.interests.remove_requested.connect(self._remove_interest)
        self.relations = RelationshipsSection()
        self.relations.add_requested.connect(self._add_relationship)
        self.relations.remove_requested.connect(self._remove_relationship)
        self.relations.person_activated.connect(self.person_activated)
        self.history = ContactHistory(journal)
        self.history.delete_requested.connect(self.journal.delete_interaction)
        self.attention = AttentionBox()
        self.attention.plan_requested.connect(self.plan_meeting)
        self.attention.snooze_requested.connect(self.snooze)
        self.points = PointsSection()
        self.points.add_requested.connect(self._add_point)
        self.points.cover_requested.connect(self._cover_point)
        self.points.reopen_requested.connect(lambda tid: self._run(plan_ops.reopen_point, tid,
                                                                   text=self.tr("Reopen talking point")))
        self.points.delete_requested.connect(lambda tid: self._run(plan_ops.delete_point, tid,
                                                                   text=self.tr("Delete talking point")))
        self.prefs = PreferencesForm()
        self.prefs.edited.connect(self._set_preferences)
        self.brief = BriefSection(journal)
        self.moments = MomentsSection(today())
        self.moments.add_requested.connect(self._add_moment)
        self.moments.delete_requested.connect(self._remove_moment)
        self.rhythms_line = RhythmsLine()
        self.rhythms_line.open_requested.connect(self.show_rhythms)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("person_splitter")
        self.splitter.addWidget(self._details_column())
        self.splitter.addWidget(self.history)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 640])
        self.splitter.setChildrenCollapsible(False)

        self.subtitle = QLabel()
        self.subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.subtitle.setAccessibleName(self.tr("Summary"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(self._header())
        layout.addWidget(self.subtitle)
        layout.addWidget(self.attention)
        layout.addWidget(self.splitter, 1)
        self._align_labels()

        journal.changed.connect(self._on_changed)

    def _style_name(self) -> None:
        """The name: a title until it has the keyboard, then a field with the app's focus ring."""
        self.name_edit.setStyleSheet("QLineEdit { background: transparent; } QLineEdit:focus { background: palette(base); }"
                                     + ring_sheet("QLineEdit", QApplication.palette()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._style_name()  # light <-> dark while running
        super().changeEvent(event)

    def _header(self) -> QHBoxLayout:
        """Back, the name (edited in place), Log contact and Delete."""
        self.back_button = QToolButton()
        self.back_button.setText(self.tr("‹ Back"))
        self.back_button.setToolTip(self.tr("Back (Alt+Left)"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.setAutoRaise(True)
        self.back_button.clicked.connect(self.back_requested)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("person_name")
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.name_edit.setFrame(False)
        font = QFont(self.name_edit.font())
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.name_edit.setFont(font)
        self._style_name()
        self.name_edit.editingFinished.connect(lambda: self._commit("display_name", self.name_edit.text()))
        self.log_button = QPushButton(self.tr("Log contact…"))
        self.log_button.setToolTip(self.tr("Log a meeting, call or message with them (Ctrl+L)"))
        self.log_button.setAccessibleName(self.tr("Log contact"))
        self.log_button.clicked.connect(self._quick_log)
        # Delete is a quiet tool button beside Log contact, the action that matters here.
        self.delete_button = QToolButton()
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setAutoRaise(True)
        self.delete_button.setToolTip(self.tr("Delete this person (Ctrl+Delete; Ctrl+Z brings them back)"))
        self.delete_button.setAccessibleName(self.tr("Delete person"))
        self.delete_button.clicked.connect(self.delete_person)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.name_edit, 1)
        header.addWidget(self.log_button)
        header.addWidget(self.delete_button)
        return header

    def _details_column(self) -> QScrollArea:
        """The left column, scrolled: details, contact, interests, relationships, rhythm."""
        details = QWidget()
        details.setObjectName("person_details")
        column = QVBoxLayout(details)
        column.setContentsMargins(4, 0, 12, 12)
        for title, part in ((self.tr("For next time"), self.points), (self.tr("Before you meet"), self.brief),
                            (self.tr("Details"), self.details),
                            (self.tr("Contact"), self.contacts), (self.tr("Preferences"), self.prefs),
                            (self.tr("Interests"), self.interests), (self.tr("Relationships"), self.relations),
                            (self.tr("Rhythm"), self.rhythm)):
            column.addWidget(section_title(title))
            column.addWidget(part)
        column.addWidget(self.rhythms_line)
        column.addWidget(section_title(self.tr("Moments")))
        column.addWidget(self.moments)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("person_details_scroll")
        scroll.setAccessibleName(self.tr("About them"))
        scroll.setWidget(details)
        scroll.setWidgetResizable(True)
        ring_only(scroll)
        scroll.setMinimumWidth(340)
        return scroll

    # -- loading ---------------------------------------------------------------------------
    def person_id(self) -> int | None:
        return self.person.id if self.person else None

    def person_name(self) -> str:
        return self.person.display_name if self.person else ""

    def show_person(self, person_id: int) -> None:
        """Load a person: details, the first page of interactions, the chart. Cheap at 5,000 interactions."""
        switching = self.person is None or self.person.id != person_id
        self.person = self.journal.store.person(person_id)
        self._load(switching=switching)
        if switching:
            self.history.show_person(person_id)

    def _load(self, *, switching: bool) -> None:
        """Fill every part from ``self.person``; a reload keeps what the user is typing in the focused field."""
        person = self.person
        if person is None:
            return
        store = self.journal.store
        self._loading = True
        try:
            focused = None if switching else self.focusWidget()
            put_text(self.name_edit, person.display_name, focused)
            self.name_edit.setToolTip(person.display_name)
            self.details.load(person, store.circles_in_use(), focused)
            self.contacts.load(person, focused)
            self.rhythm.load(person, focused)
            self.interests.load(person, set(store.shared_interests(person.id)), store.held_interest_names())
            self.relations.load(person.id, store.relationships_for(person.id))
            prefers, best_time = plan_store.preferences(store, [person.id]).get(person.id, (None, None))
            self.prefs.load(prefers, best_time, focused)
            self.points.load(self._points(person.id))
            self.moments.set_today(today())
            self.moments.load(moment_store.moments_for(store, person.id))
            self.rhythms_line.load(person.display_name,
                                   rhythm_store.rhythms(store, rhythm_store.rhythm_ids_of(store, [person.id])))
            self.brief.show_person(person.id)
            self._load_summary(person)
        finally:
            self._loading = False

    def _load_summary(self, person: Person) -> None:
        store = self.journal.store
        day = today()
        rows = store.people_rows_for([person.id], until=day)
        count = store.interaction_count_for(person.id)
        entry = attention_for(store, person.id, day)
        self.attention.load(entry)
        self.history.load(rows[0] if rows else None, count, store.monthly_mode_counts(person.id, until=day), day,
                          rhythm_days=entry.expected_rich_days if entry else None)
        bits = []
        if person.circle:
            bits.append(circle_label(person.circle))
        if person.organisation:
            bits.append(person.organisation + (f" · {person.role}" if person.role else ""))
        bits.append(self.tr("%Ln interactions", "", count))
        if person.paused:
            bits.append(self.tr("paused"))
        self.subtitle.setText("   ·   ".join(bits))

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if self.person is None or not kinds & {jn.PEOPLE, jn.INTERACTIONS, jn.INTERESTS, jn.OWNER}:
            return
        if not self.journal.store.person_exists(self.person.id):
            return
        self.person = self.journal.store.person(self.person.id)
        self._load(switching=False)

    # -- edits -----------------------------------------------------------------------------
    def _fail(self, exc: UserError) -> None:
        QMessageBox.warning(self, self.tr("relj"), str(exc))
        self._load(switching=True)

    def _commit(self, key: str, value: Any) -> None:
        """Write one field of the person if it changed (from any form); a bad value is refused with a message."""
        if self._loading or self.person is None:
            return
        current = getattr(self.person, key)
        if key == "birthday":
            current = current.iso() if current else ""
            value = birthday_value(value or "") or None
        elif isinstance(value, str) and key != "notes":
            value = " ".join(value.split()) if key == "display_name" else value.strip()
        if key in _FLAGS:
            if bool(current) == bool(value):
                return
        elif (current or None) == (value or None):
            return
        try:
            self.journal.update_person(self.person.id, **{key: value})
        except UserError as exc:
            self._fail(exc)

    def _commit_contacts(self, kind: ContactKind) -> None:
        if self._loading or self.person is None:
            return
        values = self.contacts.values(kind)
        if values == [c.value for c in self.person.contacts if c.kind is kind]:
            return
        try:
            self.journal.set_contacts(self.person.id, kind.value, values)
        except UserError as exc:
            self._fail(exc)

    def _add_interest(self, name: str) -> None:
        if self.person is None:
            return
        names = list(self.person.interests)
        if name.casefold() not in {n.casefold() for n in names}:
            self.journal.set_interests(self.person.id, [*names, name])

    def _remove_interest(self, name: str) -> None:
        if self.person is None:
            return
        self.journal.set_interests(self.person.id, [n for n in self.person.interests if n != name])

    def _add_relationship(self) -> None:
        if self.person is None:
            return
        found = RelationshipDialog.ask(self, self.journal, self.person)
        if found is None:
            return
        other, kind, note = found
        try:
            self.journal.add_relationship(self.person.id, other, kind, note)
        except UserError as exc:
            self._fail(exc)

    def _remove_relationship(self, rel: Relationship) -> None:
        self.journal.remove_relationship(rel.id, rel.person_a.id, rel.person_b.id, rel.kind.value, rel.note)

    # -- the loop: plan, snooze, talking points, preferences ------------------------------------
    def _align_labels(self) -> None:
        """One label column for Details, Contact, Preferences and Rhythm, so their fields line up."""
        from PySide6.QtWidgets import QFormLayout

        labels = []
        for part in (self.details, self.contacts, self.prefs, self.rhythm):
            form = part.layout()
            if isinstance(form, QFormLayout):
                for row in range(form.rowCount()):
                    item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                    widget = item.widget() if item is not None else None
                    if widget is not None:
                        labels.append(widget)
        width = max((w.sizeHint().width() for w in labels), default=0)
        for w in labels:
            w.setMinimumWidth(width)

    def _points(self, person_id: int) -> list[Any]:
        """Open points, then those covered in the last 30 days (so a slip can be unticked)."""
        since = today().toordinal() - 30
        points = plan_store.points_for(self.journal.store, person_id, open_only=False)
        return [t for t in points if t.is_open] + [
            t for t in points if not t.is_open and t.covered_on is not None and t.covered_on.toordinal() >= since]

    def _run(self, op: Any, *args: Any, **kwargs: Any) -> None:
        try:
            self.journal.run(op, *args, **kwargs)
        except UserError as exc:
            self._fail(exc)

    def _add_point(self, text: str) -> None:
        if self.person is not None:
            self._run(plan_ops.add_points, self.person.id, [text], text=self.tr("Add talking point"),
                      message=self.tr("Noted for next time with %1").replace("%1", self.person.display_name))

    def _cover_point(self, point_id: int) -> None:
        if self.person is not None:
            self._run(plan_ops.cover_points, self.person.id, [point_id], text=self.tr("Cover talking point"),
                      message=self.tr("Ticked off a talking point with %1").replace("%1", self.person.display_name))

    def _set_preferences(self, prefers: str | None, best_time: str | None) -> None:
        if self.person is not None and not self._loading:
            self._run(plan_ops.set_preferences, self.person.id, prefers=prefers, best_time=best_time,
                      text=self.tr("Edit preferences"))

    # -- moments and rhythms (issue 16) ---------------------------------------------------------
    def _add_moment(self, text: str, day: Any, kind: str, yearly: bool) -> None:
        if self.person is None:
            return
        name = self.person.display_name
        try:
            self.journal.run(rhythm_ops.add_moment, self.person.id, text, day, kind=kind, yearly=yearly,
                             text=self.tr("Add moment"),
                             message=self.tr("Added a moment for %1: %2").replace("%1", name).replace("%2", text))
        except UserError as exc:
            self.moments.show_error(str(exc))
            return
        self.moments.clear_fields()

    def _remove_moment(self, moment_id: int) -> None:
        if self.person is not None:
            self._run(rhythm_ops.remove_moment, moment_id, text=self.tr("Remove moment"),
                      message=self.tr("Removed a moment of %1").replace("%1", self.person.display_name))

    def show_rhythms(self) -> None:
        """The Rhythms dialog, with this person ready in a new rhythm's Who field."""
        from relj.ui.rhythms_dialog import show_rhythms

        show_rhythms(self, self.journal, person_id=self.person_id())

    def plan_meeting(self) -> None:
        """Plan a meeting with this person (the Plan dialog, with their brief)."""
        if self.person is not None:
            from relj.ui.plan_dialog import ask_plan

            ask_plan(self, self.journal, [self.person.id])

    def snooze(self) -> None:
        if self.person is None:
            return
        from relj.ui.reconnect_dialogs import SnoozeDialog

        person_id = self.person.id
        until = SnoozeDialog.ask(self, self.person.display_name)
        if until is not None:
            try:
                self.journal.snooze(person_id, until)
            except UserError as exc:
                self._fail(exc)

    def _quick_log(self) -> None:
        action = getattr(self.window(), "act_quick_log", None)
        if action is not None:
            action.trigger()

    def delete_person(self) -> None:
        if self.person is None:
            return
        name = self.person.display_name
        self.journal.delete_person(self.person.id)
        self.person = None
        self.deleted.emit(name)

    # -- UI state --------------------------------------------------------------------------
    def save_ui_state(self, settings: QSettings) -> None:
        settings.setValue("person/splitter", self.splitter.saveState())

    def restore_ui_state(self, settings: QSettings) -> None:
        state = settings.value("person/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
