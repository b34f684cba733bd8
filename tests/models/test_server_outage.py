"""A PostgreSQL server that goes away under open seats (restart, network drop): qa10c.

Found from outside (session 10): after ``pg_ctlcluster 15 main restart`` under three
tmux seats, another seat's edits never reached the others again (the listener's
thread ended on the broken socket), and nobody was told; with the server stopped,
an edit said "The database refused the change: connection failed: … ␊␉Is the
server running…" and ``h`` (Home) ended the app with a traceback.

The shared test server cannot be stopped under other runs, so ``tests.pg_link``
plays the outage: a forwarder that breaks every connection and refuses new ones.
Waiting is bounded polling, never a timed assert.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import psycopg
import pytest

from models.db.schema import StoreError
from models.db.store import Store
from models.db.tables.workshop import Workshop
from models.live.marks import Marks, ServerGone
from tests.pg_link import Link, link_to


@pytest.fixture
def link(pg_url: str) -> Iterator[Link]:
    with Store(pg_url, who="lea") as store:
        store.create_workshop(title="Login")
    with link_to(pg_url) as forwarder:
        yield forwarder


def _until(check: Callable[[], object], ceiling: float = 30.0) -> bool:
    end = time.monotonic() + ceiling
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.02)
    return bool(check())


def _title(url: str) -> str:
    with Store(url, who="check") as store:
        return store.get_workshop(1).title


def test_an_edit_while_the_server_is_away_is_one_sentence_naming_it(link: Link) -> None:
    with Store(link.via(), who="lea") as store:
        link.cut()
        with pytest.raises(StoreError) as info:
            store.update(Workshop, 1, title="during")
        message = str(info.value)
        assert "\n" not in message and "␊" not in message
        assert link.address() in message and "not saved" in message


def test_a_read_while_the_server_is_away_is_one_sentence(link: Link) -> None:
    """Home's list (``h``) crashed the app with psycopg's OperationalError."""
    with Store(link.via(), who="lea") as store:
        link.cut()
        with pytest.raises(StoreError) as info:
            store.list_workshops()
        assert link.address() in str(info.value) and "\n" not in str(info.value)


def test_the_first_edit_after_a_restart_is_saved(link: Link, pg_url: str) -> None:
    """Connections pooled before the restart are dead; the edit must not meet one."""
    with Store(link.via(), who="lea") as store:
        assert store.get_workshop(1).title == "Login"
        link.cut()
        link.restore()
        store.update(Workshop, 1, title="after the restart")
    assert _title(pg_url) == "after the restart"


def test_a_seat_that_lost_the_server_says_so_and_is_woken_when_it_is_back(
        link: Link, pg_url: str) -> None:
    woken = threading.Event()
    with Store(link.via(), who="sam") as seat:
        assert seat.wake_on(1, woken.set)
        assert seat.server_lost() == ""
        link.cut()
        assert _until(lambda: seat.server_lost())
        assert link.address() in seat.server_lost() and "\n" not in seat.server_lost()
        with Store(pg_url, who="lea") as other:  # an edit the seat was not told about
            other.update(Workshop, 1, title="meanwhile")
        woken.clear()
        link.restore()
        assert _until(lambda: seat.server_lost() == "" and woken.is_set())
        woken.clear()
        with Store(pg_url, who="lea") as other:  # and it listens again
            other.update(Workshop, 1, title="later")
        assert _until(woken.is_set)


def test_a_polled_listener_counts_a_change_once_it_is_back(link: Link, pg_url: str) -> None:
    with Store(link.via(), who="sam") as seat:
        before = seat.data_version()
        link.cut()
        assert _until(lambda: seat.data_version() is not None and seat.server_lost())
        link.restore()
        assert _until(lambda: seat.data_version() != before and not seat.server_lost())
        now = seat.data_version()
        with Store(pg_url, who="lea") as other:
            other.update(Workshop, 1, title="later")
        assert _until(lambda: seat.data_version() != now)


def test_the_seat_fingerprints_work_again_once_the_server_is_back(link: Link) -> None:
    marks = Marks(link.via(), 1)
    try:
        before = marks.content()
        link.cut()
        with pytest.raises(ServerGone):
            marks.content()
        link.restore()
        assert marks.content() == before
    finally:
        marks.close()


def test_a_store_that_knows_its_server_is_away_does_not_try_it(
        link: Link, monkeypatch: pytest.MonkeyPatch) -> None:
    """Behind a network that drops packets every connect waits its timeout; once the
    listener knows, a read or an edit is its one sentence at once, with no connect."""
    with Store(link.via(), who="sam") as seat:
        assert seat.wake_on(1, lambda: None)
        link.cut(black_hole=True)
        assert _until(lambda: seat.server_lost())
        tried: list[str] = []
        real = psycopg.connect

        def connect(*args: object, **kwargs: object) -> object:
            tried.append(threading.current_thread().name)
            return real(*args, **kwargs)

        monkeypatch.setattr(psycopg, "connect", connect)
        with pytest.raises(StoreError, match="Cannot reach the PostgreSQL server"):
            seat.list_workshops()
        with pytest.raises(StoreError, match="This change was not saved"):
            seat.update(Workshop, 1, title="behind the black hole")
        assert threading.current_thread().name not in tried
