"""The layers of ``src/newsint`` pinned (issue #14): no module imports one of a higher stage, and
no import cycle between packages. Every import counts, those inside functions too (a lazy import
is still a dependency).

    ground   errors, settings, dates, model, source_name, schema (and the package itself)
    readers  bytes in, RawDocument out
    clean    RawDocument -> Document
    kb       knowledge-base loaders and data
    nlp      the spaCy model and its rulers (fed by the KB's names)
    extract  the stages
    pipeline the order of the stages
    store    keeps analyses (SQLite, PostgreSQL)
    ingest   files -> pipeline -> store
    corpus   cross-document analysis over the store's articles
    export   renderers and exports
    eval     the scorer and the benchmarks
    cli      the doors: cli, cli_corpus, doctor, __main__
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "newsint"

LAYERS = [
    {"newsint", "errors", "settings", "dates", "model", "source_name", "schema"},
    {"readers"},
    {"clean"},
    {"kb"},
    {"nlp"},
    {"extract"},
    {"pipeline"},
    {"store"},
    {"ingest"},
    {"corpus"},
    {"export"},
    {"eval"},
    {"cli", "cli_corpus", "doctor", "__main__"},
]
# The one known cycle, left for issue #14's `cli/` package (cli.py registers the corpus commands
# by importing cli_corpus, which imports ``app`` back). Pinned so that no other appears.
KNOWN_CYCLES = ["cli <-> cli_corpus"]
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
                # "from newsint import cli_corpus" imports the module newsint.cli_corpus.
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


def test_no_import_cycle_between_layer_units() -> None:
    graph: dict[str, set[str]] = {}
    for importer, imported in _imports():
        a, b = _unit(importer), _unit(imported)
        if a != b and RANK[a] == RANK[b]:  # across layers the test above already orders them
            graph.setdefault(a, set()).add(b)
    cycles = sorted(f"{a} <-> {b}" for a, targets in graph.items() for b in targets if a in graph.get(b, ()) and a < b)
    assert cycles == KNOWN_CYCLES
