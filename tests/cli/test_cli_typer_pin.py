"""The Typer versions pyproject.toml allows are ones the command line runs on.

``tui.cli`` imports Typer's own copy of Click (``typer._click``: its exceptions and
``IntParamType``), which Typer carries from 0.26.0 on; 0.24 and 0.25 depend on the
separate ``click`` package and have no ``typer._click``.  With one of those installed
(an older venv, a distribution's package), ``journeymap --help`` was a traceback
(``ModuleNotFoundError: No module named 'typer._click'``).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENDORED_CLICK_SINCE = (0, 26)


def test_the_lowest_typer_allowed_carries_the_click_the_command_line_imports() -> None:
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "dependencies"]
    typer = next(d for d in dependencies if re.match(r"typer\b", d))
    lowest = re.search(r">=\s*([\d.]+)", typer)
    assert lowest is not None, typer
    assert tuple(int(part) for part in lowest.group(1).split(".")) >= VENDORED_CLICK_SINCE, typer
    used = {path.relative_to(ROOT).as_posix() for path in (ROOT / "tui").rglob("*.py")
            if "typer._click" in path.read_text(encoding="utf-8")}
    assert used  # the reason for the bound: drop it when nothing imports typer._click
