"""Hostile text: markup, escape codes, emoji, CJK, RTL and a 5,000-character line.

Every text field of a workshop holds one of these; every screen is visited at
80x24 and 120x40.  Nothing may raise, markup must show literally and no control
character may reach the terminal (they are shown as visible pictures).
"""

from __future__ import annotations

import pytest

from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Handoff, Stage, Touchpoint
from tests.helpers import screen_text
from tui.app.launch import build_app
from tui.safe_text import clean, safe

HOSTILE = [
    "[bold red]x[/]",
    "[/]",
    "[link=https://x]y[/link]",
    "\x1b[2J",
    "bell\x07",
    "🙂👍🏽 emoji",
    "漢字テキスト",
    "שלום مرحبا",
    "L" * 5000,
]


def hostile_workshop(store: Store) -> int:
    h = iter(HOSTILE * 20)
    w = store.create_workshop(
        default_stages=False, title=next(h), persona=next(h), scenario=next(h),
        persona_goal=next(h), business_goal=next(h), evidence_resolution_time=next(h),
        evidence_transfer_rate=next(h), evidence_csat=next(h), evidence_notes=next(h),
        facilitator="[bold red]x[/]")
    wid = int(w.id or 0)
    tps = []
    for i in range(3):
        st = store.add(Stage(workshop_id=wid, name=HOSTILE[i], description=next(h),
                             kpi_name=HOSTILE[(i + 3) % 9], kpi_unit=next(h)))
        for j in range(3):
            tps.append(store.add(Touchpoint(
                stage_id=st.id, name=HOSTILE[(i * 3 + j) % 9], channel=next(h), does=next(h),
                thinks=next(h), feels=next(h), sentiment=(i + j) % 5 - 2,
                owner_team=HOSTILE[(i + j) % 9] if j else "")))
    for k, tp in enumerate(tps):
        store.add(PainPoint(workshop_id=wid, touchpoint_id=tp.id, description=HOSTILE[k % 9],
                            kind="loop", impact=k % 3 + 1, effort=(k + 1) % 3 + 1))
    store.add(Handoff(workshop_id=wid, from_touchpoint_id=tps[1].id, to_touchpoint_id=tps[2].id,
                      what_is_transferred=HOSTILE[0], typical_delay=HOSTILE[3]))
    return wid


def test_clean_neutralises_controls() -> None:
    assert clean("\x1b[2J\x07") == "␛[2J␇"
    assert clean("a\nb") == "a␊b" and clean("a\nb", keep_newlines=True) == "a\nb"
    assert clean("\u202eevil") == "\ufffdevil"
    text = safe("[bold red]x[/]")
    assert text.plain == "[bold red]x[/]" and not text.spans


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_every_screen_shows_hostile_text_literally(store: Store,
                                                         size: tuple[int, int]) -> None:
    wid = hostile_workshop(store)
    seen = ""
    app = build_app(store.path, who="tester")
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        seen += screen_text(app)  # home
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in ["escape", "2", "3", "4", "5", "v", "v", "6", "7", "8", "1"]:
            await pilot.press(key)
            await pilot.pause()
            out = screen_text(app)
            assert "\x1b" not in out and "\x07" not in out
            seen += out
        assert app.screen.step == "scope"
        assert app.journey is not None and app.journey.workshop.id == wid
    for literal in ("[bold red]x[/]", "[link=https://x]y[/link]", "␛[2J", "bell␇",
                    "漢字テキスト", "שלום مرحبا", "🙂"):
        assert literal in seen, literal
    assert "L" * 16 + "…" in seen  # the 5,000-character line, cut to its column (80 wide)
    # visiting (and leaving fields) never rewrote the stored text
    journey = store.load(wid)
    assert journey.workshop.title == HOSTILE[0]
    assert journey.workshop.business_goal == HOSTILE[4]
    assert journey.stages[1].name == "[/]"
    assert journey.ordered_touchpoints()[3].name == "\x1b[2J"
