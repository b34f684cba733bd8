"""Browser seat bench: how long until a browser tab shows the workshop, and what a tab costs.

Setup: ``journeymap serve`` on a free port with a temp database holding the demo
workshop, N invitations, N headless tabs (textual-serve's websocket protocol, as in
``tests/e2e/test_serve.py``) opened one after another.  For each tab: the time from
opening the websocket to the first bytes of the app and to the first full frame (the
workshop title on screen); once all are in, the time until every tab's presence bar
lists all N names; and each tab process's resident memory (VmRSS from /proc).

Floor measured in the same run: ``python -m tui.cli --version`` (a bare Python start
with journeymap's CLI), so the tab times read as a ratio of what any process costs.

    python bench/serve.py            # 4 tabs
    python bench/serve.py --seats 2
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.db import invites  # noqa: E402
from models.db.store import Store  # noqa: E402
from tests.helpers import build_workshop  # noqa: E402

ESCAPES = re.compile(rb"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-_])")
NAMES = ["Kim", "Sam", "Ola", "Raj", "Eve", "Lin", "Tom", "Ana"]


def floor_s() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tui.cli", "--version"], check=True,
                   capture_output=True)
    return time.perf_counter() - start


def rss_mb(server_pid: int) -> list[float]:
    """VmRSS of every browser-seat process below the server."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmd = (entry / "cmdline").read_bytes()
            status = (entry / "status").read_text()
        except OSError:
            continue
        if b"browser-seat" in cmd and b"/bin/sh" not in cmd:
            rss = re.search(r"VmRSS:\s+(\d+) kB", status)
            if rss:
                out.append(int(rss.group(1)) / 1024)
    return out


async def tab(session: aiohttp.ClientSession, ws_base: str, token: str,
              stamps: dict[str, float], streams: list[bytearray]) -> None:
    stream = bytearray()
    streams.append(stream)
    start = time.perf_counter()
    ws = await session.ws_connect(f"{ws_base}/ws/{token}?width=120&height=40")
    await ws.send_json(["resize", {"width": 120, "height": 40}])
    async for message in ws:
        if message.type == aiohttp.WSMsgType.BINARY:
            if not stream:
                stamps["first_byte"] = time.perf_counter() - start
            stream += message.data
            if "frame" not in stamps and b"Admin locked out" in ESCAPES.sub(b"", bytes(stream)):
                stamps["frame"] = time.perf_counter() - start


async def run(base: str, tokens: list[str], names: list[str],
              server_pid: int) -> tuple[list[dict[str, float]], float, list[float]]:
    all_stamps: list[dict[str, float]] = []
    streams: list[bytearray] = []
    tasks = []
    async with aiohttp.ClientSession() as session:
        for token in tokens:
            stamps: dict[str, float] = {}
            all_stamps.append(stamps)
            tasks.append(asyncio.create_task(tab(session, base.replace("http", "ws", 1), token,
                                                 stamps, streams)))
            while "frame" not in stamps:
                await asyncio.sleep(0.05)
        start = time.perf_counter()

        def everyone_everywhere() -> bool:
            for stream in streams:
                text = ESCAPES.sub(b"", bytes(stream)).decode("utf-8", "replace")
                bars = re.findall(r"Here: [^│]*", text)
                if not bars or not all(n in bars[-1] for n in names):
                    return False
            return True

        while not everyone_everywhere():
            await asyncio.sleep(0.05)
        presence = time.perf_counter() - start
        memory = rss_mb(server_pid)
        for task in tasks:
            task.cancel()
    return all_stamps, presence, memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seats", type=int, default=4)
    args = parser.parse_args()
    names = NAMES[: args.seats]
    folder = Path(tempfile.mkdtemp(prefix="jm-serve-bench-"))
    db = folder / "bench.db"
    with Store(db, who="lea") as store:
        wid = build_workshop(store)
        tokens = [invites.create(store, wid, name, "participant")[1] for name in names]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "JOURNEYMAP_DB"}
    server = subprocess.Popen([sys.executable, "-m", "tui.cli", "serve", "--port", str(port),
                               "--db", str(db)], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        assert server.stdout is not None
        server.stdout.readline()  # the banner: the port is bound
        floor = statistics.median(floor_s() for _ in range(3))
        stamps, presence, memory = asyncio.run(run(f"http://127.0.0.1:{port}", tokens, names,
                                                   server.pid))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    with open("/proc/loadavg") as load:
        print(f"load average: {load.read().split()[0]}")
    print(f"floor (python -m tui.cli --version): {floor * 1000:.0f} ms")
    for name, stamp in zip(names, stamps, strict=True):
        print(f"{name}: first byte {stamp['first_byte']:.2f} s ({stamp['first_byte'] / floor:.1f}x "
              f"floor), workshop on screen {stamp['frame']:.2f} s "
              f"({stamp['frame'] / floor:.1f}x floor)")
    print(f"all {len(names)} names in every tab's presence bar {presence:.2f} s after the last "
          "tab showed the workshop")
    if memory:
        print(f"per tab process: RSS median {statistics.median(memory):.0f} MB "
              f"(min {min(memory):.0f}, max {max(memory):.0f})")


if __name__ == "__main__":
    main()
