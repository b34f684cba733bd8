"""Two (or three) app instances on one database file, each with its own seat.

Every test runs real ``JourneyApp``s under Pilot in one event loop; they share
nothing but the SQLite file, exactly like two ``journeymap open`` over SSH.
Waiting is bounded polling of the condition (``until``), never a timed assert.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.db.store import ReadOnlyError, Store
from models.db.tables.base import utcnow
from models.db.tables.seats import Participant
from models.db.tables.workshop import Touchpoint, Workshop
from models.live.facilitation import visible_votes
from tests.helpers import SIZE, build_workshop, first_tp, ready, two_seats, until
from tui.app.app import JourneyApp
from tui.app.launch import build_app
from tui.dialogs.conflict import ConflictScreen
from tui.dialogs.timer import TimerScreen
from tui.pairing.activity_panel import ActivityPanel
from tui.pairing.presence_bar import PresenceBar
from tui.widgets.forms import FieldInput

pytestmark = pytest.mark.both_engines


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="lea") as store:  # lea created it: lea is the lead
        return build_workshop(store)


def bar(app: JourneyApp) -> PresenceBar:
    return app.screen.query_one(PresenceBar)


def db_tp(db: Path, tp_id: int) -> Touchpoint:
    with Store(db, who="check") as s, s.read() as session:
        row = session.get(Touchpoint, tp_id)
        assert row is not None
        return row


def cell(app: JourneyApp, step: str, row_key: str, column: str) -> str:
    table = app.screen.view(step).table  # type: ignore[attr-defined]
    return table.get_cell(row_key, column).plain


async def test_edit_in_a_shows_in_b_keeping_b_cursor_and_focus(db_path: Path, wid: int) -> None:
    async with two_seats(db_path, wid, "touchpoints") as (a, pa, b, pb):
        await pb.press("down", "down")
        table = b.screen.view("touchpoints").table  # type: ignore[attr-defined]
        assert table.cursor_row == 2 and b.focused is table
        tp = first_tp(a)
        before = b.pairing.reloads
        # short enough for the name column (19 cells, budgeted for 80 columns, then "…")
        assert a.save_field(Touchpoint, tp.id or 0, "name", "Reset [bold]x[/]")
        assert await until([pa, pb], lambda: cell(b, "touchpoints", str(tp.id), "name")
                           == "Reset [bold]x[/]")
        assert b.pairing.reloads > before
        assert table.cursor_row == 2 and b.focused is table  # cursor and focus kept


async def test_on_a_server_a_seat_is_woken_by_the_edit_not_by_its_poll(
        db_path: Path, wid: int, engine: str) -> None:
    """LISTEN/NOTIFY pushes: with B's poll an hour away, A's edit still reaches B."""
    if engine == "sqlite":
        pytest.skip("a file has no push: its seats poll data_version (the test above)")
    a = build_app(db_path, wid, step="touchpoints", who="lea")
    b = build_app(db_path, wid, step="touchpoints", who="sam")
    b.pairing.poll_s = 3600.0
    async with a.run_test(size=SIZE) as pa, b.run_test(size=SIZE) as pb:
        await ready(pa)
        await ready(pb)
        tp = first_tp(a)
        assert a.save_field(Touchpoint, tp.id or 0, "name", "Pushed by server")
        assert await until([pa, pb], lambda: cell(b, "touchpoints", str(tp.id), "name")
                           == "Pushed by server")


async def _typing_in_b(pa, pb, a: JourneyApp, b: JourneyApp, mine: str,  # noqa: ANN001
                       theirs: str) -> tuple[FieldInput, int]:
    """B starts typing in the name field; A saves the same field; B's text survives."""
    await ready(pa)
    await ready(pb)
    tp_id = first_tp(b).id or 0
    await pb.press("enter")  # edit the row: focus goes to its first field (name)
    field = b.focused
    assert isinstance(field, FieldInput) and field.spec.name == "name"
    await pb.press("ctrl+a", "ctrl+k", *mine)
    before = b.pairing.reloads
    assert a.save_field(Touchpoint, tp_id, "name", theirs)
    assert await until([pa, pb], lambda: b.pairing.reloads > before)
    assert b.journey is not None and b.journey.touchpoint(tp_id).name == theirs  # type: ignore[union-attr]
    assert field.value == mine and b.focused is field  # never overwritten under the fingers
    await pb.press("enter")  # leave the field: someone changed it meanwhile
    assert await until([pb], lambda: isinstance(b.screen, ConflictScreen))
    return field, tp_id


