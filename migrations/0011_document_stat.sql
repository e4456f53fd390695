-- 0011_document_stat: what `stat` said of each source posting when sync
-- last read it (size, times, inode, and the rules it was read with). A
-- posting whose `stat` still says the same is not read again, as git
-- trusts its index; NULL (a posting changed within seconds of being read)
-- always is.
ALTER TABLE documents ADD COLUMN stat TEXT;
