"""Document metadata from seed texts, the real corpus PDFs and small synthetic traps."""
import os
import re
from pathlib import Path

import pytest

from extract.parse.metadata import DocumentMetadata, infer_metadata, load_region_index
from tests.paths import REPO

SEEDS = REPO / "samples" / "seeds"


def _corpus_dir() -> Path | None:
    for candidate in (os.environ.get("LKJIP_CORPUS_DIR"), REPO.parent / "shared" / "corpus"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


@pytest.fixture(scope="module")
def regions():
    return load_region_index()


def pseudo_pages(text: str, size: int = 3000) -> list[str]:
    """Blank-line separated blocks packed into ~3000-character pages; the first is the cover."""
    pages, current = [], ""
    for block in re.split(r"\n\s*\n", text):
        if current and len(current) + len(block) > size:
            pages.append(current)
            current = ""
        current += block + "\n\n"
    return pages + [current]


def pdf_pages(name: str) -> list[str]:
    corpus = _corpus_dir()
    if corpus is None or not (corpus / name).exists():
        pytest.skip("corpus not available")
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(str(corpus / name))
    return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]


def test_jepara_seed(regions):
    text = (SEEDS / "lkjip_jepara_2024_diskopukmnakertrans.txt").read_text(encoding="utf-8")
    meta = infer_metadata(pseudo_pages(text), regions)
    assert (meta.region_code, meta.fiscal_year, meta.doc_type) == ("33.20", 2024, "lkjip")
    assert "Koperasi" in meta.agency_name
    assert "region" in meta.evidence and "fiscal_year" in meta.evidence


def test_jambi_seed(regions):
    text = (SEEDS / "lkjip_kota-jambi_2025_disnakerkopukm.txt").read_text(encoding="utf-8")
    meta = infer_metadata(pseudo_pages(text), regions)
    assert (meta.region_code, meta.fiscal_year, meta.doc_type) == ("15.71", 2025, "lkjip")
    assert "Tenaga Kerja" in meta.agency_name


@pytest.mark.parametrize(
    "name, code, year, doc_type, agency",
    [
        ("jombang-inspektorat_2022_lkjip.pdf", "35.17", 2022, "lkjip", "Inspektorat"),
        ("ambon-diskominfo_2021_lakip.pdf", "81.71", 2021, "lkjip", "Komunikasi"),
        ("provsu_2021_lakip.pdf", "12", 2021, "lkjip", None),
        ("wonosobo-diskominfo_2017_penjabaran-lra.pdf", "33.07", 2017, "budget_realization", "Komunikasi"),
    ],
)
def test_corpus_documents(regions, name, code, year, doc_type, agency):
    meta = infer_metadata(pdf_pages(name), regions)
    assert (meta.region_code, meta.fiscal_year, meta.doc_type) == (code, year, doc_type)
    if agency is None:
        assert meta.agency_name is None  # whole-government report
    else:
        assert agency in meta.agency_name


def test_scanned_document_gives_nothing(regions):
    meta = infer_metadata(pdf_pages("jombang-inspektorat_2020_pk-scan.pdf"), regions)
    assert meta == DocumentMetadata(None, None, None, None, None, {})


def test_no_pages(regions):
    assert infer_metadata([], regions).region_code is None


def test_city_not_confused_with_province_or_regency(regions):
    pages = [
        "LAPORAN KINERJA TAHUN 2023 DINAS PERHUBUNGAN KOTA JAMBI",
        "Dinas Perhubungan Kota Jambi berkoordinasi dengan Provinsi Jambi dan Kabupaten Muaro Jambi.",
    ]
    meta = infer_metadata(pages, regions)
    assert meta.region_code == "15.71"
    assert meta.agency_name == "Dinas Perhubungan"


def test_regulation_years_and_signing_date_are_not_the_fiscal_year(regions):
    pages = [
        "LAPORAN KINERJA INSTANSI PEMERINTAH PEMERINTAH KABUPATEN JEPARA",
        "Disusun berdasarkan Peraturan Menteri Nomor 53 Tahun 2014 dan Renstra Tahun 2023-2026. "
        "Laporan Kinerja Tahun 2024 ini disusun. Jepara, Januari 2025",
    ]
    assert infer_metadata(pages, regions).fiscal_year == 2024


def test_title_decides_doc_type(regions):
    pages = ["RENCANA STRATEGIS DINAS KESEHATAN KABUPATEN JOMBANG TAHUN 2021-2026",
             "Laporan Kinerja dan Perjanjian Kinerja disebut di sini. Laporan Kinerja."]
    assert infer_metadata(pages, regions).doc_type == "renstra"


def test_province_report_beats_regencies_mentioned_inside(regions):
    pages = ["LAPORAN KINERJA PEMERINTAH PROVINSI SUMATERA UTARA TAHUN 2021",
             "Kabupaten Deli Serdang, Kota Medan, Kabupaten Karo dan Kota Binjai " * 3]
    meta = infer_metadata(pages, regions)
    assert (meta.region_code, meta.agency_name) == ("12", None)


def test_a_plan_is_dated_by_the_first_year_of_its_period(regions):
    # lines printed on the first pages of two Renstra of the corpus: each quotes other periods and years too
    grobogan = ["Renstra Dinas Pekerjaan Umum dan Penataan Ruang Kab. Grobogan DAFTAR ISI",
                "Rencana Strategis Kementerian Pekerjaan Umum dan Perumahan Rakyat Tahun 2020-2024 beserta ... "
                "Penataan Ruang Tahun 2016-2021 ... dan Penataan Ruang Kabupaten Grobogan Tahun 2021-2026 ... "
                "Renstra 2021–2026",
                "Undang-undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah. Target Tahun 2024 dan Tahun 2024."]
    jombang = ["RENCANA STRATEGIS INSPEKTORAT KABUPATEN JOMBANG",
               "Renstra Inspektorat Kabupaten Jombang Tahun 2018-2023. ... Visi Renstra Inspektorat Kabupaten "
               "Jombang 2018-2023",
               "Tahun 2022 ini merupakan momentum ... selama 1 tahun ke depan (Tahun 2023). RPJMD 2018-2023"]
    assert [infer_metadata(p, regions).fiscal_year for p in (grobogan, jombang)] == [2021, 2018]
    assert "plan period 2018-2023" in infer_metadata(jombang, regions).evidence["fiscal_year"]
    # an LKjIP quoting its Renstra period keeps its own year
    lkjip = ["LAPORAN KINERJA INSTANSI PEMERINTAH INSPEKTORAT KABUPATEN JOMBANG TAHUN 2022",
             "Renstra 2018-2023 dan Renstra 2018-2023 dan RPJMD 2018-2023"]
    assert infer_metadata(lkjip, regions).fiscal_year == 2022
