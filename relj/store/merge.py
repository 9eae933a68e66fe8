"""Merging two people into one, and the snapshot that puts both back (undo)."""

from __future__ import annotations

import logging
from typing import Any

from relj.clock import now_iso
from relj.errors import UserError
from relj.store.people import FILLABLE, clean_person_fields
from relj.store.transfer import TransferMixin

log = logging.getLogger(__name__)


class MergeMixin(TransferMixin):
    """``merge_people``, and its undo: ``merge_snapshot`` before the merge, ``unmerge`` after."""

    def merge_people(self, keep: int, gone: int) -> dict[str, int]:
        """Join person ``gone`` into person ``keep`` and delete ``gone``.

        ``keep`` gains every contact point, interest, interaction (one participant row per
        interaction) and relationship of ``gone``; its empty fields are filled from ``gone``,
        and when both have notes, ``gone``'s are appended so that nothing written is lost.
        One transaction; returns how many of each moved.
        """
        if keep == gone:
            raise UserError("cannot merge a person with themselves")
        with self.atomic():
            return self._merge(keep, gone)

    def _merge(self, keep: int, gone: int) -> dict[str, int]:
        a, b = self.person_fields(keep), self.person_fields(gone)
        q = self.conn.execute
        fill: dict[str, Any] = {}
        for key in FILLABLE:
            if key == "notes":
                continue
            if not a[key] and b[key]:
                fill[key] = b[key]
        if b["notes"].strip() and b["notes"].strip() not in a["notes"]:
            fill["notes"] = (a["notes"].rstrip() + "\n\n" + b["notes"].strip()) if a["notes"].strip() else b["notes"]
        # A circle the user chose beats the default and "unsorted" (set by a mail import).
        if a["circle"] in (None, "unsorted") and b["circle"] not in (None, "unsorted"):
            fill["circle"] = b["circle"]
        if not a["tracked"] and b["tracked"]:
            fill["tracked"] = True
        for col in ("cadence_rich_days", "cadence_any_days"):
            if a[col] is None and b[col] is not None:
                fill[col] = b[col]
        contacts = q(
            "UPDATE contact_point SET person_id = ? WHERE person_id = ? AND NOT EXISTS ("
            "SELECT 1 FROM contact_point c WHERE c.person_id = ? AND c.kind = contact_point.kind "
            "AND c.value_norm = contact_point.value_norm)", [keep, gone, keep]
        ).rowcount
        interests = q(
            "INSERT OR IGNORE INTO person_interest(person_id, interest_id, import_id) "
            "SELECT ?, interest_id, import_id FROM person_interest WHERE person_id = ?", [keep, gone]
        ).rowcount
        interactions = q(
            "INSERT OR IGNORE INTO participant(interaction_id, person_id, occurred_on, mode, status) "
            "SELECT interaction_id, ?, occurred_on, mode, status FROM participant WHERE person_id = ?", [keep, gone]
        ).rowcount
        relationships = 0
        for mine_col, other_col in (("person_a", "person_b"), ("person_b", "person_a")):
            relationships += q(
                f"UPDATE OR IGNORE relationship SET {mine_col} = ? WHERE {mine_col} = ? AND {other_col} <> ?",
                [keep, gone, keep],
            ).rowcount
        # Keep the import link only when both came from the same import: undoing another
        # import must never delete a person the user has merged by hand.
        if a["import_id"] != b["import_id"]:
            q("UPDATE person SET import_id = NULL WHERE id = ?", [keep])
        q("DELETE FROM person WHERE id = ?", [gone])
        q("DELETE FROM person_fts WHERE rowid = ?", [gone])
        values = clean_person_fields(fill)
        if values:
            sets = ", ".join(f"{k} = ?" for k in values)
            q(f"UPDATE person SET {sets} WHERE id = ?", [*values.values(), keep])
        q("UPDATE person SET updated_at = ? WHERE id = ?", [now_iso(), keep])
        self._reindex_people([keep])
        log.info("person %d merged into %d", gone, keep)
        return {"contact_points": contacts, "interests": interests, "interactions": interactions,
                "relationships": relationships, "fields": len(fill)}

    def merge_snapshot(self, keep: int, gone: int) -> dict[str, Any]:
        """What ``unmerge`` needs to put both people back as they were before ``merge_people(keep, gone)``:
        ``Store.snapshot_people`` plus the import links it leaves out (so ``import undo`` still works)."""
        snapshot = self.snapshot_people([keep, gone])
        q = self.conn.execute
        snapshot["import_links"] = {
            "people": [list(r) for r in q(
                "SELECT id, import_id FROM person WHERE id IN (?, ?) AND import_id IS NOT NULL", [keep, gone])],
            "contacts": [list(r) for r in q(
                "SELECT person_id, kind, value_norm, import_id FROM contact_point "
                "WHERE person_id IN (?, ?) AND import_id IS NOT NULL", [keep, gone])],
            "interests": [list(r) for r in q(
                "SELECT person_id, interest_id, import_id FROM person_interest "
                "WHERE person_id IN (?, ?) AND import_id IS NOT NULL", [keep, gone])],
        }
        return snapshot

    def unmerge(self, snapshot: dict[str, Any]) -> None:
        """Undo a merge from its ``merge_snapshot``: both people back, with their own contact
        points, interests, relationships and participations, under their ids.

        A merge never touches interaction rows, only who took part; so the merged person is
        removed (their participant rows go with them, the interactions stay, with their notes
        and import links) and the snapshot puts each person's participations back.
        """
        with self.atomic():
            ids = [p["id"] for p in snapshot["people"]]
            marks = ",".join("?" * len(ids))
            q = self.conn.execute
            q(f"DELETE FROM person WHERE id IN ({marks})", ids)
            q(f"DELETE FROM person_fts WHERE rowid IN ({marks})", ids)
            self.restore_snapshot(snapshot)
            links = snapshot.get("import_links", {})
            self.conn.executemany("UPDATE person SET import_id = ? WHERE id = ?",
                                  [(imp, pid) for pid, imp in links.get("people", [])])
            self.conn.executemany(
                "UPDATE contact_point SET import_id = ? WHERE person_id = ? AND kind = ? AND value_norm = ?",
                [(imp, pid, kind, norm) for pid, kind, norm, imp in links.get("contacts", [])])
            self.conn.executemany("UPDATE person_interest SET import_id = ? WHERE person_id = ? AND interest_id = ?",
                                  [(imp, pid, iid) for pid, iid, imp in links.get("interests", [])])
        log.info("merge undone: people %s restored", ids)
