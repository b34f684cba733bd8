"""The header's line keeps its sub-title (role, "saved", "read-only") whole at 80x24.

Found over SSH in session 9 and again in session 10: with a long workshop title the
header of a participant's or an observer's seat read "SSH map … |pipe| … …": Textual
cuts the assembled "title — sub-title" at the right edge, so the part a person needs to
know what they may do was the part that went.  The title is the one to shorten.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import settle
from tui.app.launch import build_app
from tui.widgets.header import CalmTitle

LONG = ("SSH map [bold]x[/] |pipe| `tick` --> \x1b[31mred 👩🏽‍💻 e\u0301 "
        "a title long enough for no terminal")


def long_titled(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title=LONG, persona="IT admin",
                                        scenario="Locked out").id or 0)
    return db, wid


def header_line(app: object) -> str:
    title = app.screen.query_one(CalmTitle)  # type: ignore[attr-defined]
    return title.render_line(0).text


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("role", ["participant", "observer"])
async def test_a_guest_seat_header_names_its_role_with_a_long_title(
        tmp_path: Path, role: str, size: tuple[int, int]) -> None:
    db, wid = long_titled(tmp_path)
    app = build_app(db, wid, step="scope", who="sam", role=role, cap=role,
                    key="SHA256:abc", origin="127.0.0.1 50000 127.0.0.1 22")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        line = header_line(app)
        assert app.sub_title.startswith(role)
        assert line.rstrip().endswith(app.sub_title), line
        assert line.lstrip().startswith("SSH map [bold]x[/]"), line


async def test_the_saved_time_shows_whole_and_the_title_comes_back_when_wider(
        tmp_path: Path) -> None:
    db, wid = long_titled(tmp_path)
    app = build_app(db, wid, step="scope", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.sub_title = "saved 10:00:00"
        await settle(pilot)
        narrow = header_line(app)
        assert narrow.rstrip().endswith("… — saved 10:00:00"), narrow
        await pilot.resize_terminal(200, 40)
        await settle(pilot)
        assert f"{app.screen.title} — saved 10:00:00" in header_line(app)


async def test_a_participant_keeps_its_role_in_the_header_after_a_save(tmp_path: Path) -> None:
    """Found in session 10: the first "saved" time replaced "participant", and a
    participant seated by name (``open --as``) never saw its role at all."""
    from models.db.access import current_account
    from models.db.tables.seats import Participant
    from tui.widgets.forms import FieldInput

    db, wid = long_titled(tmp_path)
    with Store(db, who="lea") as store:
        store.add(Participant(workshop_id=wid, name="Kim", role="participant",
                              account=current_account()))
    app = build_app(db, wid, step="scope", who="Kim")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.sub_title == "participant"
        field = app.screen.query_one("#f-persona", FieldInput)
        field.focus()
        await pilot.press("end", "exclamation_mark", "tab")  # leaving the field commits it
        await settle(pilot)
        assert app.sub_title.startswith("participant · saved "), app.sub_title
        assert header_line(app).rstrip().endswith(app.sub_title), header_line(app)
