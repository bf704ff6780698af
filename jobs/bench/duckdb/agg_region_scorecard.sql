-- DuckDB port of jobs/src/main/resources/models/agg_region_scorecard.sql for the benchmark; keep in step.
-- Same CTEs, output columns, names, order and semantics as the Spark model; where the dialects differ:
--   count_if(c) → count(*) FILTER (WHERE c): DuckDB's count_if is HUGEINT and NULL for a group where c is never
--     non-NULL; Spark's is BIGINT and 0.
--   percentile(x, 0.5) → Spark's exact-percentile arithmetic on a sorted list (see agg_indicator_cross_region.sql).
--   achieved / indicators_assessed: BIGINT / BIGINT is DOUBLE division in both engines (not DuckDB's //).
WITH att AS (
  SELECT region_code, plan_period,
    count(achieved) AS indicators_assessed,
    count(*) FILTER (WHERE achieved) AS achieved,
    count(*) FILTER (WHERE NOT achieved) AS missed,
    count(*) FILTER (WHERE NOT achieved AND is_binding) AS binding_missed,
    count(*) FILTER (WHERE declined) AS declines
  FROM fct_target_attainment GROUP BY region_code, plan_period
),
amb AS (
  SELECT region_code, plan_period,
    count(target_to_current) AS targets_with_ambition,
    count(*) FILTER (WHERE target_below_current) AS targets_below_current,
    -- percentile(target_to_current, 0.5), Spark's arithmetic
    list_sort(list(target_to_current) FILTER (WHERE target_to_current IS NOT NULL)) AS sorted_ambition,
    CASE
      WHEN sorted_ambition IS NULL OR len(sorted_ambition) = 0 THEN NULL
      WHEN len(sorted_ambition) % 2 = 1 THEN sorted_ambition[(len(sorted_ambition) + 1) // 2]
      ELSE CAST(0.5 AS DOUBLE) * sorted_ambition[len(sorted_ambition) // 2]
         + CAST(0.5 AS DOUBLE) * sorted_ambition[len(sorted_ambition) // 2 + 1]
    END AS median_ambition
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
