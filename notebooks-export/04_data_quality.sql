-- Databricks notebook source
-- MAGIC %md
-- MAGIC # 数据质量 — data quality
-- MAGIC Every cell found is an observation or quarantined (accounting per document); what could not be normalized and
-- MAGIC why; findings such as tables disagreeing, five-year totals against one-year bases, and prose/table conflicts.

-- COMMAND ----------

-- Parameters (Databricks widgets; `hrss notebooks` fills them from the run)
CREATE WIDGET TEXT lakehouse DEFAULT 'data/lakehouse';
CREATE WIDGET TEXT run_date DEFAULT '';

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Accounting per document

-- COMMAND ----------

-- highlight: status=undecodable
SELECT source_file, region_name, encoding, status, tables, value_cells, prose_targets, observations, quarantined_cells, findings,
       value_cells + prose_targets = observations + quarantined_cells AS balanced
FROM delta.`${lakehouse}/dq_document_accounting`
ORDER BY source_file

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Quarantine

-- COMMAND ----------

SELECT reason_code, count(*) AS cells, min(reason) AS example
FROM delta.`${lakehouse}/dq_quarantine`
GROUP BY reason_code
ORDER BY cells DESC

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Findings by type

-- COMMAND ----------

-- chart: bar x=finding_type y=findings title="Data-quality findings"
SELECT finding_type, severity, count(*) AS findings
FROM delta.`${lakehouse}/dq_findings`
GROUP BY finding_type, severity
ORDER BY findings DESC, finding_type

-- COMMAND ----------

-- MAGIC %md
-- MAGIC ## Tables disagreeing, and prose against tables

-- COMMAND ----------

-- highlight: severity=warning
SELECT f.finding_type, r.region_name, f.indicator_id, f.detail, f.source_file, f.source_lines, f.severity
FROM delta.`${lakehouse}/dq_findings` f
LEFT JOIN delta.`${lakehouse}/dim_region` r USING (region_code)
WHERE f.finding_type IN ('cross_table_disagreement', 'table_prose_conflict', 'table_prose_comparator_mismatch',
                         'five_year_total_vs_single_year_base', 'jurisdiction_scope')
ORDER BY f.finding_type, r.region_name
