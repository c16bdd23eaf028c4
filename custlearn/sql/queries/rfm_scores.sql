-- RFM scores (lesson 05), ties="same": customers with equal values get equal scores.
--   score = 1 + floor(:bins * k / n)
-- k = customers with a strictly worse value (RANK() - 1), n = all customers.
-- A LARGER recency (more days since the last purchase) is worse, so recency ranks descending.
-- FLOOR of a division is exact here: bins * k and n are whole numbers far below 2^53.
WITH ranked AS (
    SELECT {row} AS row_key,
           RANK() OVER (ORDER BY {recency} DESC) - 1 AS recency_worse,
           RANK() OVER (ORDER BY {frequency})    - 1 AS frequency_worse,
           RANK() OVER (ORDER BY {monetary})     - 1 AS monetary_worse,
           COUNT(*) OVER ()                          AS n
    FROM {rfm}
)
SELECT row_key,
       1 + CAST(FLOOR(:bins * recency_worse   / n) AS BIGINT) AS recency_score,
       1 + CAST(FLOOR(:bins * frequency_worse / n) AS BIGINT) AS frequency_score,
       1 + CAST(FLOOR(:bins * monetary_worse  / n) AS BIGINT) AS monetary_score
FROM ranked
ORDER BY row_key
