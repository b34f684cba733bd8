"""A PostgreSQL --db (models/db/server.py) as the person typing the URL meets it: every
problem is one sentence that names the server and what to do, never the password; a
database of another program or a newer journeymap is left untouched; an observer's
connection is read-only; edits reach the other seats by notification on commit only.
The sentences need no server; the rest runs where ``JOURNEYMAP_TEST_PG`` names one and
is skipped, with the reason, where it does not (issue 20: server.py had no domain test
that ran on this machine)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from models.db import server
from models.db.dbfile import SCHEMA_VERSION, FileState, StoreError
from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Workshop

URL = "postgresql://kim:s3cret@db.example:6543/workshops"


class DriverError(Exception):
    """What psycopg raises, wrapped by SQLAlchemy (``orig``)."""


class Wrapped(Exception):
    def __init__(self, orig: Exception) -> None:
        super().__init__("wrapped")
        self.orig = orig


@pytest.mark.parametrize(("reason", "said"), [
    ('FATAL:  password authentication failed for user "kim"',
     "The PostgreSQL server at db.example:6543 refused the password for kim; check it "
     "(PGPASSWORD or ~/.pgpass)."),
    ("fe_sendauth: no password supplied",
     "The PostgreSQL server at db.example:6543 refused the password for kim; check it "
     "(PGPASSWORD or ~/.pgpass)."),
    ('FATAL:  database "workshops" does not exist',
     "There is no database 'workshops' on the PostgreSQL server at db.example:6543; create "
     "it first (createdb workshops)."),
    ('FATAL:  role "kim" does not exist',
     "The PostgreSQL server at db.example:6543 has no user 'kim'; create it first "
     "(createuser)."),
    ("connection refused", "Cannot reach the PostgreSQL server at db.example:6543; is it "
     "running and is the address right?"),
    ("could not connect to server", "Cannot reach"),
    ("could not translate host name", "Cannot reach"),
    ("timeout expired", "Cannot reach"),
    ("No route to host", "Cannot reach"),
    ("Name or service not known", "Cannot reach"),
    ("disk full\nDETAIL: more", "Cannot use the PostgreSQL database "
     "postgresql://kim:***@db.example:6543/workshops (disk full)."),
])
def test_every_server_problem_is_one_sentence_without_the_password(reason: str,
                                                                   said: str) -> None:
    for exc in (DriverError(reason), Wrapped(DriverError(reason))):
        message = str(server.problem(URL, exc))
        assert message.startswith(said) if said == "Cannot reach" else message == said
        assert "s3cret" not in message and "\n" not in message


def test_a_problem_without_words_names_its_kind_and_default_host_and_port() -> None:
    message = str(server.problem("postgresql:///workshops", DriverError("")))
    assert message == "Cannot use the PostgreSQL database postgresql:///workshops (DriverError)."
    refused = str(server.problem("postgresql:///workshops", DriverError("connection refused")))
    assert "server at localhost:5432;" in refused
    nobody = str(server.problem("postgresql://db/w", DriverError("password authentication "
                                                                 "failed")))
    assert "refused the password for this user;" in nobody


def test_urls_are_shown_without_the_password_and_given_to_psycopg_with_it() -> None:
    assert server.shown(URL) == "postgresql://kim:***@db.example:6543/workshops"
    assert server.shown("postgresql://[broken") == "postgresql://[broken"
    assert server.libpq("postgresql+psycopg://kim:s3cret@h/w") == "postgresql://kim:s3cret@h/w"
    assert server.libpq("postgres://kim@h/w") == "postgresql://kim@h/w"


# -- on a server -------------------------------------------------------------------------


@pytest.fixture
def url(pg_url: str) -> Iterator[str]:
    yield pg_url


def _run(url: str, sql: str) -> None:
    engine = server.make_engine(url, read_only=False)
    with engine.begin() as conn:
        conn.execute(text(sql))
    engine.dispose()


def test_a_new_database_is_stamped_and_classified(url: str) -> None:
    engine = server.make_engine(url, read_only=False)
    assert server.inspect_server(engine, url) == (FileState.NEW, 0)
    engine.dispose()
    with pytest.raises(StoreError, match="^There is no journeymap database at"):
        Store(url, create=False)
    Store(url, who="lead").close()
    engine = server.make_engine(url, read_only=False)
    assert server.inspect_server(engine, url) == (FileState.CURRENT, SCHEMA_VERSION)
    engine.dispose()
    _run(url, f"UPDATE journeymap_meta SET value = '{SCHEMA_VERSION - 1}' "
              "WHERE key = 'schema_version'")
    engine = server.make_engine(url, read_only=False)
    assert server.inspect_server(engine, url) == (FileState.OLDER, SCHEMA_VERSION - 1)
    engine.dispose()
    with pytest.raises(StoreError) as exc:
        Store(url, read_only=True)
    assert str(exc.value) == (f"{server.shown(url)} has no journeymap workshops to observe "
                              "yet (or an older schema); open it once as a lead first.")
    Store(url, who="lead").close()  # upgrades (stamps) it
    with Store(url, read_only=True) as observer:
        assert observer.list_workshops() == []


def test_a_newer_or_foreign_database_is_left_untouched(url: str) -> None:
    Store(url, who="lead").close()
    _run(url, f"UPDATE journeymap_meta SET value = '{SCHEMA_VERSION + 1}' "
              "WHERE key = 'schema_version'")
    with pytest.raises(StoreError) as exc:
        Store(url)
    assert str(exc.value) == (
        f"{server.shown(url)} was written by a newer journeymap (schema {SCHEMA_VERSION + 1}, "
        f"this one reads up to {SCHEMA_VERSION}); upgrade journeymap to open it.")
    _run(url, "UPDATE journeymap_meta SET value = 'other' WHERE key = 'app'")
    with pytest.raises(StoreError) as exc:
        Store(url)
    assert str(exc.value) == (f"{server.shown(url)} was not written by journeymap; it was "
                              "left untouched. Choose another database.")


def test_a_database_of_another_program_is_refused(url: str) -> None:
    _run(url, "CREATE TABLE invoices (id integer)")
    with pytest.raises(StoreError) as exc:
        Store(url)
    assert str(exc.value) == (f"{server.shown(url)} holds tables of another application, not "
                              "journeymap; it was left untouched. Choose another database.")


def test_edits_reach_other_seats_on_commit_by_workshop_and_kind(url: str) -> None:
    lead = Store(url, who="lead")
    wid = int(lead.create_workshop(title="Login lockout").id or 0)
    listener = server.Listener(url)
    assert listener.count() == 0
    lead.add(PainPoint(workshop_id=wid, description="Loops"))
    lead.update(Workshop, wid, title="Lockout")
    deadline = time.monotonic() + 10  # they travel after the commit returns (bounded wait)
    while listener.count() < 2 and time.monotonic() < deadline:
        time.sleep(0.005)
    assert (server.CHANNEL, f"{wid}:painpoint:create") in listener.payloads
    assert (server.CHANNEL, f"{wid}:workshop:update") in listener.payloads
    listener.close()
    lead.close()


def test_an_observer_connection_cannot_write(url: str) -> None:
    Store(url, who="lead").close()
    engine = server.make_engine(url, read_only=True)
    with pytest.raises(Exception, match="read-only"), engine.begin() as conn:
        conn.execute(text("INSERT INTO journeymap_meta (key, value) VALUES ('x', 'y')"))
    engine.dispose()


def test_a_woken_seat_listens_on_a_named_daemon_thread(url: str) -> None:
    lead = Store(url, who="lead")
    wid = int(lead.create_workshop(title="Login lockout").id or 0)
    listener = server.Listener(url)
    woken: list[int] = []
    listener.wake_on(wid, lambda: woken.append(1))
    thread = listener._thread
    assert thread is not None and thread.name == "journeymap-listen" and thread.daemon
    listener.close()
    lead.close()
