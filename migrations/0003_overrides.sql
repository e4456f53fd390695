-- 0003_overrides: front-matter values a translation owns (a localized
-- slug, date or aliases, a key only it has), adopted from a localized
-- posting and applied by build. `overrides` is a JSON list of edits of the
-- source's front matter (see src/adopt/overrides.rs).

CREATE TABLE front_matter_overrides (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    overrides   TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (document_id, lang)
) WITHOUT ROWID;

-- Where a document's localized posting is when its path is not the one
-- the layout gives (paired through `translationKey` by adopt).
CREATE TABLE localized_paths (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    path        TEXT NOT NULL,
    PRIMARY KEY (document_id, lang)
) WITHOUT ROWID;
