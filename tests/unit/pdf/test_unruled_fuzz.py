"""The word reader on real page geometry: Jepara's Tabel 3.3 (Capaian Kinerja Sasaran) rendered
by the layout fuzzer (bench/fuzz) in layouts that broke it. Asserted are the cells the page image
shows: row 3 prints target 59,62, realisation 65,44, capaian 109,76 and kategori 'Sangat Baik'."""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _tables(engine: str, number: int, needle: str):
    return word_tables_near("jepara", engine, number, needle, sep="", before=True)


def _row(tables, first_value: str) -> list[str]:
    return next(row for t in tables for row in t.rows if first_value in row)


def _header(tables) -> list[str]:
    return next(row for t in tables for row in t.rows if any("Satuan" in c for c in row))


def test_centred_header_words_split_and_running_footer_left_out():
    """reportlab 29: horizontal rules, justified text, centred numbers, a running footer under
    the table's first page. 'Target' and 'Realisasi' stand over their own columns; the footer
    'LKjIP 2024 Dinas ...' is no row and does not join the first columns."""
    tables = _tables("reportlab", 29, "Sasaran Strategis")
    header = _header(tables)
    assert [c.split("\n")[0] for c in header[4:6]] == ["Target", "Realisasi"]
    assert _row(tables, "2,90")[4:9] == ["2,90", "2,73", "94,14", "Baik", "Diskopuk\nmnakertrans"]
    assert not any("LKjIP" in c for t in tables for row in t.rows for c in row)


def test_capaian_and_kategori_one_space_apart_are_two_columns():
    """html 0: no rules, cells aligned to the bottom; '109,76 Baik' is printed a word space apart
    and the summary lines under the table ('Rata-rata capaian kinerja 104,90 %') cross that gap."""
    tables = _tables("html", 0, "Transmigrasi")
    header = _header(tables)
    assert [c.split("\n")[0] for c in header[4:6]] == ["Target", "Realisasi"]
    assert _row(tables, "59,62")[4:8] == ["59,62", "65,44", "109,76", "Sangat\nBaik"]


def test_glyphs_placed_alone_still_make_words_and_carried_rows_keep_columns():
    """html 13: every glyph is placed alone (pdfium guesses a line break between any two); the
    table continues on a page with two rows and the summary lines, cells aligned to the bottom."""
    tables = _tables("html", 13, "Tabel 3.3")
    row = _row(tables, "3,61")
    assert row[0] == "6" and row[1] == "Meningkatkan\nUMKM berdaya saing\ndan berkualitas"
    assert row[3:8] == ["%", "3,61", "3,80", "105,26", "Sangat\nBaik"]
    assert _row(tables, "59,62")[2].startswith("Persentase\nperusahaan yang")


def test_values_aligned_two_ways_stay_one_column_under_a_repeated_header():
    """reportlab 16: cells aligned to the middle, header repeated on the continuation page.
    Realisasi prints '13' left of where '71,94' ends; capaian '102,33' and kategori 'Sangat'
    'Baik' stand a word space apart, on different lines of the row."""
    tables = _tables("reportlab", 16, "Sasaran Strategis")
    assert _row(tables, "13")[3:9] == ["orang", "13", "13", "100", "Baik", "Diskopuk\nmnakertrans"]
    assert _row(tables, "3,61")[4:8] == ["3,61", "3,80", "105,26", "Sangat\nBaik"]


def test_a_caption_below_ends_the_table_and_a_header_word_in_a_gutter_joins_its_neighbour():
    """reportlab 12: 'Tabel 3.3' and its title printed under the table are no row; '% Capaian'
    is centred over right-aligned values, its '%' in the gutter."""
    tables = _tables("reportlab", 12, "Sasaran Strategis")
    assert _header(tables)[6] == "% Capaian"
    assert _row(tables, "13")[4:7] == ["13", "13", "100"]
    assert not any("Tabel 3.3" in c for t in tables for row in t.rows for c in row)


def test_row_text_naming_header_words_is_no_header():
    """html 19: on the continuation page a row's second line 'PD yang mencapai target' and the
    summary line 'Rata-rata capaian kinerja' name two header words; the rows above them hold
    values, so they are rows."""
    tables = _tables("html", 19, "Sasaran Strategis")
    assert _row(tables, "80,00")[2:8] == ["Persentase capaian kinerja\nPD yang mencapai target", "%",
                                          "80,00", "83,33", "104,16", "Sangat baik"]
