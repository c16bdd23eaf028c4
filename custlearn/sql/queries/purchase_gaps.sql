-- The gaps between a customer's consecutive purchase days up to :cutoff (lessons 02 and 06),
-- counted per length: the default churn window is their 90% quantile.
WITH days AS (
    SELECT DISTINCT {customer} AS customer, {day} AS day
    FROM {orders}
    WHERE {day} <= CAST(:cutoff AS DATE)
),
gaps AS (
    SELECT days_between(LAG(day) OVER (PARTITION BY customer ORDER BY day), day) AS gap
    FROM days
)
SELECT gap, COUNT(*) AS times
FROM gaps
WHERE gap IS NOT NULL
GROUP BY gap
ORDER BY gap
