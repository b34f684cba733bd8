"""The README's guest recipe, end to end through a real sshd (issue 10).

Two keys in ``authorized_keys``, each with the forced command the README gives:
a lead key and an observer key.  The observer asks for ``--role lead`` on the
SSH command line (sshd puts that in ``SSH_ORIGINAL_COMMAND``, which journeymap
never reads), then presses every edit key on every step and ``x`` with the
database's own path typed in.  The workshop's tables must be byte-identical
apart from presence, and no file may appear in the folder.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.db.tables.seats import Participant
from models.db.tables.workshop import Touchpoint
from models.live import presence
from tests.e2e.ssh_harness import (
    SshServer,
    Tmux,
    ensure_tools,
    forced_key,
    ssh_server,
    wait_until,
)

TITLE = "Guests over SSH"
# What the README puts before the options; the test runs the same module by its path.
JOURNEYMAP = f"{sys.executable} -m tui.cli"
RECIPE = "{journeymap} --db {db} seat {name} --workshop {wid} --role {role} --key {{fingerprint}}"
EDIT_KEYS = ["a", "d", "e", "Enter", "m", "minus", "plus", "S-Up", "S-Down", "r", "s", "t",
             "c", "o", "O", "R", "g", "G", "D", "S", "Escape", "x", "Escape", "h", "w", "v"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    reason = ensure_tools()
    if reason:
        pytest.skip(f"SSH end-to-end test needs openssh-server and tmux: {reason}")
    with ssh_server(tmp_path_factory.mktemp("sshd")) as srv:
        yield srv


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    mux = Tmux()
    yield mux
    mux.kill()


def _workshop(db: Path) -> int:
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title=TITLE).id or 0)
        stage = store.load(wid).stages[0]
        tp = store.add(Touchpoint(stage_id=stage.id or 0, name="Search help centre"))
        store.add(PainPoint(workshop_id=wid, touchpoint_id=tp.id, description="Loops"))
    db.parent.chmod(0o777)
    return wid


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, presence aside (the participant table is each seat's own)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name != 'participant'")]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}
    finally:
        conn.close()


def test_observer_key_changes_nothing_and_writes_nowhere(server: SshServer, tmux: Tmux,
                                                         tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    db = folder / "team.db"
    wid = _workshop(db)
    lead_key, _ = forced_key(server, "lea", RECIPE.format(
        journeymap=JOURNEYMAP, db=db, name="lea", wid=wid, role="lead"))
    kim_key, kim_print = forced_key(server, "kim", RECIPE.format(
        journeymap=JOURNEYMAP, db=db, name="kim", wid=wid, role="observer"))

    tmux.new_session("lea", server.command([], key=lead_key))
    assert tmux.wait_for("lea", TITLE, timeout=60), tmux.capture("lea")
    # kim asks for more through the SSH command line: sshd runs the forced command instead
    tmux.new_session("kim", server.command(
        ["journeymap", "--db", str(db), "open", "--role", "lead", "--as", "lea"], key=kim_key))
    assert tmux.wait_for("kim", "observer", timeout=60), tmux.capture("kim")
    tmux.settle("kim")
    before, files = _tables(db), sorted(p.name for p in folder.iterdir())

    for step in "12345678":
        tmux.send("kim", step)
        tmux.settle("kim", quiet=1.0)
        # one key at a time, like a person: a burst while a step view is still mounting
        # can crash the app (NoMatches on the view's table), which is not what this tests
        for key in EDIT_KEYS:
            tmux.send("kim", key)
            tmux.settle("kim", quiet=0.3)
    # on Plan, x is the export: the database's own path typed after it, key by key (for an
    # observer x opens nothing, so each character is a key press of its own)
    for key in ["x", *str(db), "Enter", "y", "Escape"]:
        if len(key) == 1:
            tmux.type("kim", key)
        else:
            tmux.send("kim", key)
        tmux.settle("kim", quiet=0.2)
    screen = tmux.settle("kim")
    assert tmux.alive("kim") and "Traceback" not in screen, screen
    assert TITLE in screen or "Search help centre" in screen or "Loops" in screen, (
        f"kim left the workshop (Home?):\n{screen}")
    assert "Home" not in screen.split("\n")[-2], screen  # no Home key in the footer

    assert _tables(db) == before
    assert sorted(p.name for p in folder.iterdir()) == files
    with Store(db, who="check", read_only=True) as store:
        seats = {p.name: p for p in store.load(wid).participants}
    assert isinstance(seats["kim"], Participant)
    assert (seats["kim"].role, seats["kim"].key) == ("observer", kim_print)
    assert seats["kim"].origin.startswith("127.0.0.1:")
    assert seats["lea"].role == "lead"


def _role_of(db: Path, wid: int, name: str) -> str:
    with Store(db, who="check", read_only=True) as store:
        return next((p.role for p in presence.participants(store, wid) if p.name == name), "")


def test_a_lead_line_seats_a_lead_only_once_a_lead_granted_the_name(
        server: SshServer, tmux: Tmux, tmp_path: Path) -> None:
    """trust11: the line's ROLE is a cap (a typed `seat` is the same command), the grant decides."""
    folder = tmp_path / "team"
    folder.mkdir()
    db = folder / "team.db"
    wid = _workshop(db)
    sam_key, _ = forced_key(server, "sam", RECIPE.format(
        journeymap=JOURNEYMAP, db=db, name="sam", wid=wid, role="lead"))

    tmux.new_session("sam", server.command([], key=sam_key))
    assert wait_until(lambda: _role_of(db, wid, "sam") != "", 60), tmux.capture("sam")
    assert _role_of(db, wid, "sam") == "participant"
    assert tmux.wait_for("sam", "participant", timeout=60), tmux.capture("sam")

    with Store(db, who="lea") as store:  # the README's step for a guest who leads
        presence.grant(store, wid, "sam", "lead", account=store.account)
    tmux.new_session("sam-again", server.command([], key=sam_key))
    assert tmux.wait_for("sam-again", TITLE, timeout=60), tmux.capture("sam-again")
    screen = tmux.settle("sam-again")
    assert "participant" not in screen and "Traceback" not in screen, screen
    assert _role_of(db, wid, "sam") == "lead"
