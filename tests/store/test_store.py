"""The store: people, contact points, interests, interactions, search, check, undo snapshots."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relj.domain import Channel, ContactKind, Mode, PersonRow, Status
from relj.errors import Ambiguous, NotFound, UserError
from relj.store import Store

D = dt.date(2026, 4, 22)


def test_add_and_read_person(store: Store) -> None:
    p = store.add_person("  Ana   García ", emails=["Ana@Example.org"], phones=["+44 20 7946 0000"],
                         interests=["Climbing"], circle="Close", organisation="Figma", birthday="--04-12")
    assert p.display_name == "Ana García"
    assert p.emails == ("Ana@Example.org",)
    assert p.phones == ("+44 20 7946 0000",)
    assert p.interests == ("Climbing",)
    assert p.circle == "close"
    assert p.birthday is not None and p.birthday.year is None and p.birthday.iso() == "--04-12"


def test_email_unique_case_insensitive(store: Store) -> None:
    store.add_person("Ana", emails=["ana@example.org"])
    with pytest.raises(UserError, match="already belongs to Ana"):
        store.add_person("Other", emails=["ANA@example.org"])
    assert store.person_count() == 1  # nothing half-written


def test_owner_address_is_not_a_person(store: Store) -> None:
    store.update_owner(add_emails=["me@example.org"])
    with pytest.raises(UserError, match="your own"):
        store.add_person("Me again", emails=["ME@example.org"])


def test_interest_unique_case_insensitive_and_shared(store: Store) -> None:
    a = store.add_person("Ana", interests=["climbing", "Jazz"])
    store.add_person("Dmitri", interests=["Climbing"])
    store.update_owner(add_interests=["CLIMBING"])
    assert store.counts()["interest"] == 2
    assert store.shared_interests(a.id) == ["climbing"]
    summary = {i.name.lower(): i for i in store.interests()}
    assert summary["climbing"].mine and len(summary["climbing"].people) == 2
    assert not summary["jazz"].mine


def test_resolve(store: Store) -> None:
    a = store.add_person("Ana", emails=["ana@example.org"])
    store.add_person("Sam")
    store.add_person("Sam")
    assert store.resolve(f"#{a.id}").id == a.id
    assert store.resolve("ANA@example.org").id == a.id
    assert store.resolve("ana").id == a.id
    with pytest.raises(Ambiguous, match="matches 2 people"):
        store.resolve("Sam")
    with pytest.raises(NotFound):
        store.resolve("Nobody")
    with pytest.raises(NotFound):
        store.resolve("#999")


def test_resolve_by_first_name_or_start_of_name(store: Store) -> None:
    maya = store.add_person("Maya Okafor")
    zoe = store.add_person("Zoë Martin", given_name="Zoë")
    store.add_person("Mayanka Lin")
    assert store.resolve("Maya").id == maya.id  # the first name, though "Mayanka" starts with it too
    assert store.resolve("maya o").id == maya.id  # the start of the name, any case
    assert store.resolve("  MAYA   OKA ").id == maya.id
    assert store.resolve("zoe").id == zoe.id  # accents aside
    assert store.resolve("ZOË MAR").id == zoe.id
    assert store.resolve("zoe martin").id == zoe.id
    assert store.resolve("Mayan").display_name == "Mayanka Lin"


def test_resolve_exact_name_email_and_id_win_over_prefixes(store: Store) -> None:
    ana = store.add_person("Ana")
    store.add_person("Ana Lima")
    store.add_person("Ben", emails=["ana@x.example"])
    nick = store.add_person("Robert Smith", nickname="Bo")
    store.add_person("Bob Jones")
    assert store.resolve("ana").id == ana.id  # exact display name, not the start of "Ana Lima"
    assert store.resolve("ana@x.example").display_name == "Ben"
    assert store.resolve("bo").id == nick.id  # a nickname, not the start of "Bob Jones"
    assert store.resolve(f"#{nick.id}").id == nick.id


def test_resolve_ambiguous_names_every_candidate_on_one_line(store: Store) -> None:
    a = store.add_person("Maya Okafor")
    b = store.add_person("Maya Lin")
    store.add_person("Mayanka Rao")
    with pytest.raises(Ambiguous) as first:
        store.resolve("maya")  # two first names: Mayanka is not a candidate
    assert str(first.value) == f"'maya' matches 2 people; did you mean: Maya Okafor (#{a.id}), Maya Lin (#{b.id})?"
    with pytest.raises(Ambiguous, match=r"'May' matches 3 people; did you mean: .*Mayanka Rao") as prefix:
        store.resolve("May")  # no first name "May": every name that starts with it
    assert "\n" not in str(prefix.value)
    for n in range(12):
        store.add_person(f"Sam {n:02d}")
    with pytest.raises(Ambiguous, match=r"matches 12 people; did you mean: Sam 00 .*Sam 07 \(#\d+\) and 4 more\?$"):
        store.resolve("sam")


def test_resolve_not_found_suggests_a_close_name(store: Store) -> None:
    maya = store.add_person("Maya Okafor")
    with pytest.raises(NotFound, match=rf"^no person called 'Mya'; did you mean Maya Okafor \(#{maya.id}\)\?$"):
        store.resolve("Mya")
    with pytest.raises(NotFound, match=rf"did you mean Maya Okafor \(#{maya.id}\)"):
        store.resolve("maya okafr")
    with pytest.raises(NotFound, match=r"^no person called 'Quentin'$"):
        store.resolve("Quentin")  # nothing close: no suggestion
    with pytest.raises(NotFound, match=rf"^no person called 'Okafor'; did you mean Maya Okafor \(#{maya.id}\)\?$"):
        store.resolve("Okafor")  # a family name alone is not the start of the name, but it is close
    with pytest.raises(NotFound):
        store.resolve("?!")


def test_interaction_mode_and_participants(store: Store) -> None:
    a = store.add_person("Ana")
    b = store.add_person("Ben")
    i = store.log_interaction(Channel.VIDEO, [a.id, b.id, a.id], D, note="call", duration_min=30)
    assert i.mode is Mode.VOICE
    assert [p.name for p in i.participants] == ["Ana", "Ben"]
    assert store.interaction(i.id).mode is Mode.VOICE
    assert store.monthly_mode_counts(a.id) == {"2026-04": {"voice": 1}}


def test_interaction_needs_people(store: Store) -> None:
    with pytest.raises(UserError):
        store.log_interaction(Channel.EMAIL, [], D)
    with pytest.raises(NotFound):
        store.log_interaction(Channel.EMAIL, [42], D)
    assert store.interaction_count() == 0


def test_participant_copy_follows_updates(store: Store) -> None:
    a = store.add_person("Ana")
    i = store.log_interaction(Channel.EMAIL, [a.id], D)
    store.update_interaction(i.id, channel="in-person", occurred_on=dt.date(2026, 5, 1))
    (row,) = store.people_rows_for([a.id])
    assert (row.last_together, row.last_written, row.count_together) == (dt.date(2026, 5, 1), None, 1)
    store.update_interaction(i.id, status="planned")
    (row,) = store.people_rows_for([a.id])
    assert (row.last_together, row.count_together) == (None, 0)  # planned is not contact
    assert store.check() == []  # participant rows in step with their interaction


def test_source_key_unique(store: Store) -> None:
    a = store.add_person("Ana")
    store.log_interaction(Channel.EMAIL, [a.id], D, source="mbox", source_key="<m1@x>")
    with pytest.raises(sqlite3.IntegrityError):
        store.log_interaction(Channel.EMAIL, [a.id], D, source="mbox", source_key="<m1@x>")
    assert [i.source_key for i in store.interactions_for_person(a.id)] == ["<m1@x>"]  # nothing half-written


def rows(store: Store, *, until: dt.date | None = None, **filters: Any) -> list[PersonRow]:
    """The People view's rows: ordered ids, then their rows (as the table model reads them)."""
    return store.people_rows_for(store.people_ids(until=until, **filters), until=until)