async def test_conflict_keep_mine_writes_over_theirs(db_path: Path, wid: int) -> None:
    a = build_app(db_path, wid, step="touchpoints", who="lea")
    b = build_app(db_path, wid, step="touchpoints", who="sam")
    async with a.run_test(size=SIZE) as pa, b.run_test(size=SIZE) as pb:
        field, tp_id = await _typing_in_b(pa, pb, a, b, "mine", "theirs")
        texts = [str(w.render()) for w in b.screen.query("#conflict-mine, #conflict-theirs")]
        assert texts == ["mine", "theirs"]
        await pb.press("m")
        assert await until([pa, pb], lambda: db_tp(db_path, tp_id).name == "mine")
        assert field.value == "mine" and not field.dirty
        assert await until([pa, pb], lambda: cell(a, "touchpoints", str(tp_id), "name")
                           == "mine")


async def test_conflict_take_theirs_discards_the_typed_text(db_path: Path, wid: int) -> None:
    a = build_app(db_path, wid, step="touchpoints", who="lea")
    b = build_app(db_path, wid, step="touchpoints", who="sam")
    async with a.run_test(size=SIZE) as pa, b.run_test(size=SIZE) as pb:
        field, tp_id = await _typing_in_b(pa, pb, a, b, "mine", "theirs")
        await pb.press("t")
        await pb.pause()
        assert not isinstance(b.screen, ConflictScreen)
        assert field.value == "theirs" and not field.dirty
        assert db_tp(db_path, tp_id).name == "theirs"
        await pb.press("escape")  # leaving the field now writes nothing
        await pb.pause()
        assert db_tp(db_path, tp_id).name == "theirs"


async def test_presence_appears_and_expires(db_path: Path, wid: int) -> None:
    a = build_app(db_path, wid, step="scope", who="lea")
    async with a.run_test(size=SIZE) as pa:
        await ready(pa)
        assert not bar(a).display  # alone: the bar stays out of the way
        b = build_app(db_path, wid, step="stages", who="[red]sam[/]")
        async with b.run_test(size=SIZE) as pb:
            await ready(pb)
            assert await until([pa, pb], lambda: "[red]sam[/]" in bar(a).plain)
            assert bar(a).display and "lea★" in bar(a).plain
            # sam joins at the workshop's step, then his first heartbeat says where he is
            assert await until([pa, pb], lambda: any(
                word in bar(a).plain for word in ("Stages", "Stg", "stages")))
            # sam's connection drops: no more heartbeats; after the window the seat is gone
            for timer in b.pairing._timers:
                timer.stop()
            a.pairing.now = lambda: utcnow() + dt.timedelta(seconds=a.pairing.window_s + 1)
            sam_id = b.pairing.seat.participant.id  # type: ignore[union-attr]
            with Store(db_path, who="x") as s:  # lea's own row stays fresh, sam's does not
                s.update(Participant, a.pairing.seat.participant.id or 0, log=False,  # type: ignore[union-attr]
                         last_seen=utcnow() + dt.timedelta(seconds=a.pairing.window_s + 1))
            assert await until([pa], lambda: "sam" not in bar(a).plain)
            assert not bar(a).display
            assert sam_id is not None


