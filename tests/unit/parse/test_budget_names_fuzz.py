"""Budget line names that a word reader's rows glue to other text: the cells as read from fuzz
renderings of the Jambi seed report (bench/fuzz), the names and amounts as printed in the seed text
(samples/seeds/lkjip_kota-jambi_2025_disnakerkopukm.txt, Tabel 3.8)."""
from __future__ import annotations

from extract.model import RawTable
from extract.parse.budget import amount_after_name, budget_lines
from extract.parse.families import classify
from extract.parse.rows import numbering_first

HEADER = [["No", "Program / Kegiatan / Sub\nKegiatan", "Anggaran", "Realisasi", "%"], ["1", "2", "3", "4", "5"]]


def _lines(body: list[list[str]]):
    rows = HEADER + body
    table = RawTable(table_id="t", page_start=1, flavor="words", rows=rows, row_pages=[1] * len(rows))
    return [(b.level, b.line_name, b.budget_idr, b.realization_idr)
            for b in budget_lines(table, classify(rows), None)]


def test_section_heading_in_capitals_is_not_the_last_line_of_the_name_above():
    # jambi_html_16 (and jambi_reportlab_3, _20, _22, jambi_html_12, _19, _22, _25, jambi_libreoffice_9):
    # the row "BIDANG HUBUNGAN INDUSTRIAL" printed between two programs' groups
    body = [["2.", "PENGELOLAAN INFORMASI PASAR\nKERJA", "Rp 103,499,450.00", "Rp 100,768,704.00", "97.36"],
            ["", "1. Pelayanan dan Penyediaan\nInformasi Pasar Kerja Online", "Rp 42,449,450.00",
             "Rp 40,008,704.00", "94.25"],
            ["", "2. Job Fair", "Rp 61,050,000.00", "Rp 60,760,000.00", "99.52"],
            ["", "BIDANG HUBUNGAN INDUSTRIAL", "", "", ""],
            ["1.", "PROGRAM HUBUNGAN INDUSTRIAL", "Rp 909,622,967.50", "Rp 836,129,151.00", "91.92"]]
    assert _lines(body) == [
        ("kegiatan", "PENGELOLAAN INFORMASI PASAR KERJA", 103499450.0, 100768704.0),
        ("sub_kegiatan", "Pelayanan dan Penyediaan Informasi Pasar Kerja Online", 42449450.0, 40008704.0),
        ("sub_kegiatan", "Job Fair", 61050000.0, 60760000.0),
        ("program", "PROGRAM HUBUNGAN INDUSTRIAL", 909622967.5, 836129151.0)]


def test_a_mixed_case_name_still_wraps_onto_a_line_of_abbreviations():
    # jepara_libreoffice_25: "Koordinasi dan Penyusunan Dokumen Perubahan" / "RKA-SKPD"
    body = [["1.", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "1.132.695.853", "957.028.499", "92,28"],
            ["", "Koordinasi dan Penyusunan Dokumen Perubahan", "1.000.000", "961.100", "96,11"],
            ["", "RKA-SKPD", "", "", ""]]
    assert _lines(body)[-1][1:] == ("Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", 1000000.0, 961100.0)


def test_a_mixed_case_name_still_wraps_onto_a_line_in_capitals_of_one_word():
    body = [["1.", "PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN", "Rp 80,964,414.00", "Rp 80,153,020.00", "99.00"],
            ["", "1. Peningkatan Pemahaman dan Pengetahuan Perkoperasian serta Kapasitas dan Kompetensi",
             "Rp 80,964,414.00", "Rp 80,153,020.00", "99.00"],
            ["", "SDM", "", "", ""]]
    assert _lines(body)[-1][1] == ("Peningkatan Pemahaman dan Pengetahuan Perkoperasian serta Kapasitas dan "
                                   "Kompetensi SDM")


def test_numbering_printed_beside_the_middle_line_of_a_wrapped_name():
    # jambi_html_7 (vertically centred cells), jambi_reportlab_23, _25, jambi_libreoffice_23: the numbering has
    # no column of its own and is read as a line inside the name cell
    body = [["8.", "PEMELIHARAAN BARANG MILIK DAERAH\nPENUNJANG URUSAN PEMERINTAH\nDAERAH", "Rp 352,106,784.00",
             "Rp 321,873,784.00", "91.41"],
            ["", "Penyediaan Jasa Pemeliharaan, Biaya\nPemeliharaan, Pajak, dan Perizinan\n1.\nKendaraan Dinas "
             "Operasional atau\nLapangan", "Rp 285,506,784.00", "Rp 257,023,584.00", "90.02"],
            ["", "Pemeliharaan Peralatan dan Mesin\n2.\nLainnya", "Rp 66,600,000.00", "Rp 64,850,200.00", "97.37"]]
    assert _lines(body) == [
        ("kegiatan", "PEMELIHARAAN BARANG MILIK DAERAH PENUNJANG URUSAN PEMERINTAH DAERAH",
         352106784.0, 321873784.0),
        ("sub_kegiatan", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan "
         "Dinas Operasional atau Lapangan", 285506784.0, 257023584.0),
        ("sub_kegiatan", "Pemeliharaan Peralatan dan Mesin Lainnya", 66600000.0, 64850200.0)]


