-- The door of every orders measure: what would make the answer wrong, counted in one pass.
-- {day} is the order's calendar day; {amount} and {order} are 0 when the measure needs none.
SELECT COUNT(*)                                                         AS row_count,
       COUNT(*) - COUNT({customer})                                     AS missing_ids,
       COUNT(*) - COUNT({date})                                         AS missing_dates,
       COUNT(CASE WHEN {date} IS NOT NULL AND {day} IS NULL THEN 1 END) AS unreadable_dates,
       COUNT(*) - COUNT({amount})                                       AS missing_amounts,
       COUNT(CASE WHEN {amount} < 0 THEN 1 END)                         AS negative_amounts,
       COUNT(*) - COUNT({order})                                        AS missing_orders,
       MIN({day})                                                       AS first_day,
       MAX({day})                                                       AS last_day
FROM {orders}
