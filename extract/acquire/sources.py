"""Load and validate the source registry (`sources/*.yaml`).

A registry mistake should be caught before the crawl starts, with one message
that lists every problem and the entry it belongs to, so an editor can fix
the file in one pass. `check_sources_file`, `check_region_code` and
`check_fiscal_year` give the same checks to the CLI as plain messages.
"""
from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from extract import reference

REGION_CODE_RE = re.compile(r"^\d{2}(\.\d{2})?$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
ENV_RE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
KNOWN_KEYS = {
    "id", "region_code", "name", "listing_urls", "allowed_hosts", "verify_tls",
    "allow_private_network", "agency_name", "notes", "max_pages", "max_links",
}
DEFAULT_MAX_PAGES = 20
DEFAULT_MAX_LINKS = 300  # document links one page may queue (link farms list thousands)
MAX_LINKS_CEILING = 10_000
FIRST_FISCAL_YEAR = 2000  # SAKIP reports (and LKjIP) start in the 2000s


class SourcesError(ValueError):
    """The registry file is unreadable or has invalid entries."""


@dataclass
class Source:
    id: str
    region_code: str | None  # None: infer the region from the document text
    name: str
    listing_urls: list[str]
    allowed_hosts: list[str]
    verify_tls: bool = True
    allow_private_network: bool = False
    agency_name: str | None = None
    notes: str | None = None
    max_pages: int = DEFAULT_MAX_PAGES
    max_links: int = DEFAULT_MAX_LINKS


def load_sources(path: str | os.PathLike, env: Mapping[str, str] | None = None,
                 region_codes: set[str] | None = None) -> list[Source]:
    """Parse and validate a registry file; raise SourcesError listing every problem."""
    path = Path(path)
    env = os.environ if env is None else env
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SourcesError(f"{path}: cannot read registry: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("sources"), list):
        raise SourcesError(f"{path}: expected a mapping with a 'sources:' list")
    if region_codes is None:
        region_codes = reference.region_codes()
    sources, problems = _validate_document(doc, env, region_codes)
    if problems:
        raise SourcesError(f"{path}: {len(problems)} problem(s):\n  " + "\n  ".join(problems))
    return sources


def _validate_document(doc: dict, env: Mapping[str, str],
                       region_codes: set[str]) -> tuple[list[Source], list[str]]:
    """The valid sources and every problem ("<entry label>: <problem>") of a parsed file."""
    sources, problems, seen = [], [], set()
    for index, entry in enumerate(doc["sources"]):
        label = _entry_label(entry, index)
        entry_problems = _validate_entry(entry, env, region_codes)
        if isinstance(entry, dict) and isinstance(entry.get("id"), str) and entry["id"] in seen:
            entry_problems.append(f"duplicate id {entry['id']!r}")
        problems += [f"{label}: {p}" for p in entry_problems]
        if not entry_problems:
            seen.add(entry["id"])
            sources.append(_build_source(entry, env))
        elif isinstance(entry, dict) and isinstance(entry.get("id"), str):
            seen.add(entry["id"])
    return sources, problems


def _entry_label(entry: Any, index: int) -> str:
    if isinstance(entry, dict) and entry.get("id"):
        return f"source {entry['id']!r} (entry {index + 1})"
    return f"entry {index + 1}"


def expand_env(text: str, env: Mapping[str, str]) -> tuple[str, list[str]]:
    """Replace ${VAR}; return the text and the names of unset variables."""
    missing = [name for name in ENV_RE.findall(text) if not env.get(name)]
    expanded = ENV_RE.sub(lambda m: env.get(m.group(1)) or m.group(0), text)
    return expanded, missing


def _validate_entry(entry: Any, env: Mapping[str, str], region_codes: set[str]) -> list[str]:
    if not isinstance(entry, dict):
        return ["entry is not a mapping"]
    problems = [f"unknown key {k!r}" for k in entry if k not in KNOWN_KEYS]
    problems += _check_identity(entry, region_codes)
    problems += _check_hosts_and_urls(entry, env)
    problems += _check_flags(entry)
    return problems


def _check_identity(entry: dict, region_codes: set[str]) -> list[str]:
    problems = []
    sid = entry.get("id")
    if not isinstance(sid, str) or not ID_RE.match(sid):
        problems.append("id must be lowercase letters, digits, '.', '_' or '-'")
    if not isinstance(entry.get("name"), str) or not entry["name"].strip():
        problems.append("name is required")
    code = entry.get("region_code")
    if code is not None:
        if not isinstance(code, str) or not REGION_CODE_RE.match(code):
            problems.append(f"region_code {code!r} must be 'NN' or 'NN.NN' (quoted) or null")
        elif region_codes and code not in region_codes:
            problems.append(f"region_code {code!r} is not in the reference region lists")
    for key in ("agency_name", "notes"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            problems.append(f"{key} must be text")
    return problems


def _check_hosts_and_urls(entry: dict, env: Mapping[str, str]) -> list[str]:
    problems = []
    hosts = entry.get("allowed_hosts")
    if not isinstance(hosts, list) or not hosts or not all(isinstance(h, str) for h in hosts):
        problems.append("allowed_hosts must be a non-empty list of host names")
        hosts = []
    hosts = {h.lower() for h in hosts}
    urls = entry.get("listing_urls")
    if not isinstance(urls, list) or not urls:
        return problems + ["listing_urls must be a non-empty list"]
    for raw in urls:
        if not isinstance(raw, str):
            problems.append(f"listing URL {raw!r} is not text")
            continue
        url, missing = expand_env(raw, env)
        if missing:
            problems.append(f"listing URL {raw!r}: environment variable(s) not set: {', '.join(missing)}")
            continue
        try:
            parts = urlsplit(url)
            host = parts.hostname
        except ValueError as exc:  # "http://[::1" and the like
            problems.append(f"listing URL {url!r} is not a valid URL ({exc})")
            continue
        if parts.scheme not in ("http", "https") or not host:
            problems.append(f"listing URL {url!r} must be an http(s) URL with a host")
        elif hosts and host.lower() not in hosts:
            problems.append(f"listing URL {url!r}: host {host!r} is not in allowed_hosts")
    return problems


def _check_flags(entry: dict) -> list[str]:
    problems = []
    for key in ("verify_tls", "allow_private_network"):
        if key in entry and not isinstance(entry[key], bool):
            problems.append(f"{key} must be true or false, not {entry[key]!r}")
    pages = entry.get("max_pages", DEFAULT_MAX_PAGES)
    if isinstance(pages, bool) or not isinstance(pages, int) or pages < 1:
        problems.append(f"max_pages must be a positive integer, not {pages!r}")
    links = entry.get("max_links", DEFAULT_MAX_LINKS)
    if isinstance(links, bool) or not isinstance(links, int) or not 1 <= links <= MAX_LINKS_CEILING:
        problems.append(f"max_links must be an integer from 1 to {MAX_LINKS_CEILING}, not {links!r}")
    return problems


def _build_source(entry: dict, env: Mapping[str, str]) -> Source:
    return Source(
        id=entry["id"],
        region_code=entry.get("region_code"),
        name=entry["name"].strip(),
        listing_urls=[expand_env(u, env)[0] for u in entry["listing_urls"]],
        allowed_hosts=[h.lower() for h in entry["allowed_hosts"]],
        verify_tls=entry.get("verify_tls", True),
        allow_private_network=entry.get("allow_private_network", False),
        agency_name=entry.get("agency_name"),
        notes=entry.get("notes"),
        max_pages=entry.get("max_pages", DEFAULT_MAX_PAGES),
        max_links=entry.get("max_links", DEFAULT_MAX_LINKS),
    )


# ---------------------------------------------------------------- checks for the CLI

def check_sources_file(path: str | os.PathLike, env: Mapping[str, str] | None = None) -> list[str]:
    """Every problem of a registry file as one-line messages ([] when valid); never raises,
    so `lkjip check` can print them all instead of a traceback."""
    path = Path(path)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return [_one_line(f"{path}: cannot read registry: {exc.strerror or exc}")]
    except UnicodeDecodeError as exc:
        return [f"{path}: not UTF-8 text (byte {exc.start})"]
    except yaml.YAMLError as exc:
        return [_yaml_error_line(path, exc)]
    if not isinstance(doc, dict) or not isinstance(doc.get("sources"), list):
        return [f"{path}: expected a mapping with a 'sources:' list"]
    try:
        problems = _validate_document(doc, os.environ if env is None else env,
                                      reference.region_codes())[1]
    except Exception as exc:  # noqa: BLE001 - a checker reports, it does not crash
        return [_one_line(f"{path}: cannot check: {type(exc).__name__}: {exc}")]
    return [_one_line(f"{path}: {problem}") for problem in problems]


def _yaml_error_line(path: Path, exc: yaml.YAMLError) -> str:
    """A YAML syntax error as one line that names where it is (1-based, like editors)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    problem = getattr(exc, "problem", None) or str(exc)
    return _one_line(f"{path}: {where}YAML syntax error: {problem}")


def check_region_code(code: object) -> str | None:
    """None if `code` is a known Kemendagri region code, else why not (for --region)."""
    if not isinstance(code, str) or not REGION_CODE_RE.match(code):
        return f"region code {_shown(code)} must be 'NN' (province) or 'NN.NN' (regency / city)"
    if code not in reference.region_codes():
        return f"region code {_shown(code)} is not in the reference region lists"
    return None


def check_fiscal_year(year: object, today: date | None = None) -> str | None:
    """None if `year` (int or digits) is a fiscal year from 2000 to next year, else why not;
    a later year cannot have a report yet, so it is a typo (for --year)."""
    last = (today or date.today()).year + 1
    value = year.strip() if isinstance(year, str) else year
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return f"fiscal year {_shown(year)} must be a year such as {last - 1}"
    if not FIRST_FISCAL_YEAR <= value <= last:
        return f"fiscal year {value} must be between {FIRST_FISCAL_YEAR} and {last}"
    return None


def _shown(value: object, width: int = 40) -> str:
    """A user's value quoted for a message: repr escapes control characters (no terminal
    escapes pass through) and a long value is cut."""
    text = repr(value)
    return text if len(text) <= width else text[:width - 3] + "..."


def _one_line(text: str) -> str:
    return " ".join(text.split())
