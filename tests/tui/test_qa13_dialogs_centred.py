"""Fresh-eyes QA (session 12): three dialogs sat in the top-left corner over the header.

Found in tmux at 80x24 on the demo: ``w`` (five whys) on Pain points drew its box from
column 0, row 0, over the title and the step bar, while every other dialog is centred.
The ticket import dialog (``T`` then ``i``) and the import's progress box had no
centring either.  Every dialog now centres the same way (``HeldDialog``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.screen import Screen

from models.db.store import Store
from tests.helpers import build_workshop, settle
from tui.app.app import JourneyApp
from tui.dialogs.five_whys import FiveWhysScreen
from tui.dialogs.import_progress import ImportProgress
from tui.dialogs.ticket_import import TicketImportDialog

SIZE = (80, 24)

DIALOGS: dict[str, Callable[[], Screen[object]]] = {
    "five whys": lambda: FiveWhysScreen("Reset emails land in spam", ["Shared domain"], ""),
    "ticket import": lambda: TicketImportDialog("march.csv"),
    "import progress": lambda: ImportProgress("march.csv", lambda _dialog: None),
}


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="lea") as store:
        return build_workshop(store)


@pytest.mark.parametrize("name", DIALOGS)
async def test_the_dialog_is_centred(db_path: Path, wid: int, name: str) -> None:
    app = JourneyApp(db_path, wid, who="lea", step="pains")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(DIALOGS[name]())
        await settle(pilot)
        box = app.screen.query_one(".dialog").region
        left, right = box.x, SIZE[0] - box.right
        top, bottom = box.y, SIZE[1] - box.bottom
        assert abs(left - right) <= 1, (name, box)
        assert abs(top - bottom) <= 1, (name, box)


async def test_w_on_pain_points_opens_the_five_whys_clear_of_the_step_bar(
        db_path: Path, wid: int) -> None:
    app = JourneyApp(db_path, wid, who="lea", step="pains")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "w")
        await settle(pilot)
        assert isinstance(app.screen, FiveWhysScreen)
        assert app.screen.query_one(".dialog").region.y > 1
