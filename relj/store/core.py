"""The journal store: the only code that speaks SQL. Returns domain objects, never raw rows."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relj import db as dbmod
from relj.clock import now_iso
from relj.domain import (
    Birthday,
    Channel,
    ContactKind,
    ContactPoint,
    Initiator,
    Interaction,
    InterestSummary,
    Owner,
    Person,
    PersonRef,
    PersonRow,
    RelationKind,
    Relationship,
    SearchHit,
    Status,
    normalise_email,
    normalise_interest,
)
from relj.errors import Ambiguous, NotFound, UserError
from relj.store.errors import translated

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)
_savepoints = itertools.count(1)

#: Person columns a caller may set through add_person / update_person.
PERSON_FIELDS = (
    "display_name", "given_name", "family_name", "nickname", "organisation", "role", "how_met",
    "birthday", "notes", "circle", "tracked", "cadence_rich_days", "cadence_any_days", "paused",
    "written_ok", "snoozed_until",
)
_TEXT_FIELDS = {"given_name", "family_name", "nickname", "organisation", "role", "how_met", "notes"}
_BOOL_FIELDS = {"tracked", "paused", "written_ok"}

PEOPLE_SORT_COLUMNS = {
    "name": "p.display_name COLLATE NOCASE",
    "circle": "coalesce(p.circle, 'default')",
    "last_together": "last_together",
    "last_voice": "last_voice",
    "last_any": "max(coalesce(last_together, ''), coalesce(last_voice, ''), coalesce(last_written, ''))",
    "count": "(count_together + count_voice + count_written)",
}


def normalise_phone_key(value: str) -> str:
    """A loose key for phone numbers: digits and a leading plus. Importers refine this to E.164."""
    value = value.strip()
    digits = re.sub(r"\D", "", value)
    return ("+" + digits) if value.startswith("+") else digits


def contact_norm(kind: ContactKind, value: str) -> str:
    if kind is ContactKind.EMAIL:
        return normalise_email(value)
    if kind is ContactKind.PHONE:
        return normalise_phone_key(value)
    return " ".join(value.split()).casefold()


def fts_query(text: str) -> str | None:
    """Turn what a user typed into a safe FTS5 prefix query: every word must match."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class Store:
    """A journal opened on one SQLite file. Every write runs inside ``atomic()``."""

    def __init__(self, db: sqlite3.Connection | sqlite_utils.Database, path: Path | None = None) -> None:
        self.conn: sqlite3.Connection = getattr(db, "conn", db)  # type: ignore[assignment,arg-type]
        self.path = path
        self._db: sqlite_utils.Database | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """A sqlite-utils view of the same connection, created on first use (it is slow to import)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = True,
        before_migrate: dbmod.PreMigrationHook | None = None,
    ) -> Store:
        path = Path(path)
        return cls(dbmod.open_db(path, create=create, before_migrate=before_migrate), path)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction; a savepoint when nested. Disk full, read-only, busy and damaged become
        UserErrors (relj/store/errors.py sorts them by result code).

        BEGIN IMMEDIATE takes the write lock at the start, waiting out the busy timeout: a deferred
        transaction that reads and then writes can fail at once when another process (the app, a
        CLI command) committed in between.
        """
        with translated(path=self.path):
            if self.conn.in_transaction:
                name = f"relj_{next(_savepoints)}"
                self.conn.execute(f"SAVEPOINT {name}")
                try:
                    yield
                except BaseException:
                    # An error can end the whole transaction; only roll back what still exists.
                    if self.conn.in_transaction:
                        self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                        self.conn.execute(f"RELEASE SAVEPOINT {name}")
                    raise
                else:
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
            else:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
                else:
                    try:
                        self.conn.execute("COMMIT")
                    except BaseException:
                        if self.conn.in_transaction:
                            self.conn.execute("ROLLBACK")
                        raise

    def _q(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, params)
        cols = [d[0] for d in cur.description] if cur.description else []
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def _one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def data_version(self) -> int:
        """Changes when another connection (the CLI) commits to this journal."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    # -- settings --------------------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        raw = self._one("SELECT value FROM setting WHERE key = ?", [key])
        return default if raw is None else json.loads(raw)

    def set_setting(self, key: str, value: Any) -> None:
        with self.atomic():
            self.conn.execute(
                "INSERT INTO setting(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, sort_keys=True)],
            )

    def all_settings(self) -> dict[str, Any]:
        return {r["key"]: json.loads(r["value"]) for r in self._q("SELECT key, value FROM setting ORDER BY key")}

    # -- owner -----------------------------------------------------------------------------
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

    def owner_email_set(self) -> set[str]:
        return {r["email_norm"] for r in self._q("SELECT email_norm FROM owner_email")}

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
                if not _looks_like_email(norm):
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
    def _interest_id(self, name: str, import_id: int | None = None) -> int:
        clean = normalise_interest(name)
        if not clean:
            raise UserError("an interest needs a name")
        self.conn.execute("INSERT OR IGNORE INTO interest(name) VALUES (?)", [clean])
        return int(self._one("SELECT id FROM interest WHERE name = ?", [clean]))

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

    # -- people ----------------------------------------------------------------------------
    def _clean_fields(self, fields: dict[str, Any]) -> dict[str, Any]:
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
            elif key in ("cadence_rich_days", "cadence_any_days") and value is not None:
                value = int(value)
                if value <= 0:
                    raise UserError("a cadence must be a positive number of days")
            out[key] = value
        return out

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
        values = self._clean_fields({"display_name": display_name, **fields})
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
        values = self._clean_fields(fields)
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
            if not _looks_like_email(norm):
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
        for chunk in _chunks(ids, 900):
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
            snoozed_until=_date(r["snoozed_until"]),
            created_at=r["created_at"],
            updated_at=r["updated_at"],
            contacts=tuple(contacts),
            interests=tuple(interests),
        )

    def person_count(self) -> int:
        return int(self._one("SELECT count(*) FROM person"))

    def person_by_email(self, email: str) -> Person | None:
        pid = self._one(
            "SELECT person_id FROM contact_point WHERE kind = 'email' AND value_norm = ?", [normalise_email(email)]
        )
        return self.person(pid) if pid else None

    def person_ids_by_contact(self, kind: ContactKind | str, norm_values: Iterable[str]) -> dict[str, int]:
        """Map normalised contact values to person ids (first person wins for shared phones)."""
        kind = ContactKind(kind)
        values = list(set(norm_values))
        out: dict[str, int] = {}
        for chunk in _chunks(values, 900):
            marks = ",".join("?" * len(chunk))
            for r in self._q(
                f"SELECT value_norm, min(person_id) AS pid FROM contact_point WHERE kind = ? "
                f"AND value_norm IN ({marks}) GROUP BY value_norm",
                [kind.value, *chunk],
            ):
                out[r["value_norm"]] = r["pid"]
        return out

    def contact_points(self, kind: ContactKind | str) -> list[tuple[int, str]]:
        """Every (person_id, value) of one kind, for matching by importers."""
        kind = ContactKind(kind)
        return [(r["person_id"], r["value"]) for r in self._q(
            "SELECT person_id, value FROM contact_point WHERE kind = ? ORDER BY id", [kind.value]
        )]

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

    def delete_person(self, person_id: int) -> dict[str, Any]:
        """Delete a person. Returns a snapshot that ``restore_snapshot`` puts back exactly.

        Interactions where they were the only participant go with them; shared ones stay.
        """
        snapshot = self.snapshot_people([person_id])
        with self.atomic():
            self.conn.execute(
                "DELETE FROM interaction WHERE id IN (SELECT interaction_id FROM participant WHERE person_id = ?) "
                "AND NOT EXISTS (SELECT 1 FROM participant q WHERE q.interaction_id = interaction.id "
                "AND q.person_id <> ?)",
                [person_id, person_id],
            )
            self.conn.execute("DELETE FROM person WHERE id = ?", [person_id])
            self.conn.execute("DELETE FROM person_fts WHERE rowid = ?", [person_id])
        log.info("person deleted: id=%d", person_id)
        return snapshot

    def snapshot_people(self, ids: Sequence[int]) -> dict[str, Any]:
        people = self.people_by_ids(ids)
        if len(people) != len(set(ids)):
            raise NotFound("no such person")
        marks = ",".join("?" * len(ids))
        iids = [
            r["interaction_id"]
            for r in self._q(f"SELECT DISTINCT interaction_id FROM participant WHERE person_id IN ({marks})", list(ids))
        ]
        return {
            "people": [_person_json(p) for p in people],
            "interactions": [_interaction_json(i) for i in self.interactions_by_ids(iids)],
            "relationships": [
                _relationship_json(r)
                for r in self._relationships_where(f"r.person_a IN ({marks}) OR r.person_b IN ({marks})", [*ids, *ids])
            ],
            "followups": self._q(
                f"SELECT interaction_id, state, decided_at FROM followup WHERE interaction_id IN "
                f"(SELECT interaction_id FROM participant WHERE person_id IN ({marks})) ORDER BY interaction_id",
                list(ids),
            ),
        }

    def restore_snapshot(self, snapshot: dict[str, Any]) -> None:
        """Undo a delete: put people, their interactions and relationships back with their ids."""
        with self.atomic():
            self._load_json(snapshot, merge=True)

    # -- interactions ----------------------------------------------------------------------
    def log_interaction(
        self,
        channel: Channel | str,
        person_ids: Sequence[int],
        occurred_on: dt.date,
        *,
        occurred_time: str | None = None,
        note: str = "",
        initiator: Initiator | str = Initiator.UNKNOWN,
        duration_min: int | None = None,
        place: str = "",
        status: Status | str = Status.DONE,
        source: str = "manual",
        source_key: str | None = None,
        import_id: int | None = None,
        created_at: str | None = None,
    ) -> Interaction:
        channel = Channel(channel)
        status = Status(status)
        initiator = Initiator(initiator)
        ids = list(dict.fromkeys(person_ids))
        if not ids:
            raise UserError("an interaction needs at least one person")
        if occurred_time is not None and not re.fullmatch(r"[0-2]\d:[0-5]\d", occurred_time):
            raise UserError(f"bad time {occurred_time!r}: expected HH:MM")
        now = created_at or now_iso()
        with self.atomic():
            for pid in ids:
                if not self.person_exists(pid):
                    raise NotFound(f"no person #{pid}")
            cur = self.conn.execute(
                "INSERT INTO interaction(occurred_on, occurred_time, channel, initiator, duration_min, place, "
                "note, status, source, source_key, import_id, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [occurred_on.isoformat(), occurred_time, channel.value, initiator.value, duration_min,
                 place.strip(), note, status.value, source, source_key, import_id, now, now],
            )
            iid = int(cur.lastrowid or 0)
            self.conn.executemany(
                "INSERT INTO participant(interaction_id, person_id, occurred_on, mode, status) VALUES (?, ?, ?, ?, ?)",
                [(iid, pid, occurred_on.isoformat(), channel.mode.value, status.value) for pid in ids],
            )
        log.info("interaction logged: id=%d channel=%s people=%d", iid, channel.value, len(ids))
        return self.interaction(iid)

    def interaction_by_source(self, source: str, source_key: str) -> int | None:
        found = self._one("SELECT id FROM interaction WHERE source = ? AND source_key = ?", [source, source_key])
        return int(found) if found is not None else None

    def update_interaction(self, interaction_id: int, **fields: Any) -> Interaction:
        allowed = {"occurred_on", "occurred_time", "channel", "initiator", "duration_min", "place", "note", "status"}
        values: dict[str, Any] = {}
        for k, v in fields.items():
            if k not in allowed:
                raise TypeError(f"unknown interaction field {k}")
            if k == "occurred_on":
                v = v.isoformat() if isinstance(v, dt.date) else dt.date.fromisoformat(v).isoformat()
            elif k == "channel":
                v = Channel(v).value
            elif k == "status":
                v = Status(v).value
            elif k == "initiator":
                v = Initiator(v).value
            values[k] = v
        self.interaction(interaction_id)
        if values:
            with self.atomic():
                values["updated_at"] = now_iso()
                sets = ", ".join(f"{k} = ?" for k in values)
                self.conn.execute(f"UPDATE interaction SET {sets} WHERE id = ?", [*values.values(), interaction_id])
        return self.interaction(interaction_id)

    def set_participants(self, interaction_id: int, person_ids: Sequence[int]) -> None:
        ids = list(dict.fromkeys(person_ids))
        if not ids:
            raise UserError("an interaction needs at least one person")
        with self.atomic():
            row = self._q("SELECT occurred_on, mode, status FROM interaction WHERE id = ?", [interaction_id])
            if not row:
                raise NotFound(f"no interaction #{interaction_id}")
            self.conn.execute("DELETE FROM participant WHERE interaction_id = ?", [interaction_id])
            self.conn.executemany(
                "INSERT INTO participant(interaction_id, person_id, occurred_on, mode, status) VALUES (?, ?, ?, ?, ?)",
                [(interaction_id, pid, row[0]["occurred_on"], row[0]["mode"], row[0]["status"]) for pid in ids],
            )

    def delete_interaction(self, interaction_id: int) -> dict[str, Any]:
        found = self.interactions_by_ids([interaction_id])
        if not found:
            raise NotFound(f"no interaction #{interaction_id}")
        snap = {"interactions": [_interaction_json(found[0])], "people": [], "relationships": [],
                "followups": self._q("SELECT interaction_id, state, decided_at FROM followup WHERE interaction_id = ?",
                                     [interaction_id])}
        with self.atomic():
            self.conn.execute("DELETE FROM interaction WHERE id = ?", [interaction_id])
        return snap

    def interaction(self, interaction_id: int) -> Interaction:
        found = self.interactions_by_ids([interaction_id])
        if not found:
            raise NotFound(f"no interaction #{interaction_id}")
        return found[0]

    def interactions_by_ids(self, ids: Sequence[int]) -> list[Interaction]:
        out: list[Interaction] = []
        for chunk in _chunks(list(ids), 900):
            marks = ",".join("?" * len(chunk))
            out.extend(self._interactions(f"i.id IN ({marks})", chunk, order="i.occurred_on DESC, i.id DESC"))
        return out

    def _interactions(
        self, where: str, params: Sequence[Any], *, order: str, limit: int | None = None, offset: int = 0
    ) -> list[Interaction]:
        lim = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        rows = self._q(f"SELECT i.* FROM interaction i WHERE {where} ORDER BY {order}{lim}", params)
        if not rows:
            return []
        parts: dict[int, list[PersonRef]] = {}
        for chunk in _chunks([r["id"] for r in rows], 900):
            marks = ",".join("?" * len(chunk))
            for r in self._q(
                f"SELECT pa.interaction_id, p.id, p.display_name FROM participant pa JOIN person p ON p.id = pa.person_id "
                f"WHERE pa.interaction_id IN ({marks}) ORDER BY p.display_name COLLATE NOCASE",
                chunk,
            ):
                parts.setdefault(r["interaction_id"], []).append(PersonRef(r["id"], r["display_name"]))
        return [
            Interaction(
                id=r["id"],
                occurred_on=dt.date.fromisoformat(r["occurred_on"]),
                occurred_time=r["occurred_time"],
                channel=Channel(r["channel"]),
                participants=tuple(parts.get(r["id"], [])),
                initiator=Initiator(r["initiator"]),
                duration_min=r["duration_min"],
                place=r["place"],
                note=r["note"],
                status=Status(r["status"]),
                source=r["source"],
                source_key=r["source_key"],
                created_at=r["created_at"],
            )
            for r in rows
        ]

    def interactions_for_person(
        self, person_id: int, *, limit: int | None = None, offset: int = 0
    ) -> list[Interaction]:
        return self._interactions(
            "i.id IN (SELECT interaction_id FROM participant WHERE person_id = ?)",
            [person_id],
            order="i.occurred_on DESC, coalesce(i.occurred_time, '') DESC, i.id DESC",
            limit=limit,
            offset=offset,
        )

    def timeline(
        self,
        *,
        channels: Iterable[Channel | str] | None = None,
        person_id: int | None = None,
        limit: int = 500,
        offset: int = 0,
    ) -> list[Interaction]:
        """All interactions, newest first, filtered by channel and person."""
        where: list[str] = ["1"]
        params: list[Any] = []
        if channels is not None:
            chans = [Channel(c).value for c in channels]
            where.append(f"i.channel IN ({','.join('?' * len(chans))})" if chans else "0")
            params.extend(chans)
        if person_id is not None:
            where.append("i.id IN (SELECT interaction_id FROM participant WHERE person_id = ?)")
            params.append(person_id)
        return self._interactions(
            " AND ".join(where), params, order="i.occurred_on DESC, i.id DESC", limit=limit, offset=offset
        )

    def interaction_count(self) -> int:
        return int(self._one("SELECT count(*) FROM interaction"))

    def last_channel_with(self, person_ids: Sequence[int]) -> Channel | None:
        """The channel of the latest done interaction with any of these people."""
        if not person_ids:
            return None
        marks = ",".join("?" * len(person_ids))
        found = self._one(
            f"SELECT i.channel FROM participant pa JOIN interaction i ON i.id = pa.interaction_id "
            f"WHERE pa.person_id IN ({marks}) AND pa.status = 'done' "
            f"ORDER BY pa.occurred_on DESC, i.id DESC LIMIT 1",
            list(person_ids),
        )
        return Channel(found) if found else None

    def monthly_mode_counts(self, person_id: int, *, until: dt.date | None = None) -> dict[str, dict[str, int]]:
        """Done contact per month ('YYYY-MM') and mode, for the person's chart."""
        params: list[Any] = [person_id]
        extra = ""
        if until is not None:
            extra = " AND occurred_on <= ?"
            params.append(until.isoformat())
        out: dict[str, dict[str, int]] = {}
        for r in self._q(
            "SELECT substr(occurred_on, 1, 7) AS month, mode, count(*) AS n FROM participant "
            f"WHERE person_id = ? AND status = 'done'{extra} GROUP BY month, mode ORDER BY month",
            params,
        ):
            out.setdefault(r["month"], {})[r["mode"]] = r["n"]
        return out

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

    # -- people table ----------------------------------------------------------------------
    def people_rows(
        self,
        *,
        query: str = "",
        circle: str | None = None,
        interest: str | None = None,
        sort: str = "name",
        descending: bool = False,
        until: dt.date | None = None,
    ) -> list[PersonRow]:
        """The people table in one query: filter, search (FTS) and sort happen in SQL."""
        found = self._people_filter(query, circle, interest)
        if found is None:
            return []
        where, named = found
        named["day"] = (until or dt.date.max).isoformat()
        order = PEOPLE_SORT_COLUMNS.get(sort, PEOPLE_SORT_COLUMNS["name"])
        direction = "DESC" if descending else "ASC"
        per_mode = "".join(
            f""",
              (SELECT max(occurred_on) FROM participant WHERE person_id = p.id AND status = 'done'
                 AND mode = '{mode}' AND occurred_on <= :day) AS last_{mode},
              (SELECT count(*) FROM participant WHERE person_id = p.id AND status = 'done'
                 AND mode = '{mode}' AND occurred_on <= :day) AS count_{mode}"""
            for mode in ("together", "voice", "written")
        )
        sql = f"""
            SELECT * FROM (
              SELECT p.id, p.display_name, p.circle, p.tracked{per_mode}
              FROM person p WHERE {' AND '.join(where)}
            ) AS p ORDER BY {order} {direction}, p.display_name COLLATE NOCASE, p.id
        """
        rebuilt = sql
        return [
            PersonRow(
                id=r["id"],
                name=r["display_name"],
                circle=r["circle"],
                tracked=bool(r["tracked"]),
                last_together=_date(r["last_together"]),
                last_voice=_date(r["last_voice"]),
                last_written=_date(r["last_written"]),
                count_together=r["count_together"],
                count_voice=r["count_voice"],
                count_written=r["count_written"],
            )
            for r in self._q(rebuilt, named)
        ]

    def circles_in_use(self) -> list[str]:
        return [r["c"] for r in self._q("SELECT DISTINCT coalesce(circle, 'default') AS c FROM person ORDER BY c")]

    # -- search ----------------------------------------------------------------------------
    def _reindex_people(self, ids: Sequence[int] | None) -> None:
        """Rebuild the FTS documents of these people (all of them when ids is None)."""
        if ids is None:
            self.conn.execute("DELETE FROM person_fts")
            where, params = "1", []  # type: ignore[var-annotated]
        else:
            marks = ",".join("?" * len(ids))
            self.conn.execute(f"DELETE FROM person_fts WHERE rowid IN ({marks})", list(ids))
            where, params = f"p.id IN ({marks})", list(ids)
        self.conn.execute(
            f"""
            INSERT INTO person_fts(rowid, name, emails, organisation, notes, interests)
            SELECT p.id,
                   p.display_name || ' ' || p.given_name || ' ' || p.family_name || ' ' || p.nickname,
                   coalesce((SELECT group_concat(value, ' ') FROM contact_point c
                             WHERE c.person_id = p.id AND c.kind IN ('email', 'phone')), ''),
                   p.organisation || ' ' || p.role,
                   p.notes || ' ' || p.how_met,
                   coalesce((SELECT group_concat(i.name, ' ') FROM person_interest pi
                             JOIN interest i ON i.id = pi.interest_id WHERE pi.person_id = p.id), '')
            FROM person p WHERE {where}
            """,
            params,
        )

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
                rebuild_contact_summary(self)
                found = int(self._one(
                    "SELECT (SELECT count(*) FROM (SELECT * FROM contact_summary EXCEPT "
                    "SELECT * FROM temp.contact_summary_before)) + (SELECT count(*) FROM (SELECT * FROM "
                    "temp.contact_summary_before EXCEPT SELECT * FROM contact_summary))"
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
            rebuild_contact_summary(self)
            self._reindex_people(None)
            self.conn.execute("INSERT INTO interaction_fts(interaction_fts) VALUES ('delete-all')")
            self.conn.execute(
                "INSERT INTO interaction_fts(rowid, note, place) SELECT id, note, place FROM interaction "
                "WHERE note <> '' OR place <> ''"
            )

    def search_person_ids(self, query: str, limit: int = 200) -> list[int]:
        match = fts_query(query)
        if match is None:
            return []
        return [r["rowid"] for r in self._q(
            "SELECT rowid FROM person_fts WHERE person_fts MATCH ? ORDER BY rank LIMIT ?", [match, limit]
        )]

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

    # -- JSON export / import --------------------------------------------------------------
    def export_data(self) -> dict[str, Any]:
        """The whole journal as plain data (without ``meta``); see docs/json-format.md."""
        owner = self.owner()
        return {
            "owner": {"name": owner.name, "emails": list(owner.emails), "interests": list(owner.interests),
                      "region": owner.region},
            "people": [_person_json(p) for p in sorted(self.people(), key=lambda p: p.id)],
            "interests": [r["name"] for r in self._q("SELECT name FROM interest ORDER BY name COLLATE NOCASE, id")],
            "interactions": [
                _interaction_json(i)
                for i in self._interactions("1", [], order="i.id")
            ],
            "relationships": [_relationship_json(r) for r in self._relationships_where("1", [])],
            "followups": self._q("SELECT interaction_id, state, decided_at FROM followup ORDER BY interaction_id"),
            "settings": self.all_settings(),
        }

    def is_empty(self) -> bool:
        return not self._one("SELECT EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM interaction)")

    def import_data(self, data: dict[str, Any]) -> dict[str, int]:
        """Restore an export into an empty journal, keeping every id and timestamp."""
        if not self.is_empty():
            raise UserError(
                "import json restores a whole journal and needs an empty one; "
                "use --db NEW.db, or import vcard/csv to merge people"
            )
        with self.atomic():
            self._load_json(data, merge=False)
            owner = data.get("owner") or {}
            self.update_owner(
                name=owner.get("name", ""),
                region=owner.get("region", ""),
                add_emails=owner.get("emails", []),
                add_interests=owner.get("interests", []),
            )
            for name in data.get("interests", []):
                self._interest_id(name)
            for key, value in (data.get("settings") or {}).items():
                self.set_setting(key, value)
        return {k: len(data.get(k, [])) for k in ("people", "interactions", "relationships")}

    def _load_json(self, data: dict[str, Any], *, merge: bool) -> None:
        ignore = " OR IGNORE" if merge else ""
        for p in data.get("people", []):
            fields = {k: p.get(k) for k in PERSON_FIELDS if k != "display_name" and k in p}
            values = self._clean_fields({"display_name": p["name"], **fields})
            values["created_at"] = p.get("created_at") or now_iso()
            values["updated_at"] = p.get("updated_at") or values["created_at"]
            cols = ["id", *values]
            self.conn.execute(
                f"INSERT{ignore} INTO person({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [p["id"], *values.values()],
            )
            for c in p.get("contacts", []):
                kind = ContactKind(c["kind"])
                self.conn.execute(
                    f"INSERT{ignore} INTO contact_point(person_id, kind, value, value_norm, label) VALUES (?, ?, ?, ?, ?)",
                    [p["id"], kind.value, c["value"], contact_norm(kind, c["value"]), c.get("label", "")],
                )
            for name in p.get("interests", []):
                self.conn.execute(
                    "INSERT OR IGNORE INTO person_interest(person_id, interest_id) VALUES (?, ?)",
                    [p["id"], self._interest_id(name)],
                )
        for i in data.get("interactions", []):
            day = dt.date.fromisoformat(i["occurred_on"])
            channel, status = Channel(i["channel"]), Status(i.get("status", "done"))
            cur = self.conn.execute(
                f"INSERT{ignore} INTO interaction(id, occurred_on, occurred_time, channel, initiator, duration_min, "
                "place, note, status, source, source_key, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [i["id"], day.isoformat(), i.get("occurred_time"), channel.value,
                 Initiator(i.get("initiator", "unknown")).value, i.get("duration_min"), i.get("place", ""),
                 i.get("note", ""), status.value, i.get("source", "manual"), i.get("source_key"),
                 i.get("created_at") or now_iso(), i.get("updated_at") or i.get("created_at") or now_iso()],
            )
            if not i.get("participants"):
                raise UserError(f"interaction #{i['id']} has no participants")
            self.conn.executemany(
                "INSERT OR IGNORE INTO participant(interaction_id, person_id, occurred_on, mode, status) "
                "SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM person WHERE id = ?)",
                [(i["id"], pid, day.isoformat(), channel.mode.value, status.value, pid) for pid in i["participants"]],
            )
            del cur
        for r in data.get("relationships", []):
            self.conn.execute(
                f"INSERT{ignore} INTO relationship(id, person_a, person_b, kind, note) VALUES (?, ?, ?, ?, ?)",
                [r["id"], r["person_a"], r["person_b"], RelationKind(r["kind"]).value, r.get("note", "")],
            )
        for f in data.get("followups", []):
            self.conn.execute(
                f"INSERT{ignore} INTO followup(interaction_id, state, decided_at) VALUES (?, ?, ?)",
                [f["interaction_id"], f["state"], f["decided_at"]],
            )
        ids = [p["id"] for p in data.get("people", [])]
        for chunk in _chunks(ids, 900):
            self._reindex_people(chunk)

    # -- capture queries -------------------------------------------------------------------
    # Used by the quick log, the new-person dialog and the command palette (relj.ui). Each one
    # runs per keystroke, so each one has a LIMIT and uses an index or the FTS table.
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
        if not _looks_like_email(norm):
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

    def add_people_bulk(self, people: Iterable[tuple[str, Sequence[str]]]) -> int:
        """Add many ``(name, emails)`` people in one transaction (benchmarks, tests, demos)."""
        now = now_iso()
        count = 0
        with self.atomic():
            first = int(self._one("SELECT coalesce(max(id), 0) FROM person")) + 1
            persons: list[tuple[Any, ...]] = []
            contacts: list[tuple[Any, ...]] = []
            for offset, (name, emails) in enumerate(people):
                pid = first + offset
                persons.append((pid, " ".join(name.split()), now, now))
                contacts.extend((pid, e.strip(), normalise_email(e)) for e in emails)
                count += 1
            self.conn.executemany(
                "INSERT INTO person(id, display_name, created_at, updated_at) VALUES (?, ?, ?, ?)", persons
            )
            self.conn.executemany(
                "INSERT INTO contact_point(person_id, kind, value, value_norm) VALUES (?, 'email', ?, ?)", contacts
            )
            for chunk in _chunks([p[0] for p in persons], 900):
                self._reindex_people(chunk)
        log.info("people added in bulk: %d", count)
        return count

    # -- GUI queries -----------------------------------------------------------------------
    # The people table keeps ids and fetches rows per screenful (Anki's browser): ordering
    # 10,000 ids costs a few ms, while all-time counts over 1,000,000 participants cost 200+ ms.
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
            if circle == "default":
                where.append("p.circle IS NULL")
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
        for chunk in _chunks(list(ids), 500):
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
                    last_together=_date(r[4]), count_together=r[5],
                    last_voice=_date(r[6]), count_voice=r[7],
                    last_written=_date(r[8]), count_written=r[9],
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

    def interaction_count_for(self, person_id: int) -> int:
        return int(self._one("SELECT count(*) FROM participant WHERE person_id = ?", [person_id]))

    def timeline_page(
        self,
        *,
        channels: Iterable[Channel | str] | None = None,
        person_id: int | None = None,
        after: tuple[dt.date, int] | None = None,
        limit: int = 200,
    ) -> list[Interaction]:
        """A page of the timeline, newest first, continuing after ``(occurred_on, id)``.

        Keyset paging: page 100 costs what page 1 costs, unlike OFFSET.
        """
        where: list[str] = ["1"]
        params: list[Any] = []
        if channels is not None:
            chans = [Channel(c).value for c in channels]
            where.append(f"i.channel IN ({','.join('?' * len(chans))})" if chans else "0")
            params.extend(chans)
        if person_id is not None:
            where.append("i.id IN (SELECT interaction_id FROM participant WHERE person_id = ?)")
            params.append(person_id)
        if after is not None:
            where.append("(i.occurred_on < ? OR (i.occurred_on = ? AND i.id < ?))")
            params.extend([after[0].isoformat(), after[0].isoformat(), after[1]])
        return self._interactions(" AND ".join(where), params, order="i.occurred_on DESC, i.id DESC", limit=limit)


def _looks_like_email(norm: str) -> bool:
    return bool(re.fullmatch(r"[^@\s]+@[^@\s]+", norm))


def _chunks(seq: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(seq), size):
        yield seq[start:start + size]


def _person_json(p: Person) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.display_name,
        "given_name": p.given_name,
        "family_name": p.family_name,
        "nickname": p.nickname,
        "organisation": p.organisation,
        "role": p.role,
        "how_met": p.how_met,
        "birthday": p.birthday.iso() if p.birthday else None,
        "notes": p.notes,
        "circle": p.circle,
        "tracked": p.tracked,
        "cadence_rich_days": p.cadence_rich_days,
        "cadence_any_days": p.cadence_any_days,
        "paused": p.paused,
        "written_ok": p.written_ok,
        "snoozed_until": p.snoozed_until.isoformat() if p.snoozed_until else None,
        "created_at": p.created_at,
        "updated_at": p.updated_at,
        "emails": list(p.emails),
        "contacts": [{"kind": c.kind.value, "value": c.value, "label": c.label} for c in p.contacts],
        "interests": list(p.interests),
    }


def _interaction_json(i: Interaction) -> dict[str, Any]:
    return {
        "id": i.id,
        "occurred_on": i.occurred_on.isoformat(),
        "occurred_time": i.occurred_time,
        "channel": i.channel.value,
        "mode": i.mode.value,
        "initiator": i.initiator.value,
        "duration_min": i.duration_min,
        "place": i.place,
        "note": i.note,
        "status": i.status.value,
        "source": i.source,
        "source_key": i.source_key,
        "created_at": i.created_at,
        "participants": sorted(p.id for p in i.participants),
    }


def _relationship_json(r: Relationship) -> dict[str, Any]:
    return {"id": r.id, "person_a": r.person_a.id, "person_b": r.person_b.id, "kind": r.kind.value, "note": r.note}


person_json = _person_json
interaction_json = _interaction_json
