"""Home: the command palette finds a workshop by its title and opens it.

Found walking a 200-workshop portfolio over ssh: Home had no way to find a workshop but
scrolling (ctrl+p "#193" said "No matches found").  Each workshop is a palette entry now,
its title shown literally: Textual's palette reads a title and a help text as markup, and a
workshop's title is user text ("[bold]boss[/bold]", an unclosed "[/]").
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.db.tables.workshop import Workshop
from tests.helpers import SIZE, build_workshop, second_workshop, until
from tests.tui.palette import offered
from tui.app.launch import build_app

HOSTILE = "[bold]boss[/bold] [/] \x1b[31mred"


async def test_the_palette_finds_a_workshop_by_its_title_and_opens_it(db_path: Path) -> None:
    with Store(db_path, who="lea") as store:
        build_workshop(store)
        odd = build_workshop(store)
        store.update(Workshop, odd, title=HOSTILE)
    other, _ = second_workshop(db_path)  # "Billing [red]x[/]"
    app = build_app(db_path, None, who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for typed, shown in (("boss", "[bold]boss[/bold] [/] ␛[31mred"),
                             ("Billing", "Billing [red]x[/]")):
            await pilot.press("escape", "ctrl+p", *typed)
            assert await until([pilot], lambda shown=shown: any(
                shown in o for o in offered(app)), rounds=250), offered(app)
        await pilot.press("enter")
        assert await until([pilot], lambda: app.session.journey is not None
                            and app.session.journey.workshop.id == other)
