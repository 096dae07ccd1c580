"""Each expectation in the report in words: what it checked and whether it held, no raw arguments."""

from __future__ import annotations

from pipeline.validate.words import checked, outcome


def summary(kind: str, success: bool = True, unexpected: int = 0, **kwargs) -> dict:
    return {"suite": "befolkning", "expectation": kind, "kwargs": kwargs, "success": success,
            "unexpected_count": unexpected}  # fmt: skip


def test_each_kind_the_suites_run_reads_as_a_sentence():
    codes = summary("expect_column_distinct_values_to_equal_set", column="kommunekode", value_set_full=list(range(98)))
    assert checked(codes) == "kommunekode holds exactly the 98 expected values"
    assert (
        checked(summary("expect_column_values_to_be_unique", column="kommunekode")) == "each kommunekode appears once"
    )
    pair = summary("expect_column_pair_values_to_be_equal", column_A="region", column_B="printed_region")
    assert checked(pair) == "every kommune is printed under its own region"
    totals = summary("expect_column_pair_values_to_be_equal", column_A="printed", column_B="computed")
    assert checked(totals).startswith("every total checked equals the sum of its parts")
    assert checked(summary("expect_column_values_to_not_be_null", column="indbyggere")) == "every indbyggere is present"
    between = summary("expect_column_values_to_be_between", column="indbyggere", min_value=0)
    assert checked(between) == "every indbyggere is 0 or more"


def test_the_outcome_says_whether_it_held_and_for_how_many_rows_not():
    assert outcome(summary("expect_column_values_to_be_unique")) == "held"
    assert outcome(summary("expect_column_values_to_be_unique", False, 2)) == "did NOT hold (2 rows)"
