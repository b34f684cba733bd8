"""A file damaged under an open workshop screen: the next save is one sentence and the
typing stays in its field, never a traceback (found by fresh-eyes QA in tmux: the file
truncated while a lead typed a stage name; Enter showed SQLAlchemy's traceback)."""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from tests.file_damage import cut_in_half
from tests.helpers import build_workshop, ready, type_kpi
from tui.app.launch import build_app


async def test_saving_into_a_file_cut_under_the_seat_says_so(tmp_path: Path) -> None:
    path = tmp_path / "team.db"
    with Store(path, who="lea") as store:
        wid = build_workshop(store)
        stage_id = int(store.load(wid).stages[-1].id or 0)
    app = build_app(path, wid, step="stages", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        cut_in_half(path)
        await type_kpi(pilot, app, stage_id, "Typed after the cut")
        await ready(pilot)
        assert app.is_running
        said = [n.message for n in app._notifications if n.severity == "error"]
        assert any("is damaged" in message for message in said), said
        field = app.screen.view("stages").form.field("kpi_name")
        assert field.value == "Typed after the cut"
