"""Reconnect: crafted histories for each kind and each edge, run through the store and the model."""

from __future__ import annotations

import datetime as dt

import pytest

from relj import reconnect as rc
from relj.domain import Status
from relj.store import Store
from relj.store import reconnect as reconnect_store

TODAY = dt.date(2025, 11, 20)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def person(store: Store, name: str = "Ana", **fields: object) -> int:
    return store.add_person(name, **fields).id


def log(store: Store, pid: int | list[int], channel: str, day: dt.date, status: str = "done", **kw: object) -> int:
    ids = pid if isinstance(pid, list) else [pid]
    return store.log_interaction(channel, ids, day, status=status, **kw).id  # type: ignore[arg-type]


def flagged(store: Store, today: dt.date = TODAY) -> dict[int, rc.Entry]:
    return {e.person_id: e for e in rc.compute(store, today)}


# -- the edges -------------------------------------------------------------------------------
def test_no_interactions_at_all_is_not_flagged(store: Store) -> None:
    person(store, circle="close")
    assert rc.compute(store, TODAY) == []


def test_only_future_interactions_are_not_contact(store: Store) -> None:
    pid = person(store)
    log(store, pid, "in-person", TODAY + dt.timedelta(days=3), status="planned")
    log(store, pid, "email", TODAY + dt.timedelta(days=10))  # a done row dated later: ignored as of today
    assert flagged(store) == {}


def test_only_cancelled_interactions_are_not_contact(store: Store) -> None:
    pid = person(store)
    log(store, pid, "in-person", days_ago(400), status="cancelled")
    log(store, pid, "phone", days_ago(30), status="cancelled")
    assert flagged(store) == {}


def test_cancelled_rich_contact_does_not_count(store: Store) -> None:
    pid = person(store, circle="friends")
    log(store, pid, "in-person", days_ago(200))
    log(store, pid, "email", days_ago(5))
    log(store, pid, "in-person", days_ago(10), status="cancelled")
    e = flagged(store)[pid]
    assert e.kind is rc.Kind.DIGITAL_ONLY
    assert e.last_rich_contact == days_ago(200)


def test_rich_contact_same_day_as_email(store: Store) -> None:
    pid = person(store, circle="friends")
    log(store, pid, "in-person", days_ago(100))
    log(store, pid, "email", days_ago(100))
    e = flagged(store)[pid]
    # The email on the same day belongs to the meeting: nothing was written "since", so it went quiet.
    assert e.written_since == 0
    assert e.kind is rc.Kind.GONE_QUIET
    assert e.reason.startswith("No contact with Ana since")


def test_same_day_rich_contact_clears_digital_only(store: Store) -> None:
    pid = person(store, circle="friends")
    log(store, pid, "email", days_ago(3))
    log(store, pid, "in-person", days_ago(3))
    assert pid not in flagged(store)


def test_back_dated_entry_counts_by_its_date(store: Store) -> None:
    pid = person(store, circle="friends")
    log(store, pid, "email", days_ago(2))
    log(store, pid, "in-person", days_ago(300))
    assert flagged(store)[pid].kind is rc.Kind.DIGITAL_ONLY
    # Back-dating a meeting from last week, entered today, takes them off.
    log(store, pid, "in-person", days_ago(7))
    assert pid not in flagged(store)


def test_group_email_counts_for_everyone(store: Store) -> None:
    a, b = person(store, "Ana"), person(store, "Ben")
    for pid in (a, b):
        log(store, pid, "in-person", days_ago(250))
    log(store, [a, b], "email", days_ago(20))
    got = flagged(store)
    assert got[a].kind is got[b].kind is rc.Kind.DIGITAL_ONLY
    assert got[a].written_since == got[b].written_since == 1
    assert "1 email since" in got[a].reason


