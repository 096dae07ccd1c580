"""``processed/index.html``: the last run at a glance, one row per package, linking to each report.

A person who opens the output folder sees every package the last run looked at: its state,
pages, problems, figures to check, how long it took and the most memory it held, and a link to
its validation report. Rebuilt at the end of every run that had something to do (a run with
nothing to do rewrites nothing) and written atomically, so it is never half a page.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path
from urllib.parse import quote

from pipeline.base.files import write_atomic
from pipeline.publish.report import STYLE

INDEX = "index.html"
PUBLISHED = ("published", "failed-validation")
STATE_CLASS = {"published": "ok", "failed-validation": "bad", "quarantined": "bad", "failed": "bad"}
ORDER = ("failed", "quarantined", "failed-validation", "waiting")  # what needs a person first, then the rest


def write_index(out_dir: Path, rows: list[dict], finished: str) -> Path:
    """Write ``out_dir/index.html`` for the packages of the run that ``finished`` (ISO time).

    ``rows``: one dict per package, as the ledger records it (package, state, when, pages, findings,
    flagged, seconds, peak_mb, message).
    """
    path = out_dir / INDEX
    write_atomic(path, render_index(rows, finished))
    return path


def render_index(rows: list[dict], finished: str) -> str:
    counts = Counter(row["state"] for row in rows)
    summary = ", ".join(f"{count} {state}" for state, count in sorted(counts.items())) or "no packages"
    body = "".join(_row(row) for row in sorted(rows, key=_needs_a_person_first))
    header = "".join(
        f"<th>{name}</th>"
        for name in ("package", "state", "pages", "problems", "figures to check", "seconds", "peak MB", "when", "note")
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bilag: the last run</title>'
        f"<style>{STYLE}</style></head><body><h1>The last run</h1>"
        f"<p>Finished {escape(finished)}: {len(rows)} package(s): {escape(summary)}.</p>"
        "<p>Packages that need a person come first. A package's name links to its report.</p>"
        f'<table id="packages"><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table></body></html>\n'
    )


def _needs_a_person_first(row: dict) -> tuple[int, str]:
    return (ORDER.index(row["state"]) if row["state"] in ORDER else len(ORDER), row["package"])


def _row(row: dict) -> str:
    name = escape(row["package"])
    if row["state"] in PUBLISHED:
        name = f'<a href="{quote(row["package"])}/validation.html">{name}</a>'
    problem = "fail" if row["state"] != "published" else ""
    cells = [
        name,
        f'<span class="{STATE_CLASS.get(row["state"], "")}">{escape(row["state"])}</span>',
        row.get("pages", 0),
        row.get("findings", 0),
        row.get("flagged", 0),
        f"{row.get('seconds', 0.0):.1f}",
        f"{row.get('peak_mb', 0.0):.0f}",
        escape(row.get("when", "")),
        escape(row.get("message", "")),
    ]
    return f'<tr class="{problem}">' + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"
