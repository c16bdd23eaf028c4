-- The Pareto curve (lesson 05): customers from the largest value down, with cumulative shares.
-- Equal values keep the order of {position} (the row order of a pandas Series, else the id).
WITH curve AS (
    SELECT {customer} AS customer,
           {position} AS position,
           CAST({value} AS DOUBLE) AS value
    FROM {values}
),
running AS (
    SELECT customer, value,
           ROW_NUMBER() OVER (ORDER BY value DESC, position) AS rank,
           SUM(value) OVER (ORDER BY value DESC, position
                            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative_value,
           COUNT(*) OVER ()   AS n,
           SUM(value) OVER () AS total
    FROM curve
)
SELECT customer,
       rank,
       value,
       cumulative_value,
       rank / CAST(n AS DOUBLE)  AS customer_share,
       cumulative_value / total  AS cumulative_value_share
FROM running
ORDER BY rank
