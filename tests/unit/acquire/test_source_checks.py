"""Checks for the CLI: a sources file as one-line messages, --region and --year values."""
from __future__ import annotations

from datetime import date

import pytest

from extract import layout
from extract.acquire.sources import (
    DEFAULT_MAX_LINKS,
    SourcesError,
    check_fiscal_year,
    check_region_code,
    check_sources_file,
    load_sources,
)

GOOD_ENTRY = """  - id: {id}
    region_code: "33.20"
    name: Fine
    listing_urls: [https://a.example.go.id/lkjip]
    allowed_hosts: [a.example.go.id]
"""


def write(tmp_path, text: str, name: str = "sources.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- max_links

def test_max_links_is_read_and_defaults(tmp_path):
    path = write(tmp_path, "sources:\n" + GOOD_ENTRY.format(id="a") + "    max_links: 50\n"
                 + GOOD_ENTRY.format(id="b"))
    first, second = load_sources(path)
    assert (first.max_links, second.max_links) == (50, DEFAULT_MAX_LINKS)


@pytest.mark.parametrize("value", ["0", "-3", "true", "'300'", "20000", "1.5"])
def test_bad_max_links_is_a_problem(tmp_path, value):
    path = write(tmp_path, "sources:\n" + GOOD_ENTRY.format(id="a") + f"    max_links: {value}\n")
    with pytest.raises(SourcesError, match=r"'a'.*max_links must be an integer from 1 to 10000"):
        load_sources(path)


# ---------------------------------------------------------------- check_sources_file

def test_valid_files_have_no_problems(tmp_path, monkeypatch):
    monkeypatch.setenv("LKJIP_PORTAL_URL", "http://127.0.0.1:8765")
    assert check_sources_file(layout.sources_dir() / "indonesia.yaml") == []
    assert check_sources_file(layout.sources_dir() / "demo.yaml") == []
    assert check_sources_file(write(tmp_path, "sources:\n" + GOOD_ENTRY.format(id="a"))) == []


def test_every_problem_is_one_line_naming_file_and_entry(tmp_path):
    path = write(tmp_path, "sources:\n" + GOOD_ENTRY.format(id="a") + """  - id: Bad Id
    region_code: "99.99"
    name: 3
    listing_urls: ["ftp://x.go.id/", "http://[::1/", "${NOT_SET_ANYWHERE}/x"]
    allowed_hosts: x.go.id
    verify_tls: "no"
    max_pages: 0
    colour: blue
  - just a string
  - id: [not, hashable]
""" + GOOD_ENTRY.format(id="a"))
    problems = check_sources_file(path, env={})
    assert all("\n" not in p and p.startswith(f"{path}: ") for p in problems)
    expected = ["id must be lowercase", "region_code '99.99' is not in the reference",
                "name is required", "allowed_hosts must be a non-empty list",
                "'ftp://x.go.id/' must be an http(s) URL", "'http://[::1/' is not a valid URL",
                "not set: NOT_SET_ANYWHERE", "verify_tls must be true or false",
                "max_pages must be a positive integer", "unknown key 'colour'",
                "entry 3: entry is not a mapping", "duplicate id 'a'"]
    for text in expected:
        assert any(text in p for p in problems), (text, problems)
    assert not any("(entry 1)" in p for p in problems)


def test_yaml_syntax_error_is_one_line_with_its_line_number(tmp_path):
    path = write(tmp_path, "sources:\n  - id: x\n    name: [unclosed\n    region_code: '12'\n")
    [problem] = check_sources_file(path)
    assert problem.startswith(f"{path}: line ") and "YAML syntax error" in problem
    assert "\n" not in problem
    line = int(problem.split("line ", 1)[1].split(",")[0])
    assert 3 <= line <= 5


@pytest.mark.parametrize("text, message", [
    ("- a list\n", "expected a mapping with a 'sources:' list"),
    ("sources: 3\n", "expected a mapping with a 'sources:' list"),
    ("", "expected a mapping with a 'sources:' list"),
])
def test_wrong_shape_is_one_problem(tmp_path, text, message):
    assert check_sources_file(write(tmp_path, text)) == [f"{tmp_path / 'sources.yaml'}: {message}"]


def test_unreadable_files_are_problems_not_exceptions(tmp_path):
    [missing] = check_sources_file(tmp_path / "nope.yaml")
    assert "cannot read registry" in missing and "No such file" in missing
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(b"sources:\n  - name: Pemerintah Kabupat\xe9n\n")
    [problem] = check_sources_file(latin1)
    assert "not UTF-8" in problem


# ---------------------------------------------------------------- --region / --year

def test_region_codes():
    assert check_region_code("33.20") is None and check_region_code("32") is None
    assert "must be 'NN' (province) or 'NN.NN'" in check_region_code("3320")
    assert "not in the reference region lists" in check_region_code("99.99")
    assert "must be 'NN'" in check_region_code(None)
    assert "must be 'NN'" in check_region_code(" 33.20")


def test_region_code_from_a_hostile_command_line_is_quoted_not_echoed():
    message = check_region_code("<b>x</b>")
    assert message == "region code '<b>x</b>' must be 'NN' (province) or 'NN.NN' (regency / city)"
    escape = check_region_code("\x1b[31m33.20\x1b[0m" + "9" * 100)
    assert "\x1b" not in escape and "\\x1b" in escape and len(escape) < 150


def test_fiscal_years():
    today = date(2025, 6, 1)
    assert check_fiscal_year(2024, today) is None and check_fiscal_year("2026", today) is None
    assert check_fiscal_year(2000, today) is None
    assert check_fiscal_year(2027, today) == "fiscal year 2027 must be between 2000 and 2026"
    assert check_fiscal_year(1999, today) == "fiscal year 1999 must be between 2000 and 2026"
    for bad in ("20x3", "<b>2024</b>", True, 2024.0, None, "", "２０２４"):
        assert "must be a year such as 2025" in check_fiscal_year(bad, today), bad
    assert check_fiscal_year(date.today().year) is None
