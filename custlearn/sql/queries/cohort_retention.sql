-- Cohort retention (lesson 04): a customer's cohort is the period of the first purchase;
-- count the customers of each cohort active k periods later, up to :as_of.
-- Only the customers listed in {customers} count.
WITH active AS (
    SELECT DISTINCT {customer} AS customer, {period} AS period
    FROM {orders}
    WHERE {day} <= CAST(:as_of AS DATE)
      AND {customer} IN (SELECT {customer} FROM {customers})
),
cohorts AS (
    SELECT customer, MIN(period) AS cohort
    FROM active
    GROUP BY customer
)
SELECT cohorts.cohort,
       active.period - cohorts.cohort AS age,
       COUNT(*)                       AS customers
FROM active JOIN cohorts ON active.customer = cohorts.customer
GROUP BY cohorts.cohort, active.period - cohorts.cohort
ORDER BY cohorts.cohort, age
