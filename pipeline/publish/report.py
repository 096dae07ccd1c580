"""The validation report a person opens: one self-contained HTML page, readable offline.

(great-expectations' Data Docs load their styles from CDNs and render unstyled without
network; this page inlines everything and shows the same expectation results.) Each
finding and each flagged figure sits beside a crop of the printed line (pipeline/publish/evidence.py),
inlined as a data: URI.
"""

from __future__ import annotations

from html import escape

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;max-width:70rem;color:#222}
h1{font-size:1.5rem} h2{font-size:1.15rem;margin-top:2rem}
.ok{color:#176a2c} .bad{color:#a61b1b}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2} tr.fail td{background:#fdecec}
code{font-size:.85rem}
img.crop{display:block;max-width:100%;border:1px solid #bbb}
td.value{font-weight:bold;white-space:nowrap}
"""


def render_html(report: dict, finding_crops: list[str] | None = None, flagged_crops: list[str] | None = None) -> str:
    """The page; ``*_crops`` are data: URIs for report["findings"] and report["flagged"], in order ("": none)."""
    valid = report["valid"]
    status = (
        '<p class="ok">Valid: every check passed.</p>'
        if valid
        else f'<p class="bad">Not valid: {len(report["findings"])} problem(s) found.</p>'
    )
    landstal = report.get("landstal")
    stated = (
        f"<p>Landstal for {landstal['year']} stated in the text: <b>{landstal['value']}</b> "
        f"(page {landstal['page']}).</p>"
        if landstal
        else "<p>No landstal stated in the text.</p>"
    )
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>bilag validation: {escape(report['package'])}</title><style>{STYLE}</style></head><body>",
        f"<h1>Validation of {escape(report['package'])}</h1>",
        status,
        stated,
        "<h2>Problems</h2>",
        _findings(report["findings"], finding_crops or [""] * len(report["findings"])),
    ]
    if report.get("absent"):
        names = ", ".join(escape(name) for name in report["absent"])
        parts.append(f"<p>Declared tables not in this package (not required): {names}.</p>")
    flagged = report.get("flagged", [])
    if flagged:
        parts += [
            "<h2>Figures to check</h2>",
            "<p>Read again, derived from a printed total, read with low confidence or not read: each beside "
            "the printed line (the cell outlined in red).</p>",
            _flagged(flagged, flagged_crops or [""] * len(flagged)),
        ]
    if report.get("notes"):
        parts += ["<h2>Checks not made</h2><ul>"] + [f"<li>{escape(n)}</li>" for n in report["notes"]] + ["</ul>"]
    parts += [
        "<h2>Tables</h2>",
        _tables(report["tables"]),
        "<h2>Other tables</h2>",
        _others(report.get("other_tables", [])),
        "<h2>Expectations (great-expectations)</h2>",
        _expectations(report["expectations"]),
        "</body></html>\n",
    ]
    return "\n".join(parts)


def _findings(findings: list[dict], crops: list[str]) -> str:
    if not findings:
        return "<p>None.</p>"
    rows = "".join(
        f"<tr><td><code>{escape(f['slug'])}</code></td><td>{escape(f['table'])}</td>"
        f"<td>{escape(str(f.get('page') or ''))}</td><td>{escape(f['message'])}{_img(crop)}</td></tr>"
        for f, crop in zip(findings, crops)
    )
    return f"<table><tr><th>slug</th><th>table</th><th>page</th><th>problem</th></tr>{rows}</table>"


def _flagged(flagged: list[dict], crops: list[str]) -> str:
    rows = "".join(
        f"<tr><td>{escape(f['table'])}</td><td>{escape(f['row'])}</td><td>{escape(f['column'])}</td>"
        f"<td class='value'>{'' if f['value'] is None else f['value']}</td>"
        f"<td>{escape(f['first']) if f['first'] is not None else ''}</td><td>{escape(f['why'])}</td>"
        f"<td>{f['page']}</td><td>{_img(crop)}</td></tr>"
        for f, crop in zip(flagged, crops)
    )
    return (
        "<table><tr><th>table</th><th>row</th><th>column</th><th>bilag's value</th><th>first read</th>"
        f"<th>why</th><th>page</th><th>as printed</th></tr>{rows}</table>"
    )


def _img(crop: str) -> str:
    return f"<img class='crop' alt='the printed line' src='{crop}'>" if crop else ""


def _tables(tables: dict) -> str:
    rows = "".join(
        f"<tr><td>{escape(name)}</td><td>{t['rows']}</td><td>{t['printed_totals']}</td>"
        f"<td>{', '.join(map(str, t['pages']))}</td></tr>"
        for name, t in tables.items()
    )
    return f"<table><tr><th>table</th><th>rows</th><th>printed totals</th><th>pages</th></tr>{rows}</table>"


def _others(tables: list[dict]) -> str:
    if not tables:
        return "<p>None found.</p>"

    def totals(t: dict) -> str:
        if not t["totals_checked"]:
            return "no totals to check"
        held = "held" if t["totals_held"] else "did NOT hold"
        return f"{t['totals_checked']} checked, {held}"

    rows = "".join(
        f"<tr class='{'fail' if t['totals_held'] is False else ''}'><td>{escape(t['name'])}.csv</td>"
        f"<td>{escape(t['title'])}</td><td>{', '.join(map(str, t['pages']))}</td><td>{t['rows']}</td>"
        f"<td>{totals(t)}</td></tr>"
        for t in tables
    )
    return f"<table><tr><th>file</th><th>title</th><th>pages</th><th>rows</th><th>totals</th></tr>{rows}</table>"


def _expectations(expectations: list[dict]) -> str:
    rows = "".join(
        f"<tr class='{'' if e['success'] else 'fail'}'><td>{escape(e['suite'])}</td>"
        f"<td><code>{escape(e['expectation'])}</code></td><td><code>{escape(str(e['kwargs']))}</code></td>"
        f"<td>{'passed' if e['success'] else 'FAILED'}</td><td>{e['unexpected_count']}</td></tr>"
        for e in expectations
    )
    return (
        "<table><tr><th>suite</th><th>expectation</th><th>arguments</th><th>result</th>"
        f"<th>unexpected</th></tr>{rows}</table>"
    )
