"""A command that only reads never upgrades an older database: one sentence names
`journeymap upgrade`, which does it.

Found from outside (session 13): `export` of a server database at an older schema
added the missing column and stamped the new version (a file did the same), so an
observer's read changed the server.  Reading commands now refuse an older database in
one sentence and leave every byte as it was; `journeymap upgrade` upgrades it, only
for the file's owner (on a server, the server's own rights decide).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from models.db import server
from models.db.schema import SCHEMA_VERSION
from models.db.store import Store
from tests.helpers import build_workshop
from tests.models.old_files import make_journeymap_file, set_version
from tui.cli.main import app

READS = [["export", "{wid}"], ["export", "{wid}", "--format", "json"], ["show", "{wid}"],
         ["list"], ["tracker"], ["cards", "{wid}"], ["report", "{wid}"], ["log", "{wid}"],
         ["who", "{wid}"]]
OLD = SCHEMA_VERSION - 1


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def old_file(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "old.db"
    wid = make_journeymap_file(db)
    set_version(db, OLD)
    return db, wid


@pytest.mark.parametrize("words", READS, ids=lambda w: " ".join(w[:3]))
def test_a_read_of_an_older_file_changes_no_byte_and_names_the_upgrade(
        old_file: tuple[Path, int], words: list[str]) -> None:
    db, wid = old_file
    before = _digest(db)
    result = CliRunner().invoke(app, ["--db", str(db), *(w.format(wid=wid) for w in words)])
    assert result.exit_code == 1, result.output
    assert result.stderr == (f"journeymap: {db} was made by an older journeymap (schema {OLD}, "
                             f"this one reads {SCHEMA_VERSION}) and a command that only reads "
                             "does not change it; upgrade it first with `journeymap "
                             "upgrade`.\n")
    assert _digest(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["old.db"]


def test_upgrade_upgrades_the_file_then_reads_work(old_file: tuple[Path, int]) -> None:
    db, wid = old_file
    runner = CliRunner()
    upgraded = runner.invoke(app, ["--db", str(db), "upgrade"])
    assert (upgraded.exit_code, upgraded.stdout) == (
        0, f"Upgraded {db} from schema {OLD} to {SCHEMA_VERSION}.\n")
    assert runner.invoke(app, ["--db", str(db), "show", str(wid)]).exit_code == 0
    again = runner.invoke(app, ["--db", str(db), "upgrade"])
    assert again.stdout == f"{db} is already at schema {SCHEMA_VERSION}; nothing to upgrade.\n"


def test_upgrade_by_an_account_that_does_not_own_the_file_is_refused(
        old_file: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    from models.db import access

    db, _wid = old_file
    owner = access.file_owner(db)
    monkeypatch.setattr(access, "current_account", lambda: "kim")
    before = _digest(db)
    result = CliRunner().invoke(app, ["--db", str(db), "upgrade"])
    assert (result.exit_code, result.stderr) == (
        1, f"journeymap: Only the owner of {db} ({owner}) can upgrade it; the account kim is "
        "not (ask them to run `journeymap upgrade`).\n")
    assert _digest(db) == before


def _server_version(url: str) -> tuple[str, bool]:
    """(the stamped schema version, whether ticketsource still lacks schema 14's column)."""
    engine = server.make_engine(url, read_only=True)
    with engine.connect() as conn:
        version = conn.execute(text("SELECT value FROM journeymap_meta "
                                    "WHERE key = 'schema_version'")).scalar_one()
        lacks = conn.execute(text(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'ticketsource' "
            "AND column_name = 'zone'")).scalar_one() == 0
    engine.dispose()
    return str(version), bool(lacks)


@pytest.fixture
def old_server(pg_url: str) -> tuple[str, int]:
    with Store(pg_url, who="lea") as store:
        wid = build_workshop(store)
    engine = server.make_engine(pg_url, read_only=False)
    with engine.begin() as conn:  # a server database made by schema 13
        conn.execute(text('ALTER TABLE ticketsource DROP COLUMN "zone"'))
        conn.execute(text("UPDATE journeymap_meta SET value = '13' "
                          "WHERE key = 'schema_version'"))
    engine.dispose()
    return pg_url, wid


@pytest.mark.parametrize("words", READS[:4], ids=lambda w: " ".join(w[:3]))
def test_a_read_of_an_older_server_database_writes_nothing(
        old_server: tuple[str, int], words: list[str]) -> None:
    url, wid = old_server
    result = CliRunner().invoke(app, ["--db", url, *(w.format(wid=wid) for w in words)])
    assert result.exit_code == 1, result.output
    assert "was made by an older journeymap (schema 13" in result.stderr
    assert "upgrade it first with `journeymap upgrade`." in result.stderr
    assert _server_version(url) == ("13", True)


def test_upgrade_upgrades_a_server_database(old_server: tuple[str, int]) -> None:
    url, wid = old_server
    runner = CliRunner()
    upgraded = runner.invoke(app, ["--db", url, "upgrade"])
    assert upgraded.exit_code == 0, upgraded.output
    assert upgraded.stdout.endswith(f"from schema 13 to {SCHEMA_VERSION}.\n")
    assert _server_version(url) == (str(SCHEMA_VERSION), False)
    assert runner.invoke(app, ["--db", url, "export", str(wid)]).exit_code == 0
