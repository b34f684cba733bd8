"""Fresh-eyes QA (session 5): the ticket import dialog at 80x24, keyboard only.

Found in tmux: after Inspect, Tab from the path went to the product, then to the empty
list of column questions (an invisible stop: Enter there did nothing), and the summary of
the columns found was cut after three lines ("csat =") even with no question to make
room for.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.helpers import import_dialog, settle

FIXTURES = Path(__file__).resolve().parents[1] / "models" / "tickets" / "fixtures"


async def test_tab_goes_from_the_path_to_import_without_an_invisible_stop(
        tmp_path: Path) -> None:
    async with import_dialog(tmp_path / "d.db") as (app, pilot, dialog, wid):
        await pilot.press(*str(FIXTURES / "zendesk_tickets.csv"), "enter")
        await settle(pilot)
        stops = []
        for _ in range(4):
            await pilot.press("tab")
            stops.append(app.focused.id if app.focused else None)
        # the zone since session 12 (tickets13): the same as tickets import --zone
        assert stops == ["source", "zone", "inspect", "import"]
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is not dialog
        assert app.session.journey is not None and app.session.journey.readings


async def test_the_columns_found_are_shown_whole_when_nothing_is_asked(
        tmp_path: Path) -> None:
    async with import_dialog(tmp_path / "d.db") as (app, pilot, dialog, wid):
        await pilot.press(*str(FIXTURES / "zendesk_tickets.csv"), "enter")
        await settle(pilot)
        plan = dialog.query_one("#plan", Static)
        assert not dialog.choices
        needed = plan.get_content_height(plan.size, app.size, plan.content_region.width)
        assert plan.content_region.height >= needed > 3
