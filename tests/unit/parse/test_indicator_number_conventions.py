"""A target or realisasi that the two number conventions read differently ('1.712': 1712 or 1.712), in a
table that mixes them, is settled by the capaian the row prints. Cells as printed on jabar-disperindag
pp. 38-39 (Tabel 3.3 and 3.4: 'Realisasi 2016 | Target 2018 | Capaian'), a document whose other tables
write decimals with a point ('135.49'), so its prior convention is English."""
from __future__ import annotations

from extract.model import RawTable
from extract.parse.families import classify
from extract.parse.indicators import indicator_rows

HEADER = ["No", "Indikator Kinerja", "Sat", "Realisasi", "Target", "Capaian Kinerja (%)"]


def _values(rows: list[list[str]], doc_format: str | None = "en") -> list[tuple]:
    rows = [HEADER, *rows]
    table = RawTable(table_id="t", page_start=1, flavor="lattice", rows=rows, row_pages=[1] * len(rows))
    return [(f.target_value, f.realization_value, f.achievement_pct_reported)
            for f in indicator_rows(table, classify(rows), doc_format)]


def test_an_ambiguous_target_is_read_as_its_capaian_says():
    # p. 38: 203,440 / 203.955 = 99.74 %: the target is 203955 units, not 203.955
    assert _values([["2", "Peningkatan Jumlah unit usaha IKM", "Unit usaha", "203,440*", "203.955", "99.74"],
                    ["3", "Peningkatan cakupan pengawasan barang beredar", "%", "10.90", "2.5", "436"]]) == [
        (203955.0, 203440.0, 99.74), (2.5, 10.9, 436.0)]


def test_the_second_line_of_a_row_is_settled_the_same_way():
    # p. 39: 'Jumlah UTTP dan BDKT' prints two lines of values; 928 / 1.712 = 54.20 %
    # ('6.822.635' and '2.5' in its column: a tie, so the document's convention reads '1.712' as 1.712)
    assert _values([["2", "Jumlah UTTP dan BDKT", "Buah", "4,341,614", "6.822.635", "63.63"],
                    ["", "", "Buah", "928", "1.712", "54.20"],
                    ["3", "Peningkatan cakupan pengawasan barang beredar", "%", "10.90", "2.5", "436"]]) == [
        (6822635.0, 4341614.0, 63.63), (1712.0, 928.0, 54.2), (2.5, 10.9, 436.0)]


def test_a_reading_that_gives_the_capaian_is_kept():
    # p. 38: 1,309 % against a target of 25 %: capaian 5,236 (%) is the printed ratio; nothing to settle
    assert _values([["1", "Peningkatan Nilai Produksi IKM", "%", "1,309", "25", "5,236"]]) == [
        (25.0, 1309.0, 5236.0)]


def test_no_capaian_no_change():
    # without a capaian the column's convention stands, even where it may be wrong
    rows = [["No", "Indikator Kinerja", "Sat", "Realisasi", "Target"],
            ["1", "Jumlah UTTP dan BDKT", "Buah", "928", "1.712"]]
    table = RawTable(table_id="t", page_start=1, flavor="lattice", rows=rows, row_pages=[1] * 2)
    assert [(f.target_value, f.realization_value) for f in indicator_rows(table, classify(rows), "en")] == [
        (1.712, 928.0)]
