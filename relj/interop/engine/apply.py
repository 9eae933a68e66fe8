"""What each parsed record means for the journal: matching parties and contacts to people, then writing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import phonenumbers

from relj.clock import MAX_YEAR, MIN_YEAR, now_iso
from relj.domain import CIRCLES, UNSORTED, Birthday, Channel, ContactKind, Initiator, Status, normalise_email
from relj.errors import UserError
from relj.interop.engine.report import ROW_LIMIT, Duplicate, ImportCancelled, ImportOptions, ImportSummary, PreviewRow
from relj.interop.phone import clean_phone, phone_key, readable_phone
from relj.interop.records import (
    BIRTHDAY_OUT_OF_RANGE,
    BadRecord,
    ContactRecord,
    EventRecord,
    Party,
    Record,
    SkippedRecord,
)
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
        #: Phone keys that two people share (a family's landline): they identify no one.
        self.shared_phones: set[str] = set()
        self.person_phones: dict[int, set[str]] = {}
        for pid, value in self.t.phone_points():
            for key in self.phone_keys(value):
                self._index_phone(key, pid)
        self._names: dict[str, list[int]] | None = None
        #: Owner names that mark a mail party as me (a second address of yours under your name).
        owner_name = " ".join(owner.name.split()).casefold()
        self.owner_names = {owner_name} if len(owner_name.split()) >= 2 else set()
        self.other_me: set[str] = set()
        self.party_rows: dict[str, PreviewRow] = {}  # party key -> its preview row
        self.pid_rows: dict[int, PreviewRow] = {}  # person created or merged -> the row counting events
        self.run_id = self.t.begin_run(options.fmt, options.file_name, self.now)
        summary.run_id = self.run_id
        self.t.defer_interaction_search()

    # -- matching --------------------------------------------------------------------------
    def phone_key(self, raw: str) -> str:
        return phone_key(raw, self.region)

    def phone_keys(self, raw: str) -> tuple[str, ...]:
        """The key of a number, then the digits of its national form ("07700900123" for
        "+44 7700 900123"): a number typed without its country code, in a journal whose owner
        has not said their country, still matches the same number written internationally."""
        key = self.phone_key(raw)
        if not key:
            return ()
        if not key.startswith("+"):
            return (key,)
        try:
            number = phonenumbers.parse(key, None)
        except phonenumbers.NumberParseException:
            return (key,)
        national = "".join(ch for ch in phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.NATIONAL) if ch.isdigit())
        return (key, national) if national and national != key else (key,)

    def _index_phone(self, key: str, pid: int) -> None:
        first = self.phones.setdefault(key, pid)
        if first != pid:
            self.shared_phones.add(key)
        self.person_phones.setdefault(pid, set()).add(key)

    def _phone_person(self, keys: Iterable[str]) -> int | None:
        """The one person a number belongs to (None when no one's, or when it is shared)."""
        for key in keys:
            pid = self.phones.get(key)
            if pid is not None and key not in self.shared_phones:
                return pid
        return None

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
                if norm in self.me_emails:
                    return None
                if norm not in self.emails and self.owner_names \
                        and " ".join(party.name.split()).casefold() in self.owner_names:
                    # Mail from or to an address of yours that `me` does not list yet, under your
                    # own full name: you, not a new person.
                    self.other_me.add(norm)
                    return None
                return "e:" + norm
        if party.phone:
            keys = self.phone_keys(party.phone)
            if keys:
                pid = self._phone_person(keys)
                return "p:" + (keys[0] if pid is None else next(k for k in keys if self.phones.get(k) == pid))
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
        if self.other_me:
            s.notices["address under your name taken as yours"] = len(self.other_me)
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
        too_few = left_out = False
        if self.options.create_people:
            for key, party in unknown.items():
                if self.counts is not None and self.counts[key] < self.options.min_messages:
                    too_few = True
                    continue
                pid = self._create_from_party(key, party)
                if pid is None:
                    left_out = True
                else:
                    pids.append(pid)
        pids = list(dict.fromkeys(pids))
        if not pids:
            if left_out:
                reason = "left out by you"
            elif too_few:
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
        if plans.reconcile_import(self.store, row, pids, lambda _plan: self.t.index_pending(self.run_id)) is not None:
            s.interactions_updated += 1
            return
        self.t.insert_interaction(row, pids, self.run_id, self.now)
        s.interactions_added += 1
        for pid in pids:
            counted = self.pid_rows.get(pid)
            if counted is not None:
                counted.brings["events"] += 1

    def _create_from_party(self, key: str, party: Party) -> int | None:
        """A person for an unknown party (or the one the user chose to merge them with); None
        when the user chose to leave them out."""
        kind, value = key[0], key[2:]
        name = " ".join(party.name.split())
        if not name:
            name = party.email.strip() if kind == "e" and party.email else clean_phone(party.phone or "") or value
        decision = self.options.decisions.get("p:" + key)
        row = self._party_row("p:" + key, name)
        if row is not None:
            row.candidates = self._namesakes(name, None)
        if decision is not None and decision[0] == "skip":
            if row is not None:
                row.action = "skip"
            return None
        target = decision[1] if decision is not None and decision[0] == "merge" else None
        if target is not None and self.store.person_exists(target):
            pid = target
            if row is not None:
                row.action, row.match, row.match_name, row.matched_by = "merge", pid, self._name_of(pid), "you"
            self.summary.people_updated += 1
        else:
            pid = self.t.insert_person({"display_name": name, "circle": UNSORTED, "tracked": False},
                                       self.run_id, self.now)
            self._note_new_name(pid, name)
            self.summary.people_added += 1
        if kind == "e" and party.email:
            self.t.add_contact(pid, ContactKind.EMAIL, party.email.strip(), "", self.run_id)
            self.emails[value] = pid
            self.with_email.add(pid)
            self.summary.contact_points_added += 1
        elif kind == "p" and party.phone:
            self.t.add_contact(pid, ContactKind.PHONE, clean_phone(party.phone), "", self.run_id)
            for phone in self.phone_keys(party.phone) or (value,):
                self._index_phone(phone, pid)
            self.summary.contact_points_added += 1
        if row is not None:
            self.pid_rows[pid] = row
        return pid

    # -- preview rows -----------------------------------------------------------------------
    def _row(self, key: str, name: str) -> PreviewRow | None:
        if not self.options.collect_rows:
            return None
        if len(self.summary.rows) >= ROW_LIMIT:
            self.summary.rows_left_out += 1
            return None
        row = PreviewRow(key=key, name=name, action="add")
        self.summary.rows.append(row)
        return row

    def _party_row(self, key: str, name: str) -> PreviewRow | None:
        row = self._row(key, name)
        if row is not None:
            self.party_rows[key] = row
        return row

    def _name_of(self, pid: int) -> str:
        return str(self.store.person_fields(pid)["display_name"])

    def _namesakes(self, name: str, pid: int | None) -> tuple[tuple[int, str, str], ...]:
        """People already in the journal with this name (a likely duplicate to merge with)."""
        ids = [i for i in self.names.get(name.casefold(), [])[:_NAMESAKES] if i != pid]
        return tuple((i, self._name_of(i), "name") for i in ids)

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
        phones: list[tuple[tuple[str, ...], str, str]] = []  # (keys, as written, label)
        for number, label in rec.phones:
            keys, written = self.phone_keys(number), clean_phone(number)
            # Like an email without "@": a number without a digit ("cell number") is left out.
            if not (keys and readable_phone(written)):
                s.notices["unreadable phone number left out"] += 1
                continue
            phones.append((keys, written, label))
        name = " ".join(rec.display_name.split())
        if not name:
            name = emails[0][1] if emails else (phones[0][1] if phones else "")
        if not name:
            s.skipped["no name, email or phone"] += 1
            return
        key = f"c:{s.records}"
        pid, how = self._match_contact(name, emails, phones)
        row = self._row(key, name)
        if row is not None:
            # Whom it could join, whatever is chosen: the person it matched, then namesakes.
            matched = ((pid, self._name_of(pid), how),) if pid is not None else ()
            row.candidates = matched + tuple(c for c in self._namesakes(name, None) if c[0] != pid)
            row.brings = _brings(rec, emails, phones)
        decision = self.options.decisions.get(key)
        if decision is not None:
            if decision[0] == "skip":
                s.skipped["left out by you"] += 1
                if row is not None:
                    row.action = "skip"
                return
            if decision[0] == "add":
                pid, how = None, ""
            elif decision[1] is not None and self.store.person_exists(decision[1]):
                pid, how = decision[1], "you"
        if pid is None:
            self._create_contact(rec, name, emails, phones)
        else:
            changed = self._update_contact(pid, rec, emails, phones)
            if row is not None:
                row.action, row.match, row.match_name, row.matched_by = "merge", pid, self._name_of(pid), how
                row.nothing_new = not changed

    def _match_contact(
        self, name: str, emails: list[tuple[str, str]], phones: list[tuple[tuple[str, ...], str, str]]
    ) -> tuple[int | None, str]:
        """The person a card is, and how it was told: by email, then by a phone number that is
        theirs alone (E.164, or its national digits), then, for a card without email, by a name
        that one person has and whose numbers don't disagree."""
        for norm, _ in emails:
            if norm in self.emails:
                return self.emails[norm], "email"
        for keys, _, _ in phones:
            pid = self._phone_person(keys)
            # A landline is often a household's: it tells two people with their own emails apart
            # from no one. A mobile (or a number of unknown type) is one person's.
            if pid is not None and (not emails or pid not in self.with_email or not _shareable(keys[0])):
                return pid, "phone"
        if not emails:
            ids = self.names.get(name.casefold(), [])
            if len(ids) == 1 and not (phones and self.person_phones.get(ids[0])):
                return ids[0], "name"
        return None, ""

    def _fields(self, rec: ContactRecord) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "given_name": rec.given_name,
            "family_name": rec.family_name,
            "nickname": rec.nickname,
            "organisation": rec.organisation,
            "role": rec.role,
        }
        if rec.birthday == BIRTHDAY_OUT_OF_RANGE:
            self.summary.notices[f"birthday outside {MIN_YEAR}..{MAX_YEAR} left out"] += 1
        elif rec.birthday:
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
        self, rec: ContactRecord, name: str, emails: list[tuple[str, str]],
        phones: list[tuple[tuple[str, ...], str, str]],
    ) -> int:
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
        return pid

    def _update_contact(
        self, pid: int, rec: ContactRecord, emails: list[tuple[str, str]],
        phones: list[tuple[tuple[str, ...], str, str]],
    ) -> bool:
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
        return bool(fill or added)

    def _attach(
        self,
        pid: int,
        rec: ContactRecord,
        emails: list[tuple[str, str]],
        phones: list[tuple[tuple[str, ...], str, str]],
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
        for keys, written, label in phones:
            if mine.intersection(keys):
                continue
            self.t.add_contact(pid, ContactKind.PHONE, written, label, self.run_id)
            for key in keys:
                self._index_phone(key, pid)
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


#: Number types that a household or an office shares.
_SHAREABLE = frozenset({phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.TOLL_FREE,
                        phonenumbers.PhoneNumberType.SHARED_COST, phonenumbers.PhoneNumberType.UAN,
                        phonenumbers.PhoneNumberType.PREMIUM_RATE})


def _shareable(key: str) -> bool:
    if not key.startswith("+"):
        return True  # unknown country, unknown type: as before, not enough alone
    try:
        return phonenumbers.number_type(phonenumbers.parse(key, None)) in _SHAREABLE
    except phonenumbers.NumberParseException:
        return True


def _brings(rec: ContactRecord, emails: list[Any], phones: list[Any]) -> Counter[str]:
    """What a card carries, counted for the preview."""
    out: Counter[str] = Counter(emails=len(emails), phones=len(phones), addresses=len(rec.addresses),
                                links=len(rec.urls), interests=len(rec.interests),
                                birthday=int(bool(rec.birthday)), organisation=int(bool(rec.organisation)))
    return +out  # zero counts dropped


def _parties(rec: EventRecord) -> list[Party]:
    return [*rec.parties, rec.sender] if rec.sender is not None else list(rec.parties)
