"""Object storage for the landing PDFs and extracted files, against a real S3 server on loopback
(moto in server mode, spoken to by s3fs over HTTP), and the local default unchanged."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract import pipeline, storage
from extract.acquire.landing import Landing
from extract.layout import DOCUMENT_RECORD, DataLayout
from tests.conftest import make_pdf


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def store(s3_server, monkeypatch, request):
    """A fresh bucket per test, credentials from the plain AWS_* environment (as documented)."""
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3_server)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test-secret")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    bucket = request.node.name.replace("_", "-")[:50].strip("-")
    objects = storage.open_store(f"s3://{bucket}/lkjip")
    objects.fs.mkdir(bucket)
    return objects


def test_no_url_means_no_store():
    assert storage.open_store(None) is None
    assert storage.open_store("") is None


def test_keys_mirror_the_data_directory():
    keys = DataLayout(Path("/"))
    assert storage.LANDING_KEY == "landing"
    assert storage.key_of(keys.output_dir("abc")).startswith("extracted/abc/")


def test_landing_in_object_storage(store, tmp_path):
    landing = Landing(tmp_path / "landing", store)
    first, second = make_pdf("Kabupaten Jepara"), make_pdf("Kota Jambi")
    sha = landing.store(first)
    assert landing.store(first) == sha  # stored once, under its sha256
    other = landing.store(second)
    assert landing.has(sha) and not landing.has("0" * 64)
    assert landing.document_ids() == sorted([sha, other])
    assert not list((tmp_path / "landing").glob("*.pdf"))  # nothing local on the crawling machine
    copy = landing.local_copy(sha, tmp_path / "worker")
    assert copy.parent == tmp_path / "worker" and copy.read_bytes() == first
    landing.append_log({"sha256": sha, "outcome": "new"})  # the fetch log stays with the crawler
    assert [r["sha256"] for r in Landing(tmp_path / "landing", store).read_log()] == [sha]


def test_landing_without_storage_is_the_local_folder(tmp_path):
    landing = Landing(tmp_path / "landing")
    sha = landing.store(make_pdf("Kabupaten Jepara"))
    assert landing.document_ids() == [sha]
    assert landing.local_copy(sha, tmp_path / "elsewhere") == tmp_path / "landing" / f"{sha}.pdf"
    assert not (tmp_path / "elsewhere").exists()


def _fake_extraction(data: DataLayout, document_id: str) -> None:
    out = data.output_dir(document_id)
    (out / "part").mkdir(parents=True)
    (out / "tables.parquet").write_bytes(b"PAR1 tables")
    (out / "part" / "cells.parquet").write_bytes(b"PAR1 cells")
    (out / DOCUMENT_RECORD).write_text(json.dumps({"document_id": document_id, "status": "ok"}))


def test_an_extraction_travels_from_a_worker_to_the_loader(store, tmp_path):
    worker, loader = DataLayout(tmp_path / "worker"), DataLayout(tmp_path / "loader")
    _fake_extraction(worker, "doc1")
    assert not storage.download_extraction(store, loader, "doc1")  # not uploaded yet
    storage.upload_extraction(store, worker, "doc1")
    assert storage.download_extraction(store, loader, "doc1")
    assert loader.is_extracted("doc1")
    for name in ("tables.parquet", "part/cells.parquet", DOCUMENT_RECORD):
        assert (loader.output_dir("doc1") / name).read_bytes() == (worker.output_dir("doc1") / name).read_bytes()
    storage.remove_extraction(store, "doc1")
    assert not storage.download_extraction(store, DataLayout(tmp_path / "fresh"), "doc1")


def test_a_crashed_worker_record_travels_too(store, tmp_path):
    worker, loader = DataLayout(tmp_path / "worker"), DataLayout(tmp_path / "loader")
    worker.failure_path("doc2").parent.mkdir(parents=True)
    worker.failure_path("doc2").write_text(json.dumps({"status": "quarantined", "stage": "worker"}))
    storage.upload_extraction(store, worker, "doc2")
    assert storage.download_extraction(store, loader, "doc2")
    assert json.loads(loader.failure_path("doc2").read_text())["stage"] == "worker"
    assert not loader.is_extracted("doc2")


def test_pending_documents_read_storage(store, tmp_path, monkeypatch):
    """What a worker on another machine extracted is not pending on the loading machine."""
    monkeypatch.setenv("LKJIP_STORAGE_URL", f"s3://{store.root}")
    ctx = pipeline.start_run(data_dir=str(tmp_path / "data"), warehouse=str(tmp_path / "wh.duckdb"))
    assert ctx["storage_url"] == f"s3://{store.root}"
    landing = Landing(tmp_path / "elsewhere", store)
    done, todo = landing.store(make_pdf("Kabupaten Jepara")), landing.store(make_pdf("Kota Jambi"))
    worker = DataLayout(tmp_path / "worker")
    _fake_extraction(worker, done)
    storage.upload_extraction(store, worker, done)
    assert pipeline.landed_documents(ctx) == sorted([done, todo])
    assert pipeline.pending_documents(ctx) == [todo]
    assert DataLayout(tmp_path / "data").is_extracted(done)  # the loader's local copy


def test_extract_one_reads_and_writes_only_storage_and_its_own_folder(store, tmp_path, monkeypatch):
    """A real extraction (worker process) of the Jepara sample through storage: the run's data directory
    is never touched on the extracting side, and the worker's copies are gone afterwards."""
    from tests.paths import SAMPLE_PDFS

    monkeypatch.setenv("LKJIP_STORAGE_URL", f"s3://{store.root}")
    ctx = pipeline.start_run(data_dir=str(tmp_path / "data"), warehouse=str(tmp_path / "wh.duckdb"))
    sha = Landing(tmp_path / "crawler", store).store((SAMPLE_PDFS / "lkjip_jepara_2024_ruled.pdf").read_bytes())
    summary = pipeline.extract_one(ctx, sha, work_dir=str(tmp_path / "worker"))
    assert summary["status"] == "ok" and summary["region_code"] == "33.20" and summary["fiscal_year"] == 2024
    assert summary["worker"].endswith(f":{tmp_path / 'worker'}")
    assert not [p for p in (tmp_path / "worker").rglob("*") if p.is_file()]
    assert not DataLayout(tmp_path / "data").extracted.exists()
    assert pipeline.pending_documents(ctx) == []  # the loading side finds it in storage
    assert DataLayout(tmp_path / "data").is_extracted(sha)
