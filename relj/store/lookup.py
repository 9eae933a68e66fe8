"""Type-ahead lookups for the quick log, the new-person dialog and the command palette."""

from __future__ import annotations

import re
from collections.abc import Sequence

from relj.domain import PersonRef, normalise_email, normalise_interest
from relj.store.base import StoreBase, looks_like_email


class LookupMixin(StoreBase):
    """Type-ahead queries. Each one runs per keystroke, so each one has a LIMIT and uses an
    index or the FTS table."""

    def person_matches(
        self, text: str, *, limit: int = 12, exclude: Sequence[int] = ()
    ) -> list[tuple[PersonRef, str]]:
        """People whose name, nickname or email starts with what was typed, best first.

        Returns ``(person, hint)`` pairs; the hint is the matching email or nickname (or the
        first email) so that two people with the same name can be told apart. Order: display
        name starts with the text, then nickname, then another word of the name, then email
        only; within a tier, the people last seen most recently first.
        """
        words = re.findall(r"\w+", text, flags=re.UNICODE)
        if not words:
            return []
        match = "{name emails} : (" + " ".join('"' + w.replace('"', '""') + '"*' for w in words) + ")"
        typed = " ".join(text.split()).strip(",;")
        esc = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        skip = list(dict.fromkeys(exclude))
        not_in = f"AND p.id NOT IN ({','.join('?' * len(skip))})" if skip else ""
        # The inner query ranks and limits; hints are looked up only for the rows kept.
        # Three seeks on participant_last (one per mode) beat one scan of a person's history.
        rows = self._q(
            f"""
            SELECT t.id, t.display_name, t.nickname, t.tier, t.last_seen,
                   (SELECT c.value FROM contact_point c WHERE c.person_id = t.id AND c.kind = 'email'
                    ORDER BY (c.value_norm LIKE ? ESCAPE '\\') DESC, c.id LIMIT 1) AS email
            FROM (
              SELECT p.id, p.display_name, p.nickname,
                     CASE WHEN p.display_name LIKE ? ESCAPE '\\' THEN 0
                          WHEN p.nickname LIKE ? ESCAPE '\\' THEN 1
                          WHEN ' ' || p.display_name LIKE ? ESCAPE '\\' THEN 2
                          ELSE 3 END AS tier,
                     max(coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = p.id
                                   AND status = 'done' AND mode = 'together'), ''),
                         coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = p.id
                                   AND status = 'done' AND mode = 'voice'), ''),
                         coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = p.id
                                   AND status = 'done' AND mode = 'written'), '')) AS last_seen
              FROM person p
              WHERE p.id IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?) {not_in}
              ORDER BY tier, last_seen DESC, p.display_name COLLATE NOCASE, p.id
              LIMIT ?
            ) AS t ORDER BY t.tier, t.last_seen DESC, t.display_name COLLATE NOCASE, t.id
            """,
            [esc + "%", esc + "%", esc + "%", "% " + esc + "%", match, *skip, limit],
        )
        out: list[tuple[PersonRef, str]] = []
        for r in rows:
            if r["tier"] == 1:
                hint = r["nickname"]
            else:
                hint = r["email"] or ""
            out.append((PersonRef(r["id"], r["display_name"]), hint))
        return out

    def recent_people(self, limit: int = 8) -> list[PersonRef]:
        """The people of the latest done interactions, most recent first (walks interaction_date)."""
        rows = self._q(
            "SELECT pa.person_id, p.display_name FROM interaction i "
            "JOIN participant pa ON pa.interaction_id = i.id JOIN person p ON p.id = pa.person_id "
            "WHERE i.status = 'done' ORDER BY i.occurred_on DESC, i.id DESC LIMIT ?",
            [limit * 8],
        )
        seen: dict[int, PersonRef] = {}
        for r in rows:
            seen.setdefault(r["person_id"], PersonRef(r["person_id"], r["display_name"]))
        return list(seen.values())[:limit]

    def interest_names(self, prefix: str = "", *, limit: int = 20) -> list[str]:
        """Interest names starting with ``prefix`` (any word of the name), most shared first."""
        clean = normalise_interest(prefix)
        esc = clean.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return [r["name"] for r in self._q(
            "SELECT i.name FROM interest i WHERE i.name LIKE ? ESCAPE '\\' OR i.name LIKE ? ESCAPE '\\' "
            "ORDER BY (i.name LIKE ? ESCAPE '\\') DESC, "
            "(SELECT count(*) FROM person_interest pi WHERE pi.interest_id = i.id) DESC, "
            "i.name COLLATE NOCASE LIMIT ?",
            [esc + "%", "% " + esc + "%", esc + "%", limit],
        )]

    def email_problem(self, email: str, person_id: int | None = None) -> str | None:
        """Why ``email`` cannot be given to a person (None when it can), without writing anything.

        The same rules as ``add_contact``, for dialogs that validate before they write.
        """
        norm = normalise_email(email)
        if not looks_like_email(norm):
            return f"bad email address {email.strip()!r}"
        if self._one("SELECT 1 FROM owner_email WHERE email_norm = ?", [norm]):
            return f"{email.strip()} is one of your own addresses (relj me), not a person's"
        other = self._q(
            "SELECT p.id, p.display_name FROM contact_point c JOIN person p ON p.id = c.person_id "
            "WHERE c.kind = 'email' AND c.value_norm = ?",
            [norm],
        )
        if other and other[0]["id"] != person_id:
            return f"{email.strip()} already belongs to {other[0]['display_name']} (#{other[0]['id']})"
        return None
