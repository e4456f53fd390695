-- 0009_translation_check: the same translations table, with the check on
-- `state` written as comparisons: SQLite evaluates `state IN (…)` in a
-- CHECK by building a temporary table on every insert, which was most of
-- the cost of storing a translation (import, fill, reading the text
-- state). Rebuilt as SQLite's documentation describes for such changes.

CREATE TABLE translations_new (
    segment_id  INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    text        TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state = 'machine' OR state = 'draft'
                                    OR state = 'translated' OR state = 'reviewed'),
    source_hash TEXT NOT NULL,
    origin      TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    PRIMARY KEY (segment_id, lang)
) WITHOUT ROWID;
INSERT INTO translations_new
    SELECT segment_id, lang, text, state, source_hash, origin, updated_at, revision FROM translations;
DROP TABLE translations;
ALTER TABLE translations_new RENAME TO translations;
CREATE INDEX translations_by_revision ON translations(revision);
CREATE INDEX translations_by_source ON translations(lang, source_hash);
