-- Net Promoter Score (lesson 04; Reichheld 2003): promoters answer 9-10, detractors 0-6.
--   NPS = 100 * (promoters - detractors) / answers
SELECT COUNT(*)                                  AS answers,
       COUNT(CASE WHEN {score} >= 9 THEN 1 END)  AS promoters,
       COUNT(CASE WHEN {score} <= 6 THEN 1 END)  AS detractors
FROM {scores}
