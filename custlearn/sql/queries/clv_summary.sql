-- The BTYD summary (lesson 05; Fader, Hardie & Lee 2005), from the purchases on or before :as_of.
-- Several orders on one calendar day are one purchase; refunds are no purchase.
--   frequency      = purchase days - 1                     (repeat purchases)
--   recency        = last purchase day - first purchase day (in :unit days)
--   T              = :as_of - first purchase day            (in :unit days)
--   monetary_value = mean spend of the repeat purchase days (0 without repeats)
WITH days AS (
    SELECT {customer} AS customer,
           {day}      AS day,
           SUM({amount}) AS spend
    FROM {orders}
    WHERE {day} <= CAST(:as_of AS DATE) AND {amount} >= 0
    GROUP BY {customer}, {day}
),
firsts AS (
    SELECT customer, MIN(day) AS first_day
    FROM days
    GROUP BY customer
)
SELECT days.customer,
       COUNT(*) - 1                                                    AS frequency,
       days_between(MIN(day), MAX(day)) / :unit                        AS recency,
       days_between(MIN(day), CAST(:as_of AS DATE)) / :unit            AS T,
       CASE WHEN COUNT(*) > 1
            THEN SUM(CASE WHEN day > first_day THEN spend ELSE 0 END) / (COUNT(*) - 1)
            ELSE 0 END                                                 AS monetary_value
FROM days JOIN firsts ON firsts.customer = days.customer
GROUP BY days.customer
