"""Exports of the journal for other software: every person as vCard, plans and birthdays as iCalendar."""

from __future__ import annotations

from pathlib import Path

from relj.store import Store
from relj.store.imports import ImportTables


def export_vcard(store: Store, path: Path) -> int:
    """Write every person as vCard 3.0 (mode 0600); returns how many."""
    import io

    from relj.interop.jsonio import write_private
    from relj.interop.vcard import write_vcards

    people = store.people()
    text = io.StringIO(newline="")
    write_vcards(people, text)
    write_private(path, text.getvalue().encode("utf-8"))
    return len(people)


def export_ics(store: Store, path: Path) -> tuple[int, int]:
    """Write planned interactions and birthdays as iCalendar (mode 0600); returns both counts.

    Each interaction's UID is ``relj-interaction-ID@relj``: importing the file back into the
    same journal recognises them and adds nothing.
    """
    import io

    from relj.interop.ical import IcsBirthday, IcsEvent, write_ics
    from relj.interop.jsonio import write_private

    planned = store.interactions_by_ids(ImportTables(store).planned_interactions())
    people = {p.id: p for p in store.people()}
    events = []
    for i in sorted(planned, key=lambda x: (x.occurred_on, x.id)):
        names = ", ".join(p.name for p in i.participants)
        summary = i.note.splitlines()[0] if i.note.strip() else f"{i.channel.label.capitalize()} with {names}"
        attendees = [(p.name, people[p.id].emails[0]) for p in i.participants if people[p.id].emails]
        events.append(IcsEvent(uid=f"relj-interaction-{i.id}@relj", date=i.occurred_on, time=i.occurred_time,
                               duration_min=i.duration_min, summary=summary, description=i.note, location=i.place,
                               attendees=attendees, channel=i.channel))
    birthdays = [IcsBirthday(uid=f"relj-birthday-{p.id}@relj", name=p.display_name, month=p.birthday.month,
                             day=p.birthday.day, year=p.birthday.year)
                 for p in people.values() if p.birthday is not None]
    buf = io.BytesIO()
    written = write_ics(events, birthdays, buf)  # leaves out plans dated where no calendar can go
    write_private(path, buf.getvalue())
    return written - len(birthdays), len(birthdays)
