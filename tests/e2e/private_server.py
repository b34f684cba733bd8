"""A PostgreSQL server of the test's own, in a temporary folder, that it may stop and start.

The shared test server (``JOURNEYMAP_TEST_PG``) must never be stopped: other test
runs use it.  A test about a server that really goes away starts this one with
Debian's ``initdb``/``pg_ctl`` (as the ``postgres`` account when run as root, which
PostgreSQL refuses to run as), on a free port on 127.0.0.1, trusting local logins.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

BIN = Path("/usr/lib/postgresql/15/bin")


class PrivateServer:
    def __init__(self, folder: Path, port: int) -> None:
        self.folder, self.port = folder, port
        self.url = f"postgresql://journeymap@127.0.0.1:{port}/postgres"

    def _run(self, *args: str) -> None:
        command = [str(BIN / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "log"),
                  "-w", "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1",
                  "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def private_server() -> Iterator[PrivateServer]:
    """A started server, stopped and removed afterwards; skipped without PostgreSQL 15."""
    if not (BIN / "initdb").exists():
        pytest.skip(f"no PostgreSQL 15 in {BIN} (Debian's postgresql package)")
    pytest.importorskip("psycopg", reason="the server extra is not installed")
    folder = Path(tempfile.mkdtemp(prefix="jm-private-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    server = PrivateServer(folder, _free_port())
    server._run("initdb", "-D", str(folder / "data"), "-U", "journeymap", "-A", "trust")
    server.start()
    try:
        yield server
    finally:
        try:
            server.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped by the test
        shutil.rmtree(folder, ignore_errors=True)
