"""Quick log (Ctrl+L): who, how, when and a note, logged in a few keystrokes without the mouse."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relj import clock
from relj.domain import Channel, Initiator, Interaction
from relj.errors import UserError
from relj.ops import plans as plan_ops
from relj.store import plans as plan_store
from relj.ui.completer import Candidate, TokenCompleter, people_source
from relj.ui.focus_style import RingRow
from relj.ui.i18n import channel_label
from relj.ui.icons import channel_icon
from relj.ui.journal import Journal
from relj.ui.palettes import error_style
from relj.ui.passed_plans import FeltRow
from relj.ui.person_dialog import NewPersonDialog, error_text
from relj.ui.quick_log_points import PointsList
from relj.ui.widgets import buddy_label, day_and_month_names

# One key per channel, shown on its button: in the channel row the bare letter, anywhere Alt+letter.
CHANNEL_KEYS: dict[Channel, str] = {
    Channel.IN_PERSON: "i",
    Channel.VIDEO: "v",
    Channel.PHONE: "p",
    Channel.TEXT: "t",
    Channel.EMAIL: "e",
    Channel.LETTER: "l",
    Channel.SOCIAL: "s",
}

# A candidate that stands for "add this name as a new person".
NEW_PERSON = -1

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_day(text: str, today: dt.date, weekday_names: Mapping[str, int] | None = None) -> dt.date | None:
    """Read what the user typed in the date field; None when it makes no sense.

    Accepts: empty or "today"; "y"/"yesterday"; "tomorrow"; "-2" or "2d" (days ago), "+3" (days
    ahead), "1w" (weeks ago); a weekday ("mon", "friday": the last one before today); an ISO date
    (2024-03-05). ``weekday_names`` adds the user's own language (lowercase name -> 0 for Monday).
    """
    t = " ".join(text.split()).lower()
    if t in ("", "today", "now", "tod"):
        return today
    if len(t) >= 1 and "yesterday".startswith(t):
        return today - dt.timedelta(days=1)
    if len(t) >= 3 and "tomorrow".startswith(t):
        return today + dt.timedelta(days=1)
    m = re.fullmatch(r"([+-])\s*(\d{1,4})\s*([dw]?)", t) or re.fullmatch(r"()(\d{1,4})\s*([dw])", t)
    if m:
        sign, n, unit = m.groups()
        days = int(n) * (7 if unit == "w" else 1)
        return today + dt.timedelta(days=days if sign == "+" else -days)
    names = {name: i for i, name in enumerate(_WEEKDAYS)}
    names.update(weekday_names or {})
    if len(t) >= 2:
        for name, weekday in names.items():
            if name.startswith(t):
                back = (today.weekday() - weekday) % 7 or 7
                return today - dt.timedelta(days=back)
    try:
        return dt.date.fromisoformat(t)
    except ValueError:
        return None


class ChannelRow(RingRow):
    """A segmented row of channel buttons that is one stop in the tab order.

    With focus, a channel's letter chooses it, Left/Right move, and -/+ move the date by a day.
    Nothing is chosen until the dialog or the user chooses.
    """

    channel_chosen = Signal(object)  # Channel, chosen by the user
    day_step = Signal(int)
    felt_pressed = Signal(int)  # 1-5 how it went, 0 leave it out: one key after the channel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Channel"))
        self.setAccessibleDescription(self.tr("Press a channel's letter to choose it"))
        labels = {
            Channel.IN_PERSON: self.tr("In person"),
            Channel.VIDEO: self.tr("Video"),
            Channel.PHONE: self.tr("Phone"),
            Channel.TEXT: self.tr("Text"),
            Channel.EMAIL: self.tr("Email"),
            Channel.LETTER: self.tr("Letter"),
            Channel.SOCIAL: self.tr("Social"),
        }
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[Channel, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(2)
        for channel, key in CHANNEL_KEYS.items():
            button = QToolButton(self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setIcon(channel_icon(channel, 18))
            button.setIconSize(QSize(18, 18))
            button.setText(self.tr("%1 (%2)").replace("%1", labels[channel]).replace("%2", key))
            button.setToolTip(self.tr("%1: press %2, or Alt+%3 from any field")
                              .replace("%1", labels[channel]).replace("%2", key).replace("%3", key.upper()))
            button.setAccessibleName(labels[channel])
            button.setObjectName(f"channel-{channel.value}")
            button.clicked.connect(lambda _checked=False, c=channel: self._user_chose(c))
            self.group.addButton(button)
            self.buttons[channel] = button
            layout.addWidget(button)
        self._by_key = {key: channel for channel, key in CHANNEL_KEYS.items()}
        # The chosen channel must be obvious at a glance: it is never a silent default.
        self.setStyleSheet(
            "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
            " border: 1px solid palette(highlight); border-radius: 4px; }"
        )

    def channel(self) -> Channel | None:
        for channel, button in self.buttons.items():
            if button.isChecked():
                return channel
        return None

    def set_channel(self, channel: Channel | None) -> None:
        """Show ``channel`` as chosen, or none."""
        if channel is None:
            self.group.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[channel].setChecked(True)
        self.update()

    def _user_chose(self, channel: Channel) -> None:
        self.set_channel(channel)
        self.channel_chosen.emit(channel)

    def choose_key(self, key: str) -> bool:
        channel = self._by_key.get(key.lower())
        if channel is None:
            return False
        self._user_chose(channel)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        text = event.text()
        if mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            if text and self.choose_key(text):
                return
            if text in ("-", "+", "="):
                self.day_step.emit(-1 if text == "-" else 1)
                return
            if text in ("0", "1", "2", "3", "4", "5"):
                self.felt_pressed.emit(int(text))
                return
            if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                order = list(self.buttons)
                current = self.channel()
                step = -1 if event.key() == Qt.Key.Key_Left else 1
                i = order.index(current) + step if current else (0 if step > 0 else len(order) - 1)
                self._user_chose(order[max(0, min(len(order) - 1, i))])
                return
        super().keyPressEvent(event)



class DayField(QLineEdit):
    """The date field: words or dates; Up/Down (and Alt+Left/Right anywhere) move by a day."""

    day_changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self._names = day_and_month_names()[0]
        self.setPlaceholderText(self.tr("today"))
        self.setAccessibleName(self.tr("Date"))
        self.setToolTip(self.tr("Type yesterday, y, -2, 3d, 1w, mon or a date; Up and Down move by a day"))
        self.textChanged.connect(lambda _t: self.day_changed.emit())

    def day(self) -> dt.date | None:
        return parse_day(self.text(), self.today, self._names)

    def set_day(self, day: dt.date) -> None:
        delta = (day - self.today).days
        words = {0: self.tr("today"), -1: self.tr("yesterday"), 1: self.tr("tomorrow")}
        self.setText(words.get(delta, day.isoformat()))

    def shift(self, days: int) -> None:
        self.set_day((self.day() or self.today) + dt.timedelta(days=days))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.shift(1 if event.key() == Qt.Key.Key_Up else -1)
            return
        super().keyPressEvent(event)


class QuickLogDialog(QDialog):
    """Log an interaction: who, how (channel), when, a note, and optionally place and duration.

    Keyboard flow: type a name and press Enter (takes the suggestion and moves to the channel
    row), press the channel's letter, press Enter to log. Ctrl+Enter logs from any field, Esc
    cancels and writes nothing. The channel is never guessed as "in person": it starts as the
    last channel used with these people, or as nothing, and Log stays disabled until one is chosen.

    Planning: a date after today logs a *planned* meeting (status planned), and the Log button
    says "Plan". There is no separate switch; the reconnect view may offer its own plan dialog.
    """

    def __init__(self, journal: Journal, person_ids: Sequence[int] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.store = journal.store
        self.interaction: Interaction | None = None
        self._channel_explicit = False
        self._people_ids: list[int] = []
        self._who_problem = ""
        self._preferred: Channel | None = None
        self.setWindowTitle(self.tr("Log an interaction"))
        self.setAccessibleName(self.tr("Quick log"))
        self.setMinimumWidth(700)

        # who
        self.who = QLineEdit(self)
        self.who.setObjectName("who")
        self.who.setAccessibleName(self.tr("Who"))
        self.who.setPlaceholderText(self.tr("Name or email; separate several people with commas"))
        self.completer = TokenCompleter(self.who, self._who_source, multi=True, parent=self)
        self.completer.picked.connect(self._picked)
        self.who.textChanged.connect(self._who_changed)
        self.who_summary = QLabel(self)
        self.who_summary.setAccessibleName(self.tr("People chosen"))
        self.who_summary.setWordWrap(True)

        # how
        self.channels = ChannelRow(self)
        self.channels.channel_chosen.connect(self._channel_chosen)
        self.channel_hint = QLabel(self)
        self.channel_hint.setAccessibleName(self.tr("Channel hint"))
        self.felt = FeltRow(self)
        self.felt.setObjectName("felt")
        self.felt.setToolTip(self.tr("How it went: press 1 (draining) to 5 (wonderful) after the channel; optional"))
        self.channels.felt_pressed.connect(lambda n: self.felt.set_value(None if n == 0 or n == self.felt.value()
                                                                         else n))
        self.points = PointsList(self)

        # when
        self.today = clock.today()
        self.date = DayField(self.today, self)
        self.date.setObjectName("date")
        self.date.day_changed.connect(self._update)
        self.channels.day_step.connect(self.date.shift)
        self.date_label = QLabel(self)
        self.date_label.setAccessibleName(self.tr("Date chosen"))

        # note
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("What happened? (optional; Shift+Enter for a new line)"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 12)

        self._build_more()

        self.error = QLabel(self)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style(self.palette()))
        self.error.hide()

        self._build_buttons()
        self._lay_out()
        self._add_shortcuts()

        if person_ids:
            refs = [(p.id, p.display_name) for p in self.store.people_by_ids(list(person_ids))]
            for pid, name in refs:
                self.completer.remember(name, pid)
            self.who.setText(", ".join(name for _, name in refs))
        self._who_changed()
        self._update()
        (self.channels if self._people_ids else self.who).setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_more(self) -> None:
        """Place, duration and who reached out: hidden until More is pressed."""
        self.more_button = QToolButton(self)
        self.more_button.setText(self.tr("&More"))
        self.more_button.setCheckable(True)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setAccessibleName(self.tr("More details"))
        self.more_button.toggled.connect(self._toggle_more)
        self.more = QWidget(self)
        self.more.setAccessibleName(self.tr("More details"))
        self.place = QLineEdit(self.more)
        self.place.setAccessibleName(self.tr("Place"))
        self.duration = QSpinBox(self.more)
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSpecialValueText(self.tr("—"))
        self.duration.setSuffix(self.tr(" min"))
        self.initiator = QComboBox(self.more)
        self.initiator.setAccessibleName(self.tr("Who reached out"))
        for value, text in ((Initiator.UNKNOWN, self.tr("not noted")), (Initiator.ME, self.tr("I did")),
                            (Initiator.THEM, self.tr("they did"))):
            self.initiator.addItem(text, value)
        more_form = QFormLayout(self.more)
        more_form.setContentsMargins(0, 0, 0, 0)
        more_form.addRow(self._label(self.tr("Pl&ace"), self.place), self.place)
        more_form.addRow(self._label(self.tr("D&uration"), self.duration), self.duration)
        more_form.addRow(self._label(self.tr("Who &reached out"), self.initiator), self.initiator)
        self.more.hide()

    def _build_buttons(self) -> None:
        """Log (Ctrl+Enter) and Cancel; neither is a default button (Enter moves on)."""
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Log"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setAccessibleName(self.tr("Log"))
        self.ok.setToolTip(self.tr("Log it (Ctrl+Enter)"))
        self.ok.setDefault(False)
        self.ok.setAutoDefault(False)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.ok.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        """The form, More, the problem line and the buttons; the tab order follows the form."""
        form = QFormLayout()
        form.addRow(self._label(self.tr("&Who"), self.who), self.who)
        form.addRow("", self.who_summary)
        form.addRow(self._label(self.tr("&How"), self.channels), self.channels)
        form.addRow("", self.channel_hint)
        form.addRow(self._label(self.tr("How it we&nt"), self.felt), self.felt)
        form.addRow(self._label(self.tr("Tal&king points"), self.points), self.points)
        self.form = form
        date_row = QHBoxLayout()
        date_row.addWidget(self.date, 1)
        date_row.addWidget(self.date_label, 2)
        form.addRow(self._label(self.tr("&Date"), self.date), date_row)
        form.addRow(self._label(self.tr("N&ote"), self.note), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.more)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.who, self.channels)
        self.setTabOrder(self.channels, self.felt)
        self.setTabOrder(self.felt, self.points)
        self.setTabOrder(self.points, self.date)
        self.setTabOrder(self.date, self.note)
        self.setTabOrder(self.note, self.more_button)
        self.setTabOrder(self.more_button, self.place)
        self.setTabOrder(self.place, self.duration)
        self.setTabOrder(self.duration, self.initiator)

    def _add_shortcuts(self) -> None:
        """Alt+letter chooses a channel from any field; Alt+Left/Right move the date by a day."""
        for channel, key in CHANNEL_KEYS.items():
            shortcut = QShortcut(QKeySequence(f"Alt+{key.upper()}"), self)
            shortcut.activated.connect(lambda c=channel: self.channels._user_chose(c))
        QShortcut(QKeySequence("Alt+Left"), self).activated.connect(lambda: self.date.shift(-1))
        QShortcut(QKeySequence("Alt+Right"), self).activated.connect(lambda: self.date.shift(1))
        for widget in (self.who, self.channels, self.felt, self.points, self.date, self.note, self.place,
                       self.duration, self.initiator):
            widget.installEventFilter(self)

    @classmethod
    def ask(cls, parent: QWidget | None, journal: Journal, person_ids: Sequence[int] = ()) -> Interaction | None:
        """Show the dialog; the interaction logged (through the journal, undoable), or None."""
        dialog = cls(journal, person_ids, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.interaction
            return None
        finally:
            dialog.deleteLater()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        return buddy_label(self, text, buddy)

    # -- who -------------------------------------------------------------------------------
    def _who_source(self, token: str, exclude: Sequence[int]) -> list[Candidate]:
        found = people_source(self.store)(token, exclude)
        typed = " ".join(token.split())
        if typed and not any(c.text.casefold() == typed.casefold() for c in found):
            found.append(Candidate(typed, self.tr("add as a new person…"), NEW_PERSON))
        return found

    def _picked(self, candidate: Candidate, finished: bool) -> None:
        if candidate.person_id == NEW_PERSON:
            person = NewPersonDialog.ask(self, self.journal, name=candidate.text)
            tokens = self.completer.tokens()
            if person is None:
                return
            self.completer.remember(person.display_name, person.id)
            head = tokens[:-1] if tokens else []
            self.who.setText(", ".join([*head, person.display_name]) + ("" if finished else ", "))
        if finished and self._people_ids and not self._who_problem:
            self.channels.setFocus(Qt.FocusReason.OtherFocusReason)

    def _resolve(self) -> tuple[list[int], list[str], str]:
        """Person ids, their names, and the first problem (empty when every token is a person)."""
        ids: list[int] = []
        names: list[str] = []
        problem = ""
        for token in self.completer.tokens():
            pid = self.completer.picked_id(token)
            if pid is not None and self.store.person_exists(pid):
                name = token
            else:
                try:
                    person = self.store.resolve(token)
                except UserError as exc:
                    problem = problem or error_text(exc)
                    continue
                pid, name = person.id, person.display_name
            if pid not in ids:
                ids.append(pid)
                names.append(name)
        return ids, names, problem

    def _who_changed(self) -> None:
        ids, names, problem = self._resolve()
        self._who_problem = problem
        typing = self.completer.current_token() if self.who.hasFocus() else ""
        # Say who was understood only when it is not plain from the field (an email, a nickname).
        summary = " · ".join(names) if [n.casefold() for n in names] != [
            t.casefold() for t in self.completer.tokens()] else ""
        if problem and not typing:
            summary = (summary + " · " if summary else "") + problem
        self.who_summary.setText(summary)
        self.who_summary.setVisible(bool(summary))
        if ids != self._people_ids:
            self._people_ids = ids
            prefs = plan_store.preferences(self.store, ids)
            self._preferred = next((prefs[i][0] for i in ids if i in prefs and prefs[i][0]), None)
            if not self._channel_explicit:
                last = self.store.last_channel_with(ids) if ids else None
                self.channels.set_channel(self._preferred or last)
            self.points.load(plan_store.open_points_for_people(self.store, ids), dict(zip(ids, names, strict=True)))
        self._update()

    # -- channel, date ---------------------------------------------------------------------
    def _channel_chosen(self, _channel: Channel) -> None:
        self._channel_explicit = True
        self._update()

    def _toggle_more(self, shown: bool) -> None:
        self.more.setVisible(shown)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if shown:
            self.place.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update(self) -> None:
        channel = self.channels.channel()
        if channel is None:
            keys = ", ".join(CHANNEL_KEYS.values())
            self.channel_hint.setText(self.tr("Choose how: press %1 (or Alt+letter)").replace("%1", keys))
        elif not self._channel_explicit and self._people_ids:
            hint = self.tr("As they prefer: %1") if channel is self._preferred else self.tr("As last time with them: %1")
            self.channel_hint.setText(hint.replace("%1", self.channels.buttons[channel].accessibleName()))
        else:
            self.channel_hint.setText("")
        day = self.date.day()
        if day is None:
            self.date_label.setText(self.tr("Not a date: try y, -2, mon or 2024-03-05"))
        else:
            text = QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
            if day > self.today:
                text = self.tr("%1 — planned").replace("%1", text)
            self.date_label.setText(text)
        self.ok.setText(self.tr("Plan") if day is not None and day > self.today else self.tr("Log"))
        problem = self._problem()
        self.ok.setEnabled(problem is None)
        # How it went and talking points belong to what happened, not to a plan.
        happened = day is None or day <= self.today
        self.form.setRowVisible(self.felt, happened)
        self.form.setRowVisible(self.points, happened and self.points.count() > 0)
        # A problem shown is taken back as soon as its field is right ("Who was it?" once a name is in).
        if not self.error.isHidden() and (problem is None or problem[0] != self.error.text()):
            self.error.hide()

    def _problem(self) -> tuple[str, QWidget] | None:
        """What stops logging, and the field to fix it in."""
        if self._who_problem:
            return self._who_problem, self.who
        if not self._people_ids:
            return self.tr("Who was it? Type a name."), self.who
        if self.channels.channel() is None:
            return self.tr("How was it? Press i, v, p, t, e, l or s."), self.channels
        if self.date.day() is None:
            return self.tr("That date makes no sense: try y, -2, mon or 2024-03-05."), self.date
        return None

    # -- keys and submit -------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if mods == Qt.KeyboardModifier.ControlModifier:
                    self.submit()
                    return True
                if watched is self.note and mods == Qt.KeyboardModifier.ShiftModifier:
                    return False
                if mods == Qt.KeyboardModifier.NoModifier:
                    if watched is self.who:
                        if self.completer.is_open():
                            return False  # the completer takes the suggestion
                        self._who_changed()
                        if self._people_ids and not self._who_problem:
                            self.channels.setFocus(Qt.FocusReason.OtherFocusReason)
                        else:
                            self._show_problem()
                        return True
                    self.submit()
                    return True
        return super().eventFilter(watched, event)

    def _show_problem(self) -> None:
        problem = self._problem()
        if problem is not None:
            self.error.setText(problem[0])
            self.error.show()

    def submit(self) -> None:
        """Log if everything is there; otherwise say what is missing and go to that field."""
        self._who_changed()
        problem = self._problem()
        if problem is not None:
            self.error.setText(problem[0])
            self.error.show()
            problem[1].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        channel = self.channels.channel()
        day = self.date.day()
        assert channel is not None and day is not None
        note, place, duration = self.note.toPlainText().strip(), self.place.text().strip(), self.duration.value()
        try:
            if day > self.today:
                self.interaction = self.journal.run(
                    plan_ops.plan_meeting, self._people_ids, day, channel=channel, note=note, place=place,
                    duration_min=duration or None, text=self.tr("Plan meeting"))
            else:
                # A meeting or call within 3 days of an open plan becomes that plan; next: lines become
                # talking points; the points ticked are covered by it (relj.ops.plans.log_meeting).
                self.interaction = self.journal.run(
                    plan_ops.log_meeting, channel, self._people_ids, day, note=note, place=place,
                    duration_min=duration or None, initiator=self.initiator.currentData(), felt=self.felt.value(),
                    covered=self.points.covered(), text=self.tr("Log %1").replace("%1", channel_label(channel)))
        except UserError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.accept()