def test_paused_snoozed_untracked_unsorted_are_never_flagged(store: Store) -> None:
    paused = person(store, "Paused", paused=True)
    snoozed = person(store, "Snoozed", snoozed_until=TODAY + dt.timedelta(days=5))
    untracked = person(store, "Untracked", tracked=False)
    unsorted = person(store, "Unsorted", circle="unsorted")
    for pid in (paused, snoozed, untracked, unsorted):
        log(store, pid, "email", days_ago(1000))
    assert flagged(store) == {}
    # The snooze ends on its day.
    assert snoozed in flagged(store, TODAY + dt.timedelta(days=5))


def test_written_ok_is_only_ever_gone_quiet(store: Store) -> None:
    pid = person(store, written_ok=True)  # default circle: any contact within 365 days
    log(store, pid, "email", days_ago(30))
    assert flagged(store) == {}
    store.update_person(pid, written_ok=False)
    assert flagged(store)[pid].kind is rc.Kind.DIGITAL_ONLY
    store.update_person(pid, written_ok=True)
    log(store, pid, "email", days_ago(400))
    assert pid not in flagged(store)
    assert flagged(store, TODAY + dt.timedelta(days=400))[pid].kind is rc.Kind.GONE_QUIET


def test_never_met_is_digital_only(store: Store) -> None:
    pid = person(store, "Ana Lima", given_name="Ana")
    log(store, pid, "email", days_ago(40))
    log(store, pid, "text", days_ago(3))
    e = flagged(store)[pid]
    assert e.kind is rc.Kind.DIGITAL_ONLY
    assert "never-met" in e.signals
    assert e.reason.startswith("You have only written to Ana; you have never met or spoken.")
    assert e.last_rich_contact is None


def test_gone_quiet_reason(store: Store) -> None:
    pid = person(store, "Ana", circle="family")
    log(store, pid, "phone", dt.date(2025, 3, 3))
    e = flagged(store)[pid]
    assert e.kind is rc.Kind.GONE_QUIET
    assert e.reason.startswith("No contact with Ana since 3 Mar (9 months ago).")
    assert flagged(store, dt.date(2026, 1, 5))[pid].reason.startswith("No contact with Ana since 3 Mar 2025")


def test_digital_only_reason_counts_channels(store: Store) -> None:
    pid = person(store, "Ana", circle="friends")
    log(store, pid, "in-person", dt.date(2025, 4, 22))
    for n in range(5):
        log(store, pid, "email", dt.date(2025, 5 + n, 1))
    log(store, pid, "text", dt.date(2025, 10, 1))
    e = flagged(store)[pid]
    assert e.reason == "Last saw Ana in person on 22 Apr (7 months ago); 5 emails and 1 text since."
    assert e.written_since == 6
    assert e.last_rich_mode is not None and e.last_rich_mode.value == "together"


def test_voice_reason(store: Store) -> None:
    pid = person(store, "Ana", circle="friends")
    log(store, pid, "in-person", dt.date(2024, 1, 10))
    log(store, pid, "video", dt.date(2025, 6, 1))
    log(store, pid, "email", dt.date(2025, 11, 1))
    assert flagged(store)[pid].reason.startswith("Last spoke with Ana on 1 Jun")


# -- the rhythm: the three cases that must hold ----------------------------------------------
def test_weekly_friend_with_a_month_of_texts_has_drifted(store: Store) -> None:
    pid = person(store, circle="friends")
    for week in range(10):
        log(store, pid, "in-person", days_ago(31 + 7 * week))
    for n in range(8):
        log(store, pid, "text", days_ago(3 + 3 * n))
    e = flagged(store)[pid]
    assert e.kind is rc.Kind.DIGITAL_ONLY
    assert "rhythm-break" in e.signals
    assert e.rhythm_days == 14
    assert "You usually meet every week." in e.reason


def test_yearly_friend_at_13_months_has_not_drifted(store: Store) -> None:
    for circle in ("friends", None, "close"):
        pid = person(store, f"Yearly {circle}", circle=circle)
        for year in range(5):
            log(store, pid, "in-person", days_ago(395 + 365 * year))
        assert pid not in flagged(store), circle


