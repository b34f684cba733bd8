"""The Pain points step: ranking computed once per revision, only changed rows redrawn, and
the facilitation settings (votes, minutes) reached from the step and the timer dialog by a
lead only.  Cost tests count the work done, never the time it took."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.db.tables.cards import PainPoint
from tests.helpers import build_workshop, count_rankings, ready, until, workshop_row
from tui.app.launch import build_app

SIZE = (120, 40)


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="lea") as store:  # lea created it: lea is the lead
        return build_workshop(store)


async def test_pain_step_ranks_once_per_journey_revision(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen: Any = app.screen
        assert await until([pilot], lambda: screen.prebuilt, rounds=400)
        calls = count_rankings(monkeypatch)
        await pilot.press("escape", "5")
        await pilot.pause()
        assert len(calls) == 0  # built at idle: this revision is ranked already
        view = app.screen.view("pains")  # type: ignore[attr-defined]
        view.refresh_from(app.journey)  # same revision: nothing to rank again
        assert len(calls) == 0
        app.reload_journey()  # a new revision is ranked again, once (table and matrix)
        await pilot.pause()
        assert len(calls) == 1


async def test_pain_table_rebuilds_only_the_rows_that_changed(db_path: Path, wid: int) -> None:
    app = build_app(db_path, wid, step="pains", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.screen.view("pains")  # type: ignore[attr-defined]
        table = view.table
        before = dict(table._jm_rows)
        assert app.journey is not None
        last = app.journey.pain_points[-1]
        built = table.rows_built
        # a new description does not move the rank: one row differs (rows compare by
        # value), and only that row is turned into cells again
        assert app.save_field(PainPoint, int(last.id or 0), "description", "[b]Renamed[/b]")
        await pilot.pause()
        after = table._jm_rows
        changed = [key for key in before if after[key] != before[key]]
        assert table.rows_built - built <= 1
        assert changed == [str(last.id)]
        assert table.get_cell(str(last.id), "desc").plain == "[b]Renamed[/b]"


async def test_lead_sets_votes_and_minutes_from_the_pain_step(db_path: Path, wid: int) -> None:
    from tui.dialogs.settings import SettingsScreen

    app = build_app(db_path, wid, step="pains", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.screen.set_focus(app.screen.view("pains").table)  # type: ignore[attr-defined]
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("ctrl+a", "ctrl+k", "5", "tab", "ctrl+a", "ctrl+k", "2", "0", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        w = workshop_row(db_path, wid)
        assert (w.votes_per_participant, w.step_minutes) == (5, 20)
        assert app.journey is not None and app.journey.workshop.votes_per_participant == 5
        # the change log says who changed it
        with Store(db_path, who="check") as s:
            fields = {c.field: c.who for c in s.changes(wid)}
        assert fields.get("votes_per_participant") == "lea"
        assert fields.get("step_minutes") == "lea"


async def test_settings_out_of_range_are_refused_in_the_dialog(db_path: Path, wid: int) -> None:
    from textual.widgets import Label

    from tui.dialogs.settings import SettingsScreen

    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before = workshop_row(db_path, wid)
        app.pairing.act("settings")  # what the palette entry and the keys call
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("ctrl+a", "ctrl+k", "1", "5", "0", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)  # still open, the lead can fix it
        error = app.screen.query_one("#settings-error", Label)
        assert "between 0 and 99" in str(error.render())
        await pilot.press("escape")
        await pilot.pause()
        after = workshop_row(db_path, wid)
        assert after.votes_per_participant == before.votes_per_participant
        assert after.step_minutes == before.step_minutes


async def test_timer_dialog_opens_the_settings(db_path: Path, wid: int) -> None:
    from tui.dialogs.settings import SettingsScreen
    from tui.dialogs.timer import TimerScreen

    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.screen.set_focus(None)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimerScreen)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("tab", "ctrl+a", "ctrl+k", "9", "enter")
        await pilot.pause()
        assert workshop_row(db_path, wid).step_minutes == 9
        assert workshop_row(db_path, wid).timer_ends_at is None  # no timer was started


async def test_participant_gets_one_sentence_and_no_dialog(db_path: Path, wid: int) -> None:
    from tui.dialogs.settings import SettingsScreen

    app = build_app(db_path, wid, step="pains", who="sam")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before = workshop_row(db_path, wid)
        app.screen.set_focus(app.screen.view("pains").table)  # type: ignore[attr-defined]
        await pilot.press("S")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        messages = [n.message for n in app._notifications]
        assert ("Only the workshop lead can change the facilitation settings; "
                "ask the lead to do it.") in messages
        assert workshop_row(db_path, wid).votes_per_participant == before.votes_per_participant


async def test_pain_kind_field_shows_the_kind_as_people_say_it(db_path: Path, wid: int) -> None:
    """The Kind field offers and accepts "dead end"; a stored ``dead_end`` shows as that
    too, not as the stored key (found by hand in tmux: the field read "dead_end")."""
    app = build_app(db_path, wid, step="pains", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.journey is not None
        for pain in app.journey.pain_points:
            assert app.save_field(PainPoint, int(pain.id or 0), "kind", "dead end")
        await pilot.pause()
        assert {pain.kind for pain in app.journey.pain_points} == {"dead_end"}
        view = app.screen.view("pains")  # type: ignore[attr-defined]
        view.table.focus()
        await pilot.press("down", "up")
        await pilot.pause()
        assert view.form.field("kind").value == "dead end"


def _volume(db_path: Path, pain_id: int) -> int | None:
    with Store(db_path, who="lea") as store:
        pain = next(p for p in store.load(store.list_workshops()[0].id).pain_points
                    if p.id == pain_id)
        return pain.ticket_volume


async def test_a_blank_volume_is_not_recorded_and_0_is_a_real_zero(db_path: Path,
                                                                   wid: int) -> None:
    from tui.widgets.forms import FieldInput

    app = build_app(db_path, wid, step="pains", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view: Any = app.screen.view("pains")  # type: ignore[attr-defined]
        app.screen.set_focus(view.table)
        await pilot.pause()
        field = app.screen.query_one("#f-ticket_volume", FieldInput)
        pain_id = int(view.current_key() or 0)
        for typed, stored, shown in (("0", 0, "0"), ("", None, "—"), ("75", 75, "75")):
            field.focus()
            await pilot.press("ctrl+a", "ctrl+k", *typed, "enter")
            await pilot.pause()
            assert _volume(db_path, pain_id) == stored, typed
            assert field.value == typed
            assert view.table.get_cell(str(pain_id), "vol").plain == shown
