"""SQL of the import engine: the import history, undo, matching maps and fast writes.

The engine (relj.interop.engine) decides; this module only reads and writes rows. Every
function expects to run inside the caller's ``store.atomic()``: an import is one transaction.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from relj.clock import now_iso
from relj.domain import ContactKind, Status
from relj.errors import NotFound, UserError
from relj.store.base import chunks, contact_norm
from relj.store.core import Store
from relj.store.people import clean_person_fields

log = logging.getLogger(__name__)

@dataclass(frozen=True, slots=True)
class ImportRun:
    """One row of the import history."""

    id: int
    format: str
    file_name: str
    started_at: str
    summary: dict[str, Any]
    undone_at: str | None = None


@dataclass(frozen=True, slots=True)
class PersonBrief:
    """What tells two people of the same name apart: contact points, organisation, last contact."""

    id: int
    name: str
    organisation: str = ""
    circle: str = ""
    created_at: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    last_contact: str | None = None  # ISO day of the latest done interaction
    interactions: int = 0


class ImportTables:
    """Rows of one import (or of its undo) on one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn
        self._touched: set[int] = set()
        self._fts_trigger: str | None = None
        #: The interactions of this import up to this id are in the search index already (index_pending).
        self._indexed_upto = 0

    # -- history ---------------------------------------------------------------------------
    def begin_run(self, fmt: str, file_name: str, started_at: str | None = None) -> int:
        cur = self.conn.execute(
            "INSERT INTO import_run(format, file_name, started_at) VALUES (?, ?, ?)",
            [fmt, file_name, started_at or now_iso()],
        )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        self.conn.execute(
            "UPDATE import_run SET summary = ? WHERE id = ?", [json.dumps(summary, sort_keys=True), run_id]
        )

    def runs(self) -> list[ImportRun]:
        return [self._run(r) for r in self.conn.execute(
            "SELECT id, format, file_name, started_at, summary, undone_at FROM import_run ORDER BY id"
        )]

    def run(self, run_id: int) -> ImportRun:
        row = self.conn.execute(
            "SELECT id, format, file_name, started_at, summary, undone_at FROM import_run WHERE id = ?", [run_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"no import #{run_id} (see `relj import history`)")
        return self._run(row)

    @staticmethod
    def _run(row: Sequence[Any]) -> ImportRun:
        try:
            summary = json.loads(row[4])
        except (TypeError, ValueError):
            summary = {}
        return ImportRun(id=row[0], format=row[1], file_name=row[2], started_at=row[3], summary=summary,
                         undone_at=row[5])

    # -- matching maps ---------------------------------------------------------------------
    def email_map(self) -> dict[str, int]:
        """Every person's email (normalised) to their id: emails are unique in the journal."""
        return {r[0]: r[1] for r in self.conn.execute(
            "SELECT value_norm, person_id FROM contact_point WHERE kind = 'email'"
        )}

    def phone_points(self) -> list[tuple[int, str]]:
        return self.store.contact_points(ContactKind.PHONE)

    def name_map(self) -> dict[str, list[int]]:
        """Display names (case-folded) to the ids of the people who have them."""
        out: dict[str, list[int]] = {}
        for pid, name in self.conn.execute("SELECT id, display_name FROM person ORDER BY id"):
            out.setdefault(name.casefold(), []).append(pid)
        return out

    def contact_norms(self, person_id: int) -> set[tuple[str, str]]:
        return {(r[0], r[1]) for r in self.conn.execute(
            "SELECT kind, value_norm FROM contact_point WHERE person_id = ?", [person_id]
        )}

    def existing_interaction(self, sources: Sequence[str], source_key: str) -> tuple[int, str, int | None] | None:
        """(id, status, import id) of the interaction imported from any of ``sources`` under this key."""
        marks = ",".join("?" * len(sources))
        row = self.conn.execute(
            f"SELECT id, status, import_id FROM interaction WHERE source IN ({marks}) AND source_key = ?",
            [*sources, source_key],
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def interaction_on(self, interaction_id: int, day: str) -> bool:
        return self.conn.execute(
            "SELECT 1 FROM interaction WHERE id = ? AND occurred_on = ?", [interaction_id, day]
        ).fetchone() is not None

    def set_interaction_status(self, interaction_id: int, status: Status, now: str) -> None:
        """A planned meeting that has happened (the participant rows follow by trigger)."""
        self.conn.execute(
            "UPDATE interaction SET status = ?, updated_at = ? WHERE id = ?", [status.value, now, interaction_id]
        )

    # -- writes ----------------------------------------------------------------------------
    def insert_person(self, fields: dict[str, Any], import_id: int | None, now: str) -> int:
        """Insert a person with validated fields (see clean_person_fields); FTS at ``flush``."""
        values = clean_person_fields(fields)
        cols = [*values, "import_id", "created_at", "updated_at"]
        cur = self.conn.execute(
            f"INSERT INTO person({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [*values.values(), import_id, now, now],
        )
        pid = int(cur.lastrowid or 0)
        self._touched.add(pid)
        return pid

    def update_person(self, person_id: int, fields: dict[str, Any], now: str) -> None:
        values = clean_person_fields(fields)
        if not values:
            return
        sets = ", ".join(f"{k} = ?" for k in values)
        self.conn.execute(f"UPDATE person SET {sets}, updated_at = ? WHERE id = ?", [*values.values(), now, person_id])
        self._touched.add(person_id)

    def add_contact(
        self, person_id: int, kind: ContactKind, value: str, label: str, import_id: int | None
    ) -> None:
        self.conn.execute(
            "INSERT INTO contact_point(person_id, kind, value, value_norm, label, import_id) VALUES (?, ?, ?, ?, ?, ?)",
            [person_id, kind.value, value, contact_norm(kind, value), label.strip(), import_id],
        )
        self._touched.add(person_id)

    def interest_id(self, name: str) -> int:
        return self.store._interest_id(name)

    def add_interest(self, person_id: int, interest_id: int, import_id: int | None) -> bool:
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO person_interest(person_id, interest_id, import_id) VALUES (?, ?, ?)",
            [person_id, interest_id, import_id],
        )
        if cur.rowcount:
            self._touched.add(person_id)
        return bool(cur.rowcount)

    def insert_interaction(self, row: dict[str, Any], person_ids: Sequence[int], import_id: int | None,
                           now: str) -> int:
        """One interaction and its participants. ``row`` holds the interaction's columns."""
        status = Status(row["status"]).value
        cur = self.conn.execute(
            "INSERT INTO interaction(occurred_on, occurred_time, channel, initiator, duration_min, place, note, "
            "status, source, source_key, import_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [row["occurred_on"], row["occurred_time"], row["channel"], row["initiator"], row["duration_min"],
             row["place"], row["note"], status, row["source"], row["source_key"], import_id, now, now],
        )
        iid = int(cur.lastrowid or 0)
        self.conn.executemany(
            "INSERT OR IGNORE INTO participant(interaction_id, person_id, occurred_on, mode, status) "
            "VALUES (?, ?, ?, ?, ?)",
            [(iid, pid, row["occurred_on"], row["mode"], status) for pid in person_ids],
        )
        return iid

    def defer_interaction_search(self) -> None:
        """Index the notes of this import's interactions once, in ``index_interactions``.

        Why: the per-row trigger (interaction_fts_ai) opens a statement savepoint for each insert,
        and FTS5 flushes its pending terms at every savepoint: ten times slower than one
        INSERT ... SELECT at the end (2.2 s against 0.2 s for 100,000 messages). The trigger is
        dropped inside the import's transaction, so a rollback (failure, dry run, cancel) brings
        it back; ``index_interactions`` recreates it before the commit.
        """
        row = self.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'interaction_fts_ai'"
        ).fetchone()
        if row is not None and self._fts_trigger is None:
            self._fts_trigger = str(row[0])
            self.conn.execute("DROP TRIGGER interaction_fts_ai")

    def index_pending(self, import_id: int) -> None:
        """Index the interactions this import has added so far, before a write that the search
        index's update and delete triggers follow (a plan this import made, met by one of its
        events): they expect every row to be indexed, and a row that is not makes SQLite report
        the index damaged. The rest of the import stays deferred."""
        if self._fts_trigger is None:
            return
        last = self.conn.execute("SELECT max(id) FROM interaction WHERE import_id = ?", [import_id]).fetchone()[0]
        if last is None or last <= self._indexed_upto:
            return
        self.conn.execute(
            "INSERT INTO interaction_fts(rowid, note, place) SELECT id, note, place FROM interaction "
            "WHERE import_id = ? AND id > ? AND id <= ? AND (note <> '' OR place <> '')",
            [import_id, self._indexed_upto, last])
        self._indexed_upto = last

    def index_interactions(self, import_id: int) -> None:
        """Add the interactions of ``import_id`` to the search index and restore the trigger."""
        if self._fts_trigger is None:
            return
        self.conn.execute(
            "INSERT INTO interaction_fts(rowid, note, place) SELECT id, note, place FROM interaction "
            "WHERE import_id = ? AND id > ? AND (note <> '' OR place <> '')", [import_id, self._indexed_upto]
        )
        self.conn.execute(self._fts_trigger)
        self._fts_trigger = None
        self._indexed_upto = 0

    def flush(self) -> None:
        """Rebuild the search entries of every person written since the last flush."""
        ids = sorted(self._touched)
        self._touched.clear()
        for chunk in chunks(ids, 500):
            self.store._reindex_people(chunk)

    # -- undo ------------------------------------------------------------------------------
    def undo(self, run_id: int) -> dict[str, int]:
        """Remove what an import added: its interactions, people, contact points, interest links.

        People it created who have since gained other interactions or relationships are kept
        (with their contact points and interests), so no one's later work disappears. Fields
        it filled on people who already existed stay as they are.
        """
        run = self.run(run_id)
        if run.undone_at:
            raise UserError(f"import #{run_id} was already undone on {run.undone_at[:10]}")
        q = self.conn.execute
        interactions = q("DELETE FROM interaction WHERE import_id = ?", [run_id]).rowcount
        created = [r[0] for r in q("SELECT id FROM person WHERE import_id = ?", [run_id])]
        kept = {r[0] for r in q(
            "SELECT p.id FROM person p WHERE p.import_id = ? AND ("
            "EXISTS (SELECT 1 FROM participant pa WHERE pa.person_id = p.id) OR "
            "EXISTS (SELECT 1 FROM relationship r WHERE r.person_a = p.id OR r.person_b = p.id))",
            [run_id],
        )}
        doomed = [pid for pid in created if pid not in kept]
        # Interests this import linked, to drop the ones nobody has any more.
        interest_ids = {r[0] for r in q("SELECT interest_id FROM person_interest WHERE import_id = ?", [run_id])}
        changed = {r[0] for r in q(
            "SELECT DISTINCT person_id FROM contact_point WHERE import_id = ? UNION "
            "SELECT DISTINCT person_id FROM person_interest WHERE import_id = ?", [run_id, run_id]
        )} - set(doomed) - kept
        contacts = interests = 0
        for chunk in chunks(sorted(changed), 500):
            marks = ",".join("?" * len(chunk))
            contacts += q(f"DELETE FROM contact_point WHERE import_id = ? AND person_id IN ({marks})",
                          [run_id, *chunk]).rowcount
            interests += q(f"DELETE FROM person_interest WHERE import_id = ? AND person_id IN ({marks})",
                           [run_id, *chunk]).rowcount
        for chunk in chunks(doomed, 500):
            marks = ",".join("?" * len(chunk))
            q(f"DELETE FROM person WHERE id IN ({marks})", chunk)
            q(f"DELETE FROM person_fts WHERE rowid IN ({marks})", chunk)
        for chunk in chunks(sorted(interest_ids), 500):
            marks = ",".join("?" * len(chunk))
            q(f"DELETE FROM interest WHERE id IN ({marks}) "
              "AND NOT EXISTS (SELECT 1 FROM person_interest pi WHERE pi.interest_id = interest.id) "
              "AND NOT EXISTS (SELECT 1 FROM owner_interest o WHERE o.interest_id = interest.id)", chunk)
        self._touched.update(changed)
        self.flush()
        result = {"interactions": interactions, "people": len(doomed), "people_kept": len(kept),
                  "contact_points": contacts, "interests": interests}
        summary = dict(run.summary)
        summary["undo"] = result
        q("UPDATE import_run SET undone_at = ?, summary = ? WHERE id = ?",
          [now_iso(), json.dumps(summary, sort_keys=True), run_id])
        log.info("import run %d undone: interactions=%d people=%d kept=%d", run_id, interactions,
                 len(doomed), len(kept))
        return result

    # -- likely duplicates -----------------------------------------------------------------
    def person_names(self) -> list[tuple[int, str]]:
        """(id, display name) of everyone, by id."""
        return [(r[0], r[1]) for r in self.conn.execute("SELECT id, display_name FROM person ORDER BY id")]

    def person_briefs(self, ids: Sequence[int]) -> list[PersonBrief]:
        """What tells namesakes apart, for the people ``ids`` (in that order): one query."""
        out: dict[int, PersonBrief] = {}
        for chunk in chunks(list(dict.fromkeys(ids)), 500):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"""
                SELECT p.id, p.display_name, p.organisation, p.circle, p.created_at,
                       (SELECT group_concat(value, char(31)) FROM (SELECT value FROM contact_point c
                        WHERE c.person_id = p.id AND c.kind = 'email' ORDER BY c.id)),
                       (SELECT group_concat(value, char(31)) FROM (SELECT value FROM contact_point c
                        WHERE c.person_id = p.id AND c.kind = 'phone' ORDER BY c.id)),
                       (SELECT max(occurred_on) FROM participant pa WHERE pa.person_id = p.id AND pa.status = 'done'),
                       (SELECT count(*) FROM participant pa WHERE pa.person_id = p.id)
                FROM person p WHERE p.id IN ({marks})
                """,
                chunk,
            ):
                out[r[0]] = PersonBrief(
                    id=r[0], name=r[1], organisation=r[2] or "", circle=r[3] or "", created_at=r[4] or "",
                    emails=tuple(r[5].split("\x1f")) if r[5] else (), phones=tuple(r[6].split("\x1f")) if r[6] else (),
                    last_contact=r[7], interactions=int(r[8]),
                )
        return [out[i] for i in ids if i in out]

    # -- export ----------------------------------------------------------------------------
    def planned_interactions(self) -> list[int]:
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM interaction WHERE status = 'planned' ORDER BY occurred_on, id"
        )]

