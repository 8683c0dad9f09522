-- 006_ordered_reads: indexes that hand the graph and profile reads their rows already in display order, so
-- that a page of a busy person's lists stops after the page instead of sorting everything the person has.
--
-- A page of articles, roles, quotes or an edge's sources is ordered by report date, which lives on the
-- article; each of those rows gets a copy of its article's `published` (article entities and ties also its
-- `outlet`, so that a tie's sources merge without reading the articles), set by a trigger when the row is
-- written (an article is never updated in place: a new
-- version replaces it, rows and all).

ALTER TABLE article_entities ADD COLUMN published TEXT;
ALTER TABLE article_entities ADD COLUMN outlet TEXT;
ALTER TABLE roles ADD COLUMN published TEXT;
ALTER TABLE quotes ADD COLUMN published TEXT;
ALTER TABLE relations ADD COLUMN published TEXT;
ALTER TABLE relations ADD COLUMN outlet TEXT;
ALTER TABLE roles ADD COLUMN outlet TEXT;

UPDATE article_entities SET (published, outlet) = (SELECT a.published, a.outlet FROM articles a WHERE a.id = article_id);
UPDATE roles SET (published, outlet) = (SELECT a.published, a.outlet FROM articles a WHERE a.id = article_id);
UPDATE quotes SET published = (SELECT a.published FROM articles a WHERE a.id = article_id);
UPDATE relations SET (published, outlet) = (SELECT a.published, a.outlet FROM articles a WHERE a.id = article_id);

CREATE TRIGGER article_entities_published AFTER INSERT ON article_entities
BEGIN
    UPDATE article_entities SET (published, outlet) = (SELECT a.published, a.outlet FROM articles a
                                                       WHERE a.id = NEW.article_id)
    WHERE article_id = NEW.article_id AND local_id = NEW.local_id;
END;

CREATE TRIGGER roles_published AFTER INSERT ON roles
BEGIN
    UPDATE roles SET (published, outlet) = (SELECT a.published, a.outlet FROM articles a WHERE a.id = NEW.article_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER quotes_published AFTER INSERT ON quotes
BEGIN
    UPDATE quotes SET published = (SELECT a.published FROM articles a WHERE a.id = NEW.article_id) WHERE id = NEW.id;
END;

CREATE TRIGGER relations_published AFTER INSERT ON relations
BEGIN
    UPDATE relations SET (published, outlet) = (SELECT a.published, a.outlet FROM articles a
                                                WHERE a.id = NEW.article_id)
    WHERE id = NEW.id;
END;

-- Profile pages in their display order (see dossier.store.profileq); the date and outlet filters and the
-- counts read the same indexes without touching the rows.
CREATE INDEX article_entities_entity_published ON article_entities (entity_id, published DESC, article_id, outlet);
CREATE INDEX roles_person_published ON roles (person_id, published, article_id, ev_start);
CREATE INDEX quotes_speaker_published ON quotes (speaker_id, published DESC, article_id, ev_start);
-- An edge's first sources in report order (dossier.store.edgesum.with_sources).
CREATE INDEX relations_pair_published ON relations (subject_id, object_id, type, published, article_id, ev_start);
CREATE INDEX roles_pair_published ON roles (person_id, org_id, published, article_id, ev_start);
-- Names of an entity, counted without reading the rows (best alias, the aliases list).
CREATE INDEX entity_aliases_entity_alias ON entity_aliases (entity_id, alias);
CREATE INDEX mentions_entity_text ON mentions (entity_id, kind, text);

-- An entity's merged edges strongest first (status, then articles, then confidence), from either end, with
-- the first and last report so that a date filter can skip an edge without reading its facts.
CREATE INDEX edge_summary_from_strength ON edge_summary
    (view, source, status_rank, articles DESC, confidence DESC, type, target, earliest, latest);
CREATE INDEX edge_summary_to_strength ON edge_summary
    (view, target, status_rank, articles DESC, confidence DESC, type, source, earliest, latest);
-- ... and best supported first (a network page: articles, then status).
CREATE INDEX edge_summary_from_support ON edge_summary (view, source, articles DESC, status_rank, type, target);
CREATE INDEX edge_summary_to_support ON edge_summary (view, target, articles DESC, status_rank, type, source);

-- Indexes the ones above make redundant (the same leading columns): fewer to keep up at every write.
DROP INDEX mentions_entity;           -- mentions_entity_text
DROP INDEX entity_aliases_entity;     -- entity_aliases_entity_alias
DROP INDEX relations_subject;         -- relations_pair_published
DROP INDEX roles_person;              -- roles_person_published
DROP INDEX roles_person_org;          -- roles_pair_published
DROP INDEX quotes_speaker;            -- quotes_speaker_published
DROP INDEX quotes_speaker_article;    -- quotes_speaker_published
