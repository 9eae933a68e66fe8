"""`relj export csv`: one row per person, for spreadsheets (UTF-8 with a BOM, formulas neutralised)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from relj.domain import Person, PersonRow

HEADER = (
    "id", "name", "given name", "family name", "nickname", "emails", "phones", "organisation", "role",
    "circle", "tracked", "birthday", "interests", "how met", "last in person", "last voice", "last written",
    "notes",
)
#: Several values in one cell (emails, phones, interests).
JOIN = "; "
#: A cell starting with one of these is a formula to Excel, LibreOffice or Google Sheets (OWASP,
#: "CSV Injection"): "=HYPERLINK(...)" in a note would run when the file is opened.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: People read from the journal at a time: memory stays bounded however many there are.
CHUNK = 500


def neutralise(cell: str) -> str:
    """Prefix a single quote to a cell a spreadsheet would read as a formula (OWASP's advice)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def person_cells(p: Person, row: PersonRow | None) -> list[str]:
    """The cells of one person, in HEADER's order, neutralised."""

    def day(value: Any) -> str:
        return value.isoformat() if value else ""

    cells = [
        str(p.id), p.display_name, p.given_name, p.family_name, p.nickname, JOIN.join(p.emails),
        JOIN.join(p.phones), p.organisation, p.role, p.circle_name, "yes" if p.tracked else "no",
        p.birthday.iso() if p.birthday else "", JOIN.join(p.interests), p.how_met,
        day(row.last_together if row else None), day(row.last_voice if row else None),
        day(row.last_written if row else None), p.notes,
    ]
    return [neutralise(c) for c in cells]


def people_in_chunks(store: Any) -> Iterator[tuple[Person, PersonRow | None]]:
    """Every person by name, with their last contact per mode, read CHUNK people at a time."""
    ids = [ref.id for ref in store.person_refs()]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        people = {p.id: p for p in store.people_by_ids(chunk)}
        rows = {r.id: r for r in store.people_rows_for(chunk)}
        for pid in chunk:
            if pid in people:
                yield people[pid], rows.get(pid)


def write_people_csv(people: Iterable[tuple[Person, PersonRow | None]], out: BinaryIO) -> int:
    """Write the header and one row per person to ``out``; return how many people."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        text.write("\ufeff")  # the BOM: Excel reads the file as UTF-8, not the system's code page
        writer = csv.writer(text, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(HEADER)
        count = 0
        for person, row in people:
            writer.writerow(person_cells(person, row))
            count += 1
        text.flush()
    finally:
        text.detach()  # the caller owns ``out``
    return count


def export_csv(store: Any, path: Path) -> int:
    """Write everyone to ``path`` (mode 0600, atomically; see relj.fileio); returns how many."""
    from relj.fileio import write_atomic

    counted: list[int] = []
    write_atomic(path, lambda out: counted.append(write_people_csv(people_in_chunks(store), out)))
    return counted[0]
