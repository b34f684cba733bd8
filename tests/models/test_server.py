"""What only a PostgreSQL server has: its errors, its notifications, its write lock.

The shared suites (store, presence, watch, observer, facilitation, concurrency,
pairing) run on both engines through ``tests/conftest.py``; this module holds the
server's own promises.  Each test gets a fresh database (``pg_url``); without a
server every test here is skipped with the reason.
"""

from __future__ import annotations

import multiprocessing as mp
import threading
import time

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

import models.db.server as server_module
from models.db.schema import StoreError
from models.db.server import CHANNEL, PRESENCE_CHANNEL, Listener
from models.db.store import ReadOnlyError, Store
from models.db.tables.cards import PainPoint
from models.db.tables.history import ChangeLog
from models.db.tables.workshop import Workshop
from models.live import presence

WRITERS, EDITS = 8, 40  # bench/server.py runs the 8 x 500


def _with(url: str, **parts: object) -> str:
    return make_url(url).set(**parts).render_as_string(hide_password=False)


def _arrived(listener: Listener, count: int) -> list[tuple[str, str]]:
    """Notifications travel after the commit returns: read until ``count`` (bounded)."""
    deadline = time.monotonic() + 10
    while len(listener.payloads) < count and time.monotonic() < deadline:
        listener.count()
        time.sleep(0.005)
    return listener.payloads


def test_a_new_database_is_created_stamped_and_reopened(pg_url: str) -> None:
    with Store(pg_url, who="lea") as store:
        wid = int(store.create_workshop(title="Login").id or 0)
    with Store(pg_url, create=False) as again:
        assert again.get_workshop(wid).title == "Login"
        with again.read() as s:
            meta = dict(s.connection().execute(
                text("SELECT key, value FROM journeymap_meta")).all())
    assert meta["app"] == "journeymap"


def test_an_empty_database_is_not_created_by_a_reading_command(pg_url: str) -> None:
    with pytest.raises(StoreError, match="no journeymap database"):
        Store(pg_url, create=False)
    with pytest.raises(StoreError, match="no journeymap workshops"):
        Store(pg_url, read_only=True)


@pytest.mark.parametrize(("change", "expected"), [
    ({"password": "not-the-password"}, "refused the password"),
    ({"database": "jm_no_such_database"}, "There is no database 'jm_no_such_database'"),
    ({"port": 1}, "Cannot reach the PostgreSQL server at 127.0.0.1:1"),
])
def test_server_problems_are_one_sentence_without_the_password(
        pg_url: str, change: dict[str, object], expected: str) -> None:
    url = _with(pg_url, **change)
    if "password" not in change and make_url(pg_url).password is None:
        pytest.skip("the test server accepts this role without a password")
    with pytest.raises(StoreError) as info:
        Store(url, create=False)
    message = str(info.value)
    assert expected in message and "\n" not in message
    assert "not-the-password" not in message
    secret = make_url(pg_url).password
    if secret and secret != make_url(pg_url).username:
        assert str(secret) not in message


