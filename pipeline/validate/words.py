"""Each great-expectations result in words, for the report: what it checked and whether it held."""

from __future__ import annotations


def checked(expectation: dict) -> str:
    """What one expectation (a summary from suites._run) checked, in a sentence without its result."""
    kwargs = expectation["kwargs"]
    column = kwargs.get("column", "")
    kind = expectation["expectation"]
    if kind == "expect_column_distinct_values_to_equal_set":
        return f"{column} holds exactly the {len(kwargs.get('value_set_full', []))} expected values"
    if kind == "expect_column_values_to_be_unique":
        return f"each {column} appears once"
    if kind == "expect_column_pair_values_to_be_equal":
        a, b = kwargs.get("column_A"), kwargs.get("column_B")
        if (a, b) == ("printed", "computed"):
            return "every total checked equals the sum of its parts (where every part could be read)"
        if (a, b) == ("region", "printed_region"):
            return "every kommune is printed under its own region"
        return f"{a} equals {b} in every row"
    if kind == "expect_column_values_to_not_be_null":
        return f"every {column} is present"
    if kind == "expect_column_values_to_be_in_type_list":
        return f"every {column} is a whole number"
    if kind == "expect_column_values_to_be_between":
        low, high = kwargs.get("min_value"), kwargs.get("max_value")
        if high is None:
            return f"every {column} is {low} or more"
        return f"every {column} is between {low} and {high}"
    return f"{kind.removeprefix('expect_').replace('_', ' ')} ({column})" if column else kind


def outcome(expectation: dict) -> str:
    """Whether it held, and for how many rows it did not."""
    if expectation["success"]:
        return "held"
    count = expectation.get("unexpected_count") or 0
    return f"did NOT hold ({count} row{'s' if count != 1 else ''})" if count else "did NOT hold"
