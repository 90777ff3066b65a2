"""bench/accuracy.py in --quick mode on the committed ruled Jepara rendering."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.paths import REPO

REPO_ROOT = REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "results.json"
    done = subprocess.run(
        [sys.executable, "bench/accuracy.py", "--quick", "--layout", "ruled", "--seed", "jepara",
         "--json", str(out), "--quiet"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, json.loads(out.read_text())


def test_help_documents_the_command():
    done = subprocess.run([sys.executable, "bench/accuracy.py", "--help"], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "--quick" in done.stdout and "precision" in done.stdout and "results.json" in done.stdout


def test_output_table(bench_run):
    stdout, _ = bench_run
    lines = stdout.splitlines()
    header = next(line for line in lines if line.startswith("seed "))
    for column in ("layout", "ind R", "ind P", "budget R", "budget P", "s/page", "RSS MB"):
        assert column in header
    row = next(line for line in lines if line.startswith("lkjip_jepara_2024 "))
    assert row.split()[1] == "ruled"
    assert "results:" in lines[-1]


def test_results_json(bench_run):
    _, results = bench_run
    assert results["corpus"] == [], "--quick leaves the corpus out"
    (entry,) = results["seeds"]
    assert (entry["seed"], entry["layout"], entry["status"]) == ("lkjip_jepara_2024", "ruled", "ok")
    budget = entry["scores"]["budget"]
    assert budget["expected"] == 79  # 11 programs, 21 kegiatan, 46 sub-kegiatan, JUMLAH
    assert budget["recall"] >= 0.99
    assert budget["precision"] >= 0.99
    assert entry["scores"]["indicator"]["expected"] == 7
    assert entry["seconds"] > 0 and entry["peak_rss_mb"] > 0
