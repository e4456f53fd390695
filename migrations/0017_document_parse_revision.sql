-- 0017_document_parse_revision: which revision of tolkar's parser
-- (`posting::PARSE_REVISION`) stored a document's segments. Sync parses a
-- posting stored by an earlier one again even when its bytes are the same,
-- so that what is stored is what this tolkar reads (build trusts it, and
-- export takes each segment's markup from it); such a posting is not
-- counted as changed, and keeps the time it last changed. The documents
-- stored so far are of revision 1 (no markup).
ALTER TABLE documents ADD COLUMN parse_revision INTEGER NOT NULL DEFAULT 1;
