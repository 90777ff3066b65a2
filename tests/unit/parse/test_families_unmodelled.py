"""Tables of kinds the warehouse does not model are named by their content, not left `unknown` (issue 12).
Rows as the ruled reader gives them, copied from the printed pages of ../shared/corpus (document and page given);
each family holds on two issuers."""
from __future__ import annotations

import pytest

from extract.parse import unmodelled as um
from extract.parse.families import UNKNOWN, classify

# jabar-dinkes_2016_lakip.pdf p. 47, Tabel 3.3 Pencapaian UCI Desa/Kelurahan Kab/Kota
UCI = [["NO", "KAB / KOTA", "JUMLAH DESA/KELURAHAN", "JUMLAH DESA/KELURAHAN UCI", "%"],
       ["", "", "", "", ""],
       ["1", "BOGOR", "434", "394", "90.8"], ["2", "SUKABUMI", "386", "366", "94.8"],
       ["3", "CIANJUR", "360", "317", "88.1"], ["4", "BANDUNG", "280", "212", "75.7"]]
# jabar-dinkes_2016_lakip.pdf p. 49: CDR per kab/kota and year, no caption
CDR = [["NO", "KAB./KOTA", "Pencapaian Angka CDR", "", "", "", "th. 2016 (data s/d trw 3)"],
       ["", "", "th. 2012", "th. 2013", "th. 2014", "th. 2015", ""],
       ["1", "Kab Bogor", "79.7", "77.0", "71.4", "66.23", "38.22"],
       ["2", "Kab Sukabumi", "88.5", "88.4", "77.0", "64.08", "51.99"],
       ["3", "Kab Cianjur", "77.2", "68.7", "59.0", "59.85", "40.19"]]
# provsu_2021_lakip.pdf p. 55, Tabel 3.13 Rata-rata Lama Sekolah
SCHOOLING = [["No.", "Provinsi dan Kabupaten/Kota", "Rata-rata Lama Sekolah (Tahun)", ""],
             ["", "", "2020", "2021"], ["1", "2", "3", "4"],
             ["I", "SUMATERA UTARA", "9,54", "9,58"], ["1", "Nias", "5,36", "5,64"],
             ["2", "Mandailing Natal", "8,62", "8,63"], ["3", "Tapanuli Selatan", "9,28", "9,29"]]
# kab-grobogan-dpupr_2021_lkjip.pdf p. 26, Tabel 2.1 Jumlah Pegawai ... Berdasarkan Golongan
STAFF_GROBOGAN = [["No", "Golongan", "Laki - laki", "Perempuan", "Jumlah\n(orang)"],
                  ["1", "Golongan I", "5", "0", "5"], ["2", "Golongan II", "63", "2", "65"],
                  ["3", "Golongan III", "50", "14", "64"], ["4", "Golongan IV", "9", "2", "11"],
                  ["", "Jumlah", "", "", ""]]
# jombang-inspektorat_2022_lkjip.pdf p. 7, Tabel 1.1 Sumber Daya Aparatur Berdasarkan Golongan
STAFF_JOMBANG = [["No", "Golongan", "A", "B", "C", "D", "Jumlah"],
                 ["1", "IV", "6", "6", "1", "-", "13"], ["2", "III", "11", "5", "10", "8", "34"],
                 ["3", "II", "-", "-", "27", "-", "27"], ["4", "I", "-", "-", "-", "-", "0"],
                 ["", "JUMLAH", "", "", "", "", "74"]]
# jombang-inspektorat_2022_lkjip.pdf p. 16: SAKIP evaluation of the inspectorate, no caption
SAKIP_JOMBANG = [["No", "Komponen", "Bobot", "Nilai Hasil Evaluasi", "% Capaian (Bobot)", "Skor per komponen*)"],
                 ["1", "Perencanaan Kinerja", "30%", "26,41", "88,04", "A"],
                 ["2", "Pengukuran Kinerja", "30%", "28,75", "95,83", "AA"],
                 ["3", "Pelaporan Kinerja", "15%", "7,80", "52,02", "CC"],
                 ["4", "Evaluasi Kinerja", "25%", "18,63", "74,50", "BB"], ["Total", "", "100%", "81,59", "", ""]]
