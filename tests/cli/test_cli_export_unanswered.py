"""`export` on a server that never answers fails once, with the store's sentence.

Why: the light read (``models.db.light_server``) used to answer None when it could
not connect, and the store then connected again: on a network that drops packets
the refusal waited the connect timeout twice.  The light read now raises the
store's own sentence.  Counted in connections (``tests.silent_listener``), never time.
"""

from __future__ import annotations

import pytest

from tests.cli.console_probe import run_cli
from tests.silent_listener import silent_listener

pytest.importorskip("psycopg", reason="the server extra is not installed")


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_an_export_to_a_server_that_never_answers_connects_once(fmt: str) -> None:
    with silent_listener() as silent:
        out = run_cli(silent.url(), "export", "1", "--format", fmt)
        attempts = silent.attempts
    assert out.returncode == 1
    assert out.stderr.decode().startswith(
        f"journeymap: Cannot reach the PostgreSQL server at 127.0.0.1:{silent.port}; is it "
        "running and is the address right?\n")
    assert b"secret-pw" not in out.stderr and b"Traceback" not in out.stderr
    assert attempts == 1
