-- 0002_memory: the translation memory. A translation is a match for every
-- segment whose source hash equals the hash it was made for, live or not,
-- in any posting: look translations up by that hash, and segments too.

CREATE INDEX translations_by_source ON translations(lang, source_hash);
CREATE INDEX segments_by_hash ON segments(source_hash);
