"""`journeymap open` on the team server reads through one light connection, not two.

Found by session 13 (pg15): the command's check (``light_server.openable``) and the
app's first screen (``early.read_first``) each opened and closed a connection of
their own, so every seat that joined started two server backends before its store's
own.  The check's link is now handed to the app, whose first read uses and closes
it.  Connections are counted where the light reads make them.
"""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from models.db.store import Store
from tests.helpers import SIZE, build_workshop, ready, until
from tests.pg_link import count_light_connections
from tui.app.launch import build_app
from tui.cli.main import app as cli

pytest.importorskip("psycopg", reason="the server extra is not installed")


@pytest.mark.parametrize("home", [False, True], ids=["workshop", "home"])
async def test_open_reads_the_first_screen_through_the_check_s_one_connection(
        pg_url: str, monkeypatch: pytest.MonkeyPatch, home: bool) -> None:
    with Store(pg_url, who="lea") as store:
        wid = build_workshop(store)
    made = count_light_connections(monkeypatch)
    launched: dict[str, Any] = {}

    def launch(db_path: Any, workshop_id: Any = None, step: Any = None, **kwargs: Any) -> None:
        launched.update(db_path=db_path, workshop_id=workshop_id, step=step, **kwargs)

    monkeypatch.setattr("tui.app.launch.run_app", launch)
    result = CliRunner().invoke(cli, ["--db", pg_url, "open", *([] if home else [str(wid)])])
    assert result.exit_code == 0, result.output
    assert len(made) == 1  # the check
    seat = build_app(launched.pop("db_path"), launched.pop("workshop_id"),
                     launched.pop("step"), **launched)
    async with seat.run_test(size=SIZE) as pilot:
        if home:
            await seat.workers.wait_for_complete()
            assert await until([pilot], lambda: type(seat.screen).__name__ == "HomeScreen")
        else:
            await ready(pilot)
        assert await until([pilot], lambda: seat.store is not None)
    assert len(made) == 1, f"{len(made)} light connections"
    assert all(conn.closed for conn in made)
