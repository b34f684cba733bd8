"""Keyboard-only Pilot tests of the workshop flow, asserting on the database each step."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Touchpoint, Workshop
from models.rules.progress import step_states
from tests.helpers import build_workshop
from tests.tui.workshop_flow import lockout, ready, reopen, type_text
from tui.app.app import JourneyApp
from tui.app.launch import build_app
from tui.screens.workshop import WorkshopScreen
from tui.widgets.forms import FieldInput
from tui.widgets.step_bar import StepBar


def one_workshop(db: Path) -> Workshop:
    with reopen(db) as s:
        workshops = s.list_workshops()
    assert len(workshops) == 1
    return workshops[0]


async def test_whole_flow_from_an_empty_database(db_path: Path) -> None:
    app = JourneyApp(db_path, who="lead")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.screen.query_one("#welcome").display  # friendly empty state
        await pilot.press("b")  # blank workshop
        await ready(pilot)
        assert isinstance(app.screen, WorkshopScreen) and app.screen.step == "scope"
        assert not isinstance(app.focused, FieldInput)  # no field takes the focus by itself
        await pilot.press("tab", "tab")  # Title, then Persona
        assert isinstance(app.focused, FieldInput) and app.focused.spec.name == "persona"
        for text in ("Admin", "Locked out", "Back in", "Fewer contacts"):
            await type_text(pilot, text)
            await pilot.press("tab")  # leaving a field commits it
            await pilot.pause()
        w = one_workshop(db_path)
        assert (w.persona, w.scenario, w.persona_goal, w.business_goal) == (
            "Admin", "Locked out", "Back in", "Fewer contacts")
        assert step_states(app.journey)["scope"].done
        # bad input: a clear message, the typed text stays in the field, nothing stored
        app.screen.query_one("#f-evidence_ticket_volume", FieldInput).focus()
        await type_text(pilot, "lots")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#f-evidence_ticket_volume", FieldInput).value == "lots"
        assert one_workshop(db_path).evidence_ticket_volume is None
        assert any("whole number" in n.message for n in app._notifications)
        await pilot.press("ctrl+a", "ctrl+k", *"1240", "escape")  # Esc leaves (and saves)
        await pilot.pause()
        assert one_workshop(db_path).evidence_ticket_volume == 1240

        # 2 Stages: add, rename, reorder, delete
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.step == "stages"
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "Escalation")
        await pilot.press("enter", "escape")
        await pilot.pause()
        with reopen(db_path) as s:
            stages = s.load(w.id).stages
        assert [st.name for st in stages][-1] == "Escalation" and len(stages) == 7
        await pilot.press("shift+up")
        await pilot.pause()
        with reopen(db_path) as s:
            assert [st.name for st in s.load(w.id).stages][5] == "Escalation"
        await pilot.press("d", "y")
        await pilot.pause()
        with reopen(db_path) as s:
            names = [st.name for st in s.load(w.id).stages]
        assert "Escalation" not in names and len(names) == 6

        # 3 Touchpoints: add, sentiment keys, move to another stage, reorder
        await pilot.press("3")
        await pilot.pause()
        for name in ("Search help", "Read article"):
            await pilot.press("escape", "a")
            await pilot.pause()
            await pilot.press("ctrl+a", "ctrl+k")
            await type_text(pilot, name)
            await pilot.press("enter", "escape")
            await pilot.pause()
        await pilot.press("minus", "minus")
        await pilot.pause()
        with reopen(db_path) as s:
            j = s.load(w.id)
        tps = j.ordered_touchpoints()
        assert [tp.name for tp in tps] == ["Search help", "Read article"]
        assert tps[1].sentiment == -2
        await pilot.press("shift+up")
        await pilot.pause()
        with reopen(db_path) as s:
            assert [tp.name for tp in s.load(w.id).ordered_touchpoints()] == [
                "Read article", "Search help"]
        await pilot.press("down", "m")
        await pilot.pause()
        await pilot.press("enter")  # first other stage: Self-Service Attempt
        await pilot.pause()
        with reopen(db_path) as s:
            j = s.load(w.id)
        moved = next(tp for tp in j.ordered_touchpoints() if tp.name == "Search help")
        assert j.stage_of(moved).name == "Self-Service Attempt"

        # 4 Ownership: Enter, type a team, Enter moves on to the next touchpoint
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("enter")
        await type_text(pilot, "Support")
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "Product")
        await pilot.press("enter")
        await pilot.pause()
        with reopen(db_path) as s:
            owners = [tp.owner_team for tp in s.load(w.id).ordered_touchpoints()]
        assert owners == ["Support", "Product"]
        assert step_states(app.journey)["ownership"].done

        # 5 Pain points: x on a touchpoint, then impact 7 is refused and kept
        await pilot.press("escape", "3")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.step == "pains"
        await pilot.press("tab", "tab")  # description -> kind -> impact
        await pilot.press("ctrl+a", "ctrl+k", "7", "enter")
        await pilot.pause()
        assert app.focused.value == "7"  # type: ignore[union-attr]
        await pilot.press("ctrl+a", "ctrl+k", "3", "enter")
        await pilot.pause()
        with reopen(db_path) as s:
            pains = list(s.read().__enter__().exec(select(PainPoint)))
        assert len(pains) == 1 and pains[0].impact == 3 and pains[0].touchpoint_id is not None
        bar = app.screen.query_one(StepBar)
        assert bar.current == "pains" and bar.states["pains"].done


async def test_step_bar_marks_and_missing(store: Store) -> None:
    wid = build_workshop(store)
    tp = store.load(wid).ordered_touchpoints()[0]
    store.update(Touchpoint, tp.id, owner_team="")
    app = build_app(store.path, wid, step="ownership")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        bar = app.screen.query_one(StepBar)
        text = bar.render().plain
        assert "Ownership: 2 touchpoints have no owner" in text
        assert "Scope✓" in text.replace(" ✓", "✓")
        assert bar.states["stages"].done and not bar.states["ownership"].done
        await pilot.press("n")
        await pilot.pause()
        assert bar.current == "pains"
        await pilot.press("ctrl+left", "ctrl+left")
        await pilot.pause()
        assert bar.current == "touchpoints"


async def test_step_option_and_reopen_returns_to_last_step(store: Store) -> None:
    wid = build_workshop(store)
    app = build_app(store.path, wid, step="pain points")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app.screen.step == "pains"
        await pilot.press("p")
        await pilot.pause()
    assert store.get_workshop(wid).current_step == "ownership"
    again = build_app(store.path, wid)
    async with again.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert again.screen.step == "ownership"


async def test_delete_stage_says_how_many_touchpoints(store: Store) -> None:
    wid = build_workshop(store)
    app = build_app(store.path, wid, step="stages")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("down", "d")
        await pilot.pause()
        detail = app.screen.query_one(".dialog-detail").render()
        assert "2 touchpoints" in str(detail)
        await pilot.press("escape")  # Esc answers no: nothing deleted
        await pilot.pause()
        assert len(store.load(wid).stages) == 6
        await pilot.press("d", "y")
        await pilot.pause()
    journey = store.load(wid)
    assert "Self-Service Attempt" not in [s.name for s in journey.stages]
    assert len(journey.ordered_touchpoints()) == 7


async def test_home_duplicate_and_delete(store: Store) -> None:
    wid = build_workshop(store)
    app = build_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("c")
        await pilot.pause()
        workshops = store.list_workshops()
        assert len(workshops) == 2
        copy = next(w for w in workshops if w.id != wid)
        assert copy.title.startswith("Copy of")
        assert len(store.load(copy.id).ordered_touchpoints()) == 9
        await pilot.press("d", "n")
        await pilot.pause()
        assert len(store.list_workshops()) == 2
        await pilot.press("d", "y")
        await pilot.pause()
        assert len(store.list_workshops()) == 1


async def test_new_from_template_with_preview(db_path: Path) -> None:
    app = build_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("t")
        await pilot.pause()
        preview = str(app.screen.query_one("#template-preview").render())
        assert "stages" in preview and "touchpoints" in preview
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(app.screen, WorkshopScreen)
        with reopen(db_path) as s:
            w = s.list_workshops()[0]
            assert w.template and len(s.load(w.id).stages) >= 3
    with reopen(db_path) as s:
        assert s.list_workshops()[0].id == w.id


def test_unknown_step_is_one_sentence(db_path: Path) -> None:
    import pytest

    with pytest.raises(ValueError, match="no step 'nope'"):
        build_app(db_path, 1, step="nope")


async def test_number_key_on_a_filled_scope_moves_on_and_keeps_the_persona(db_path: Path) -> None:
    """Regression: the persona field held focus with its text selected, so pressing "4" to go
    to Ownership replaced the persona with "4" and autosaved it."""
    wid, persona = lockout(db_path)
    app = build_app(db_path, wid, step="scope")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert not isinstance(app.focused, FieldInput)
        await pilot.press("4")
        await ready(pilot)
        assert app.screen.step == "ownership"
    with reopen(db_path) as s:
        assert s.get_workshop(wid).persona == persona


async def test_typing_into_a_field_entered_from_the_keyboard_replaces_it(db_path: Path) -> None:
    """A field entered from the keyboard has its text selected: typing replaces it (issue 12);
    End first keeps it and adds."""
    wid, persona = lockout(db_path)
    app = build_app(db_path, wid, step="scope")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.screen.query_one("#f-persona", FieldInput).focus()
        await pilot.pause()
        await type_text(pilot, "Admin")
        await pilot.press("tab")
        await ready(pilot)
        with reopen(db_path) as s:
            assert s.get_workshop(wid).persona == "Admin"
        await pilot.press("shift+tab", "end", "!", "tab")
        await ready(pilot)
    with reopen(db_path) as s:
        assert s.get_workshop(wid).persona == "Admin!"


async def test_ctrl_q_saves_the_field_being_typed(db_path: Path) -> None:
    """Regression: quitting with ctrl+q dropped the text of the focused field."""
    wid, persona = lockout(db_path)
    app = build_app(db_path, wid, step="scope")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.screen.query_one("#f-persona", FieldInput).focus()
        await pilot.pause()
        await pilot.press("end")  # entering selects the whole text; End keeps it
        await type_text(pilot, " EDITED")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    with reopen(db_path) as s:
        assert s.get_workshop(wid).persona == persona + " EDITED"


async def test_ctrl_q_asks_once_when_the_typed_value_is_invalid(db_path: Path) -> None:
    wid, _ = lockout(db_path)
    with reopen(db_path) as s:
        volume = s.get_workshop(wid).evidence_ticket_volume
    app = build_app(db_path, wid, step="scope")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        field = app.screen.query_one("#f-evidence_ticket_volume", FieldInput)
        field.focus()
        await pilot.pause()
        await type_text(pilot, "lots")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and field.value.endswith("lots")  # kept, and asked
        assert any("ctrl+q again" in n.message for n in app._notifications)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    with reopen(db_path) as s:
        assert s.get_workshop(wid).evidence_ticket_volume == volume
