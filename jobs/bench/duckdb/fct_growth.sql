-- DuckDB port of jobs/src/main/resources/models/fct_growth.sql for the benchmark; keep in step.
-- Same CTEs, output columns, names, order and semantics as the Spark model; only the dialect differs:
--   named_struct(...) → {'name': value, ...}; max_by → arg_max; array() → []::VARCHAR[]; split → string_split;
--   concat_ws(';', array_sort(array_distinct(...))) → coalesce(array_to_string(list_sort(list_distinct(...)), ';'), '')
--   (array_to_string of an empty list is NULL, Spark's concat_ws gives ''); 1.0D → CAST(1.0 AS DOUBLE).
--   The "table cell wins" ordering key of pick: Spark orders structs field by field with a NULL field lowest;
--   DuckDB's ordering of NULLs inside a struct is its own, so the key spells Spark's order out with NULL-free
--   fields (source_kind NULL < not 'table' < 'table'; a NULL observation_id below any other).
--   pow: Spark uses Java's StrictMath.pow (fdlibm), DuckDB the C library's pow; they can differ in the last bit
--   (two of 117 CAGRs of the reference data, by ~1e-14 relative; the cross-check compares within 1e-9).
WITH obs AS (
  SELECT o.*, i.polarity, i.kind
  FROM fct_observation o
  JOIN dim_indicator i ON o.indicator_id = i.indicator_id
),
pick AS (                           -- one value per role; a table cell wins over a prose sentence
  SELECT region_code, indicator_id, plan_period, role, first(polarity) AS polarity, first(kind) AS kind, first(unit) AS unit,
    arg_max({'v': value, 'k': value_kind, 'cmp': comparator, 'cum': is_cumulative, 'raw': value_raw,
             'id': observation_id, 'year': year, 'src': source_kind, 'flags': quality_flags},
            {'table_first': CASE WHEN source_kind IS NULL THEN 0 WHEN source_kind = 'table' THEN 2 ELSE 1 END,
             'has_id': observation_id IS NOT NULL, 'id': observation_id}) AS x
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
  CASE WHEN not_assessable_reason IS NULL THEN pow(e.v / s.v, CAST(1.0 AS DOUBLE) / (e.year - s.year)) - 1 END AS cagr,
  CASE WHEN not_assessable_reason IS NULL AND s.cum AND e.cum THEN e.v / s.v END AS sum_ratio,
  not_assessable_reason,
  nullif(coalesce(array_to_string(list_sort(list_distinct(flatten([
    coalesce(string_split(s.flags, ';'), []::VARCHAR[]), coalesce(string_split(e.flags, ';'), []::VARCHAR[]),
    CASE WHEN s.src = 'prose' THEN ['start_from_prose'] ELSE []::VARCHAR[] END,
    CASE WHEN e.src = 'prose' THEN ['end_from_prose'] ELSE []::VARCHAR[] END]))), ';'), ''), '')
    AS quality_flags,
  s.id AS start_observation_id, e.id AS end_observation_id
FROM reasoned
