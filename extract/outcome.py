"""What a run's exit code says, and which sources and documents its summary names.

Exit codes of every `lkjip` command that runs the job (run, ingest, demo, reprocess):
  0    published; every source was reached and every document of this run was read
  1    failed: nothing was published (dbt, a check of the warehouse's structure, an unexpected error)
  2    usage: bad arguments, a bad sources file, a bad --region / --year
  3    published, but some sources could not be reached or some documents could not be read
  4    nothing could be fetched: no source was reached, so nothing was published
  5    another run holds the lock of this data directory or warehouse
  130  stopped by SIGINT (Ctrl-C); 143 stopped by SIGTERM: the published warehouse is unchanged
Documents that were read but need review (no fiscal year, no region, implausible values) do not
change the exit code: they are listed in the summary and in marts.mart_review_queue.
"""
from __future__ import annotations

from dataclasses import dataclass, field

OK, FAILED, USAGE, PARTIAL, NOTHING_FETCHED, LOCKED = 0, 1, 2, 3, 4, 5
STOPPED = {2: 130, 15: 143}  # signal number -> exit code (128 + signal)


@dataclass
class RunProblems:
    sources_failed: list[dict] = field(default_factory=list)  # {source_id, reason}
    documents_failed: list[dict] = field(default_factory=list)  # {document_id, file_name, reason}
    sources_reached: int = 0

    @property
    def exit_code(self) -> int:
        return PARTIAL if self.sources_failed or self.documents_failed else OK

    def as_dict(self) -> dict:
        return {"sources_failed": self.sources_failed, "documents_failed": self.documents_failed,
                "sources_reached": self.sources_reached, "exit_code": self.exit_code}


def source_problems(crawl_summaries: list[dict]) -> tuple[int, list[dict]]:
    """(sources reached, failed sources): a source is reached when one of its listing pages was read."""
    failed = [{"source_id": s["source_id"], "reason": s.get("error") or "no listing page could be read"}
              for s in crawl_summaries if not s.get("reached")]
    return len(crawl_summaries) - len(failed), failed


def document_problems(extracted: list[dict]) -> list[dict]:
    """Documents of this run that could not be read (quarantined, or their worker died)."""
    return [{"document_id": e.get("document_id"), "file_name": e.get("file_name"),
             "reason": e.get("status_reason")}
            for e in extracted if e.get("status") == "quarantined"]
