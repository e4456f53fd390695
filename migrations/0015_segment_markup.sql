-- 0015_segment_markup: what each placeholder of a segment stands for, as
-- sync found it in the posting (`segment::markup::encode`: empty for none,
-- else a JSON array of [id, open, close]), so that an export need not read
-- and parse the postings again. NULL: written before this column, or by
-- something other than sync; export then reads the posting as before.
ALTER TABLE segments ADD COLUMN markup TEXT;
