"""The JSON import's checks (relj.interop.jsonio) on damaged and hostile documents, under the hang
guard and memory cap: whatever a file holds, reading it either refuses it with a UserError or
gives a document that restores cleanly; nothing else (found by an audit: ValueError,
OverflowError, ProgrammingError and IntegrityError, each an exit 70)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.interop.guard import run_guarded
from tests.interop.json_documents import document

#: Damaged documents tried per run: about 5 ms each (20 ms for one accepted: a fresh journal).
ROUNDS = 600


def test_random_damage_is_refused_or_restored_never_a_crash(tmp_path: Path) -> None:
    """Each round replaces, drops or duplicates one to three fields of a valid export. A file that
    is refused writes nothing; one that is accepted restores, passes the journal's check and
    exports again."""
    result = run_guarded(
        f"""
        import json, random, traceback
        from pathlib import Path
        from relj.errors import UserError
        from relj.interop import jsonio
        from relj.store import Store
        from tests.interop.json_documents import damage, document

        tmp = Path({str(tmp_path)!r})
        rng = random.Random(20261205)
        problems, refused, restored = [], 0, 0
        for n in range({ROUNDS}):
            doc = damage(document(), rng)
            path = tmp / "damaged.json"
            path.write_text(json.dumps(doc), encoding="utf-8")
            try:
                read = jsonio.read_document(path)
            except UserError as exc:
                refused += 1
                if "\\n" in str(exc):
                    problems.append(f"round {{n}}: two lines: {{exc}}")
                continue
            except Exception as exc:
                problems.append(f"round {{n}}: reading: {{type(exc).__name__}}: {{exc}}")
                continue
            store = Store.open(tmp / f"j{{n}}.db")
            try:
                jsonio.restore(store, read)
                assert store.check() == [], store.check()
                store.export_data()
                restored += 1
            except Exception as exc:
                problems.append(f"round {{n}}: restoring: {{type(exc).__name__}}: {{exc}} {{json.dumps(doc)[:2000]}}")
            finally:
                store.close()
        print(json.dumps({{"problems": problems, "refused": refused, "restored": restored}}))
        """,
        timeout=300,
    )
    assert result["problems"] == []
    # Both ways are exercised: most damage is refused, some (a field relj ignores, a value that
    # is still valid) restores.
    assert result["refused"] > ROUNDS // 2 and result["restored"] > ROUNDS // 20, result


def test_a_million_digit_integer_is_never_converted(tmp_path: Path) -> None:
    """Python refuses to convert more than 4,300 digits, and the work grows with the square of
    the length: such a number is kept as text and refused by the field's check, in linear time."""
    path = tmp_path / "huge.json"
    text = json.dumps(document()).replace('"duration_min": 20', '"duration_min": -' + "7" * 1_000_000, 1)
    path.write_text(text)
    message = run_guarded(
        f"""
        import json
        from pathlib import Path
        from relj.errors import UserError
        from relj.interop.jsonio import read_document
        try:
            read_document(Path({str(path)!r}))
        except UserError as exc:
            print(json.dumps(str(exc)))
        """,
        timeout=30,
    )
    assert message == (
        f"{path}: interaction #1: duration_min must be a whole number of minutes (0..100000) or null, "
        "not a 1000000-digit number"
    )


def test_a_long_duration_from_a_phone_is_dropped_so_the_export_imports_again() -> None:
    """The JSON import accepts 0..100000 minutes; the file importers keep no longer duration (an
    Android call of 10^20 seconds), so every journal relj writes restores from its export."""
    import datetime as dt

    from relj.domain import Channel
    from relj.interop.records import MAX_DURATION_MIN, EventRecord

    def record(minutes: int) -> EventRecord:
        return EventRecord("call 1", "calls", "k", dt.date(2026, 1, 1), Channel.PHONE, [], duration_min=minutes)

    assert record(MAX_DURATION_MIN).duration_min == MAX_DURATION_MIN
    assert record(0).duration_min == 0
    assert record(MAX_DURATION_MIN + 1).duration_min is None
    assert record(10**20 // 60).duration_min is None
    assert record(-5).duration_min is None
