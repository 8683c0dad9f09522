-- 001_initial: articles, global entities, per-article entities and mentions, one table per fact kind.
--
-- Identity: `entities` is the global table (one row per real-world entity across the
-- store); `article_entities` keeps each article's own entity (its graph id is `local_id`)
-- and points at a global entity. For now the store merges by exact normalised name and
-- type; cross-article resolution (dossier.resolve) will later re-point `entity_id`.
--
-- Every fact row carries its article (ON DELETE CASCADE), the local and global ids of the
-- entities it names, status and source, the evidence span (ev_*), the sentence holding
-- it and the extractor version that produced it.

CREATE TABLE articles (
    id                TEXT PRIMARY KEY,
    content_hash      TEXT NOT NULL UNIQUE,
    title             TEXT NOT NULL,
    published         TEXT,
    outlet            TEXT,
    url               TEXT,
    body              TEXT NOT NULL,
    source            TEXT,
    extractor_version TEXT NOT NULL,
    ingested_at       TEXT NOT NULL,
    graph_json        TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE entities (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    type      TEXT NOT NULL,
    gender    TEXT,
    norm_name TEXT NOT NULL,
    surname   TEXT,  -- normalised last word of a PERSON's name, for look-ups by surname
    UNIQUE (norm_name, type)
);
CREATE INDEX entities_surname ON entities (surname);
CREATE INDEX entities_type ON entities (type);

CREATE TABLE article_entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id   TEXT NOT NULL,
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    subtype    TEXT,
    gender     TEXT,
    aliases    TEXT NOT NULL DEFAULT '[]',  -- JSON list
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX article_entities_entity ON article_entities (entity_id);

-- Every name an article uses for an entity (its name, aliases, name/alias mentions).
CREATE TABLE entity_aliases (
    article_id TEXT NOT NULL,
    local_id   TEXT NOT NULL,
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    alias      TEXT NOT NULL,
    norm_alias TEXT NOT NULL,
    PRIMARY KEY (article_id, local_id, alias),
    FOREIGN KEY (article_id, local_id) REFERENCES article_entities (article_id, local_id) ON DELETE CASCADE
);
CREATE INDEX entity_aliases_norm ON entity_aliases (norm_alias);
CREATE INDEX entity_aliases_entity ON entity_aliases (entity_id);

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    local_id   TEXT NOT NULL,
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    in_title   INTEGER NOT NULL DEFAULT 0,
    text       TEXT,
    kind       TEXT NOT NULL,
    confidence REAL,
    FOREIGN KEY (article_id, local_id) REFERENCES article_entities (article_id, local_id) ON DELETE CASCADE
);
CREATE INDEX mentions_entity ON mentions (entity_id, kind);
CREATE INDEX mentions_article ON mentions (article_id, local_id);

CREATE TABLE times (
    id                INTEGER PRIMARY KEY,
    article_id        TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start             INTEGER NOT NULL,
    end               INTEGER NOT NULL,
    in_title          INTEGER NOT NULL DEFAULT 0,
    text              TEXT,
    sentence          TEXT,
    type              TEXT NOT NULL,
    value             TEXT NOT NULL,
    anchor            TEXT,
    mod               TEXT,
    extractor_version TEXT NOT NULL
);
CREATE INDEX times_article ON times (article_id);
CREATE INDEX times_value ON times (value);

CREATE TABLE quotes (
    id                INTEGER PRIMARY KEY,
    article_id        TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id          TEXT NOT NULL,
    kind              TEXT NOT NULL,
    text              TEXT,
    speaker_local     TEXT,
    speaker_id        INTEGER REFERENCES entities (id),
    addressee_local   TEXT,
    addressee_id      INTEGER REFERENCES entities (id),
    cue               TEXT,
    when_value        TEXT,
    status            TEXT NOT NULL,
    source_local      TEXT,
    source_id         INTEGER REFERENCES entities (id),
    ev_start          INTEGER NOT NULL,
    ev_end            INTEGER NOT NULL,
    ev_in_title       INTEGER NOT NULL DEFAULT 0,
    ev_text           TEXT,
    sentence          TEXT,
    extractor_version TEXT NOT NULL
);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
CREATE INDEX quotes_article ON quotes (article_id);

