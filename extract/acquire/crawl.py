"""Listing pages → PDF links → downloads into the landing area.

The crawl is deliberately shallow: listing pages, their pagination (bounded by
`max_pages`) and one level of document detail pages. Government portals are
link farms; going deeper finds news articles, not reports. For the same reason
one page contributes at most `max_links` document links (a generated archive page
can list thousands); the pages cut are listed in `CrawlResult.truncated`.

Every download attempt becomes one fetch-log record, and a failure (site down,
404, HTML served as PDF, body too large, ...) is recorded with its reason, never
raised: one broken site must not stop the others.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import parse_qs, urldefrag, urljoin, urlsplit

from rich.console import Console
from rich.progress import Progress

from extract.acquire.client import FetchError, PoliteClient
from extract.acquire.landing import Landing
from extract.acquire.sources import Source
from extract.fsutil import sha256_bytes

log = logging.getLogger(__name__)

NEXT_WORDS = ("next", "selanjutnya", "berikutnya")
NEXT_SYMBOLS = {"»", "›", ">", ">>", "»»", "→"}
DETAIL_WORDS = ("lkjip", "lakip", "lkip", "laporan kinerja", "dokumen", "unduh", "download")
OTHER_DOCUMENT_EXTENSIONS = (".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".rar",
                             ".7z", ".odt", ".ods", ".rtf", ".jpg", ".jpeg", ".png")
PAGE_PARAMS = ("page", "halaman", "hal", "p")
MAX_DETAIL_PAGES = 100
GDRIVE_FILE_RE = re.compile(r"^/file/d/([A-Za-z0-9_-]+)")


@dataclass
class Link:
    url: str            # absolute, without fragment
    text: str
    kind: str           # 'a', 'object', 'embed', 'iframe', 'link'
    rel: str = ""


@dataclass
class CrawlResult:
    source_id: str
    found: int = 0                                  # distinct PDF candidates
    new: list[str] = field(default_factory=list)        # sha256 of newly stored files
    unchanged: list[str] = field(default_factory=list)  # sha256 already held (incl. 304)
    failed: list[dict] = field(default_factory=list)    # {url, reason, kind, status_code}
    skipped: list[str] = field(default_factory=list)    # non-PDF document links not fetched
    pages: int = 0                                  # listing + detail pages read
    truncated: list[dict] = field(default_factory=list)  # {page, found, kept}: pages over max_links


# ---------------------------------------------------------------- HTML → links

class LinkParser(HTMLParser):
    """Collect <a href>, <link rel=next>, <object data>, <embed src>, <iframe src>."""

    def __init__(self, base_url: str):
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.links: list[Link] = []
        self._open_a: dict | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "base" and a.get("href"):
            self.base_url = urljoin(self.base_url, a["href"])
        elif tag == "a" and a.get("href"):
            self._open_a = {"href": a["href"], "rel": a.get("rel", ""), "text": [],
                            "title": a.get("title", "")}
        elif tag == "link" and "next" in a.get("rel", "").lower() and a.get("href"):
            self._add(a["href"], "", "link", "next")
        elif tag == "img" and self._open_a is not None and a.get("alt"):
            self._open_a["text"].append(a["alt"])
        elif tag in ("object", "embed", "iframe"):
            target = a.get("data") if tag == "object" else a.get("src")
            if target:
                self._add(target, a.get("title", "") or a.get("name", ""), tag)

    def handle_data(self, data: str) -> None:
        if self._open_a is not None:
            self._open_a["text"].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open_a is not None:
            link, self._open_a = self._open_a, None
            text = " ".join(" ".join(link["text"]).split()) or link["title"]
            self._add(link["href"], text, "a", link["rel"])

    def _add(self, href: str, text: str, kind: str, rel: str = "") -> None:
        href = href.strip()
        if href.lower().startswith(("javascript:", "mailto:", "tel:", "data:")):
            return
        url, _ = urldefrag(urljoin(self.base_url, href))
        if urlsplit(url).scheme in ("http", "https"):
            self.links.append(Link(url, text.strip(), kind, rel.lower()))


def parse_links(html: str, base_url: str) -> list[Link]:
    parser = LinkParser(base_url)
    parser.feed(html)
    parser.close()
    return parser.links


# ---------------------------------------------------------------- link classification

def gdrive_download_url(url: str) -> str | None:
    """Google Drive share link → direct download URL (None if not a Drive file link)."""
    parts = urlsplit(url)
    if (parts.hostname or "").lower() != "drive.google.com":
        return None
    match = GDRIVE_FILE_RE.match(parts.path)
    file_id = match.group(1) if match else (parse_qs(parts.query).get("id") or [None])[0]
    if not file_id:
        return None
    return f"https://drive.google.com/uc?export=download&id={file_id}"


def _viewer_target(url: str) -> str | None:
    """pdf.js-style viewers embed the document as `?file=...`: fetch that instead."""
    target = (parse_qs(urlsplit(url).query).get("file") or [None])[0]
    return urljoin(url, target) if target else None


def pdf_candidate(link: Link) -> str | None:
    """The URL to download if the link points at a PDF, else None."""
    drive = gdrive_download_url(link.url)
    if drive:
        return drive
    path = urlsplit(link.url).path.lower()
    if path.endswith(".pdf"):
        return link.url
    if link.kind in ("object", "embed", "iframe"):
        viewer = _viewer_target(link.url)
        if viewer and urlsplit(viewer).path.lower().endswith(".pdf"):
            return viewer
        return link.url
    return None


def is_other_document(link: Link) -> bool:
    return urlsplit(link.url).path.lower().endswith(OTHER_DOCUMENT_EXTENSIONS)


def is_next_page(link: Link, page_url: str) -> bool:
    if _host(link.url) != _host(page_url) or link.kind not in ("a", "link"):
        return False
    if "next" in link.rel.split():
        return True
    text = link.text.lower()
    if text in NEXT_SYMBOLS or any(re.search(rf"\b{w}\b", text) for w in NEXT_WORDS):
        return True
    return _is_numbered_page(link.url, page_url)


def _is_numbered_page(url: str, page_url: str) -> bool:
    """`?page=N` (or halaman/hal/p) on the same path as the current page."""
    target, here = urlsplit(url), urlsplit(page_url)
    if target.path.rstrip("/") != here.path.rstrip("/"):
        return False
    query = parse_qs(target.query)
    return any(query.get(name, [""])[0].isdigit() for name in PAGE_PARAMS)


def is_detail_page(link: Link, page_url: str) -> bool:
    if link.kind != "a" or _host(link.url) != _host(page_url) or is_other_document(link):
        return False
    text = link.text.lower()
    return any(word in text for word in DETAIL_WORDS)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


# ---------------------------------------------------------------- discovery

def discover(source: Source, client: PoliteClient, landing: Landing,
             result: CrawlResult) -> dict[str, str]:
    """Read listing pages, their pagination and detail pages; return {pdf_url: link_text}."""
    found = _Found(result)
    queue = list(source.listing_urls)
    visited: set[str] = set()
    details: dict[str, None] = {}  # ordered set
    listing_pages = 0
    while queue and listing_pages < source.max_pages:
        url = queue.pop(0)
        if url in visited:
            continue
        visited.add(url)
        listing_pages += 1
        for link in found.collect_page(url, _read_page(url, source, client, landing, result),
                                       source.max_links):
            if is_next_page(link, url) and link.url not in visited:
                queue.append(link.url)
            elif is_detail_page(link, url):
                details.setdefault(link.url)
    for url in [u for u in details if u not in visited][:MAX_DETAIL_PAGES]:
        visited.add(url)  # one level deep: the page's other links are not followed
        found.collect_page(url, _read_page(url, source, client, landing, result), source.max_links)
    return found.candidates


class _Found:
    """The document links found so far, each page's contribution capped at max_links."""

    def __init__(self, result: CrawlResult):
        self.result = result
        self.candidates: dict[str, str] = {}  # pdf url -> link text
        self.skipped: set[str] = set(result.skipped)

    def collect_page(self, page_url: str, links: list[Link], max_links: int) -> list[Link]:
        """Record the page's document links (at most max_links new ones); return the others."""
        others, new = [], 0
        dropped: set[str] = set()
        for link in links:
            target, is_pdf = self._target(link)
            if target is None:
                others.append(link)
            elif self._known(target, is_pdf, link.text):
                continue
            elif new < max_links:
                new += 1
                self._add(target, is_pdf, link.text)
            else:
                dropped.add(target)
        if dropped:
            self._note_truncated(page_url, new + len(dropped), new)
        return others

    @staticmethod
    def _target(link: Link) -> tuple[str | None, bool]:
        target = pdf_candidate(link)
        if target:
            return target, True
        return (link.url, False) if is_other_document(link) else (None, False)

    def _known(self, target: str, is_pdf: bool, text: str) -> bool:
        if not is_pdf:
            return target in self.skipped
        if target in self.candidates:
            if not self.candidates[target]:
                self.candidates[target] = text  # a later link may carry the text
            return True
        return False

    def _add(self, target: str, is_pdf: bool, text: str) -> None:
        if is_pdf:
            self.candidates[target] = text
        else:
            self.skipped.add(target)
            self.result.skipped.append(target)

    def _note_truncated(self, page_url: str, found: int, kept: int) -> None:
        log.warning("page %s lists %d document links; kept the first %d (max_links)",
                    page_url, found, kept)
        self.result.truncated.append({"page": page_url, "found": found, "kept": kept})


