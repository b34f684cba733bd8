"""A TCP port that takes connections and never answers: a network that drops packets, counted.

Why: a firewall that drops packets makes every connect wait its whole timeout, so
a command that connects twice fails twice as late.  No blackhole route is
available to the tests, but a listening socket that accepts and then says
nothing looks the same to libpq (it waits for the server's first answer until
``connect_timeout``).  Tests count the connections it took, never the time.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class SilentListener:
    """127.0.0.1 on a free port; ``attempts`` is how many connections arrived."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.sock.getsockname()[1])
        self.attempts = 0
        self._held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._take, daemon=True)
        self._thread.start()

    def url(self, database: str = "journeymap") -> str:
        return f"postgresql://nobody:secret-pw@127.0.0.1:{self.port}/{database}"

    def _take(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:  # closed: the test is over
                return
            self.attempts += 1
            self._held.append(conn)  # kept open and never answered

    def close(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept (Linux)
        except OSError:
            pass
        self.sock.close()
        for conn in self._held:
            conn.close()
        self._thread.join(timeout=5)


@contextmanager
def silent_listener() -> Iterator[SilentListener]:
    listener = SilentListener()
    try:
        yield listener
    finally:
        listener.close()
