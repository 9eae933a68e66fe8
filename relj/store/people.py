"""People: their fields, contact points, interests and relationships."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from typing import Any

from relj.clock import now_iso
from relj.domain import (
    Birthday,
    Channel,
    ContactKind,
    ContactPoint,
    Person,
    PersonRef,
    RelationKind,
    Relationship,
    normalise_email,
)
from relj.errors import NotFound, UserError
from relj.store.base import StoreBase, chunks, contact_norm, looks_like_email, parse_date

log = logging.getLogger(__name__)

#: Person columns a caller may set through add_person / update_person.
PERSON_FIELDS = (
    "display_name", "given_name", "family_name", "nickname", "organisation", "role", "how_met",
    "birthday", "notes", "circle", "tracked", "cadence_rich_days", "cadence_any_days", "paused",
    "written_ok", "snoozed_until", "prefers", "best_time",
)
_TEXT_FIELDS = {"given_name", "family_name", "nickname", "organisation", "role", "how_met", "notes"}
_BOOL_FIELDS = {"tracked", "paused", "written_ok"}
#: Person text fields an import or a merge may fill when they are empty (never overwrite).
FILLABLE = ("given_name", "family_name", "nickname", "organisation", "role", "how_met", "birthday", "notes")


def clean_person_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Person fields as stored: names tidied, booleans as 0/1, dates as ISO text; a UserError for bad ones."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in PERSON_FIELDS:
            raise TypeError(f"unknown person field {key}")
        if key == "display_name":
            # Control characters (NUL, escapes) are never part of a name.
            value = " ".join("".join(ch for ch in str(value) if ch.isprintable() or ch.isspace()).split())
            if not value:
                raise UserError("a person needs a name")
        elif key in _TEXT_FIELDS:
            value = (value or "").strip() if key != "notes" else (value or "")
        elif key in _BOOL_FIELDS:
            value = int(bool(value))
        elif key == "birthday":
            if isinstance(value, Birthday):
                value = value.iso()
            elif value:
                try:
                    value = Birthday.parse(str(value)).iso()
                except ValueError:
                    raise UserError(f"bad birthday {value!r}: expected YYYY-MM-DD or --MM-DD") from None
            else:
                value = None
        elif key == "snoozed_until":
            value = value.isoformat() if isinstance(value, dt.date) else (value or None)
        elif key == "circle":
            value = (str(value).strip().lower() or None) if value else None
            if value == "default":
                value = None
        elif key == "prefers":  # a channel (0005_plans); "" or "none" forgets it
            if isinstance(value, Channel):
                value = value.value
            elif value and str(value).strip().lower() != "none":
                try:
                    value = Channel(str(value).strip().lower()).value
                except ValueError:
                    raise UserError(f"unknown channel {value!r}: use one of "
                                    f"{', '.join(c.value for c in Channel)}") from None
            else:
                value = None
        elif key == "best_time":  # free text ("evenings"); blank forgets it
            value = " ".join(str(value or "").split()) or None
        elif key in ("cadence_rich_days", "cadence_any_days") and value is not None:
            value = int(value)
            if value <= 0:
                raise UserError("a cadence must be a positive number of days")
        out[key] = value
    return out


class PeopleMixin(StoreBase):
    """People and what belongs to them."""

    def add_person(
        self,
        display_name: str,
        *,
        emails: Iterable[str] = (),
        phones: Iterable[str] = (),
        interests: Iterable[str] = (),
        import_id: int | None = None,
        **fields: Any,
    ) -> Person:
        values = clean_person_fields({"display_name": display_name, **fields})
        now = now_iso()
        values.setdefault("created_at", now)
        values.setdefault("updated_at", now)
        with self.atomic():
            cols = list(values) + ["import_id"]
            cur = self.conn.execute(
                f"INSERT INTO person({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [*values.values(), import_id],
            )
            pid = int(cur.lastrowid or 0)
            for email in emails:
                self.add_contact(pid, ContactKind.EMAIL, email, import_id=import_id)
            for phone in phones:
                self.add_contact(pid, ContactKind.PHONE, phone, import_id=import_id)
            for interest in interests:
                self.add_person_interest(pid, interest, import_id=import_id)
            self._reindex_people([pid])
        log.info("person added: id=%d", pid)
        return self.person(pid)

    def update_person(self, person_id: int, **fields: Any) -> Person:
        values = clean_person_fields(fields)
        self.person(person_id)  # raises NotFound
        if values:
            with self.atomic():
                values["updated_at"] = now_iso()
                sets = ", ".join(f"{k} = ?" for k in values)
                self.conn.execute(f"UPDATE person SET {sets} WHERE id = ?", [*values.values(), person_id])
                self._reindex_people([person_id])
        return self.person(person_id)

    def _touch(self, person_id: int) -> None:
        self.conn.execute("UPDATE person SET updated_at = ? WHERE id = ?", [now_iso(), person_id])
        self._reindex_people([person_id])

    def add_contact(
        self,
        person_id: int,
        kind: ContactKind | str,
        value: str,
        label: str = "",
        import_id: int | None = None,
    ) -> bool:
        """Add a contact point. True if added, False if the person already had it.

        An email that belongs to someone else, or to me, is a UserError.
        """
        kind = ContactKind(kind)
        value = value.strip()
        if not value:
            raise UserError(f"an empty {kind.value} was given")
        norm = contact_norm(kind, value)
        if kind is ContactKind.EMAIL:
            if not looks_like_email(norm):
                raise UserError(f"bad email address {value!r}")
            owner = self._one("SELECT 1 FROM owner_email WHERE email_norm = ?", [norm])
            if owner:
                raise UserError(f"{value} is one of your own addresses (relj me), not a person's")
            other = self._q(
                "SELECT p.id, p.display_name FROM contact_point c JOIN person p ON p.id = c.person_id "
                "WHERE c.kind = 'email' AND c.value_norm = ?",
                [norm],
            )
            if other:
                if other[0]["id"] == person_id:
                    return False
                raise UserError(f"{value} already belongs to {other[0]['display_name']} (#{other[0]['id']})")
        elif self._one(
            "SELECT 1 FROM contact_point WHERE person_id = ? AND kind = ? AND value_norm = ?",
            [person_id, kind.value, norm],
        ):
            return False
        with self.atomic():
            self.conn.execute(
                "INSERT INTO contact_point(person_id, kind, value, value_norm, label, import_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [person_id, kind.value, value, norm, label.strip(), import_id],
            )
            self._touch(person_id)
        return True

    def remove_contact(self, person_id: int, kind: ContactKind | str, value: str) -> bool:
        kind = ContactKind(kind)
        with self.atomic():
            cur = self.conn.execute(
                "DELETE FROM contact_point WHERE person_id = ? AND kind = ? AND value_norm = ?",
                [person_id, kind.value, contact_norm(kind, value)],
            )
            if cur.rowcount:
                self._touch(person_id)
        return bool(cur.rowcount)

    def set_contacts(self, person_id: int, kind: ContactKind | str, values: Iterable[str]) -> None:
        """Replace all of a person's contact points of one kind."""
        kind = ContactKind(kind)
        with self.atomic():
            self.conn.execute("DELETE FROM contact_point WHERE person_id = ? AND kind = ?", [person_id, kind.value])
            for v in values:
                if v.strip():
                    self.add_contact(person_id, kind, v)
            self._touch(person_id)

    def set_person_interests(self, person_id: int, names: Iterable[str]) -> None:
        with self.atomic():
            self.conn.execute("DELETE FROM person_interest WHERE person_id = ?", [person_id])
            for name in names:
                self.add_person_interest(person_id, name)
            self._touch(person_id)

    def add_person_interest(self, person_id: int, name: str, import_id: int | None = None) -> bool:
        """Link an interest to a person; True if it was new."""
        with self.atomic():
            iid = self._interest_id(name)
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO person_interest(person_id, interest_id, import_id) VALUES (?, ?, ?)",
                [person_id, iid, import_id],
            )
            if cur.rowcount:
                self._reindex_people([person_id])
            return bool(cur.rowcount)

    def person_exists(self, person_id: int) -> bool:
        return bool(self._one("SELECT 1 FROM person WHERE id = ?", [person_id]))

    def person(self, person_id: int) -> Person:
        people = self.people_by_ids([person_id])
        if not people:
            raise NotFound(f"no person #{person_id}")
        return people[0]

    def people_by_ids(self, ids: Sequence[int]) -> list[Person]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return self._people_where(f"p.id IN ({marks})", list(ids))

    def people(self) -> list[Person]:
        """Every person, by name."""
        return self._people_where("1", [])

    def _people_where(self, where: str, params: list[Any]) -> list[Person]:
        rows = self._q(f"SELECT p.* FROM person p WHERE {where} ORDER BY p.display_name COLLATE NOCASE, p.id", params)
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        contacts: dict[int, list[ContactPoint]] = {}
        interests: dict[int, list[str]] = {}
        for chunk in chunks(ids, 900):
            marks = ",".join("?" * len(chunk))
            for c in self._q(
                f"SELECT id, person_id, kind, value, label FROM contact_point WHERE person_id IN ({marks}) "
                "ORDER BY person_id, kind, id",
                chunk,
            ):
                contacts.setdefault(c["person_id"], []).append(
                    ContactPoint(ContactKind(c["kind"]), c["value"], c["label"], c["id"])
                )
            for i in self._q(
                f"SELECT pi.person_id, i.name FROM person_interest pi JOIN interest i ON i.id = pi.interest_id "
                f"WHERE pi.person_id IN ({marks}) ORDER BY i.name COLLATE NOCASE",
                chunk,
            ):
                interests.setdefault(i["person_id"], []).append(i["name"])
        return [self._person_from_row(r, contacts.get(r["id"], []), interests.get(r["id"], [])) for r in rows]

    @staticmethod
    def _person_from_row(r: dict[str, Any], contacts: list[ContactPoint], interests: list[str]) -> Person:
        return Person(
            id=r["id"],
            display_name=r["display_name"],
            given_name=r["given_name"],
            family_name=r["family_name"],
            nickname=r["nickname"],
            organisation=r["organisation"],
            role=r["role"],
            how_met=r["how_met"],
            birthday=Birthday.parse(r["birthday"]) if r["birthday"] else None,
            notes=r["notes"],
            circle=r["circle"],
            tracked=bool(r["tracked"]),
            cadence_rich_days=r["cadence_rich_days"],
            cadence_any_days=r["cadence_any_days"],
            paused=bool(r["paused"]),
            written_ok=bool(r["written_ok"]),
            snoozed_until=parse_date(r["snoozed_until"]),
            created_at=r["created_at"],
            updated_at=r["updated_at"],
            contacts=tuple(contacts),
            interests=tuple(interests),
            prefers=Channel(r["prefers"]) if r["prefers"] else None,
            best_time=r["best_time"],
        )

    def person_fields(self, person_id: int) -> dict[str, Any]:
        """The stored columns that an import or a merge fills from: name, circle, tracked, import
        link, cadences and the FILLABLE fields, as a plain dict."""
        cur = self.conn.execute(
            f"SELECT display_name, circle, tracked, import_id, cadence_rich_days, cadence_any_days, "
            f"{', '.join(FILLABLE)} FROM person WHERE id = ?",
            [person_id],
        )
        row = cur.fetchone()
        if row is None:
            raise NotFound(f"no person #{person_id}")
        return dict(zip([d[0] for d in cur.description], row, strict=True))

    def person_count(self) -> int:
        return int(self._one("SELECT count(*) FROM person"))

    def person_by_email(self, email: str) -> Person | None:
        pid = self._one(
            "SELECT person_id FROM contact_point WHERE kind = 'email' AND value_norm = ?", [normalise_email(email)]
        )
        return self.person(pid) if pid else None

    def contact_points(self, kind: ContactKind | str) -> list[tuple[int, str]]:
        """Every (person_id, value) of one kind, for matching by importers."""
        kind = ContactKind(kind)
        return [(r["person_id"], r["value"]) for r in self._q(
            "SELECT person_id, value FROM contact_point WHERE kind = ? ORDER BY id", [kind.value]
        )]

    # -- relationships ---------------------------------------------------------------------
    def add_relationship(self, a: int, b: int, kind: RelationKind | str, note: str = "") -> Relationship:
        kind = RelationKind(kind)
        if a == b:
            raise UserError("a person cannot be related to themselves")
        with self.atomic():
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO relationship(person_a, person_b, kind, note) VALUES (?, ?, ?, ?)",
                [a, b, kind.value, note],
            )
            rid = cur.lastrowid if cur.rowcount else self._one(
                "SELECT id FROM relationship WHERE person_a = ? AND person_b = ? AND kind = ?", [a, b, kind.value]
            )
        return self._relationships_where("r.id = ?", [rid])[0]

    def remove_relationship(self, relationship_id: int) -> None:
        with self.atomic():
            self.conn.execute("DELETE FROM relationship WHERE id = ?", [relationship_id])

    def relationship(self, relationship_id: int) -> Relationship:
        found = self._relationships_where("r.id = ?", [relationship_id])
        if not found:
            raise NotFound(f"no relationship #{relationship_id}")
        return found[0]

    def relationships_for(self, person_id: int) -> list[Relationship]:
        return self._relationships_where("r.person_a = ? OR r.person_b = ?", [person_id, person_id])

    def _relationships_where(self, where: str, params: Sequence[Any]) -> list[Relationship]:
        return [
            Relationship(
                id=r["id"],
                person_a=PersonRef(r["person_a"], r["a_name"]),
                person_b=PersonRef(r["person_b"], r["b_name"]),
                kind=RelationKind(r["kind"]),
                note=r["note"],
            )
            for r in self._q(
                "SELECT r.*, a.display_name AS a_name, b.display_name AS b_name FROM relationship r "
                "JOIN person a ON a.id = r.person_a JOIN person b ON b.id = r.person_b "
                f"WHERE {where} ORDER BY r.id",
                params,
            )
        ]
