-- 0014_output_bases: the bases of build's three-way merge in a table of
-- their own. In `outputs` each base (a few kilobytes) lay in its row, so
-- every update of the row (the `stat` build records of each file it
-- wrote, a conflict, a move) wrote the whole base again: on a first build
-- of 10,000 postings, 28 MB written twice. A rowid table: SQLite keeps
-- large rows best there, not in a WITHOUT ROWID table.
CREATE TABLE output_bases (
    path TEXT PRIMARY KEY,
    base BLOB NOT NULL
);
INSERT INTO output_bases (path, base) SELECT path, base FROM outputs WHERE base IS NOT NULL;
ALTER TABLE outputs DROP COLUMN base;
