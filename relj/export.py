"""Exporting the whole journal as one relj JSON document: the one way the CLI and the GUI build it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from relj import db as dbmod
from relj.interop import jsonio
from relj.store import Store


def journal_document(store: Store) -> dict[str, Any]:
    """The whole journal as a relj JSON document (docs/json-format.md): meta, then every list."""
    source = str(Path(store.path).resolve()) if store.path else ""
    return jsonio.build_document(store.export_data(), source=source, schema=dbmod.applied_migrations(store.conn))


def write_journal_json(store: Store, path: Path) -> dict[str, Any]:
    """Write the journal's document to ``path`` (atomically, mode 0600); returns the document written."""
    document = journal_document(store)
    jsonio.write_private(Path(path), jsonio.dumps(document))
    return document
