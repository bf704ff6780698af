-- fct_target_attainment — how each completed plan period (十三五: 2015 base, 2020 target, 2020 actual) went,
-- per region × indicator. Reads fct_observation, dim_indicator, dq_findings. Formulas and edge cases:
-- docs/tables-and-metrics.md#十三五-attainment--fct_target_attainment-fct_target_attainmentsql.
-- Parameters: ${approx_tolerance} (relative band for 左右 targets), ${on_track}, ${acceleration_needed}.
WITH obs AS (
  SELECT o.*, i.polarity, i.kind
  FROM fct_observation o
  JOIN dim_indicator i ON o.indicator_id = i.indicator_id
  WHERE o.source_kind = 'table'
),
sides AS (                          -- base, target and actual side by side, for periods whose tables report an actual
  SELECT o.region_code, o.indicator_id, o.plan_period,
    max_by(named_struct('v', o.value, 'k', o.value_kind, 'cmp', o.comparator, 'cum', o.is_cumulative, 'raw', o.value_raw,
                        'id', o.observation_id, 'year', o.year, 'flags', o.quality_flags), o.observation_id) FILTER (WHERE o.role = 'base')   AS b,
    max_by(named_struct('v', o.value, 'k', o.value_kind, 'cmp', o.comparator, 'cum', o.is_cumulative, 'raw', o.value_raw,
                        'id', o.observation_id, 'year', o.year, 'flags', o.quality_flags), o.observation_id) FILTER (WHERE o.role = 'target') AS t,
    max_by(named_struct('v', o.value, 'k', o.value_kind, 'cmp', o.comparator, 'cum', o.is_cumulative, 'raw', o.value_raw,
                        'id', o.observation_id, 'year', o.year, 'flags', o.quality_flags), o.observation_id) FILTER (WHERE o.role = 'actual') AS a,
    max(o.attribute) AS attribute,
    first(o.polarity) AS polarity,
    first(o.kind) AS kind,
    first(o.unit) AS unit
  FROM obs o
  GROUP BY o.region_code, o.indicator_id, o.plan_period
  HAVING count_if(o.role = 'actual') > 0   -- completed: those can be assessed
),
oriented AS (                       -- d = +1 higher is better, -1 lower is better
  SELECT s.*,
    CASE s.polarity WHEN 'higher' THEN 1 WHEN 'lower' THEN -1 END AS d,
    -- the comparator a plain target implies: "reach at least" / "stay at most"
    coalesce(s.t.cmp, CASE s.polarity WHEN 'higher' THEN '>=' WHEN 'lower' THEN '<=' END) AS goal_cmp,
    -- percentages where higher is better are assessed on their shortfall to the 100% limit
    (s.unit = '%' AND s.polarity = 'higher') AS to_limit
  FROM sides s
),
meets AS (                          -- does a value meet the target? [0] the actual, [1] the base (one pass, no self-join)
  SELECT o.*,
    transform(array(named_struct('v', o.a.v, 'k', o.a.k, 'cmp', o.a.cmp), named_struct('v', o.b.v, 'k', o.b.k, 'cmp', o.b.cmp)), x ->
      CASE
        WHEN x.k IS DISTINCT FROM 'number' OR o.t.k IS DISTINCT FROM 'number' OR o.goal_cmp IS NULL THEN NULL
        WHEN x.cmp IS NULL THEN
          CASE o.goal_cmp
            WHEN '>=' THEN x.v >= o.t.v
            WHEN '>'  THEN x.v >  o.t.v
            WHEN '<=' THEN x.v <= o.t.v
            WHEN '<'  THEN x.v <  o.t.v
            WHEN '~'  THEN abs(x.v - o.t.v) <= ${approx_tolerance} * abs(o.t.v)
          END
        -- a value printed as a bound (嘉定 “每年均超过2.6万个”): met when the bound guarantees it, else unknown
        WHEN x.cmp IN ('>', '>=') AND o.goal_cmp IN ('>', '>=') THEN
          CASE WHEN x.v > o.t.v OR (x.v = o.t.v AND (o.goal_cmp = '>=' OR x.cmp = '>')) THEN true END
        WHEN x.cmp IN ('<', '<=') AND o.goal_cmp IN ('<', '<=') THEN
          CASE WHEN x.v < o.t.v OR (x.v = o.t.v AND (o.goal_cmp = '<=' OR x.cmp = '<')) THEN true END
      END) AS met
  FROM oriented o
),
assessed AS (
  SELECT o.*,
    o.met[0] AS achieved,
    o.met[1] AS target_met_at_base,
    -- the quantity progress is measured on: the level, or the shortfall to 100% (see to_limit)
    CASE WHEN o.to_limit THEN 100 - o.b.v ELSE o.b.v END AS pb,
    CASE WHEN o.to_limit THEN 100 - o.t.v ELSE o.t.v END AS pt,
    CASE WHEN o.to_limit THEN 100 - o.a.v ELSE o.a.v END AS pa,
    CASE WHEN o.to_limit THEN -1 ELSE o.d END AS pd,
    o.t.year - o.b.year AS years,
    -- why completion share and R cannot be computed (NULL: they can)
    CASE
      WHEN o.t.k IS NULL OR o.t.k = 'missing' THEN 'missing_target'
      WHEN o.t.k = 'ratio' THEN 'ratio_target'
      WHEN o.t.k = 'qualitative' THEN 'qualitative_target'
      WHEN o.a.k IS NULL OR o.a.k = 'missing' THEN 'missing_actual'
      WHEN o.a.k <> 'number' THEN 'qualitative_actual'
      WHEN o.d IS NULL THEN 'no_polarity'
      WHEN o.b.k IS NULL OR o.b.k <> 'number' THEN 'missing_base'
      WHEN f.region_code IS NOT NULL OR (o.kind = 'five_year_flow' AND NOT (o.b.cum AND o.t.cum AND o.a.cum))
        THEN 'five_year_total_vs_single_year_base'
      WHEN o.kind = 'five_year_flow' THEN 'five_year_sum'
      WHEN o.a.cmp IS NOT NULL OR o.b.cmp IS NOT NULL THEN 'bound_not_value'
      WHEN o.met[1] THEN 'target_met_at_base'
      WHEN (CASE WHEN o.to_limit THEN 100 - o.b.v ELSE o.b.v END) = 0 THEN 'zero_base'
      WHEN least(CASE WHEN o.to_limit THEN 100 - o.b.v ELSE o.b.v END,
                 CASE WHEN o.to_limit THEN 100 - o.t.v ELSE o.t.v END,
                 CASE WHEN o.to_limit THEN 100 - o.a.v ELSE o.a.v END) < 0 THEN 'sign_change'
      WHEN o.t.v = o.b.v THEN 'zero_planned_change'
    END AS not_assessable_reason
  FROM meets o
  LEFT JOIN (SELECT DISTINCT region_code, indicator_id, plan_period FROM dq_findings
             WHERE finding_type = 'five_year_total_vs_single_year_base') f
         ON f.region_code = o.region_code AND f.indicator_id = o.indicator_id AND f.plan_period = o.plan_period
),
rates AS (
  SELECT a.*,
    -- completion_share = (actual − base) / (target − base): the 完成进度 idea, linear in the level
    CASE WHEN a.not_assessable_reason IS NULL THEN (a.a.v - a.b.v) / (a.t.v - a.b.v) END AS completion_share,
    -- CAGR over the years between the roles, on the progress quantity (level or shortfall to 100%)
    CASE WHEN a.not_assessable_reason IS NULL THEN pow(a.pa / a.pb, 1.0D / a.years) - 1 END AS cagr_actual,
    CASE WHEN a.not_assessable_reason IS NULL THEN pow(a.pt / a.pb, 1.0D / a.years) - 1 END AS cagr_required
  FROM assessed a
),
final AS (
  SELECT r.*,
    -- R = d · CAGR_actual / |CAGR_required| (Eurostat / Statistics Canada progress ratio)
    CASE WHEN r.cagr_required <> 0 THEN r.pd * r.cagr_actual / abs(r.cagr_required) END AS growth_ratio_r,
    -- declined: the actual moved against the indicator's polarity from the base (comparable values only)
    CASE
      WHEN r.d IS NULL OR r.b.k IS DISTINCT FROM 'number' OR r.a.k IS DISTINCT FROM 'number' THEN NULL
      WHEN r.b.cmp IS NOT NULL OR r.a.cmp IS NOT NULL THEN NULL
      WHEN r.b.cum <> r.a.cum OR r.not_assessable_reason = 'five_year_total_vs_single_year_base' THEN NULL
      ELSE r.d * (r.a.v - r.b.v) < 0
    END AS declined
  FROM rates r
)
SELECT
  region_code, indicator_id, plan_period,
  b.year AS base_year, t.year AS target_year, unit, polarity, kind, attribute,
  attribute = 'binding' AS is_binding,
  b.v AS base_value, t.v AS target_value, t.cmp AS target_comparator, a.v AS actual_value, a.cmp AS actual_comparator,
  b.raw AS base_raw, t.raw AS target_raw, a.raw AS actual_raw,
  coalesce(t.cum, false) AS is_cumulative,
  achieved, target_met_at_base,
  CASE WHEN t.k = 'number' AND a.k = 'number' THEN a.v - t.v END AS gap_abs,
  CASE WHEN t.k = 'number' AND a.k = 'number' AND t.v <> 0 THEN (a.v - t.v) / abs(t.v) END AS gap_rel,
  completion_share,
  -- clipped to [0, 1]; NULL when the share is (greatest and least skip a NULL: they would make it 0)
  CASE WHEN completion_share IS NOT NULL THEN least(greatest(completion_share, 0D), 1D) END AS completion_share_capped,
  CASE WHEN to_limit THEN 'shortfall_to_100' ELSE 'level' END AS progress_basis,
  cagr_actual, cagr_required, growth_ratio_r,
  CASE
    WHEN achieved THEN 'achieved'
    WHEN growth_ratio_r >= ${on_track} THEN 'on_track'
    WHEN growth_ratio_r >= ${acceleration_needed} THEN 'acceleration_needed'
    WHEN growth_ratio_r >= 0 THEN 'limited_progress'
    WHEN growth_ratio_r < 0 THEN 'deterioration'
    WHEN declined THEN 'deterioration'
    ELSE 'not_assessable'
  END AS status,
  not_assessable_reason,
  declined,
  CASE WHEN declined IS NOT NULL THEN a.v - b.v END AS change_abs,
  CASE WHEN declined IS NOT NULL AND b.v <> 0 THEN (a.v - b.v) / abs(b.v) END AS change_rel,
  -- the flags of the three observations used (base, target, actual), as fct_growth has them
  nullif(concat_ws(';', array_sort(array_distinct(flatten(array(
    coalesce(split(b.flags, ';'), array()), coalesce(split(t.flags, ';'), array()), coalesce(split(a.flags, ';'), array())))))), '')
    AS quality_flags,
  b.id AS base_observation_id, t.id AS target_observation_id, a.id AS actual_observation_id
FROM final
