"""The house rules of the code base, checked from the source (``ast``, nothing imported).

- no import cycle among the modules of ``models/`` and ``tui/``: an import inside a
  function counts, and so does one under ``if TYPE_CHECKING:`` (a type-only
  back-reference is still a module that knows its caller);
- ``models/`` imports nothing from Textual, Typer, Rich or ``tui``;
- ``tui/`` holds at most six modules at its top level, and every package's
  ``__init__.py`` is a docstring only (a re-export would import SQLModel early).

import-linter (``lint-imports``, contracts in pyproject.toml) enforces the layers in
CI too; this test also sees function-level imports and names the cycle it finds.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("models", "tui")


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path) -> set[str]:
    """Every module name imported anywhere in the file (top level, functions, TYPE_CHECKING)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: {other for other in _imports(name, path) if other in modules and other != name}
            for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, list[str]]] = [(root, sorted(graph[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, todo = work[-1]
            if todo:
                nxt = todo.pop()
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, sorted(graph[nxt])))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_checker_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles_in_models_and_tui() -> None:
    graph = import_graph()
    assert len(graph) > 50  # the walk found the code
    assert cycles(graph) == []


def test_models_import_no_ui_library() -> None:
    banned = ("textual", "typer", "rich", "tui")
    offenders = sorted(
        f"{name} imports {other}"
        for name, path in _modules().items() if name.startswith("models")
        for other in _imports(name, path) if other.split(".")[0] in banned)
    assert offenders == []


def test_vocab_is_stdlib_only() -> None:
    imported = _imports("models.vocab", ROOT / "models" / "vocab.py")
    assert {name.split(".")[0] for name in imported} <= {"__future__"}


def test_tui_top_level_is_small_and_packages_are_docstrings() -> None:
    top = sorted(p.name for p in (ROOT / "tui").glob("*.py") if p.name != "__init__.py")
    assert len(top) <= 6, top
    for init in sorted([*ROOT.joinpath("models").rglob("__init__.py"),
                        *ROOT.joinpath("tui").rglob("__init__.py")]):
        tree = ast.parse(init.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{init} has no docstring"
        assert len(tree.body) == 1, f"{init} holds more than its docstring"
