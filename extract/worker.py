"""Run extract_document() in a child process group with CPU-time, memory and wall-clock limits.

Untrusted PDFs can make parsers loop or allocate without bound. The child is the leader of its
own process group (OCR runs ocrmypdf and tesseract below it), so a limit, a stop or the end of
the extraction kills the whole group: nothing it started outlives it.

Limits count CPU seconds and scale with the page count (RLIMIT_CPU, inherited by every process of
the group): a long scan on a busy machine is slow, not faulty. The wall clock is only a guard
against a child that hangs without using the CPU, set well above the CPU budget.

`WorkerPool` keeps such children alive between documents (`python -m extract.worker --serve`), so
the 5-7 s of importing camelot, OpenCV and pandas is paid once per worker, not once per document.
The same rules hold per document: the CPU limit is re-armed before each one, the parent kills the
whole group when the wall clock runs out, and a worker that dies is replaced by a new one. A process
the worker starts (OCR) inherits the worker's CPU limit, counted from the worker's start: the wall
clock bounds it.
"""
from __future__ import annotations

import json
import math
import os
import queue
import resource
import select
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

BASE_CPU_SECONDS = 60
CPU_SECONDS_PER_PAGE = 8  # OCR of a scanned page takes 2-5 CPU-s; text pages 0.1-0.3
DEFAULT_MEMORY_MB = 4096
WALL_FACTOR = 4  # the wall-clock guard: this many times the CPU budget, plus a minute
TASKS_PER_WORKER = 200  # a pool worker is replaced after this many documents ...
RECYCLE_RSS_MB = 768  # ... or when it holds this much memory after one (keeps each worker under 1 GB)


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
_lock = threading.RLock()  # re-entrant: the signal handler (stop_all) may interrupt a holder in this thread
_stopping = threading.Event()


def stop_all() -> None:
    """Kill every running worker group and refuse new ones (SIGTERM / SIGINT of a command)."""
    _stopping.set()
    with _lock:
        for process in list(_running):
            _kill_group(process)


def _spawn(command: list[str], **options) -> subprocess.Popen | None:
    """Start a worker group known to stop_all; None once a stop began. A group started while
    stop_all ran (a signal handler of this thread) is killed here: stop_all sets the flag first."""
    with _lock:
        if _stopping.is_set():
            return None
        process = subprocess.Popen(command, start_new_session=True, **options)
        _running.add(process)
        if _stopping.is_set():
            _kill_group(process)
    return process


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
    process = _spawn(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=limit)
    if process is None:
        return _failure(document_id, "stopped", "the command was stopped before this document", None)
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


# ---------------------------------------------------------------- a pool of long-lived workers


