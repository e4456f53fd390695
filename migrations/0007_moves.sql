-- 0007_moves: localized postings to move because their source posting was
-- renamed (sync finds the rename; build moves the file it wrote, with its
-- base). Segments of a removed document are marked obsolete = 2, so that
-- the document comes back whole if its file does.

CREATE TABLE moves (
    from_path TEXT PRIMARY KEY,
    to_path   TEXT NOT NULL,
    lang      TEXT NOT NULL
);