def test_people_rows_last_per_mode_sort_and_filter(store: Store) -> None:
    a = store.add_person("Ana", circle="close", interests=["Climbing"])
    b = store.add_person("Ben", notes="plays the oboe")
    store.log_interaction(Channel.IN_PERSON, [a.id], dt.date(2026, 1, 5))
    store.log_interaction(Channel.PHONE, [a.id], dt.date(2026, 2, 5))
    store.log_interaction(Channel.EMAIL, [a.id, b.id], dt.date(2026, 3, 5))
    store.log_interaction(Channel.IN_PERSON, [b.id], dt.date(2026, 9, 1), status=Status.PLANNED)
    by_name = {r.name: r for r in rows(store)}
    assert by_name["Ana"].last_together == dt.date(2026, 1, 5)
    assert by_name["Ana"].last_voice == dt.date(2026, 2, 5)
    assert by_name["Ana"].last_any == dt.date(2026, 3, 5)
    assert by_name["Ben"].last_together is None  # planned is not contact
    assert [r.name for r in rows(store, query="oboe")] == ["Ben"]
    assert [r.name for r in rows(store, query="clim")] == ["Ana"]
    assert [r.name for r in rows(store, circle="default")] == ["Ben"]
    assert [r.name for r in rows(store, interest="climbing")] == ["Ana"]
    assert [r.name for r in rows(store, sort="last_together", descending=True)] == ["Ana", "Ben"]
    assert [r.name for r in rows(store, until=dt.date(2026, 1, 31), sort="last_any")] == ["Ben", "Ana"]


def test_search_kinds(store: Store) -> None:
    a = store.add_person("Ana García", organisation="Figma", interests=["Bouldering"])
    b = store.add_person("Ben")
    store.log_interaction(Channel.IN_PERSON, [a.id, b.id], D, note="Tapas at Barrafina")
    hits = store.search("garcia")  # diacritics folded
    assert hits[0].kind == "person" and hits[0].person_id == a.id
    tapas = [h for h in store.search("tapas") if h.kind == "interaction"]
    assert {h.person_id for h in tapas} == {a.id, b.id}
    assert any(h.kind == "interest" and h.person_id == a.id for h in store.search("boulder"))
    assert store.search("  ") == []
    assert store.search('"unbalanced AND (') == []  # user text never becomes FTS syntax


