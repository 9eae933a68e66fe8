"""Sources (issue 17): files and folders that relj re-reads by itself, and how far it has read them.

* ``source``: one mbox, Maildir, .ics, vCard, phone inbox... with the options of its import
  (JSON), whether it is read, when it was last read, what that read added and the import it
  made, and the one sentence that says why it could not be read (NULL when it could).
* ``source_file``: what a source's read has seen, so that the next read only reads what is new.
  One row per file: ``name`` is '' for a source that is one file, the file's name inside a
  folder (a phone inbox), or a message's unique name (a Maildir). ``size`` and ``mtime_ns``
  say whether it changed since; ``resume_at`` is the byte where the next read starts (the end of the last
  complete record); ``state`` holds fingerprints (hashes of the first and of the last-read
  bytes) and what the file was recognised as.

Sources belong to this computer (their paths): ``export json`` leaves them out.

Frozen as shipped: never edit this text. A change to the schema is a new migration."""

NAME = "0007_sources"

SQL = """
        CREATE TABLE source (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (length(kind) > 0),
            path TEXT NOT NULL CHECK (length(path) > 0),
            options TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
            enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
            created_at TEXT NOT NULL,
            last_read TEXT,
            last_people INTEGER NOT NULL DEFAULT 0 CHECK (last_people >= 0),
            last_interactions INTEGER NOT NULL DEFAULT 0 CHECK (last_interactions >= 0),
            last_import INTEGER REFERENCES import_run(id) ON DELETE SET NULL,
            error TEXT CHECK (error IS NULL OR length(error) > 0),
            UNIQUE (kind, path)
        );
        CREATE INDEX source_last_import ON source(last_import) WHERE last_import IS NOT NULL;

        CREATE TABLE source_file (
            source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            size INTEGER NOT NULL DEFAULT -1,
            mtime_ns INTEGER NOT NULL DEFAULT -1,
            resume_at INTEGER NOT NULL DEFAULT 0 CHECK (resume_at >= 0),
            state TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(state)),
            PRIMARY KEY (source_id, name)
        ) WITHOUT ROWID;
        """
