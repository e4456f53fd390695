-- 0005_output_base: what build would have written, kept per localized
-- posting as the base of a three-way merge (src/merge.rs): the file on disk
-- is ours, what build would write now is theirs. Deflate-compressed UTF-8.
-- NULL for an output recorded before this migration: such a file is merged
-- only once build has written it again.

ALTER TABLE outputs ADD COLUMN base BLOB;
