"""Fresh-eyes QA (session 5): what the footer shows at 80 columns on Stages, Cards, Escalation.

The footer cannot show every key at 80 columns (the rest are under ``?`` and ctrl+p), so it
shows the ones a lead reaches for: on Stages add, delete, the KPI baseline from ticket data
(``b``) and both moves; on Cards the measure key (``m``) that ties a card to ticket data.
An observer's footer has none of the editing keys.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import build_workshop
from tests.tui.workshop_flow import footer_keys, ready
from tui.app.app import JourneyApp


@pytest.fixture
def wid(store: Store) -> int:
    """The lockout map with a card and an escalation level: a key for the row under the
    cursor is offered only where there is a row (``tests/tui/test_qa14_empty_table_keys``)."""
    from models.db.tables.method import EscalationLevel
    from models.rules.cards import create_card

    wid = build_workshop(store)
    create_card(store, int(store.load(wid).pain_points[0].id or 0))
    store.add(EscalationLevel(workshop_id=wid, severity="Sev-1"))
    return wid


async def shown(app: JourneyApp, pilot, step_key: str) -> list[str]:  # noqa: ANN001
    await ready(pilot)
    await pilot.press("escape", step_key)
    await ready(pilot)
    keys = footer_keys(app)
    assert all(region.right <= 80 for _, region in keys)
    return [k.action for k, _ in keys]


@pytest.mark.parametrize(("step_key", "wanted"), [
    ("2", ["add", "delete", "baseline", "move(-1)", "move(1)"]),
    ("6", ["create_top", "tie_signal", "edit"]),
])
async def test_a_lead_sees_the_step_keys_at_80_columns(db_path: Path, wid: int, step_key: str,
                                                       wanted: list[str]) -> None:
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        actions = await shown(app, pilot, step_key)
    for action in wanted:
        assert action in actions, (step_key, actions)


async def test_the_escalation_footer_has_delete_at_80_columns(db_path: Path, wid: int) -> None:
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        actions = await shown(app, pilot, "E")
    assert {"add", "delete", "move(-1)", "move(1)"} <= set(actions), actions


async def test_the_footer_names_shift_keys_briefly() -> None:
    from textual.binding import Binding

    from tui.widgets.footer import footer_key, short_description

    assert footer_key("shift+↑") == "⇧↑" and footer_key("shift+↓") == "⇧↓"
    assert footer_key("ctrl+p") == "ctrl+p" and footer_key("⏎") == "⏎"
    assert short_description(Binding("b", "baseline", "KPI baseline from ticket data")
                             .description) == "Baseline"


async def test_an_observer_sees_no_baseline_or_measure_key(db_path: Path, wid: int) -> None:
    app = JourneyApp(db_path, wid, who="watcher", role="observer")
    async with app.run_test(size=(80, 24)) as pilot:
        stages = await shown(app, pilot, "2")
        cards = await shown(app, pilot, "6")
    assert "baseline" not in stages and "tie_signal" not in cards
    assert "add" not in stages and "create_top" not in cards


async def test_the_data_screen_footer_says_how_to_go_back_at_80_columns(db_path: Path,
                                                                       wid: int) -> None:
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("escape", "T")
        await ready(pilot)
        actions = [k.action for k, _ in footer_keys(app)]
    assert {"import", "map_category", "fill", "close"} <= set(actions), actions
