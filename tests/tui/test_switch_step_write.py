"""The step a switch remembers for re-opening: one UPDATE, and it survives ``kill -9``.

A switch stores its step as the workshop's ``current_step`` after the screen shows it;
through ``Store.update`` that was an ORM read, a compare and a flush (≈ 1.9 ms inside
every switch at 100 touchpoints, issue 18).  It is now one UPDATE on the store's
connection, committed before the app is idle again: a seat killed right after the
switch re-opens at the step it showed.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import event

from models.db.store import Store
from tests.helpers import SIZE, build_workshop, ready
from tui.app.launch import build_app

ROOT = Path(__file__).resolve().parents[2]


def _workshop(db: Path) -> int:
    with Store(db, who="lea") as store:
        return build_workshop(store)


async def test_a_switch_stores_its_step_with_one_statement(db_path: Path) -> None:
    wid = _workshop(db_path)
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        store = app.screen.session.store
        seen: list[str] = []

        def record(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
            if sql.split()[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK"):
                seen.append(" ".join(sql.split()))

        app.pairing.stop()  # its heartbeat writes the seat's own row
        event.listen(store.engine, "before_cursor_execute", record)
        for key in ("5", "3", "4"):
            seen.clear()
            await pilot.press("escape", key)
            await ready(pilot)
            assert len(seen) == 1 and seen[0].startswith("UPDATE workshop SET"), (key, seen)
        event.remove(store.engine, "before_cursor_execute", record)
    with Store(db_path, who="lea") as store:
        assert store.get_workshop(wid).current_step == "ownership"


KILLED_AFTER_THE_SWITCH = """
import asyncio, os, signal, sys
from pathlib import Path
from tests.helpers import ready
from tui.app.launch import build_app

async def main() -> None:
    app = build_app(Path(sys.argv[1]), int(sys.argv[2]), step="scope", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press(sys.argv[3])
        assert app.screen.step == sys.argv[4], app.screen.step
        os.kill(os.getpid(), signal.SIGKILL)

asyncio.run(main())
"""


def test_a_seat_killed_right_after_a_switch_reopens_at_the_new_step(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    wid = _workshop(db)
    for key, step in (("5", "pains"), ("3", "touchpoints")):
        out = subprocess.run([sys.executable, "-c", KILLED_AFTER_THE_SWITCH, str(db), str(wid),
                              key, step], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert out.returncode == -signal.SIGKILL, out.stderr[-2000:]
        with Store(db, who="lea") as store:
            assert store.get_workshop(wid).current_step == step
