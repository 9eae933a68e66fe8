"""The owner of the journal (me: name, addresses, region) and the interests people share with me."""

from __future__ import annotations

from collections.abc import Iterable

from relj.domain import InterestSummary, Owner, PersonRef, normalise_email, normalise_interest
from relj.errors import UserError
from relj.store.base import StoreBase, looks_like_email


class OwnerMixin(StoreBase):
    """Me, and the interests."""

    def owner(self) -> Owner:
        row = self._q("SELECT name, region FROM owner WHERE id = 1")
        emails = [r["email"] for r in self._q("SELECT email FROM owner_email ORDER BY email_norm")]
        interests = [
            r["name"]
            for r in self._q(
                "SELECT i.name FROM owner_interest o JOIN interest i ON i.id = o.interest_id "
                "ORDER BY i.name COLLATE NOCASE"
            )
        ]
        name, region = (row[0]["name"], row[0]["region"]) if row else ("", "")
        return Owner(name=name, emails=tuple(emails), interests=tuple(interests), region=region)

    def update_owner(
        self,
        *,
        name: str | None = None,
        region: str | None = None,
        add_emails: Iterable[str] = (),
        add_interests: Iterable[str] = (),
        remove_emails: Iterable[str] = (),
        remove_interests: Iterable[str] = (),
    ) -> Owner:
        with self.atomic():
            self.conn.execute("INSERT OR IGNORE INTO owner(id) VALUES (1)")
            if name is not None:
                self.conn.execute("UPDATE owner SET name = ? WHERE id = 1", [name.strip()])
            if region is not None:
                self.conn.execute("UPDATE owner SET region = ? WHERE id = 1", [region.strip().upper()])
            for email in add_emails:
                norm = normalise_email(email)
                if not looks_like_email(norm):
                    raise UserError(f"bad email address {email!r}")
                self.conn.execute(
                    "INSERT OR IGNORE INTO owner_email(email_norm, email) VALUES (?, ?)", [norm, email.strip()]
                )
                # The owner is never a person: an address that was someone's now belongs to me.
                if self._one("SELECT 1 FROM contact_point WHERE kind='email' AND value_norm=?", [norm]):
                    raise UserError(
                        f"{email} belongs to a person in the journal; remove it from them first"
                    )
            for email in remove_emails:
                self.conn.execute("DELETE FROM owner_email WHERE email_norm = ?", [normalise_email(email)])
            for interest in add_interests:
                iid = self._interest_id(interest)
                self.conn.execute("INSERT OR IGNORE INTO owner_interest(interest_id) VALUES (?)", [iid])
            for interest in remove_interests:
                self.conn.execute(
                    "DELETE FROM owner_interest WHERE interest_id = "
                    "(SELECT id FROM interest WHERE name = ?)",
                    [normalise_interest(interest)],
                )
        return self.owner()

    # -- interests -------------------------------------------------------------------------
    def interests(self) -> list[InterestSummary]:
        """Every interest with the people who share it, the owner's marked as mine."""
        rows = self._q(
            """
            SELECT i.id, i.name, (o.interest_id IS NOT NULL) AS mine, p.id AS pid, p.display_name
            FROM interest i
            LEFT JOIN owner_interest o ON o.interest_id = i.id
            LEFT JOIN person_interest pi ON pi.interest_id = i.id
            LEFT JOIN person p ON p.id = pi.person_id
            ORDER BY i.name COLLATE NOCASE, p.display_name COLLATE NOCASE
            """
        )
        out: dict[int, tuple[str, bool, list[PersonRef]]] = {}
        for r in rows:
            entry = out.setdefault(r["id"], (r["name"], bool(r["mine"]), []))
            if r["pid"] is not None:
                entry[2].append(PersonRef(r["pid"], r["display_name"]))
        return [
            InterestSummary(name=n, mine=m, people=tuple(ps))
            for n, m, ps in out.values()
            if ps or m
        ]

    def shared_interests(self, person_id: int) -> list[str]:
        return [
            r["name"]
            for r in self._q(
                "SELECT i.name FROM person_interest pi JOIN owner_interest o USING (interest_id) "
                "JOIN interest i ON i.id = pi.interest_id WHERE pi.person_id = ? "
                "ORDER BY i.name COLLATE NOCASE",
                [person_id],
            )
        ]
