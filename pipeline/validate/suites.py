"""Validate stage: great-expectations suites built from configs/tables.yaml.

Each kommunekode table gets a suite (exactly the 98 codes, once each, each in its
region, non-negative integers, no empty cell). Every printed subtotal and total, and
every cross-table check, becomes a row of a "totals" frame whose printed and computed
values must be equal. Failures become findings that name table, municipality or
region, column, printed and computed value.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass

from pipeline.base.gazetteer import Gazetteer
from pipeline.base.models import ExtractedTable, Extraction, Finding, Validation


@dataclass(frozen=True)
class TotalCheck:
    check: str  # "printed-total" or a configured cross-check's name
    table: str
    group: str
    column: str
    printed: int | None
    computed: int | None
    missing: int  # member cells that could not be read
    page: int | None
    what: str = "printed total"  # what the printed figure is, in words

    @property
    def held(self) -> bool | None:
        """None: not checked (the printed figure or a member could not be read)."""
        return None if self.printed is None or self.computed is None else self.printed == self.computed


def validate(extraction: Extraction, config: dict, gazetteer: Gazetteer) -> Validation:
    """Validate stage entry."""
    findings = list(extraction.problems)
    expectations: list[dict] = []
    if extraction.landstal is None and _needs_landstal(extraction, config):
        findings.append(
            Finding(
                "landstal-not-found",
                "regionskvoter",
                "the landstal is not stated in the text (pattern in configs/tables.yaml)",
            )
        )
    for table in extraction.tables.values():
        if table.key == "kommunekode":
            frame = _table_frame(table)
            results = _run(f"{table.name}", frame, _table_suite(table, gazetteer))
            expectations += results
            findings += _table_findings(table, frame, results, findings)
    checks = _total_checks(extraction, config)
    notes = [_not_checkable(c) for c in checks if c.missing and c.printed is not None]
    notes += [f"{t.title} (page {t.page}): {note}" for t in extraction.others for note in t.total_notes]
    if checks:
        import pandas as pd

        frame = pd.DataFrame([c.__dict__ for c in checks]).astype({"printed": "Int64", "computed": "Int64"})
        results = _run(
            "totals",
            frame,
            [
                (
                    "ExpectColumnPairValuesToBeEqual",
                    {"column_A": "printed", "column_B": "computed", "ignore_row_if": "either_value_is_missing"},
                )
            ],
        )
        expectations += results
        for index in results[0]["unexpected_index_list"]:
            findings.append(_total_finding(checks[index]))
    totals = [{**asdict(c), "held": c.held} for c in checks]
    return Validation(_merge_national(findings), expectations, notes, totals)


def _needs_landstal(extraction: Extraction, config: dict) -> bool:
    """The landstal is needed where a table that is checked against it is in the package."""
    if config.get("stated_values", {}).get("landstal", {}).get("required", False):
        return True
    return any(c.get("equals_stated") == "landstal" and c["table"] in extraction.tables for c in config["checks"])


def _table_frame(table: ExtractedTable):
    import pandas as pd

    records = [
        {
            "kommunekode": row.kommunekode,
            "kommune": row.kommune,
            "region": row.region,
            "printed_region": row.printed_region,
            **{c: row.cells[c].value for c in table.columns},
        }
        for row in table.rows
    ]
    return pd.DataFrame(records).astype({c: "Int64" for c in table.columns})


def _table_suite(table: ExtractedTable, gazetteer: Gazetteer) -> list[tuple[str, dict]]:
    suite: list[tuple[str, dict]] = [
        ("ExpectColumnDistinctValuesToEqualSet", {"column": "kommunekode", "value_set": sorted(gazetteer.kommuner)}),
        ("ExpectColumnValuesToBeUnique", {"column": "kommunekode"}),
        (
            "ExpectColumnPairValuesToBeEqual",
            {"column_A": "region", "column_B": "printed_region", "ignore_row_if": "either_value_is_missing"},
        ),
    ]
    for column in table.columns:
        suite += [
            ("ExpectColumnValuesToNotBeNull", {"column": column}),
            ("ExpectColumnValuesToBeInTypeList", {"column": column, "type_list": ["Int64Dtype", "int64"]}),
            ("ExpectColumnValuesToBeBetween", {"column": column, "min_value": 0}),
        ]
    return suite


def _run(name: str, frame, suite: list[tuple[str, dict]]) -> list[dict]:
    """Run one suite on one frame; a summary per expectation."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("TQDM_DISABLE", "1")
    import great_expectations as gx  # lazy: ~6 s of CPU to import
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    asset = context.data_sources.add_pandas(f"bilag-{name}").add_dataframe_asset(name)
    batch = asset.add_batch_definition_whole_dataframe("all").get_batch(batch_parameters={"dataframe": frame})
    expectation_suite = gx.ExpectationSuite(name=name)
    for kind, kwargs in suite:
        expectation_suite.add_expectation(getattr(gx.expectations, kind)(**kwargs))
    result = batch.validate(expectation_suite, result_format="COMPLETE")
    return [
        {
            "suite": name,
            "expectation": r.expectation_config.type,
            "kwargs": _plain(r.expectation_config.kwargs),
            "success": bool(r.success),
            "unexpected_count": r.result.get("unexpected_count", 0),
            "unexpected_index_list": list(r.result.get("unexpected_index_list") or []),
        }
        for r in result.results
    ]


