"""The journal as plain data: JSON export and import, and the snapshots that undo a delete."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from relj.clock import now_iso
from relj.domain import Channel, ContactKind, Initiator, Interaction, Person, RelationKind, Relationship, Status
from relj.errors import NotFound, UserError
from relj.store import moments, plans, rhythms
from relj.store.base import chunks, contact_norm
from relj.store.interactions import InteractionsMixin
from relj.store.owner import OwnerMixin
from relj.store.people import PERSON_FIELDS, clean_person_fields

log = logging.getLogger(__name__)


class TransferMixin(InteractionsMixin, OwnerMixin):
    """Deletes that can be undone, and the whole journal in and out."""

    # -- deletes and their undo snapshots --------------------------------------------------
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

    def delete_interaction(self, interaction_id: int) -> dict[str, Any]:
        found = self.interactions_by_ids([interaction_id])
        if not found:
            raise NotFound(f"no interaction #{interaction_id}")
        snap = {"interactions": [interaction_json(found[0])], "people": [], "relationships": [],
                "followups": self._q("SELECT interaction_id, state, decided_at FROM followup WHERE interaction_id = ?",
                                     [interaction_id])}
        with self.atomic():
            self.conn.execute("DELETE FROM interaction WHERE id = ?", [interaction_id])
        return snap

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
            "people": [person_json(p) for p in people],
            "interactions": [interaction_json(i) for i in self.interactions_by_ids(iids)],
            "relationships": [
                relationship_json(r)
                for r in self._relationships_where(f"r.person_a IN ({marks}) OR r.person_b IN ({marks})", [*ids, *ids])
            ],
            "followups": self._q(
                f"SELECT interaction_id, state, decided_at FROM followup WHERE interaction_id IN "
                f"(SELECT interaction_id FROM participant WHERE person_id IN ({marks})) ORDER BY interaction_id",
                list(ids),
            ),
            "talking_points": plans.snapshot_points(self, list(ids)),  # type: ignore[arg-type]
            "rhythms": rhythms.export_rhythms(self, rhythms.rhythm_ids_of(self, list(ids))),  # type: ignore[arg-type]
            "moments": moments.export_moments(self, list(ids)),  # type: ignore[arg-type]
        }

    def restore_snapshot(self, snapshot: dict[str, Any]) -> None:
        """Undo a delete: put people, their interactions and relationships back with their ids."""
        with self.atomic():
            self._load_json(snapshot, merge=True)

    # -- JSON export / import --------------------------------------------------------------
    def export_data(self) -> dict[str, Any]:
        """The whole journal as plain data (without ``meta``); see docs/json-format.md."""
        owner = self.owner()
        return {
            "owner": {"name": owner.name, "emails": list(owner.emails), "interests": list(owner.interests),
                      "region": owner.region},
            "people": [person_json(p) for p in sorted(self.people(), key=lambda p: p.id)],
            "interests": [r["name"] for r in self._q("SELECT name FROM interest ORDER BY name COLLATE NOCASE, id")],
            "interactions": [
                interaction_json(i)
                for i in self._interactions("1", [], order="i.id")
            ],
            "relationships": [relationship_json(r) for r in self._relationships_where("1", [])],
            "followups": self._q("SELECT interaction_id, state, decided_at FROM followup ORDER BY interaction_id"),
            "talking_points": plans.export_points(self),  # type: ignore[arg-type]
            "rhythms": rhythms.export_rhythms(self),  # type: ignore[arg-type]
            "moments": moments.export_moments(self),  # type: ignore[arg-type]
            "settings": self.all_settings(),
        }

    def is_empty(self) -> bool:
        return not self._one("SELECT EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM interaction)")

    def import_data(self, data: dict[str, Any]) -> dict[str, int]:
        """Restore an export into an empty journal, keeping every id and timestamp.

        ``data`` is what ``export_data`` wrote or what relj.interop.jsonio.read_document has
        checked (every field's type, range and references): a file's bad value is refused there,
        in one line that names it, before the journal is opened. Here it would be a bug.
        """
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
            values = clean_person_fields({"display_name": p["name"], **fields})
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
                "place, note, status, source, source_key, created_at, updated_at, felt, planned_on) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [i["id"], day.isoformat(), i.get("occurred_time"), channel.value,
                 Initiator(i.get("initiator", "unknown")).value, i.get("duration_min"), i.get("place", ""),
                 i.get("note", ""), status.value, i.get("source", "manual"), i.get("source_key"),
                 i.get("created_at") or now_iso(), i.get("updated_at") or i.get("created_at") or now_iso(),
                 i.get("felt"), i.get("planned_on")],
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
        plans.load_points(self, data.get("talking_points", []), merge=merge)  # type: ignore[arg-type]
        rhythms.load_rhythms(self, data.get("rhythms", []), merge=merge)  # type: ignore[arg-type]
        moments.load_moments(self, data.get("moments", []), merge=merge)  # type: ignore[arg-type]
        ids = [p["id"] for p in data.get("people", [])]
        for chunk in chunks(ids, 900):
            self._reindex_people(chunk)


def person_json(p: Person) -> dict[str, Any]:
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
        "prefers": p.prefers.value if p.prefers else None,
        "best_time": p.best_time,
        "created_at": p.created_at,
        "updated_at": p.updated_at,
        "emails": list(p.emails),
        "contacts": [{"kind": c.kind.value, "value": c.value, "label": c.label} for c in p.contacts],
        "interests": list(p.interests),
    }


def interaction_json(i: Interaction) -> dict[str, Any]:
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
        "felt": i.felt,
        "planned_on": i.planned_on.isoformat() if i.planned_on else None,
        "participants": sorted(p.id for p in i.participants),
    }


def relationship_json(r: Relationship) -> dict[str, Any]:
    return {"id": r.id, "person_a": r.person_a.id, "person_b": r.person_b.id, "kind": r.kind.value, "note": r.note}
