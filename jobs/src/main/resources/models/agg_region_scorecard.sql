-- agg_region_scorecard — one row per region × plan period.
--   completed periods (fct_target_attainment): indicators_assessed (achieved known), achieved, missed,
--     binding_missed (missed and 约束性), declines (moved against polarity from the base)
--   plan periods (fct_ambition): targets (with a computed ambition), targets_below_current, median_ambition
--     (median target_to_current)
WITH att AS (
  SELECT region_code, plan_period,
    count(achieved) AS indicators_assessed,
    count_if(achieved) AS achieved,
    count_if(NOT achieved) AS missed,
    count_if(NOT achieved AND is_binding) AS binding_missed,
    count_if(declined) AS declines
  FROM fct_target_attainment GROUP BY region_code, plan_period
),
amb AS (
  SELECT region_code, plan_period,
    count(target_to_current) AS targets_with_ambition,
    count_if(target_below_current) AS targets_below_current,
    percentile(target_to_current, 0.5) AS median_ambition
  FROM fct_ambition GROUP BY region_code, plan_period
),
keys AS (SELECT region_code, plan_period FROM att UNION SELECT region_code, plan_period FROM amb)
SELECT k.region_code, r.region_name, k.plan_period,
  att.indicators_assessed, att.achieved, att.missed, att.binding_missed, att.declines,
  CASE WHEN att.indicators_assessed > 0 THEN att.achieved / att.indicators_assessed END AS achieved_share,
  amb.targets_with_ambition, amb.targets_below_current, amb.median_ambition
FROM keys k
JOIN dim_region r ON r.region_code = k.region_code
LEFT JOIN att ON att.region_code = k.region_code AND att.plan_period = k.plan_period
LEFT JOIN amb ON amb.region_code = k.region_code AND amb.plan_period = k.plan_period
