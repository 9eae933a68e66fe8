"""Item data roles: the one definition every model and view of relj uses (each role its own value).

A role answers the same question in every model, so a view or a test can ask any model for
``ObjectRole`` without knowing which model it is.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt

_USER: Final = int(Qt.ItemDataRole.UserRole)

# A native, comparable value to sort on (a casefolded name, a date, a count).
SortRole: Final = _USER + 1
# The object the row shows (a frozen dataclass: PersonRow, Interaction, Entry, Candidate...).
ObjectRole: Final = _USER + 2
# The person id of the row (a person, an interest member, an interaction's first participant).
PersonIdRole: Final = _USER + 3
# A dimmed hint drawn at the right of a completion row (an email, a shortcut).
DetailRole: Final = _USER + 4
# What a command palette row stands for: "action" or "person".
KindRole: Final = _USER + 5

ALL: Final = (SortRole, ObjectRole, PersonIdRole, DetailRole, KindRole)
