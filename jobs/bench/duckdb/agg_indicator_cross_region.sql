-- DuckDB port of jobs/src/main/resources/models/agg_indicator_cross_region.sql for the benchmark; keep in step.
-- Same output columns, names, order and semantics as the Spark model, which computes the statistics as windows over
-- one exchange; the port keeps them as GROUP BY CTEs joined back (both are held to the same golden files). Where the
-- dialects differ:
--   percentile(x, 0.5) — Spark's exact percentile: with the n non-NULL values sorted and pos = (n − 1) · 0.5, it
--     returns the value at pos when pos is whole, else (⌈pos⌉ − pos) · lo + (pos − ⌊pos⌋) · hi = 0.5 · lo + 0.5 · hi
--     of the two middle values. DuckDB's median / quantile_cont use the same definition (linear interpolation
--     between closest ranks) but compute lo + (hi − lo) · 0.5, which can differ in the last bit; because mad and
--     robust_z subtract the median from values, the port spells out Spark's arithmetic on a sorted list instead.
--   rank() is INT in Spark, BIGINT in DuckDB: cast back. Spark sorts NULLs first ascending and last descending,
--     DuckDB last in both: the window orders say NULLS FIRST / NULLS LAST explicitly.
--   0.6745D → CAST(0.6745 AS DOUBLE); ${outlier_z} likewise.
--   stddev_samp and avg are both one-pass (Welford-type) in floating point: equal up to the last bits, which the
--     round(…, 12) of cv absorbs (the cross-check compares within a relative 1e-9).
WITH metric AS (
  SELECT region_code, indicator_id, plan_period, 'realized_cagr' AS metric, cagr AS value,
         cagr * CASE polarity WHEN 'higher' THEN 1 WHEN 'lower' THEN -1 END AS oriented_value
  FROM fct_growth WHERE growth_kind = 'realized' AND cagr IS NOT NULL AND polarity <> 'none'
  UNION ALL
  SELECT region_code, indicator_id, plan_period, 'planned_cagr', cagr,
         cagr * CASE polarity WHEN 'higher' THEN 1 WHEN 'lower' THEN -1 END
  FROM fct_growth WHERE growth_kind = 'planned' AND cagr IS NOT NULL AND polarity <> 'none'
  UNION ALL
  SELECT region_code, indicator_id, plan_period, 'target_to_current', target_to_current, target_to_current
  FROM fct_ambition WHERE target_to_current IS NOT NULL
),
stats AS (
  SELECT indicator_id, plan_period, metric,
    count(*) AS n_regions,
    -- percentile(value, 0.5), Spark's arithmetic (see the header)
    list_sort(list(value) FILTER (WHERE value IS NOT NULL)) AS sorted_values,
    CASE
      WHEN sorted_values IS NULL OR len(sorted_values) = 0 THEN NULL
      WHEN len(sorted_values) % 2 = 1 THEN sorted_values[(len(sorted_values) + 1) // 2]
      ELSE CAST(0.5 AS DOUBLE) * sorted_values[len(sorted_values) // 2]
         + CAST(0.5 AS DOUBLE) * sorted_values[len(sorted_values) // 2 + 1]
    END AS median,
    min(value) AS min_value, max(value) AS max_value,
    CASE WHEN count(*) >= 2 AND avg(value) <> 0 THEN round(stddev_samp(value) / abs(avg(value)), 12) END AS cv
  FROM metric GROUP BY indicator_id, plan_period, metric
),
deviation AS (
  SELECT m.indicator_id, m.plan_period, m.metric,
    -- percentile(abs(m.value - s.median), 0.5), Spark's arithmetic (see the header)
    list_sort(list(abs(m.value - s.median)) FILTER (WHERE abs(m.value - s.median) IS NOT NULL)) AS sorted_deviations,
    CASE
      WHEN sorted_deviations IS NULL OR len(sorted_deviations) = 0 THEN NULL
      WHEN len(sorted_deviations) % 2 = 1 THEN sorted_deviations[(len(sorted_deviations) + 1) // 2]
      ELSE CAST(0.5 AS DOUBLE) * sorted_deviations[len(sorted_deviations) // 2]
         + CAST(0.5 AS DOUBLE) * sorted_deviations[len(sorted_deviations) // 2 + 1]
    END AS exact_mad
  FROM metric m JOIN stats s USING (indicator_id, plan_period, metric)
  GROUP BY m.indicator_id, m.plan_period, m.metric
),
mad AS (
  SELECT indicator_id, plan_period, metric,
    CASE WHEN round(exact_mad, 12) = 0 THEN CAST(0 AS DOUBLE) ELSE exact_mad END AS mad
  FROM deviation
)
SELECT
  m.indicator_id, m.plan_period, m.metric, m.region_code, m.value, m.oriented_value,
  CAST(rank() OVER (PARTITION BY m.indicator_id, m.plan_period, m.metric ORDER BY round(m.oriented_value, 12) DESC NULLS LAST)
       AS INTEGER) AS rank,
  percent_rank() OVER (PARTITION BY m.indicator_id, m.plan_period, m.metric ORDER BY round(m.oriented_value, 12) ASC NULLS FIRST)
    AS percentile,
  s.n_regions, s.median, s.min_value, s.max_value, s.cv, d.mad,
  CASE WHEN d.mad > 0 THEN CAST(0.6745 AS DOUBLE) * (m.value - s.median) / d.mad END AS robust_z,
  CASE WHEN d.mad > 0 THEN abs(CAST(0.6745 AS DOUBLE) * (m.value - s.median) / d.mad) > CAST(${outlier_z} AS DOUBLE) END
    AS is_outlier
FROM metric m
JOIN stats s USING (indicator_id, plan_period, metric)
JOIN mad d USING (indicator_id, plan_period, metric)