def _plain(kwargs: dict) -> dict:
    """The expectation's arguments for the report (long value sets shortened)."""
    plain = {k: v for k, v in kwargs.items() if k not in ("batch_id", "value_set")}
    if "value_set" in kwargs:
        plain["value_set_full"] = list(kwargs["value_set"])
    return plain


def _table_findings(table: ExtractedTable, frame, results: list[dict], known: list[Finding]) -> list[Finding]:
    reported = {(f.table, f.kommunekode, f.column) for f in known}
    reported |= {(f.table, f.kommunekode, None) for f in known}
    found: list[Finding] = []
    for result in results:
        if result["success"]:
            continue
        column = result["kwargs"].get("column")
        kind = result["expectation"]
        indexes = result["unexpected_index_list"] or []
        if kind == "expect_column_distinct_values_to_equal_set":
            printed = set(frame["kommunekode"].dropna())
            for code in sorted(set(result["kwargs"]["value_set_full"]) - printed):
                found.append(
                    Finding(
                        "kommunekode-missing", table.name, f"{table.name}: kommunekode {code} is not in the table", code
                    )
                )
        elif not indexes:
            found.append(Finding("table-check-failed", table.name, f"{table.name}: {kind} failed", column=column))
        for index in indexes:
            row = table.rows[index]
            if (table.name, row.kommunekode, column) in reported:
                continue
            who = f"{row.kommunekode} {row.kommune}"
            if kind == "expect_column_pair_values_to_be_equal":
                message = f"{table.name}: {who} is printed under {row.printed_region}, not {row.region}"
                found.append(Finding("kommune-in-wrong-region", table.name, message, row.kommunekode, row.kommune))
            else:
                value = frame.at[index, column] if column else None
                message = f"{table.name}: {who}, {column}: value {value} fails {kind}"
                found.append(Finding(kind.replace("_", "-"), table.name, message, row.kommunekode, row.kommune, column))
    return found


def _total_checks(extraction: Extraction, config: dict) -> list[TotalCheck]:
    checks: list[TotalCheck] = []
    for table in extraction.tables.values():
        for total in table.totals:
            members = [r for r in table.rows if total.group in ("Danmark", r.region)]
            checks.append(
                _sum_check(
                    "printed-total",
                    table.name,
                    total.group,
                    total.column,
                    total.value,
                    [r.cells[total.column].value for r in members],
                    total.page,
                )
            )
    for check in config.get("checks", []):
        table = extraction.tables.get(check["table"])
        if table is None:
            continue
        values = {r.region: [] for r in table.rows}
        for row in table.rows:
            values[row.region].append(row.cells[check["column"]].value)
        if "equals_stated" in check and extraction.landstal is not None:
            everything = [v for group in values.values() for v in group]
            checks.append(
                _sum_check(
                    check["name"],
                    table.name,
                    "Danmark",
                    check["column"],
                    extraction.landstal.value,
                    everything,
                    extraction.landstal.page,
                    f"the {check['equals_stated']} stated in the text",
                )
            )
        source = check.get("region_totals_from")
        if source and source["table"] in extraction.tables:
            for row in extraction.tables[source["table"]].rows:
                cell = row.cells[source["column"]]
                checks.append(
                    _sum_check(
                        check["name"],
                        table.name,
                        row.region,
                        check["column"],
                        cell.value,
                        values.get(row.region, []),
                        cell.page,
                        f"its {source['column']} ({source['table']})",
                    )
                )
    return checks


def _sum_check(
    check: str,
    table: str,
    group: str,
    column: str,
    printed: int | None,
    members: list[int | None],
    page: int | None,
    what: str = "printed total",
) -> TotalCheck:
    missing = sum(1 for v in members if v is None)
    computed = None if missing else sum(members)
    return TotalCheck(check, table, group, column, printed, computed, missing, page, what)


def _total_finding(check: TotalCheck) -> Finding:
    what = "printed total" if check.check == "printed-total" else check.check
    message = (
        f"{check.table}: {check.group} ({what}), {check.column}: printed {check.printed}, "
        f"computed {check.computed} (differs by {check.computed - check.printed:+d})"
    )
    slug = "total-mismatch" if check.check == "printed-total" else check.check + "-mismatch"
    return Finding(
        slug,
        check.table,
        message,
        kommune=check.group,
        column=check.column,
        printed=check.printed,
        computed=check.computed,
        page=check.page,
    )


def _not_checkable(check: TotalCheck) -> str:
    return (
        f"{check.table}: {check.group}, {check.column}: total {check.printed} not checked: "
        f"{check.missing} member cell(s) unreadable"
    )


def _merge_national(findings: list[Finding]) -> list[Finding]:
    """One wrong cell breaks its region's total and the national one: report it once."""
    regional = {
        (f.table, f.column, f.computed - f.printed)
        for f in findings
        if f.slug == "total-mismatch" and f.kommune != "Danmark"
    }
    return [
        f
        for f in findings
        if not (
            f.slug == "total-mismatch"
            and f.kommune == "Danmark"
            and (f.table, f.column, f.computed - f.printed) in regional
        )
    ]
