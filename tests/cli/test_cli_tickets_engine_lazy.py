"""The data-frame library behind ``tickets import`` (polars) is imported by that command only.

Why: importing it costs about 0.2 s and 50 MB; ``--help``, ``open``, ``export`` and
``tickets show`` (which reads stored readings) must not pay for it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from models.db.store import Store

ROOT = Path(__file__).resolve().parents[2]
CSV = "ticket_id,created_at,resolved_at,status,category\n1,2024-01-02 10:00,,Open,Login\n"


def _modules_after(args: list[str], tmp_path: Path) -> set[str]:
    script = (
        "import sys\n"
        "from tui.cli.main import main\n"
        f"sys.argv = ['journeymap', '--db', {str(tmp_path / 'x.db')!r}, *{args!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('polars', 'duckdb')))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    return set(eval(out.stdout.strip().splitlines()[-1]))  # noqa: S307 - our own print


def test_help_export_and_show_do_not_import_the_engine_library(tmp_path: Path) -> None:
    for args in (["--help"], ["export", "1"], ["tickets", "show", "1"], ["tickets", "--help"]):
        assert "polars" not in _modules_after(args, tmp_path), args


def test_tickets_import_does(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db", who="tester")
    wid = str(store.create_workshop(title="T").id)
    store.close()
    export = tmp_path / "export.csv"
    export.write_text(CSV, encoding="utf-8")
    found = _modules_after(["tickets", "import", str(export), "--workshop", wid, "--dry-run"],
                           tmp_path)
    assert "polars" in found and "duckdb" not in found
