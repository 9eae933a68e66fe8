"""Rhythms the user commits to, and the moments of a person's life (issue 16).

* ``rhythm``: a named commitment ("Sunday dinner") with a rule (``month``, ``2 weeks``,
  ``first sunday``...; relj.rhythms reads it), a channel, an optional time and a start date.
* ``rhythm_member``: the people a rhythm is with (one or more).
* ``moment``: a dated event in a person's life (a move, a new job, a baby...), optionally yearly.

Rhythm occurrences are computed from the rule, never stored: they are not plans.

Frozen as shipped: never edit this text. A change to the schema is a new migration."""

NAME = "0006_rhythms_moments"

SQL = """
        CREATE TABLE rhythm (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
            rule TEXT NOT NULL CHECK (length(trim(rule)) > 0),
            channel TEXT NOT NULL
                CHECK (channel IN ('in-person', 'video', 'phone', 'text', 'email', 'letter', 'social')),
            time TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
            start_on TEXT NOT NULL CHECK (start_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            created_at TEXT NOT NULL
        );
        CREATE TABLE rhythm_member (
            rhythm_id INTEGER NOT NULL REFERENCES rhythm(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            PRIMARY KEY (rhythm_id, person_id)
        ) WITHOUT ROWID;
        CREATE INDEX rhythm_member_person ON rhythm_member(person_id, rhythm_id);

        CREATE TABLE moment (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            occurred_on TEXT NOT NULL CHECK (occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            text TEXT NOT NULL CHECK (length(trim(text)) > 0),
            kind TEXT NOT NULL DEFAULT 'other'
                CHECK (kind IN ('move', 'job', 'baby', 'wedding', 'loss', 'health', 'exam', 'other')),
            yearly INTEGER NOT NULL DEFAULT 0 CHECK (yearly IN (0, 1)),
            created_at TEXT NOT NULL
        );
        CREATE INDEX moment_person ON moment(person_id, occurred_on);
        -- Recent moments for Reconnect and the agenda's yearly ones: range seeks on the day.
        CREATE INDEX moment_day ON moment(occurred_on);
        CREATE INDEX moment_yearly ON moment(substr(occurred_on, 6), id) WHERE yearly = 1;
        """
