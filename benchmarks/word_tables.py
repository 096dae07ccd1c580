"""Tables as Word writes them: generated Danish documents exported to PDF by LibreOffice, every cell known.

    python benchmarks/word_tables.py [--seeds 30] [--work DIR] [--no-baselines]

Most bilag are Word documents saved as PDF. This makes ``--seeds`` documents with python-docx, each a
heading, prose and one to three captioned tables of a municipal kind (kommuner or areas by budget years,
counts, shares, kroner, kommunekoder with their leading zero; now and then a list of firms over several
pages, its header row repeated on each, postnumre such as ``0800``), varied by seed the way real ones vary:
ruled in a grid, ruled across only, or not ruled; budgets in groups (Drift, Anlæg) with subtotals, income in
parentheses, column names over two lines; one header row or two, a heading merged over two
columns (``Budget`` over ``2025`` and ``2026``); an ``I alt`` row that adds up; labels long enough to
wrap in their cell; dashes for nothing; figures the Danish way (``12.345``, ``12,5``, ``-1.234``,
``12,5 %``). LibreOffice (``soffice --headless``, Debian's libreoffice-writer-nogui) exports each to PDF.
The truth is the cells as generated; a table's page is the page printing its caption (each table is kept
with its caption on one page). Then bilag runs on the PDFs and ../shared/bench/peer_suite.py scores
bilag, and camelot and pdfplumber alone, format-free (a code that lost its leading zero, or two figures
joined into one, is a cell missed). Prints cells found and tables whole, and bilag's findings.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

from tablebench import ROOT, danish, list_cases, money, one_page_case, page_texts, printed_by_libreoffice, run_and_score

KOMMUNER = [
    ("0101", "København"), ("0147", "Frederiksberg"), ("0151", "Ballerup"), ("0153", "Brøndby"),
    ("0155", "Dragør"), ("0157", "Gentofte"), ("0159", "Gladsaxe"), ("0161", "Glostrup"), ("0163", "Herlev"),
    ("0165", "Albertslund"), ("0167", "Hvidovre"), ("0169", "Høje-Taastrup"), ("0173", "Lyngby-Taarbæk"),
    ("0175", "Rødovre"), ("0183", "Ishøj"), ("0185", "Tårnby"), ("0187", "Vallensbæk"), ("0190", "Furesø"),
    ("0201", "Allerød"), ("0210", "Fredensborg"), ("0217", "Helsingør"), ("0219", "Hillerød"),
    ("0223", "Hørsholm"), ("0230", "Rudersdal"), ("0240", "Egedal"), ("0250", "Frederikssund"),
    ("0270", "Gribskov"), ("0260", "Halsnæs"), ("0400", "Bornholm"),
]  # fmt: skip
AREAS = [
    "Skoler og dagtilbud", "Ældre og sundhed", "Veje og parker", "Administration", "Kultur og fritid",
    "Beskæftigelse", "Socialområdet", "Miljø og klima", "Børn og unge med særlige behov", "Idrætsfaciliteter",
    "Bibliotekerne", "Tandplejen", "Genoptræning efter sygehusophold", "Rengøring af kommunale bygninger",
]  # fmt: skip
PROSE = (
    "Forvaltningen har udarbejdet en opgørelse over udviklingen i perioden. Tallene er opgjort pr. 1. januar, "
    "og de bygger på de seneste indberetninger fra kommunerne. Økonomiudvalget anbefaler, at byrådet tager "
    "orienteringen til efterretning og godkender, at der følges op på området i forbindelse med budgetlægningen."
)


def table_spec(chance: random.Random, number: int) -> dict:
    """One table's printed cells: header rows (a merged heading as its text then ""), body rows, and style."""
    by_kommune = chance.random() < 0.5
    rows = chance.randint(3, 14)
    if by_kommune:
        picked = chance.sample(KOMMUNER, rows)
        labels = [name for _, name in picked]
        codes = [code for code, _ in picked] if chance.random() < 0.4 else None
    else:
        labels, codes = chance.sample(AREAS, min(rows, len(AREAS))), None
    years = sorted(chance.sample(range(2019, 2028), chance.randint(2, 4)))
    kind = chance.choice(["kroner", "antal", "andel", "decimal"])
    decimals = 1 if kind in ("andel", "decimal") else 0
    merged = chance.random() < 0.35
    first = "Kommune" if by_kommune else "Område"
    figures = []
    for _ in labels:
        row = []
        for _ in years:
            if chance.random() < 0.05:
                row.append(None)  # printed as a dash
            elif kind == "andel":
                row.append(round(chance.uniform(0, 60), 1))
            elif kind == "decimal":
                row.append(round(chance.uniform(-50, 400), 1))
            else:
                row.append(chance.randint(-2000 if kind == "kroner" else 0, 250000 if kind == "kroner" else 4000))
        figures.append(row)
    heading = {"kroner": "Budget (1.000 kr.)", "antal": "Antal", "andel": "Andel", "decimal": "Nøgletal"}[kind]
    header_top = [first] + (["Kommunekode"] if codes else [])
    if merged:
        header = [header_top + [heading] + [""] * (len(years) - 1), [""] * len(header_top) + [str(y) for y in years]]
    else:
        header = [header_top + [f"{heading} {y}" if chance.random() < 0.5 else str(y) for y in years]]
    printed = [["-" if v is None else danish(v, decimals, kind == "andel") for v in row] for row in figures]
    body = [[label] + ([codes[r]] if codes else []) + printed[r] for r, label in enumerate(labels)]
    if kind in ("kroner", "antal") and chance.random() < 0.6:
        totals = [sum(v or 0 for v in column) for column in zip(*figures)]
        body.append(["I alt"] + ([""] if codes else []) + [danish(v) for v in totals])
    caption = f"Tabel {number}: {heading.split(' (')[0]} fordelt på {'kommuner' if by_kommune else 'områder'}"
    style = chance.choice(["grid", "grid", "across", "none"])
    return {"caption": caption, "header": header, "body": body, "style": style, "merged": merged}


