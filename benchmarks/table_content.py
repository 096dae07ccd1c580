"""The tables of generated_tables.py: what Danish municipal spreadsheets and web reports print, every cell known.

A table is a dict: ``caption`` (its title, unique in its document), ``header`` (rows of text; a heading over
several columns as its text then ""; a name over two lines holds a newline), ``body`` (rows of cells) and
``kind``. A body cell is text (a label, a code such as ``0101``, a CVR number) or a figure ``(value, format)``,
format one of ``int`` (``1.234.567``, ``-1.234``), ``paren`` (income as ``(1.234)``), ``dash`` (nought printed
as ``-``), ``dec`` (``12,5``), ``pct`` (``12,5%``) and ``code4`` (a four-digit code with its leading zero);
:func:`printed` is the text a figure prints as, and the writers make the producer print exactly that.
"""

from __future__ import annotations

import random

from tablebench import danish
from word_tables import AREAS, FIRMS, KOMMUNER, TOWNS

MONTHS = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"]
UNITS = [
    "Rådhuset", "Skolen ved Søen", "Nordbyens Skole", "Plejecenter Solgården", "Bibliotek Øst", "Ungdomsskolen",
    "Materielgården", "Børnehuset Mælkebøtten", "Idrætscenter Vest", "Kulturhuset", "Jobcentret", "Tandklinikken",
]  # fmt: skip


def printed(cell) -> str:
    """A cell as printed: text as it is, a figure in its format."""
    if isinstance(cell, str):
        return cell
    value, kind = cell
    if kind == "paren" and value < 0:
        return f"({danish(-value)})"
    if kind == "dash" and value == 0:
        return "-"
    if kind == "dec":
        return danish(value, 1)
    if kind == "pct":
        return danish(value, 1, percent=True, space="")
    if kind == "code4":
        return f"{int(value):04d}"
    return danish(value)


def truth(table: dict) -> dict:
    """The table with every body cell as printed (the writers keep the figures)."""
    return {**table, "body": [[printed(cell) for cell in row] for row in table["body"]]}


def budget(chance: random.Random, title: str) -> dict:
    """A budget: Drift and Anlæg, each area's figures, a subtotal under each and the whole total (``I alt``), now and
    then the change in kroner and in percent; income in parentheses or with a minus, nought as a dash or 0."""
    years = [("Regnskab", 2024), ("Budget", 2025), ("Budget", 2026), ("Overslag", 2027)][: chance.randint(2, 4)]
    two_lines = chance.random() < 0.4
    header = [["Område"] + [f"{word}\n{year}" if two_lines else f"{word} {year}" for word, year in years]]
    change = chance.random() < 0.4
    if change:
        header[0] += ["Ændring", "Ændring i %"]
    kind = chance.choice(["int", "paren", "dash"])
    body, grand = [], [0] * len(years)
    for group in chance.sample(["Drift", "Anlæg", "Finansiering"], chance.randint(1, 3)):
        body.append([group] + [""] * (len(header[0]) - 1))
        sums = [0] * len(years)
        for area in chance.sample(AREAS, chance.randint(2, 6)):
            values = [0 if chance.random() < 0.08 else chance.randint(-30000, 250000) for _ in years]
            sums = [a + b for a, b in zip(sums, values)]
            body.append([area] + [(v, kind) for v in values] + _change(values, change))
        body.append([f"I alt {group.lower()}"] + [(v, kind) for v in sums] + _change(sums, change))
        grand = [a + b for a, b in zip(grand, sums)]
    body.append(["I alt"] + [(v, kind) for v in grand] + _change(grand, change))
    return {"caption": title, "header": header, "body": body, "kind": "budget"}


def _change(values: list[int], wanted: bool) -> list:
    """The last year against the one before: kroner and percent (none where the year before is nought)."""
    if not wanted:
        return []
    before, after = values[-2], values[-1]
    share = round(100 * (after - before) / abs(before), 1) if before else None
    return [(after - before, "int"), (share, "pct") if share is not None else ""]


