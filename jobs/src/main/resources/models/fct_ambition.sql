-- fct_ambition — how ambitious each plan's targets are against where the region stands, per region × indicator.
--   target_to_current   = target / current (lower-is-better indicators: current / target), so > 1 always means
--                         "more ambitious than standing still"; five-year flows compare five-year sums
--   planned_vs_realized = planned CAGR / realized CAGR of the period before (NULL when realized CAGR is 0)
--   target_below_current: the target is below the current level on the indicator's own polarity
-- Reads fct_growth. Formulas: docs/tables-and-metrics.md#ambition--fct_ambition-fct_ambitionsql.
WITH planned AS (SELECT * FROM fct_growth WHERE growth_kind = 'planned'),
realized AS (SELECT * FROM fct_growth WHERE growth_kind = 'realized')
SELECT
  p.region_code, p.indicator_id, p.plan_period, p.polarity, p.kind, p.unit, p.basis,
  p.start_year AS current_year, p.end_year AS target_year,
  p.start_value AS current_value, p.end_value AS target_value, p.end_comparator AS target_comparator,
  p.start_raw AS current_raw, p.end_raw AS target_raw,
  p.start_source AS current_source, p.end_source AS target_source,
  CASE
    WHEN p.not_assessable_reason IS NOT NULL OR p.end_value <= 0 THEN NULL
    WHEN p.polarity = 'higher' THEN p.end_value / p.start_value
    WHEN p.polarity = 'lower' THEN p.start_value / p.end_value
  END AS target_to_current,
  p.cagr AS planned_cagr,
  r.cagr AS realized_cagr,
  CASE WHEN r.cagr <> 0 THEN p.cagr / r.cagr END AS planned_vs_realized,
  CASE
    WHEN p.not_assessable_reason IS NOT NULL THEN NULL
    WHEN p.polarity = 'higher' THEN p.end_value < p.start_value
    WHEN p.polarity = 'lower' THEN p.end_value > p.start_value
  END AS target_below_current,
  p.not_assessable_reason,
  nullif(concat_ws(';', array_sort(array_distinct(flatten(array(
    coalesce(split(p.quality_flags, ';'), array()),
    CASE WHEN p.end_source = 'prose' THEN array('target_from_prose') ELSE array() END,
    CASE WHEN p.start_source = 'previous_actual' THEN array('current_from_previous_actual') ELSE array() END))))), '')
    AS comparability_flags,
  p.start_observation_id AS current_observation_id, p.end_observation_id AS target_observation_id
FROM planned p
LEFT JOIN realized r ON r.region_code = p.region_code AND r.indicator_id = p.indicator_id AND r.end_year = p.start_year
