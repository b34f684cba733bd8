"""QA session 12: lines that are not errors printed user text raw.

``tickets show --format json`` passed C1 controls (U+0080-U+009F: U+009B is a CSI on many
terminals) from a ticket category straight to the terminal: ``json.dumps`` escapes only
C0.  ``tickets import``'s progress line named the file raw on a terminal, and ``new``'s
template question printed names through Rich's markup.  Every such line now goes through
the one rule (``tui.cli.common.say`` / ``tui.safe_text.clean``); JSON escapes every control.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import run_cli
from tui.cli import tickets, workshops

OSC = "\x1b]0;PWNED\x07"
C1 = "\x85\x9b31m\x9d0;t\x9c"


def raw_controls(text: str) -> list[str]:
    """Control characters but the line ends a terminal line needs."""
    return [c for c in text if (ord(c) < 32 and c not in "\n") or 0x7F <= ord(c) <= 0x9F]


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "team.db"
    with Store(path, who="lea") as store:
        return path, int(store.create_workshop(title="Lockout", scenario="s").id or 0)


def test_tickets_show_as_json_escapes_c1_controls(tmp_path: Path, db: tuple[Path, int]) -> None:
    category = f"Login{C1}{OSC}"
    csv = tmp_path / "march.csv"
    csv.write_text(f"id,created_at,status,category\n1,2024-03-01 10:00,solved,{category}\n",
                   encoding="utf-8")
    code, _out, err = run_cli(db[0], "tickets", "import", str(csv), "-w", str(db[1]))
    assert code == 0, err
    code, out, err = run_cli(db[0], "tickets", "show", str(db[1]), "--format", "json")
    assert code == 0, err
    assert raw_controls(out) == []
    assert [rec["group"] for rec in json.loads(out)][:1] == [category]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_import_progress_line_names_the_file_with_marks(
        monkeypatch: pytest.MonkeyPatch) -> None:
    screen = _Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    shown = tickets._Progress(f"{OSC}{C1}march.csv")
    shown(1200)
    line = screen.getvalue()
    assert raw_controls(line.replace("\r", "")) == []
    assert "march.csv: 1,200 rows" in line


def test_the_template_question_shows_names_with_marks(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(workshops, "_interactive", lambda: True)
    monkeypatch.setattr("models.export.templates.template_names",
                        lambda: [f"[bold]{OSC}{C1}lockout"])
    code, out, err = run_cli(tmp_path / "a.db", "new", "--persona", "p", "--scenario", "s")
    assert raw_controls(out + err) == []
    assert "[bold]␛]0;PWNED␇" in err


def test_the_json_backup_escapes_c1_controls_and_reads_back_exactly(
        tmp_path: Path, db: tuple[Path, int]) -> None:
    name = f"Sign-in{C1}\x7f"
    with Store(db[0], who="lea") as store:
        store.create_workshop(title=name, scenario="s")
    code, out, err = run_cli(db[0], "export", "2", "--format", "json")
    assert code == 0, err
    assert raw_controls(out) == []
    assert json.loads(out)["workshop"]["title"] == name


def test_a_templates_persona_offered_as_the_answer_shows_with_marks(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``new --template FILE`` on a terminal offers the file's persona as the default
    answer: the prompt printed it raw."""
    from models.export.templates import save_template
    from tests.helpers import run_cli_input

    persona = f"Admin{OSC}{C1}"
    template = tmp_path / "ours.toml"
    with Store(tmp_path / "source.db", who="lea") as store:
        wid = int(store.create_workshop(title="Ours", persona=persona, scenario="Out").id or 0)
        save_template(store.load(wid), template)
    monkeypatch.setattr(workshops, "_interactive", lambda: True)
    db = tmp_path / "a.db"
    code, out, err = run_cli_input(db, "\n\n", "new", "--template", str(template))
    assert raw_controls(out + err) == []
    assert code == 0, err
    with Store(db, who="check") as store:
        assert store.list_workshops()[0].persona == persona
