"""What an import is asked to do (ImportOptions) and what it reports (ImportSummary, summary_lines)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from relj.errors import UserError

#: Formats that hold contacts (people), not events.
CONTACT_FORMATS = ("vcard", "csv", "evolution-contacts")


class ImportCancelled(UserError):
    """The user cancelled an import; nothing was changed."""


@dataclass
class ImportOptions:
    fmt: str
    file_name: str = ""
    dry_run: bool = False
    skip_bad: bool = False
    create_people: bool = False
    min_messages: int = 1
    me_addresses: tuple[str, ...] = ()
    me_names: tuple[str, ...] = ()
    #: What the person chose per preview row (PreviewRow.key): "add", "skip" or ("merge", person id).
    decisions: dict[str, Decision] = field(default_factory=dict)
    #: Collect one PreviewRow per incoming contact and per person an event import would create.
    collect_rows: bool = False


#: A choice for one incoming record: ("add", None), ("skip", None) or ("merge", person id).
Decision = tuple[str, int | None]
#: At most this many preview rows are kept (memory stays bounded on a 100,000-card file).
ROW_LIMIT = 5000


@dataclass(slots=True)
class PreviewRow:
    """One incoming record as the import preview shows it, and what the import does with it.

    ``key`` is stable between the preview and the import of the same file ("c:12" for the
    twelfth record, a contact; "p:e:ana@example.org" for a person an event import creates),
    so a decision made on the preview applies to the same record when importing.
    """

    key: str
    name: str
    action: str  # "add" | "merge" | "skip"
    #: What the record brings, counted: "emails", "phones", "addresses", "links", "interests",
    #: "birthday", "organisation", "events".
    brings: Counter[str] = field(default_factory=Counter)
    match: int | None = None  # the person merged with
    match_name: str = ""
    matched_by: str = ""  # "email" | "phone" | "name"
    #: Other people it could be merged with: (id, name, how) — namesakes of a new person.
    candidates: tuple[tuple[int, str, str], ...] = ()
    nothing_new: bool = False  # a merge that adds nothing: already in the journal


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A person this import created whose name someone else already had."""

    person_id: int
    name: str
    others: tuple[int, ...]


@dataclass
class ImportSummary:
    fmt: str
    file_name: str
    dry_run: bool = False
    run_id: int | None = None
    records: int = 0
    people_added: int = 0
    people_updated: int = 0
    people_unchanged: int = 0
    interactions_added: int = 0
    interactions_updated: int = 0
    interactions_unchanged: int = 0
    contact_points_added: int = 0
    interests_added: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    bad: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    notices: Counter[str] = field(default_factory=Counter)
    rows: list[PreviewRow] = field(default_factory=list)
    rows_left_out: int = 0  # rows beyond ROW_LIMIT

    @property
    def added(self) -> int:
        return self.people_added + self.interactions_added

    @property
    def updated(self) -> int:
        return self.people_updated + self.interactions_updated

    @property
    def unchanged(self) -> int:
        return self.people_unchanged + self.interactions_unchanged

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def as_json(self) -> dict[str, Any]:
        """What the import history keeps: counts, reasons and record positions, never names."""
        return {
            "records": self.records,
            "people": {"added": self.people_added, "updated": self.people_updated, "unchanged": self.people_unchanged},
            "interactions": {
                "added": self.interactions_added,
                "updated": self.interactions_updated,
                "unchanged": self.interactions_unchanged,
            },
            "contact_points_added": self.contact_points_added,
            "interests_added": self.interests_added,
            "skipped": dict(sorted(self.skipped.items())),
            "bad": [{"where": w, "reason": r} for w, r in self.bad[:1000]],
            "bad_count": len(self.bad),
            "duplicates": [{"person": d.person_id, "others": list(d.others)} for d in self.duplicates],
            "notices": dict(sorted(self.notices.items())),
            "dry_run": self.dry_run,
        }


def summary_lines(s: ImportSummary) -> list[str]:
    """The summary a person reads after an import (names appear here, never in logs)."""
    head = "dry run, nothing written" if s.dry_run else f"import #{s.run_id}"
    lines = [f"{s.fmt} {s.file_name} ({head}): {s.records} records"]
    if s.people_added or s.people_updated or s.people_unchanged or s.fmt in CONTACT_FORMATS:
        lines.append(
            f"  people:       {s.people_added} added, {s.people_updated} updated, {s.people_unchanged} unchanged"
        )
    if s.interactions_added or s.interactions_updated or s.interactions_unchanged or s.fmt not in CONTACT_FORMATS:
        lines.append(
            f"  interactions: {s.interactions_added} added, {s.interactions_updated} updated, "
            f"{s.interactions_unchanged} unchanged"
        )
    if s.contact_points_added or s.interests_added:
        lines.append(f"  also added:   {s.contact_points_added} contact points, {s.interests_added} interests")
    lines.append(f"  skipped:      {s.skipped_total}")
    for reason, n in s.skipped.most_common():
        lines.append(f"    {n:6d}  {reason}")
    if s.bad:
        lines.append(f"  bad records:  {len(s.bad)} (left out with --skip-bad)")
        for where, reason in s.bad[:50]:
            lines.append(f"    {where}: {reason}")
        if len(s.bad) > 50:
            lines.append(f"    ... and {len(s.bad) - 50} more")
    for notice, n in s.notices.most_common():
        lines.append(f"  note: {n} x {notice}")
    if s.duplicates:
        lines.append(f"  likely duplicates (same name, no shared email): {len(s.duplicates)}")
        for d in s.duplicates[:50]:
            others = ", ".join(f"#{o}" for o in d.others)
            if s.dry_run:
                lines.append(f"    {d.name} and {others}")
            else:
                lines.append(f"    #{d.person_id} {d.name} and {others}: `relj merge #{d.others[0]} #{d.person_id}`")
    return lines
