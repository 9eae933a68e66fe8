"""The agenda (relj.agenda): everyone's birthdays, plans, follow-ups, rhythms and yearly moments, soonest first."""

from __future__ import annotations

import datetime as dt

from relj import agenda
from relj.domain import Status
from relj.store import Store

DAY = dt.date(2025, 12, 25)


def test_birthdays_of_everyone_plans_and_followups_soonest_first(store: Store) -> None:
    ana = store.add_person("Ana García", given_name="Ana", birthday="1990-12-30", circle="friends")
    dmitri = store.add_person("Dmitri Ivanov", nickname="Dima", birthday="--01-02")
    store.add_person("Far", birthday="1990-03-01")
    # Ana is perfectly in touch: she still has her birthday on the agenda.
    store.log_interaction("in-person", [ana.id], DAY - dt.timedelta(days=2), note="coffee")
    plan = store.log_interaction("phone", [dmitri.id], DAY + dt.timedelta(days=3), occurred_time="18:30",
                                 status=Status.PLANNED)
    store.log_interaction("video", [dmitri.id], DAY + dt.timedelta(days=30), status=Status.PLANNED)
    got = agenda.upcoming(store, DAY, 14)
    assert [(e.date, e.kind, e.what) for e in got] == [
        (DAY, "followup", "Send Ana García a thank-you note for “coffee” on 23 Dec."),
        (dt.date(2025, 12, 28), "plan", "Call Dmitri Ivanov at 18:30"),
        (dt.date(2025, 12, 30), "birthday", "Ana's birthday (35)"),
        (dt.date(2026, 1, 2), "birthday", "Dima's birthday"),
    ]
    assert got[1].ref == plan.id and got[1].people == ((dmitri.id, "Dmitri Ivanov"),)
    assert got[2].ref is None and got[2].people == ((ana.id, "Ana García"),)
    assert got[2].to_json() == {"date": "2025-12-30", "kind": "birthday", "what": "Ana's birthday (35)",
                                "people": [{"id": ana.id, "name": "Ana García"}]}
    assert [e.kind for e in agenda.upcoming(store, DAY, 0)] == ["followup"]


def test_a_29_february_birthday_falls_on_28_february_in_common_years(store: Store) -> None:
    store.add_person("Leap", birthday="2000-02-29")
    assert [e.date for e in agenda.upcoming(store, dt.date(2027, 2, 20), 14)] == [dt.date(2027, 2, 28)]
    assert [e.date for e in agenda.upcoming(store, dt.date(2028, 2, 20), 14)] == [dt.date(2028, 2, 29)]
    # A window that ends on 28 February still holds it; one that starts on 1 March does not.
    assert [e.date for e in agenda.upcoming(store, dt.date(2027, 2, 14), 14)] == [dt.date(2027, 2, 28)]
    assert agenda.upcoming(store, dt.date(2027, 3, 1), 14) == []


def test_a_window_of_more_than_a_year_repeats_yearly_entries(store: Store) -> None:
    store.add_person("Ana", birthday="--01-05")
    got = agenda.upcoming(store, DAY, 400)
    assert [e.date for e in got] == [dt.date(2026, 1, 5), dt.date(2027, 1, 5)]


def test_anniversaries_say_year_and_years() -> None:
    """'(1 year)', '(2 years)': the brief used to say '(1 years)'."""
    from relj.rhythms import Moment, anniversary_words

    m = Moment(id=1, person_id=1, person_name="Ana Lima", short_name="Ana", day=dt.date(2025, 12, 30),
               text="wedding", kind="wedding", yearly=True)
    assert anniversary_words(m, dt.date(2026, 12, 30)) == "wedding (1 year)"
    assert anniversary_words(m, dt.date(2027, 12, 30)) == "wedding (2 years)"
    assert anniversary_words(m, dt.date(2025, 12, 30)) == "wedding"
