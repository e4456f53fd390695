-- 0010_translations_by_lang: the memory reads a language's translations
-- (`WHERE lang = ?`) and never looks one up by source hash, so its index
-- needs the language only. Keyed by language (and the primary key after
-- it), the index grows at its end while the text state is read in order
-- into a fresh store, where (lang, source_hash) had to be dropped and
-- sorted again after the load.
DROP INDEX IF EXISTS translations_by_source;
CREATE INDEX translations_by_lang ON translations(lang);
