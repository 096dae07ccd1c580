"""The validation report a person opens: one self-contained HTML page, readable offline.

(great-expectations' Data Docs load their styles from CDNs and render unstyled without
network; this page inlines everything and shows the same expectation results.) Each
finding and each flagged figure sits beside a crop of the printed line (pipeline/publish/evidence.py),
inlined as a data: URI.
"""

from __future__ import annotations

from html import escape

from pipeline.validate.words import checked, outcome

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;max-width:70rem;color:#222}
h1{font-size:1.5rem} h2{font-size:1.15rem;margin-top:2rem}
.ok{color:#176a2c} .bad{color:#a61b1b}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2} tr.fail td{background:#fdecec} tr.unchecked td{color:#666} tr.crop td{border-top:none}
td.num{text-align:right;font-variant-numeric:tabular-nums} li.fail{color:#a61b1b}
details summary{cursor:pointer} h3{font-size:1rem;margin-bottom:.3rem}
code{font-size:.85rem}
img.crop{display:block;max-width:100%;border:1px solid #bbb}
td.value{font-weight:bold;white-space:nowrap}
"""


def render_html(report: dict, finding_crops: list[str] | None = None, flagged_crops: list[str] | None = None) -> str:
    """The page; ``*_crops`` are data: URIs for report["findings"] and report["flagged"], in order ("": none).

    What needs a person comes first (problems, then figures to check by eye), then every
    total checked, then notes (nothing to act on), the tables found, and the expectations.
    """
    findings, flagged = report["findings"], report.get("flagged", [])
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>bilag validation: {escape(report['package'])}</title><style>{STYLE}</style></head><body>",
        f"<h1>Validation of {escape(report['package'])}</h1>",
        _status(report),
        _landstal(report.get("landstal")),
        "<h2>Problems to act on</h2>",
        _findings(findings, finding_crops or [""] * len(findings)),
        "<h2>Figures to check by eye</h2>",
        _flagged(flagged, flagged_crops or [""] * len(flagged)),
        "<h2>Totals checked</h2>",
        _totals(report.get("totals", [])),
        "<h2>Notes: nothing to act on</h2>",
        _notes(report),
        "<h2>Tables found</h2>",
        _tables(report["tables"]),
        "<h3>Other tables</h3>",
        _others(report.get("other_tables", [])),
        "<h2>Expectations (great-expectations)</h2>",
        _expectations(report["expectations"]),
        "</body></html>\n",
    ]
    return "\n".join(parts)


def _status(report: dict) -> str:
    if report["valid"]:
        return '<p class="ok">Valid: every check passed. Nothing needs a person.</p>'
    return f'<p class="bad">Not valid: {len(report["findings"])} problem(s) need a person.</p>'


def _landstal(landstal: dict | None) -> str:
    if not landstal:
        return "<p>No landstal stated in the text.</p>"
    return (
        f"<p>Landstal for {landstal['year']} stated in the text: <b>{landstal['value']}</b> "
        f"(page {landstal['page']}).</p>"
    )


def _findings(findings: list[dict], crops: list[str]) -> str:
    if not findings:
        return "<p>None.</p>"
    rows = "".join(
        f"<tr><td><code>{escape(f['slug'])}</code></td><td>{escape(f['table'])}</td>"
        f"<td>{escape(str(f.get('page') or ''))}</td><td>{escape(f['message'])}{_img(crop)}</td></tr>"
        for f, crop in zip(findings, crops)
    )
    return f"<table id='problems'><tr><th>slug</th><th>table</th><th>page</th><th>problem</th></tr>{rows}</table>"


def _flagged(flagged: list[dict], crops: list[str]) -> str:
    if not flagged:
        return "<p>None: no figure was read again, derived, doubtful or left unread.</p>"
    rows = "".join(
        f"<tr><td>{escape(f['table'])}</td><td>{escape(f['row'])}</td><td>{escape(f['column'])}</td>"
        f"<td class='value'>{'' if f['value'] is None else f['value']}</td>"
        f"<td>{escape(f['first']) if f['first'] is not None else ''}</td><td>{escape(f['why'])}</td>"
        f"<td>{f['page']}</td></tr>" + (f"<tr class='crop'><td colspan='7'>{_img(crop)}</td></tr>" if crop else "")
        # the crop on a row of its own, as wide as the table: a printed line is too wide for a cell
        for f, crop in zip(flagged, crops)
    )
    return (
        "<p>Read again, derived from a printed total, read with low confidence or not read: each beside "
        "the printed line below it (the cell outlined in red). bilag's value is published; check it against the "
        "print.</p>"
        "<table id='flagged'><tr><th>table</th><th>row</th><th>column</th><th>bilag's value</th><th>first read</th>"
        f"<th>why</th><th>page</th></tr>{rows}</table>"
    )


def _img(crop: str) -> str:
    return f"<img class='crop' alt='the printed line' src='{crop}'>" if crop else ""


def _totals(totals: list[dict]) -> str:
    if not totals:
        return "<p>No printed totals in this package.</p>"
    held = sum(1 for t in totals if t["held"])
    failed = sum(1 for t in totals if t["held"] is False)
    rows = "".join(
        f"<tr class='{_HELD_CLASS[t['held']]}'><td>{escape(str(t['table']))}</td><td>{t['page'] or ''}</td>"
        f"<td>{escape(str(t['row']))}</td><td>{escape(str(t['column']))}</td>"
        f"<td class='num'>{_figure(t['printed'])}</td><td class='num'>{_figure(t['computed'])}</td>"
        f"<td>{_HOLDS[t['held']]}</td></tr>"
        for t in totals
    )
    return (
        f"<p>{len(totals)} total(s): {held} held, {failed} did not, {len(totals) - held - failed} not checked "
        "(a figure unreadable).</p><table id='totals'><tr><th>table</th><th>page</th><th>row</th><th>column</th>"
        f"<th>printed</th><th>computed</th><th>holds</th></tr>{rows}</table>"
    )


_HOLDS = {True: "yes", False: "NO", None: "not checked"}
_HELD_CLASS = {True: "", False: "fail", None: "unchecked"}


def _figure(value) -> str:
    return "" if value is None else escape(str(value))


def _notes(report: dict) -> str:
    pages = report.get("page_notes", [])
    corrections = report.get("corrections", [])
    known = set(pages) | set(corrections)
    other = [n for n in report.get("notes", []) if n not in known]
    parts = [
        _note_list("Pages that are not text (pictures, charts, blank)", pages),
        _note_list("Figures read again or derived (each shown above)", corrections),
        _note_list("Other notes", other),
    ]
    if report.get("absent"):
        names = ", ".join(escape(name) for name in report["absent"])
        parts.append(f"<p>Declared tables not in this package (not required): {names}.</p>")
    return "\n".join(p for p in parts if p) or "<p>None.</p>"


def _note_list(heading: str, notes: list[str]) -> str:
    if not notes:
        return ""
    return f"<h3>{heading}</h3><ul>" + "".join(f"<li>{escape(n)}</li>" for n in notes) + "</ul>"


def _tables(tables: dict) -> str:
    if not tables:
        return "<p>No declared table in this package.</p>"
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
    """Collapsed: one line per expectation, what it checked and whether it held."""
    failed = sum(1 for e in expectations if not e["success"])
    summary = f"{len(expectations)} expectations, " + (f"{failed} did NOT hold" if failed else "all held")
    items = "".join(
        f"<li class='{'' if e['success'] else 'fail'}'><b>{escape(e['suite'])}</b>: {escape(checked(e))}: "
        f"{escape(outcome(e))}</li>"
        for e in expectations
    )
    return f"<details id='expectations'><summary>{summary}</summary><ul>{items}</ul></details>"
