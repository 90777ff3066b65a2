"""A text line inside a cell merged over two grid columns, ending before the merged cell's right edge:
camelot 2.0.0's split_text cut it at the rule left of it and dropped the rest (camelot issue #293),
so a kegiatan kept its number and lost its name. Values as printed in the Jambi seed, Tabel 3.8:
`2. ADMINISTRASI KEUANGAN PERANGKAT DAERAH  Rp 5,781,103,415.43  Rp 4,839,258,433.00  83.71`."""
from __future__ import annotations

from pathlib import Path

from extract.pdf.ruled import read_camelot
from tests.fuzz_variants import budget_lines_of

ROWS = [["No", "Program / Kegiatan / Sub Kegiatan", "", "Anggaran", "Realisasi", "%"],
        ["2.", "ADMINISTRASI KEUANGAN PERANGKAT DAERAH", "", "Rp 5,781,103,415.43", "Rp 4,839,258,433.00", "83.71"],
        ["1.", "", "Penyediaan Gaji dan Tunjangan ASN", "Rp 5,551,547,000.00", "Rp 4,610,145,933.00", "83.04"]]


def _merged_grid(path: Path) -> Path:
    """A ruled grid whose kegiatan row merges the two name columns (its name ends well inside them), the
    row number set right in a narrow first column: pdfminer reads number and name as one text line."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    table = Table(ROWS, colWidths=[20, 240, 240, 110, 110, 45])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("SPAN", (1, 0), (2, 0)),
                               ("SPAN", (1, 1), (2, 1)), ("FONTSIZE", (0, 0), (-1, -1), 9),
                               ("ALIGN", (0, 0), (0, -1), "RIGHT"), ("LEFTPADDING", (1, 0), (1, -1), 1.7),
                               ("RIGHTPADDING", (0, 0), (0, -1), 1.7)]))
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([table])
    return path


def test_a_name_inside_a_merged_cell_is_kept(tmp_path):
    tables = read_camelot(_merged_grid(tmp_path / "merged.pdf"), [1], flavor="lattice", split_text=True)
    cells = [" ".join(cell.split()) for table in tables for row in table.rows for cell in row]
    assert "ADMINISTRASI KEUANGAN PERANGKAT DAERAH" in cells
    assert "Penyediaan Gaji dan Tunjangan ASN" in cells


def test_kegiatan_names_in_merged_cells_of_a_rendering():
    # jambi_reportlab_719: landscape F4, grid rules; from 'Ikhtisar Realisasi Kinerja SKPD' on the rows
    # print a kegiatan in the two name columns merged, a sub-kegiatan in the second
    lines = budget_lines_of("jambi", "reportlab", 719)
    assert ("ADMINISTRASI KEUANGAN PERANGKAT DAERAH", 5_781_103_415.43, 4_839_258_433.0, 83.71) in lines
    assert ("ADMINISTRASI UMUM PERANGKAT DAERAH", 357_980_800.0, 337_281_979.0, 94.22) in lines
