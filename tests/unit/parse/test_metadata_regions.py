"""The region search tries only the regions a mention's first letter allows: it must find exactly
what trying every region's pattern finds (the seed texts and the corpus pages name many regions,
with every prefix: Kabupaten / Kab. / Kota / Wali Kota / Provinsi / Gubernur)."""
import pytest

from extract.parse import metadata
from tests.unit.parse.test_metadata import SEEDS, pdf_pages, pseudo_pages


def _every_region(text: str, index: metadata.RegionIndex):
    """The search before the shortcut: every region's pattern at every start of its kind."""
    starts = {kind: [s.start() for s in pattern.finditer(text)] for kind, pattern in metadata._STARTS.items()}
    hits = []
    for region in index.regions:
        pattern, last_end = metadata._region_pattern(region), -1
        for start in starts[region.kind]:
            found = pattern.match(text, start) if start >= last_end else None
            if found:
                hits.append((found.start(), found.end(), region))
                last_end = found.end()
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept, last_end = [], -1
    for hit in hits:
        if hit[0] >= last_end:
            kept.append(hit)
            last_end = hit[1]
    return kept


@pytest.fixture(scope="module")
def regions():
    return metadata.load_region_index()


def _pages():
    texts = [pseudo_pages(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]
    return [metadata._clean(page) for pages in texts for page in pages]


def test_seed_pages_give_the_same_regions_as_every_pattern(regions):
    pages = _pages()
    found = [metadata._non_overlapping(page, regions) for page in pages]
    assert found == [_every_region(page, regions) for page in pages]
    names = {region.name for hits in found for _, _, region in hits}
    assert {"Kabupaten Jepara", "Kota Jambi"} <= names  # the seeds' own regions are among them


@pytest.mark.parametrize("name", ["provsu_2021_lakip.pdf", "jabar-bp3akb_2016_lkip.pdf"])
def test_corpus_pages_give_the_same_regions_as_every_pattern(regions, name):
    pages = [metadata._clean(text) for text in pdf_pages(name)]
    found = [metadata._non_overlapping(page, regions) for page in pages]
    assert found == [_every_region(page, regions) for page in pages]
    assert sum(map(len, found)) > 20  # reports of a province name many of its regions


def test_a_mention_is_tried_only_against_regions_of_its_initial(regions):
    candidates = metadata._candidates("Kabupaten Jepara dan Kota Jambi", {"kabupaten": [0], "kota": [21],
                                                                          "provinsi": []}, regions)
    assert {r.name for r in candidates} >= {"Kabupaten Jepara", "Kota Jambi"}
    assert all((r.kind, r.bare_names[0][0]) in {("kabupaten", "j"), ("kota", "j")} or
               any(n[0] == "j" for n in r.bare_names) for r in candidates)
    assert len(candidates) < 40  # of 552