def _read_page(url: str, source: Source, client: PoliteClient, landing: Landing,
               result: CrawlResult) -> list[Link]:
    try:
        page = client.get_page(url, source)
    except FetchError as exc:
        log.warning("listing page %s failed: %s", url, exc.reason)
        _record_failure(url, "", "listing", exc.reason, exc.status_code, source, landing, result)
        return []
    result.pages += 1
    return parse_links(page.text(), page.final_url)


# ---------------------------------------------------------------- downloads

def download(url: str, link_text: str, source: Source, client: PoliteClient,
             landing: Landing, previous: dict[str, dict], result: CrawlResult) -> None:
    """Fetch one PDF (conditionally if we hold the last version) and log the attempt."""
    prev = previous.get(url)
    if prev and not landing.has(prev["sha256"]):
        prev = None  # the file is gone: a 304 would leave us without the bytes
    try:
        fetched = client.fetch(url, source, etag=prev and prev.get("etag"),
                               last_modified=prev and prev.get("last_modified"))
    except FetchError as exc:
        _record_failure(url, link_text, "document", exc.reason, exc.status_code, source,
                        landing, result)
        return
    except Exception as exc:  # noqa: BLE001 - one bad file must never stop the crawl
        _record_failure(url, link_text, "document", f"{type(exc).__name__}: {exc}", None,
                        source, landing, result)
        return
    record = _record(source, url, link_text, "document", status_code=fetched.status_code,
                     content_type=fetched.content_type, final_url=fetched.final_url)
    if fetched.not_modified:
        sha = prev["sha256"]
        record.update(outcome="not_modified", sha256=sha, bytes=prev.get("bytes"),
                      etag=fetched.etag or prev.get("etag"),
                      last_modified=fetched.last_modified or prev.get("last_modified"))
        result.unchanged.append(sha)
    else:
        data = fetched.content or b""
        existed = landing.has(sha256_bytes(data))
        sha = landing.store(data)
        record.update(outcome="unchanged" if existed else "new", sha256=sha, bytes=len(data),
                      etag=fetched.etag, last_modified=fetched.last_modified)
        (result.unchanged if existed else result.new).append(sha)
    landing.append_log(record)


