-- 0001_initial: the core store. Documents are source postings; segments are
-- their translatable pieces (obsolete ones are kept for the translation
-- memory); translations are per segment and language and remember the
-- source hash they were made against, so staleness is derived, not stored;
-- source_history keeps every replaced source text to show diffs; outputs
-- remembers what build last wrote, so hand edits are never overwritten.

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    path         TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    removed      INTEGER NOT NULL DEFAULT 0,
    synced_at    TEXT NOT NULL
);

CREATE TABLE segments (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    kind        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    source_text TEXT NOT NULL,
    source_hash TEXT NOT NULL,
    obsolete    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX segments_by_document ON segments(document_id, obsolete, position);

CREATE TABLE translations (
    segment_id  INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    text        TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('machine', 'draft', 'translated', 'reviewed')),
    source_hash TEXT NOT NULL,
    origin      TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    -- Grows with every write to this table: build compares the highest
    -- revision of a document's translations with what it last wrote.
    revision    INTEGER NOT NULL,
    PRIMARY KEY (segment_id, lang)
) WITHOUT ROWID;
CREATE INDEX translations_by_revision ON translations(revision);

CREATE TABLE source_history (
    id          INTEGER PRIMARY KEY,
    segment_id  INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    source_text TEXT NOT NULL,
    source_hash TEXT NOT NULL,
    replaced_at TEXT NOT NULL
);
CREATE INDEX source_history_by_segment ON source_history(segment_id);

-- input_hash: of the source posting, the rules, the language and the
-- translations a localized posting was built from; content_hash: of the
-- bytes written. Both equal now: nothing to do.
CREATE TABLE outputs (
    path         TEXT PRIMARY KEY,
    lang         TEXT NOT NULL,
    input_hash   TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    written_at   TEXT NOT NULL
) WITHOUT ROWID;
