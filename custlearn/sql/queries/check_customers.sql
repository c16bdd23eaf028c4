-- The door of a customers table: one row per id, a readable sign-up day (and closing day).
-- {signup} and {closed} are days (NULL literals when the measure needs none).
SELECT COUNT(*)                                                  AS row_count,
       COUNT(*) - COUNT({customer})                              AS missing_ids,
       COUNT({customer}) - COUNT(DISTINCT {customer})            AS repeated_ids,
       COUNT(*) - COUNT({signup})                                AS missing_signups,
       COUNT(CASE WHEN {signup_raw} IS NOT NULL AND {signup} IS NULL THEN 1 END) AS unreadable_signups,
       COUNT(CASE WHEN {closed_raw} IS NOT NULL AND {closed} IS NULL THEN 1 END) AS unreadable_closings
FROM {customers}