def test_a_database_of_another_application_is_left_untouched(pg_url: str) -> None:
    import psycopg

    with psycopg.connect(server_module.libpq(pg_url), autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id integer primary key)")
    with pytest.raises(StoreError, match="another application"):
        Store(pg_url, who="lea")
    with psycopg.connect(server_module.libpq(pg_url), autocommit=True) as conn:
        tables = {r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert tables == {"invoices"}


def test_ids_are_never_reused(pg_url: str) -> None:
    with Store(pg_url, who="lea") as store:
        wid = int(store.create_workshop(title="Login").id or 0)
        newest = store.add(PainPoint(workshop_id=wid, description="first"))
        store.delete(PainPoint, int(newest.id or 0))
        again = store.add(PainPoint(workshop_id=wid, description="second"))
        assert int(again.id or 0) > int(newest.id or 0)


def test_every_edit_notifies_its_workshop_and_kind_presence_apart(pg_url: str) -> None:
    with Store(pg_url, who="lea") as store:
        wid = int(store.create_workshop(title="Login").id or 0)
        listener = Listener(pg_url)
        try:
            pain = store.add(PainPoint(workshop_id=wid, description="slow reset"))
            store.update(PainPoint, int(pain.id or 0), description="slower reset")
            presence.join(store, wid, "sam")
            got = _arrived(listener, 3)
        finally:
            listener.close()
    assert (CHANNEL, f"{wid}:painpoint:create") in got
    assert (CHANNEL, f"{wid}:painpoint:update") in got
    assert (PRESENCE_CHANNEL, f"{wid}:presence") in got
    assert not [p for ch, p in got if ch == CHANNEL and "presence" in p]


def test_a_woken_listener_calls_back_for_its_own_workshop_only(pg_url: str) -> None:
    with Store(pg_url, who="lea") as store:
        mine = int(store.create_workshop(title="Login").id or 0)
        other = int(store.create_workshop(title="Billing").id or 0)
        listener = Listener(pg_url)
        woken = threading.Event()
        try:
            listener.wake_on(mine, woken.set)
            store.update(Workshop, other, persona="Finance")
            store.update(Workshop, mine, persona="Admin")  # committed after the other one
            assert woken.wait(10)
            assert listener.payloads == [(CHANNEL, f"{mine}:workshop:update")]
            assert listener.count() == 1
        finally:
            listener.close()


def test_a_bare_heartbeat_is_not_announced_but_a_step_change_is(pg_url: str) -> None:
    """Six seats beating every 3 s must not wake every other seat twice a second."""
    with Store(pg_url, who="lea") as store:
        wid = int(store.create_workshop(title="Login").id or 0)
        seat = presence.join(store, wid, "sam", step="scope")
        listener = Listener(pg_url)
        try:
            presence.heartbeat(store, int(seat.id or 0), "scope")
            presence.heartbeat(store, int(seat.id or 0))
            presence.heartbeat(store, int(seat.id or 0), "stages")
            got = _arrived(listener, 1)
            time.sleep(0.2)
            listener.count()
        finally:
            listener.close()
    assert got == [(PRESENCE_CHANNEL, f"{wid}:presence")]


def test_a_rolled_back_edit_notifies_nobody(pg_url: str) -> None:
    with Store(pg_url, who="lea") as store:
        wid = int(store.create_workshop(title="Login").id or 0)
        listener = Listener(pg_url)
        try:
            with pytest.raises(RuntimeError), store.write() as s:
                store.changed(s, wid, "painpoint:create")
                raise RuntimeError("the edit fails")
            store.update(Workshop, wid, persona="Admin")  # a later edit that does commit
            got = _arrived(listener, 1)
        finally:
            listener.close()
    assert got == [(CHANNEL, f"{wid}:workshop:update")]


def test_an_observer_connection_is_read_only_on_the_server(pg_url: str) -> None:
    with Store(pg_url, who="lea") as store:
        wid = int(store.create_workshop(title="Billing").id or 0)
    with Store(pg_url, who="olga", read_only=True) as obs:
        with pytest.raises(ReadOnlyError):
            obs.update(Workshop, wid, title="hacked")
        with obs.engine.connect() as conn, pytest.raises(DBAPIError, match="read-only"):
            conn.execute(text("UPDATE workshop SET title = 'hacked'"))
    with Store(pg_url) as again:
        assert again.get_workshop(wid).title == "Billing"


def test_a_write_blocked_past_the_lock_timeout_is_a_store_error(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import psycopg

    with Store(pg_url, who="lea") as store:
        wid = int(store.create_workshop(title="before").id or 0)
    monkeypatch.setattr(server_module, "LOCK_TIMEOUT_MS", 100)
    impatient = Store(pg_url, who="impatient")
    blocker = psycopg.connect(server_module.libpq(pg_url))
    blocker.execute(f"SELECT pg_advisory_xact_lock({server_module.WRITE_LOCK})")
    try:
        with pytest.raises(StoreError, match="busy") as info:
            impatient.update(Workshop, wid, title="after")
        assert "\n" not in str(info.value)
    finally:
        blocker.rollback()
        blocker.close()
    impatient.update(Workshop, wid, title="after")
    assert impatient.get_workshop(wid).title == "after"
    impatient.close()


def _writer(url: str, wid: int, tag: str, barrier: object, errors: object) -> None:
    try:
        store = Store(url, who=tag)
        barrier.wait()  # type: ignore[attr-defined]
        last = 0
        for i in range(EDITS):
            if i % 2 == 0:
                last = int(store.add(PainPoint(workshop_id=wid, description=f"{tag}-{i}",
                                               ticket_volume=i)).id or 0)
            else:
                store.update(PainPoint, last, votes=i, description=f"{tag}-{i - 1} edited")
        store.close()
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        errors.put(f"{tag}: {type(exc).__name__}: {exc}")  # type: ignore[attr-defined]
        raise


def test_eight_writers_lose_nothing(pg_url: str) -> None:
    with Store(pg_url, who="setup") as store:
        wid = int(store.create_workshop(title="race").id or 0)
    ctx = mp.get_context("spawn")
    barrier, errors = ctx.Barrier(WRITERS), ctx.Queue()
    tags = [f"w{n}" for n in range(WRITERS)]
    procs = [ctx.Process(target=_writer, args=(pg_url, wid, tag, barrier, errors))
             for tag in tags]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    problems = []
    while not errors.empty():
        problems.append(errors.get())
    assert problems == []
    with Store(pg_url) as store, store.read() as s:
        pains = list(s.exec(select(PainPoint).where(PainPoint.workshop_id == wid)))
        logs = list(s.exec(select(ChangeLog).where(ChangeLog.workshop_id == wid)))
    assert len(pains) == WRITERS * EDITS // 2
    for tag in tags:
        mine = {p.description: p for p in pains if p.description.startswith(f"{tag}-")}
        for i in range(0, EDITS, 2):
            assert (mine[f"{tag}-{i} edited"].ticket_volume, mine[f"{tag}-{i} edited"].votes) \
                == (i, i + 1)
        assert sum(c.who == tag and c.action == "update" for c in logs) == EDITS
    assert len({p.id for p in pains}) == len(pains)


def test_the_command_line_takes_a_server_url_from_db_and_the_environment(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from tui.cli.main import app

    runner = CliRunner()
    made = runner.invoke(app, ["--db", pg_url, "demo", "--no-open"])
    assert made.exit_code == 0, made.output
    monkeypatch.setenv("JOURNEYMAP_DB", pg_url)
    listed = runner.invoke(app, ["list"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0 and "Demo" in listed.stdout
    missing = runner.invoke(app, ["show", "999"])
    assert missing.exit_code == 1
    assert missing.stderr.count("\n") == 1 and "There is no workshop 999" in missing.stderr
    wrong = _with(pg_url, password="not-the-password")
    refused = runner.invoke(app, ["--db", wrong, "list"])
    assert refused.exit_code == 1 and "refused the password" in refused.stderr
    assert "not-the-password" not in refused.stderr
