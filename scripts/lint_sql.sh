#!/usr/bin/env bash
# sqlfluff over the dbt models (dbt templater). dbt compiles the models without a database file
# (`:memory:`), and writes its target folder into a temporary folder, not into dbt_project/.
set -euo pipefail
cd "$(dirname "$0")/.."
target="$(mktemp -d)"
trap 'rm -rf "$target"' EXIT
LKJIP_BUILD_DB=:memory: DBT_TARGET_PATH="$target" DBT_SEND_ANONYMOUS_USAGE_STATS=False \
  .venv/bin/sqlfluff "${1:-lint}" dbt_project/models "${@:2}"
