-- Repeat purchase rate (lesson 04): customers with 2+ purchases / customers with 1+.
-- A purchase ({purchase}) is an order id (count="orders") or a day with orders (count="days").
-- With a window (:use_window), only customers seen for :window_days days after their first
-- purchase (up to :end) count, and only the purchases within those days.
WITH purchases AS (
    SELECT {customer} AS customer, {purchase} AS purchase, MIN({day}) AS day
    FROM {orders}
    GROUP BY {customer}, {purchase}
),
firsts AS (
    SELECT customer, MIN(day) AS first_day
    FROM purchases
    GROUP BY customer
),
counted AS (
    SELECT p.customer, COUNT(*) AS purchases
    FROM purchases p JOIN firsts f ON p.customer = f.customer
    WHERE NOT :use_window
       OR (days_between(f.first_day, CAST(:end AS DATE)) >= :window_days
           AND days_between(f.first_day, p.day) <= :window_days)
    GROUP BY p.customer
)
SELECT COUNT(*)                                    AS buyers,
       COUNT(CASE WHEN purchases >= 2 THEN 1 END)  AS repeat_buyers
FROM counted
