-- 0004_unreadable: a source posting that cannot be read (bad front matter,
-- a shortcode Hugo refuses, invalid UTF-8) keeps its document, segments and
-- translations exactly as they were; `problem` says why it was not read (a
-- JSON message id with arguments and place, see src/unreadable.rs) until it
-- reads again. NULL: read fine.

ALTER TABLE documents ADD COLUMN problem TEXT;
