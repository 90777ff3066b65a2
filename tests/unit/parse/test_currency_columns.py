"""A currency sign and its amount split into two columns are joined (extract/parse/currency_columns.py). Rows as
the word reader gives them for ambon-diskominfo_2021_lakip.pdf, amounts as printed on the page images."""
from __future__ import annotations

from extract.model import WORDS_FLAVOR, RawTable
from extract.parse.currency_columns import join_currency_columns

# p. 49: long amounts run into their sign, short ones stand apart in a column of their own
SHORT_APART = [["", "Kegiatan", "Anggaran", "", "Keterangan"],
               ["1.", "Administrasi Keuangan Perangkat Daerah", "Rp. 2.247.175.039,-", "", "APBD"],
               ["2.", "Administrasi Umum Perangkat Daerah", "Rp.", "43.711.622,-", "APBD"]]
# p. 20: every sign in a column of its own, the header over the amounts
SIGN_COLUMN = [["", "Program", "", "Anggaran", "Keterangan"],
               ["1.", "Penunjang Urusan Pemerintahan", "Rp.", "6.939.921.411,-", "APBD"],
               ["2.", "Informasi dan Komunikasi Publik", "Rp.", "2.743.747.009,-", "APBD"]]


def _joined(rows):
    return join_currency_columns(RawTable("t1", 1, WORDS_FLAVOR, rows, [1] * len(rows))).rows


def test_a_short_amount_joins_its_sign_under_the_header():
    assert _joined(SHORT_APART) == [["", "Kegiatan", "Anggaran", "Keterangan"],
                                    ["1.", "Administrasi Keuangan Perangkat Daerah", "Rp. 2.247.175.039,-", "APBD"],
                                    ["2.", "Administrasi Umum Perangkat Daerah", "Rp. 43.711.622,-", "APBD"]]


def test_a_column_of_signs_joins_the_amounts_and_their_header():
    assert _joined(SIGN_COLUMN)[0] == ["", "Program", "Anggaran", "Keterangan"]
    assert _joined(SIGN_COLUMN)[2] == ["2.", "Informasi dan Komunikasi Publik", "Rp. 2.743.747.009,-", "APBD"]


def test_amounts_beside_other_amounts_stay_apart():
    rows = [["Uraian", "Anggaran", "Realisasi"], ["Program A", "Rp. 5.000.000", "4.000.000"]]
    assert _joined(rows) == rows
