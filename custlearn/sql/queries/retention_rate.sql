-- Period retention (lesson 04): who bought in which calendar period, up to :as_of.
-- {period} numbers the periods as pandas does (Period.ordinal: month 2024-02 = 2024-01 + 1).
--   active   = customers with an order in the period
--   retained = customers with an order in the period AND in the one before
WITH active AS (
    SELECT DISTINCT {customer} AS customer, {period} AS period
    FROM {orders}
    WHERE {day} <= CAST(:as_of AS DATE)
)
SELECT now.period,
       COUNT(*)             AS active,
       COUNT(prev.customer) AS retained
FROM active now
LEFT JOIN active prev ON prev.customer = now.customer AND prev.period = now.period - 1
GROUP BY now.period
ORDER BY now.period
