"""Run extract_document() in a child process group with CPU-time, memory and wall-clock limits.

Untrusted PDFs can make parsers loop or allocate without bound. The child is the leader of its
own process group (OCR runs ocrmypdf and tesseract below it), so a limit, a stop or the end of
the extraction kills the whole group: nothing it started outlives it.

Limits count CPU seconds and scale with the page count (RLIMIT_CPU, inherited by every process of
the group): a long scan on a busy machine is slow, not faulty. The wall clock is only a guard
against a child that hangs without using the CPU, set well above the CPU budget.
"""
from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

BASE_CPU_SECONDS = 60
CPU_SECONDS_PER_PAGE = 8  # OCR of a scanned page takes 2-5 CPU-s; text pages 0.1-0.3
DEFAULT_MEMORY_MB = 4096
WALL_FACTOR = 4  # the wall-clock guard: this many times the CPU budget, plus a minute


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int
    memory_mb: int = DEFAULT_MEMORY_MB
    wall_seconds: int | None = None

    @property
    def wall(self) -> int:
        return self.wall_seconds or WALL_FACTOR * self.cpu_seconds + 60


def limits_for(pages: int) -> Limits:
    """The budget of a document of `pages` pages."""
    return Limits(cpu_seconds=BASE_CPU_SECONDS + CPU_SECONDS_PER_PAGE * max(1, pages))


def page_count(pdf_path: Path) -> int:
    """Pages of a PDF, 1 when it cannot be opened (the worker then quarantines it with the reason)."""
    import pypdfium2 as pdfium  # light: no rendering, only the page tree

    try:
        doc = pdfium.PdfDocument(str(pdf_path))
    except Exception:  # noqa: BLE001 - a broken file is the worker's to diagnose
        return 1
    try:
        return len(doc)
    finally:
        doc.close()


# ---------------------------------------------------------------- the running workers

_running: set[subprocess.Popen] = set()
_lock = threading.Lock()
_stopping = threading.Event()


def stop_all() -> None:
    """Kill every running worker group and refuse new ones (SIGTERM / SIGINT of a command)."""
    _stopping.set()
    with _lock:
        for process in list(_running):
            _kill_group(process)


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


# ---------------------------------------------------------------- one document


def extract_isolated(pdf_path: Path, extracted_root: Path, document_id: str,
                     limits: Limits | None = None) -> dict:
    """Extract one PDF in its own process group; a record with status 'quarantined' (stage
    'worker') when the worker dies, and status 'stopped' when the command is being stopped."""
    if _stopping.is_set():
        return _failure(document_id, "stopped", "the command was stopped before this document", None)
    limits = limits or limits_for(page_count(pdf_path))

    def limit() -> None:  # runs in the child before exec
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds))
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_mb << 20, limits.memory_mb << 20))

    command = [sys.executable, "-m", "extract.worker", str(pdf_path), str(extracted_root), document_id]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=limit, start_new_session=True)
    with _lock:
        _running.add(process)
    try:
        stdout, stderr = process.communicate(timeout=limits.wall)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        process.communicate()
        return _failure(document_id, "parse_timeout",
                        f"no result after {limits.wall} s of wall-clock time", process.pid)
    finally:
        _kill_group(process)  # OCR children left behind by a finished or killed worker
        with _lock:
            _running.discard(process)
    return _result(document_id, process, stdout, stderr, limits)


def _result(document_id: str, process: subprocess.Popen, stdout: str, stderr: str, limits: Limits) -> dict:
    if _stopping.is_set() and process.returncode != 0:
        return _failure(document_id, "stopped", "the command was stopped during this document", process.pid)
    if process.returncode != 0:
        return _failure(document_id, *_diagnose(process.returncode, stderr or "", limits), process.pid)
    try:
        return json.loads(stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return _failure(document_id, "worker_failed", "the worker printed no result record", process.pid)


def _diagnose(returncode: int, stderr: str, limits: Limits) -> tuple[str, str]:
    """(reason, detail) for a worker that did not exit cleanly."""
    tail = stderr.strip().splitlines()[-1:] or [f"exit code {returncode}"]
    if returncode == -signal.SIGXCPU:
        return "resource_limit", f"CPU time limit of {limits.cpu_seconds} s exceeded"
    if any(m in stderr for m in ("MemoryError", "Cannot allocate memory", "std::bad_alloc",
                                   "failed to map segment")):
        return "resource_limit", f"memory limit of {limits.memory_mb} MB exceeded ({tail[0][:200]})"
    if returncode < 0:  # SIGKILL (OOM killer), SIGSEGV (an allocation refused under RLIMIT_AS), ...
        return "resource_limit", f"worker killed by signal {signal.Signals(-returncode).name}"
    return "worker_failed", tail[0][:300]


def _failure(document_id: str, reason: str, detail: str, pid: int | None) -> dict:
    status = "stopped" if reason == "stopped" else "quarantined"
    return {"document_id": document_id, "status": status, "stage": "worker",
            "status_reason": f"{reason}: {detail}", "worker_pid": pid}


def main(argv: list[str]) -> int:
    from extract.extraction import extract_document

    pdf_path, extracted_root, document_id = argv
    record = extract_document(Path(pdf_path), Path(extracted_root), document_id)
    print(json.dumps(record, default=str, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
