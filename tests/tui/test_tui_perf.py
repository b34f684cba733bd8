"""Start-up and refresh cost guards: what `journeymap open` imports, and what a refresh redraws.

No timings here (the machine is shared): the tests pin the *causes* of slowness
instead — SQLModel imported before the first paint, a whole-journey reload after
a local edit, every row of a 2,000-row table rewritten for one changed cell.
"""

from __future__ import annotations

import html
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models.db import dbfile, schema
from models.db.store import Store


# -- start-up ------------------------------------------------------------------------
def test_schema_reexports_the_light_file_check() -> None:
    assert schema.StoreError is dbfile.StoreError
    assert schema.inspect_file is dbfile.inspect_file
    assert schema.FileState is dbfile.FileState
    assert schema.SCHEMA_VERSION == dbfile.SCHEMA_VERSION


PROBE = """
import sys, types
seen = []
def run_app(*a, **k):
    from tui.app.launch import build_app
    build_app(*a, **k)  # the app object is built before its first paint
    heavy = ('sqlmodel', 'sqlalchemy', 'pydantic')
    seen.append(sorted(m for m in sys.modules if m.split('.')[0] in heavy))
real = types.ModuleType('tui.app.launch')
import importlib.util, tui
spec = importlib.util.find_spec('tui.app.launch')
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
real.build_app = mod.build_app
real.run_app = run_app
sys.modules['tui.app.launch'] = real
sys.argv = ['journeymap', '--db', sys.argv[1], 'open', sys.argv[2], '--step', 'stages']
from tui.cli.main import main
try:
    main()
except SystemExit:
    pass
print('LAUNCHED', seen)
"""


def test_open_imports_no_sqlmodel_or_pydantic_before_the_app_runs(db_path: Path) -> None:
    wid = Store(db_path).create_workshop(title="x").id
    out = subprocess.run([sys.executable, "-c", PROBE, str(db_path), str(wid)],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "LAUNCHED [[]]", out.stderr


def test_check_openable_accepts_a_workshop_and_refuses_a_new_file(db_path: Path,
                                                                  tmp_path: Path) -> None:
    wid = Store(db_path).create_workshop(title="x").id
    assert dbfile.check_openable(db_path, wid) == db_path
    assert dbfile.check_openable(db_path, None, read_only=True) == db_path
    fresh = tmp_path / "new.db"  # only new, demo and import create a database
    with pytest.raises(dbfile.StoreError, match="There is no journeymap database at"):
        dbfile.check_openable(fresh)
    assert not fresh.exists()  # checking writes nothing


@pytest.mark.parametrize(("setup", "kwargs", "needle"), [
    ("workshop", {"workshop_id": 99}, "There is no workshop 99"),
    ("missing", {"workshop_id": 1}, "There is no journeymap database at"),
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


# -- refresh -------------------------------------------------------------------------
async def test_own_edit_is_not_reloaded_but_another_seats_is(db_path: Path) -> None:
    from models.db.tables.workshop import Touchpoint
    from tests.helpers import SIZE, build_workshop, first_tp, ready, until
    from tui.app.launch import build_app

    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
    a = build_app(db_path, wid, step="touchpoints", who="lea")
    async with a.run_test(size=SIZE) as pa:
        await ready(pa)
        tp = first_tp(a)
        old = tp.sentiment
        before = a.pairing.reloads
        await pa.press("escape", "plus")  # sentiment +1 on the first touchpoint: our edit
        polls = a.pairing.polls  # several polls pass: none may reload for our own edit
        assert await until([pa], lambda: a.pairing.polls >= polls + 5)
        assert a.journey is not None and a.journey.touchpoint(tp.id).sentiment \
            == min(2, old + 1)  # type: ignore[union-attr]
        assert a.pairing.reloads == before
        with Store(db_path, who="sam") as other:  # another seat writes: reloaded
            other.update(Touchpoint, int(tp.id or 0), name="Renamed by sam")
        assert await until([pa], lambda: a.pairing.reloads > before)
        assert a.journey.touchpoint(tp.id).name == "Renamed by sam"  # type: ignore[union-attr]


async def test_fast_table_updates_one_row_and_keeps_the_others_cached() -> None:
    from rich.text import Text
    from textual.app import App, ComposeResult

    from tui.widgets.fast_table import FastTable

    class One(App[None]):
        def compose(self) -> ComposeResult:
            table = FastTable()
            table.add_column("n", key="n")
            for i in range(30):
                table.add_row(Text(f"row {i}"), key=str(i))
            yield table

    app = One()
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(FastTable)
        count = table._update_count
        others = [k for k in table._cell_render_cache.keys() if k[0] != "3"]
        assert others and any(k[0] == "3" for k in table._cell_render_cache.keys())
        table.update_cell("3", "n", Text("[b]x[/"))  # fits the column: no width change
        assert table._update_count == count  # other rows' renders stay valid
        assert all(k in table._cell_render_cache for k in others)
        assert not any(k[0] == "3" for k in table._cell_render_cache.keys())
        await pilot.pause()
        shown = html.unescape(app.export_screenshot()).replace("\xa0", " ")
        assert "[b]x[/" in shown and "row 3 " not in shown and "row 4 " in shown
