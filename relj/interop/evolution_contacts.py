"""Evolution's address book (``~/.local/share/evolution/addressbook/system/contacts.db``) in, as people.

The book is an SQLite file (evolution-data-server's EBookSqlite) read from a private copy
(:mod:`relj.store.foreign`), never written. Its contacts table (named by ``folders.folder_id``,
``folder_id`` by default) keeps each contact's whole vCard in the ``vcard`` column; each one goes
through relj's vCard reader (:func:`relj.interop.vcard.parse_vcard_text`), so a contact from the
book is exactly what the same card in a .vcf file would be. Contact lists (``is_list``, or
``X-EVOLUTION-LIST:TRUE``) are not people and are skipped; a row without a vCard (a book that
keeps only a summary) is skipped too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

from relj.interop.records import BadRecord, ContactRecord, SkippedRecord
from relj.interop.vcard import parse_vcard_text
from relj.store.foreign import EDS_WHAT, check_sqlite_file, evolution_cards

__all__ = ["parse_evolution_contacts"]

log = logging.getLogger(__name__)

EvolutionRecord = ContactRecord | BadRecord | SkippedRecord
_LIST = re.compile(r"(?im)^X-EVOLUTION-LIST[;:][^\r\n]*TRUE\s*$")


def _records(path: Path) -> Iterator[EvolutionRecord]:
    read = skipped = 0
    for number, card in enumerate(evolution_cards(path), 1):
        where = f"contact {number}"
        if card.is_list or (card.vcard is not None and _LIST.search(card.vcard)):
            skipped += 1
            yield SkippedRecord(where, "contact list")
            continue
        if card.vcard is None or not card.vcard.strip():
            skipped += 1
            yield SkippedRecord(where, "no vCard")
            continue
        read += 1
        yield from parse_vcard_text(card.vcard.encode("utf-8", "replace"), where)
    log.info("evolution address book read: %d contacts, %d skipped", read, skipped)


def parse_evolution_contacts(path: Path) -> Iterator[EvolutionRecord]:
    """Read an Evolution address book: one record per contact (see the module docstring).

    Raises:
        UserError: the file is missing, not an SQLite database, or not an Evolution address book
            (the first two at once, the last when the records are read).
    """
    path = Path(path)
    check_sqlite_file(path, EDS_WHAT)
    return _records(path)
