-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 十四五目标雄心 — 14th Five-Year Plan ambition
-- MAGIC `target_to_current` = 2025 target / 2020 level (inverted for lower-is-better indicators), so **> 1 means more
-- MAGIC ambitious than standing still**. Planned growth (2020 → 2025) against realized growth (2015 → 2020).

-- COMMAND ----------

-- Parameters (Databricks widgets; `hrss notebooks` fills them from the run)
CREATE WIDGET TEXT lakehouse DEFAULT 'data/lakehouse';
CREATE WIDGET TEXT run_date DEFAULT '';

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Median ambition per region

-- COMMAND ----------

-- chart: bar x=region_name y=median_ambition title="Median target / current, 十四五"
SELECT region_name, targets_with_ambition, targets_below_current, round(median_ambition, 4) AS median_ambition
FROM delta.`${lakehouse}/agg_region_scorecard`
WHERE plan_period = '14th'
ORDER BY median_ambition DESC

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Targets set below the current level

-- COMMAND ----------

SELECT r.region_name, i.name_zh AS indicator, a.current_raw, a.target_raw, i.unit,
       round(a.target_to_current, 4) AS target_to_current, a.target_source, a.comparability_flags
FROM delta.`${lakehouse}/fct_ambition` a
JOIN delta.`${lakehouse}/dim_indicator` i USING (indicator_id)
JOIN delta.`${lakehouse}/dim_region` r USING (region_code)
WHERE a.target_below_current
ORDER BY r.region_name, a.target_to_current

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Planned against realized growth
-- MAGIC One point per region × indicator with both growth rates (annual CAGR).

-- COMMAND ----------

-- chart: scatter x=realized_cagr y=planned_cagr series=region_name title="Planned (2020→2025) vs realized (2015→2020) CAGR"
SELECT r.region_name, i.name_zh AS indicator, round(a.realized_cagr, 4) AS realized_cagr, round(a.planned_cagr, 4) AS planned_cagr,
       round(a.planned_vs_realized, 3) AS planned_vs_realized
FROM delta.`${lakehouse}/fct_ambition` a
JOIN delta.`${lakehouse}/dim_indicator` i USING (indicator_id)
JOIN delta.`${lakehouse}/dim_region` r USING (region_code)
WHERE a.realized_cagr IS NOT NULL AND a.planned_cagr IS NOT NULL
ORDER BY r.region_name, i.name_zh

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Ranking across regions
-- MAGIC Rank 1 = most ambitious; outliers by the median absolute deviation (|robust z| > 3.5).

-- COMMAND ----------

-- highlight: is_outlier=true
SELECT i.name_zh AS indicator, r.region_name, round(c.value, 4) AS target_to_current, c.rank, c.n_regions,
       round(c.median, 4) AS median, round(c.percentile, 2) AS percentile, c.is_outlier
FROM delta.`${lakehouse}/agg_indicator_cross_region` c
JOIN delta.`${lakehouse}/dim_indicator` i USING (indicator_id)
JOIN delta.`${lakehouse}/dim_region` r USING (region_code)
WHERE c.metric = 'target_to_current' AND c.n_regions >= 3
ORDER BY i.name_zh, c.rank