CREATE TABLE roles (
    id                INTEGER PRIMARY KEY,
    article_id        TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    person_local      TEXT,
    person_id         INTEGER REFERENCES entities (id),
    title             TEXT NOT NULL,
    org_local         TEXT,
    org_id            INTEGER REFERENCES entities (id),
    place_local       TEXT,
    place_id          INTEGER REFERENCES entities (id),
    start_value       TEXT,
    end_value         TEXT,
    when_value        TEXT,
    current           INTEGER,  -- 1, 0 or NULL when unknown
    status            TEXT NOT NULL,
    source_local      TEXT,
    source_id         INTEGER REFERENCES entities (id),
    ev_start          INTEGER,
    ev_end            INTEGER,
    ev_in_title       INTEGER NOT NULL DEFAULT 0,
    ev_text           TEXT,
    sentence          TEXT,
    extractor_version TEXT NOT NULL
);
CREATE INDEX roles_person ON roles (person_id);
CREATE INDEX roles_org ON roles (org_id);
CREATE INDEX roles_article ON roles (article_id);

CREATE TABLE relations (
    id                INTEGER PRIMARY KEY,
    article_id        TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    type              TEXT NOT NULL,
    subject_local     TEXT,
    subject_id        INTEGER REFERENCES entities (id),
    object_local      TEXT,
    object_id         INTEGER REFERENCES entities (id),
    start_value       TEXT,
    end_value         TEXT,
    when_value        TEXT,
    status            TEXT NOT NULL,
    source_local      TEXT,
    source_id         INTEGER REFERENCES entities (id),
    confidence        REAL,
    ev_start          INTEGER NOT NULL,
    ev_end            INTEGER NOT NULL,
    ev_in_title       INTEGER NOT NULL DEFAULT 0,
    ev_text           TEXT,
    sentence          TEXT,
    extractor_version TEXT NOT NULL
);
CREATE INDEX relations_subject ON relations (subject_id, object_id);
CREATE INDEX relations_object ON relations (object_id, subject_id);
CREATE INDEX relations_article ON relations (article_id);

CREATE TABLE events (
    id                INTEGER PRIMARY KEY,
    article_id        TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    type              TEXT NOT NULL,
    when_value        TEXT,
    status            TEXT NOT NULL,
    source_local      TEXT,
    source_id         INTEGER REFERENCES entities (id),
    ev_start          INTEGER NOT NULL,
    ev_end            INTEGER NOT NULL,
    ev_in_title       INTEGER NOT NULL DEFAULT 0,
    ev_text           TEXT,
    sentence          TEXT,
    extractor_version TEXT NOT NULL
);
CREATE INDEX events_article ON events (article_id);

CREATE TABLE event_participants (
    event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    local_id   TEXT,
    entity_id  INTEGER REFERENCES entities (id)
);
CREATE INDEX event_participants_entity ON event_participants (entity_id);
CREATE INDEX event_participants_event ON event_participants (event_id);

CREATE TABLE claims (
    id                INTEGER PRIMARY KEY,
    article_id        TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    status            TEXT NOT NULL,
    cues              TEXT NOT NULL DEFAULT '[]',  -- JSON list
    source_local      TEXT,
    source_id         INTEGER REFERENCES entities (id),
    ev_start          INTEGER NOT NULL,
    ev_end            INTEGER NOT NULL,
    ev_in_title       INTEGER NOT NULL DEFAULT 0,
    ev_text           TEXT,
    sentence          TEXT,
    extractor_version TEXT NOT NULL
);
CREATE INDEX claims_article ON claims (article_id);
CREATE INDEX claims_source ON claims (source_id);

-- Which entities a claim is about: those with a mention inside the claim's span.
CREATE TABLE claim_entities (
    claim_id   INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id   TEXT NOT NULL,
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    PRIMARY KEY (claim_id, local_id)
);
CREATE INDEX claim_entities_entity ON claim_entities (entity_id);
