"""An observer a lead raises to participant while its seat is open may edit at once.

qa19 made a lowered seat reopen its store read-only live; the raise stayed unseen until
the seat reopened: the header said "observer (read-only)" and every editing key was
refused.  The raise is a lead's grant, never the seat's own claim: a role written into
the seat's own row without a lead's logged grant, a seat opened with ``--role observer``
and a ``seat`` line capped at observer all stay read-only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import ReadOnlyError, Store
from models.db.tables.seats import Participant
from models.db.tables.workshop import Touchpoint
from models.live.presence import grant
from tests.helpers import build_workshop, ready, until
from tests.tui.workshop_flow import footer_keys
from tui.app.launch import build_app

pytestmark = pytest.mark.both_engines


def _sentiment(db_path: Path, touchpoint_id: int) -> int:
    with Store(db_path, who="check") as store, store.read() as s:
        row = s.get(Touchpoint, touchpoint_id)
        assert row is not None
        return row.sentiment


async def _opened_observer(pilot: Any, app: Any) -> None:
    await ready(pilot)
    assert await until([pilot], lambda: app.pairing.me() is not None)
    assert app.read_only


async def _plus_on_a_touchpoint(pilot: Any, app: Any) -> tuple[int, int]:
    """Press + on the touchpoint under the cursor: (its id, its sentiment before)."""
    view = app.screen.view("touchpoints")
    app.screen.set_focus(view.table)
    await ready(pilot)
    _, touchpoint = view.record(view.current_key())
    before = _sentiment(app.db_path, touchpoint.id)
    await pilot.press("plus")
    await ready(pilot)
    return touchpoint.id, before


async def test_an_observer_raised_by_the_lead_edits_without_reopening(db_path: Path) -> None:
    with Store(db_path, who="lea") as store:  # lea created it: lea is the lead
        wid = build_workshop(store)
        grant(store, wid, "obs", "observer")
    app = build_app(db_path, wid, step="touchpoints", who="obs")
    async with app.run_test(size=(80, 24)) as pilot:
        await _opened_observer(pilot, app)
        with Store(db_path, who="lea") as lead:
            grant(lead, wid, "obs", "participant")
        assert await until([pilot], lambda: not app.read_only)
        await ready(pilot)
        assert app.store is not None and not app.store.read_only
        assert "participant" in str(app.sub_title) and "read-only" not in str(app.sub_title)
        assert "add" in [k.action for k, _ in footer_keys(app)]
        messages = [str(n.message) for n in app._notifications]
        assert any("participant" in m for m in messages), messages
        touchpoint, before = await _plus_on_a_touchpoint(pilot, app)
        assert _sentiment(db_path, touchpoint) == before + 1


@pytest.mark.parametrize("seat", [{"role": "observer"}, {"cap": "observer"}, {}])
async def test_a_raise_never_lifts_what_the_seat_itself_lowered_or_claimed(
        db_path: Path, seat: dict[str, str]) -> None:
    """``--role observer`` and a ``seat`` line's cap hold; a role the seat's own row got
    without a lead's grant (``{}``: written by another store) is a claim, not a raise."""
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
        grant(store, wid, "obs", "observer")
    app = build_app(db_path, wid, step="touchpoints", who="obs", **seat)
    async with app.run_test(size=(80, 24)) as pilot:
        await _opened_observer(pilot, app)
        me = app.pairing.me()
        assert me is not None
        if seat:
            with Store(db_path, who="lea") as lead:
                grant(lead, wid, "obs", "participant")
        else:  # its own presence store may not write the role (sec20); another writer's is
            with pytest.raises(ReadOnlyError):  # a claim, not a lead's logged grant
                app.pairing.seat.presence.update(Participant, me.id, log=False,
                                                 role="participant")
            with Store(db_path, who="lea") as other:
                other.update(Participant, me.id or 0, log=False, role="participant")
        assert await until([pilot], lambda: getattr(app.pairing.me(), "role", "")
                           == "participant")
        await ready(pilot)
        app.pairing.beat()
        await ready(pilot)
        assert app.read_only
        assert app.store is not None and app.store.read_only
        assert "observer" in str(app.sub_title)
        touchpoint, before = await _plus_on_a_touchpoint(pilot, app)
        assert _sentiment(db_path, touchpoint) == before