def test_a_number_that_opens_or_is_part_of_a_name_stays():
    assert numbering_first("1.\nPenyusunan Dokumen") == "1.\nPenyusunan Dokumen"
    assert numbering_first("Daerah di 1 (satu)\nKabupaten/Kota") == "Daerah di 1 (satu)\nKabupaten/Kota"


def _read(rows: list[list[str]], pages: list[int] | None = None):
    """Budget lines of a word-read table given with its own header rows, as (level, name, budget, realisasi)."""
    table = RawTable(table_id="t", page_start=1, flavor="words", rows=rows, row_pages=pages or [1] * len(rows))
    return [(b.level, b.line_name, b.budget_idr, b.realization_idr)
            for b in budget_lines(table, classify(rows), None)]


JEPARA_HEADER = [["No", "Program /Kegiatan", "Alokasi Anggaran", "Realisasi", ""], ["", "", "", "Anggaran", "%"],
                 ["1", "2", "3", "4", ""]]


def test_first_lines_of_a_vertically_centred_name_start_the_row_below():
    # jepara_html_7 (cells centred vertically): the first line of sub-kegiatan 17 is read as a row of its own
    # between rows 16 and 17; joined to the row below it makes a nomenclature name, joined above it does not
    # (seed Tabel 3.17: "17 Penyelenggaraan Verifikasi dan Rekapitulasi Keanggotaan ... 8.700.000 8.418.800")
    body = [["16", "Penyelesaian Perselisihan Hubungan\nIndustrial, Mogok Kerja, dan Penutupan\nPerusahaan yang "
             "Berakibat/Berdampak\npada Kepentingan di 1 (satu) Daerah\nKabupaten/Kota", "19.650.000", "19.167.500",
             "97,54"],
            ["", "Penyelenggaraan Verifikasi dan Rekapitulasi", "", "", ""],
            ["17", "Keanggotaan pada Organisasi Pengusaha,\nFederasi dan Konfederasi Serikat\nPekerja/Serikat Buruh "
             "serta Non Afiliasi", "8.700.000", "8.418.800", "96,77"]]
    assert [line[1:] for line in _read(JEPARA_HEADER + body)] == [
        ("Penyelesaian Perselisihan Hubungan Industrial, Mogok Kerja, dan Penutupan Perusahaan yang "
         "Berakibat/Berdampak pada Kepentingan di 1 (satu) Daerah Kabupaten/Kota", 19650000.0, 19167500.0),
        ("Penyelenggaraan Verifikasi dan Rekapitulasi Keanggotaan pada Organisasi Pengusaha, Federasi dan "
         "Konfederasi Serikat Pekerja/Serikat Buruh serta Non Afiliasi", 8700000.0, 8418800.0)]


def test_a_kegiatan_cut_around_its_amount_line_is_not_the_end_of_the_program_above():
    # jepara_libreoffice_17: a page break before the kegiatan, cells centred: its first two lines are a row of
    # their own under the program (seed Tabel 3.17: "PROGRAM PEMBERDAYAAN DAN PERLINDUNGAN KOPERASI 50.000.000
    # 49.537.525", "Kegiatan Pemberdayaan dan Perlindungan Koperasi yang Keanggotaannya dalam Daerah
    # Kabupaten/Kota 50.000.000 49.537.525")
    body = [["", "PROGRAM PEMBERDAYAAN\nDAN PERLINDUNGAN\nKOPERASI", "50.000.000", "49.537.525", "99,08"],
            ["", "Kegiatan Pemberdayaan dan\nPerlindungan Koperasi yang", "", "", ""],
            ["", "Keanggotaannya dalam\nDaerah Kabupaten/Kota", "50.000.000", "49.537.525", "99,08"],
            ["40", "Pemberdayaan Koperasi\ndengan Keanggotaan Daerah\nKabupaten/Kota", "50.000.000", "49.537.525",
             "99,08"]]
    rows = JEPARA_HEADER + body
    assert _read(rows, [7] * 4 + [8] * 3) == [
        ("program", "PROGRAM PEMBERDAYAAN DAN PERLINDUNGAN KOPERASI", 50000000.0, 49537525.0),
        ("kegiatan", "Kegiatan Pemberdayaan dan Perlindungan Koperasi yang Keanggotaannya dalam Daerah Kabupaten/Kota",
         50000000.0, 49537525.0),
        ("sub_kegiatan", "Pemberdayaan Koperasi dengan Keanggotaan Daerah Kabupaten/Kota", 50000000.0, 49537525.0)]