def key_figures(chance: random.Random, title: str) -> dict:
    """Kommuner (their code as text, ``0101``, now and then) by years: shares in percent, rates with a decimal or
    counts; the years under one heading over them (two header rows) or each year named."""
    picked = chance.sample(KOMMUNER, chance.randint(4, 16))
    codes = chance.random() < 0.4
    years = [str(y) for y in range(2021, 2021 + chance.randint(3, 5))]
    kind = chance.choice(["pct", "dec", "int"])
    heading = {"pct": "Andel", "dec": "Udgift pr. indbygger", "int": "Antal borgere"}[kind]
    first = ["Kommune"] + (["Kode"] if codes else [])
    if chance.random() < 0.5:
        header = [first + [heading] + [""] * (len(years) - 1), [""] * len(first) + years]
    else:
        header = [first + years]
    body = []
    for code, name in picked:
        figures = [
            (round(chance.uniform(0, 60), 1) if kind == "pct" else round(chance.uniform(-50, 9000), 1), kind)
            if kind != "int" else (chance.randint(0, 40000), "int")
            for _ in years
        ]  # fmt: skip
        body.append([name] + ([code] if codes else []) + figures)
    if kind == "int" and chance.random() < 0.6:
        totals = [sum(row[len(first) + k][0] for row in body) for k in range(len(years))]
        body.append(["I alt"] + ([""] if codes else []) + [(v, "int") for v in totals])
    return {"caption": title, "header": header, "body": body, "kind": "key"}


def monthly(chance: random.Random, title: str) -> dict:
    """A wide sheet: each unit's figure for every month and the year's total, printed landscape or fitted."""
    units = chance.sample(UNITS, chance.randint(4, 10))
    body = []
    for unit in units:
        values = [chance.randint(0, 99999) for _ in MONTHS]
        body.append([unit] + [(v, "int") for v in values] + [(sum(values), "int")])
    totals = [sum(row[k][0] for row in body) for k in range(1, len(MONTHS) + 2)]
    body.append(["I alt"] + [(v, "int") for v in totals])
    return {"caption": title, "header": [["Enhed"] + MONTHS + ["I alt"]], "body": body, "kind": "wide"}


def firm_list(chance: random.Random, title: str) -> dict:
    """A list over several pages: numbered firms with CVR-nr., postnummer (``0800``), town and an amount."""
    body, numeric = [], chance.random() < 0.5  # postnumre typed as numbers shown 0000, or as text
    for n in range(1, chance.randint(50, 140) + 1):
        postnr, town = chance.choice(TOWNS)
        firm = f"{chance.choice(FIRMS)} {chance.choice(['', 'Nord', 'Syd', 'Øst', 'Vest', 'II'])}".strip()
        postcode = (int(postnr), "code4") if numeric else postnr
        body.append([(n, "int"), firm, str(chance.randint(10000000, 99999999)), postcode, town,
                     (chance.randint(0, 2500000), "int")])  # fmt: skip
    header = [["Nr.", "Virksomhed", "CVR-nr.", "Postnr.", "By", "Tilskud (kr.)"]]
    return {"caption": title, "header": header, "body": body, "kind": "list"}


TITLES = {
    budget: ["Budget for {}", "Driftsbudget {}", "Budgetopfølgning {}"],
    key_figures: ["Nøgletal for {}", "Udvikling i {}", "Sammenligning af kommuner, {}"],
    monthly: ["Forbrug pr. måned, {}", "Månedlig opgørelse {}"],
    firm_list: ["Tilskud udbetalt til virksomheder, {}", "Modtagere af tilskud, {}"],
}
SUBJECTS = ["Teknik og Miljø", "Børn og Unge", "Social og Sundhed", "Kultur og Fritid", "Økonomiudvalget"]


def document(chance: random.Random) -> list[dict]:
    """One document's tables: one to three of budgets, key figures and wide sheets, now and then a long list;
    titles unique in the document."""
    makers = chance.choices([budget, key_figures, monthly], weights=[4, 4, 2], k=chance.randint(1, 3))
    if chance.random() < 0.3:
        makers.append(firm_list)
    subjects = chance.sample(SUBJECTS, len(makers))
    return [make(chance, chance.choice(TITLES[make]).format(subject)) for make, subject in zip(makers, subjects)]
