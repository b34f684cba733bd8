"""Fresh-eyes QA (session 13): a backup's change log could put "²" into ``int()``.

A JSON backup carries its change log.  One whose last line read "undid change ²" made
``journeymap log`` answer "invalid literal for int() with base 10: '²'" for the whole
workshop: ``undo.undone_id`` asked ``str.isdigit``, which says yes to "²".  Such a line is
now read as words.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.db.store import Store
from models.export.json_backup import export_workshop
from models.export.templates import create_from_template
from tests.helpers import run_cli


@pytest.mark.parametrize("summary", ["undid change ²", "undid change ①"])
def test_a_planted_undo_line_is_words(db_path: Path, tmp_path: Path, summary: str) -> None:
    with Store(db_path, who="lea") as store:
        wid = create_from_template(store, "billing-dispute")
        data = json.loads(export_workshop(store, wid))
    data["changelog"].append({**data["changelog"][-1], "summary": summary})
    backup = tmp_path / "planted.json"
    backup.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run_cli(db_path, "import", str(backup))
    assert code == 0, err
    new_id = out.strip()
    for command in ("log", "undo"):
        code, out, err = run_cli(db_path, command, new_id)
        assert "invalid literal" not in out + err and code in (0, 1), (command, err)
    code, out, _ = run_cli(db_path, "log", new_id)
    assert code == 0 and summary[-1] in out
