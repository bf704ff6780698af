-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 单项指标跨地区 — one indicator across regions
-- MAGIC The chosen indicator (parameter `indicator`, default 失业保险参保人数) in every region: 2015 base → 2020 actual →
-- MAGIC 2025 target, from the normalized observations (`fct_observation`), each value traceable to its file and line.

-- COMMAND ----------

-- Parameters (Databricks widgets; `hrss notebooks` fills them from the run)
CREATE WIDGET TEXT lakehouse DEFAULT 'data/lakehouse';
CREATE WIDGET TEXT run_date DEFAULT '';
CREATE WIDGET TEXT indicator DEFAULT 'unemployment_insurance_insured';

-- COMMAND ----------

-- chart: line x=year y=value series=region_name title="2015 → 2020 → 2025 target"
SELECT r.region_name, o.year, o.role, o.value, o.unit, o.value_raw, o.plan_period, o.source_file, o.source_line
FROM delta.`${lakehouse}/fct_observation` o
JOIN delta.`${lakehouse}/dim_region` r ON r.region_code = o.region_code
WHERE o.indicator_id = '${indicator}' AND o.source_kind = 'table' AND o.value IS NOT NULL
  AND NOT (o.role = 'base' AND o.plan_period = '14th'       -- the 2020 level once: the 十三五 actual where there is one
           AND EXISTS (SELECT 1 FROM delta.`${lakehouse}/fct_observation` a
                       WHERE a.region_code = o.region_code AND a.indicator_id = o.indicator_id AND a.role = 'actual'
                         AND a.year = o.year AND a.source_kind = 'table'))
  AND NOT (o.role = 'target' AND o.plan_period = '13th')    -- 十三五 targets: notebook 01
ORDER BY r.region_name, o.year, o.role

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Growth and ambition for this indicator

-- COMMAND ----------

SELECT r.region_name, g.growth_kind, g.start_year, g.end_year, g.start_value, g.end_value, round(g.cagr, 4) AS cagr,
       g.not_assessable_reason, g.quality_flags
FROM delta.`${lakehouse}/fct_growth` g
JOIN delta.`${lakehouse}/dim_region` r USING (region_code)
WHERE g.indicator_id = '${indicator}'
ORDER BY r.region_name, g.growth_kind DESC
