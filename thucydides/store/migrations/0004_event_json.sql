-- 0004: each event's finished public JSON (GET /events, full and summary views), kept beside
-- its row so a page of events is read, not rebuilt: building it decodes the event and its
-- sources and encodes them again, which cost a page of 100 events ~20 ms of CPU.
--
-- NULL means "to build": the triggers below set it back to NULL whenever anything the JSON is
-- made of changes (the event's row, its sources, their attribution and evidence, their
-- articles), whatever code path writes. Every write transaction builds the NULL ones before it
-- commits, and opening the store for writing builds them all when the code that shapes the JSON
-- has changed (store_meta 'event_json_code', see thucydides/store/event_json.py). That is also
-- how the rows stored before this migration are filled: the first writable open after it.

CREATE TABLE store_meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

ALTER TABLE events ADD COLUMN json TEXT;
ALTER TABLE events ADD COLUMN summary_json TEXT;
CREATE INDEX events_json_to_build ON events(id) WHERE json IS NULL;

-- any other column of the event changed (the update that writes its JSON changes json itself)
CREATE TRIGGER events_json_stale AFTER UPDATE ON events
WHEN NEW.json IS NOT NULL AND NEW.json IS OLD.json
BEGIN
    UPDATE events SET json = NULL, summary_json = NULL WHERE id = NEW.id;
END;

CREATE TRIGGER event_sources_json_stale_insert AFTER INSERT ON event_sources
BEGIN
    UPDATE events SET json = NULL, summary_json = NULL WHERE id = NEW.event_id AND json IS NOT NULL;
END;

CREATE TRIGGER event_sources_json_stale_update AFTER UPDATE ON event_sources
BEGIN
    UPDATE events SET json = NULL, summary_json = NULL WHERE id IN (OLD.event_id, NEW.event_id) AND json IS NOT NULL;
END;

CREATE TRIGGER event_sources_json_stale_delete AFTER DELETE ON event_sources
BEGIN
    UPDATE events SET json = NULL, summary_json = NULL WHERE id = OLD.event_id AND json IS NOT NULL;
END;

CREATE TRIGGER attributions_json_stale_insert AFTER INSERT ON attributions
BEGIN
    UPDATE events SET json = NULL, summary_json = NULL
    WHERE id = (SELECT event_id FROM event_sources WHERE id = NEW.event_source_id) AND json IS NOT NULL;
END;

CREATE TRIGGER attributions_json_stale_update AFTER UPDATE ON attributions
BEGIN
    UPDATE events SET json = NULL, summary_json = NULL
    WHERE id IN (SELECT event_id FROM event_sources WHERE id IN (OLD.event_source_id, NEW.event_source_id))
      AND json IS NOT NULL;
END;

CREATE TRIGGER attributions_json_stale_delete AFTER DELETE ON attributions
BEGIN
    UPDATE events SET json = NULL, summary_json = NULL
    WHERE id = (SELECT event_id FROM event_sources WHERE id = OLD.event_source_id) AND json IS NOT NULL;
END;

CREATE TRIGGER evidence_json_stale_insert AFTER INSERT ON evidence
BEGIN
    UPDATE events SET json = NULL, summary_json = NULL
    WHERE id = (SELECT event_id FROM event_sources WHERE id = NEW.event_source_id) AND json IS NOT NULL;
END;

CREATE TRIGGER evidence_json_stale_update AFTER UPDATE ON evidence
BEGIN
    UPDATE events SET json = NULL, summary_json = NULL
    WHERE id IN (SELECT event_id FROM event_sources WHERE id IN (OLD.event_source_id, NEW.event_source_id))
      AND json IS NOT NULL;
END;

CREATE TRIGGER evidence_json_stale_delete AFTER DELETE ON evidence
BEGIN
    UPDATE events SET json = NULL, summary_json = NULL
    WHERE id = (SELECT event_id FROM event_sources WHERE id = OLD.event_source_id) AND json IS NOT NULL;
END;

-- a source shows its article's outlet, URL, title, date, and whether it copies another
CREATE TRIGGER articles_json_stale AFTER UPDATE ON articles
BEGIN
    UPDATE events SET json = NULL, summary_json = NULL
    WHERE id IN (SELECT event_id FROM event_sources WHERE article_id = NEW.id) AND json IS NOT NULL;
END;
