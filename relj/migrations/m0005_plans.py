"""Plans, talking points, how a meeting felt, and each person's preferences (issue 15).

* ``interaction.planned_on``: the day a plan was for. Set on every planned interaction (a trigger
  fills it for inserters that do not know it, such as calendar imports) and kept when the plan
  becomes done, so "this meeting was planned" survives: planned calls get a thank-you follow-up.
* ``interaction.felt``: how it went, 1 (draining) to 5 (wonderful), or NULL.
* ``person.prefers`` (a channel) and ``person.best_time`` (free text, "evenings").
* ``talking_point``: what to bring up next time, open until an interaction covers it.

Frozen as shipped: never edit this text. A change to the schema is a new migration."""

NAME = "0005_plans"

SQL = """
        ALTER TABLE interaction ADD COLUMN planned_on TEXT
            CHECK (planned_on IS NULL OR planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
        ALTER TABLE interaction ADD COLUMN felt INTEGER CHECK (felt IS NULL OR felt BETWEEN 1 AND 5);
        UPDATE interaction SET planned_on = occurred_on WHERE status IN ('planned', 'cancelled');
        CREATE TRIGGER interaction_planned_on AFTER INSERT ON interaction
            WHEN NEW.status = 'planned' AND NEW.planned_on IS NULL BEGIN
            UPDATE interaction SET planned_on = NEW.occurred_on WHERE id = NEW.id;
        END;
        -- Open plans, soonest first (relj plans, the passed-plans section); every plan ever made.
        CREATE INDEX interaction_planned ON interaction(occurred_on, id) WHERE status = 'planned';
        CREATE INDEX interaction_was_planned ON interaction(planned_on) WHERE planned_on IS NOT NULL;
        -- Planned calls that took place, for the thank-you list (in-person ones use 0003's index).
        CREATE INDEX interaction_followup_planned ON interaction(occurred_on DESC, id DESC)
            WHERE status = 'done' AND planned_on IS NOT NULL AND channel IN ('video', 'phone');

        ALTER TABLE person ADD COLUMN prefers TEXT
            CHECK (prefers IS NULL OR prefers IN ('in-person', 'video', 'phone', 'text', 'email', 'letter', 'social'));
        ALTER TABLE person ADD COLUMN best_time TEXT
            CHECK (best_time IS NULL OR length(trim(best_time)) > 0);

        CREATE TABLE talking_point (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            text TEXT NOT NULL CHECK (length(trim(text)) > 0),
            created_on TEXT NOT NULL CHECK (created_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            covered_on TEXT CHECK (covered_on IS NULL OR covered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            covered_by INTEGER REFERENCES interaction(id) ON DELETE SET NULL
        );
        CREATE INDEX talking_point_person ON talking_point(person_id, id);
        CREATE INDEX talking_point_open ON talking_point(person_id) WHERE covered_on IS NULL;
        CREATE INDEX talking_point_covered_by ON talking_point(covered_by) WHERE covered_by IS NOT NULL;
        """
