-- fct_growth — growth per region × indicator × plan period, in two kinds:
--   realized: a completed period's base → actual (十三五: 2015 → 2020)
--   planned:  a plan period's base → target (十四五: 2020 → 2025); without a base in the plan's own table, the
--             previous period's actual for that year is the start (start_source = previous_actual)
-- CAGR = (end / start)^(1 / years) − 1. Five-year flows compare five-year sums (basis five_year_sums: the CAGR
-- between consecutive sums, plus sum_ratio = end / start). Formulas: README "Metrics". Inputs: observation,
-- indicator, finding.
WITH obs AS (
  SELECT o.*, i.polarity, i.kind
  FROM observation o
  JOIN indicator i ON o.indicator_id = i.indicator_id
),
pick AS (                           -- one value per role; a table cell wins over a prose sentence
  SELECT region_code, indicator_id, plan_period, role, first(polarity) AS polarity, first(kind) AS kind, first(unit) AS unit,
    max_by(named_struct('v', value, 'k', value_kind, 'cmp', comparator, 'cum', is_cumulative, 'raw', value_raw,
                        'id', observation_id, 'year', year, 'src', source_kind, 'flags', quality_flags),
           named_struct('table_first', source_kind = 'table', 'id', observation_id)) AS x
  FROM obs
  GROUP BY region_code, indicator_id, plan_period, role
),
pairs AS (
  SELECT a.region_code, a.indicator_id, a.plan_period, 'realized' AS growth_kind, a.polarity, a.kind, a.unit,
         b.x AS s, a.x AS e, 'base' AS start_source
  FROM pick a
  LEFT JOIN pick b ON b.region_code = a.region_code AND b.indicator_id = a.indicator_id
                  AND b.plan_period = a.plan_period AND b.role = 'base'
  WHERE a.role = 'actual'
  UNION ALL
  SELECT t.region_code, t.indicator_id, t.plan_period, 'planned', t.polarity, t.kind, t.unit,
         coalesce(b.x, prev.x), t.x,
         CASE WHEN b.x IS NOT NULL THEN 'base' WHEN prev.x IS NOT NULL THEN 'previous_actual' END
  FROM pick t
  LEFT JOIN pick act ON act.region_code = t.region_code AND act.indicator_id = t.indicator_id
                    AND act.plan_period = t.plan_period AND act.role = 'actual'
  LEFT JOIN pick b ON b.region_code = t.region_code AND b.indicator_id = t.indicator_id
                  AND b.plan_period = t.plan_period AND b.role = 'base'
  LEFT JOIN pick prev ON prev.region_code = t.region_code AND prev.indicator_id = t.indicator_id
                     AND prev.role = 'actual' AND prev.x.year = t.x.year - 5
  WHERE t.role = 'target' AND act.x IS NULL
),
reasoned AS (
  SELECT p.*,
    CASE
      WHEN p.s IS NULL OR p.s.k = 'missing' THEN 'missing_start'
      WHEN p.e.k = 'missing' THEN 'missing_end'
      WHEN p.s.k <> 'number' OR p.e.k <> 'number' THEN 'not_numeric'
      WHEN f.region_code IS NOT NULL AND p.growth_kind = 'realized' THEN 'five_year_total_vs_single_year_base'
      WHEN p.s.cum <> p.e.cum THEN 'five_year_sum_vs_single_year'
      WHEN p.s.cmp IS NOT NULL THEN 'start_is_bound'
      WHEN p.s.v = 0 THEN 'zero_start'
      WHEN p.s.v < 0 OR p.e.v < 0 THEN 'sign_change'
      WHEN p.e.year <= p.s.year THEN 'no_elapsed_years'
    END AS not_assessable_reason
  FROM pairs p
  LEFT JOIN (SELECT DISTINCT region_code, indicator_id, plan_period FROM finding
             WHERE finding_type = 'five_year_total_vs_single_year_base') f
         ON f.region_code = p.region_code AND f.indicator_id = p.indicator_id AND f.plan_period = p.plan_period
)
SELECT
  region_code, indicator_id, plan_period, growth_kind, polarity, kind, unit,
  CASE WHEN kind = 'five_year_flow' AND s.cum AND e.cum THEN 'five_year_sums' ELSE 'level' END AS basis,
  s.year AS start_year, e.year AS end_year,
  s.v AS start_value, e.v AS end_value, e.cmp AS end_comparator,
  s.raw AS start_raw, e.raw AS end_raw,
  start_source, e.src AS end_source,
  -- CAGR = (end / start)^(1 / (end_year − start_year)) − 1
  CASE WHEN not_assessable_reason IS NULL THEN pow(e.v / s.v, 1.0D / (e.year - s.year)) - 1 END AS cagr,
  CASE WHEN not_assessable_reason IS NULL AND s.cum AND e.cum THEN e.v / s.v END AS sum_ratio,
  not_assessable_reason,
  nullif(concat_ws(';', array_sort(array_distinct(flatten(array(
    coalesce(split(s.flags, ';'), array()), coalesce(split(e.flags, ';'), array())))))), '') AS quality_flags,
  s.id AS start_observation_id, e.id AS end_observation_id
FROM reasoned
