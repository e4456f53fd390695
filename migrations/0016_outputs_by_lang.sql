-- 0016_outputs_by_lang: with the bases in a table of their own (0014),
-- an `outputs` row is small, and the index 0013 made to read the rows of
-- a language without their bases only doubled every write of a row (a
-- `stat` recorded for every file build writes). The language alone is
-- enough to find them.
DROP INDEX outputs_by_lang;
CREATE INDEX outputs_by_lang ON outputs(lang);
