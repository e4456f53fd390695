-- 0013_build_summaries: what build last found of each document's
-- translations into a language (live segments, how many translated, the
-- highest revision), so that a build reads again only the documents that
-- changed. The rows of a language are good while its stamp is the store's
-- (highest translation revision, highest segment id, deletions): every
-- write of a translation raises the first, every new segment the second,
-- and the triggers count the deletions, which raise neither.
CREATE TABLE build_summaries (
    lang         TEXT NOT NULL,
    document_id  INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    segments     INTEGER NOT NULL,
    translated   INTEGER NOT NULL,
    revision     INTEGER NOT NULL,
    PRIMARY KEY (lang, document_id)
) WITHOUT ROWID;

CREATE TABLE build_stamps (
    lang  TEXT PRIMARY KEY,
    stamp TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE store_deletions (deletions INTEGER NOT NULL);
INSERT INTO store_deletions VALUES (0);

CREATE TRIGGER translations_deleted AFTER DELETE ON translations
BEGIN
    UPDATE store_deletions SET deletions = deletions + 1;
END;

CREATE TRIGGER segments_deleted AFTER DELETE ON segments
BEGIN
    UPDATE store_deletions SET deletions = deletions + 1;
END;

-- What build and the text state read of the outputs of a language, without
-- the base: in the table, `state`, `conflict_line` and `stat` come after
-- it, so reading them read every base too.
CREATE INDEX outputs_by_lang ON outputs(lang, path, input_hash, content_hash, stat, state, conflict_line);
