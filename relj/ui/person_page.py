"""The person page: details edited in place, contact points, relationships, interests, chart, timeline."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relj.clock import today
from relj.domain import CIRCLES, ContactKind, Mode, Person, PersonRow, RelationKind, Relationship
from relj.errors import UserError
from relj.ui import journal as jn
from relj.ui.chart import ContactChart
from relj.ui.icons import mode_color, swatch_icon
from relj.ui.journal import Journal
from relj.ui.models import ObjectRole, TimelineModel, long_day, relative_day

log = logging.getLogger(__name__)

#: Directional kinds read "A is KIND of B".
_RELATION_WORDS = {
    RelationKind.PARENT: "parent of",
    RelationKind.CHILD: "child of",
    RelationKind.MANAGER: "manager of",
    RelationKind.CLIENT: "client of",
    RelationKind.INTRODUCED_BY: "introduced by",
}


class NoteEdit(QPlainTextEdit):
    """A plain text edit that reports when the user leaves it, like QLineEdit.editingFinished."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+Enter commits without leaving the field; Tab moves on instead of typing a tab.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.editing_finished.emit()
            return
        if event.key() == Qt.Key.Key_Tab and not event.modifiers():
            self.focusNextChild()
            return
        if event.key() == Qt.Key.Key_Backtab:
            self.focusPreviousChild()
            return
        super().keyPressEvent(event)


