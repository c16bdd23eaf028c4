-- RFM (lesson 05): one row per customer, from the orders on or before :as_of.
--   recency   = days from the last purchase to :as_of
--   frequency = number of purchases (order rows with an amount of 0 or more)
--   monetary  = total amount (refunds, negative amounts, lower it but are no purchase)
WITH orders AS (
    SELECT {customer} AS customer,
           {day}      AS day,
           {amount}   AS amount
    FROM {orders}
    WHERE {day} <= CAST(:as_of AS DATE)
)
SELECT customer,
       days_between(MAX(CASE WHEN amount >= 0 THEN day END), CAST(:as_of AS DATE)) AS recency,
       COUNT(CASE WHEN amount >= 0 THEN 1 END)                                      AS frequency,
       SUM(amount)                                                                  AS monetary
FROM orders
GROUP BY customer
HAVING COUNT(CASE WHEN amount >= 0 THEN 1 END) > 0   -- only refunds: not a customer
