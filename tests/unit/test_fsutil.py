"""Writes that readers must never see half done: a failed publish leaves nothing behind."""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys

import pytest

from extract import fsutil
from extract.publish.swap import publish_file, remove_dead_staging


def _disk_full_after(n_bytes: int):
    def copy(source, target):
        with open(source, "rb") as src, open(target, "wb") as dst:
            dst.write(src.read(n_bytes))
        raise OSError(errno.ENOSPC, "No space left on device")
    return copy


def test_a_publish_that_fails_midway_keeps_the_old_file_and_leaves_no_staging(tmp_path, monkeypatch):
    published, build = tmp_path / "lkjip.duckdb", tmp_path / "build.duckdb"
    published.write_bytes(b"old warehouse")
    build.write_bytes(b"new warehouse" * 1000)
    monkeypatch.setattr(shutil, "copyfile", _disk_full_after(100))
    with pytest.raises(OSError, match="No space left"):
        publish_file(build, published)
    assert published.read_bytes() == b"old warehouse"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build.duckdb", "lkjip.duckdb"]


def test_a_folder_that_fails_midway_is_never_swapped_in(tmp_path):
    target = tmp_path / "exports"
    target.mkdir()
    (target / "old.parquet").write_text("old")
    with pytest.raises(RuntimeError), fsutil.staged_folder(target) as incoming:
        (incoming / "half.parquet").write_text("half")
        raise RuntimeError("export failed")
    assert [p.name for p in tmp_path.iterdir()] == ["exports"]
    assert [p.name for p in target.iterdir()] == ["old.parquet"]


def test_staging_copies_of_dead_publishers_are_removed_and_live_ones_kept(tmp_path):
    published = tmp_path / "lkjip.duckdb"
    dead_pid = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                                  capture_output=True, text=True).stdout)
    dead = tmp_path / f".lkjip.duckdb.incoming-{dead_pid}"
    live = tmp_path / f".lkjip.duckdb.incoming-{os.getpid()}"
    dead.write_bytes(b"x")
    live.write_bytes(b"y")
    assert remove_dead_staging(published) == [dead]
    assert live.exists() and not dead.exists()


def test_printable_name_keeps_bytes_that_are_not_utf8():
    name = os.fsdecode(b"/tmp/laporan-\xff.pdf")
    assert fsutil.printable_name(name) == "laporan-\\xff.pdf"
    assert fsutil.printable_name("/tmp/LKjIP Dinas Kesehatan 2024.pdf") == "LKjIP Dinas Kesehatan 2024.pdf"
