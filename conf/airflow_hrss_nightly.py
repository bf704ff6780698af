"""Airflow example: the hrss-plan-analytics nightly run (copy into your DAGs folder and adapt the paths).

Two ways, pick one:
  * local_run: jobs/bin/hrss on the worker (embedded local Spark; needs Java 17 + Maven on the worker, builds once).
  * cluster_run: spark-submit of the cluster jar; needs the apache-airflow-providers-apache-spark package and a
    `spark_default` connection pointing at your master (YARN/standalone/Kubernetes).
Exit codes (docs/operations.md#exit-codes): 0 success, 1 handled failure (input missing, quality gate, another run holds the lock),
2 unexpected error. Any non-zero exit fails the task; ops_job_runs holds the run's record either way. An unchanged
rerun exits 0 in about a second without starting Spark (add --force to recompute).
Note: in Spark standalone *cluster* deploy mode spark-submit exits 0 even when the driver fails; use client mode
(as below) or YARN so that the exit code is the job's.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

HRSS_HOME = "/opt/hrss-plan-analytics"  # the checkout

with DAG(
    dag_id="hrss_nightly",
    schedule="0 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,  # runs are not per logical date: each run reads the current plans folder
    max_active_runs=1,  # hrss also takes a lock on the lakehouse; this avoids queuing behind it
    default_args={"retries": 1, "retry_delay": timedelta(minutes=10)},
    tags=["hrss"],
) as dag:
    local_run = BashOperator(
        task_id="hrss_run_local",
        bash_command=f"{HRSS_HOME}/jobs/bin/hrss run --run-id {{{{ run_id | replace(':', '_') }}}}",
        env={"HRSS_JAVA_OPTS": "-Xmx4g"},
        append_env=True,
    )

    # cluster variant (uncomment with the Spark provider installed):
    # from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
    # cluster_run = SparkSubmitOperator(
    #     task_id="hrss_run_cluster",
    #     application=f"{HRSS_HOME}/jobs/target/hrss-plan-analytics-0.1.0-SNAPSHOT-cluster.jar",
    #     java_class="org.hrssplan.cli.RunJob",
    #     properties_file=f"{HRSS_HOME}/conf/spark-defaults.conf",
    #     application_args=["--config", "hdfs:///apps/hrss/hrss.yaml"],
    #     deploy_mode="client",
    #     conn_id="spark_default",
    # )
