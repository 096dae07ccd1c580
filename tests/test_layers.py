"""The package's layers, read from the code with ``ast`` (as the shared bench/import_circles.py reads them).

Every import of every module of ``pipeline/``, at the top and inside functions, absolute and
relative. A package's ``__init__`` counts as its own module; ``from pkg import name`` is an import of
``pkg.name`` when that is a module, else of ``pkg``. The rules:

(a) no import circle among pipeline's modules;
(b) ``pipeline/base/`` imports nothing of pipeline outside ``base``;
(c) ``pipeline/running/`` imports no stage family and not ``stages``, ``run`` or ``cli``;
(d) no stage family imports ``run``, ``stages`` or ``cli``.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"
TOP = PACKAGE.name
FAMILIES = ("intake", "text", "ocr", "danish", "second_look", "tables", "validate", "publish")
DRIVERS = ("stages", "run", "cli")


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = modules()


def absolute(module: str, node: ast.ImportFrom) -> str:
    """The module a ``from ... import`` names, its dots resolved against ``module``."""
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if MODULES[module].name != "__init__.py":
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str) -> dict[str, int]:
    """Pipeline's modules that ``module`` imports, each with the line of its first import."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = absolute(module, node)
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != module and (target == TOP or target.startswith(TOP + ".")):
                found.setdefault(target, node.lineno)
    return found


GRAPH = {module: imports_of(module) for module in MODULES}


def circles() -> list[tuple[list[str], list[str]]]:
    """The strongly connected components of more than one module (Tarjan): one circle through each, and its modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    return [(path_through(component), component) for component in found]


def path_through(component: list[str]) -> list[str]:
    """One import circle inside a strongly connected component: a -> b -> ... -> a (breadth first from its first)."""
    members = set(component)
    start = component[0]
    previous: dict[str, str] = {}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(GRAPH[v]):
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if w in members and w not in previous:
                previous[w] = v
                queue.append(w)
    return component  # unreachable: a component of more than one module has a circle through each member


def family(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def breaches(importers, forbidden) -> list[str]:
    return [
        f"{MODULES[m].relative_to(PACKAGE.parent)}:{line} imports {t}"
        for m in sorted(GRAPH)
        if importers(m)
        for t, line in sorted(GRAPH[m].items())
        if forbidden(t)
    ]


def test_the_walk_finds_the_package_and_its_imports():
    assert {"pipeline.base", "pipeline.running", "pipeline.run", "pipeline.cli"} <= set(MODULES)
    assert sum(len(targets) for targets in GRAPH.values()) > len(MODULES)


def test_resolution_of_relative_imports():
    tree = ast.parse("from . import x\nfrom ..base import models\nfrom .words import y")
    first, second, third = tree.body
    assert absolute("pipeline.text", first) == "pipeline.text"  # a package's __init__: its own folder
    assert absolute("pipeline.text.words", second) == "pipeline.base"
    assert absolute("pipeline.text.words", third) == "pipeline.text.words"


def test_no_import_circle():
    found = circles()
    assert not found, f"{len(found)} import circles:\n" + "\n".join(
        " -> ".join(circle)
        + (
            f"  (one of {len(modules)} modules in a knot: {', '.join(modules)})"
            if len(modules) > len(circle) - 1
            else ""
        )
        for circle, modules in found
    )


def test_base_imports_only_base():
    found = breaches(lambda m: family(m) == "base", lambda t: family(t) != "base")
    assert not found, "\n".join(found)


def test_running_imports_no_stage_family_and_no_driver():
    found = breaches(lambda m: family(m) == "running", lambda t: family(t) in FAMILIES + DRIVERS)
    assert not found, "\n".join(found)


def test_stage_families_do_not_import_the_drivers():
    found = breaches(lambda m: family(m) in FAMILIES, lambda t: family(t) in DRIVERS)
    assert not found, "\n".join(found)
