"""A browser seat (`journeymap serve`) through a stop and start of its PostgreSQL server.

Session 14 walked browser seats only against a running server.  Here the server is
the test's own (``private_server``: the shared one must never stop), ``serve`` runs
as ``python -m tui.cli serve`` and the seat speaks textual-serve's websocket protocol
as its page does (``tests.e2e.serve_seat.Seat``).  While the server is stopped, a
typed title is kept and counted, and once the server runs again the title is saved.
(An add refused while away is one sentence: ``tests/tui/test_srv19_structure_away.py``.)
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="textual-serve (the [serve] extra) is not installed")
aiohttp = pytest.importorskip("aiohttp", reason="aiohttp (a textual-serve dependency) is missing")

from models.db.store import Store  # noqa: E402
from tests.e2e.private_server import PrivateServer, private_server  # noqa: E402
from tests.e2e.serve_seat import CEILING, Seat, _env, free_port, stop_serving, until  # noqa: E402
from tests.helpers import build_workshop  # noqa: E402


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[PrivateServer, int, str]]:
    """A private server with a workshop, ``serve`` on it, and Kim's invitation link."""
    with private_server() as server:
        with Store(server.url, who="lea") as store:
            wid = build_workshop(store)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        invited = subprocess.run([sys.executable, "-m", "tui.cli", "--db", server.url, "invite",
                                  str(wid), "Kim", "--url", base], capture_output=True,
                                 text=True, check=True, env=_env())
        log = tmp_path / "serve.log"
        with log.open("wb") as out:
            proc = subprocess.Popen([sys.executable, "-m", "tui.cli", "serve", "--port",
                                     str(port), "--db", server.url], stdout=out,
                                    stderr=subprocess.STDOUT, env=_env(),
                                    start_new_session=True, cwd=tmp_path)
        deadline = time.monotonic() + CEILING
        try:
            while b"browser seats on" not in log.read_bytes():
                assert proc.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.1)
            yield server, wid, invited.stdout.strip()
        finally:
            stop_serving(proc)
        assert "Traceback" not in log.read_text()


def joined(server: PrivateServer, wid: int) -> bool:
    """Kim's seat has joined the workshop from the browser (its presence row)."""
    with Store(server.url, who="check", read_only=True) as store:
        return any(p.name == "Kim" and p.origin.startswith("browser")
                   for p in store.load(wid).participants)


async def typed(seat: Seat, text: str) -> None:
    for char in text:
        await seat.ws.send_json(["stdin", char])


def test_a_browser_seat_keeps_a_title_typed_while_the_server_is_stopped(
        served: tuple[PrivateServer, int, str]) -> None:
    server, wid, link = served

    async def scenario() -> None:
        async with aiohttp.ClientSession() as session:
            kim = Seat(session, link)
            await kim.open()
            await until(lambda: joined(server, wid) or kim.closed)
            assert joined(server, wid), kim.screen_text()[-1500:]  # the seat's store is open
            server.stop()
            await until(lambda: "server away" in kim.screen_text())
            await kim.press("\t", "Title")  # Tab: the title, selected, so typing replaces it
            await typed(kim, "Typed in a browser while down")
            await kim.press("\t", "1 unsaved edit kept")
            await kim.ws.send_json(["stdin", "\x1b"])
            await asyncio.sleep(0.5)  # past Textual's ESC delay, as a person would be
            server.start()
            await until(lambda: "Saved 1 edit kept while the" in kim.screen_text())
            assert "Saved 1 edit kept while the" in kim.screen_text(), kim.screen_text()[-1500:]
            await kim.ws.close()

    asyncio.run(scenario())
    with Store(server.url, who="check") as store:
        assert store.get_workshop(wid).title == "Typed in a browser while down"
