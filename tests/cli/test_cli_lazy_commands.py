"""The root command imports a command's module only when that command runs.

Why: ``journeymap export`` (and ``open``) paid for importing and inspecting all
34 commands of eight modules, about 50 ms of CPU, before doing its own work.
``--help`` still lists every command, in the same order, with its help line.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import typer.main
from typer.testing import CliRunner

from tui.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = ["new", "list", "show", "open", "demo", "delete", "import", "export", "cards",
            "tracker", "plan", "report", "log", "undo", "who", "seat", "role", "invite", "serve",
            "browser-seat", "copy", "upgrade", "future", "costs", "escalation", "reviewed",
            "card-effect", "pain-volume", "templates", "tickets"]


def test_the_table_names_each_module_s_commands_in_order() -> None:
    seen: list[str] = []
    for module_name, names in cli_main.COMMANDS:
        module = importlib.import_module(f"tui.cli.{module_name}")
        registered = list(typer.main.get_group(module.app).commands)
        assert registered == list(names), module_name
        seen += names
    assert [*seen, *cli_main.GROUPS] == EXPECTED


def test_help_lists_every_command_in_order() -> None:
    result = CliRunner().invoke(cli_main.app, ["--help"])
    assert result.exit_code == 0, result.output
    listed = [line.split()[0] for line in result.output.split("Commands:")[1].splitlines()
              if line.startswith("  ") and not line.startswith("   ")]
    assert listed == [name for name in EXPECTED if name != "browser-seat"]  # hidden
    assert "Export a workshop" in result.output
    assert "Import ticket exports" in result.output or "tickets" in result.output


def test_a_group_and_an_unknown_command_behave_as_before() -> None:
    runner = CliRunner()
    result = runner.invoke(cli_main.app, ["tickets", "--help"])
    assert result.exit_code == 0 and "import" in result.output
    result = runner.invoke(cli_main.app, ["templates", "--help"])
    assert result.exit_code == 0
    result = runner.invoke(cli_main.app, ["nope"])
    assert result.exit_code != 0 and "nope" in result.output


def test_export_imports_only_its_own_command_module(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from tui.cli.main import main\n"
        f"sys.argv = ['journeymap', '--db', {str(tmp_path / 'x.db')!r}, 'export', '1']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('tui.cli.')))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    # export_core: the steps of an export (read, render, write); deferred: how main
    # imports Typer (what Typer imports for completion runs on first use)
    assert out.stdout.strip().splitlines()[-1] == "['tui.cli.common', 'tui.cli.deferred', " \
        "'tui.cli.export', 'tui.cli.export_core', 'tui.cli.main']", out.stdout + out.stderr
