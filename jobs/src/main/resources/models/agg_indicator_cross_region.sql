-- agg_indicator_cross_region — each region's place among the regions reporting the same indicator and period,
-- for three metrics: realized_cagr, planned_cagr (fct_growth) and target_to_current (fct_ambition).
--   oriented_value = value × d for growth (d = +1 higher is better, −1 lower), the ratio itself for ambition;
--   rank 1 = best / most ambitious; percentile = percent_rank on oriented_value (0 lowest … 1 highest);
--   median, min, max of value; cv = stddev_samp / |mean| (n ≥ 2, mean ≠ 0), rounded to 12 decimals: sums in floating
--   point depend on the order partitions arrive in, and a rerun on another cluster must give identical contents;
--   mad = median(|value − median|), 0 when it is 0 to 12 decimals: values equal but for floating-point noise
--   (2.7 / 4.5 = 0.6000000000000001 against 3 / 5 = 0.6) have no spread; robust_z = 0.6745 · (value − median) / mad;
--   outlier when |robust_z| > ${outlier_z} (Iglewicz & Hoaglin); NULL when mad = 0.
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
placed AS (                         -- every statistic over the region's peers: one exchange, windows on it
  SELECT m.*,
    count(*) OVER g AS n_regions,
    percentile(value, 0.5) OVER g AS median,
    min(value) OVER g AS min_value, max(value) OVER g AS max_value,
    CASE WHEN count(*) OVER g >= 2 AND avg(value) OVER g <> 0 THEN round(stddev_samp(value) OVER g / abs(avg(value) OVER g), 12) END
      AS cv,
    -- rank = 1 + the regions with a higher oriented_value; percentile = percent_rank = (regions lower) / (n − 1), 0 when
    -- n = 1. Both from one ascending window (one sort instead of two: at 20M observations the second sort ran a 1 GiB
    -- heap out): the regions at or below a value are the window's default frame, so higher = n − that count.
    -- Ranked on oriented_value rounded to 12 decimals, so that values equal to 12 decimals are ties: growth rates that
    -- are mathematically equal (pow of equal ratios printed differently) differ in their last bits, and differently
    -- in another engine (at 20M DuckDB ranked a region 18 places off for such near-ties).
    count(*) OVER w AS at_or_below,
    rank() OVER w AS rank_ascending
  FROM metric m
  WINDOW g AS (PARTITION BY indicator_id, plan_period, metric),
         w AS (PARTITION BY indicator_id, plan_period, metric ORDER BY round(oriented_value, 12))
),
spread AS (
  SELECT p.*, percentile(abs(value - median), 0.5) OVER (PARTITION BY indicator_id, plan_period, metric) AS exact_mad
  FROM placed p
),
scored AS (
  SELECT s.*, CASE WHEN round(exact_mad, 12) = 0 THEN 0D ELSE exact_mad END AS mad FROM spread s
)
SELECT
  indicator_id, plan_period, metric, region_code, value, oriented_value,
  CAST(n_regions - at_or_below + 1 AS INT) AS rank,
  CASE WHEN n_regions > 1 THEN (rank_ascending - 1) / (n_regions - 1) ELSE 0D END AS percentile,
  n_regions, median, min_value, max_value, cv, mad,
  CASE WHEN mad > 0 THEN 0.6745D * (value - median) / mad END AS robust_z,
  CASE WHEN mad > 0 THEN abs(0.6745D * (value - median) / mad) > ${outlier_z} END AS is_outlier
FROM scored
