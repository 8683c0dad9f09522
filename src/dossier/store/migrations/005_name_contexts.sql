-- 005_name_contexts: what each person name form is seen with, so that namesakes stay apart.
--
-- For every full person name form, its article entities are grouped by the head word of each
-- role title they hold ("circuit judge" -> "judge"; "" when none) and counted per context
-- feature: co-mentioned people and organisations (`p`, `o`: their forms), outlet (`s`), year
-- (`y`), the other title heads of the same entity (`t`), and `#` (how many). Resolution reads
-- only the top few features of each group (dossier.resolve.senses), so its cost per article does
-- not grow with the store.
CREATE TABLE form_context (
    form    TEXT NOT NULL,
    tkey    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    feature TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (form, tkey, kind, feature)
);
CREATE INDEX form_context_top ON form_context (form, tkey, kind, n);
CREATE INDEX form_context_feature ON form_context (form, kind, feature);

-- Namesakes: a form whose entities fall into profiles with nothing in common is more than one
-- person. One row per profile kept apart from the form's main entity, with why.
CREATE TABLE form_senses (
    form      TEXT NOT NULL,
    key       TEXT NOT NULL,  -- the entity key of that person (entities.norm_name)
    tkeys     TEXT NOT NULL,  -- JSON: the title heads that define the profile
    score     REAL NOT NULL,
    evidence  TEXT NOT NULL,  -- JSON
    PRIMARY KEY (form, key)
);
