-- fct_growth — growth per region × indicator × plan period, in two kinds:
--   realized: a completed period's base → actual (十三五: 2015 → 2020)
--   planned:  a plan period's base → target (十四五: 2020 → 2025); without a base in the plan's own table, the
--             previous period's actual for that year is the start (start_source = previous_actual)
-- CAGR = (end / start)^(1 / years) − 1. Five-year flows compare five-year sums (basis five_year_sums: the CAGR
-- between consecutive sums, plus sum_ratio = end / start). Reads fct_observation, dim_indicator, dq_findings.
-- Formulas: docs/tables-and-metrics.md#growth--fct_growth-fct_growthsql.
WITH obs AS (
  SELECT o.*, i.polarity, i.kind
  FROM fct_observation o
  JOIN dim_indicator i ON o.indicator_id = i.indicator_id
),
picked AS (                         -- one value per role and period; a table cell wins over a prose sentence
  SELECT region_code, indicator_id, plan_period, first(polarity) AS polarity, first(kind) AS kind,
    first(unit) FILTER (WHERE role = 'actual') AS unit_actual,
    first(unit) FILTER (WHERE role = 'target') AS unit_target,
    max_by(named_struct('v', value, 'k', value_kind, 'cmp', comparator, 'cum', is_cumulative, 'raw', value_raw,
                        'id', observation_id, 'year', year, 'src', source_kind, 'flags', quality_flags),
           named_struct('table_first', source_kind = 'table', 'id', observation_id)) FILTER (WHERE role = 'base') AS b,
    max_by(named_struct('v', value, 'k', value_kind, 'cmp', comparator, 'cum', is_cumulative, 'raw', value_raw,
                        'id', observation_id, 'year', year, 'src', source_kind, 'flags', quality_flags),
           named_struct('table_first', source_kind = 'table', 'id', observation_id)) FILTER (WHERE role = 'target') AS t,
    max_by(named_struct('v', value, 'k', value_kind, 'cmp', comparator, 'cum', is_cumulative, 'raw', value_raw,
                        'id', observation_id, 'year', year, 'src', source_kind, 'flags', quality_flags),
           named_struct('table_first', source_kind = 'table', 'id', observation_id)) FILTER (WHERE role = 'actual') AS a
  FROM (SELECT * FROM obs DISTRIBUTE BY region_code, indicator_id)  -- one shuffle serves this and the window below
  GROUP BY region_code, indicator_id, plan_period
),
with_previous AS (                  -- the previous period's actual in the year this plan starts from
  SELECT p.*,
    try_element_at(filter(collect_list(a) OVER (PARTITION BY region_code, indicator_id), x -> x.year = p.t.year - 5), 1) AS prev
  FROM picked p
),
pairs AS (                          -- realized: base → actual of a completed period; planned: start → target otherwise
  SELECT w.region_code, w.indicator_id, w.plan_period, g.pair.growth_kind, w.polarity, w.kind, g.pair.unit,
         g.pair.s, g.pair.e, g.pair.start_source
  FROM with_previous w
  LATERAL VIEW explode(array(
    CASE WHEN w.a IS NOT NULL THEN
      named_struct('growth_kind', 'realized', 'unit', w.unit_actual, 's', w.b, 'e', w.a, 'start_source', 'base') END,
    CASE WHEN w.t IS NOT NULL AND w.a IS NULL THEN
      named_struct('growth_kind', 'planned', 'unit', w.unit_target, 's', coalesce(w.b, w.prev), 'e', w.t,
                   'start_source', CASE WHEN w.b IS NOT NULL THEN 'base' WHEN w.prev IS NOT NULL THEN 'previous_actual' END) END
  )) g AS pair
  WHERE g.pair IS NOT NULL
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
  LEFT JOIN (SELECT DISTINCT region_code, indicator_id, plan_period FROM dq_findings
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
  -- a value read from a sentence rather than a table is marked on every row it feeds
  nullif(concat_ws(';', array_sort(array_distinct(flatten(array(
    coalesce(split(s.flags, ';'), array()), coalesce(split(e.flags, ';'), array()),
    CASE WHEN s.src = 'prose' THEN array('start_from_prose') ELSE array() END,
    CASE WHEN e.src = 'prose' THEN array('end_from_prose') ELSE array() END))))), '') AS quality_flags,
  s.id AS start_observation_id, e.id AS end_observation_id
FROM reasoned
