"""`export` of a local file reads with plain sqlite3 and never imports the ORM.

Importing SQLModel/SQLAlchemy cost more than reading and writing a
2,000-touchpoint map (issue 18); these tests hold the export to that path and
to the same bytes as the store's path.  No timing here: bench/export.py measures.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.db.store import Store
from models.export.markdown import to_markdown
from models.export.plan_ics import plan_ics
from models.export.templates import create_from_template
from models.rules.demo import complete_demo
from tests.cli.console_probe import HEAVY_PROBE, TODAY


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "JOURNEYMAP_TODAY": TODAY.isoformat()}
    return subprocess.run([sys.executable, "-c", HEAVY_PROBE, "--db", str(db), *args],
                          capture_output=True, env=env, stdin=subprocess.DEVNULL)


@pytest.fixture
def portfolio(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "j.db"
    with Store(db, who="tester") as store:
        wid = create_from_template(store, "login-lockout", start_date=dt.date(2024, 2, 29))
        complete_demo(store, wid, TODAY)
        create_from_template(store, "billing-dispute")  # the review compares the portfolio
    return db, wid


def test_export_md_is_the_store_document_without_the_orm(portfolio: tuple[Path, int]) -> None:
    db, wid = portfolio
    with Store(db, who="tester", read_only=True) as store:
        journey = store.load(wid)
        others = store.load_many([w.id for w in store.list_workshops() if w.id != wid])
        expected = to_markdown(journey, today=TODAY, portfolio=[journey, *others])
    out = run_cli(db, "export", str(wid), "--format", "md")
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode("utf-8") == expected
    assert b"HEAVY []" in out.stderr


@pytest.mark.parametrize("fmt", ["ics", "csv"])
def test_other_read_exports_skip_the_orm_too(portfolio: tuple[Path, int], fmt: str) -> None:
    db, wid = portfolio
    out = run_cli(db, "export", str(wid), "--format", fmt)
    assert out.returncode == 0, out.stderr
    assert b"HEAVY []" in out.stderr
    if fmt == "ics":
        with Store(db, who="tester", read_only=True) as store:
            assert out.stdout == plan_ics(store.load(wid), TODAY)


def test_unknown_workshop_is_the_store_sentence(portfolio: tuple[Path, int]) -> None:
    db, wid = portfolio
    out = run_cli(db, "export", str(wid + 10), "--format", "md")
    assert out.returncode == 1
    assert f"There is no workshop {wid + 10} in {db}".encode() in out.stderr


def test_an_older_file_still_goes_through_the_store(portfolio: tuple[Path, int]) -> None:
    """Anything the light read does not trust (here: not a journeymap file) is the store's
    to refuse, in its own words."""
    db, _wid = portfolio
    other = db.with_name("notes.db")
    other.write_bytes(b"not a database at all, just text" * 10)
    out = run_cli(other, "export", "1", "--format", "md")
    assert out.returncode == 1
    assert b"Traceback" not in out.stderr


def test_the_database_named_by_the_environment_is_read_the_same_way(
        portfolio: tuple[Path, int]) -> None:
    db, wid = portfolio
    env = {**os.environ, "JOURNEYMAP_TODAY": TODAY.isoformat(), "JOURNEYMAP_DB": str(db)}
    out = subprocess.run([sys.executable, "-c", HEAVY_PROBE, "export", str(wid), "--format", "ics"],
                         capture_output=True, env=env, stdin=subprocess.DEVNULL)
    assert out.returncode == 0, out.stderr
    assert b"HEAVY []" in out.stderr
    with Store(db, who="tester", read_only=True) as store:
        assert out.stdout == plan_ics(store.load(wid), TODAY)
