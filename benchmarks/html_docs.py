"""Web pages and HTML reports as a browser prints them (generated_tables.py): the tables of table_content.py
written as an HTML page, printed to PDF by headless Chromium (``--print-to-pdf``).

Varied by seed as real ones vary: CSS tables with zebra stripes, a rule under each row, a grid of borders or
nothing but padding; the header filled dark with white text or light grey; a heading over the years as a ``th``
spanning them (``colspan``), the first column's name over both header rows (``rowspan``); the title as a
``<caption>`` or a heading above; figures set right; a long list running over pages with its ``thead`` repeated
on each (as Chromium prints it); a wide table on landscape pages; the browser's own header and footer (date,
title, address, ``1/3``) or none; fonts and sizes.
"""

from __future__ import annotations

import html
import random
import subprocess
from pathlib import Path

from table_content import printed

PROSE = (
    "Opgørelsen er udarbejdet af forvaltningen på grundlag af kommunens økonomisystem og de seneste indberetninger. "
    "Tallene er foreløbige og kan blive justeret, når regnskabet er afsluttet."
)


def style(chance: random.Random) -> dict:
    """A page's look."""
    return {
        "rows": chance.choice(["zebra", "zebra", "lines", "grid", "plain"]),
        "head": chance.choice(["dark", "grey", "bold"]),
        "font": chance.choice(["Arial", "'DejaVu Sans'", "'Liberation Serif'", "Helvetica"]),
        "size": chance.choice([10, 11, 12, 13]),
        "padding": chance.choice(["2px 6px", "4px 8px", "6px 12px"]),
        "caption": chance.random() < 0.5,
        "furniture": chance.random() < 0.5,
        "landscape": chance.random() < 0.15,
    }


CSS = {
    "zebra": "tbody tr:nth-child(even) td {{ background: #eef2f7; }}",
    "lines": "td, th {{ border-bottom: 1px solid #999; }}",
    "grid": "td, th {{ border: 1px solid #444; }}",
    "plain": "",
    "dark": "th {{ background: #1f3864; color: #fff; }}",
    "grey": "th {{ background: #d9d9d9; }}",
    "bold": "thead th {{ border-bottom: 2px solid #000; }}",
}


def page(tables: list[dict], look: dict, title: str) -> str:
    """The whole page: a heading, prose, each table after a paragraph."""
    size = "A4 landscape" if look["landscape"] or any(t["kind"] == "wide" for t in tables) else "A4"
    css = (
        f"@page {{ size: {size}; margin: 15mm; }} body {{ font-family: {look['font']}; font-size: {look['size']}px; }}"
        f" table {{ border-collapse: collapse; margin: 8px 0 16px; }} td, th {{ padding: {look['padding']}; }}"
        " td.n, th.n { text-align: right; } tr.total td { font-weight: bold; border-top: 1px solid #000; }"
        " caption { font-weight: bold; text-align: left; padding: 4px 0; } "
        + CSS[look["rows"]].format()
        + " "
        + CSS[look["head"]].format()
    )
    parts = [f"<h1>{html.escape(title)}</h1>"]
    for table in tables:
        parts += [f"<p>{PROSE}</p>", _table(table, look)]
    body = "\n".join(parts)
    return (
        f'<!doctype html><html lang="da"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{css}</style></head><body>{body}</body></html>"
    )


def _table(table: dict, look: dict) -> str:
    caption = html.escape(table["caption"])
    out = [f"<table><caption>{caption}</caption>" if look["caption"] else f"<h3>{caption}</h3><table>", "<thead>"]
    header = table["header"]
    for r, line in enumerate(header):
        cells = []
        for c, text in enumerate(line):
            if not text and (c > 0 or r > 0):
                continue  # under a rowspan or inside a colspan
            span = 1
            while c + span < len(line) and not line[c + span] and r == 0 and c > 0:
                span += 1
            under = [header[k][c] for k in range(r + 1, len(header))]
            rows = 1 + len(under) if span == 1 and under and not any(under) else 1
            attributes = (f' colspan="{span}"' if span > 1 else "") + (f' rowspan="{rows}"' if rows > 1 else "")
            cls = ' class="n"' if c and span == 1 else ""
            cells.append(f"<th{attributes}{cls}>{'<br>'.join(html.escape(p) for p in text.split(chr(10)))}</th>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</thead><tbody>")
    for line in table["body"]:
        total = isinstance(line[0], str) and line[0].startswith("I alt")
        cells = [
            f"<td>{html.escape(cell)}</td>" if isinstance(cell, str) and c == 0 else
            f'<td class="n">{html.escape(printed(cell))}</td>'
            for c, cell in enumerate(line)
        ]  # fmt: skip
        out.append(f"<tr{' class=total' if total else ''}>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def print_pdf(source: Path, target: Path, furniture: bool) -> None:
    """Headless Chromium prints the page; with the browser's own header and footer or without."""
    command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={target}"]
    if not furniture:
        command.append("--no-pdf-header-footer")
    subprocess.run([*command, source.as_uri()], check=True, capture_output=True, timeout=120)
