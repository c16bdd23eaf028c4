-- Churn labels (lesson 07), non-contractual: the customers are those with a purchase on or
-- before :cutoff; a customer churned if no purchase day falls in (:cutoff, :window_end].
WITH days AS (
    SELECT DISTINCT {customer} AS customer, {day} AS day
    FROM {orders}
),
before AS (
    SELECT customer, COUNT(*) AS purchases_before, MAX(day) AS last_purchase
    FROM days
    WHERE day <= CAST(:cutoff AS DATE)
    GROUP BY customer
),
after AS (
    SELECT customer, MIN(day) AS next_purchase
    FROM days
    WHERE day > CAST(:cutoff AS DATE) AND day <= CAST(:as_of AS DATE)
    GROUP BY customer
),
signups AS (
    SELECT {customer} AS customer, {signup} AS signup_date
    FROM {customers}
)
SELECT before.customer,
       signups.signup_date,
       before.purchases_before,
       before.last_purchase,
       days_between(before.last_purchase, CAST(:cutoff AS DATE))   AS days_since_last,
       after.next_purchase,
       days_between(CAST(:cutoff AS DATE), after.next_purchase)    AS days_to_next,
       after.next_purchase IS NULL
           OR after.next_purchase > CAST(:window_end AS DATE)      AS churned
FROM before
JOIN signups ON signups.customer = before.customer
LEFT JOIN after ON after.customer = before.customer
ORDER BY before.customer
