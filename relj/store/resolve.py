"""WHO: finding the one person a command means, by #ID, email or name."""

from __future__ import annotations

from relj.domain import Person
from relj.errors import Ambiguous, NotFound, UserError
from relj.store.people import PeopleMixin


class ResolveMixin(PeopleMixin):
    """``resolve``: what the CLI calls WHO."""

    def resolve(self, who: str) -> Person:
        """Find one person by ``#ID``, an email address, or their display name."""
        who = who.strip()
        if not who:
            raise UserError("no person given")
        if who.startswith("#") and who[1:].isdigit():
            return self.person(int(who[1:]))
        if "@" in who:
            found = self.person_by_email(who)
            if found:
                return found
        rows = self._q(
            "SELECT id, display_name FROM person WHERE display_name = ? COLLATE NOCASE ORDER BY id", [" ".join(who.split())]
        )
        if not rows:
            rows = self._q(
                "SELECT id, display_name FROM person WHERE nickname = ? COLLATE NOCASE ORDER BY id", [who]
            )
        if not rows:
            raise NotFound(f"no person called {who!r}")
        if len(rows) > 1:
            listing = ", ".join(f"#{r['id']} {r['display_name']}" for r in rows)
            raise Ambiguous(f"{who!r} matches {len(rows)} people: {listing}; use #ID or an email")
        return self.person(rows[0]["id"])
