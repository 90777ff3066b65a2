"""Jepara Tabel 3.3 (reportlab, column rules, cells aligned to the bottom, rows split at the page break,
jepara_reportlab_676): row 7's number, unit and values end p. 3; its sasaran, indicator, category and
source open p. 4 above the summary rows. Those lines hold header words ('capaian kinerja', 'target') and
text right of the values ('Sangat baik', 'Diskopuk mnakertrans'), so they were taken for another
table's header, and the page's block for no table at all: the row lost its name. They stand over no
value column: the rest of the row. The seed prints

    7  Meningkatnya kualitas pelayanan PD  Persentase capaian kinerja PD yang mencapai target  %  80,00
       83,33  104,16  Sangat baik  Diskopuk mnakertrans
    Rata-rata capaian kinerja  104,90 %
"""
from __future__ import annotations

from tests.fuzz_variants import indicator_facts_of


def test_the_rest_of_a_row_over_no_value_column_is_no_header():
    facts = indicator_facts_of("jepara", "reportlab", 676)
    assert ("Persentase capaian kinerja PD yang mencapai target", 80.0, 83.33, 104.16) in facts
    assert ("Persentase unit usaha yang berdaya saing", 3.61, 3.8, 105.26) in facts
