"""An add, a delete or a move while the team server is away is one sentence, not two.

Found walking a browser seat through a server restart (session 15): ``a`` on Stages
with the server stopped showed "This change was not saved: … cannot be reached; try
again once it is back." and, under it, "Cannot reach the PostgreSQL server at …; is
it running and is the address right?": the seat reloaded the map after the refused
change, and that read failed too.  Nothing is typed for such a change (an add makes
a row with a placeholder name, typed over afterwards), so the one sentence loses
nothing; the map on screen stays as it was.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import until
from tests.pg_link import Link
from tests.tui.kept_edits import away


def refusals(heard: list[str]) -> list[str]:
    """What the seat said about the change (the outage's own warnings aside)."""
    return [text for text in heard if "not saved" in text or "Cannot reach" in text]


@pytest.mark.parametrize("keys", [("a",), ("shift+down",)], ids=["add", "move"])
async def test_a_structure_change_while_away_is_one_sentence(
        server_link: tuple[Link, int], keys: tuple[str, ...]) -> None:
    forwarder, wid = server_link
    async with away(forwarder, wid) as (app, pilot):
        await pilot.press("escape", "2")
        assert await until([pilot], lambda: app.pairing.screen_step() == "stages")
        assert app.journey is not None
        stages = [stage.name for stage in app.journey.stages]
        # every sentence the session says, kept here: a toast may time out on a loaded box
        heard: list[str] = []
        say = app.session.hooks.notify

        def record(message: object, **kwargs: Any) -> None:
            heard.append(str(message))
            say(message, **kwargs)

        app.session.hooks.notify = record
        await pilot.press(*keys)
        assert await until([pilot], lambda: bool(refusals(heard)))
        for _ in range(10):
            await pilot.pause(0.05)
        assert len(refusals(heard)) == 1 and "This change was not saved" in heard[0], heard
        assert [stage.name for stage in app.journey.stages] == stages