async def test_follow_the_lead_and_bring_everyone_here(db_path: Path, wid: int) -> None:
    async with two_seats(db_path, wid, "scope") as (a, pa, b, pb):
        b.screen.set_focus(None)
        await pb.press("f")
        assert await until([pb], lambda: "following the lead" in bar(b).plain)
        a.screen.set_focus(None)
        await pa.press("4")
        assert await until([pa, pb], lambda: b.screen.step == "ownership")  # type: ignore[attr-defined]
        await pb.press("f")  # leave follow mode with one key
        assert await until([pb], lambda: "following" not in bar(b).plain)
        await pa.press("2")
        await pa.pause()
        polls = b.pairing.polls  # several polls pass: sam stays where he is
        assert await until([pa, pb], lambda: b.pairing.polls >= polls + 5)
        assert b.screen.step == "ownership"  # type: ignore[attr-defined]
        await pa.press("g")  # the lead brings everyone to Stages
        assert await until([pa, pb], lambda: b.screen.step == "stages")  # type: ignore[attr-defined]
        b.screen.set_focus(None)
        await pb.press("g")  # a participant cannot gather
        await pb.pause()
        assert any("Only the workshop lead" in n.message for n in b._notifications)


async def test_votes_hidden_until_the_lead_reveals(db_path: Path, wid: int) -> None:
    async with two_seats(db_path, wid, "pains") as (a, pa, b, pb):
        table = b.screen.view("pains").table  # type: ignore[attr-defined]
        b.screen.set_focus(table)
        key = b.screen.view("pains").current_key()  # type: ignore[attr-defined]
        shown_before = cell(a, "pains", key, "votes")
        await pb.press("o", "o")
        assert await until([pa, pb], lambda: a.journey is not None and len(a.journey.dots) == 2)
        assert b.journey is not None and visible_votes(b.journey, "sam") == {int(key): 2}
        assert a.journey is not None and visible_votes(a.journey, "lea") == {}
        assert cell(a, "pains", key, "votes") == shown_before  # hidden from the lead too
        assert "dots 1/3 left, hidden until reveal" in bar(b).plain
        await pb.press("O")  # take one back
        assert await until([pa, pb], lambda: a.journey is not None and len(a.journey.dots) == 1)
        await pb.press("R")  # not the lead: refused, nothing revealed
        await pb.pause()
        assert not b.journey.workshop.votes_revealed
        a.screen.set_focus(a.screen.view("pains").table)  # type: ignore[attr-defined]
        await pa.press("R")
        assert await until([pa, pb], lambda: b.journey is not None
                           and b.journey.workshop.votes_revealed)
        assert await until([pa, pb], lambda: cell(b, "pains", key, "votes")
                           == str(int(shown_before) + 1))
        assert visible_votes(a.journey, "lea") == {int(key): 1}


async def test_timer_started_by_the_lead_is_shared(db_path: Path, wid: int) -> None:
    async with two_seats(db_path, wid, "scope") as (a, pa, b, pb):
        b.screen.set_focus(None)
        await pb.press("t")
        await pb.pause()
        assert not isinstance(b.screen, TimerScreen)
        assert any("Only the workshop lead" in n.message for n in b._notifications)
        a.screen.set_focus(None)
        await pa.press("t")
        assert await until([pa], lambda: isinstance(a.screen, TimerScreen))
        await pa.press("ctrl+a", "ctrl+k", "7", "enter")
        assert await until([pa, pb], lambda: "left (Scope)" in bar(b).plain)
        assert "6:5" in bar(b).plain or "7:00" in bar(b).plain
        with Store(db_path, who="x") as s:
            w = s.get_workshop(wid)
        assert w.timer_step == "scope" and w.timer_ends_at is not None
        # the end: a gentle notice, nothing locked
        b.pairing.now = lambda: utcnow() + dt.timedelta(minutes=8)
        assert await until([pb], lambda: "time is up" in bar(b).plain)
        # the bar may redraw (on a poll) a tick before the timer tick that notifies
        assert await until([pb], lambda: any("Time is up" in n.message
                                             for n in b._notifications))


