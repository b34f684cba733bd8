"""A kept step view skips a redraw only for changes it does not show (issue 18, ``SHOWS``).

Skipping too much is the worse bug: a view shown again with stale rows misleads the
room.  So for every view that declares ``SHOWS``, each kind or field it declares and
that an edit can change in place (``WorkshopSession.save_field``) is edited while the
view is hidden; shown again, the view must look as a full redraw would make it look,
and different from before the edit (the edit is on screen, not just somewhere).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from models.db.journey import Journey
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.method import EscalationLevel
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop
from tests.helpers import SIZE, build_workshop, ready
from tests.tui.switch_looks import count_rows, screen_lines, settled
from tui.app.launch import build_app

# (model, which row of the snapshot, field, value): one edit a view must show
Edit = tuple[type, Callable[[Journey], Any], str, Any]


def _tp(index: int) -> Callable[[Journey], Any]:
    return lambda journey: journey.ordered_touchpoints()[index]


FIRST_STAGE: Edit = (Stage, lambda j: j.stages[0], "name", "Renamed [b]stage[/b]")
TP_NAME: Edit = (Touchpoint, _tp(0), "name", "Renamed [i]touchpoint[/i]")
# the step (its key) shown while the edits are made: it shows none of these rows
PARK = {"6": "7"}

EDITS: dict[str, tuple[str, list[Edit]]] = {
    "scope": ("1", [(Workshop, lambda j: j.workshop, "title", "Retitled [b]map[/b]")]),
    "stages": ("2", [FIRST_STAGE]),
    "touchpoints": ("3", [FIRST_STAGE, TP_NAME,
                          (Touchpoint, _tp(0), "sentiment", 2)]),
    "ownership": ("4", [
        FIRST_STAGE, TP_NAME,
        (Touchpoint, _tp(0), "owner_team", "Night [b]shift[/b]"),
        (Touchpoint, _tp(2), "lane", "backstage"),  # Product → Engineering: a handoff now
        (Touchpoint, _tp(0), "actor", "bot"),  # the swimlanes' number gets its letter
        (Handoff, lambda j: j.handoffs[0], "customer_informed", True),
        (Workshop, lambda j: j.workshop, "max_handoffs", 1),
    ]),
    "cards": ("6", [
        (HypothesisCard, lambda j: j.cards[0], "experiment", "Re[b]tried[/b]"),
        (PainPoint, lambda j: j.pain_points[0], "description", "Re[b]worded[/b]"),
    ]),
    "pains": ("5", [(PainPoint, lambda j: j.pain_points[0], "description", "Re[b]worded[/b]")]),
    "moments": ("M", [FIRST_STAGE, TP_NAME,
                      (PainPoint, lambda j: j.pain_points[0], "urgent", True)]),
    "escalation": ("E", [
        (EscalationLevel, lambda j: j.escalation_levels[0], "severity", "Sev-[b]0[/b]"),
        (Touchpoint, _tp(2), "actor", "bot"),  # a bot with no escalation rule: risks
        (Handoff, lambda j: j.handoffs[0], "is_escalation", True),
        (PainPoint, lambda j: j.pain_points[0], "kind", "other"),  # at that bot: no loop now
    ]),
}


def workshop(db: Path) -> int:
    """The usual workshop, with one escalation level (the Escalation view's rows) and a
    card for the first pain point."""
    with Store(db, who="lea") as store:
        wid = build_workshop(store)
        pain = store.load(wid).pain_points[0]
        store.add(HypothesisCard(pain_point_id=int(pain.id or 0), experiment="Fix the link"))
        store.add(EscalationLevel(workshop_id=wid, severity="Sev-1", tier_role="Tier 2",
                                  response_sla_minutes=30))
        return wid


def view_lines(app: Any, step: str) -> list[str]:
    """The lines of the screen the view ``step`` covers (not the bars: "saved" moves)."""
    region = app.screen.view(step).region
    return screen_lines(app)[region.y:region.bottom]


async def shows_after_hidden_edits(pilot: Any, step: str) -> None:
    """Each edit of ``EDITS[step]`` made while the view is hidden is drawn when it is
    shown again (AssertionError naming the edit otherwise)."""
    app = pilot.app
    key, edits = EDITS[step]
    for model, row_of, field, value in edits:
        await pilot.press("escape", key)
        await ready(pilot)
        before = view_lines(app, step)
        await pilot.press("escape", PARK.get(key, "6"))
        await ready(pilot)
        row = row_of(app.journey)
        assert app.save_field(model, int(row.id or 0), field, value), field
        await pilot.press("escape", key)
        await ready(pilot)
        shown = view_lines(app, step)
        app.screen.view(step).draw(app.journey, again=True)
        await pilot.pause()
        edit = f"{model.__name__}.{field}"
        assert shown != before, f"{step}: {edit} is not on screen at all"
        assert shown == view_lines(app, step), f"{step}: {edit} was not drawn"


@pytest.mark.parametrize("step", sorted(EDITS))
async def test_a_change_made_while_a_view_is_hidden_is_drawn_when_it_is_shown(
        db_path: Path, step: str) -> None:
    app = build_app(db_path, workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app.pairing.stop()
        await shows_after_hidden_edits(pilot, step)


async def test_a_sentiment_typed_rebuilds_no_kept_view_that_does_not_show_it(
        db_path: Path, monkeypatch: Any) -> None:
    """A sentiment typed on Touchpoints, then Ownership and Pain points shown: neither
    draws a sentiment, yet Ownership rebuilt every row (10,000 at issue 18's size), and
    Pain points ranked and rebuilt its pains (it reads touchpoints for their order only)."""
    from tui.steps.ownership import OwnershipView
    from tui.steps.pains import PainsView

    built = count_rows(monkeypatch, OwnershipView, PainsView)
    app = build_app(db_path, workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app.pairing.stop()
        built.clear()
        for key in ("4", "5"):
            await pilot.press("escape", "3", "escape", "plus")
            await ready(pilot)
            await pilot.press("escape", key)
            await ready(pilot)
        assert app.journey is not None
        assert app.journey.ordered_touchpoints()[0].sentiment == 1  # typed twice: -1 → +1
        assert not built, built