# provsu_2021_lakip.pdf p. 54: the header's first line is read as a title line inside the frame
SAKIP_PROVSU = [["Nilai\nKomponen Yang Dinilai Bobot", "", "", "", ""], ["", "", "", "2020", "2021"],
                ["a.", "Perencanaan Kinerja", "35", "22,43", ""], ["b.", "Pengukuran Kinerja", "20", "16,72", ""],
                ["c.", "Pelaporan Kinerja", "15", "9,11", ""], ["d.", "Evaluasi Internal", "10", "6,06", ""],
                ["e.", "Capaian Kinerja", "20", "8,47", ""], ["", "Nilai Hasil Evaluasi", "100", "62,79", ""]]
# provsu_2021_lakip.pdf p. 82: Target dan Realisasi Pembiayaan Daerah (caption printed above the frame)
FINANCING = [["PEMBIAYAAN DAERAH", "", "TARGET", "REALISASI", "PERSEN"],
             ["PENERIMAAN PEMBIAYAAN", "", "476,782,631,305.00", "499,350,054,431.19", "104.73"],
             ["", "Sisa Lebih Perhitungan Anggaran Tahun Sebelumnya", "476,782,631,305.00", "499,350,054,431.19",
              "104.73"],
             ["PENGELUARAN PEMBIAYAAN", "", "210,500,000,000.00", "210,500,000,000.00", "100.00"],
             ["", "Penyertaan Modal Daerah", "210,500,000,000.00", "210,500,000,000.00", "100.00"],
             ["PEMBIAYAAN NETTO", "", "266,282,631,305.00", "288,850,054,431.19", "108.47"]]
# jabar-disperindag_2016_lkip.pdf p. 53, Tabel 3.8: revenue per UPTD; the ruled reader joined the header and row 1
REVENUE = [["No\n1", "UPTD/Kabupaten/Kota\nBalai Kemetrologian Bogor", "Anggaran setelah perubahan (Rp)\n1,567,323,000",
            "Realisasi (Rp)\n1,328,617,450"], ["", "", "", ""],
           ["2", "Balai Kemetrologian Bandung", "1,100,000,000", "1,214,650,950"],
           ["3", "Balai Kemetrologian Cirebon", "616,888,000", "573,330,150"],
           ["4", "Balai Kemetrologian Karawang", "6,357,142,300", "5,753,828,400"],
           ["7", "Jumlah", "10,573,573,300", "10,028,757,854"]]
REVENUE_CAPTION = "Tabel 3.8. Realisasi dan Pencapaian Target Pendapatan Tahun 2016"
# jombang-inspektorat_2022_lkjip.pdf p. 42, Tabel 3.11 (a shortfall is printed negative)
ASSETS_JOMBANG = [["No.", "Nama/Jenis Barang", "Jumlah\ntersedia", "Satuan", "Keterangan", "Jumlah\nKebutuhan",
                   "Kekurangan"],
                  ["1.", "Gedung Kantor", "1", "unit", "Baik", "1", "0"],
                  ["2.", "Kendaraan Dinas Roda\n4", "9", "unit", "Baik/ Jumlah\nKurang", "12", "-3"],
                  ["6.", "Pendingin Ruangan", "35", "unit", "Baik", "40", "-5"],
                  ["7.", "Filling Besi/Metal", "17", "unit", "Baik", "17", "0"],
                  ["", "Jumlah", "329", "", "", "419", "-90"]]
ASSETS_JOMBANG_CAPTION = ("Tabel 3.11 Klasifikasi Aset / Modal maupun Sarana dan Prasarana Penunjang Kinerja "
                          "Inspektorat Kabupaten Jombang")
