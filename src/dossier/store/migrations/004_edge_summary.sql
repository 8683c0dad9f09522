-- 004_edge_summary: one row per merged edge (type, entity pair), kept in step with the facts, so that
-- graph queries (network, path, an entity's ties) read summaries and fetch evidence only for what they show.
--
-- `view` 0 counts every source; view 1 only the sources a user is shown by default (not hypothetical,
-- own confidence at least the default threshold). A symmetric type is stored once, source < target.
-- Maintained by dossier.store.edgesum at ingest, on corrections and on re-resolution; a store that
-- already holds articles is filled when it is opened after this migration.

CREATE TABLE edge_summary (
    view           INTEGER NOT NULL,
    type           TEXT NOT NULL,
    source         INTEGER NOT NULL,
    target         INTEGER NOT NULL,
    status         TEXT NOT NULL,     -- the strongest status of its sources
    status_rank    INTEGER NOT NULL,  -- its place in the order asserted, attributed, ... (strongest 0)
    facts          INTEGER NOT NULL,  -- its sources (fact rows)
    articles       INTEGER NOT NULL,  -- articles stating it (every status)
    supporting     INTEGER NOT NULL,  -- articles supporting it (not negated, unknown or hypothetical)
    outlets        INTEGER NOT NULL,  -- distinct outlets among the supporting sources
    earliest       TEXT,              -- first and last report (publication dates)
    latest         TEXT,
    confidence     REAL NOT NULL,     -- combined (noisy-or over outlets)
    max_confidence REAL NOT NULL,     -- of its best source
    contradicted   INTEGER NOT NULL,  -- 1 when its sources contradict each other
    start          TEXT,
    end            TEXT,
    detail         TEXT NOT NULL,     -- JSON: statuses per count and the contradictions
    PRIMARY KEY (view, source, target, type)
) WITHOUT ROWID;
-- Neighbourhoods and pages of ties read only these columns: covering indexes from either end, so that a
-- scan of a busy person's edges does not read each row's detail.
CREATE INDEX edge_summary_from ON edge_summary (view, source, target, type, status_rank, articles, confidence, status);
CREATE INDEX edge_summary_to ON edge_summary (view, target, source, type, status_rank, articles, confidence, status);

-- Every column that points at an entity gets an index: deleting an entity no article names any more
-- (resolution does it at every ingest) makes SQLite look for rows still pointing at it, and without
-- one it reads the whole table each time, a cost that grew with the store. Re-pointing an article's
-- entity updates by (article, local id).
CREATE INDEX relations_source ON relations (source_id);
CREATE INDEX roles_source ON roles (source_id);
CREATE INDEX roles_place ON roles (place_id);
CREATE INDEX quotes_source ON quotes (source_id);
CREATE INDEX quotes_addressee ON quotes (addressee_id);
CREATE INDEX events_source ON events (source_id);
CREATE INDEX event_participants_article ON event_participants (article_id, local_id);
CREATE INDEX claim_entities_article ON claim_entities (article_id, local_id);

-- Indexes for paged profile reads.
CREATE INDEX article_entities_entity_article ON article_entities (entity_id, article_id);
CREATE INDEX quotes_speaker_article ON quotes (speaker_id, article_id);
CREATE INDEX roles_person_org ON roles (person_id, org_id);
CREATE INDEX signatures_entity ON signatures (entity_id);
CREATE INDEX entities_lower_name ON entities (lower(name));

-- Entity pairs whose summary rows must be computed again: every change to a tie's facts marks its pair
-- (ingest, replacement, deletion, re-pointing by resolution or a correction); the writer settles them
-- before it commits, so the table is empty between transactions.
CREATE TABLE edge_dirty (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;

CREATE TRIGGER relations_edge_insert AFTER INSERT ON relations
WHEN NEW.subject_id IS NOT NULL AND NEW.object_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO edge_dirty (a, b)
    VALUES (min(NEW.subject_id, NEW.object_id), max(NEW.subject_id, NEW.object_id));
END;

CREATE TRIGGER relations_edge_delete AFTER DELETE ON relations
WHEN OLD.subject_id IS NOT NULL AND OLD.object_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO edge_dirty (a, b)
    VALUES (min(OLD.subject_id, OLD.object_id), max(OLD.subject_id, OLD.object_id));
END;

CREATE TRIGGER relations_edge_update AFTER UPDATE ON relations
BEGIN
    INSERT OR IGNORE INTO edge_dirty (a, b)
    SELECT min(OLD.subject_id, OLD.object_id), max(OLD.subject_id, OLD.object_id)
    WHERE OLD.subject_id IS NOT NULL AND OLD.object_id IS NOT NULL;
    INSERT OR IGNORE INTO edge_dirty (a, b)
    SELECT min(NEW.subject_id, NEW.object_id), max(NEW.subject_id, NEW.object_id)
    WHERE NEW.subject_id IS NOT NULL AND NEW.object_id IS NOT NULL;
END;

CREATE TRIGGER roles_edge_insert AFTER INSERT ON roles
WHEN NEW.person_id IS NOT NULL AND NEW.org_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO edge_dirty (a, b) VALUES (min(NEW.person_id, NEW.org_id), max(NEW.person_id, NEW.org_id));
END;

CREATE TRIGGER roles_edge_delete AFTER DELETE ON roles
WHEN OLD.person_id IS NOT NULL AND OLD.org_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO edge_dirty (a, b) VALUES (min(OLD.person_id, OLD.org_id), max(OLD.person_id, OLD.org_id));
END;

CREATE TRIGGER roles_edge_update AFTER UPDATE ON roles
BEGIN
    INSERT OR IGNORE INTO edge_dirty (a, b)
    SELECT min(OLD.person_id, OLD.org_id), max(OLD.person_id, OLD.org_id)
    WHERE OLD.person_id IS NOT NULL AND OLD.org_id IS NOT NULL;
    INSERT OR IGNORE INTO edge_dirty (a, b)
    SELECT min(NEW.person_id, NEW.org_id), max(NEW.person_id, NEW.org_id)
    WHERE NEW.person_id IS NOT NULL AND NEW.org_id IS NOT NULL;
END;
