"""The Store class: one journal file, assembled from the mixins of relj.store (the only package that speaks SQL)."""

from __future__ import annotations

from relj.store.lookup import LookupMixin
from relj.store.merge import MergeMixin
from relj.store.people_table import PeopleTableMixin
from relj.store.resolve import ResolveMixin
from relj.store.search import SearchMixin
from relj.store.sources import SourcesMixin


class Store(MergeMixin, ResolveMixin, SearchMixin, PeopleTableMixin, LookupMixin, SourcesMixin):
    """A journal opened on one SQLite file. Every write runs inside ``atomic()``.

    Returns domain objects, never raw rows. Its parts: base (connection, transactions,
    settings), people, owner (and interests), interactions (and the timeline), transfer (JSON,
    undo snapshots), merge, resolve (WHO), search (and check), people_table (the People view)
    and lookup (type-ahead).
    """