def test_video_call_every_three_weeks_last_20_days_ago_is_fine(store: Store) -> None:
    pid = person(store, circle="close")
    for n in range(6):
        log(store, pid, "video", days_ago(20 + 21 * n))
    assert pid not in flagged(store)


def test_rhythm_break_for_a_fortnightly_friend(store: Store) -> None:
    pid = person(store, circle="acquaintances")  # the circle alone would wait a year
    for n in range(6):
        log(store, pid, "phone", days_ago(40 + 14 * n))
    log(store, pid, "text", days_ago(2))
    e = flagged(store)[pid]
    assert e.kind is rc.Kind.DIGITAL_ONLY and "rhythm-break" in e.signals


def test_person_override_wins_over_rhythm(store: Store) -> None:
    pid = person(store, circle="friends")
    for n in range(6):
        log(store, pid, "in-person", days_ago(40 + 7 * n))
    log(store, pid, "text", days_ago(1))
    assert pid in flagged(store)
    store.update_person(pid, cadence_rich_days=60)
    assert pid not in flagged(store)


def test_circle_cadence_setting_overrides_builtin(store: Store) -> None:
    pid = person(store, circle="friends")
    log(store, pid, "in-person", days_ago(70))
    log(store, pid, "text", days_ago(1))
    assert pid in flagged(store)
    store.set_setting("cadences", {"friends": {"rich": 90, "any": 90}})
    assert pid not in flagged(store)
    store.set_setting("cadences", {"friends": "nonsense"})  # a bad setting is ignored
    assert pid in flagged(store)


def test_drift_ignores_when_the_person_was_added(store: Store) -> None:
    """Someone added today with two years of imported history is judged on that history."""
    pid = person(store, circle="friends")
    for n in range(24):
        log(store, pid, "email", days_ago(5 + 30 * n))
    log(store, pid, "in-person", days_ago(700))
    assert flagged(store)[pid].kind is rc.Kind.DIGITAL_ONLY


# -- planned, as-of, order -------------------------------------------------------------------
def test_planned_rich_meeting_shows_as_planned(store: Store) -> None:
    a, b = person(store, "Ana", circle="close"), person(store, "Ben", circle="acquaintances")
    for pid in (a, b):
        log(store, pid, "in-person", days_ago(500))
        log(store, pid, "email", days_ago(3))
    log(store, a, "in-person", TODAY + dt.timedelta(days=4), status="planned")
    entries = rc.compute(store, TODAY)
    assert [e.person_id for e in entries] == [b, a]  # planned sinks below everyone unplanned
    ana = entries[1]
    assert ana.planned == TODAY + dt.timedelta(days=4)
    assert not ana.overdue and "planned" in ana.signals
    assert "Meeting planned for 24 Nov." in ana.reason
    # A planned written contact is not a meeting; a past plan never confirmed is not one either.
    log(store, b, "email", TODAY + dt.timedelta(days=1), status="planned")
    log(store, b, "in-person", days_ago(2), status="planned")
    assert flagged(store)[b].planned is None


def test_today_ignores_later_interactions(store: Store) -> None:
    pid = person(store, circle="friends")
    log(store, pid, "in-person", dt.date(2025, 1, 1))
    log(store, pid, "email", dt.date(2025, 3, 1))
    log(store, pid, "in-person", dt.date(2025, 11, 1))
    assert pid not in flagged(store)
    then = flagged(store, dt.date(2025, 4, 15))[pid]
    assert then.kind is rc.Kind.DIGITAL_ONLY
    assert then.last_rich_contact == dt.date(2025, 1, 1)
    assert then.last_contact == dt.date(2025, 3, 1)
    assert then.written_since == 1
    assert flagged(store, dt.date(2024, 12, 1)) == {}


def test_order_is_most_urgent_and_closest_first(store: Store) -> None:
    close = person(store, "Close", circle="close")
    acq = person(store, "Acq", circle="acquaintances")
    for pid in (close, acq):
        log(store, pid, "in-person", days_ago(800))
        log(store, pid, "email", days_ago(2))
    entries = rc.compute(store, TODAY)
    assert [e.person_id for e in entries] == [close, acq]
    assert entries[0].score > entries[1].score


