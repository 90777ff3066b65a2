#!/usr/bin/env bash
# Creates .venv from requirements.lock and installs the project (editable).
# Installs system packages with apt-get when they are missing and we are root.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-python3.11}"
command -v "$PY" >/dev/null || PY=python3

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check uv==0.13.9
.venv/bin/uv pip install -q --python .venv/bin/python -r requirements.lock
.venv/bin/uv pip install -q --python .venv/bin/python --no-deps -e .
echo "setup: .venv ready ($(.venv/bin/python --version))"
