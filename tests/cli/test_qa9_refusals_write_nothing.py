"""A refused command writes nothing at all (qa9): not a byte, not the mtime, no side file.

Why: on a team box the observer and the colleague with no role in a workshop have a shell
and run the same commands as the lead.  The refusal is one sentence, and the file must be
exactly as it was: a refused command that still left ``team.db-wal``/``-shm`` behind (with
the refuser's umask) or touched the file's mtime would lock the next writer out or make a
backup tool copy an unchanged file.  Every command that changes data is run here as an
observer account and as an account with no role.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from models.db.store import Store
from models.live import presence
from tests.helpers import as_account
from tui.cli.main import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "models" / "tickets" / "fixtures"

COMMANDS = [
    ("delete", "{wid}", "--yes"),
    ("plan", "{wid}", "--regenerate"),
    ("plan", "{wid}", "--regenerate", "--start", "2026-03-02"),
    ("role", "{wid}", "olga", "lead"),
    ("role", "{wid}", "mallory", "lead"),
    ("templates", "save", "{wid}", "{out}/copy.toml"),
    ("import", "{out}/backup.json"),
    ("new", "--template", "blank", "--persona", "p", "--scenario", "s"),
    ("demo", "--no-open"),
    ("future", "{wid}"),
    ("costs", "{wid}", "phone", "25", "--confirm"),
    ("card-effect", "{wid}", "{card}", "--deflection", "30%"),
    ("escalation", "{wid}", "--add", "--severity", "Sev-9"),
    ("escalation", "{wid}", "--delete", "1"),
    ("escalation", "{wid}", "--set", "1", "--tier", "Tier 9"),
    ("reviewed", "{wid}"),
    ("tickets", "import", str(FIXTURES / "zendesk_tickets.csv"), "-w", "{wid}"),
    ("tickets", "hours", "{wid}", "--tz", "Europe/Berlin"),
    ("tickets", "hours", "{wid}", "--clear"),
    ("tickets", "map", "{wid}", "Password reset", "--stage", "Contact"),
    ("tickets", "link-card", "{wid}", "{card}", "--metric", "tickets", "--target", "-30%"),
    ("tickets", "apply", "{wid}"),
    ("invite", "{wid}", "Kim", "--role", "observer"),
    ("invite", "{wid}", "Kim", "--revoke"),
]


def cli(db: Path, *args: str) -> str:
    """A command in its own process, as the lead: it closes the file when it ends."""
    done = subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db), *args],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """A lead's workshop with a card and a JSON backup; ``olga`` has taken an observer seat."""
    folder = tmp_path_factory.mktemp("box")
    db = folder / "team.db"
    wid = int(cli(db, "new", "--template", "login-lockout", "--persona", "IT admin",
                  "--scenario", "Locked out").strip())
    with Store(db, who="lea") as store:
        from models.rules.demo import complete_demo

        complete_demo(store, wid, dt.date(2026, 3, 2))
        card = store.load(wid).cards[0].id or 0
        presence.grant(store, wid, "olga", "observer")
    mp = pytest.MonkeyPatch()
    as_account(mp, "olga")
    with Store(db, who="olga") as store:
        assert presence.join(store, wid, "olga").role == "observer"
    mp.undo()
    cli(db, "export", str(wid), "--format", "json", "-o", str(folder / "backup.json"))
    assert sorted(p.name for p in folder.iterdir()) == ["backup.json", "team.db"]
    return db, wid, card


def snapshot(db: Path) -> tuple[bytes, int, list[str]]:
    """The file as a process that has ended would leave it: commands run in this process
    close their stores when collected, as a real command's do at exit."""
    gc.collect()
    gc.collect()  # a second pass for what the first one's finalizers released
    return db.read_bytes(), os.stat(db).st_mtime_ns, sorted(p.name for p in db.parent.iterdir())


@pytest.mark.parametrize("account", ["olga", "mallory"])
@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c[:3]) for c in COMMANDS])
def test_a_refused_command_leaves_the_file_untouched(
        shared: tuple[Path, int, int], monkeypatch: pytest.MonkeyPatch, account: str,
        args: tuple[str, ...]) -> None:
    db, wid, card = shared
    before = snapshot(db)
    as_account(monkeypatch, account)
    argv = [a.format(wid=wid, card=card, out=db.parent) for a in args]
    result: Any = runner.invoke(app, ["--db", str(db), *argv])
    code, output = result.exit_code, result.output
    del result  # its traceback holds the command's frames, and so its store
    assert code == 1, output
    assert output.count("\n") == 1 and "Traceback" not in output, output
    assert f"account {account}" in output, output
    assert snapshot(db) == before