def budget_spec(chance: random.Random, number: int) -> dict:
    """A budget as a municipality sets it: Drift and Anlæg, each area's figures, a subtotal under each group
    and the whole total; negatives (income) in parentheses or with a minus; column names over two lines
    (``Regnskab`` / ``2024``) or on one, set left, centred or right."""
    years = [("Regnskab", 2024), ("Budget", 2025), ("Budget", 2026)][: chance.randint(2, 3)]
    two_lines = chance.random() < 0.5
    header = [[""] + [f"{word}\n{year}" if two_lines else f"{word} {year}" for word, year in years]]
    parentheses = chance.random() < 0.5
    body, grand = [], [0] * len(years)
    for group in ("Drift", "Anlæg"):
        body.append([group] + [""] * len(years))
        sums = [0] * len(years)
        for area in chance.sample(AREAS, chance.randint(2, 5)):
            values = [chance.randint(-30000, 250000) for _ in years]
            sums = [a + b for a, b in zip(sums, values)]
            body.append([area] + [money(v, parentheses) for v in values])
        body.append([f"I alt {group.lower()}"] + [money(v, parentheses) for v in sums])
        grand = [a + b for a, b in zip(grand, sums)]
    body.append(["I alt"] + [money(v, parentheses) for v in grand])
    return {"caption": f"Tabel {number}: Budget for udvalget (1.000 kr.)", "header": header, "body": body,
            "style": chance.choice(["grid", "across", "none"]), "merged": False,
            "header_align": chance.choice(["left", "center", "right"])}  # fmt: skip


FIRMS = [
    "Ågård Efterskole", "Hansen & Søn ApS", "Bøgely Maskinstation", "Nørre Vium Rens", "Østergaard Autoværksted",
    "Skovhuset A/S", "Fjordens Fiskeeksport", "Lindholm Gartneri", "Aabenraa Stenhuggeri", "Klitmøller Camping",
    "Vestjysk Biogas I/S", "Særslev Smedje", "Tåsinge Frugtplantage", "Kærgårdens Svineproduktion",
]  # fmt: skip
TOWNS = [
    ("0800", "Høje Taastrup"), ("0900", "København C"), ("2100", "København Ø"), ("2600", "Glostrup"),
    ("2750", "Ballerup"), ("3400", "Hillerød"), ("4000", "Roskilde"), ("5000", "Odense C"), ("6200", "Aabenraa"),
    ("7700", "Thisted"), ("8000", "Aarhus C"), ("9000", "Aalborg"),
]  # fmt: skip


def list_spec(chance: random.Random, number: int) -> dict:
    """A list over several pages (Miljøstyrelsen's kind): numbered firms with CVR, postnummer (``0800``) and
    town, its header row repeated on each page, as Word repeats a table's header rows."""
    rows = []
    for n in range(1, chance.randint(45, 110) + 1):
        postnr, town = chance.choice(TOWNS)
        firm = f"{chance.choice(FIRMS)} {chance.choice(['', 'Nord', 'Syd', 'Øst', 'Vest', 'II'])}".strip()
        rows.append([str(n), firm, str(chance.randint(10000000, 99999999)), postnr, town, str(chance.randint(0, 480))])
    header = [["Nr.", "Virksomhed", "CVR-nr.", "Postnr.", "By", "Antal dyreenheder"]]
    style = chance.choice(["grid", "across", "none"])
    return {"caption": f"Tabel {number}: Virksomheder omfattet af påbud", "header": header, "body": rows,
            "style": style, "merged": False, "repeat": True}  # fmt: skip


