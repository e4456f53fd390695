-- 0008_text_state: the committed text state (src/textstate/), one PO file
-- per source posting and language. `state_files`: each file as tolkar last
-- read or wrote it (a file whose size, time or hash differs was changed by
-- someone else, git most often, and is read again). `state_dirty`: the
-- (document, language) pairs whose file must be written again because
-- their segments changed ('' for every language); changed translations
-- are found by their revision, above `state_revision`, and changed build
-- records (which a state file's header carries) by their path in
-- `state_dirty_outputs`.

CREATE TABLE state_files (
    path        TEXT PRIMARY KEY,
    document_id INTEGER NOT NULL,
    lang        TEXT NOT NULL,
    hash        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    mtime       INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX state_files_by_document ON state_files(document_id);

CREATE TABLE state_dirty (
    document_id INTEGER NOT NULL,
    lang        TEXT NOT NULL,
    PRIMARY KEY (document_id, lang)
) WITHOUT ROWID;

CREATE TABLE state_revision (revision INTEGER NOT NULL);
INSERT INTO state_revision VALUES (0);

CREATE TABLE state_dirty_outputs (path TEXT PRIMARY KEY) WITHOUT ROWID;
