-- 0012_output_stat: what `stat` said of a localized posting when build
-- last found it to be the file it wrote (its hash is `content_hash`). A
-- posting whose `stat` still says the same is not read and hashed again
-- by the next build; NULL (just written, or changed since) always is.
ALTER TABLE outputs ADD COLUMN stat TEXT;
