-- 0006_output_state: how the last build (or adopt) left each localized
-- posting, for status, check and the report: 'same' (the file is what
-- build made of the store), 'merged' (it keeps differences of its own,
-- merged with build's changes), 'conflict' (its own edits and build's
-- changes collide; the file was left as it is, at conflict_line).

ALTER TABLE outputs ADD COLUMN state TEXT NOT NULL DEFAULT 'same';
ALTER TABLE outputs ADD COLUMN conflict_line INTEGER;
