"""The real files of ../shared/corpus as sources: a read gives what `relj import` gives, a second adds nothing.

Then a copy of each corpus mbox grows by one message, and only that message is read.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from relj.interop.engine import ImportOptions, open_records, run_import
from relj.ops import sources as source_ops
from relj.sources.sync import sync_sources
from relj.store import Store
from tests.sources.helpers import ME, append, message

pytestmark = pytest.mark.corpus

KINDS = {".mbox": "mbox", ".ics": "ics", ".vcs": "ics", ".vcf": "vcard", ".eml": "eml", ".csv": "csv"}
FOLDERS = ("email", "ics", "vcard", "csv", "copyleft")
CONTACTS = ("vcard", "csv")


@pytest.fixture
def fresh(tmp_path: Path) -> Callable[[], Store]:
    template = tmp_path / "template.db"
    made = Store.open(template)
    made.update_owner(add_emails=[ME])  # the messages this test appends are to me
    made.close()
    count = 0

    def make() -> Store:
        nonlocal count
        count += 1
        target = tmp_path / f"j{count}.db"
        shutil.copyfile(template, target)  # a closed journal: a plain copy is whole
        return Store.open(target)

    return make


def _files(corpus: Path) -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (corpus / folder).glob("*") if p.suffix in KINDS)


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_corpus_file_read_as_a_source_gives_what_its_import_gives(
    corpus: Path, fresh: Callable[[], Store], folder: str
) -> None:
    for path in (p for p in _files(corpus) if p.parent.name == folder):
        kind = KINDS[path.suffix]
        options = {} if kind in CONTACTS else {"create_people": True}
        imported = fresh()
        try:
            summary = run_import(imported, open_records(kind, path, imported),
                                 ImportOptions(fmt=kind, file_name=path.name, skip_bad=True, **options))
            expected: tuple[int, int] | None = (summary.people_added, summary.interactions_added)
        except Exception:  # refused by the import (it says why): the source says so too
            expected = None
        finally:
            imported.close()
        store = fresh()
        try:
            source_ops.add_source(store, kind, path, options)
            [first] = sync_sources(store)
            if expected is None:
                assert first.error is not None and first.added == (0, 0), path.name
                assert "\n" not in first.error
            else:
                assert first.added == expected and first.error is None, path.name
            [second] = sync_sources(store)
            assert second.added == (0, 0) and second.import_id is None, path.name
        finally:
            store.close()


def test_a_corpus_mbox_that_grows_adds_only_the_new_message(
    corpus: Path, fresh: Callable[[], Store], tmp_path: Path
) -> None:
    boxes = [p for p in _files(corpus) if p.suffix == ".mbox"]
    assert boxes
    for n, original in enumerate(boxes):
        copy = tmp_path / f"box{n}.mbox"
        shutil.copyfile(original, copy)
        store = fresh()
        try:
            source_ops.add_source(store, "mbox", copy, {"create_people": True})
            [first] = sync_sources(store)
            assert first.error is None, original.name
            data = copy.read_bytes()
            append(copy, ("\n" if not data.endswith(b"\n") else "") + message(10_000 + n, "newcomer@example.org"))
            [second] = sync_sources(store)
            assert second.added == (1, 1), original.name
        finally:
            store.close()
