"""`journeymap serve` end to end (issue 17): two invited browser seats and one uninvited.

The real server runs as `python -m tui.cli serve` on a free port with a temp database.
Headless clients speak textual-serve's protocol as its page does (read from its
``textual.js``): a websocket to ``ws/TOKEN?width=&height=``, JSON text frames
(``["resize", {...}]``, ``["ping", "..."]``) out, the app's terminal output as binary
frames in.  The terminal stream, with its escape sequences removed, must show the
presence bar with both invited names; the presence table must hold both seats bound
to their invitations; an uninvited visitor gets a 403 and no process.  Waiting polls
with a generous ceiling (no timed asserts).
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="textual-serve (the [serve] extra) is not installed")
aiohttp = pytest.importorskip("aiohttp", reason="aiohttp (a textual-serve dependency) is missing")
pytestmark = pytest.mark.both_engines  # a file, and PostgreSQL where .ci/run starts one

from models.db.store import Store  # noqa: E402
from models.db.tables.seats import Participant  # noqa: E402
from tests.e2e.serve_seat import (  # noqa: E402
    CEILING,
    Seat,
    _env,
    cli,
    free_port,
    seat_processes,
    server_log,
    stop_serving,
    until,
)
from tests.helpers import build_workshop  # noqa: E402


@pytest.fixture
def served(tmp_path: Path, db_path: Path) -> Iterator[tuple[Path, int, str,
                                                        subprocess.Popen[bytes]]]:
    if not Path("/proc").is_dir():
        pytest.skip("the process checks read /proc, which this system does not have")
    db = db_path
    with Store(db, who="tester") as store:
        wid = build_workshop(store)
    port = free_port()
    log = server_log(tmp_path)
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "tui.cli", "serve", "--port", str(port),
                                 "--db", str(db)], stdout=out, stderr=subprocess.STDOUT,
                                env=_env(), start_new_session=True, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + CEILING
    while b"browser seats on" not in log.read_bytes():
        assert proc.poll() is None, log.read_text()
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)
    try:
        yield db, wid, base, proc
    finally:
        stop_serving(proc)


def test_two_invited_seats_see_each_other_and_a_stranger_gets_nothing(
        served: tuple[Path, int, str, subprocess.Popen[bytes]], tmp_path: Path) -> None:
    db, wid, base, proc = served
    links = {}
    for name in ("Kim", "Sam"):
        result = cli(db, "invite", str(wid), name, "--url", base)
        assert result.returncode == 0, result.stderr
        links[name] = result.stdout.strip()

    async def scenario() -> None:
        async with aiohttp.ClientSession() as session:
            # a stranger first: no page, no websocket, no process
            async with session.get(f"{base}/?token=forged") as page:
                assert page.status == 403
                assert "not a valid journeymap invitation" in await page.text()
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(f"{base.replace('http', 'ws')}/ws/forged")
            assert refused.value.status == 403
            assert seat_processes(proc.pid) == 0

            kim, sam = Seat(session, links["Kim"]), Seat(session, links["Sam"])
            await kim.open()
            await sam.open()
            bar = re.compile(r"Here: [^\n]*Kim[^\n]*·[^\n]*Sam|Here: [^\n]*Sam[^\n]*·[^\n]*Kim")
            for seat in (kim, sam):
                await until(lambda s=seat: bar.search(s.screen_text()) or s.closed)  # type: ignore[misc]
                text = seat.screen_text()
                assert bar.search(text), (seat.closed, re.findall(r"Here: .{0,60}", text),
                                          len(seat.stream), text[-1500:])
            assert seat_processes(proc.pid) == 2

            # still two after a stranger knocks again while the seats are open
            async with session.get(f"{base}/?token=") as page:
                assert page.status == 403
            assert seat_processes(proc.pid) == 2

            # an export from a browser seat is a download, never a file on the server
            await kim.ws.send_json(["stdin", "\x1b"])  # leave the field the app opened in
            await asyncio.sleep(0.5)  # past Textual's ESC delay, as a person would be
            await kim.press("5", "Step 5 · Pain points")
            await kim.press("n", "Cards: ")  # the Cards screen's step bar
            for _ in range(10):  # the Cards keys work once its view has focus: press again
                await kim.ws.send_json(["stdin", "x"])
                await until(lambda: any("deliver_file_start" in t for t in kim.texts), 6.0)
                if any("deliver_file_start" in t for t in kim.texts):
                    break
            assert any("deliver_file_start" in t for t in kim.texts), kim.screen_text()[-1500:]
            key = next(json.loads(t)[1] for t in kim.texts if "deliver_file_start" in t)
            async with session.get(f"{base}/download/{key}") as download:
                assert download.status == 200
                assert "filename=admin-locked-out-action-plan.md" in \
                    download.headers["Content-Disposition"]
                assert (await download.text()).startswith("# Admin locked out")

            # revoking Sam's link closes Sam's session (the server re-checks open seats)
            assert cli(db, "invite", str(wid), "Sam", "--revoke").returncode == 0
            await until(lambda: sam.closed)
            assert sam.closed, "the revoked seat stayed open"
            assert not kim.closed
            await kim.ws.close()

    asyncio.run(scenario())
    with Store(db, who="tester", read_only=True) as store:
        people = {p.name: p for p in store.load(wid).participants}
    for name in ("Kim", "Sam"):
        row: Participant = people[name]
        assert row.role == "participant" and row.key.startswith("invite:")
        assert row.origin == "browser 127.0.0.1"
    assert people["Kim"].key != people["Sam"].key
    assert not list(tmp_path.glob("*action-plan.md"))  # the server's working folder
    log = server_log(tmp_path).read_text()
    assert "Traceback" not in log and "token=" not in log
    for token in (link.split("token=")[1] for link in links.values()):
        assert token not in log


def test_a_port_in_use_and_an_open_host_are_one_sentence_each(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="tester") as store:
        build_workshop(store)
    with socket.socket() as taken:
        taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 0)
        try:
            taken.bind(("0.0.0.0", 0))
        except OSError as exc:
            pytest.skip(f"no TCP port can be opened here ({exc})")
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "tui.cli", "serve", "--host", "0.0.0.0",
                                 "--port", str(port), "--db", str(db)], capture_output=True,
                                text=True, timeout=CEILING, env=_env(), check=False)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1, result.stderr
    assert len(lines) == 2 and "Traceback" not in result.stderr, result.stderr
    assert "warning" in lines[0] and "SSH tunnel" in lines[0] and "TLS" in lines[0]
    assert "address already in use" in lines[1]
    assert "browser seats on" not in result.stdout
