"""`journeymap pain-volume ID RANK [N|--clear]`: a pain point's tickets per month from the
CLI, 0 kept apart from not recorded, and only for someone who may edit the map."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db import access
from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.live import presence
from tests.helpers import run_cli


@pytest.fixture
def workshop(store: Store) -> int:
    w = store.create_workshop(title="Login lockout")
    store.add(PainPoint(workshop_id=w.id, description="Locked out", impact=3, effort=1,
                        ticket_volume=None))
    return int(w.id or 0)


def _volume(store: Store, workshop: int) -> int | None:
    return store.load(workshop).pain_points[0].ticket_volume


def run(db_path: Path, *args: str) -> tuple[int, str, str]:
    code, out, err = run_cli(db_path, "pain-volume", *args)
    return code, " ".join(out.split()), err  # the reason wraps at the runner's 80 columns


def test_set_zero_clear_and_show(db_path: Path, store: Store, workshop: int) -> None:
    code, out, _ = run(db_path, str(workshop), "1")
    assert code == 0 and "no ticket volume recorded" in out
    code, out, _ = run(db_path, str(workshop), "1", "0")
    assert code == 0 and "0 tickets/month on this pain point" in out
    assert _volume(store, workshop) == 0
    code, out, _ = run(db_path, str(workshop), "1", "1,240")
    assert code == 0 and "1,240 tickets/month" in out and _volume(store, workshop) == 1240
    code, out, _ = run(db_path, str(workshop), "1", "--clear")
    assert code == 0 and "no ticket volume recorded" in out
    assert _volume(store, workshop) is None


@pytest.mark.parametrize(("args", "says"), [
    (("1", "lots"), "whole number"), (("1", "--", "-4"), "between 0"),
    (("2", "5"), "1 ranked pain point"), (("1", "5", "--clear"), "not both"),
])
def test_bad_input_is_one_sentence_and_changes_nothing(db_path: Path, store: Store,
                                                       workshop: int, args: tuple[str, ...],
                                                       says: str) -> None:
    code, _, err = run(db_path, str(workshop), *args)
    assert code == 1 and says in err and err.count("\n") == 1
    assert _volume(store, workshop) is None


def test_an_observer_cannot_set_it(db_path: Path, store: Store, workshop: int,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    presence.grant(store, workshop, "olga", "observer")
    monkeypatch.setattr(access, "current_account", lambda: "olga")
    monkeypatch.setattr("models.db.store.current_account", lambda: "olga")
    with Store(db_path, who="olga") as seat:
        assert presence.join(seat, workshop, "olga").role == "observer"
    code, _, err = run(db_path, str(workshop), "1", "7")
    assert code == 1 and "observer" in err
    assert _volume(store, workshop) is None
