-- 007_summary_tally: keep the edge summary up to date by adding each new fact's contribution, so that
-- an ingest does not read every fact of a busy pair again.
--
-- `edge_tally` holds, per summary row, what adding a source needs beyond the row itself: the best
-- confidence per outlet (with the report that first names it, which fixes the order the noisy-or
-- multiplies in) and the votes for each start and end value. New facts (and facts moved to another
-- pair by re-pointing) are listed in `edge_added` and added to their pair's rows by
-- dossier.store.edgesum.settle; a removed or changed fact still marks its pair in `edge_dirty`,
-- which is computed again from its facts. Both tables are empty between transactions.

CREATE TABLE edge_tally (
    view   INTEGER NOT NULL,
    type   TEXT NOT NULL,
    source INTEGER NOT NULL,
    target INTEGER NOT NULL,
    state  TEXT NOT NULL,  -- JSON: {"outlets": {key: [published, article, offset, best]}, "start": {value: votes}, "end": ...}
    PRIMARY KEY (view, source, target, type)
) WITHOUT ROWID;

CREATE TABLE edge_added (
    kind TEXT NOT NULL,     -- 'relation' or 'role'
    id   INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

DROP TRIGGER relations_edge_insert;
CREATE TRIGGER relations_edge_insert AFTER INSERT ON relations
WHEN NEW.subject_id IS NOT NULL AND NEW.object_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO edge_added (kind, id) VALUES ('relation', NEW.id);
END;

-- Re-pointing an end moves the fact: its old pair is computed again, its new pair gets it added.
DROP TRIGGER relations_edge_update;
CREATE TRIGGER relations_edge_move AFTER UPDATE OF subject_id, object_id ON relations
WHEN OLD.subject_id IS NOT NEW.subject_id OR OLD.object_id IS NOT NEW.object_id
BEGIN
    INSERT OR IGNORE INTO edge_dirty (a, b)
    SELECT min(OLD.subject_id, OLD.object_id), max(OLD.subject_id, OLD.object_id)
    WHERE OLD.subject_id IS NOT NULL AND OLD.object_id IS NOT NULL;
    INSERT OR IGNORE INTO edge_added (kind, id)
    SELECT 'relation', NEW.id WHERE NEW.subject_id IS NOT NULL AND NEW.object_id IS NOT NULL;
END;

-- Any other change to what a summary depends on: the pair is computed again.
CREATE TRIGGER relations_edge_change AFTER UPDATE OF type, status, confidence, start_value, end_value, when_value,
    article_id, ev_start ON relations
WHEN NEW.subject_id IS NOT NULL AND NEW.object_id IS NOT NULL AND (OLD.type IS NOT NEW.type
    OR OLD.status IS NOT NEW.status OR OLD.confidence IS NOT NEW.confidence OR OLD.start_value IS NOT NEW.start_value
    OR OLD.end_value IS NOT NEW.end_value OR OLD.when_value IS NOT NEW.when_value
    OR OLD.article_id IS NOT NEW.article_id OR OLD.ev_start IS NOT NEW.ev_start)
BEGIN
    INSERT OR IGNORE INTO edge_dirty (a, b)
    VALUES (min(NEW.subject_id, NEW.object_id), max(NEW.subject_id, NEW.object_id));
END;

DROP TRIGGER roles_edge_insert;
CREATE TRIGGER roles_edge_insert AFTER INSERT ON roles
WHEN NEW.person_id IS NOT NULL AND NEW.org_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO edge_added (kind, id) VALUES ('role', NEW.id);
END;

DROP TRIGGER roles_edge_update;
CREATE TRIGGER roles_edge_move AFTER UPDATE OF person_id, org_id ON roles
WHEN OLD.person_id IS NOT NEW.person_id OR OLD.org_id IS NOT NEW.org_id
BEGIN
    INSERT OR IGNORE INTO edge_dirty (a, b)
    SELECT min(OLD.person_id, OLD.org_id), max(OLD.person_id, OLD.org_id)
    WHERE OLD.person_id IS NOT NULL AND OLD.org_id IS NOT NULL;
    INSERT OR IGNORE INTO edge_added (kind, id)
    SELECT 'role', NEW.id WHERE NEW.person_id IS NOT NULL AND NEW.org_id IS NOT NULL;
END;

CREATE TRIGGER roles_edge_change AFTER UPDATE OF title, status, start_value, end_value, when_value, article_id,
    ev_start ON roles
WHEN NEW.person_id IS NOT NULL AND NEW.org_id IS NOT NULL AND (OLD.title IS NOT NEW.title
    OR OLD.status IS NOT NEW.status OR OLD.start_value IS NOT NEW.start_value OR OLD.end_value IS NOT NEW.end_value
    OR OLD.when_value IS NOT NEW.when_value OR OLD.article_id IS NOT NEW.article_id OR OLD.ev_start IS NOT NEW.ev_start)
BEGIN
    INSERT OR IGNORE INTO edge_dirty (a, b) VALUES (min(NEW.person_id, NEW.org_id), max(NEW.person_id, NEW.org_id));
END;
