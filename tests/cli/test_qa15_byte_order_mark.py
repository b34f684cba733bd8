"""Fresh-eyes QA (session 13): a backup or template saved by Windows Notepad was refused.

Found on the team box: a lead edited a JSON backup and a template by hand in Notepad,
which writes UTF-8 with a byte order mark.  ``journeymap import`` said "is not valid
JSON: Unexpected UTF-8 BOM (decode using utf-8-sig) at line 1, column 1" (Python's
words, not a lead's) and ``templates show`` / ``new --template`` "is not valid TOML
(Invalid statement (at line 1, column 1))".  The mark says nothing about the content
(RFC 8259 lets a reader ignore it), so both are read past it; the text is unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import run_cli

BOM = "\ufeff".encode()
TITLE = "Lockout · Q3 ✓"


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "team.db"
    with Store(path, who="lea") as store:
        return path, int(store.create_workshop(title=TITLE, scenario="s").id or 0)


def test_a_backup_with_a_byte_order_mark_imports_as_it_reads(tmp_path: Path,
                                                             db: tuple[Path, int]) -> None:
    code, backup, _ = run_cli(db[0], "export", str(db[1]), "--format", "json")
    assert code == 0
    edited = tmp_path / "edited.json"
    edited.write_bytes(BOM + backup.encode("utf-8"))
    code, out, err = run_cli(db[0], "import", str(edited))
    assert code == 0, err
    code, again, _ = run_cli(db[0], "export", out.strip(), "--format", "json")
    assert json.loads(again)["workshop"]["title"] == TITLE


def test_a_template_with_a_byte_order_mark_is_shown_and_used(tmp_path: Path,
                                                             db: tuple[Path, int]) -> None:
    saved = tmp_path / "ours.toml"
    assert run_cli(db[0], "templates", "save", str(db[1]), str(saved))[0] == 0
    saved.write_bytes(BOM + saved.read_bytes())
    code, out, err = run_cli(db[0], "templates", "show", str(saved))
    assert code == 0, err
    assert TITLE in out
    code, out, err = run_cli(db[0], "new", "--template", str(saved), "--persona", "p",
                             "--scenario", "s")
    assert code == 0, err
    code, shown, _ = run_cli(db[0], "show", out.strip())
    assert TITLE in shown