def test_an_amount_read_among_the_lines_of_a_name_is_the_rows_anggaran():
    # jambi_html_0 and jambi_libreoffice_2 (and jambi_html_20, _26): the anggaran printed beside a wrapped
    # name is read into the name's cell, the realisasi and % one column left of their headers
    # (seed Tabel 3.8: PROGRAM PENUNJANG ... Rp 6,847,986,125.50 Rp 5,826,197,900.00; PERENCANAAN, ...
    # Rp 37,714,690.00 Rp 34,717,745.00; Pemberdayaan Kelembagaan ... Rp 1,115,908,029.00 Rp 1,015,308,724.00)
    html = [["No", "", "Program / Kegiatan\nAnggaran\n/ Sub Kegiatan", "Realisasi", "%", ""],
            ["1", "", "2 3", "4", "5", ""],
            ["1.", "", "PROGRAM\nPENUNJANG\nURUSAN\nRp 6,847,986,125.50\nPEMERINTAH\nDAERAH\nKABUPATEN / KOTA",
             "Rp 5,826,197,900.00", "85.08", ""],
            ["1.", "", "PERENCANAAN, Rp 37,714,690.00\nPENGANGGARAN,\nDAN EVALUASI\nKINERJA", "Rp 34,717,745.00",
             "92.05", ""],
            ["", "", "PERANGKAT\nDAERAH", "", "", ""]]
    assert _read(html, [4, 4, 4, 4, 5]) == [
        ("program", "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA", 6847986125.5, 5826197900.0),
        ("kegiatan", "PERENCANAAN, PENGANGGARAN, DAN EVALUASI KINERJA PERANGKAT DAERAH", 37714690.0, 34717745.0)]
    libreoffice = [["No", "", "Program / Kegiatan\n/ Sub Kegiatan", "Anggaran", "Realisasi", "%"],
                   ["1", "", "2", "3", "4", "5"],
                   ["1.", "Pemberdayaan Rp 1,115,908,029.00\nKelembagaan\nPotensi dan\nPengembangan\nUsaha Mikro",
                    "", "Rp 1,015,308,724.00", "90.98", ""]]
    assert _read(libreoffice)[0][1:] == ("Pemberdayaan Kelembagaan Potensi dan Pengembangan Usaha Mikro",
                                        1115908029.0, 1015308724.0)


def test_a_number_of_thousands_inside_a_name_stays():
    assert amount_after_name("Fasilitasi 1.000 Desa Wisata") == "Fasilitasi 1.000 Desa Wisata"
    assert amount_after_name("Rp 5,781,103,415.43") == "Rp 5,781,103,415.43"


JAMBI_HEADER = [["No", "Program / Kegiatan /\nSub Kegiatan", "Anggaran", "Realisasi", "%", ""],
                ["1", "2", "3", "4", "5", ""]]


def test_first_words_of_a_nomenclature_name_start_the_numbered_row_below():
    # jambi_reportlab_1: the numbering "1." leads the row below, the line above is its name's first line;
    # jambi_reportlab_23: the first lines at a page bottom, the rest with the amounts on the next page, the
    # name printed without the nomenclature's "di Daerah Kabupaten/Kota" (seed Tabel 3.8)
    reportlab_1 = [["", "1. PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN\nUSAHA MIKRO (UMKM)",
                    "Rp 1,412,380,417.00", "Rp 1,290,523,409.00", "91.37", ""],
                   ["", "PEMBERDAYAAN USAHA MIKRO YANG DILAKUKAN MELALUI", "", "", "", ""],
                   ["", "1. PENDATAAN, KEMITRAAN, KEMUDAHAN, PERIZINAN, PENGUATAN\nKELEMBAGAAN DAN KOORDINASI "
                    "DENGAN PARA PEMANGKU\nKEPENTINGAN", "Rp 1,412,380,417.00", "Rp 1,290,523,409.00", "91.37", ""]]
    assert _read(JAMBI_HEADER + reportlab_1)[1] == (
        "kegiatan", "PEMBERDAYAAN USAHA MIKRO YANG DILAKUKAN MELALUI PENDATAAN, KEMITRAAN, KEMUDAHAN, PERIZINAN, "
        "PENGUATAN KELEMBAGAAN DAN KOORDINASI DENGAN PARA PEMANGKU KEPENTINGAN", 1412380417.0, 1290523409.0)
    reportlab_23 = [["", "", "Penyelenggaraan Pendataan dan\nInformasi Sarana Hubungan\n1.\nIndustrial dan Jaminan "
                     "Sosial\nTenaga Kerja Serta Pengupahan", "Rp 23,144,370.00", "Rp 22,674,810.00", "97.97"],
                    ["", "", "PENCEGAHAN DAN\nPENYELESAIAN", "", "", ""],
                    ["", "2.", "PERSELISIHAN HUBUNGAN\nINDUSTRIAL, MOGOK\nKERJA DAN PENUTUPAN\nPERUSAHAAN",
                     "Rp 886,478,597.50", "Rp 813,454,341.00", "91.76"]]
    header = [["No", "", "Program / Kegiatan /\nSub Kegiatan", "Anggaran", "Realisasi", "%"],
              ["1", "", "2", "3", "4", "5"]]
    assert _read(header + reportlab_23, [6] * 4 + [7])[-1][1:] == (
        "PENCEGAHAN DAN PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL, MOGOK KERJA DAN PENUTUPAN PERUSAHAAN",
        886478597.5, 813454341.0)


