"""The People view's queries: filter, search and sort in SQL, rows fetched a screenful at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from relj.domain import PersonRef, PersonRow, normalise_interest
from relj.store.base import StoreBase, chunks, fts_query, parse_date


class PeopleTableMixin(StoreBase):
    """The people table keeps ids and fetches rows per screenful (Anki's browser): ordering
    10,000 ids costs a few ms, while all-time counts over 1,000,000 participants cost 200+ ms."""

    def _people_filter(
        self, query: str, circle: str | None, interest: str | None
    ) -> tuple[list[str], dict[str, Any]] | None:
        where: list[str] = ["1"]
        named: dict[str, Any] = {}
        if query.strip():
            match = fts_query(query)
            if match is None:
                return None
            where.append("p.id IN (SELECT rowid FROM person_fts WHERE person_fts MATCH :match)")
            named["match"] = match
        if circle:
            if circle == "default":  # "No circle" on screen: the default, and not sorted yet
                where.append("(p.circle IS NULL OR p.circle = 'unsorted')")
            else:
                where.append("p.circle = :circle")
                named["circle"] = circle
        if interest:
            where.append(
                "p.id IN (SELECT pi.person_id FROM person_interest pi JOIN interest i ON i.id = pi.interest_id "
                "WHERE i.name = :interest)"
            )
            named["interest"] = normalise_interest(interest)
        return where, named

    @staticmethod
    def _last_sql(mode: str) -> str:
        # One seek on participant_last per person and mode.
        return (f"(SELECT max(occurred_on) FROM participant WHERE person_id = p.id AND status = 'done' "
                f"AND mode = '{mode}' AND occurred_on <= :day)")

    @staticmethod
    def _count_sql(mode: str) -> str:
        return (f"(SELECT count(*) FROM participant WHERE person_id = p.id AND status = 'done' "
                f"AND mode = '{mode}' AND occurred_on > :since AND occurred_on <= :day)")

    def people_ids(
        self,
        *,
        query: str = "",
        circle: str | None = None,
        interest: str | None = None,
        sort: str = "name",
        descending: bool = False,
        until: dt.date | None = None,
        since: dt.date | None = None,
    ) -> list[int]:
        """Ids of the people table, filtered and sorted in SQL; computes only the sort key.

        ``sort`` is a key of PEOPLE_SORT_COLUMNS plus ``last_written``; ``count`` counts contact
        after ``since`` (all time when None).
        """
        found = self._people_filter(query, circle, interest)
        if found is None:
            return []
        where, named = found
        named["day"] = (until or dt.date.max).isoformat()
        named["since"] = since.isoformat() if since else ""
        modes = ("together", "voice", "written")
        keys = {
            "name": "p.display_name COLLATE NOCASE",
            "circle": "coalesce(p.circle, 'default')",
            "last_together": self._last_sql("together"),
            "last_voice": self._last_sql("voice"),
            "last_written": self._last_sql("written"),
            "last_any": "max(" + ", ".join(f"coalesce({self._last_sql(m)}, '')" for m in modes) + ")",
            "count": " + ".join(self._count_sql(m) for m in modes),
        }
        direction = "DESC" if descending else "ASC"
        if sort in keys and sort != "name":
            order = f"{keys[sort]} {direction}, p.display_name COLLATE NOCASE, p.id"
        else:  # by name, then id: ascending, that is the order of the person_name index (no sort)
            order = f"p.display_name COLLATE NOCASE {direction}, p.id"
        sql = f"SELECT p.id FROM person p WHERE {' AND '.join(where)} ORDER BY {order}"
        return [row[0] for row in self.conn.execute(sql, named)]

    def person_ids_matching(self, query: str) -> set[int] | None:
        """Who matches a search (FTS over names, emails, organisation, notes, interests); None for a blank one.

        The people table keeps its ordered ids and keeps those in this set: one FTS lookup per
        keystroke, no re-sort.
        """
        if not query.strip():
            return None
        match = fts_query(query)
        if match is None:
            return set()
        return {row[0] for row in self.conn.execute("SELECT rowid FROM person_fts WHERE person_fts MATCH ?", [match])}

    def people_rows_for(
        self, ids: Sequence[int], *, until: dt.date | None = None, since: dt.date | None = None
    ) -> list[PersonRow]:
        """PersonRows for these ids, in the order given (missing ids are skipped).

        Counts cover contact after ``since`` (all time when None), up to ``until``.
        """
        if not ids:
            return []
        named: dict[str, Any] = {"day": (until or dt.date.max).isoformat(), "since": since.isoformat() if since else ""}
        modes = ("together", "voice", "written")
        cols = ", ".join(
            f"{self._last_sql(m)} AS last_{m}, {self._count_sql(m)} AS count_{m}" for m in modes
        )
        found: dict[int, PersonRow] = {}
        for chunk in chunks(list(ids), 500):
            params = dict(named)
            marks = []
            for n, pid in enumerate(chunk):
                params[f"i{n}"] = pid
                marks.append(f":i{n}")
            for r in self.conn.execute(
                f"SELECT p.id, p.display_name, p.circle, p.tracked, {cols} FROM person p "
                f"WHERE p.id IN ({', '.join(marks)})",
                params,
            ):
                found[r[0]] = PersonRow(
                    id=r[0], name=r[1], circle=r[2], tracked=bool(r[3]),
                    last_together=parse_date(r[4]), count_together=r[5],
                    last_voice=parse_date(r[6]), count_voice=r[7],
                    last_written=parse_date(r[8]), count_written=r[9],
                )
        return [found[i] for i in ids if i in found]

    def person_refs(self) -> list[PersonRef]:
        """Every person's id and name, by name: for completers."""
        return [PersonRef(r[0], r[1]) for r in self.conn.execute(
            "SELECT id, display_name FROM person ORDER BY display_name COLLATE NOCASE, id"
        )]

    def held_interest_names(self) -> list[str]:
        """Names of interests someone holds, for filter menus."""
        return [r[0] for r in self.conn.execute(
            "SELECT i.name FROM interest i WHERE EXISTS (SELECT 1 FROM person_interest pi WHERE pi.interest_id = i.id) "
            "ORDER BY i.name COLLATE NOCASE"
        )]

    def circles_in_use(self) -> list[str]:
        return [r["c"] for r in self._q("SELECT DISTINCT coalesce(circle, 'default') AS c FROM person ORDER BY c")]
