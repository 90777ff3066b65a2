"""The house keeps its shape: docs/DESIGN.md's module map matches the tree, stages import one way,
no module shadows the standard library, and the light entry points stay light."""
from __future__ import annotations

import ast
import re
import subprocess
import sys

from tests.paths import REPO

PACKAGE = REPO / "extract"
# Lower ranks never import higher ones; acquire and pdf (rank 1) never import each other.
RANKS = {
    "config": 0, "layout": 0, "fsutil": 0, "reference": 0, "model": 0, "numerals": 0, "text": 0,
    "acquire": 1, "pdf": 1, "parse": 2, "extraction": 3, "worker": 3, "warehouse": 4, "publish": 5,
    "outcome": 0, "query": 0, "pipeline": 6, "orchestrate": 7, "status": 7, "cli": 7,
    "storage": 0,
}


def _modules() -> dict[str, str]:
    """'pdf/stitch.py' -> 'extract.pdf.stitch' for every module of the package."""
    return {str(p.relative_to(PACKAGE)): "extract." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
            for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"}


def _stage(module: str) -> str:
    return module.split(".")[1]


def _imports(path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("extract"):
            found |= {f"{node.module}.{a.name}" if node.module == "extract" else node.module for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("extract")}
    return found


def test_module_map_lists_every_module_and_nothing_else():
    design = (REPO / "docs" / "DESIGN.md").read_text()
    section = design.split("## Module map", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `([\w/]+\.py)` \|", section, re.M))
    assert listed == set(_modules())


def test_stages_import_one_way():
    wrong = []
    for relative, module in _modules().items():
        mine = _stage(module)
        for imported in _imports(PACKAGE / relative):
            theirs = _stage(imported)
            if theirs == mine:
                continue
            if RANKS[theirs] > RANKS[mine] or RANKS[theirs] == RANKS[mine] == 1:
                wrong.append(f"{module} imports {imported}")
    assert not wrong


def test_no_module_is_named_after_the_standard_library():
    clashes = [p for p in PACKAGE.rglob("*.py") if p.stem in sys.stdlib_module_names]
    assert not clashes


def test_cli_pipeline_and_dag_helpers_import_no_table_reader():
    heavy = ("camelot", "cv2", "pandas", "duckdb", "great_expectations")
    code = ("import sys, extract.cli, extract.pipeline, extract.orchestrate; "
            f"print([m for m in {heavy!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_dag_files_do_not_edit_sys_path():
    for dag_file in (REPO / "dags").glob("*.py"):
        assert "sys.path" not in dag_file.read_text(), dag_file
