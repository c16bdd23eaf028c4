-- Every customer of the orders must be in the customers table.
WITH seen AS (
    SELECT DISTINCT {customer} AS customer FROM {orders}
)
SELECT COUNT(*) AS unknown, MIN(seen.customer) AS example
FROM seen
WHERE seen.customer NOT IN (SELECT {customer} FROM {customers})
