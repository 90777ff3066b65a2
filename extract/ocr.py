"""OCR for scanned pages: a searchable copy of a PDF whose pages have no text layer.

Scanned reports (a signed Perjanjian Kinerja is often a scan) carry only images, so neither
the metadata inference nor camelot can read them. `ocr_pages()` runs ocrmypdf (which drives
tesseract with the Indonesian and English language data) on the pages without text and
writes a new PDF with an invisible text layer over the images; pages that already have text
are copied unchanged (`--skip-text`). The input file is never modified (the landing area is
content-addressed).

Tools come from Debian packages: `ocrmypdf tesseract-ocr tesseract-ocr-ind`
(tesseract-ocr pulls in tesseract-ocr-eng and tesseract-ocr-osd). They run as a subprocess
with a timeout, never through a shell.

Errors raise `OcrError(reason, detail)`; `reason` is short and stable (it becomes part of a
quarantine reason): `ocr_unavailable`, `ocr_language_missing`, `ocr_timeout`,
`ocr_input_error`, `ocr_encrypted`, `ocr_failed`, `ocr_no_output`.

Lattice on an OCRed page: the ruling lines of a scanned table exist only in the image, so
camelot's lattice must run with a raster engine (`engine="raster"` or the default
`"combined"`), not `engine="vector"`, which reads drawn PDF lines and finds none.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "ind+eng"
DEFAULT_TIMEOUT_SECONDS = 300

# ocrmypdf exit codes (ocrmypdf.ExitCode) -> stable reasons.
_EXIT_REASONS = {
    1: "ocr_failed",            # bad arguments (a bug on our side)
    2: "ocr_input_error",       # input file is not a usable PDF
    3: "ocr_unavailable",       # a required program (tesseract, ghostscript) is missing
    4: "ocr_failed",            # output file invalid
    5: "ocr_failed",            # file access error
    7: "ocr_failed",            # a child process (tesseract) failed
    8: "ocr_encrypted",         # encrypted PDF
    9: "ocr_language_missing",  # invalid configuration, usually missing language data
    10: "ocr_failed",           # PDF/A conversion failed (not used: --output-type pdf)
    15: "ocr_failed",           # other error
}


class OcrError(Exception):
    """OCR could not produce a searchable PDF; `reason` is short and stable."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def _programs() -> tuple[str | None, str | None]:
    return shutil.which("ocrmypdf"), shutil.which("tesseract")


def installed_languages() -> set[str]:
    """Language data known to tesseract (empty when tesseract is missing)."""
    tesseract = _programs()[1]
    if not tesseract:
        return set()
    try:
        done = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return set()
    lines = (done.stdout or "").splitlines()
    return {line.strip() for line in lines[1:] if line.strip()}  # first line: "List of available languages"


def missing_languages(language: str = DEFAULT_LANGUAGE) -> list[str]:
    have = installed_languages()
    return [lang for lang in language.split("+") if lang and lang not in have]


def ocr_available(language: str = DEFAULT_LANGUAGE) -> bool:
    """True when ocrmypdf, tesseract and the language data for `language` are installed."""
    ocrmypdf, tesseract = _programs()
    return bool(ocrmypdf and tesseract) and not missing_languages(language)


def unavailable_reason(language: str = DEFAULT_LANGUAGE) -> str | None:
    """Why OCR cannot run here (for skip messages and logs), or None when it can."""
    ocrmypdf, tesseract = _programs()
    missing = [name for name, path in (("ocrmypdf", ocrmypdf), ("tesseract", tesseract)) if not path]
    if missing:
        return (f"{' and '.join(missing)} not found on PATH "
                "(apt-get install ocrmypdf tesseract-ocr tesseract-ocr-ind)")
    langs = missing_languages(language)
    if langs:
        return f"tesseract language data missing: {', '.join(langs)} (apt-get install tesseract-ocr-ind)"
    return None


def ocr_pages(pdf_path: Path, out_path: Path, language: str = DEFAULT_LANGUAGE,
              pages: list[int] | None = None, timeout: int = DEFAULT_TIMEOUT_SECONDS,
              jobs: int | None = None) -> Path:
    """Write `out_path`: `pdf_path` with a text layer added to the pages that have none.

    `pages` (1-based) limits OCR to those pages (the ones the inventory found without text);
    by default ocrmypdf decides per page (`--skip-text`: pages with text are left as they are).
    The output is written to a temporary sibling and renamed, so `out_path` is never half a file.
    Raises OcrError.
    """
    pdf_path, out_path = Path(pdf_path), Path(out_path)
    reason = unavailable_reason(language)
    if reason is not None:
        code = "ocr_language_missing" if "language" in reason else "ocr_unavailable"
        raise OcrError(code, reason)
    if not pdf_path.is_file():
        raise OcrError("ocr_input_error", f"no such file: {pdf_path}")
    ocrmypdf = _programs()[0]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".pdf", dir=out_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    command = [
        ocrmypdf,
        "--skip-text",            # pages that already have text are copied, not rasterised
        "--language", language,
        "--output-type", "pdf",   # no PDF/A conversion: faster, no ghostscript pass over the file
        "--optimize", "0",
        "--jobs", str(jobs or max(1, min(4, os.cpu_count() or 1))),
        "--quiet",
    ]
    if pages:
        command += ["--pages", ",".join(str(p) for p in sorted(set(pages)))]
    command += [str(pdf_path), str(tmp)]
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # tesseract threads x ocrmypdf jobs would oversubscribe
    try:
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired as exc:
            raise OcrError("ocr_timeout", f"ocrmypdf gave no result after {timeout} s") from exc
        except OSError as exc:
            raise OcrError("ocr_unavailable", f"cannot run ocrmypdf: {exc}") from exc
        if done.returncode not in (0, 6):  # 6: the file already had text everywhere (fine with --skip-text)
            tail = (done.stderr or "").strip().splitlines()[-1:] or [f"exit code {done.returncode}"]
            raise OcrError(_EXIT_REASONS.get(done.returncode, "ocr_failed"),
                           f"ocrmypdf exit {done.returncode}: {tail[0][:300]}")
        if done.returncode == 6 or not tmp.exists() or tmp.stat().st_size == 0:
            if done.returncode == 6:
                shutil.copyfile(pdf_path, tmp)
            else:
                raise OcrError("ocr_no_output", "ocrmypdf exited 0 but wrote no file")
        os.replace(tmp, out_path)
        return out_path
    finally:
        if tmp.exists():
            tmp.unlink()
