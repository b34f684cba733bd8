"""A seat exports the map on its screen while the team server is away.

Found from outside (session 13): `x` on a server seat with the network dropped said
"Not exported: Cannot reach …" although the map was on screen and readable.  The
export needs the server only for the other workshops the review weighs ("map
next"); without it the seat writes this map alone and says so.  The outage is a
fault injected between seat and server (``tests.pg_link``).
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import SIZE, ready, until
from tests.pg_link import Link
from tui.app.app import JourneyApp
from tui.app.launch import build_app


def notes(app: JourneyApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_x_while_the_server_is_away_writes_the_map_on_screen_and_says_what_it_left_out(
        server_link: tuple[Link, int], tmp_path: Path) -> None:
    forwarder, wid = server_link
    target = tmp_path / "plan.md"
    app = build_app(forwarder.via(), wid, step="cards", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.journey is not None
        title = app.journey.workshop.title
        forwarder.cut()
        assert await until([pilot], lambda: any("Lost the connection" in n for n in notes(app)),
                           rounds=500)
        await pilot.press("x")
        assert await until([pilot], lambda: bool(app.screen.query("#export-path")))
        app.screen.query_one("#export-path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert await until([pilot], lambda: any(n.startswith(("Exported", "Not exported"))
                                                for n in notes(app)), rounds=500)
        said = [n for n in notes(app) if "xported" in n]
    assert said == [f"Exported to {target} from the map on screen; the server is away, so "
                    "the review's \"map next\" weighs this workshop alone."]
    assert f"# {title}" in target.read_text(encoding="utf-8")
