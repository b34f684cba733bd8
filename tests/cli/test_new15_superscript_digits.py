"""Fresh-eyes QA (session 13): "²" passed ``str.isdigit`` and then broke ``int()``.

``str.isdigit`` says yes to "²" and "①", which ``int`` refuses, so a check written as
``text.isdigit() and int(text)`` let Python's own words through: "invalid literal for
int() with base 10: '²'".  Seen with ``pain-volume 1 '²'`` (tests/models/
test_new15_pain_rank_digits.py), the template question of ``new`` and a backup whose
plan key reads ``card@²``.  Such text is now treated as the words it is.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.db.store import Store
from models.export.json_backup import export_workshop
from models.export.templates import create_from_template
from models.rules.plan import regenerate_plan
from tests.helpers import run_cli, run_cli_input
from tui.cli import workshops as cli_workshops

PYTHON_WORDS = "invalid literal"


def test_the_template_question_takes_a_superscript_as_a_name(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(db_path).close()
    monkeypatch.setattr(cli_workshops, "_interactive", lambda: True)
    code, out, err = run_cli_input(db_path, "²\n", "new", "--persona", "P", "--scenario", "S")
    assert PYTHON_WORDS not in out + err, err
    assert code == 1 and "no such template" in err, (code, out, err)


@pytest.mark.parametrize("key", ["card@²", "card-²"])
def test_a_backup_with_a_superscript_card_key_imports(db_path: Path, tmp_path: Path,
                                                      key: str) -> None:
    with Store(db_path, who="lea") as store:
        wid = create_from_template(store, "billing-dispute")
        regenerate_plan(store, wid)
        data = json.loads(export_workshop(store, wid))
    task = next(t for t in data["plan_tasks"] if t["key"].startswith("card"))
    task["key"] = key
    backup = tmp_path / "odd.json"
    backup.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run_cli(db_path, "import", str(backup))
    assert PYTHON_WORDS not in out + err, err
    assert code == 0, err
    new_id = out.strip()
    for command in ("plan", "tracker", "export"):
        code, out, err = run_cli(db_path, command, new_id)
        assert PYTHON_WORDS not in out + err and code == 0, (command, err)
