"""`journeymap open` on the team server checks the workshop with plain psycopg before the UI.

Why: the check used to open the store (SQLModel's import, an engine, the schema
inspected) before the app could paint, so a server seat's first screen took
3-4 times a bare Textual app's where a file seat's took under 2 (``bench/
tui_startup.py --server``).  What the light read cannot vouch for still goes
through the store, which words the refusal; a server that never answers is
asked once.  Without a terminal the app itself refuses after the check, which
is where these runs stop.
"""

from __future__ import annotations

import pytest

from models.db.store import Store
from tests.cli.console_probe import run_cli
from tests.helpers import build_workshop
from tests.silent_listener import silent_listener

pytest.importorskip("psycopg", reason="the server extra is not installed")


def test_open_checks_a_current_server_without_the_orm(pg_url: str) -> None:
    with Store(pg_url, who="lea") as store:
        wid = build_workshop(store)
    out = run_cli(pg_url, "open", str(wid))
    assert b"terminal" in out.stderr  # checked, then the app wanted a terminal
    assert b"HEAVY []" in out.stderr, out.stderr
    assert b"Traceback" not in out.stderr


def test_what_psycopg_cannot_vouch_for_is_the_stores_sentence(pg_url: str) -> None:
    with Store(pg_url, who="lea") as store:
        wid = build_workshop(store)
    out = run_cli(pg_url, "open", str(wid + 10))
    assert out.returncode == 1
    assert f"There is no workshop {wid + 10} in ".encode() in out.stderr


def test_open_on_a_server_that_never_answers_asks_once() -> None:
    with silent_listener() as silent:
        out = run_cli(silent.url(), "open", "1")
        attempts = silent.attempts
    assert out.returncode == 1
    assert out.stderr.decode().startswith(
        f"journeymap: Cannot reach the PostgreSQL server at 127.0.0.1:{silent.port}; is it "
        "running and is the address right?\n")
    assert attempts == 1
