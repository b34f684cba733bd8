"""Waits for the two moments of an early open: the scope step drawn from sqlite3, then
the store swapped in under it.

The app paints the first step from a plain sqlite3 read before SQLModel and the store
are ready; the tests of that window (what shows, what keys do meanwhile, what an
observer sees) wait for one moment or the other by bounded polling.
"""

from __future__ import annotations

from tui.app.app import JourneyApp
from tui.screens.workshop import WorkshopScreen


async def early_screen(app: JourneyApp, pilot) -> WorkshopScreen:  # noqa: ANN001
    for _ in range(500):
        screen = app.screen
        if isinstance(screen, WorkshopScreen) and screen.query("#scope-form"):
            await pilot.pause()
            return screen
        await pilot.pause(0.01)
    raise AssertionError("the early scope step never showed")


async def store_open(app: JourneyApp, pilot) -> None:  # noqa: ANN001
    await app.workers.wait_for_complete()
    for _ in range(300):
        if app.store is not None and not app.loading:
            break
        await pilot.pause(0.01)
    await pilot.pause()
    await pilot.pause()