# ambon-diskominfo_2021_lakip.pdf p. 16, Tabel 1.4 Sarana dan Prasarana Perkantoran
ASSETS_AMBON = [["No", "Nama Barang", "Jumlah"], ["1", "Sepeda Motor", "3"], ["2", "Mobil", "2"],
                ["3", "Felling Cabinet", "14"], ["4", "AC", "17"], ["5", "Rak Server", "4"]]


@pytest.mark.parametrize(("rows", "caption", "family"), [
    (UCI, "Tabel 3.3 Pencapaian UCI Desa/Kelurahan Kab/Kota Tahun 2016 Di Provinsi Jawa Barat", um.REGIONAL_STATISTICS),
    (CDR, "", um.REGIONAL_STATISTICS), (SCHOOLING, "Tabel 3.13. Rata-rata Lama Sekolah", um.REGIONAL_STATISTICS),
    (STAFF_GROBOGAN, "", um.STAFF), (STAFF_JOMBANG, "Tabel 1.1 Sumber Daya Aparatur Berdasarkan Golongan", um.STAFF),
    (SAKIP_JOMBANG, "", um.EVALUATION_SCORES), (SAKIP_PROVSU, "", um.EVALUATION_SCORES),
    (FINANCING, "", um.REVENUE_REALIZATION), (REVENUE, REVENUE_CAPTION, um.REVENUE_REALIZATION),
    (ASSETS_JOMBANG, ASSETS_JOMBANG_CAPTION, um.ASSETS),
    (ASSETS_AMBON, "Tabel 1.4 Sarana dan Prasarana Perkantoran", um.ASSETS)])
def test_a_table_the_warehouse_does_not_model_is_named_by_its_content(rows, caption, family):
    assert classify(rows, caption).family == family


def test_region_names_are_read_with_and_without_their_prefix():
    assert all(um.is_region_name(n) for n in ("BOGOR", "Kab. Bandung Barat", "KABUPATEN CIAMIS", "Kota Sukabumi",
                                             "Mandailing Natal", "SUMATERA UTARA"))
    assert not any(um.is_region_name(n) for n in ("Sekretariat", "Golongan III", "Jumlah"))


def test_a_list_numbered_by_the_regions_codes_names_regions():
    """provsu 2021 Tabel 1.1 (a picture, read by OCR) numbers its regencies by their codes: '01. Nias',
    '11.Karo', '30. Medan'; a count of villages is no region."""
    assert all(um.is_region_name(n) for n in ("01. Nias", "11.Karo", "30. Medan", "02. Mandailing Natal"))
    assert not um.is_region_name("1.000 Desa")


def test_a_list_of_regions_without_figures_is_not_statistics():
    # jabar-bp3akb_2016_lkip.pdf p. 45: awards per kab/kota, the only numbers are the row numbers
    rows = [["No.", "Kabupaten/Kota", "Penghargaan"], ["1", "Kabupaten Bogor", "Juara Umum ke-1"],
            ["2", "Kabupaten Depok", "Juara Umum ke-2"], ["3", "Kota Sukabumi", "Juara Umum ke-3"],
            ["4", "Kota Bandung", "Juara ke-1 Kluster Pendidikan"]]
    assert classify(rows).family == UNKNOWN


def test_shares_by_education_are_not_head_counts():
    # jabar-bp3akb_2016_lkip.pdf p. 14: the population's schooling in percent, not the agency's staff
    rows = [["Jenjang Pendidikan (Tahun 2015)", "Perempuan (%)", "Laki-laki (%)"],
            ["Tidak/belum pernah sekolah", "5.46", "2.36"], ["Tidak tamat SD", "12.29", "10.11"],
            ["SD/MI/Paket A", "34.17", "32.55"], ["SMP/MTs/Paket B", "20.67", "21.51"]]
    assert classify(rows, "Kualifikasi Pegawai").family != um.STAFF

