"""A PostgreSQL user that may read but not write gets one sentence for a change, not SQL.

Found from outside (session 13): with a reporting role granted SELECT only,
``journeymap reviewed 1`` printed "unexpected error: ProgrammingError … [SQL:
UPDATE workshop …] [parameters: …]" and exited 2.  Reading commands work; a
change names the user and what to ask for.
"""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from models.db.store import Store
from tests.helpers import build_workshop
from tests.pg_rights import reads_only
from tui.cli.main import app

pytest.importorskip("psycopg", reason="the server extra is not installed")


def test_a_change_by_a_user_without_write_rights_is_one_sentence(pg_url: str) -> None:
    with Store(pg_url, who="lea") as store:
        wid = build_workshop(store)
    reads_only(pg_url)
    runner = CliRunner()
    listed = runner.invoke(app, ["--db", pg_url, "list"])
    changed = runner.invoke(app, ["--db", pg_url, "reviewed", str(wid)])
    url = make_url(pg_url)
    assert listed.exit_code == 0
    assert (changed.exit_code, changed.stdout) == (1, "")
    assert changed.stderr == (
        f"journeymap: This change was not saved: the PostgreSQL user {url.username!r} may read "
        f"the database {url.database!r} at {url.host}:{url.port or 5432} but not change it; "
        "ask its administrator to grant it write rights, or join as an observer.\n")
