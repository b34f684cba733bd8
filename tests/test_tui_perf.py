"""Start-up and refresh cost guards: what `journeymap open` imports, and what a refresh redraws.

No timings here (the machine is shared): the tests pin the *causes* of slowness
instead — SQLModel imported before the first paint, a whole-journey reload after
a local edit, every row of a 2,000-row table rewritten for one changed cell.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models import dbfile, presence, schema
from models.store import Store
from tui import pairing


# -- start-up ------------------------------------------------------------------------
def test_schema_reexports_the_light_file_check() -> None:
    assert schema.StoreError is dbfile.StoreError
    assert schema.inspect_file is dbfile.inspect_file
    assert schema.FileState is dbfile.FileState
    assert schema.SCHEMA_VERSION == dbfile.SCHEMA_VERSION


def test_pairing_constants_follow_presence() -> None:
    assert pairing.HEARTBEAT_S == presence.HEARTBEAT_S
    assert pairing.WINDOW_S == presence.WINDOW_S


PROBE = """
import sys, types
seen = []
def run_app(*a, **k):
    from tui.launch import build_app
    build_app(*a, **k)  # the app object is built before its first paint
    seen.append(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlmodel', 'sqlalchemy')))
real = types.ModuleType('tui.launch')
import importlib.util, tui
spec = importlib.util.find_spec('tui.launch')
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
real.build_app = mod.build_app
real.run_app = run_app
sys.modules['tui.launch'] = real
sys.argv = ['journeymap', '--db', sys.argv[1], 'open', sys.argv[2], '--step', 'stages']
from tui.cli import main
try:
    main()
except SystemExit:
    pass
print('LAUNCHED', seen)
"""


def test_open_imports_no_sqlmodel_before_the_app_runs(db_path: Path) -> None:
    wid = Store(db_path).create_workshop(title="x").id
    out = subprocess.run([sys.executable, "-c", PROBE, str(db_path), str(wid)],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "LAUNCHED [[]]", out.stderr


def test_check_openable_accepts_a_workshop_and_a_new_file(db_path: Path, tmp_path: Path) -> None:
    wid = Store(db_path).create_workshop(title="x").id
    assert dbfile.check_openable(db_path, wid) == db_path
    assert dbfile.check_openable(db_path, None, read_only=True) == db_path
    fresh = tmp_path / "sub" / "new.db"
    assert dbfile.check_openable(fresh) == fresh
    assert not fresh.exists()  # checking writes nothing


@pytest.mark.parametrize(("setup", "kwargs", "needle"), [
    ("workshop", {"workshop_id": 99}, "There is no workshop 99"),
    ("missing", {"workshop_id": 1}, "There is no workshop 1"),
    ("missing", {"read_only": True}, "no journeymap workshops to observe yet"),
    ("foreign", {}, "another application"),
    ("text", {}, "not an SQLite file"),
])
def test_check_openable_refuses_in_one_sentence(db_path: Path, setup: str,
                                                kwargs: dict[str, object], needle: str) -> None:
    if setup == "workshop":
        Store(db_path).create_workshop(title="x")
    elif setup == "foreign":
        with sqlite3.connect(db_path) as conn:
            conn.execute("CREATE TABLE t (x)")
    elif setup == "text":
        db_path.write_text("hello")
    before = db_path.read_bytes() if db_path.exists() else None
    with pytest.raises(dbfile.StoreError, match=needle) as err:
        dbfile.check_openable(db_path, **kwargs)  # type: ignore[arg-type]
    assert "\n" not in str(err.value)
    assert (db_path.read_bytes() if db_path.exists() else None) == before
