"""The method in the TUI: JTBD in Scope, five whys on a pain point, the Escalation,
Future state and Moments of truth views; observers see them but change nothing.

Pilot tests on a temp database, then snapshots at 80x24 and 120x40.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.method import EscalationLevel
from models.db.tables.workshop import Touchpoint
from models.export.future_copy import create_future_copy
from tests.helpers import build_workshop, ready
from tui.app.launch import build_app
from tui.widgets.long_text import LongText

SIZE = (120, 40)
SIZES = [(80, 24), (120, 40)]


pytestmark = pytest.mark.usefixtures("pinned_clock")  # today and the time zone pinned


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="lea") as store:
        return build_workshop(store)


def _load(db_path: Path, wid: int):  # noqa: ANN202
    with Store(db_path, who="check") as store:
        return store.load(wid)


async def test_jtbd_is_typed_in_scope_and_the_hint_names_the_process_step(
        db_path: Path, wid: int) -> None:
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        field = app.screen.query_one("#f-jtbd_want")
        field.focus()
        await pilot.press(*"submit a ticket", "enter")
        await pilot.pause()
        assert _load(db_path, wid).workshop.jtbd_want == "submit a ticket"
        line = app.screen.query_one("#jtbd-line").render()
        assert "Add the situation" in str(line) or "process step" in str(line)


async def test_five_whys_dialog_saves_the_chain_and_the_root_cause(
        db_path: Path, wid: int) -> None:
    app = build_app(db_path, wid, step="pains", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("escape", "w")
        await pilot.pause()
        await pilot.press(*"MFA device lost", "enter", *"No backup codes [b]", "enter")
        app.screen.query_one("#root-cause").focus()
        await pilot.press(*"Recovery needs an agent", "enter")
        await pilot.pause()
        view = app.screen.view("pains")  # type: ignore[attr-defined]
        pain = _load(db_path, wid).pain_point(int(view.current_key()))
        assert pain is not None
        assert pain.five_whys == "MFA device lost\nNo backup codes [b]"
        assert pain.root_cause == "Recovery needs an agent"


async def test_five_whys_escape_saves_nothing(db_path: Path, wid: int) -> None:
    app = build_app(db_path, wid, step="pains", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("escape", "w", "x", "escape")
        await pilot.pause()
        assert all(not p.five_whys for p in _load(db_path, wid).pain_points)


async def test_escalation_view_adds_and_edits_a_level(db_path: Path, wid: int) -> None:
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("escape", "E")
        await pilot.pause()
        assert app.screen.step == "escalation"  # type: ignore[attr-defined]
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Sev-1", "tab")
        await pilot.pause()
        levels = _load(db_path, wid).escalation_levels
        assert [lv.severity for lv in levels] == ["Sev-1"]
        ladder = str(app.screen.query_one("#ladder").render())
        assert "Sev-1" in ladder and "nobody" in ladder


async def test_observer_sees_the_views_but_cannot_edit(db_path: Path, wid: int) -> None:
    with Store(db_path, who="lea") as store:
        store.add(EscalationLevel(workshop_id=wid, severity="Sev-1", tier_role="Support Lead",
                                  response_sla_minutes=15, update_every_minutes=30))
    app = build_app(db_path, wid, step="pains", who="olga", role="observer")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("escape", "w")
        await pilot.pause()
        assert not app.screen.query("FiveWhysScreen") and app.screen.__class__.__name__ != \
            "FiveWhysScreen"
        await pilot.press("E", "a")
        await pilot.pause()
        assert len(_load(db_path, wid).escalation_levels) == 1
        await pilot.press("U", "f")
        await pilot.pause()
        with Store(db_path, who="check") as store:
            assert len(store.list_workshops()) == 1


async def test_future_view_makes_the_to_be_copy_and_compares(db_path: Path, wid: int) -> None:
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("escape", "U")
        await pilot.pause()
        body = str(app.screen.query_one("#future-body", LongText).text)
        assert "no future state yet" in body
        await pilot.press("f")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        with Store(db_path, who="check") as store:
            futures = [w for w in store.list_workshops() if w.state == "future"]
        assert len(futures) == 1 and futures[0].as_is_workshop_id == wid


async def test_future_view_sets_a_channels_cost_per_contact(db_path: Path, wid: int) -> None:
    """The business case says "no cost per contact set for channel “Email”": the room
    sets it where it reads that, not only with ``journeymap costs``."""
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("escape", "U")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("3")  # In-app, Help center, Email, … in map order
        await pilot.pause()
        await pilot.press(*"12.5", "tab", *"9", "tab")
        await pilot.pause()
        costs = _load(db_path, wid).channel_costs
        assert [(c.channel, c.cost_per_contact, c.handle_minutes) for c in costs] == [
            ("Email", 12.5, 9.0)]
        await pilot.press("escape")
        await pilot.pause()
        body = str(app.screen.query_one("#future-body", LongText).text)
        assert "Email: 12.5, 9 min per contact" in body


async def _retype(db_path: Path, wid: int, step: str, field_id: str, shown: str,
                  typed: str) -> tuple[str, str]:
    """Open ``step``, check the field shows ``shown``, replace it by ``typed`` and leave it
    with Tab; (the screen on top, the field's text) afterwards."""
    app = build_app(db_path, wid, step=step, who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        field = app.screen.query_one(field_id)
        assert field.value == shown  # type: ignore[attr-defined]
        field.focus()
        await pilot.press("end", *["backspace"] * len(shown), *typed, "tab")
        await pilot.pause()
        return app.screen.__class__.__name__, field.value  # type: ignore[attr-defined]


async def test_a_bots_deflection_rate_is_shown_and_typed_as_a_percentage(
        db_path: Path, wid: int) -> None:
    """The exports, the stage KPI and the method say "40 %"; the form showed 0.4."""
    with Store(db_path, who="lea") as store:
        tp = store.load(wid).ordered_touchpoints()[0]
        store.update(Touchpoint, int(tp.id or 0), actor="bot", bot_deflection_rate=0.4)
    _screen, shown = await _retype(db_path, wid, "touchpoints", "#f-bot_deflection_rate",
                                   "40 %", "55 %")
    assert _load(db_path, wid).ordered_touchpoints()[0].bot_deflection_rate == 0.55
    assert shown == "55 %"


async def test_changing_a_dead_end_is_not_taken_for_someone_elses_edit(
        db_path: Path, wid: int) -> None:
    """The field shows "dead end" for the stored "dead_end": leaving it with "branch"
    opened "Someone else changed Kind while you were typing" with nobody else there."""
    from models.db.tables.cards import PainPoint

    with Store(db_path, who="lea") as store:
        for pain in store.load(wid).pain_points:
            store.update(PainPoint, int(pain.id or 0), kind="dead_end")
    screen, _shown = await _retype(db_path, wid, "pains", "#f-kind", "dead end", "branch")
    assert screen != "ConflictScreen"
    assert "branch" in [p.kind for p in _load(db_path, wid).pain_points]


async def test_moments_view_lists_the_valleys(db_path: Path, wid: int) -> None:
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("escape", "M")
        await pilot.pause()
        body = str(app.screen.query_one("#moments-body", LongText).text)
        assert "valley" in body or "moment of truth" in body


# -- snapshots ------------------------------------------------------------------------
async def _settle(pilot) -> None:  # noqa: ANN001
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _future_pair(db_path: Path) -> int:
    with Store(db_path, who="tester") as store:
        wid = build_workshop(store)
        new_id = create_future_copy(store, wid)
        to_be = store.load(new_id).ordered_touchpoints()
        store.update(Touchpoint, int(to_be[3].id or 0), actor="bot", sentiment=1)
        store.update(Touchpoint, int(to_be[5].id or 0), sentiment=0)
        return wid


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_jtbd_entry(snap_compare, db_path: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    with Store(db_path, who="tester") as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="scope", who="tester")

    async def run_before(pilot) -> None:  # noqa: ANN001
        await _settle(pilot)
        pilot.app.screen.query_one("#f-jtbd_when").focus()
        await pilot.press(*"the payroll run is at 9 am", "enter", "escape")  # no blinking cursor
        await _settle(pilot)
        assert pilot.app.sub_title.startswith("saved ")
        pilot.app.sub_title = "saved 09:00:00"  # the clock time of the save, pinned
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_five_whys(snap_compare, db_path: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    with Store(db_path, who="tester") as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="pains", who="tester")

    async def run_before(pilot) -> None:  # noqa: ANN001
        await _settle(pilot)
        await pilot.press("escape", "w", *"MFA device lost", "enter")
        await _settle(pilot)
        pilot.app.screen.set_focus(None)  # no blinking cursor in the picture

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_escalation(snap_compare, db_path: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    with Store(db_path, who="tester") as store:
        wid = build_workshop(store)
        for sev, who, sla, upd in (("Sev-1", "Support Lead", 15, 30),
                                   ("Sev-2", "Engineering Manager", 60, 120),
                                   ("Sev-3", "Director", None, None)):
            store.add(EscalationLevel(workshop_id=wid, severity=sev, tier_role=who,
                                      criteria="All users cannot log in" if sev == "Sev-1"
                                      else "", response_sla_minutes=sla,
                                      update_every_minutes=upd))
    app = build_app(db_path, wid, step="touchpoints", who="tester")

    async def run_before(pilot) -> None:  # noqa: ANN001
        await _settle(pilot)
        await pilot.press("escape", "E")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_future_comparison(snap_compare, db_path: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    wid = _future_pair(db_path)
    app = build_app(db_path, wid, step="touchpoints", who="tester")

    async def run_before(pilot) -> None:  # noqa: ANN001
        await _settle(pilot)
        await pilot.press("escape", "U")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


async def test_home_future_key_makes_the_copy_and_the_palette_offers_it(
        db_path: Path, wid: int) -> None:
    app = build_app(db_path, who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)
        titles = [c.title for c in app.screen.palette_commands()]  # type: ignore[attr-defined]
        assert "Future state: open or make the to-be copy" in titles
        await pilot.press("F")
        await _settle(pilot)
        await pilot.pause()
        with Store(db_path, who="check") as store:
            futures = [w for w in store.list_workshops() if w.state == "future"]
        assert len(futures) == 1 and futures[0].as_is_workshop_id == wid


async def test_workshop_palette_lists_the_method_views(db_path: Path, wid: int) -> None:
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        titles = [c.title for c in app.screen.palette_commands()]  # type: ignore[attr-defined]
        for title in ("Escalation", "Future state", "Moments of truth",
                      "Future state: open or make the to-be copy"):
            assert title in titles


async def test_ownership_marks_a_handoff_as_escalation_with_its_checklist(
        db_path: Path, wid: int) -> None:
    target = _load(db_path, wid).ordered_touchpoints()[5]
    app = build_app(db_path, wid, step="ownership", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.screen.view("ownership")  # type: ignore[attr-defined]
        view.select(str(target.id))
        await pilot.pause()
        form = app.screen.query_one("#handoff-form")
        assert form.field("is_escalation") is not None
        assert view.save_handoff(target.id, "is_escalation", True)
        assert view.save_handoff(target.id, "checklist", "full transcript; steps tried")
        handoff = next(h for h in _load(db_path, wid).handoffs
                       if h.to_touchpoint_id == target.id)
        assert handoff.is_escalation and handoff.checklist == "full transcript; steps tried"


async def test_home_flags_a_map_overdue_for_its_monthly_review(db_path: Path, wid: int) -> None:
    import datetime as dt

    from models.db.tables.workshop import Workshop

    with Store(db_path, who="lea") as store:
        store.update(Workshop, wid, last_reviewed_at=dt.date(2026, 1, 24))  # 45 days before
    app = build_app(db_path, who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)
        table = app.screen.query_one("#workshops")
        assert str(table.get_row(str(wid))[2]) == "2026-01-24 DUE"


async def test_five_whys_escape_asks_before_it_drops_typed_answers(
        db_path: Path, wid: int) -> None:
    """Esc by reflex after typing three whys: the dialog stays and says so, like a row's
    fields do; ctrl+s still saves; a second Esc drops them on purpose."""
    app = build_app(db_path, wid, step="pains", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("escape", "w")
        await pilot.pause()
        await pilot.press(*"MFA device lost", "escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "FiveWhysScreen"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ != "FiveWhysScreen"
        assert any(p.five_whys == "MFA device lost" for p in _load(db_path, wid).pain_points)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press(*"unsure", "escape", "escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ != "FiveWhysScreen"
        assert not any("unsure" in p.five_whys for p in _load(db_path, wid).pain_points)
