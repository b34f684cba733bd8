"""A TCP link to the test PostgreSQL server that a test can cut and restore.

Stopping the shared test server would break every other test run on the machine,
so a restart or a network drop is played by a forwarder on a port of its own:
``cut`` closes every connection that went through it and refuses new ones (the
server "went away"); ``cut(black_hole=True)`` breaks them too but then answers new
ones with silence, as a network that drops packets does, so every connect waits its
``connect_timeout``; ``restore`` lets connections through again (it is "back",
and every connection from before is dead, as after a real restart).
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.engine import make_url


class Link:
    """Forwards 127.0.0.1:``port`` to the server of ``url`` until cut."""

    def __init__(self, url: str) -> None:
        target = make_url(url)
        self.target = (target.host or "127.0.0.1", int(target.port or 5432))
        self.url = target.set(host="127.0.0.1", port=0)
        self.listening = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listening.getsockname()[1])
        self.url = self.url.set(port=self.port)
        self.open = True
        self.black_hole = False
        self.stopped = False
        self._sockets: list[socket.socket] = []
        self._held: list[socket.socket] = []  # connections the black hole never answers
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def via(self) -> str:
        """The URL to give the store: the same database, through this link."""
        return self.url.render_as_string(hide_password=False)

    def _accept(self) -> None:
        while not self.stopped:
            try:
                client, _ = self.listening.accept()
            except OSError:
                return
            if not self.open:
                if self.black_hole:  # packets dropped: the client waits its timeout
                    with self._lock:
                        self._held.append(client)
                else:
                    client.close()  # the server is away: the connection is dropped at once
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._sockets += [client, upstream]
            for src, dst in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(src, dst), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := src.recv(65536):
                dst.sendall(data)
        for sock in (src, dst):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def cut(self, *, black_hole: bool = False) -> None:
        """The server goes away: every open connection breaks, new ones are refused
        (or, in a ``black_hole``, never answered)."""
        self.open, self.black_hole = False, black_hole
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def restore(self) -> None:
        """The server is back (connections made before the cut stay broken)."""
        self.open, self.black_hole = True, False
        with self._lock:
            held, self._held = self._held, []
        for sock in held:
            sock.close()

    def close(self) -> None:
        self.stopped = True
        self.cut()
        self.restore()
        self.listening.close()


@contextlib.contextmanager
def link_to(url: str) -> Iterator[Link]:
    link = Link(url)
    try:
        yield link
    finally:
        link.close()


def count_light_connections(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every connection the light reads (``models.db.light_server``) open from now on."""
    from models.db import light_server

    opened: list[Any] = []
    real = light_server.read_connection

    def connect(*args: Any, **kwargs: Any) -> Any:
        opened.append(real(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(light_server, "read_connection", connect)
    return opened
