"""The package's modules import each other without cycles, counting imports inside functions too:
an import moved into a function still ties the two modules together; only imports under
``if TYPE_CHECKING:`` (annotations, never run) are left out."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

import kg

PACKAGE_ROOT = Path(kg.__file__).resolve().parent


def module_names() -> dict[str, Path]:
    """Dotted name -> source file for every module of the package."""
    modules = {}
    for path in sorted(PACKAGE_ROOT.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE_ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imported_modules(tree: ast.AST, module: str, is_package: bool, modules: set[str]) -> set[str]:
    """The package's modules that import statements anywhere in the tree load: ``from X import
    name`` loads the submodule X.name when there is one, else X itself."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found & modules - {module}


def import_graph() -> nx.DiGraph:
    """Module -> the modules it imports, read from the source."""
    modules = module_names()
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name in imported_modules(tree, module, path.name == "__init__.py", set(modules)):
            graph.add_edge(module, name)
    return graph


def test_the_import_graph_reads_imports_anywhere_but_under_type_checking():
    source = """
from typing import TYPE_CHECKING
from kg.graph import store
import kg.model
if TYPE_CHECKING:
    from kg.graph.persistence import Resolution
def later():
    from kg.analysis.network import summary
"""
    modules = set(module_names())
    found = imported_modules(ast.parse(source), "kg.example", False, modules)
    assert found == {"kg.graph.store", "kg.model", "kg.analysis.network"}


def test_the_import_graph_is_built_from_the_source():
    graph = import_graph()
    assert graph.has_edge("kg.cli", "kg.pipeline")  # inside a command function
    assert graph.has_edge("kg.pipeline", "kg.graph.persistence")


def test_no_module_imports_itself_back_through_others():
    cycles = [sorted(component) for component in nx.strongly_connected_components(import_graph())
              if len(component) > 1]
    assert cycles == [], "import cycles among kg modules: " + "; ".join(
        " <-> ".join(component) for component in cycles)


# what each layer may not import: the layers beside it and above it (docs/ARCHITECTURE.md)
ABOVE = {
    "kg.read": ("kg.extract", "kg.graph", "kg.query", "kg.analysis", "kg.devtools", "kg.pipeline", "kg.cli"),
    "kg.graph": ("kg.read", "kg.extract", "kg.query", "kg.analysis", "kg.devtools", "kg.pipeline", "kg.cli"),
    "kg.query": ("kg.read", "kg.extract", "kg.analysis", "kg.devtools", "kg.pipeline", "kg.cli"),
    "kg.analysis": ("kg.read", "kg.extract", "kg.query", "kg.devtools", "kg.pipeline", "kg.cli"),
    "kg.devtools": ("kg.query", "kg.analysis", "kg.pipeline", "kg.cli"),
    "kg.pipeline": ("kg.query", "kg.analysis", "kg.devtools", "kg.cli"),
}


def test_each_layer_imports_only_the_layers_below_it():
    upward = [f"{module} -> {imported}" for module, imported in import_graph().edges()
              for layer, above in ABOVE.items()
              if (module == layer or module.startswith(layer + "."))
              and any(imported == name or imported.startswith(name + ".") for name in above)]
    assert upward == []
