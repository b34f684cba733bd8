"""A seat on the team server says at once which server it is connecting to.

Why: on a network that drops packets the early read waits the whole connect
timeout (3 s).  It ran before the first frame, so the lead looked at a blank
terminal for those seconds, then at the refusal.  Now the first frame names the
server (host and port, never the password) while the connect is on its way, and
the refusal replaces it.  The silent listener holds the connect open until the
test lets it go: nothing here depends on how long anything takes.
"""

from __future__ import annotations

from tests.helpers import screen_text, until
from tests.silent_listener import silent_listener
from tui.app.app import JourneyApp


async def test_the_first_frame_names_the_server_while_it_connects() -> None:
    with silent_listener() as silent:
        app = JourneyApp(silent.url(), who="lea")
        async with app.run_test(size=(80, 24)) as pilot:
            assert await until([pilot], lambda: silent.attempts == 1, rounds=500)
            await pilot.pause()
            waiting = screen_text(app)
            still_connecting = app.loading
            silent.close()  # the server's side goes away: the connect fails now
            assert await until([pilot], lambda: not app.loading, rounds=500)
            await pilot.pause()
            refused = screen_text(app)
            await app.workers.wait_for_complete()
            attempts = silent.attempts
    assert still_connecting
    assert f"Connecting to the PostgreSQL server at 127.0.0.1:{silent.port}" in waiting
    assert f"Cannot reach the PostgreSQL server at 127.0.0.1:{silent.port}" in refused
    assert "Connecting to" not in refused
    assert "secret-pw" not in waiting + refused
    assert attempts == 1


async def test_a_quit_pressed_while_connecting_quits_once_the_server_refuses() -> None:
    """Keys typed while connecting wait for the first screen; when there is none, the
    quit among them still quits (it was dropped with the rest)."""
    with silent_listener() as silent:
        app = JourneyApp(silent.url(), who="lea")
        async with app.run_test(size=(80, 24)) as pilot:
            assert await until([pilot], lambda: silent.attempts == 1, rounds=500)
            await pilot.press("ctrl+q")
            waited = app.is_running
            silent.close()
            assert await until([pilot], lambda: not app.is_running, rounds=500)
    assert waited
