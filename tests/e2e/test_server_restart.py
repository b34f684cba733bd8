"""A seat in a real terminal keeps what is typed while its PostgreSQL server is stopped.

Found from outside (session 13): a field typed while the server was away was
refused, left unmarked, and never saved by itself, while the presence bar said
"edits wait".  Here the server is really stopped and started (``pg_ctl``, a server
of the test's own: the shared one must never stop), the seat runs
``python -m tui.cli open`` in tmux at 80x24, and the typed title must reach the
database once the server is back, with the lead told at each step.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator

import pytest

from models.db.store import Store
from tests.e2e.burst_pane import ROOT, Pane
from tests.e2e.private_server import PrivateServer, private_server
from tests.helpers import build_workshop

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@pytest.fixture
def server() -> Iterator[PrivateServer]:
    with private_server() as started:
        yield started


def until_gone(pane: Pane, text: str, ceiling: float = 60.0) -> None:
    deadline = time.monotonic() + ceiling
    while text in pane.screen():
        assert time.monotonic() < deadline, pane.screen()
        time.sleep(0.1)


def test_a_title_typed_while_the_server_is_stopped_is_saved_once_it_runs_again(
        server: PrivateServer) -> None:
    with Store(server.url, who="lea") as store:
        wid = build_workshop(store)
    socket, session = f"jm-restart-{uuid.uuid4().hex[:8]}", "seat"
    command = (f"JOURNEYMAP_USER=sam {sys.executable} -m tui.cli --db {server.url} open {wid} "
               "--step scope --as sam; sleep 30")
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-s", session, "-x", "80",
                    "-y", "24", "-c", str(ROOT), "-e", "TERM=xterm-256color", command],
                   check=True)
    pane = Pane(socket, session)
    try:
        pane.wait("Persona", 60)
        until_gone(pane, "keys wait")  # the store is open: keys go to the fields
        server.stop()
        pane.wait("server away: typed edits are kept", 60)
        pane.burst("Tab", "Typed while down", "Tab")  # Tab selects the title: typing replaces
        pane.wait("server away: 1 unsaved edit kept", 30)
        server.start()
        pane.wait("Saved 1 edit kept while the server", 60)
        until_gone(pane, "unsaved")
    finally:
        pane.tmux("kill-server")
    with Store(server.url, who="check") as store:
        assert store.get_workshop(wid).title == "Typed while down"
