"""A seat's kept light-read connection to the team server (``light_server.ServerLink``).

Why: the Tracker's "all workshops" reads on every refresh; the seat's store keeps
one read-only connection for that instead of one per read.  A kept connection
must not outlive the server it was opened to: when the server drops it (a
restart, ``pg_terminate_backend``) the next read opens one new connection and
answers; once the seat has closed the link it answers None and opens nothing.
"""

from __future__ import annotations

import psycopg
import pytest

from models.db import light_server
from models.db.server import libpq
from models.db.store import Store
from tests.pg_link import count_light_connections


def test_reads_share_one_connection_and_survive_its_backend_ending(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(pg_url, who="lea") as store:
        store.create_workshop(title="Lockouts")
        link = store.light_source()
        opened = count_light_connections(monkeypatch)
        assert isinstance(link, light_server.ServerLink)
        first = light_server.list_workshops(link)
        again = light_server.load_journeys(link, None)
        assert len(opened) == 1
        with psycopg.connect(libpq(pg_url), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (opened[0].info.backend_pid,))
        after = light_server.list_workshops(link)
        assert len(opened) == 2 and opened[0].closed
    assert opened[1].closed  # the store closed: so did its link
    assert first and after and [r.title for r in first] == [r.title for r in after]
    assert again is not None and [j.workshop.title for j in again] == ["Lockouts"]
    assert light_server.list_workshops(link) is None
    assert len(opened) == 2
