"""Search (people, interests, notes), the derived indexes, and the journal's self-check."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from relj import db as dbmod
from relj.domain import SearchHit
from relj.store.base import fts_query
from relj.store.people import PeopleMixin

if TYPE_CHECKING:
    from relj.store.core import Store


class SearchMixin(PeopleMixin):
    """Full-text search and ``check``."""

    def _stale_contact_summary(self) -> int:
        """Rows of the trigger-kept contact summary that differ from a rebuild (rolled back)."""
        from relj.store.reconnect import rebuild_contact_summary

        class _Undo(Exception):
            pass

        found = 0
        try:
            with self.atomic():
                self.conn.execute("DROP TABLE IF EXISTS temp.contact_summary_before")
                self.conn.execute("CREATE TEMP TABLE contact_summary_before AS SELECT * FROM contact_summary")
                rebuild_contact_summary(cast("Store", self))
                # A person whose every contact was deleted keeps an empty row (the triggers never
                # delete one); the rebuild has none. Both mean "no contact": not out of step.
                kept = ("WHERE last_together IS NOT NULL OR last_voice IS NOT NULL OR last_written IS NOT NULL "
                        "OR first_written IS NOT NULL OR rich_days <> '[]' OR rich_median IS NOT NULL "
                        "OR planned_last IS NOT NULL")
                found = int(self._one(
                    f"SELECT (SELECT count(*) FROM (SELECT * FROM contact_summary {kept} EXCEPT "
                    f"SELECT * FROM temp.contact_summary_before {kept})) + (SELECT count(*) FROM (SELECT * FROM "
                    f"temp.contact_summary_before {kept} EXCEPT SELECT * FROM contact_summary {kept}))"
                ))
                raise _Undo
        except _Undo:
            pass
        self.conn.execute("DROP TABLE IF EXISTS temp.contact_summary_before")
        return found

    def reindex_all(self) -> None:
        """Rebuild every derived table: search indexes and the reconnect summary."""
        from relj.store.reconnect import rebuild_contact_summary

        with self.atomic():
            rebuild_contact_summary(cast("Store", self))
            self._reindex_people(None)
            self.conn.execute("INSERT INTO interaction_fts(interaction_fts) VALUES ('delete-all')")
            self.conn.execute(
                "INSERT INTO interaction_fts(rowid, note, place) SELECT id, note, place FROM interaction "
                "WHERE note <> '' OR place <> ''"
            )

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        """Search people, interests and interaction notes. Best hits first."""
        match = fts_query(query)
        if match is None:
            return []
        hits: list[SearchHit] = []
        for r in self._q(
            """
            SELECT f.rowid AS pid, p.display_name, bm25(person_fts, 10.0, 5.0, 3.0, 1.0, 2.0) AS score,
                   snippet(person_fts, -1, '[', ']', '…', 10) AS snip
            FROM person_fts f JOIN person p ON p.id = f.rowid
            WHERE person_fts MATCH ? ORDER BY score LIMIT ?
            """,
            [match, limit],
        ):
            hits.append(SearchHit("person", r["pid"], r["display_name"], r["snip"], rank=r["score"]))
        words = re.findall(r"\w+", query)
        if words:
            cond = " AND ".join("i.name LIKE ? ESCAPE '\\'" for _ in words)
            like = ["%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for w in words]
            for r in self._q(
                f"SELECT i.name, p.id AS pid, p.display_name FROM interest i "
                f"JOIN person_interest pi ON pi.interest_id = i.id JOIN person p ON p.id = pi.person_id "
                f"WHERE {cond} ORDER BY p.display_name COLLATE NOCASE LIMIT ?",
                [*like, limit],
            ):
                hits.append(SearchHit("interest", r["pid"], r["display_name"], r["name"], rank=-5.0))
        for r in self._q(
            """
            SELECT f.rowid AS iid, bm25(interaction_fts) AS score,
                   snippet(interaction_fts, -1, '[', ']', '…', 12) AS snip
            FROM interaction_fts f WHERE interaction_fts MATCH ? ORDER BY score LIMIT ?
            """,
            [match, limit],
        ):
            for part in self._q(
                "SELECT p.id, p.display_name FROM participant pa JOIN person p ON p.id = pa.person_id "
                "WHERE pa.interaction_id = ? ORDER BY p.display_name COLLATE NOCASE",
                [r["iid"]],
            ):
                hits.append(
                    SearchHit("interaction", part["id"], part["display_name"], r["snip"],
                              interaction_id=r["iid"], rank=r["score"])
                )
        # A person found only through an interest's name is that interest's hit, not a second one.
        interest_people = {h.person_id for h in hits if h.kind == "interest"}
        if interest_people:
            direct = {r["rowid"] for r in self._q(
                "SELECT rowid FROM person_fts WHERE person_fts MATCH ?",
                [f"{{name emails organisation notes}} : ({match})"],
            )}
            hits = [h for h in hits if h.kind != "person" or h.person_id in direct
                    or h.person_id not in interest_people]
        # bm25 scores of different tables do not compare: people first, then shared interests,
        # then interaction notes, each list in its own relevance order (a stable sort keeps it).
        order = {"person": 0, "interest": 1, "interaction": 2}
        hits.sort(key=lambda h: order[h.kind])
        return hits[:limit]

    # -- counts and check ------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        tables = ["person", "contact_point", "interest", "person_interest", "interaction", "participant",
                  "relationship", "followup", "import_run", "setting"]
        return {t: int(self._one(f"SELECT count(*) FROM {t}")) for t in tables}

    def check(self) -> list[str]:
        """Integrity, schema and orphan checks. An empty list means the journal is sound."""
        problems: list[str] = []
        result = [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            problems.extend(f"integrity: {r}" for r in result[:20])
        applied = dbmod.applied_migrations(self.conn)
        missing = [m for m in dbmod.known_migrations() if m not in applied]
        if missing:
            problems.append(f"schema: migrations not applied: {', '.join(missing)}")
        for r in self.conn.execute("PRAGMA foreign_key_check").fetchall()[:20]:
            problems.append(f"orphan: {r[0]} row {r[1]} points to a missing {r[2]}")
        orphan_interactions = self._one(
            "SELECT count(*) FROM interaction i WHERE NOT EXISTS (SELECT 1 FROM participant WHERE interaction_id = i.id)"
        )
        if orphan_interactions:
            problems.append(f"orphan: {orphan_interactions} interaction(s) without participants")
        stale = self._one(
            "SELECT count(*) FROM participant pa JOIN interaction i ON i.id = pa.interaction_id "
            "WHERE pa.occurred_on <> i.occurred_on OR pa.mode <> i.mode OR pa.status <> i.status"
        )
        if stale:
            problems.append(f"index: {stale} participant row(s) out of step with their interaction")
        stale_summary = self._stale_contact_summary()
        if stale_summary:
            problems.append(f"reconnect summary: {stale_summary} row(s) out of step (run `relj check --repair`)")
        fts_people = self._one("SELECT count(*) FROM person_fts")
        people = self.person_count()
        if fts_people != people:
            problems.append(f"search index: {fts_people} entries for {people} people (run `relj check --repair`)")
        # The interaction index holds only rows with a note or place (see migration 0001), so
        # FTS5's own integrity-check, which expects every content row, does not apply.
        indexed = self._one("SELECT count(*) FROM interaction_fts_docsize")
        expected = self._one("SELECT count(*) FROM interaction WHERE note <> '' OR place <> ''")
        if indexed != expected:
            problems.append(f"search index: {indexed} entries for {expected} notes (run `relj check --repair`)")
        return problems
