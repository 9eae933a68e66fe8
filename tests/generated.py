"""A generated journal shared by the tests that need a realistic one (the helpers, the ranking):
`relj demo` with 400 people and 20,000 interactions, rhythms and moments, whose history ends on
DAY whatever today is. Built once a session (tests/conftest.py: generated_journal)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

DAY = dt.date(2026, 11, 24)


def build(path: Path, *, people: int = 400, interactions: int = 20_000, seed: int = 3) -> Path:
    from relj.demo import build_demo
    from relj.store import Store

    store = Store.open(path)
    with pytest.MonkeyPatch.context() as mp:  # the history ends on DAY, whatever today is
        mp.setenv("RELJ_TODAY", DAY.isoformat())
        build_demo(store, people=people, interactions=interactions, seed=seed)
    store.close()
    return path
