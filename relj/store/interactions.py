"""Interactions: logging, editing and reading them, and the timeline."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Sequence
from typing import Any

from relj.clock import now_iso
from relj.domain import Channel, Initiator, Interaction, PersonRef, Status
from relj.errors import NotFound, UserError
from relj.store.base import chunks
from relj.store.people import PeopleMixin

log = logging.getLogger(__name__)


class InteractionsMixin(PeopleMixin):
    """Interactions and their participants."""

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

    def interaction(self, interaction_id: int) -> Interaction:
        found = self.interactions_by_ids([interaction_id])
        if not found:
            raise NotFound(f"no interaction #{interaction_id}")
        return found[0]

    def interactions_by_ids(self, ids: Sequence[int]) -> list[Interaction]:
        out: list[Interaction] = []
        for chunk in chunks(list(ids), 900):
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
        for chunk in chunks([r["id"] for r in rows], 900):
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
                felt=r["felt"],
                planned_on=dt.date.fromisoformat(r["planned_on"]) if r["planned_on"] else None,
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

    def interaction_count(self) -> int:
        return int(self._one("SELECT count(*) FROM interaction"))

    def interaction_count_for(self, person_id: int) -> int:
        return int(self._one("SELECT count(*) FROM participant WHERE person_id = ?", [person_id]))

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

    # -- timeline --------------------------------------------------------------------------
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
