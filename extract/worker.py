"""Run extract_document() in a child process with CPU-time and memory limits.

Untrusted PDFs can make parsers loop or allocate without bound. The child gets hard limits
(RLIMIT_CPU, RLIMIT_AS) and a wall-clock timeout; if it dies, the parent records the document
as quarantined with the reason, and the run goes on.
"""
from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
from pathlib import Path

DEFAULT_CPU_SECONDS = 300
DEFAULT_MEMORY_MB = 4096
DEFAULT_TIMEOUT_SECONDS = 600


def extract_isolated(pdf_path: Path, extracted_root: Path, document_id: str,
                     cpu_seconds: int = DEFAULT_CPU_SECONDS, memory_mb: int = DEFAULT_MEMORY_MB,
                     timeout: int = DEFAULT_TIMEOUT_SECONDS) -> dict:
    def limit() -> None:  # runs in the child before exec
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))

    command = [sys.executable, "-m", "extract.worker", str(pdf_path), str(extracted_root), document_id]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, preexec_fn=limit)
    except subprocess.TimeoutExpired:
        return _failure(document_id, "parse_timeout", f"no result after {timeout} s")
    if done.returncode != 0:
        return _failure(document_id, *_diagnose(done.returncode, done.stderr or "",
                                                cpu_seconds, memory_mb))
    try:
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return _failure(document_id, "worker_failed", "the worker printed no result record")


def _diagnose(returncode: int, stderr: str, cpu_seconds: int, memory_mb: int) -> tuple[str, str]:
    """(reason, detail) for a worker that did not exit cleanly."""
    tail = stderr.strip().splitlines()[-1:] or [f"exit code {returncode}"]
    if returncode == -signal.SIGXCPU:
        return "resource_limit", f"CPU time limit of {cpu_seconds} s exceeded"
    if any(m in stderr for m in ("MemoryError", "Cannot allocate memory", "std::bad_alloc",
                                   "failed to map segment")):
        return "resource_limit", f"memory limit of {memory_mb} MB exceeded ({tail[0][:200]})"
    if returncode < 0:  # SIGKILL (OOM killer), SIGSEGV (an allocation refused under RLIMIT_AS), ...
        return "resource_limit", f"worker killed by signal {signal.Signals(-returncode).name}"
    return "worker_failed", tail[0][:300]


def _failure(document_id: str, reason: str, detail: str) -> dict:
    return {"document_id": document_id, "status": "quarantined", "stage": "worker",
            "status_reason": f"{reason}: {detail}"}


def main(argv: list[str]) -> int:
    from extract.extraction import extract_document

    pdf_path, extracted_root, document_id = argv
    record = extract_document(Path(pdf_path), Path(extracted_root), document_id)
    print(json.dumps(record, default=str, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
