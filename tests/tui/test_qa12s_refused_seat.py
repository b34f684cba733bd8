"""A seat whose server answers again but refuses it says why, not "cannot be reached".

Found from outside (session 11): with three seats open, the administrator rotated
the journeymap role's password and the connections were cut.  The server was up
and answering, yet every seat kept saying "This change was not saved: the
PostgreSQL server … cannot be reached; try again once it is back", so the room
waited for a server that was there.  The same happens when the database is renamed
or dropped.  Played here with ``tests.pg_link`` (the outage) and a rename of the
test's own database (a password cannot be changed on the shared test role).
"""

from __future__ import annotations

import psycopg
from sqlalchemy.engine import make_url

from models.db.tables.workshop import Workshop
from tests.helpers import SIZE, ready, until
from tests.pg_link import Link
from tui.app.app import JourneyApp
from tui.app.launch import build_app


def notes(app: JourneyApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def rename(pg_url: str, old: str, new: str) -> None:
    """Rename the test's database once the seats' connections to it are ended.

    Only client backends of the test's own role are ended: an autovacuum worker on
    the fresh database belongs to the superuser, and ending it was refused ("must be
    a superuser to terminate superuser process").  The rename itself asks such
    workers to stop and waits for them.
    """
    admin = make_url(pg_url).set(database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = %s AND pid <> pg_backend_pid() "
                     "AND backend_type = 'client backend' AND usename = current_user", (old,))
        conn.execute(f'ALTER DATABASE "{old}" RENAME TO "{new}"')


async def test_a_database_gone_under_a_seat_is_named_and_edits_say_so(
        server_link: tuple[Link, int], pg_url: str) -> None:
    forwarder, wid = server_link
    name = str(make_url(pg_url).database)
    app = build_app(forwarder.via(), wid, step="scope", who="sam")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        forwarder.cut()
        assert await until([pilot], lambda: any("Lost the connection" in n
                                                for n in notes(app)), rounds=500)
        rename(pg_url, name, f"{name}_moved")
        try:
            forwarder.restore()
            assert await until([pilot], lambda: any("There is no database" in n
                                                    for n in notes(app)), rounds=500), \
                notes(app)
            assert not app.save_field(Workshop, wid, "title", "typed meanwhile")
            assert await until([pilot], lambda: "Kept, not saved yet" in notes(app)[-1])
            last = notes(app)[-1]
            assert "There is no database" in last or "there is no database" in last, last
            assert "cannot be reached" not in last
            assert app.is_running
        finally:
            rename(pg_url, f"{name}_moved", name)
