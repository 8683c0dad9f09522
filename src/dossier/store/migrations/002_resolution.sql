-- 002_resolution: cross-article entity resolution, corrections, and full-text search of evidence.
--
-- Every article entity gets a `form`: a normalised name form ("hillary|rodham|clinton|" for a
-- person; "ORG|acme corp" otherwise) and a `block` (a person's surname). Resolution
-- (dossier.resolve) clusters the forms of a block and re-points `entity_id`; `forms` keeps
-- per-form counts so that a block is re-resolved without reading its articles. A person named by
-- surname only is decided per `signature` (surname, gender, titles, conflicts in its article).
-- `entities.norm_name` holds the cluster key from now on (unique per type).

ALTER TABLE article_entities ADD COLUMN form TEXT;
ALTER TABLE article_entities ADD COLUMN block TEXT;
ALTER TABLE article_entities ADD COLUMN signature TEXT;  -- surname-only persons: their decision group
ALTER TABLE article_entities ADD COLUMN titles TEXT NOT NULL DEFAULT '[]';  -- JSON: role titles in the article
CREATE INDEX article_entities_form ON article_entities (form);
CREATE INDEX article_entities_signature ON article_entities (signature);


-- One row per name form: how many articles use it, with which gender, and where resolution put it.
CREATE TABLE forms (
    form      TEXT PRIMARY KEY,
    type      TEXT NOT NULL,
    block     TEXT NOT NULL,
    display   TEXT NOT NULL,  -- the name as most often written (form_names)
    first     TEXT,
    middles   TEXT,
    surname   TEXT,
    suffix    TEXT,
    maiden    TEXT,  -- the last middle name, when a full word: perhaps a maiden surname (another block)
    n         INTEGER NOT NULL DEFAULT 0,  -- article entities with this form
    female    INTEGER NOT NULL DEFAULT 0,
    male      INTEGER NOT NULL DEFAULT 0,
    entity_id INTEGER REFERENCES entities (id),
    score     REAL,
    evidence  TEXT  -- JSON: why it joined its entity
);
CREATE INDEX forms_block ON forms (block);
CREATE INDEX forms_entity ON forms (entity_id);
CREATE INDEX forms_maiden ON forms (maiden);
CREATE INDEX forms_first ON forms (first);

-- How each form is written, and how often: its display is the most used way (order-independent).
CREATE TABLE form_names (
    form TEXT NOT NULL,
    name TEXT NOT NULL,
    n    INTEGER NOT NULL,
    PRIMARY KEY (form, name)
);

CREATE TABLE form_titles (
    form  TEXT NOT NULL,
    title TEXT NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (form, title)
);

-- Surname-only persons, grouped by what their decision depends on.
CREATE TABLE signatures (
    signature TEXT PRIMARY KEY,
    block     TEXT NOT NULL,
    n         INTEGER NOT NULL DEFAULT 0,
    entity_id INTEGER REFERENCES entities (id),  -- NULL: not joined (each stays its own entity)
    score     REAL,
    evidence  TEXT
);
CREATE INDEX signatures_block ON signatures (block);

-- Corrections by a user: replayed on every re-resolution and re-ingest, exported with the graph.
CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('merge', 'distinct', 'alias', 'split')),
    key        TEXT NOT NULL,           -- merge/alias/split: the entity key the pinned forms go to
    name       TEXT NOT NULL,           -- that entity's display name
    type       TEXT NOT NULL,
    forms      TEXT NOT NULL,           -- JSON list of pins: a form, "~surname" or "@article|form" (distinct: side a)
    others     TEXT NOT NULL DEFAULT '[]',  -- distinct: side b
    alias      TEXT,                    -- alias: the name as the user gave it
    label      TEXT NOT NULL,           -- what the user typed, for display
    created_at TEXT NOT NULL
);

CREATE TABLE decision_blocks (
    decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    block       TEXT NOT NULL,
    PRIMARY KEY (decision_id, block)
);
CREATE INDEX decision_blocks_block ON decision_blocks (block);

-- Evidence sentences and quotes, searchable with FTS5 (filled at ingest, deleted with the article).
CREATE VIRTUAL TABLE evidence_fts USING fts5 (
    text, kind UNINDEXED, fact_id UNINDEXED, article_id UNINDEXED, status UNINDEXED, ev_start UNINDEXED,
    ev_end UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
);
