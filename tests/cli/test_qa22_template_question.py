"""`journeymap new`'s template question lists every template once.

Found in session 18's walk: since ``blank`` ships as a template file, the numbered list
read "2. blank" and "10. blank", as if there were two blank maps to choose between.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import run_cli_input
from tui.cli import workshops as cli_workshops


def test_the_numbered_templates_name_each_template_once(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(db_path).close()
    monkeypatch.setattr(cli_workshops, "_interactive", lambda: True)
    code, out, err = run_cli_input(db_path, "blank\n", "new", "--persona", "P",
                                   "--scenario", "S")
    assert code == 0, (code, out, err)
    listed = [line.split(". ", 1)[1] for line in err.splitlines()
              if line.strip()[:1].isdigit() and ". " in line]
    assert "blank" in listed and len(listed) == len(set(listed)), listed
