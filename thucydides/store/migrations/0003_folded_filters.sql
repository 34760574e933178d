-- 0003: pre-folded (case- and accent-free, see schema.fold) copies of the columns GET /events
-- filters on, with indexes: a filter is then a plain indexed comparison, not a Python call per row.
-- The writer fills them for new and changed events (writer.event_columns); this fills the
-- existing rows (``fold`` is registered on every connection the store opens).

ALTER TABLE events ADD COLUMN event_type_folded TEXT;
ALTER TABLE events ADD COLUMN sub_event_type_folded TEXT;
ALTER TABLE events ADD COLUMN country_folded TEXT;
ALTER TABLE events ADD COLUMN admin1_folded TEXT;
ALTER TABLE events ADD COLUMN admin2_folded TEXT;
ALTER TABLE events ADD COLUMN actor1_folded TEXT;
ALTER TABLE events ADD COLUMN actor2_folded TEXT;

UPDATE events SET
    event_type_folded = fold(event_type),
    sub_event_type_folded = fold(sub_event_type),
    country_folded = fold(country),
    admin1_folded = fold(admin1),
    admin2_folded = fold(admin2),
    actor1_folded = fold(actor1),
    actor2_folded = fold(actor2);

-- each index ends in the list's order (event_date DESC, id) so a filtered first page reads
-- only its rows
CREATE INDEX events_by_event_type ON events(event_type_folded, event_date, id);
CREATE INDEX events_by_sub_event_type ON events(sub_event_type_folded, event_date, id);
CREATE INDEX events_by_country_iso ON events(country_iso, event_date, id);
CREATE INDEX events_by_country ON events(country_folded, event_date, id);
CREATE INDEX events_by_admin1 ON events(admin1_folded, event_date, id);
CREATE INDEX events_by_admin2 ON events(admin2_folded, event_date, id);
CREATE INDEX events_by_status ON events(status, event_date, id);
CREATE INDEX events_by_order ON events(event_date DESC, id);
