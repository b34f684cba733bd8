"""QA session 12 (pg13): a seat's header said "participant" for the demo while the same
account could ``invite`` (lead only).  Investigated with two accounts; both are right.

The role of a seat is the seat's (``access.seat_role``): a name a lead's account types
that is not the lead's name is a new seat, and a new seat is a participant, so a lead
can sit a colleague at their own terminal without handing over the map.  The command
line acts as the account, and the account that made the workshop is its lead.  Neither
gives anyone more than a lead granted: another account's ``invite`` is refused, and its
seat under the lead's name is refused too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db import access
from models.db.store import Store
from models.live.presence import join
from tests.helpers import as_account, run_cli
from tui.cli import workshops


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    db = tmp_path / "team.db"
    as_account(monkeypatch, "qa14lea")
    with Store(db, who="qa14lea") as store:
        wid, _ = workshops.ensure_demo(store)
    return db, wid


def test_a_new_name_at_the_leads_account_is_a_participant_seat(
        demo: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = demo
    with Store(db, who="Lea") as store:
        assert join(store, wid, "Lea").role == "participant"
        assert join(store, wid, "qa14lea").role == "lead"
        with pytest.raises(access.AccessError):  # the seat's rights are the seat's
            access.require(store, wid, "qa14lea", "grant", seat="Lea")
        assert access.require(store, wid, "qa14lea", "grant", seat="qa14lea") == "lead"
    monkeypatch.setenv("JOURNEYMAP_USER", "qa14lea")
    code, out, err = run_cli(db, "invite", str(wid), "Sam")
    assert code == 0 and "?token=" in out, err


def test_another_account_can_neither_invite_nor_take_the_leads_seat(
        demo: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = demo
    as_account(monkeypatch, "qa14bob")
    monkeypatch.setenv("JOURNEYMAP_USER", "qa14bob")
    code, _out, err = run_cli(db, "invite", str(wid), "Sam")
    assert code == 1 and "qa14bob has no role" in err
    with Store(db, who="qa14bob") as store:
        with pytest.raises(access.AccessError):
            join(store, wid, "qa14lea")
        assert join(store, wid, "Bob").role == "participant"
        with pytest.raises(access.AccessError):
            access.require(store, wid, "qa14bob", "grant", seat="Bob")
