"""The source registry parses, expands ${ENV}, and reports every problem by entry."""
from __future__ import annotations

import pytest

from extract import config, layout
from extract.acquire.sources import Source, SourcesError, load_sources

SOURCES_DIR = layout.sources_dir()


def test_demo_registry_expands_portal_url(monkeypatch):
    monkeypatch.setenv("LKJIP_PORTAL_URL", "http://127.0.0.1:8765")
    [source] = load_sources(SOURCES_DIR / "demo.yaml")
    assert source.id == "demo-portal"
    assert source.region_code is None
    assert source.listing_urls == ["http://127.0.0.1:8765/portal/index.html"]
    assert source.allowed_hosts == ["127.0.0.1"]
    assert source.allow_private_network is True


def test_demo_registry_without_portal_url_names_the_variable(monkeypatch):
    monkeypatch.delenv("LKJIP_PORTAL_URL", raising=False)
    with pytest.raises(SourcesError, match="LKJIP_PORTAL_URL"):
        load_sources(SOURCES_DIR / "demo.yaml")


def test_indonesia_registry_is_valid():
    sources = load_sources(SOURCES_DIR / "indonesia.yaml")
    by_region = {s.region_code for s in sources}
    assert {"33.20", "15.71", "35.17", "81.71", "12", "33.07", "32"} <= by_region
    assert all(isinstance(s, Source) and s.listing_urls for s in sources)
    assert any(not s.verify_tls for s in sources)
    for source in sources:
        assert "not verified" in (source.notes or "")
        if not source.verify_tls:
            assert "verify_tls" in source.notes


BROKEN = """
sources:
  - id: good
    region_code: "33.20"
    name: Fine
    listing_urls: [https://a.example.go.id/lkjip]
    allowed_hosts: [a.example.go.id]
  - id: bad-region
    region_code: "3320"
    name: Bad region format
    listing_urls: [https://b.example.go.id/]
    allowed_hosts: [b.example.go.id]
  - id: unknown-region
    region_code: "99.99"
    name: Region not in the reference lists
    listing_urls: [https://c.example.go.id/]
    allowed_hosts: [c.example.go.id]
  - id: good
    region_code: "12"
    name: Duplicate id
    listing_urls: [https://d.example.go.id/]
    allowed_hosts: [d.example.go.id]
  - id: wrong-host
    region_code: null
    name: Listing host not allowed
    listing_urls: [https://e.example.go.id/, ftp://e.example.go.id/x]
    allowed_hosts: [other.example.go.id]
    verify_tls: "no"
  - id: typo
    region_code: "32"
    name: Misspelled key
    listing_url: [https://f.example.go.id/]
    allowed_hosts: [f.example.go.id]
"""


def test_broken_registry_lists_every_problem_with_entry_id(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN)
    with pytest.raises(SourcesError) as info:
        load_sources(path)
    message = str(info.value)
    expected = [
        ("'bad-region'", "region_code '3320' must be 'NN' or 'NN.NN'"),
        ("'unknown-region'", "not in the reference region lists"),
        ("'good' (entry 4)", "duplicate id 'good'"),
        ("'wrong-host'", "host 'e.example.go.id' is not in allowed_hosts"),
        ("'wrong-host'", "must be an http(s) URL"),
        ("'wrong-host'", "verify_tls must be true or false"),
        ("'typo'", "unknown key 'listing_url'"),
        ("'typo'", "listing_urls must be a non-empty list"),
    ]
    lines = message.splitlines()
    for entry, problem in expected:
        assert any(entry in line and problem in line for line in lines), (entry, problem, message)
    assert "'good' (entry 1)" not in message


def test_unparseable_yaml_names_the_file(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("sources:\n  - id: x\n   name: [unclosed\n")
    with pytest.raises(SourcesError, match="bad.yaml"):
        load_sources(path)


def test_region_code_must_be_quoted_text(tmp_path):
    path = tmp_path / "numeric.yaml"
    path.write_text("sources:\n  - id: prov\n    region_code: 12\n    name: P\n"
                    "    listing_urls: [https://x.go.id/]\n    allowed_hosts: [x.go.id]\n")
    with pytest.raises(SourcesError, match=r"'prov'.*region_code 12"):
        load_sources(path)


def test_config_paths_follow_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("LKJIP_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("LKJIP_WAREHOUSE", str(tmp_path / "w.duckdb"))
    assert config.data_dir() == tmp_path / "d"
    assert config.warehouse_path() == tmp_path / "w.duckdb"
    assert str(config.warehouse_path("x.duckdb")) == "x.duckdb"
    monkeypatch.delenv("LKJIP_DATA_DIR")
    assert str(config.data_dir()) == "data"
