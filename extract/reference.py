"""The one reader of reference data: the dbt seeds (regions, nomenclature) and the glossary.

Extraction, the sources check and the scorecard all read these files; they ship with the
checkout and the image (docker/Dockerfile copies dbt_project/ and docs/). A missing file is an
installation fault and says so, instead of quietly giving empty answers.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from extract import layout


class ReferenceMissing(FileNotFoundError):
    """A reference file is not where the installation should have put it."""


def _existing(path: Path) -> Path:
    if not path.is_file():
        raise ReferenceMissing(f"reference file {path} is missing: reinstall the project, "
                               "or set LKJIP_HOME to the folder holding dbt_project/ and docs/")
    return path


def read_seed(name: str) -> list[dict[str, str]]:
    """The rows of dbt_project/seeds/<name> as dicts of strings."""
    with open(_existing(layout.seeds_dir() / name), newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def regencies() -> tuple[dict[str, str], ...]:
    return tuple(read_seed("ref_regency.csv"))


@lru_cache(maxsize=1)
def provinces() -> tuple[dict[str, str], ...]:
    return tuple(read_seed("ref_province.csv"))


@lru_cache(maxsize=1)
def region_codes() -> frozenset[str]:
    """Every province code ('33') and regency / city code ('33.20')."""
    return frozenset([r["province_code"].strip() for r in provinces()]
                     + [r["regency_code"].strip() for r in regencies()])


@lru_cache(maxsize=1)
def nomenclature_names() -> tuple[str, ...]:
    """The national program / kegiatan / sub-kegiatan names as the seed prints them (Permendagri 90/2019)."""
    return tuple(name for row in read_seed("ref_nomenclature.csv") if (name := row.get("name")))


@lru_cache(maxsize=1)
def nomenclature_words() -> frozenset[str]:
    """Lower-case words (4+ letters) of the national program / kegiatan names."""
    names = " ".join(nomenclature_names())
    return frozenset(w for w in re.findall(r"[a-z]+", names.lower()) if len(w) >= 4)


def glossary_markdown() -> str:
    """docs/GLOSSARY.md: the Indonesian terms used in column names, docs and the scorecard."""
    return _existing(layout.glossary_path()).read_text(encoding="utf-8")
