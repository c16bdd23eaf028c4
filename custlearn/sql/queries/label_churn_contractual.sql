-- Churn labels (lesson 07), contractual: the customers are those whose account is open at the
-- end of :cutoff; a customer churned if the account closes in (:cutoff, :window_end].
WITH accounts AS (
    SELECT {customer} AS customer, {signup} AS signup_date, {closed} AS closed
    FROM {customers}
)
SELECT customer,
       signup_date,
       closed,
       days_between(signup_date, CAST(:cutoff AS DATE))  AS tenure_days,
       days_between(CAST(:cutoff AS DATE), closed)       AS days_to_close,
       COALESCE(closed <= CAST(:window_end AS DATE), FALSE) AS churned
FROM accounts
WHERE signup_date <= CAST(:cutoff AS DATE)
  AND (closed IS NULL OR closed > CAST(:cutoff AS DATE))
ORDER BY customer
