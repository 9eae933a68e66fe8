"""The first schema: people, contact points, interests, interactions, participants, search.

Frozen as shipped: never edit this text. A change to the schema is a new migration."""

NAME = "0001_initial"

SQL = """
        CREATE TABLE person (
            id INTEGER PRIMARY KEY,
            display_name TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
            given_name TEXT NOT NULL DEFAULT '',
            family_name TEXT NOT NULL DEFAULT '',
            nickname TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            how_met TEXT NOT NULL DEFAULT '',
            birthday TEXT CHECK (birthday IS NULL OR birthday GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                                 OR birthday GLOB '--[0-9][0-9]-[0-9][0-9]'),
            notes TEXT NOT NULL DEFAULT '',
            circle TEXT,
            tracked INTEGER NOT NULL DEFAULT 1 CHECK (tracked IN (0, 1)),
            cadence_rich_days INTEGER CHECK (cadence_rich_days IS NULL OR cadence_rich_days > 0),
            cadence_any_days INTEGER CHECK (cadence_any_days IS NULL OR cadence_any_days > 0),
            paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
            written_ok INTEGER NOT NULL DEFAULT 0 CHECK (written_ok IN (0, 1)),
            snoozed_until TEXT,
            import_id INTEGER REFERENCES import_run(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX person_name ON person(display_name COLLATE NOCASE);
        CREATE INDEX person_circle ON person(circle);

        CREATE TABLE contact_point (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'address', 'url')),
            value TEXT NOT NULL CHECK (length(trim(value)) > 0),
            value_norm TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            import_id INTEGER REFERENCES import_run(id) ON DELETE SET NULL
        );
        -- Emails are unique in the journal, matched case-insensitively.
        CREATE UNIQUE INDEX contact_point_email ON contact_point(value_norm) WHERE kind = 'email';
        CREATE INDEX contact_point_lookup ON contact_point(kind, value_norm);
        CREATE INDEX contact_point_person ON contact_point(person_id);

        CREATE TABLE interest (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0)
        );
        CREATE TABLE person_interest (
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            interest_id INTEGER NOT NULL REFERENCES interest(id) ON DELETE CASCADE,
            import_id INTEGER REFERENCES import_run(id) ON DELETE SET NULL,
            PRIMARY KEY (person_id, interest_id)
        ) WITHOUT ROWID;
        CREATE INDEX person_interest_interest ON person_interest(interest_id, person_id);

        CREATE TABLE owner (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL DEFAULT '',
            region TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE owner_email (
            email_norm TEXT PRIMARY KEY,
            email TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE owner_interest (
            interest_id INTEGER PRIMARY KEY REFERENCES interest(id) ON DELETE CASCADE
        );

        CREATE TABLE interaction (
            id INTEGER PRIMARY KEY,
            occurred_on TEXT NOT NULL CHECK (occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            occurred_time TEXT CHECK (occurred_time IS NULL OR occurred_time GLOB '[0-2][0-9]:[0-5][0-9]'),
            channel TEXT NOT NULL
                CHECK (channel IN ('in-person', 'video', 'phone', 'text', 'email', 'letter', 'social')),
            mode TEXT GENERATED ALWAYS AS (
                CASE channel WHEN 'in-person' THEN 'together'
                             WHEN 'video' THEN 'voice' WHEN 'phone' THEN 'voice'
                             ELSE 'written' END) VIRTUAL,
            initiator TEXT NOT NULL DEFAULT 'unknown' CHECK (initiator IN ('me', 'them', 'unknown')),
            duration_min INTEGER CHECK (duration_min IS NULL OR duration_min >= 0),
            place TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'planned', 'cancelled')),
            source TEXT NOT NULL DEFAULT 'manual',
            source_key TEXT,
            import_id INTEGER REFERENCES import_run(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        -- A re-import never duplicates: one row per (source, source_key).
        CREATE UNIQUE INDEX interaction_source ON interaction(source, source_key)
            WHERE source_key IS NOT NULL;
        CREATE INDEX interaction_date ON interaction(occurred_on DESC, id DESC);
        CREATE INDEX interaction_import ON interaction(import_id) WHERE import_id IS NOT NULL;

        -- Participants carry a copy of the interaction's date, mode and status, kept in step by
        -- the triggers below, so that "last contact of each mode for each person" is an index
        -- seek on participant_last rather than a join and a scan.
        CREATE TABLE participant (
            interaction_id INTEGER NOT NULL REFERENCES interaction(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            occurred_on TEXT NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('together', 'voice', 'written')),
            status TEXT NOT NULL CHECK (status IN ('done', 'planned', 'cancelled')),
            PRIMARY KEY (interaction_id, person_id)
        ) WITHOUT ROWID;
        CREATE INDEX participant_last ON participant(person_id, status, mode, occurred_on);
        CREATE TRIGGER interaction_sync_participant AFTER UPDATE OF occurred_on, channel, status
            ON interaction BEGIN
            UPDATE participant SET occurred_on = NEW.occurred_on, mode = NEW.mode, status = NEW.status
            WHERE interaction_id = NEW.id;
        END;

        CREATE TABLE relationship (
            id INTEGER PRIMARY KEY,
            person_a INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            person_b INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('partner', 'family', 'parent', 'child', 'sibling',
                'friend', 'colleague', 'manager', 'client', 'introduced-by', 'other')),
            note TEXT NOT NULL DEFAULT '',
            CHECK (person_a <> person_b),
            UNIQUE (person_a, person_b, kind)
        );
        CREATE INDEX relationship_b ON relationship(person_b);

        -- Follow-ups ("send a thank-you note") are computed; this records the user's decision.
        CREATE TABLE followup (
            interaction_id INTEGER PRIMARY KEY REFERENCES interaction(id) ON DELETE CASCADE,
            state TEXT NOT NULL CHECK (state IN ('done', 'dismissed')),
            decided_at TEXT NOT NULL
        );

        CREATE TABLE import_run (
            id INTEGER PRIMARY KEY,
            format TEXT NOT NULL,
            file_name TEXT NOT NULL,
            started_at TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(summary)),
            undone_at TEXT
        );

        -- Journal settings that travel with the journal (cadences, backup policy). JSON values.
        CREATE TABLE setting (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL CHECK (json_valid(value))
        ) WITHOUT ROWID;

        CREATE VIRTUAL TABLE person_fts USING fts5(
            name, emails, organisation, notes, interests,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE VIRTUAL TABLE interaction_fts USING fts5(
            note, place, content = 'interaction', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER interaction_fts_ai AFTER INSERT ON interaction
            WHEN NEW.note <> '' OR NEW.place <> '' BEGIN
            INSERT INTO interaction_fts(rowid, note, place) VALUES (NEW.id, NEW.note, NEW.place);
        END;
        CREATE TRIGGER interaction_fts_ad AFTER DELETE ON interaction
            WHEN OLD.note <> '' OR OLD.place <> '' BEGIN
            INSERT INTO interaction_fts(interaction_fts, rowid, note, place)
                VALUES ('delete', OLD.id, OLD.note, OLD.place);
        END;
        CREATE TRIGGER interaction_fts_au AFTER UPDATE OF note, place ON interaction BEGIN
            INSERT INTO interaction_fts(interaction_fts, rowid, note, place)
                SELECT 'delete', OLD.id, OLD.note, OLD.place WHERE OLD.note <> '' OR OLD.place <> '';
            INSERT INTO interaction_fts(rowid, note, place)
                SELECT NEW.id, NEW.note, NEW.place WHERE NEW.note <> '' OR NEW.place <> '';
        END;
        """