def test_delete_and_restore_snapshot(store: Store) -> None:
    a = store.add_person("Ana", emails=["ana@x.org"], interests=["Jazz"])
    b = store.add_person("Ben")
    store.add_relationship(a.id, b.id, "friend")
    solo = store.log_interaction(Channel.PHONE, [a.id], D)
    shared = store.log_interaction(Channel.IN_PERSON, [a.id, b.id], D)
    before = store.export_data()
    snap = store.delete_person(a.id)
    assert store.interaction_count() == 1  # the solo call went with Ana; the shared one stays
    assert [p.id for p in store.interaction(shared.id).participants] == [b.id]
    with pytest.raises(NotFound):
        store.interaction(solo.id)
    store.restore_snapshot(snap)
    assert store.export_data() == before
    assert store.check() == []


def test_check_finds_problems(store: Store) -> None:
    a = store.add_person("Ana")
    i = store.log_interaction(Channel.EMAIL, [a.id], D)
    assert store.check() == []
    store.conn.execute("UPDATE participant SET mode = 'voice' WHERE interaction_id = ?", [i.id])
    store.conn.execute("DELETE FROM person_fts")
    store.conn.execute("UPDATE contact_summary SET last_written = '1999-01-01'")
    problems = store.check()
    assert any("participant row(s) out of step" in p for p in problems)
    assert any("search index" in p for p in problems)
    assert any("reconnect summary" in p for p in problems)
    store.conn.execute("UPDATE participant SET mode = 'written' WHERE interaction_id = ?", [i.id])
    store.reindex_all()
    assert store.check() == []


def test_monthly_mode_counts(store: Store) -> None:
    a = store.add_person("Ana")
    store.log_interaction(Channel.IN_PERSON, [a.id], dt.date(2026, 1, 5))
    store.log_interaction(Channel.EMAIL, [a.id], dt.date(2026, 1, 9))
    store.log_interaction(Channel.EMAIL, [a.id], dt.date(2026, 2, 9))
    store.log_interaction(Channel.EMAIL, [a.id], dt.date(2026, 3, 9), status="cancelled")
    assert store.monthly_mode_counts(a.id) == {"2026-01": {"together": 1, "written": 1}, "2026-02": {"written": 1}}


def test_last_channel(store: Store) -> None:
    a = store.add_person("Ana")
    assert store.last_channel_with([a.id]) is None
    store.log_interaction(Channel.VIDEO, [a.id], dt.date(2026, 1, 5))
    store.log_interaction(Channel.TEXT, [a.id], dt.date(2025, 1, 5))
    assert store.last_channel_with([a.id]) is Channel.VIDEO


def test_contact_points(store: Store) -> None:
    a = store.add_person("Ana")
    assert store.add_contact(a.id, ContactKind.URL, "https://ana.example")
    assert not store.add_contact(a.id, ContactKind.URL, "https://ana.example")
    store.set_contacts(a.id, "email", ["a@x.org", "b@x.org"])
    assert store.person(a.id).emails == ("a@x.org", "b@x.org")
    assert store.remove_contact(a.id, "email", "A@X.org")
    assert store.person(a.id).emails == ("b@x.org",)


unicode_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=unicode_text, note=st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_unicode_name_and_note_round_trips(store: Store, name: str, note: str) -> None:
    clean = " ".join("".join(c for c in name if c.isprintable() or c.isspace()).split())
    if not clean:
        with pytest.raises(UserError):
            store.add_person(name)
        return
    p = store.add_person(name, notes=note)
    assert store.person(p.id).display_name == clean
    assert store.person(p.id).notes == note
    i = store.log_interaction(Channel.LETTER, [p.id], D, note=note)
    assert store.interaction(i.id).note == note
    store.search(name)  # never raises, whatever the text
    store.search(note)
    store.delete_person(p.id)


def test_search_reports_an_interest_match_once(store: Store) -> None:
    a = store.add_person("Ana", interests=["Climbing"])
    b = store.add_person("Ben", notes="climbing on Thursdays", interests=["Climbing"])
    hits = [(h.kind, h.person_id) for h in store.search("climb")]
    assert ("interest", a.id) in hits and ("person", a.id) not in hits  # only the interest matched
    assert ("person", b.id) in hits and ("interest", b.id) in hits  # the note matched too
    both = [(h.kind, h.person_id) for h in store.search("ana climb")]
    assert both == [("person", a.id)]  # name and interest together: the person


def test_deleting_someones_only_contact_leaves_the_journal_clean(store: Store) -> None:
    """The triggers keep an empty summary row for a person whose every contact went; a rebuild
    has none. Both say "no contact": check must not call that out of step (it used to)."""
    a = store.add_person("Ana")
    i = store.log_interaction(Channel.EMAIL, [a.id], D)
    store.delete_interaction(i.id)
    assert store.check() == []
    store.conn.execute("UPDATE contact_summary SET last_written = '1999-01-01'")
    assert any("reconnect summary" in p for p in store.check())  # a real difference still shows
