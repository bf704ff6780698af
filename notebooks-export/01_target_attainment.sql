-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 十三五目标完成情况 — 13th Five-Year Plan: targets against actuals
-- MAGIC Every region's 十三五 targets against the 2020 actuals, from `fct_target_attainment`. A target is **achieved**
-- MAGIC when its comparator holds exactly (> 92 is not met by 92); **missed** targets and **declines** against the 2015
-- MAGIC base are highlighted. Formulas: docs/tables-and-metrics.md#metrics.

-- COMMAND ----------

-- Parameters (Databricks widgets; `hrss notebooks` fills them from the run)
CREATE WIDGET TEXT lakehouse DEFAULT 'data/lakehouse';
CREATE WIDGET TEXT run_date DEFAULT '';

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Per region: achieved, missed, declines

-- COMMAND ----------

-- chart: bar x=region_name y=achieved,missed,declines title="十三五 targets per region"
SELECT region_name, indicators_assessed, achieved, missed, binding_missed, declines, round(achieved_share, 3) AS achieved_share
FROM delta.`${lakehouse}/agg_region_scorecard`
WHERE plan_period = '13th'
ORDER BY region_name

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Missed targets and declines
-- MAGIC R is the Eurostat progress ratio (observed / required annual growth); `completion_share` the linear 完成进度.

-- COMMAND ----------

-- highlight: achieved=false
-- highlight: declined=true
SELECT g.region_name, i.name_zh AS indicator, a.base_raw, a.target_raw, a.actual_raw, i.unit,
       a.achieved, a.declined, a.status, round(a.completion_share, 3) AS completion_share,
       round(a.growth_ratio_r, 3) AS r, a.not_assessable_reason, a.attribute
FROM delta.`${lakehouse}/fct_target_attainment` a
JOIN delta.`${lakehouse}/dim_indicator` i USING (indicator_id)
JOIN delta.`${lakehouse}/dim_region` g USING (region_code)
WHERE NOT a.achieved OR a.declined
ORDER BY g.region_name, i.name_zh

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## All assessed targets

-- COMMAND ----------

-- highlight: achieved=false
-- limit: 500
SELECT r.region_name, i.name_zh AS indicator, a.target_raw, a.actual_raw, i.unit, a.achieved, a.status, a.declined
FROM delta.`${lakehouse}/fct_target_attainment` a
JOIN delta.`${lakehouse}/dim_indicator` i USING (indicator_id)
JOIN delta.`${lakehouse}/dim_region` r USING (region_code)
ORDER BY r.region_name, i.category, i.name_zh