def _record(source: Source, url: str, link_text: str, kind: str, **fields) -> dict:
    return {"source_id": source.id, "region_code": source.region_code, "url": url,
            "link_text": link_text, "kind": kind,
            "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"), **fields}


def _record_failure(url, link_text, kind, reason, status_code, source, landing, result) -> None:
    landing.append_log(_record(source, url, link_text, kind, status_code=status_code,
                               outcome="failed", error=reason))
    result.failed.append({"url": url, "reason": reason, "kind": kind,
                          "status_code": status_code, "link_text": link_text})


# ---------------------------------------------------------------- entry points

def crawl_source(source: Source, landing: Landing, client: PoliteClient | None = None,
                 progress: bool | Progress | None = None) -> CrawlResult:
    """Crawl one source into the landing area. Failures are recorded, never raised."""
    own_client = client is None
    client = client or PoliteClient()
    result = CrawlResult(source.id)
    try:
        with _progress_bar(progress) as bar:
            task = bar.add_task(f"{source.id}: reading pages", total=None) if bar else None
            candidates = discover(source, client, landing, result)
            result.found = len(candidates)
            previous = landing.latest_by_url()
            if bar:
                bar.update(task, description=f"{source.id}: downloading", total=len(candidates))
            for url, text in candidates.items():
                download(url, text, source, client, landing, previous, result)
                if bar:
                    bar.advance(task)
    except Exception as exc:  # quarantine, not crash (logged with its traceback)
        log.exception("crawl of %s aborted", source.id)
        result.failed.append({"url": None, "reason": f"crawl aborted: {type(exc).__name__}: {exc}",
                              "kind": "source", "status_code": None, "link_text": ""})
    finally:
        if own_client:
            client.close()
    return result


def crawl_sources(sources: Iterable[Source], landing: Landing, client: PoliteClient | None = None,
                  progress: bool | None = None, workers: int = 4) -> list[CrawlResult]:
    """Crawl several sources; different sites in parallel, each site politely in sequence."""
    sources = list(sources)
    own_client = client is None
    client = client or PoliteClient()
    try:
        with _progress_bar(progress) as bar:
            with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
                futures = [pool.submit(crawl_source, s, landing, client, bar or False)
                           for s in sources]
                return [f.result() for f in futures]
    finally:
        if own_client:
            client.close()


@contextmanager
def _progress_bar(progress: bool | Progress | None) -> Iterator[Progress | None]:
    """Reuse a caller's Progress (rich allows one live display), start one, or none."""
    if isinstance(progress, Progress):
        yield progress
    elif progress:
        with Progress(console=Console(stderr=True), transient=False) as bar:
            yield bar
    else:
        yield None