def test_limit(store: Store) -> None:
    for n in range(5):
        log(store, person(store, f"P{n}"), "email", days_ago(10 + n))
    assert len(rc.compute(store, TODAY, limit=2)) == 2


def test_openers_group_ideas_and_birthday(store: Store) -> None:
    store.update_owner(add_interests=["climbing"])
    ana = person(store, "Ana", interests=["climbing", "jazz"], birthday="--11-25")
    dmitri = person(store, "Dmitri", interests=["climbing"])
    for pid in (ana, dmitri):
        log(store, pid, "email", days_ago(3))
    got = flagged(store)
    assert got[ana].shared_interests == ("climbing",)
    kinds = [o.kind for o in got[ana].openers]
    assert kinds == ["shared-interests", "birthday", "group"]
    assert "birthday-soon" in got[ana].signals
    assert got[ana].birthday_soon == dt.date(2025, 11, 25)
    group = got[ana].openers[2]
    assert group.text == "Ana and Dmitri both like climbing: invite them together"
    assert set(group.person_ids) == {ana, dmitri}


def test_falling_rich_share_signal() -> None:
    modes = [rc.Mode.WRITTEN] * 6 + [rc.Mode.TOGETHER] * 4 + [rc.Mode.WRITTEN] * 2
    recent = [(days_ago(n), m) for n, m in enumerate(modes)]
    assert rc.falling_rich_share(recent)
    assert not rc.falling_rich_share(recent[:6])
    assert not rc.falling_rich_share([(days_ago(n), rc.Mode.WRITTEN) for n in range(12)])


# -- the summary table stays in step ---------------------------------------------------------
def test_summary_follows_updates_and_deletes(store: Store) -> None:
    pid = person(store, circle="friends")
    iid = log(store, pid, "in-person", days_ago(10))
    log(store, pid, "email", days_ago(100))
    assert pid not in flagged(store)
    store.update_interaction(iid, status=Status.CANCELLED.value)
    assert flagged(store)[pid].kind is rc.Kind.GONE_QUIET
    store.update_interaction(iid, status="done", channel="email")
    assert flagged(store)[pid].kind is rc.Kind.DIGITAL_ONLY
    store.delete_interaction(iid)
    assert flagged(store)[pid].last_contact == days_ago(100)
    other = person(store, "Ben")
    moved = log(store, pid, "phone", days_ago(1))
    with store.atomic():  # the call was Ben's after all: its participant row changes hands
        store.conn.execute("DELETE FROM participant WHERE interaction_id = ?", [moved])
        store.conn.execute("INSERT INTO participant(interaction_id, person_id, occurred_on, mode, status) "
                           "VALUES (?, ?, ?, 'voice', 'done')", [moved, other, days_ago(1).isoformat()])
    assert flagged(store)[pid].last_rich_contact is None
    before = reconnect_store.contact_summary_rows(store)
    reconnect_store.rebuild_contact_summary(store)
    assert reconnect_store.contact_summary_rows(store) == before


def test_summary_median_matches_model(store: Store) -> None:
    pid = person(store)
    offsets = [3, 10, 24, 31, 60, 61, 90, 200, 201, 202, 500]
    for n in offsets:
        log(store, pid, "in-person" if n % 2 else "video", days_ago(n))
    log(store, pid, "phone", days_ago(10))  # the same day twice counts once
    (row,) = [r for r in reconnect_store.contact_summaries(store, TODAY) if r.person_id == pid]
    recent = sorted({days_ago(n) for n in offsets}, reverse=True)[: reconnect_store.RHYTHM_SAMPLE]
    assert row.rich_median == rc.median_gap(recent)
    # As of an earlier day the seek path computes the same median from the days before it.
    (then,) = reconnect_store.contact_summaries(store, days_ago(60))
    older = sorted({days_ago(n) for n in offsets if n >= 60}, reverse=True)[: reconnect_store.RHYTHM_SAMPLE]
    assert then.rich_median == rc.median_gap(older)