def write_docx(specs: list[dict], seed: int, target: Path) -> None:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = random.Random(seed).choice(["Calibri", "Arial", "Times New Roman"])
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading(f"Sag {seed}: Orientering om nøgletal", level=1)
    for spec in specs:
        document.add_paragraph(PROSE)
        caption = document.add_paragraph(spec["caption"])
        caption.paragraph_format.keep_with_next = True
        rows = spec["header"] + spec["body"]
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        if spec["style"] == "grid":
            table.style = document.styles["Table Grid"]
        _fill(table, spec)
        if spec.get("repeat"):  # the header row printed again at the top of each page
            table.rows[0]._tr.get_or_add_trPr().append(_element("w:tblHeader", val="true"))
        if spec["merged"]:
            _merge_heading(table, spec["header"][0])
        if spec["style"] == "across":
            borders = _element("w:tblBorders")
            for edge in ("top", "bottom", "insideH"):
                borders.append(_element(f"w:{edge}", val="single", sz="4", space="0", color="000000"))
            table._tbl.tblPr.append(borders)
    document.add_paragraph(PROSE)
    document.save(str(target))


def _fill(table, spec: dict) -> None:
    """Each cell's text: bold header and totals, figures set right, a name over two lines broken in its cell."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    headed = len(spec["header"])
    for r, row in enumerate(spec["header"] + spec["body"]):
        for c, text in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            for k, line in enumerate(text.split("\n")):
                run = paragraph.add_run(line)
                run.bold = r < headed or row[0].startswith("I alt")
                if k == 0 and "\n" in text:
                    run.add_break()
            if r < headed and c > 0 and "header_align" in spec:
                paragraph.alignment = getattr(WD_ALIGN_PARAGRAPH, spec["header_align"].upper())
            elif c > 0 and r >= headed:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.paragraph_format.keep_with_next = not spec.get("repeat")


def _merge_heading(table, top: list[str]) -> None:
    """The heading over the figure columns merged across them; the first columns' names over both rows."""
    start = next(c for c, text in enumerate(top) if c > 0 and text and not (c + 1 < len(top) and top[c + 1]))
    merged = [table.cell(0, start).merge(table.cell(0, len(top) - 1))]
    merged += [table.cell(0, c).merge(table.cell(1, c)) for c in range(start)]
    for cell in merged:  # a merge keeps each cell's paragraph: the empty ones go, as Word's merge does
        for paragraph in cell.paragraphs[1:]:
            if not paragraph.text:
                paragraph._p.getparent().remove(paragraph._p)


def _element(tag: str, **attributes: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element


def build(seeds: int, work: Path) -> list[dict]:
    """The documents, their PDFs (LibreOffice) and the cases in the peers' format; returns the cases."""
    for folder in ("docx", "pdf", "expected"):
        (work / folder).mkdir(parents=True, exist_ok=True)
    specs = {}
    for seed in range(seeds):
        chance = random.Random(seed)
        kinds = [budget_spec if chance.random() < 0.3 else table_spec for _ in range(chance.randint(1, 3))]
        specs[seed] = [kind(chance, n) for n, kind in enumerate(kinds, 1)]
        if chance.random() < 0.25:
            specs[seed].append(list_spec(chance, len(specs[seed]) + 1))
        write_docx(specs[seed], seed, work / "docx" / f"bilag-{seed:03d}.docx")
    printed_by_libreoffice(list((work / "docx").glob("*.docx")), work / "pdf")
    cases = []
    for seed, tables in specs.items():
        pdf = work / "pdf" / f"bilag-{seed:03d}.pdf"
        texts = page_texts(pdf)
        for n, spec in enumerate(tables, 1):
            case_id = f"word-{seed:03d}.t{n}"
            spec["ruled"] = spec["style"] == "grid"
            if spec.get("repeat"):
                cases += list_cases(spec, texts, case_id, pdf, work, f"word-list-{spec['style']}")
            else:
                source = f"word-{spec['style']}{'-merged' if spec['merged'] else ''}"
                cases += one_page_case(spec, texts, case_id, pdf, work, source)
    (work / "cases.json").write_text(json.dumps(cases, indent=1), encoding="utf-8")
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=30)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "bilag-word-tables")
    parser.add_argument("--no-baselines", action="store_true", help="bilag only")
    parser.add_argument("--scan", type=int, metavar="DPI", help="score scans of the PDFs (the fixture scanner)")
    args = parser.parse_args()
    if not shutil.which("soffice"):
        sys.exit("word_tables.py needs LibreOffice: apt-get install libreoffice-writer-nogui")
    shutil.rmtree(args.work, ignore_errors=True)
    cases = build(args.seeds, args.work)
    print(f"{len(cases)} tables in {args.seeds} documents", flush=True)
    if args.scan:  # the same pages printed and scanned: OCR'd by bilag; the baselines read no scan
        sys.path.insert(0, str(ROOT))
        from pipeline.fixtures.scan import ScanOptions, scan_pdf

        for pdf in sorted((args.work / "pdf").glob("*.pdf")):
            scan_pdf(pdf, pdf, ScanOptions(dpi=args.scan))
        args.no_baselines = True
    run_and_score(args.work, not args.no_baselines)


if __name__ == "__main__":
    main()
