"""What each parsed record means for the journal: matching parties and contacts to people, then writing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from relj.clock import now_iso
from relj.domain import CIRCLES, UNSORTED, Birthday, Channel, ContactKind, Initiator, Status, normalise_email
from relj.errors import UserError
from relj.interop.engine.report import Duplicate, ImportCancelled, ImportOptions, ImportSummary
from relj.interop.phone import clean_phone, phone_key, readable_phone
from relj.interop.records import BadRecord, ContactRecord, EventRecord, Party, Record, SkippedRecord
from relj.store import Store, plans
from relj.store.base import contact_norm
from relj.store.imports import ImportTables
from relj.store.people import FILLABLE

#: Called with the number of records read so far; returning False cancels (and rolls back).
Progress = Callable[[int], bool]

#: Category names (case-folded) that mean a circle.
CATEGORY_CIRCLES: dict[str, str] = {
    **{c: c for c in CIRCLES},
    "friend": "friends",
    "close friends": "close",
    "colleague": "colleagues",
    "coworkers": "colleagues",
    "co-workers": "colleagues",
    "client": "clients",
    "acquaintance": "acquaintances",
}
_SYSTEM_CATEGORY = re.compile(r"^(\*|system group:|imported on\b|mycontacts$|starred$|contacts$)", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_TIME = re.compile(r"[0-2]\d:[0-5]\d")
_PROGRESS_EVERY = 200
_NAMESAKES = 5
_MAX_DUPLICATES = 1000
#: One message is one message whichever way it was exported: Message-IDs match across these.
MAIL_SOURCES = ("mbox", "maildir", "eml")
#: The UID that ``relj export ics`` gives a planned interaction, as it comes back in a source key.
RELJ_UID = re.compile(r"^relj-interaction-(\d+)@relj\b")


def category_circle(categories: Iterable[str]) -> str | None:
    for cat in categories:
        circle = CATEGORY_CIRCLES.get(" ".join(cat.split()).casefold())
        if circle:
            return circle
    return None


def kept_categories(categories: Iterable[str]) -> list[str]:
    """The categories worth keeping in notes: not circles, not system groups."""
    out: list[str] = []
    for cat in categories:
        clean = " ".join(cat.split())
        if not clean or clean.casefold() in CATEGORY_CIRCLES or _SYSTEM_CATEGORY.match(clean):
            continue
        if clean not in out:
            out.append(clean)
    return out


class Applier:
    """The state of one import: matching maps built once, then one record at a time."""

    def __init__(self, store: Store, options: ImportOptions, summary: ImportSummary) -> None:
        self.store = store
        self.t = ImportTables(store)
        self.options = options
        self.summary = summary
        self.now = now_iso()
        self.counts: Counter[str] | None = None
        owner = store.owner()
        self.region = owner.region or None
        self.me_emails = {normalise_email(e) for e in (*owner.emails, *options.me_addresses)}
        self.me_names = {" ".join(n.split()).casefold() for n in options.me_names} - {""}
        self.emails = self.t.email_map()
        self.with_email = set(self.emails.values())
        self.phones: dict[str, int] = {}
        self.person_phones: dict[int, set[str]] = {}
        for pid, value in self.t.phone_points():
            key = self.phone_key(value)
            if key:
                self.phones.setdefault(key, pid)
                self.person_phones.setdefault(pid, set()).add(key)
        self._names: dict[str, list[int]] | None = None
        self.run_id = self.t.begin_run(options.fmt, options.file_name, self.now)
        summary.run_id = self.run_id
        self.t.defer_interaction_search()

    # -- matching --------------------------------------------------------------------------
    def phone_key(self, raw: str) -> str:
        return phone_key(raw, self.region)

    @property
    def names(self) -> dict[str, list[int]]:
        if self._names is None:
            self._names = self.t.name_map()
        return self._names

    def _party_key(self, party: Party) -> str | None:
        """A key for an unknown party ("e:addr", "p:+44…", "n:name"), or None for me."""
        if party.is_me:
            return None
        if party.email:
            norm = normalise_email(party.email)
            if _EMAIL.fullmatch(norm):
                return None if norm in self.me_emails else "e:" + norm
        if party.phone:
            key = self.phone_key(party.phone)
            if key:
                return "p:" + key
        name = " ".join(party.name.split()).casefold()
        if name:
            return None if name in self.me_names else "n:" + name
        return ""

    def _resolve(self, party: Party) -> tuple[str, Any]:
        key = self._party_key(party)
        if key is None:
            return "me", None
        if not key:
            return "none", None
        kind, value = key[0], key[2:]
        if kind == "e":
            pid = self.emails.get(value)
        elif kind == "p":
            pid = self.phones.get(value)
        else:
            ids = self.names.get(value, [])
            if len(ids) > 1:
                return "ambiguous", None
            pid = ids[0] if ids else None
        return ("pid", pid) if pid is not None else ("unknown", key)

    def count_parties(self, records: Iterable[Record]) -> Counter[str]:
        """First pass for --min-messages: events per party key, over the whole file."""
        counts: Counter[str] = Counter()
        for rec in records:
            if isinstance(rec, EventRecord):
                keys = {self._party_key(p) for p in _parties(rec)}
                counts.update(k for k in keys if k)
        return counts

    # -- applying --------------------------------------------------------------------------
    def apply(self, records: Iterable[Record], progress: Progress | None) -> None:
        s = self.summary
        for rec in records:
            s.records += 1
            if progress is not None and s.records % _PROGRESS_EVERY == 0 and progress(s.records) is False:
                raise ImportCancelled("import cancelled; nothing was changed")
            if isinstance(rec, EventRecord):
                self.event(rec)
            elif isinstance(rec, ContactRecord):
                self.contact(rec)
            elif isinstance(rec, SkippedRecord):
                s.skipped[rec.reason] += 1
            elif isinstance(rec, BadRecord):
                self.bad(rec.where, rec.reason)
        if progress is not None:
            progress(s.records)
        self.t.flush()
        self.t.index_interactions(self.run_id)
        self.t.finish_run(self.run_id, s.as_json())

    def bad(self, where: str, reason: str) -> None:
        if not self.options.skip_bad:
            name = self.options.file_name or "the file"
            raise UserError(
                f"{name}: {where}: {reason}; nothing was imported (use --skip-bad to import the other records)"
            )
        self.summary.bad.append((where, reason))

    # -- events ----------------------------------------------------------------------------
    def event(self, rec: EventRecord) -> None:
        s = self.summary
        if not rec.source_key:
            self.bad(rec.where, "no key to recognise it by")
            return
        sources = MAIL_SOURCES if rec.source in MAIL_SOURCES else (rec.source,)
        found = self.t.existing_interaction(sources, rec.source_key)
        if found is not None:
            # A planned meeting imported earlier has since taken place (or been cancelled).
            if found[1] == Status.PLANNED.value and Status(rec.status) is not Status.PLANNED:
                self.t.set_interaction_status(found[0], Status(rec.status), self.now)
                s.interactions_updated += 1
            elif found[2] == self.run_id and rec.source in MAIL_SOURCES:
                # The same message twice in one mailbox, further apart than the parser remembers.
                s.skipped["duplicate"] += 1
            else:
                s.interactions_unchanged += 1
            return
        mine = RELJ_UID.match(rec.source_key)
        if mine and self.t.interaction_on(int(mine[1]), rec.occurred_on.isoformat()):
            s.interactions_unchanged += 1  # our own export of a planned interaction, coming back
            return
        pids: list[int] = []
        unknown: dict[str, Party] = {}
        saw_me = ambiguous = False
        for party in _parties(rec):
            what, value = self._resolve(party)
            if what == "pid":
                pids.append(value)
            elif what == "unknown":
                unknown.setdefault(value, party)
            elif what == "me":
                saw_me = True
            elif what == "ambiguous":
                ambiguous = True
        too_few = False
        if self.options.create_people:
            for key, party in unknown.items():
                if self.counts is not None and self.counts[key] < self.options.min_messages:
                    too_few = True
                    continue
                pids.append(self._create_from_party(key, party))
        pids = list(dict.fromkeys(pids))
        if not pids:
            if too_few:
                reason = f"fewer than {self.options.min_messages} messages"
            elif ambiguous:
                reason = "name matches several people"
            elif saw_me and not unknown:
                reason = "only me"
            else:
                reason = "no known person"
            s.skipped[reason] += 1
            return
        channel = Channel(rec.channel)
        time = rec.occurred_time if rec.occurred_time and _TIME.fullmatch(rec.occurred_time) else None
        duration = rec.duration_min if rec.duration_min is not None and rec.duration_min >= 0 else None
        row = {
            "occurred_on": rec.occurred_on.isoformat(),
            "occurred_time": time,
            "channel": channel.value,
            "mode": channel.mode.value,
            "initiator": Initiator(rec.initiator).value,
            "duration_min": duration,
            "place": " ".join(rec.place.split()),
            "note": rec.note,
            "status": Status(rec.status).value,
            "source": rec.source,
            "source_key": rec.source_key,
        }
        # A meeting or call near an open plan with them is that plan, done (relj.store.plans).
        if plans.reconcile_import(self.store, row, pids) is not None:
            s.interactions_updated += 1
            return
        self.t.insert_interaction(row, pids, self.run_id, self.now)
        s.interactions_added += 1

    def _create_from_party(self, key: str, party: Party) -> int:
        kind, value = key[0], key[2:]
        name = " ".join(party.name.split())
        if not name:
            name = party.email.strip() if kind == "e" and party.email else clean_phone(party.phone or "") or value
        pid = self.t.insert_person({"display_name": name, "circle": UNSORTED, "tracked": False}, self.run_id, self.now)
        if kind == "e" and party.email:
            self.t.add_contact(pid, ContactKind.EMAIL, party.email.strip(), "", self.run_id)
            self.emails[value] = pid
            self.with_email.add(pid)
            self.summary.contact_points_added += 1
        elif kind == "p" and party.phone:
            self.t.add_contact(pid, ContactKind.PHONE, clean_phone(party.phone), "", self.run_id)
            self.phones.setdefault(value, pid)
            self.person_phones.setdefault(pid, set()).add(value)
            self.summary.contact_points_added += 1
        self._note_new_name(pid, name)
        self.summary.people_added += 1
        return pid

    def _note_new_name(self, pid: int, name: str) -> None:
        """Add a new person to the name map, reporting a likely duplicate."""
        ids = self.names.setdefault(name.casefold(), [])
        # Bounded: a mailbox where thousands of senders call themselves "Support" must not
        # make this quadratic. The first few namesakes are enough to point at a merge.
        others = tuple(i for i in ids[:_NAMESAKES] if i != pid)
        if others and len(self.summary.duplicates) < _MAX_DUPLICATES:
            self.summary.duplicates.append(Duplicate(pid, name, others))
        elif others:
            self.summary.notices["more likely duplicates not listed"] += 1
        if not ids or ids[-1] != pid:
            ids.append(pid)

    # -- contacts --------------------------------------------------------------------------
    def contact(self, rec: ContactRecord) -> None:
        s = self.summary
        emails: list[tuple[str, str]] = []  # (normalised, as written)
        seen: set[str] = set()  # a set, not the list: a card with 19,000 emails stays linear
        for raw in rec.emails:
            norm = normalise_email(raw)
            if not _EMAIL.fullmatch(norm):
                if norm:
                    s.notices["unreadable email address left out"] += 1
                continue
            if norm not in seen:
                seen.add(norm)
                emails.append((norm, raw.strip().strip("<>").strip()))
        if any(norm in self.me_emails for norm, _ in emails):
            s.skipped["me"] += 1
            return
        phones: list[tuple[str, str, str]] = []
        for number, label in rec.phones:
            key, written = self.phone_key(number), clean_phone(number)
            # Like an email without "@": a number without a digit ("cell number") is left out.
            if not (key and readable_phone(written)):
                s.notices["unreadable phone number left out"] += 1
                continue
            phones.append((key, written, label))
        name = " ".join(rec.display_name.split())
        if not name:
            name = emails[0][1] if emails else (phones[0][1] if phones else "")
        if not name:
            s.skipped["no name, email or phone"] += 1
            return
        pid = self._match_contact(name, emails, phones)
        if pid is None:
            self._create_contact(rec, name, emails, phones)
        else:
            self._update_contact(pid, rec, emails, phones)

    def _match_contact(
        self, name: str, emails: list[tuple[str, str]], phones: list[tuple[str, str, str]]
    ) -> int | None:
        for norm, _ in emails:
            if norm in self.emails:
                return self.emails[norm]
        for key, _, _ in phones:
            pid = self.phones.get(key)
            if pid is not None and (not emails or pid not in self.with_email):
                return pid
        if not emails:
            ids = self.names.get(name.casefold(), [])
            if len(ids) == 1 and not (phones and self.person_phones.get(ids[0])):
                return ids[0]
        return None

    def _fields(self, rec: ContactRecord) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "given_name": rec.given_name,
            "family_name": rec.family_name,
            "nickname": rec.nickname,
            "organisation": rec.organisation,
            "role": rec.role,
        }
        if rec.birthday:
            try:
                fields["birthday"] = Birthday.parse(rec.birthday).iso()
            except ValueError:
                self.summary.notices["unreadable birthday left out"] += 1
        notes = rec.notes.strip()
        extra = kept_categories(rec.categories)
        if extra:
            notes = (notes + "\n\n" if notes else "") + "Categories: " + ", ".join(extra)
        fields["notes"] = notes
        return {k: " ".join(v.split()) if k != "notes" and isinstance(v, str) else v for k, v in fields.items() if v}

    def _create_contact(
        self, rec: ContactRecord, name: str, emails: list[tuple[str, str]], phones: list[tuple[str, str, str]]
    ) -> None:
        fields = self._fields(rec)
        circle = category_circle(rec.categories)
        if circle:
            fields["circle"] = circle
        pid = self.t.insert_person({"display_name": name, **fields}, self.run_id, self.now)
        self._attach(pid, rec, emails, phones, have=set())
        # A new person whose name is taken, though no email is shared: report it.
        if emails:
            self._note_new_name(pid, name)
        else:
            ids = self.names.setdefault(name.casefold(), [])
            if not ids or ids[-1] != pid:
                ids.append(pid)
        self.summary.people_added += 1

    def _update_contact(
        self, pid: int, rec: ContactRecord, emails: list[tuple[str, str]], phones: list[tuple[str, str, str]]
    ) -> None:
        current = self.store.person_fields(pid)
        fill = {k: v for k, v in self._fields(rec).items() if k in FILLABLE and not current[k]}
        if current["circle"] == UNSORTED:
            fill["circle"] = category_circle(rec.categories)
            fill["tracked"] = True
        if fill:
            self.t.update_person(pid, fill, self.now)
        added = self._attach(pid, rec, emails, phones, have=self.t.contact_norms(pid))
        if fill or added:
            self.summary.people_updated += 1
        else:
            self.summary.people_unchanged += 1

    def _attach(
        self,
        pid: int,
        rec: ContactRecord,
        emails: list[tuple[str, str]],
        phones: list[tuple[str, str, str]],
        have: set[tuple[str, str]],
    ) -> int:
        """Add the record's contact points and interests that the person lacks; how many."""
        s = self.summary
        before = s.contact_points_added + s.interests_added
        for norm, written in emails:
            owner = self.emails.get(norm)
            if owner is not None:
                if owner != pid:
                    s.notices["email already someone else's, left with them"] += 1
                continue
            self.t.add_contact(pid, ContactKind.EMAIL, written, rec.email_labels.get(norm, ""), self.run_id)
            self.emails[norm] = pid
            self.with_email.add(pid)
            s.contact_points_added += 1
        mine = self.person_phones.setdefault(pid, set())
        for key, written, label in phones:
            if key in mine:
                continue
            self.t.add_contact(pid, ContactKind.PHONE, written, label, self.run_id)
            mine.add(key)
            self.phones.setdefault(key, pid)
            s.contact_points_added += 1
        for kind, items in ((ContactKind.ADDRESS, rec.addresses), (ContactKind.URL, rec.urls)):
            for value, label in items:
                value = value.strip()
                if not value:
                    continue
                norm = contact_norm(kind, value)
                if (kind.value, norm) in have:
                    continue
                self.t.add_contact(pid, kind, value, label, self.run_id)
                have.add((kind.value, norm))
                s.contact_points_added += 1
        for interest in dict.fromkeys(" ".join(i.split()) for i in rec.interests):
            if interest and self.t.add_interest(pid, self.t.interest_id(interest), self.run_id):
                s.interests_added += 1
        return s.contact_points_added + s.interests_added - before


def _parties(rec: EventRecord) -> list[Party]:
    return [*rec.parties, rec.sender] if rec.sender is not None else list(rec.parties)