@pytest.mark.parametrize("setting", [None, {}, {"friends": {"rich": 0}}, {"x": {"rich": "a"}}, [1, 2]])
def test_bad_cadence_settings_fall_back(setting: object) -> None:
    assert rc.circle_cadences(setting) == rc.CIRCLE_CADENCES


def test_words() -> None:
    assert rc.ago_words(214) == "7 months ago"
    assert rc.ago_words(1) == "yesterday"
    assert rc.ago_words(20) == "2 weeks ago"
    assert rc.every_words(21) == "every 3 weeks"
    assert rc.every_words(365) == "every year"
    assert rc.written_words(3, False, {rc.Channel.EMAIL: 3}) == "3 emails"
    assert rc.written_words(1, False, {rc.Channel.TEXT: 1}) == "1 text"
    assert rc.written_words(100, True, {rc.Channel.EMAIL: 20}) == "100+ written messages (mostly emails)"
    assert rc.written_words(30, False, {rc.Channel.EMAIL: 20}) == "30 written messages"


# -- follow-ups ------------------------------------------------------------------------------
def test_followups(store: Store) -> None:
    ana = person(store, "Ana")
    recent = log(store, ana, "in-person", days_ago(2), note="coffee")
    log(store, ana, "in-person", days_ago(9))
    log(store, ana, "video", days_ago(1))
    log(store, ana, "in-person", days_ago(1), status="planned")
    assert [i.id for i in reconnect_store.pending_followups(store, TODAY, rc.FOLLOWUP_WINDOW)] == [recent]
    text = rc.followup_text(reconnect_store.pending_followups(store, TODAY, rc.FOLLOWUP_WINDOW)[0], TODAY)
    assert text == "Send Ana a thank-you note for “coffee” on 18 Nov."
    reconnect_store.decide_followup(store, recent, "done")
    assert reconnect_store.pending_followups(store, TODAY, rc.FOLLOWUP_WINDOW) == []
    reconnect_store.undo_followup(store, recent)
    assert len(reconnect_store.pending_followups(store, TODAY, rc.FOLLOWUP_WINDOW)) == 1
    # Follow-ups are a separate list: never reconnect rows.
    assert ana not in flagged(store)


def test_ranking_pass_matches_assessing_everyone_at_every_edge(store: Store) -> None:
    """Day by day around every cadence: the one-pass ranking agrees with assess() on everyone."""
    circles = rc.circle_cadences(None)
    people = []
    for n, circle in enumerate((None, "family", "close", "friends", "clients", "acquaintances", "book club")):
        for ago in range(0, 400, 3):
            rich = person(store, f"R{n}-{ago}", circle=circle)
            log(store, rich, "video" if ago % 2 else "in-person", days_ago(ago + n % 3))
            log(store, rich, "email", days_ago(ago // 2))
            written = person(store, f"W{n}-{ago}", circle=circle, written_ok=bool(ago % 5 == 0))
            log(store, written, "text", days_ago(ago + 1))
            people.append(rich)
    rhythm = person(store, "Rhythm", circle="friends")
    for k in range(5):
        log(store, rhythm, "phone", days_ago(20 + 9 * k))
    planned = person(store, "Planned", circle="close")
    log(store, planned, "in-person", days_ago(90))
    log(store, planned, "in-person", TODAY, status="planned")
    own = person(store, "Own", cadence_rich_days=7, cadence_any_days=3)
    log(store, own, "text", days_ago(5))
    for day in (TODAY, days_ago(30), TODAY + dt.timedelta(days=1)):
        fast = rc.rank_fast(store, day, circles)
        assert fast is not None
        assert fast == rc.rank_plain(store, day, circles)
        assert rc.rank_fast(store, day, circles, limit=50) == rc.rank_plain(store, day, circles, limit=50)
    assert planned in {a.summary.person_id for a in rc.rank_plain(store, TODAY, circles)[0] if a.planned}
