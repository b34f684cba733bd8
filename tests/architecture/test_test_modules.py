"""Test modules never import one another: what they share lives in a helper module.

A test module that imports another runs that module's set-up at import time, makes
pytest collect its tests in two places' context, and ties two specs together so that
tidying one breaks the other. ``tests/helpers.py`` says where shared set-up goes (it,
a helper module beside the tests, or a conftest fixture); this test holds every file
under ``tests/`` to that, counting imports inside functions too (checked with ``ast``,
nothing imported).
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def imported_test_modules(source: str, package: str) -> list[str]:
    """The project's ``test_*`` modules a file imports, by dotted name, wherever it stands.

    A library's own (``aiohttp.test_utils``) is not a test module of ours.

    ``package`` is the file's own package (``tests.tui``), for relative imports.
    """
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        found.extend(name for name in names
                     if name.startswith("tests.") and name.rpartition(".")[2].startswith("test_")
                     and name not in found)
    return found


def offenders() -> list[str]:
    rows: list[str] = []
    for path in sorted(TESTS.rglob("*.py")):
        package = ".".join(path.relative_to(TESTS.parent).parent.parts)
        for name in imported_test_modules(path.read_text(encoding="utf-8"), package):
            rows.append(f"{path.relative_to(TESTS.parent)} imports {name}")
    return rows


def test_the_checker_sees_every_form_of_import() -> None:
    source = (
        "import tests.tui.test_a\n"
        "from tests.models.test_b import late_map\n"
        "from tests.e2e import test_c as bursts\n"
        "from .test_d import ROWS\n"
        "def later():\n"
        "    from tests.tui.test_e import settle\n"
        "from tests.helpers import build_workshop\n"
        "from tests.tui.views import all_built\n"
        "from aiohttp.test_utils import TestClient\n"
        "from tests.e2e.test_c import load\n")
    assert imported_test_modules(source, "tests.tui") == [
        "tests.tui.test_a", "tests.models.test_b", "tests.e2e.test_c", "tests.tui.test_d",
        "tests.tui.test_e"]


def test_no_test_module_imports_another() -> None:
    assert len(list(TESTS.rglob("test_*.py"))) > 100  # the walk found the tests
    assert offenders() == []