class InterestChips(QListWidget):
    """Interests as wrapping chips; Delete removes the selected one."""

    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(4)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet(
            "QListWidget { background: transparent; }"
            "QListWidget::item { border: 1px solid palette(mid); border-radius: 10px; padding: 2px 8px; }"
            "QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem() is not None:
            self.remove_requested.emit(self.currentItem().data(Qt.ItemDataRole.UserRole))
            return
        super().keyPressEvent(event)

    def fit_height(self) -> None:
        rows_h = 0
        if self.count():
            last = self.visualItemRect(self.item(self.count() - 1))
            first = self.visualItemRect(self.item(0))
            rows_h = last.bottom() - first.top() + 12
        self.setFixedHeight(max(30, rows_h))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_height()


class RelationshipDialog(QDialog):
    """Pick a person and a kind of relationship."""

    def __init__(self, parent: QWidget, journal: Journal, person: Person) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add relationship"))
        self.journal = journal
        self.person = person
        self._ids: dict[str, int] = {}
        names: list[str] = []
        seen: dict[str, int] = {}
        refs = [r for r in journal.store.person_refs() if r.id != person.id]
        for ref in refs:
            seen[ref.name] = seen.get(ref.name, 0) + 1
        for ref in refs:
            label = ref.name if seen[ref.name] == 1 else f"{ref.name} (#{ref.id})"
            self._ids[label.casefold()] = ref.id
            names.append(label)
        self.who = QLineEdit()
        self.who.setAccessibleName(self.tr("Other person"))
        self.who.setPlaceholderText(self.tr("Type a name"))
        completer = QCompleter(QStringListModel(names, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.who.setCompleter(completer)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of relationship"))
        for kind in RelationKind:
            label = _RELATION_WORDS.get(kind, kind.value)
            self.kind.addItem(self.tr(label), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(RelationKind.FRIEND.value))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note"))
        form = QFormLayout(self)
        form.addRow(self.tr("%1 is").replace("%1", person.display_name), self.kind)
        form.addRow(self.tr("Of / with"), self.who)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def other_id(self) -> int | None:
        return self._ids.get(self.who.text().strip().casefold())

    def accept(self) -> None:
        if self.other_id() is None:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose someone from the list."))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget, journal: Journal, person: Person) -> tuple[int, str, str] | None:
        dialog = cls(parent, journal, person)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        other = dialog.other_id()
        assert other is not None
        return other, dialog.kind.currentData(), dialog.note.text().strip()


def _section(title: str) -> QLabel:
    label = QLabel(title)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.05)
    label.setFont(font)
    label.setContentsMargins(0, 10, 0, 2)
    return label


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

        # -- header ------------------------------------------------------------------------
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
        font = self.name_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.name_edit.setFont(font)
        self.name_edit.setStyleSheet("QLineEdit { background: transparent; } QLineEdit:focus { background: palette(base); }")
        self.name_edit.editingFinished.connect(lambda: self._commit("display_name", self.name_edit.text()))
        self.log_button = QPushButton(self.tr("Log contact…"))
        self.log_button.setToolTip(self.tr("Log a meeting, call or message with them (Ctrl+L)"))
        self.log_button.setAccessibleName(self.tr("Log contact"))
        self.log_button.clicked.connect(self._quick_log)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete this person (Ctrl+Z brings them back)"))
        self.delete_button.setAccessibleName(self.tr("Delete person"))
        self.delete_button.clicked.connect(self.delete_person)
        self.subtitle = QLabel()
        self.subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.subtitle.setAccessibleName(self.tr("Summary"))
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.name_edit, 1)
        header.addWidget(self.log_button)
        header.addWidget(self.delete_button)

        # -- details (left) ----------------------------------------------------------------
        self.circle_combo = QComboBox()
        self.circle_combo.setAccessibleName(self.tr("Circle"))
        self.circle_combo.activated.connect(lambda _i: self._commit("circle", self.circle_combo.currentData()))
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Circle"), self.circle_combo)
        for key, label, hint in (
            ("organisation", self.tr("Organisation"), ""),
            ("role", self.tr("Role"), ""),
            ("how_met", self.tr("How we met"), self.tr("e.g. university, climbing gym")),
            ("birthday", self.tr("Birthday"), self.tr("YYYY-MM-DD, or --MM-DD without the year")),
        ):
            edit = QLineEdit()
            edit.setAccessibleName(label)
            edit.setPlaceholderText(hint)
            edit.editingFinished.connect(lambda key=key, edit=edit: self._commit(key, edit.text()))
            self.fields[key] = edit
            form.addRow(label, edit)
        self.notes = NoteEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr("Anything worth remembering"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(84)
        self.notes.editing_finished.connect(lambda: self._commit("notes", self.notes.toPlainText()))
        form.addRow(self.tr("Notes"), self.notes)

        self.contact_edits: dict[ContactKind, QLineEdit | NoteEdit] = {}
        contacts = QFormLayout()
        contacts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        contacts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for kind, label, hint in (
            (ContactKind.EMAIL, self.tr("Emails"), self.tr("separate with commas")),
            (ContactKind.PHONE, self.tr("Phones"), self.tr("separate with commas")),
            (ContactKind.URL, self.tr("Links"), self.tr("separate with commas")),
        ):
            edit = QLineEdit()
            edit.setAccessibleName(label)
            edit.setPlaceholderText(hint)
            edit.editingFinished.connect(lambda kind=kind: self._commit_contacts(kind))
            self.contact_edits[kind] = edit
            contacts.addRow(label, edit)
        addresses = NoteEdit()
        addresses.setAccessibleName(self.tr("Addresses"))
        addresses.setPlaceholderText(self.tr("one address per line"))
        addresses.setFixedHeight(52)
        addresses.editing_finished.connect(lambda: self._commit_contacts(ContactKind.ADDRESS))
        self.contact_edits[ContactKind.ADDRESS] = addresses
        contacts.addRow(self.tr("Addresses"), addresses)

        self.rich_spin = self._cadence_spin(self.tr("Meet or talk every"), "cadence_rich_days")
        self.any_spin = self._cadence_spin(self.tr("Any contact every"), "cadence_any_days")
        self.paused_box = QCheckBox(self.tr("Paused: leave them out of Reconnect"))
        self.paused_box.setAccessibleName(self.tr("Paused"))
        self.paused_box.toggled.connect(lambda on: self._commit("paused", on))
        self.written_ok_box = QCheckBox(self.tr("Writing is enough with them"))
        self.written_ok_box.setAccessibleName(self.tr("Writing is enough"))
        self.written_ok_box.toggled.connect(lambda on: self._commit("written_ok", on))
        rhythm = QFormLayout()
        rhythm.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        rhythm.addRow(self.tr("Meet or talk every"), self.rich_spin)
        rhythm.addRow(self.tr("Any contact every"), self.any_spin)
        rhythm.addRow(self.paused_box)
        rhythm.addRow(self.written_ok_box)

        self.interests = InterestChips()
        self.interests.setAccessibleName(self.tr("Interests"))
        self.interests.remove_requested.connect(self._remove_interest)
        self.interest_add = QLineEdit()
        self.interest_add.setAccessibleName(self.tr("Add an interest"))
        self.interest_add.setPlaceholderText(self.tr("Add an interest and press Enter"))
        self.interest_add.returnPressed.connect(self._add_interest)
        self._interest_completer = QCompleter(QStringListModel(self), self)
        self._interest_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.interest_add.setCompleter(self._interest_completer)
        self.shared_hint = QLabel()
        self.shared_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.relations = QListWidget()
        self.relations.setAccessibleName(self.tr("Relationships"))
        self.relations.setFixedHeight(96)
        self.relations.itemActivated.connect(self._open_relation)
        add_rel = QPushButton(self.tr("Add…"))
        add_rel.setAccessibleName(self.tr("Add relationship"))
        add_rel.clicked.connect(self._add_relationship)
        self.remove_rel = QPushButton(self.tr("Remove"))
        self.remove_rel.setAccessibleName(self.tr("Remove relationship"))
        self.remove_rel.clicked.connect(self._remove_relationship)
        rel_buttons = QHBoxLayout()
        rel_buttons.addWidget(add_rel)
        rel_buttons.addWidget(self.remove_rel)
        rel_buttons.addStretch(1)

        details = QWidget()
        details.setObjectName("person_details")
        left = QVBoxLayout(details)
        left.setContentsMargins(4, 0, 12, 12)
        left.addWidget(_section(self.tr("Details")))
        left.addLayout(form)
        left.addWidget(_section(self.tr("Contact")))
        left.addLayout(contacts)
        left.addWidget(_section(self.tr("Interests")))
        left.addWidget(self.interests)
        left.addWidget(self.shared_hint)
        left.addWidget(self.interest_add)
        left.addWidget(_section(self.tr("Relationships")))
        left.addWidget(self.relations)
        left.addLayout(rel_buttons)
        left.addWidget(_section(self.tr("Rhythm")))
        left.addLayout(rhythm)
        left.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(details)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(340)

        # -- chart and timeline (right) ----------------------------------------------------
        self.chart = ContactChart()
        self.chart.setObjectName("contact_chart")
        self.last_labels: dict[Mode, QLabel] = {}
        lasts = QHBoxLayout()
        lasts.setSpacing(28)
        for mode, label in ((Mode.TOGETHER, self.tr("Last together")), (Mode.VOICE, self.tr("Last voice")),
                            (Mode.WRITTEN, self.tr("Last written"))):
            head = QLabel(label)
            head.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            icon = QLabel()
            icon.setPixmap(swatch_icon(mode_color(mode), 10).pixmap(10, 10))
            value = QLabel()
            value.setAccessibleName(label)
            bold = QFont(value.font())
            bold.setBold(True)
            value.setFont(bold)
            self.last_labels[mode] = value
            top = QHBoxLayout()
            top.setSpacing(5)
            top.addWidget(icon)
            top.addWidget(head)
            top.addStretch(1)
            block = QVBoxLayout()
            block.setSpacing(1)
            block.addLayout(top)
            block.addWidget(value)
            lasts.addLayout(block)
        lasts.addStretch(1)
        self.timeline_title = _section(self.tr("Interactions"))
        self.timeline_model = TimelineModel(journal, person_id=-1, parent=self)
        self.timeline = QListView()
        self.timeline.setObjectName("person_timeline")
        self.timeline.setAccessibleName(self.tr("Interactions with this person"))
        self.timeline.setModel(self.timeline_model)
        self.timeline.setUniformItemSizes(True)
        self.timeline.setIconSize(QSize(20, 20))
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSpacing(1)
        delete_interaction = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.timeline)
        delete_interaction.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_interaction.activated.connect(self._delete_interaction)
        self.timeline_empty = QLabel(self.tr("Nothing logged yet. Press Ctrl+L to log a meeting, call or message."))
        self.timeline_empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.timeline_empty.setWordWrap(True)
        self.timeline_model.modelReset.connect(self._update_timeline_empty)

        right_widget = QWidget()
        right = QVBoxLayout(right_widget)
        right.setContentsMargins(12, 0, 4, 4)
        right.addWidget(_section(self.tr("Contact per month")))
        right.addWidget(self.chart)
        right.addLayout(lasts)
        right.addWidget(self.timeline_title)
        right.addWidget(self.timeline_empty)
        right.addWidget(self.timeline, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("person_splitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right_widget)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 640])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(header)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.splitter, 1)

        journal.changed.connect(self._on_changed)

    def _cadence_spin(self, label: str, key: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setAccessibleName(label)
        spin.setRange(0, 3650)
        spin.setSpecialValueText(self.tr("usual for the circle"))
        spin.setSuffix(self.tr(" days"))
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(lambda v, key=key: self._commit(key, v or None))
        return spin

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
            self.timeline_model.set_filter(person_id=person_id)
            self.timeline.scrollToTop()

    def _load(self, *, switching: bool) -> None:
        person = self.person
        if person is None:
            return
        store = self.journal.store
        self._loading = True
        try:
            focused = None if switching else self.focusWidget()

            def put(widget: Any, text: str) -> None:
                if widget is focused:
                    return
                if isinstance(widget, QPlainTextEdit):
                    if widget.toPlainText() != text:
                        widget.setPlainText(text)
                elif widget.text() != text:
                    widget.setText(text)
                    widget.setCursorPosition(0)

            put(self.name_edit, person.display_name)
            self.name_edit.setToolTip(person.display_name)
            put(self.fields["organisation"], person.organisation)
            put(self.fields["role"], person.role)
            put(self.fields["how_met"], person.how_met)
            put(self.fields["birthday"], person.birthday.iso() if person.birthday else "")
            put(self.notes, person.notes)
            for kind, edit in self.contact_edits.items():
                values = [c.value for c in person.contacts if c.kind is kind]
                put(edit, ("\n" if kind is ContactKind.ADDRESS else ", ").join(values))
            self._fill_circles(person.circle)
            for spin, value in ((self.rich_spin, person.cadence_rich_days), (self.any_spin, person.cadence_any_days)):
                if spin is not focused:
                    spin.blockSignals(True)
                    spin.setValue(value or 0)
                    spin.blockSignals(False)
            for box, value in ((self.paused_box, person.paused), (self.written_ok_box, person.written_ok)):
                box.blockSignals(True)
                box.setChecked(value)
                box.blockSignals(False)
            self._fill_interests(person, set(store.shared_interests(person.id)))
            self._fill_relations(store.relationships_for(person.id))
            self._fill_summary(person)
            self.chart.set_data(store.monthly_mode_counts(person.id, until=today()), today())
        finally:
            self._loading = False

    def _fill_circles(self, circle: str | None) -> None:
        combo = self.circle_combo
        in_use = self.journal.store.circles_in_use()
        values = [*CIRCLES, *[c for c in in_use if c not in CIRCLES and c != "default"]]
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("No circle"), None)
        for value in values:
            combo.addItem(self.tr(value).capitalize(), value)
        combo.setCurrentIndex(max(0, combo.findData(circle)) if circle else 0)
        combo.blockSignals(False)

    def _fill_interests(self, person: Person, shared: set[str]) -> None:
        self.interests.clear()
        bold = QFont(self.interests.font())
        bold.setBold(True)
        for name in person.interests:
            mine = name in shared
            item = QListWidgetItem(("★ " if mine else "") + name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            if mine:
                item.setFont(bold)
                item.setToolTip(self.tr("You share this"))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("%1, you share this").replace("%1", name))
            else:
                item.setToolTip(self.tr("Select and press Delete to remove"))
            self.interests.addItem(item)
        self.interests.fit_height()
        if shared:
            self.shared_hint.setText(self.tr("★ you share %1 of these").replace("%1", str(len(shared))))
        else:
            self.shared_hint.setText(self.tr("No interests in common yet") if person.interests
                                     else self.tr("No interests noted yet"))
        model = self._interest_completer.model()
        if isinstance(model, QStringListModel):
            model.setStringList([n for n in self.journal.store.held_interest_names() if n not in person.interests])

    def _fill_relations(self, relations: list[Relationship]) -> None:
        assert self.person is not None
        self.relations.clear()
        me = self.person.id
        for rel in relations:
            other = rel.person_b if rel.person_a.id == me else rel.person_a
            words = _RELATION_WORDS.get(rel.kind)
            if words is None:
                text = f"{other.name} · {self.tr(rel.kind.value)}"
            else:
                text = f"{rel.person_a.name} · {self.tr(words)} {rel.person_b.name}"
            if rel.note:
                text += f" — {rel.note}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, rel)
            item.setData(ObjectRole, other.id)
            item.setToolTip(self.tr("Enter or double-click opens %1").replace("%1", other.name))
            self.relations.addItem(item)
        if not relations:
            item = QListWidgetItem(self.tr("No one linked yet"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.relations.addItem(item)
        self.remove_rel.setEnabled(bool(relations))

    def _fill_summary(self, person: Person) -> None:
        store = self.journal.store
        day = today()
        rows = store.people_rows_for([person.id], until=day)
        row: PersonRow | None = rows[0] if rows else None
        never = self.tr("never")
        for mode, value in ((Mode.TOGETHER, row.last_together if row else None),
                            (Mode.VOICE, row.last_voice if row else None),
                            (Mode.WRITTEN, row.last_written if row else None)):
            label = self.last_labels[mode]
            label.setText(relative_day(value, day) if value else never)
            label.setToolTip(long_day(value) if value else "")
        count = store.interaction_count_for(person.id)
        bits = []
        if person.circle:
            bits.append(self.tr(person.circle).capitalize())
        if person.organisation:
            bits.append(person.organisation + (f" · {person.role}" if person.role else ""))
        bits.append(self.tr("%1 interactions").replace("%1", f"{count:,}") if count != 1 else self.tr("1 interaction"))
        if person.paused:
            bits.append(self.tr("paused"))
        self.subtitle.setText("   ·   ".join(bits))
        self.timeline_title.setText(self.tr("Interactions (%1)").replace("%1", f"{count:,}"))

    def _update_timeline_empty(self) -> None:
        empty = self.timeline_model.rowCount() == 0
        self.timeline_empty.setVisible(empty)
        self.timeline.setVisible(not empty)

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
        if self._loading or self.person is None:
            return
        current = getattr(self.person, key)
        if key == "birthday":
            current = current.iso() if current else ""
            value = (value or "").strip()
        elif isinstance(value, str) and key != "notes":
            value = " ".join(value.split()) if key == "display_name" else value.strip()
        if (current or None) == (value or None) and key not in ("paused", "written_ok"):
            return
        if key in ("paused", "written_ok") and bool(current) == bool(value):
            return
        try:
            self.journal.update_person(self.person.id, **{key: value or None if key == "birthday" else value})
        except UserError as exc:
            self._fail(exc)

    def _commit_contacts(self, kind: ContactKind) -> None:
        if self._loading or self.person is None:
            return
        edit = self.contact_edits[kind]
        text = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
        sep = "\n" if kind is ContactKind.ADDRESS else ","
        values = [v.strip() for v in text.split(sep) if v.strip()]
        before = [c.value for c in self.person.contacts if c.kind is kind]
        if values == before:
            return
        try:
            self.journal.set_contacts(self.person.id, kind.value, values)
        except UserError as exc:
            self._fail(exc)

    def _add_interest(self) -> None:
        if self.person is None:
            return
        name = " ".join(self.interest_add.text().split())
        if not name:
            return
        names = list(self.person.interests)
        if name.casefold() not in {n.casefold() for n in names}:
            self.journal.set_interests(self.person.id, [*names, name])
        self.interest_add.clear()

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

    def _remove_relationship(self) -> None:
        item = self.relations.currentItem()
        rel = item.data(Qt.ItemDataRole.UserRole) if item else None
        if isinstance(rel, Relationship):
            self.journal.remove_relationship(rel.id, rel.person_a.id, rel.person_b.id, rel.kind.value, rel.note)

    def _open_relation(self, item: QListWidgetItem) -> None:
        other = item.data(ObjectRole)
        if isinstance(other, int):
            self.person_activated.emit(other)

    def _delete_interaction(self) -> None:
        index = self.timeline.currentIndex()
        if index.isValid():
            self.journal.delete_interaction(self.timeline_model.interaction(index.row()).id)

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
