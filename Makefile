# Two commands for a fresh machine (Python 3.11): `make demo` and `make test`.
# Both create .venv from the committed lock first; nothing else needs installing by hand.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export DBT_SEND_ANONYMOUS_USAGE_STATS=False
export GX_ANALYTICS_ENABLED=False
export DO_NOT_TRACK=1
export AIRFLOW__CORE__LOAD_EXAMPLES=False

.PHONY: setup demo test lint airflow-test samples bench clean

$(BIN)/lkjip: pyproject.toml requirements.lock
	bash scripts/setup.sh
	@touch -c $@

setup: $(BIN)/lkjip

demo: setup
	$(BIN)/lkjip demo

# Two test processes (pytest-xdist) on a two-core machine, up to four on bigger ones; each test file runs whole
# in one process (its module fixtures are built once). PYTEST_ARGS adds options, e.g. PYTEST_ARGS="-n 0" (one process).
test: setup
	$(BIN)/python -m pytest -q -n auto --maxprocesses 4 --dist loadfile $(PYTEST_ARGS)

# Style and structure: ruff (incl. A005, no module named after the standard library) and sqlfluff on the dbt models.
lint: setup
	$(BIN)/ruff check .
	bash scripts/lint_sql.sh

# The DAG test alone: DagBag import + structure, then `airflow dags test lkjip_nightly` on the sample portal.
airflow-test: setup
	$(BIN)/python -m pytest -q tests/integration/test_dag.py

samples: setup
	$(BIN)/python samples/render_samples.py

# The development sets (seeds, fuzz variants, whole reports, labelled documents, corpus), then what the rules
# were not built on: the held-out fuzz batches and the held-out labelled tables (bench/accuracy.py --help).
bench: setup
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/accuracy.py --held-out --json build/bench/results_heldout.json

clean:
	rm -rf data warehouse build .pytest_cache
