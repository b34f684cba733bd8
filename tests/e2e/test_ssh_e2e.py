"""End to end over a real SSH server: two tmux panes each ``ssh -tt`` into ``journeymap open``.

Skipped (with the reason) when sshd/tmux are missing and cannot be installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.workshop import Touchpoint
from tests.e2e.ssh_harness import SshServer, Tmux, ensure_tools, remote_env, ssh_server
from tests.helpers import journeymap_shell

TITLE = "Pairing over SSH"
TYPED = "Reset link"  # short enough not to be cut in an 80-100 column table


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


@pytest.fixture
def journeymap() -> str:
    return journeymap_shell()


def _workshop(db: Path) -> int:
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title=TITLE).id or 0)
        stage = store.load(wid).stages[0]
        store.add(Touchpoint(stage_id=stage.id or 0, name="Search help centre"))
    db.parent.chmod(0o777)
    return wid


def test_ssh_runs_commands_as_the_test_user(server: SshServer, journeymap: str,
                                            tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    wid = _workshop(db)
    done = server.run([*remote_env(), journeymap, "--db", str(db), "list"])
    assert done.returncode == 0, done.stderr
    assert TITLE in done.stdout and str(wid) in done.stdout


def test_two_ssh_sessions_open_the_same_workshop(server: SshServer, tmux: Tmux,
                                                 journeymap: str, tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    wid = _workshop(db)
    for name in ("lea", "sam"):
        tmux.new_session(name, server.command(
            [*remote_env(), journeymap, "--db", str(db), "open", str(wid), "--as", name,
             "--step", "touchpoints"]))
    for name in ("lea", "sam"):
        assert tmux.wait_for(name, "Search help centre", timeout=60), (
            f"{name}'s screen never showed the workshop:\n{tmux.capture(name)}")
    for name in ("lea", "sam"):
        # the title alone could also be inside a crash report: the app must be running
        screen = tmux.settle(name)
        assert tmux.alive(name) and "Traceback" not in screen and "Error" not in screen, (
            f"{name}'s journeymap is not running:\n{screen}")
    assert TYPED not in tmux.capture("sam")
    # lea adds a touchpoint (a), clears the default name and types one; Enter saves it
    tmux.send("lea", "a")
    assert tmux.wait_for("lea", "New touchpoint", timeout=20), tmux.capture("lea")
    # like a person, look before typing: the cursor moves into the new name after the
    # row is drawn; keys in the same burst as "a" would still reach the table
    tmux.settle("lea", quiet=0.5)
    tmux.send("lea", "C-a", "C-k")
    tmux.type("lea", TYPED)
    tmux.send("lea", "Enter")
    # sam's pane shows it through live refresh alone: nobody touched sam's keyboard
    assert tmux.wait_for("sam", TYPED, timeout=20), (
        f"sam never saw lea's touchpoint:\n{tmux.capture('sam')}\n--- lea:\n"
        f"{tmux.capture('lea')}")
    assert tmux.wait_for("sam", "lea★", timeout=20), tmux.capture("sam")  # presence bar
    with Store(db, who="check") as store:
        names = [tp.name for tp in store.load(wid).ordered_touchpoints()]
    assert TYPED in names