def test_a_name_split_at_a_gutter_into_cells_whose_lines_do_not_pair_is_read_in_the_nomenclatures_order():
    # jambi_libreoffice_8: "Penyediaan Gaji dan Tunjangan / ASN" read as "Penyediaan / ASN" beside "Gaji dan
    # Tunjangan"; jambi_reportlab_26 (and jambi_reportlab_0, jambi_libreoffice_3): a capitals name in a narrow
    # column, two of its six lines reaching past the gutter (seed Tabel 3.8)
    libreoffice_8 = [["1.", "Penyediaan\nASN", "Gaji dan Tunjangan", "Rp 5,551,547,000.00", "Rp 4,610,145,933.00",
                      "83.04"],
                     ["2.", "Pelaksanaan\nSKPD", "Penatausahaan dan\nPengujian/Verifikasi Keuangan",
                      "Rp 212,666,280.43", "Rp 212,660,000.00", "100.00"]]
    assert [line[1:] for line in _read(JAMBI_HEADER + libreoffice_8)] == [
        ("Penyediaan Gaji dan Tunjangan ASN", 5551547000.0, 4610145933.0),
        ("Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", 212666280.43, 212660000.0)]
    header = [["No", "", "", "Program / Kegiatan\n/ Sub Kegiatan", "Anggaran", "Realisasi", "%"],
              ["1", "", "", "2", "3", "4", "5"]]
    reportlab_26 = [["8.", "PEMELIHARAAN\nBARANG\nDAERAH\nURUSAN\nPEMERINTAH\nDAERAH", "MILIK\nPENUNJANG", "",
                     "Rp 352,106,784.00", "Rp 321,873,784.00", "91.41"]]
    assert _read(header + reportlab_26)[0][1:] == (
        "PEMELIHARAAN BARANG MILIK DAERAH PENUNJANG URUSAN PEMERINTAH DAERAH", 352106784.0, 321873784.0)


def test_the_rest_of_a_name_after_a_page_break_that_completes_a_nomenclature_name_is_joined():
    # jambi_libreoffice_21 and jambi_libreoffice_29 (ruled grids), jambi_html_14 (word reader): a name cut by
    # a page break whose rest starts in capitals, with no connecting word at the cut (seed Tabel 3.8)
    ruled_21 = [["No", "Program / Kegiatan / Sub Kegiatan", "", "Anggaran", "Realisasi", "%"],
                ["1", "2", "", "3", "4", "5"],
                ["7.", "PENYEDIAAN JASA PENUNJANG URUSAN", "", "Rp 164,821,857.00", "Rp 159,451,671.00", "96.74"],
                ["", "PEMERINTAH DAERAH", "", "", "", ""],
                ["1.", "", "Penyediaan Jasa Surat Menyurat", "Rp 58,080,037.00", "Rp 55,274,650.00", "95.17"]]
    table = RawTable(table_id="t", page_start=5, flavor="lattice", rows=ruled_21, row_pages=[5, 5, 5, 6, 6])
    assert [(b.line_name, b.budget_idr) for b in budget_lines(table, classify(ruled_21), None)] == [
        ("PENYEDIAAN JASA PENUNJANG URUSAN PEMERINTAH DAERAH", 164821857.0),
        ("Penyediaan Jasa Surat Menyurat", 58080037.0)]
    words_14 = [["1.", "", "PERENCANAAN,\nPENGANGGARAN,\nDAN EVALUASI\nKINERJA", "Rp 37,714,690.00",
                 "Rp 34,717,745.00", "92.05"],
                ["", "", "PERANGKAT\nDAERAH", "", "", ""]]
    header = [["No", "", "Program / Kegiatan\n/ Sub Kegiatan", "Anggaran", "Realisasi", "%"],
              ["1", "", "2", "3", "4", "5"]]
    assert _read(header + words_14, [3, 3, 3, 4])[0][1:] == (
        "PERENCANAAN, PENGANGGARAN, DAN EVALUASI KINERJA PERANGKAT DAERAH", 37714690.0, 34717745.0)
