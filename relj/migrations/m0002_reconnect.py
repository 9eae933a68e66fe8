# ruff: noqa: W293 - the SQL text is byte-identical to what 0002 wrote into journals

"""A per-person contact summary kept by triggers, so Reconnect reads one row per person.

Without it, Reconnect needs about ten index seeks per person (70-110 ms for 10,000 people);
with it, one sequential read. The triggers hold the recompute SQL written out in full: it is
not generated from code the runtime uses, so no later change can alter what this step does.

Frozen as shipped: never edit this text. A change to the schema is a new migration."""

NAME = "0002_reconnect"

SQL = """
        CREATE TABLE contact_summary (
            person_id INTEGER PRIMARY KEY,
            last_together TEXT,
            last_voice TEXT,
            last_written TEXT,
            first_written TEXT,
            -- The 9 most recent distinct days of done rich contact, newest first (a JSON array),
            -- and the median gap between them in days (NULL with fewer than 3).
            rich_days TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(rich_days)),
            rich_median REAL,
            -- The latest planned rich meeting (together or voice), whether past or future.
            planned_last TEXT
        );
        INSERT INTO contact_summary(person_id) SELECT DISTINCT person_id FROM participant;
        
        UPDATE contact_summary SET
            last_together = (SELECT max(occurred_on) FROM participant WHERE person_id = contact_summary.person_id AND status = 'done' AND mode = 'together'),
            last_voice = (SELECT max(occurred_on) FROM participant WHERE person_id = contact_summary.person_id AND status = 'done' AND mode = 'voice'),
            last_written = (SELECT max(occurred_on) FROM participant WHERE person_id = contact_summary.person_id AND status = 'done' AND mode = 'written'),
            first_written = (SELECT min(occurred_on) FROM participant WHERE person_id = contact_summary.person_id AND status = 'done' AND mode = 'written'),
            rich_days = coalesce((SELECT json_group_array(d) FROM
                (SELECT d FROM (SELECT d FROM (SELECT DISTINCT occurred_on AS d FROM participant WHERE person_id = contact_summary.person_id AND status = 'done' AND mode = 'together' ORDER BY d DESC LIMIT 9) UNION SELECT d FROM (SELECT DISTINCT occurred_on AS d FROM participant WHERE person_id = contact_summary.person_id AND status = 'done' AND mode = 'voice' ORDER BY d DESC LIMIT 9)) ORDER BY d DESC LIMIT 9)), '[]'),
            planned_last = nullif(max(coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = contact_summary.person_id AND status = 'planned' AND mode = 'together'), ''),
                                      coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = contact_summary.person_id AND status = 'planned' AND mode = 'voice'), '')), '')
        WHERE 1;
        
        UPDATE contact_summary SET rich_median = CASE WHEN json_array_length(rich_days) >= 3 THEN (
            SELECT avg(g) FROM (
                SELECT g, row_number() OVER (ORDER BY g) AS rn, count(*) OVER () AS n FROM (
                    SELECT julianday(x.value) - julianday(y.value) AS g
                    FROM json_each(contact_summary.rich_days) x
                    JOIN json_each(contact_summary.rich_days) y ON y.key = x.key + 1))
            WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) END
        WHERE 1;

        CREATE TRIGGER contact_summary_person_ad AFTER DELETE ON person BEGIN
            DELETE FROM contact_summary WHERE person_id = OLD.id;
        END;
        -- Inserts (the common case: logging, imports) update the row incrementally.
        CREATE TRIGGER contact_summary_ai AFTER INSERT ON participant BEGIN
            INSERT OR IGNORE INTO contact_summary(person_id) VALUES (NEW.person_id);
            UPDATE contact_summary SET
                last_together = CASE WHEN NEW.status = 'done' AND NEW.mode = 'together'
                    AND (last_together IS NULL OR NEW.occurred_on > last_together)
                    THEN NEW.occurred_on ELSE last_together END,
                last_voice = CASE WHEN NEW.status = 'done' AND NEW.mode = 'voice'
                    AND (last_voice IS NULL OR NEW.occurred_on > last_voice)
                    THEN NEW.occurred_on ELSE last_voice END,
                last_written = CASE WHEN NEW.status = 'done' AND NEW.mode = 'written'
                    AND (last_written IS NULL OR NEW.occurred_on > last_written)
                    THEN NEW.occurred_on ELSE last_written END,
                first_written = CASE WHEN NEW.status = 'done' AND NEW.mode = 'written'
                    AND (first_written IS NULL OR NEW.occurred_on < first_written)
                    THEN NEW.occurred_on ELSE first_written END,
                planned_last = CASE WHEN NEW.status = 'planned' AND NEW.mode <> 'written'
                    AND (planned_last IS NULL OR NEW.occurred_on > planned_last)
                    THEN NEW.occurred_on ELSE planned_last END
            WHERE person_id = NEW.person_id;
            
        UPDATE contact_summary SET
            last_together = (SELECT max(occurred_on) FROM participant WHERE person_id = NEW.person_id AND status = 'done' AND mode = 'together'),
            last_voice = (SELECT max(occurred_on) FROM participant WHERE person_id = NEW.person_id AND status = 'done' AND mode = 'voice'),
            last_written = (SELECT max(occurred_on) FROM participant WHERE person_id = NEW.person_id AND status = 'done' AND mode = 'written'),
            first_written = (SELECT min(occurred_on) FROM participant WHERE person_id = NEW.person_id AND status = 'done' AND mode = 'written'),
            rich_days = coalesce((SELECT json_group_array(d) FROM
                (SELECT d FROM (SELECT d FROM (SELECT DISTINCT occurred_on AS d FROM participant WHERE person_id = NEW.person_id AND status = 'done' AND mode = 'together' ORDER BY d DESC LIMIT 9) UNION SELECT d FROM (SELECT DISTINCT occurred_on AS d FROM participant WHERE person_id = NEW.person_id AND status = 'done' AND mode = 'voice' ORDER BY d DESC LIMIT 9)) ORDER BY d DESC LIMIT 9)), '[]'),
            planned_last = nullif(max(coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = NEW.person_id AND status = 'planned' AND mode = 'together'), ''),
                                      coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = NEW.person_id AND status = 'planned' AND mode = 'voice'), '')), '')
        WHERE person_id = NEW.person_id AND NEW.status = 'done' AND NEW.mode <> 'written';
        
        UPDATE contact_summary SET rich_median = CASE WHEN json_array_length(rich_days) >= 3 THEN (
            SELECT avg(g) FROM (
                SELECT g, row_number() OVER (ORDER BY g) AS rn, count(*) OVER () AS n FROM (
                    SELECT julianday(x.value) - julianday(y.value) AS g
                    FROM json_each(contact_summary.rich_days) x
                    JOIN json_each(contact_summary.rich_days) y ON y.key = x.key + 1))
            WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) END
        WHERE person_id = NEW.person_id AND NEW.status = 'done' AND NEW.mode <> 'written';
        END;
        CREATE TRIGGER contact_summary_ad AFTER DELETE ON participant BEGIN
            
        UPDATE contact_summary SET
            last_together = (SELECT max(occurred_on) FROM participant WHERE person_id = OLD.person_id AND status = 'done' AND mode = 'together'),
            last_voice = (SELECT max(occurred_on) FROM participant WHERE person_id = OLD.person_id AND status = 'done' AND mode = 'voice'),
            last_written = (SELECT max(occurred_on) FROM participant WHERE person_id = OLD.person_id AND status = 'done' AND mode = 'written'),
            first_written = (SELECT min(occurred_on) FROM participant WHERE person_id = OLD.person_id AND status = 'done' AND mode = 'written'),
            rich_days = coalesce((SELECT json_group_array(d) FROM
                (SELECT d FROM (SELECT d FROM (SELECT DISTINCT occurred_on AS d FROM participant WHERE person_id = OLD.person_id AND status = 'done' AND mode = 'together' ORDER BY d DESC LIMIT 9) UNION SELECT d FROM (SELECT DISTINCT occurred_on AS d FROM participant WHERE person_id = OLD.person_id AND status = 'done' AND mode = 'voice' ORDER BY d DESC LIMIT 9)) ORDER BY d DESC LIMIT 9)), '[]'),
            planned_last = nullif(max(coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = OLD.person_id AND status = 'planned' AND mode = 'together'), ''),
                                      coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = OLD.person_id AND status = 'planned' AND mode = 'voice'), '')), '')
        WHERE person_id = OLD.person_id;
        
        UPDATE contact_summary SET rich_median = CASE WHEN json_array_length(rich_days) >= 3 THEN (
            SELECT avg(g) FROM (
                SELECT g, row_number() OVER (ORDER BY g) AS rn, count(*) OVER () AS n FROM (
                    SELECT julianday(x.value) - julianday(y.value) AS g
                    FROM json_each(contact_summary.rich_days) x
                    JOIN json_each(contact_summary.rich_days) y ON y.key = x.key + 1))
            WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) END
        WHERE person_id = OLD.person_id;
        END;
        CREATE TRIGGER contact_summary_au AFTER UPDATE ON participant BEGIN
            INSERT OR IGNORE INTO contact_summary(person_id) VALUES (NEW.person_id);
            
        UPDATE contact_summary SET
            last_together = (SELECT max(occurred_on) FROM participant WHERE person_id = NEW.person_id AND status = 'done' AND mode = 'together'),
            last_voice = (SELECT max(occurred_on) FROM participant WHERE person_id = NEW.person_id AND status = 'done' AND mode = 'voice'),
            last_written = (SELECT max(occurred_on) FROM participant WHERE person_id = NEW.person_id AND status = 'done' AND mode = 'written'),
            first_written = (SELECT min(occurred_on) FROM participant WHERE person_id = NEW.person_id AND status = 'done' AND mode = 'written'),
            rich_days = coalesce((SELECT json_group_array(d) FROM
                (SELECT d FROM (SELECT d FROM (SELECT DISTINCT occurred_on AS d FROM participant WHERE person_id = NEW.person_id AND status = 'done' AND mode = 'together' ORDER BY d DESC LIMIT 9) UNION SELECT d FROM (SELECT DISTINCT occurred_on AS d FROM participant WHERE person_id = NEW.person_id AND status = 'done' AND mode = 'voice' ORDER BY d DESC LIMIT 9)) ORDER BY d DESC LIMIT 9)), '[]'),
            planned_last = nullif(max(coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = NEW.person_id AND status = 'planned' AND mode = 'together'), ''),
                                      coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = NEW.person_id AND status = 'planned' AND mode = 'voice'), '')), '')
        WHERE person_id = NEW.person_id;
        
        UPDATE contact_summary SET rich_median = CASE WHEN json_array_length(rich_days) >= 3 THEN (
            SELECT avg(g) FROM (
                SELECT g, row_number() OVER (ORDER BY g) AS rn, count(*) OVER () AS n FROM (
                    SELECT julianday(x.value) - julianday(y.value) AS g
                    FROM json_each(contact_summary.rich_days) x
                    JOIN json_each(contact_summary.rich_days) y ON y.key = x.key + 1))
            WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) END
        WHERE person_id = NEW.person_id;
            
        UPDATE contact_summary SET
            last_together = (SELECT max(occurred_on) FROM participant WHERE person_id = OLD.person_id AND status = 'done' AND mode = 'together'),
            last_voice = (SELECT max(occurred_on) FROM participant WHERE person_id = OLD.person_id AND status = 'done' AND mode = 'voice'),
            last_written = (SELECT max(occurred_on) FROM participant WHERE person_id = OLD.person_id AND status = 'done' AND mode = 'written'),
            first_written = (SELECT min(occurred_on) FROM participant WHERE person_id = OLD.person_id AND status = 'done' AND mode = 'written'),
            rich_days = coalesce((SELECT json_group_array(d) FROM
                (SELECT d FROM (SELECT d FROM (SELECT DISTINCT occurred_on AS d FROM participant WHERE person_id = OLD.person_id AND status = 'done' AND mode = 'together' ORDER BY d DESC LIMIT 9) UNION SELECT d FROM (SELECT DISTINCT occurred_on AS d FROM participant WHERE person_id = OLD.person_id AND status = 'done' AND mode = 'voice' ORDER BY d DESC LIMIT 9)) ORDER BY d DESC LIMIT 9)), '[]'),
            planned_last = nullif(max(coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = OLD.person_id AND status = 'planned' AND mode = 'together'), ''),
                                      coalesce((SELECT max(occurred_on) FROM participant WHERE person_id = OLD.person_id AND status = 'planned' AND mode = 'voice'), '')), '')
        WHERE person_id = OLD.person_id AND OLD.person_id <> NEW.person_id;
        
        UPDATE contact_summary SET rich_median = CASE WHEN json_array_length(rich_days) >= 3 THEN (
            SELECT avg(g) FROM (
                SELECT g, row_number() OVER (ORDER BY g) AS rn, count(*) OVER () AS n FROM (
                    SELECT julianday(x.value) - julianday(y.value) AS g
                    FROM json_each(contact_summary.rich_days) x
                    JOIN json_each(contact_summary.rich_days) y ON y.key = x.key + 1))
            WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) END
        WHERE person_id = OLD.person_id AND OLD.person_id <> NEW.person_id;
        END;
        """
