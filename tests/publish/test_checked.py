"""The report's checked-totals rows: the validate stage's totals and every other table's, each with its page."""

from __future__ import annotations

from pipeline.base.models import Extraction, OtherTable, SumCheck, Validation
from pipeline.publish.checked import totals_checked

DECLARED = {
    "check": "printed-total",
    "table": "befolkning",
    "group": "Region Hovedstaden",
    "column": "indbyggere",
    "printed": 1930703,
    "computed": 1930803,
    "missing": 0,
    "page": 3,
    "what": "printed total",
    "held": False,
}


def test_every_total_is_a_row_and_a_total_on_a_later_page_names_that_page():
    rows = [("Aarhus", "12"), ("Odense", "30"), ("I alt", "42"), ("Vejle", "5"), ("I alt", "5")]
    other = OtherTable(
        page=4,
        index=1,
        title="Tabel 2. Sager",
        pages=(4, 5),
        fields=(),
        rows=rows,
        page_rows=(3, 2),
        checks=[SumCheck("Vejle", "Sager", "5", "5", True)],
    )
    extraction = Extraction(tables={}, landstal=None, others=[other])
    found = totals_checked(Validation([], [], totals=[DECLARED]), extraction)
    assert found == [
        {
            "table": "befolkning",
            "page": 3,
            "row": "Region Hovedstaden, printed total",
            "column": "indbyggere",
            "printed": 1930703,
            "computed": 1930803,
            "held": False,
        },
        {
            "table": "Tabel 2. Sager",
            "page": 5,
            "row": "Vejle",
            "column": "Sager",
            "printed": "5",
            "computed": "5",
            "held": True,
        },
    ]
