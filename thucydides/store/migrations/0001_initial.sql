-- 0001: articles, reconciled events, their sources (one row per event extracted from an
-- article), attributions, evidence, places, control states, audit and deleted events.
-- Dates are ISO 8601 text; timestamps ISO 8601 UTC text; JSON columns hold the dataclasses.

CREATE TABLE articles (
    id            TEXT PRIMARY KEY,
    url           TEXT,
    content_hash  TEXT NOT NULL,
    title         TEXT,
    text          TEXT NOT NULL,
    published     TEXT,
    source        TEXT,
    language      TEXT NOT NULL DEFAULT 'en',
    origin        TEXT,
    duplicate_of  TEXT REFERENCES articles(id) ON DELETE SET NULL,
    signature     BLOB,
    skipped       TEXT,   -- why the pipeline did not analyse it (prefilter, time limit, error)
    ingested_at   TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_content_hash ON articles(content_hash);

-- A reconciled event. ``data`` is its Event as JSON; the other columns are copies for filtering.
CREATE TABLE events (
    id              TEXT PRIMARY KEY,
    family          TEXT NOT NULL,
    status_class    TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    status          TEXT NOT NULL,
    event_date      TEXT,
    time_precision  INTEGER,
    country_iso     TEXT,
    country         TEXT,
    admin1          TEXT,
    admin2          TEXT,
    location_name   TEXT,
    geonameid       INTEGER,
    latitude        REAL,
    longitude       REAL,
    actor1          TEXT,
    actor2          TEXT,
    fatalities      INTEGER NOT NULL DEFAULT 0,
    confidence      REAL NOT NULL DEFAULT 0,
    corroboration   INTEGER NOT NULL DEFAULT 0,
    conflicting     INTEGER NOT NULL DEFAULT 0,
    fatalities_best INTEGER,
    territorial     INTEGER NOT NULL DEFAULT 0,
    adm1_key        TEXT,   -- the control units it lies in (see thucydides.reconcile.control)
    adm2_key        TEXT,
    review_state    TEXT NOT NULL DEFAULT 'unreviewed'
                    CHECK (review_state IN ('unreviewed', 'accepted', 'rejected', 'edited')),
    data            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_review ON events(review_state, conflicting, confidence);
CREATE INDEX events_adm1 ON events(adm1_key) WHERE territorial = 1;
CREATE INDEX events_adm2 ON events(adm2_key) WHERE territorial = 1;

-- One event as one article reports it; ``data`` is that Event as JSON without its attribution
-- and evidence, which are rows of the two tables below.
CREATE TABLE event_sources (
    id               INTEGER PRIMARY KEY,
    event_id         TEXT NOT NULL REFERENCES events(id),
    article_id       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_event_id  TEXT NOT NULL,
    position         INTEGER NOT NULL,
    status           TEXT NOT NULL,
    sub_event_type   TEXT NOT NULL,
    data             TEXT NOT NULL,
    -- what finding the event another report belongs to looks up (thucydides.reconcile.matching)
    family           TEXT NOT NULL,
    status_class     TEXT NOT NULL,
    geonameid        INTEGER,
    district         TEXT,   -- normalised ADM2 name
    place_name       TEXT,   -- normalised place name
    date_from        TEXT,   -- the days the report's date stands for
    date_to          TEXT,
    match_key        TEXT NOT NULL,  -- equal for reports alike in all that matching compares
    UNIQUE (article_id, source_event_id)
);
CREATE INDEX event_sources_event ON event_sources(event_id);
CREATE INDEX event_sources_by_id ON event_sources(family, status_class, geonameid) WHERE geonameid IS NOT NULL;
CREATE INDEX event_sources_by_district ON event_sources(family, status_class, district) WHERE district IS NOT NULL;
CREATE INDEX event_sources_by_name ON event_sources(family, status_class, place_name) WHERE place_name IS NOT NULL;

CREATE TABLE attributions (
    event_source_id  INTEGER NOT NULL REFERENCES event_sources(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    speaker          TEXT NOT NULL,
    role             TEXT,
    channel          TEXT,
    via              TEXT,
    PRIMARY KEY (event_source_id, position)
);

CREATE TABLE evidence (
    event_source_id  INTEGER NOT NULL REFERENCES event_sources(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    text             TEXT NOT NULL,
    PRIMARY KEY (event_source_id, position)
);

-- Every place mention of an article with its resolution (admin ids give an event's district).
CREATE TABLE places (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    geonameid    INTEGER,
    name         TEXT,
    feature      TEXT,
    country_iso  TEXT,
    country      TEXT,
    admin1       TEXT,
    admin2       TEXT,
    admin1_id    INTEGER,
    admin2_id    INTEGER,
    latitude     REAL,
    longitude    REAL,
    population   INTEGER NOT NULL DEFAULT 0,
    confidence   REAL NOT NULL DEFAULT 0,
    why          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, position)
);
CREATE INDEX places_geonameid ON places(geonameid);

-- The control timeline, recomputed per unit from its territorial events.
CREATE TABLE control_states (
    id           INTEGER PRIMARY KEY,
    unit_key     TEXT NOT NULL,
    level        TEXT NOT NULL CHECK (level IN ('ADM2', 'ADM1')),
    geonameid    INTEGER,
    name         TEXT NOT NULL,
    admin1       TEXT,
    country_iso  TEXT,
    latitude     REAL,
    longitude    REAL,
    date         TEXT,
    state        TEXT NOT NULL CHECK (state IN ('controlled', 'contested', 'unknown')),
    controller   TEXT,
    basis        TEXT NOT NULL CHECK (basis IN ('assessed', 'claimed')),
    event_ids    TEXT NOT NULL,
    sources      TEXT NOT NULL,
    parent_key   TEXT,   -- a district's province
    direct       INTEGER NOT NULL DEFAULT 0,  -- a province's record set by events at the province itself
    updated_at   TEXT NOT NULL
);
CREATE INDEX control_states_unit ON control_states(unit_key, date);
CREATE INDEX control_states_parent ON control_states(parent_key, unit_key, date) WHERE parent_key IS NOT NULL;

-- Every change to an event, by the ingest or a reviewer; kept after the event is deleted.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    event_id  TEXT NOT NULL,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    changes   TEXT NOT NULL DEFAULT '{}',
    note      TEXT
);
CREATE INDEX audit_event ON audit(event_id, id);

CREATE TABLE deleted_events (
    event_id    TEXT PRIMARY KEY,
    deleted_at  TEXT NOT NULL,
    reason      TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX deleted_events_at ON deleted_events(deleted_at);
