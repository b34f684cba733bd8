"""A headless browser seat of `journeymap serve`, and the server's process checks.

Shared by the serve end-to-end tests (``test_serve.py``, ``test_serve_server_restart.py``):
a test module never imports another (``tests/architecture/test_test_modules.py``).
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest

CEILING = 120.0


def server_log(folder: Path) -> Path:
    """Where the server's output goes."""
    return folder / "serve.log"
  # a loaded 2-core machine starts a Textual app in seconds, not minutes
ESCAPES = re.compile(rb"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-_])")


def free_port() -> int:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", 0))
        except OSError as exc:
            pytest.skip(f"no local TCP port can be opened here ({exc})")
        return int(sock.getsockname()[1])


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db), *args],
                          capture_output=True, text=True, check=False, env=_env())


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("JOURNEYMAP_DB", None)
    return env


def descendants(pid: int) -> list[str]:
    """Command lines of every process below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], list(children.get(pid, []))
    while todo:
        child = todo.pop()
        try:
            found.append((Path("/proc") / str(child) / "cmdline").read_bytes()
                         .replace(b"\0", b" ").decode())
        except OSError:
            continue
        todo.extend(children.get(child, []))
    return found


def seat_processes(pid: int) -> int:
    return sum(1 for line in descendants(pid) if "browser-seat" in line and "/bin/sh" not in line)


def stop_serving(proc: subprocess.Popen[bytes]) -> None:
    """End ``serve`` and every seat it started (its own process group)."""
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


class Seat:
    """A headless browser tab: the websocket and everything the app drew on it."""

    def __init__(self, session: Any, url: str) -> None:
        self.session, self.url, self.stream, self.closed = session, url, b"", False
        self.texts: list[str] = []

    async def open(self) -> None:
        token = self.url.split("token=", 1)[1]
        ws_url = self.url.split("/?", 1)[0].replace("http", "ws", 1)
        self.ws = await self.session.ws_connect(f"{ws_url}/ws/{token}?width=120&height=40")
        await self.ws.send_json(["resize", {"width": 120, "height": 40}])
        await self.ws.send_json(["ping", "1"])
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.stream += message.data
            elif message.type == aiohttp.WSMsgType.TEXT:
                self.texts.append(message.data)
        self.closed = True

    async def press(self, key: str, then: str) -> None:
        """Type ``key`` and wait until ``then`` is drawn after it."""
        seen = len(self.stream)
        await self.ws.send_json(["stdin", key])

        def drawn() -> bool:
            return then in ESCAPES.sub(b"", self.stream[seen:]).decode("utf-8", "replace")

        await until(drawn)
        assert drawn(), f"{then!r} never appeared after {key!r}: {self.screen_text()[-1500:]}"

    def screen_text(self) -> str:
        return ESCAPES.sub(b"", self.stream).decode("utf-8", "replace")


async def until(check: object, ceiling: float = CEILING) -> None:
    """Return as soon as ``check()`` holds, or at the ceiling (the caller asserts)."""
    deadline = time.monotonic() + ceiling
    while not check() and time.monotonic() < deadline:  # type: ignore[operator]
        await asyncio.sleep(0.2)
