"""The layers of ``src/newsint`` pinned (issue #14): no module imports one of a higher stage, no
import cycle between packages, and none between the modules of the ``cli`` package (its command
modules import ``cli.common``; ``cli/__init__`` registers them). Every import counts, those inside
functions too (a lazy import is still a dependency).

    ground   errors, settings, dates, model, source_name, schema, cache (and the package itself)
    readers  bytes in, RawDocument out
    clean    RawDocument -> Document
    kb       knowledge-base loaders and data
    nlp      the spaCy model and its rulers (fed by the KB's names)
    extract  the stages (lang: the stages of other languages, beside them)
    pipeline the order of the stages
    store    keeps analyses (SQLite, PostgreSQL)
    runner   the pipeline in worker processes (a process pool, Dask) and shard outputs to the store
    ingest   files -> pipeline -> store
    corpus   cross-document analysis over the store's articles
    export   renderers and exports
    eval     the scorer and the benchmarks
    serve    the HTTP API and the dashboard (a door, under the cli that starts it)
    cli      the doors: the cli package (the newsint command), __main__
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "newsint"

LAYERS = [
    {"newsint", "errors", "settings", "dates", "model", "source_name", "schema", "cache"},
    {"readers"},
    {"clean"},
    {"kb"},
    {"nlp"},
    {"extract", "lang"},
    {"pipeline"},
    {"store"},
    {"runner"},
    {"ingest"},
    {"corpus"},
    {"export"},
    {"eval"},
    {"serve"},
    {"cli", "__main__"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _unit(module: str) -> str:
    """The layer unit of a dotted module name: its first part below ``newsint``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "newsint"


def _module_name(path: Path) -> str:
    relative = path.relative_to(SRC.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(dotted: str) -> bool:
    path = SRC.parent.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imports() -> list[tuple[str, str]]:
    """(importing module, imported newsint module) for every import statement in src/newsint."""
    edges: list[tuple[str, str]] = []
    for path in sorted(SRC.rglob("*.py")):
        name = _module_name(path)
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    targets = [".".join([*base, node.module] if node.module else base)]
                else:
                    targets = [node.module or ""]
                # "from newsint.cli import corpus" imports the module newsint.cli.corpus.
                targets += [
                    f"{targets[0]}.{alias.name}" for alias in node.names if _is_module(f"{targets[0]}.{alias.name}")
                ]
            else:
                continue
            edges += [(name, target) for target in targets if target == "newsint" or target.startswith("newsint.")]
    return edges


def test_every_module_has_a_layer() -> None:
    units = {_unit(_module_name(path)) for path in SRC.rglob("*.py")}
    assert units <= set(RANK), f"modules without a layer: {sorted(units - set(RANK))}"


def test_no_module_imports_a_higher_stage() -> None:
    upward = sorted(
        f"{importer} -> {imported}"
        for importer, imported in _imports()
        if RANK[_unit(imported)] > RANK[_unit(importer)]
    )
    assert upward == []


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle in ``graph`` (importer -> what it imports), as the nodes around it (the
    first repeated at the end); [] when there is none. Any length, not only a <-> b."""
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as error:
        return error.args[1]
    return []


def _unit_graph(edges: list[tuple[str, str]], rank: dict[str, int] = RANK) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for importer, imported in edges:
        a, b = _unit(importer), _unit(imported)
        if a != b and rank[a] == rank[b]:  # across layers the test above already orders them
            graph.setdefault(a, set()).add(b)
    return graph


def test_no_import_cycle_between_layer_units() -> None:
    # None left: the last, cli <-> cli_corpus, went with the cli/ package (issue #14).
    assert _cycle(_unit_graph(_imports())) == []


def test_no_import_cycle_inside_the_cli_package() -> None:
    graph: dict[str, set[str]] = {}
    for importer, imported in _imports():
        if _unit(importer) == _unit(imported) == "cli" and importer != imported:
            graph.setdefault(importer, set()).add(imported)
    assert "newsint.cli.common" in graph.get("newsint.cli.analyze", ())  # the graph is the real one
    assert _cycle(graph) == []


def test_the_cycle_finder_finds_cycles() -> None:
    """The checks above would pass on a finder that finds nothing: it must find a pair, a longer
    loop, and a layer-unit cycle made of module imports (cli.py and cli_corpus.py, before #14)."""
    assert _cycle({"a": {"b"}, "b": {"a"}})
    assert set(_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})) == {"a", "b", "c"}
    assert _cycle({"a": {"b"}, "b": {"c"}}) == []
    before = [("newsint.cli", "newsint.cli_corpus.x"), ("newsint.cli_corpus", "newsint.cli.common")]
    assert set(_cycle(_unit_graph(before, {**RANK, "cli_corpus": RANK["cli"]}))) == {"cli", "cli_corpus"}
