-- The door of a column of 0-10 answers: none missing, on the scale, whole points.
SELECT COUNT(*)                                                    AS row_count,
       COUNT(*) - COUNT({score})                                   AS missing,
       COUNT(CASE WHEN {score} < 0 OR {score} > 10 THEN 1 END)     AS outside,
       COUNT(CASE WHEN {score} <> FLOOR({score}) THEN 1 END)       AS decimals
FROM {scores}
