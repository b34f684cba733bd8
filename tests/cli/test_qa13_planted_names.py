"""Fresh-eyes QA (session 12): a file name planted in the shared folder drove the lead's terminal.

Found on the team box: qa13bob (same group) put a file named
``ESC ]52;c;ZWNobyBwd25lZA== BEL ESC ]0;PWNED BEL .json`` into the setgid folder; qa13lea
ran ``journeymap import /srv/qa13n/*.json`` and ``tickets import … -w 1``.  Each refusal
printed the name raw: OSC 52 put "echo pwned" into her clipboard (xterm, kitty, tmux
with set-clipboard) and OSC 0 retitled her window.  The same went for ``export -o``'s
"Wrote …" line and a ticket export's column names.  Every line the CLI prints now shows
control characters as marks (``tui.cli.common.say``), as the app does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import run_cli

OSC = "\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b]0;PWNED\x07"
RAW = ("\x1b", "\x07", "\x9b")


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "team.db"
    with Store(path, who="lea") as store:
        return path, int(store.create_workshop(title="Lockout", scenario="s").id or 0)


def no_raw_controls(*texts: str) -> None:
    for text in texts:
        assert not [c for c in RAW if c in text], repr(text)


@pytest.mark.parametrize("command", [["import", "FILE"], ["tickets", "import", "FILE", "-w", "1"],
                                     ["tickets", "import", "FILE", "-w", "1", "--dry-run"]])
def test_a_refused_file_is_named_with_marks(tmp_path: Path, db: tuple[Path, int],
                                            command: list[str]) -> None:
    planted = tmp_path / f"{OSC}\x9b31m.json"
    planted.write_text("{}", encoding="utf-8")
    code, out, err = run_cli(db[0], *[str(planted) if a == "FILE" else a for a in command])
    assert code == 1
    no_raw_controls(out, err)
    assert "␛]0;PWNED␇" in err


def test_the_wrote_line_of_an_export_shows_the_name_with_marks(tmp_path: Path,
                                                               db: tuple[Path, int]) -> None:
    target = tmp_path / f"{OSC}plan.md"
    code, out, err = run_cli(db[0], "export", str(db[1]), "-o", str(target))
    assert code == 0 and target.exists()
    no_raw_controls(out, err)
    assert "plan.md" in err


def test_a_ticket_exports_column_names_reach_the_terminal_as_marks(
        tmp_path: Path, db: tuple[Path, int]) -> None:
    csv = tmp_path / "march.csv"
    csv.write_text(f"id,created_at,status,{OSC}category\n1,2024-03-01 10:00,solved,a\n"
                   "2,2024-03-02 10:00,open,b\n", encoding="utf-8")
    code, out, err = run_cli(db[0], "tickets", "import", str(csv), "-w", str(db[1]),
                             "--dry-run", "--map", f"category={OSC}category")
    no_raw_controls(out, err)
    assert code == 0, err
    assert "␛]0;PWNED␇category" in out
