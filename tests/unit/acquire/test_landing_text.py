"""Names that are not UTF-8 (local file names, percent-escapes of URLs) never break the fetch log."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extract.acquire.landing import Landing, json_safe, safe_text, url_file_name


def strict_lines(landing: Landing) -> list[dict]:
    """Every line of the log, decoded as strict UTF-8 and parsed as JSON (raises otherwise)."""
    return [json.loads(line) for line in landing.log_path.read_bytes().decode("utf-8").splitlines()]


@pytest.fixture
def non_utf8_file(tmp_path, make_pdf) -> Path:
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/laporan-\xff\xfe.pdf"))
    try:
        path.write_bytes(make_pdf("bytes in the name"))
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    return path


def test_local_file_with_non_utf8_name_is_logged_and_read_back(tmp_path, non_utf8_file):
    """The record `pipeline.ingest_files` writes for a local file, with the raw name."""
    landing = Landing(tmp_path / "landing")
    sha = landing.store(non_utf8_file.read_bytes())
    landing.append_log({"source_id": "local", "url": non_utf8_file.resolve().as_uri(),
                        "link_text": non_utf8_file.name, "sha256": sha, "outcome": "new",
                        "path": non_utf8_file})
    [record] = strict_lines(landing)
    assert record["link_text"] == "laporan-\\xff\\xfe.pdf"
    assert record["url"].endswith("/laporan-%FF%FE.pdf")
    assert record["path"].endswith("/laporan-\\xff\\xfe.pdf")
    assert landing.read_log() == [record]
    assert landing.latest_by_url()[record["url"]]["sha256"] == sha


def test_log_line_that_is_not_utf8_does_not_hide_the_others(tmp_path):
    landing = Landing(tmp_path / "landing")
    landing.append_log({"url": "a", "outcome": "new", "sha256": "1"})
    with open(landing.log_path, "ab") as fh:
        fh.write(b'{"url": "b-\xff", "outcome": "failed"}\n')  # written by another tool
    landing.append_log({"url": "c", "outcome": "failed"})
    assert [r["url"] for r in landing.read_log()] == ["a", "b-\ufffd", "c"]


@pytest.mark.parametrize("value, expected", [
    ("Laporan Kinerja 2023 – Dinas", "Laporan Kinerja 2023 – Dinas"),  # valid text is kept
    (b"\xff\xfe.pdf", "\\xff\\xfe.pdf"),
    (os.fsdecode(b"caf\xc3\xa9-\xff.pdf"), "café-\\xff.pdf"),  # utf-8 bytes rejoin, others escape
    ("\ud800 lone", "\\ud800 lone"),                             # not from a decoder
])
def test_safe_text(value, expected):
    assert safe_text(value) == expected
    safe_text(value).encode("utf-8")


def test_json_safe_reaches_keys_lists_and_paths():
    value = {os.fsdecode(b"k\xff"): [b"\xfe", Path(os.fsdecode(b"/x/\xff"))], "n": 3}
    assert json_safe(value) == {"k\\xff": ["\\xfe", "/x/\\xff"], "n": 3}


def test_url_file_name_keeps_bytes_apart():
    assert url_file_name("http://127.0.0.1/files/%FF%FE.pdf") == "\\xff\\xfe.pdf"
    assert url_file_name("http://127.0.0.1/files/LKjIP%202023%E2%80%93final.pdf") == \
        "LKjIP 2023–final.pdf"
    assert url_file_name("http://127.0.0.1/files/") is None
