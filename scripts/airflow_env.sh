# Source this file for a local Airflow that runs the repo's DAGs with SQLite metadata:
#   source scripts/airflow_env.sh
#   airflow db migrate && airflow pools set lkjip_warehouse 1 "warehouse writer"
#   airflow dags test lkjip_nightly          # or: airflow standalone (UI on :8080)
# Everything stays inside the checkout (build/airflow/, data/, warehouse/), all git-ignored.
# Celery workers with object storage instead (docs/OPERATIONS.md, "Scaling out"), e.g. with a local
# redis-server and an S3 endpoint, before sourcing:
#   export AIRFLOW__CORE__EXECUTOR=CeleryExecutor AIRFLOW__CELERY__BROKER_URL=redis://127.0.0.1:6379/0
#   export LKJIP_STORAGE_URL=s3://lkjip/dev AWS_ENDPOINT_URL=http://127.0.0.1:9000 AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=...
#   airflow api-server & airflow scheduler & airflow dag-processor & airflow celery worker &
_lkjip_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
export AIRFLOW_HOME="${AIRFLOW_HOME:-$_lkjip_root/build/airflow}"
export AIRFLOW__CORE__DAGS_FOLDER="$_lkjip_root/dags"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__PARALLELISM="${AIRFLOW__CORE__PARALLELISM:-4}"
export AIRFLOW__CORE__DEFAULT_TIMEZONE=Asia/Jakarta
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="${AIRFLOW__DATABASE__SQL_ALCHEMY_CONN:-sqlite:///$AIRFLOW_HOME/airflow.db}"
export LKJIP_DATA_DIR="${LKJIP_DATA_DIR:-$_lkjip_root/data}"
export LKJIP_WAREHOUSE="${LKJIP_WAREHOUSE:-$_lkjip_root/warehouse/lkjip.duckdb}"
# No telemetry.
export DBT_SEND_ANONYMOUS_USAGE_STATS=False GX_ANALYTICS_ENABLED=False DO_NOT_TRACK=1
export AIRFLOW__COSMOS__ENABLE_TELEMETRY=False
export PATH="$_lkjip_root/.venv/bin:$PATH"
mkdir -p "$AIRFLOW_HOME"
unset _lkjip_root