class WorkerPool:
    """Up to `size` long-lived workers; `extract()` may be called from that many threads at once."""

    def __init__(self, size: int, tasks_per_worker: int = TASKS_PER_WORKER):
        self._idle: queue.SimpleQueue[_PoolWorker] = queue.SimpleQueue()
        self._workers = [_PoolWorker(tasks_per_worker) for _ in range(max(1, size))]
        for slot in self._workers:
            self._idle.put(slot)

    def extract(self, pdf_path: Path, extracted_root: Path, document_id: str,
                limits: Limits | None = None) -> dict:
        """As `extract_isolated`, on the next idle worker (started, or restarted, when needed)."""
        if _stopping.is_set():
            return _failure(document_id, "stopped", "the command was stopped before this document", None)
        limits = limits or limits_for(page_count(pdf_path))
        slot = self._idle.get()
        try:
            return slot.run({"pdf": str(pdf_path), "extracted_root": str(extracted_root),
                             "document_id": document_id, "cpu_seconds": limits.cpu_seconds,
                             "memory_mb": limits.memory_mb}, limits)
        finally:
            self._idle.put(slot)

    @property
    def started(self) -> int:
        """How many worker processes this pool has started (replacements included)."""
        return sum(w.started for w in self._workers)

    @property
    def cpu_seconds(self) -> list[float]:
        """CPU seconds of each slot's workers (start-up, documents and their children), as they
        reported after their last document: what a slot would take on a core of its own."""
        return [w.cpu_seconds for w in self._workers]

    @property
    def peak_rss_mb(self) -> list[float]:
        """Peak memory (MiB) of each slot's workers, with their largest child, as they reported."""
        return [w.peak_rss_mb for w in self._workers]

    def close(self) -> None:
        for slot in self._workers:
            slot.stop()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _PoolWorker:
    """One slot of the pool: a `--serve` child in its own process group, started on first use."""

    def __init__(self, tasks_per_worker: int):
        self.tasks_per_worker = tasks_per_worker
        self.process: subprocess.Popen | None = None
        self.stderr = None
        self.tasks = 0
        self.started = 0
        self.cpu_seconds = 0.0  # of the workers before this one, plus this one's last report
        self.peak_rss_mb = 0.0  # the largest peak any of this slot's workers reported
        self._reported = 0.0

    def _start(self) -> subprocess.Popen | None:
        if self.stderr is not None:  # the previous worker's, read already if it died
            self.stderr.close()
        self.stderr = tempfile.TemporaryFile("a+")  # append mode: truncated between documents
        self.process = _spawn([sys.executable, "-m", "extract.worker", "--serve"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=self.stderr, text=True, preexec_fn=_no_core_dumps)
        if self.process is not None:
            self.tasks, self.started, self._reported = 0, self.started + 1, 0.0
        return self.process

    def run(self, task: dict, limits: Limits) -> dict:
        process = self.process if self.process and self.process.poll() is None else self._start()
        if process is None:
            return _failure(task["document_id"], "stopped", "the command was stopped before this document", None)
        try:
            process.stdin.write(json.dumps(task) + "\n")
            process.stdin.flush()
        except OSError:
            pass  # it died meanwhile: the read below sees the end of its output and diagnoses
        line = _read_line(process.stdout, limits.wall)
        if line is None:  # the wall clock ran out: the whole group goes
            self.stop(kill=True)
            return _failure(task["document_id"], "parse_timeout",
                            f"no result after {limits.wall} s of wall-clock time", process.pid)
        if not line.endswith("\n"):  # the worker died: a limit struck, or the extractor crashed it
            return self._died(task["document_id"], limits)
        reply = json.loads(line)
        self.cpu_seconds += reply.get("cpu_s", 0.0) - self._reported
        self._reported = reply.get("cpu_s", 0.0)
        self.peak_rss_mb = max(self.peak_rss_mb, reply.get("peak_rss_mb", 0.0))
        self.tasks += 1
        self.stderr.truncate(0)
        if self.tasks >= self.tasks_per_worker or reply.get("rss_mb", 0) > RECYCLE_RSS_MB:
            self.stop()
        return reply["record"]

    def _died(self, document_id: str, limits: Limits) -> dict:
        process = self.process
        self.stop(kill=True)
        if _stopping.is_set():
            return _failure(document_id, "stopped", "the command was stopped during this document", process.pid)
        self.stderr.seek(0)
        stderr = self.stderr.read()[-20000:]
        return _failure(document_id, *_diagnose(process.returncode, stderr, limits), process.pid)

    def stop(self, kill: bool = False) -> None:
        """End the worker: at once (kill) or by closing its input; its group goes either way."""
        process, self.process = self.process, None
        if process is None:
            return
        if not kill:
            try:
                process.stdin.close()
                process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                pass
        _kill_group(process)
        process.wait()
        for stream in (process.stdin, process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        with _lock:
            _running.discard(process)


def _read_line(stream, timeout: float) -> str | None:
    """The next line of `stream`; '' at its end, None when nothing came within `timeout` seconds."""
    ready, _, _ = select.select([stream], [], [], timeout)
    return stream.readline() if ready else None


def _no_core_dumps() -> None:  # a worker killed by SIGXCPU would otherwise leave a core file
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def serve() -> int:
    """A pool worker: one JSON task per input line, one JSON reply per line on its own channel.

    Limits are set here, by the worker on itself, before each document: the CPU limit is the CPU
    time used so far plus the document's budget (RLIMIT_CPU counts from the process start).
    """
    channel = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # a library that prints would otherwise corrupt the replies
    from extract.extraction import extract_document  # the start-up every one-shot worker pays

    for line in sys.stdin:
        task = json.loads(line)
        _arm_limits(task["cpu_seconds"], task["memory_mb"])
        record = extract_document(Path(task["pdf"]), Path(task["extracted_root"]), task["document_id"])
        _kill_strays()
        reply = {"record": record, "rss_mb": _rss_mb(), "cpu_s": _cpu_seconds(), "peak_rss_mb": _peak_rss_mb()}
        channel.write(json.dumps(reply, default=str, ensure_ascii=False) + "\n")
    return 0


def _arm_limits(cpu_seconds: int, memory_mb: int) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft_cpu = math.ceil(usage.ru_utime + usage.ru_stime) + cpu_seconds
    resource.setrlimit(resource.RLIMIT_CPU, (soft_cpu, resource.getrlimit(resource.RLIMIT_CPU)[1]))
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, resource.getrlimit(resource.RLIMIT_AS)[1]))


def _kill_strays() -> None:
    """Kill what a document left running in this worker's group (OCR), as the one-shot worker's end does."""
    me = os.getpid()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            if os.getpgid(int(entry.name)) == me:
                os.kill(int(entry.name), signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _cpu_seconds() -> float:
    """This worker's CPU since it started, with the children it has waited for (OCR)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_rss_mb() -> float:
    """The most memory this worker has held since it started (ru_maxrss: KiB on Linux), and its largest child's
    (OCR runs tesseract), added: an upper bound of what the worker needed at once."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return (own.ru_maxrss + children.ru_maxrss) / 1024


def _rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(argv: list[str]) -> int:
    if argv == ["--serve"]:
        return serve()
    from extract.extraction import extract_document

    pdf_path, extracted_root, document_id = argv
    record = extract_document(Path(pdf_path), Path(extracted_root), document_id)
    print(json.dumps(record, default=str, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