async def test_observer_cannot_write_and_the_ui_says_so(db_path: Path, wid: int) -> None:
    c = build_app(db_path, wid, step="touchpoints", who="olga", role="observer")
    async with c.run_test(size=SIZE) as pc:
        await ready(pc)
        assert c.store is not None and c.store.read_only
        # the bar is drawn by the seat's first presence poll (on PostgreSQL, a round trip
        # that can come after the first paint on a loaded machine)
        assert await until([pc], lambda: "observer (read-only)" in bar(c).plain)
        assert bar(c).display
        tp = first_tp(c)
        with pytest.raises(ReadOnlyError):  # the store itself refuses
            c.store.update(Touchpoint, tp.id or 0, name="sneaky")
        await pc.press("enter", "ctrl+a", "ctrl+k", *"sneaky", "enter")  # fields are read-only
        await pc.pause()
        assert not any(w.dirty for w in c.screen.query(FieldInput))  # nothing typed landed
        assert db_tp(db_path, tp.id or 0).name != "sneaky"
        await pc.press("escape", "escape", "D")  # presence still works for an observer
        with Store(db_path, who="x") as s:
            assert s.get_workshop(wid).lead == "lea"
        assert c.is_running


async def test_activity_panel_shows_who_changed_what(db_path: Path, wid: int) -> None:
    async with two_seats(db_path, wid, "scope") as (a, pa, b, pb):
        b.screen.set_focus(None)
        await pb.press("L")
        panel = b.screen.query_one(ActivityPanel)
        assert panel.display
        assert a.save_field(Workshop, wid, "persona", "[b]Admin[/b] \x1b[2J")
        log = b.screen.query_one("#activity-log")

        def shows() -> bool:
            text = str(log.render())
            return "lea" in text and "[b]Admin[/b] ␛[2J" in text and "→" in text

        assert await until([pa, pb], shows)
        await pb.press("L")
        assert not panel.display



async def test_activity_panel_says_what_an_undo_took_back(db_path: Path, wid: int) -> None:
    async with two_seats(db_path, wid, "scope") as (a, pa, b, pb):
        b.screen.set_focus(None)
        await pb.press("L")
        assert a.save_field(Workshop, wid, "persona", "Admin")
        assert a.store is not None
        a.store.undo_last(wid, seat="lea")
        log = b.screen.query_one("#activity-log")

        def shows() -> bool:
            return "Undid their edit of workshop: persona" in str(log.render())

        assert await until([pa, pb], shows)
        assert "undid change" not in str(log.render())

async def test_home_leaves_the_seat(db_path: Path, wid: int) -> None:
    a = JourneyApp(db_path, wid, who="lea")
    async with a.run_test(size=SIZE) as pa:
        await ready(pa)
        seat = a.pairing.seat
        assert seat is not None and seat.role == "lead"
        a.screen.set_focus(None)
        await pa.press("h")
        await pa.pause()
        assert a.pairing.seat is None
        with Store(db_path, who="x") as s:
            from models.live import presence

            assert presence.active(s, wid, utcnow()) == []


async def test_a_seat_that_joins_while_this_one_loads_is_in_the_bar(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two browser tabs opened together: sam takes a seat after lea's app read the
    workshop but before lea's own join; lea's bar must still show sam."""
    from models.live import presence

    real_join = presence.join

    def join_after_sam(store: Store, *args: object, **kwargs: object) -> Participant:
        monkeypatch.setattr(presence, "join", real_join)
        with Store(db_path, who="sam") as other:
            real_join(other, wid, "sam")
        return real_join(store, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(presence, "join", join_after_sam)
    a = build_app(db_path, wid, who="lea")
    async with a.run_test(size=SIZE) as pa:
        await ready(pa)
        assert await until([pa], lambda: "sam" in bar(a).plain)
        assert "lea" in bar(a).plain
