"""A trash for deleted people, kept 30 days: the CLI's `person delete` can be taken back.

Each row holds the snapshot that puts the person back (their details, the interactions only
they took part in, their relationships), as JSON.

Frozen as shipped: never edit this text. A change to the schema is a new migration."""

NAME = "0004_trash"

SQL = """
        CREATE TABLE trash (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('person')),
            item_id INTEGER NOT NULL,
            label TEXT NOT NULL,
            snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
            deleted_at TEXT NOT NULL
        );
        CREATE INDEX trash_deleted ON trash(deleted_at);
        """
