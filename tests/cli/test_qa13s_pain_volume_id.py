"""`pain-volume ID RANK` after `--clear`: the ranks move, so the confirmation names the pain
point by its text and its number (#N, also listed by `show`), and `#N` addresses that pain
point whatever its rank is now."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import PainPoint
from tests.helpers import run_cli


@pytest.fixture
def pains(store: Store) -> tuple[int, int, int]:
    w = store.create_workshop(title="Login lockout")
    first = store.add(PainPoint(workshop_id=w.id, description="Reset emails lost", impact=3,
                                effort=1, ticket_volume=600))
    second = store.add(PainPoint(workshop_id=w.id, description="Asked twice", impact=3,
                                 effort=1, ticket_volume=400))
    return int(w.id or 0), int(first.id or 0), int(second.id or 0)


def run(db_path: Path, *args: str) -> tuple[int, str, str]:
    code, out, err = run_cli(db_path, *args)
    return code, " ".join(out.split()), " ".join(err.split())


def _volumes(store: Store, wid: int) -> dict[str, int | None]:
    return {p.description: p.ticket_volume for p in store.load(wid).pain_points}


def test_after_a_clear_the_confirmation_says_which_and_how_to_name_it(
        db_path: Path, store: Store, pains: tuple[int, int, int]) -> None:
    wid, first, _ = pains
    code, out, err = run(db_path, "pain-volume", str(wid), "1", "--clear")
    assert (code, err) == (0, "")
    assert out.startswith(f"“Reset emails lost” (#{first}, was ranked 1): ranked 2:")
    code, out, err = run(db_path, "pain-volume", str(wid), f"#{first}", "50")
    assert (code, err) == (0, "")
    assert out.startswith(f"“Reset emails lost” (#{first}): ranked 2:")
    assert _volumes(store, wid) == {"Reset emails lost": 50, "Asked twice": 400}


def test_show_lists_each_pain_point_with_its_number(db_path: Path,
                                                    pains: tuple[int, int, int]) -> None:
    wid, first, second = pains
    code, out, _ = run(db_path, "show", str(wid))
    assert code == 0
    assert f"1. #{first} Reset emails lost" in out and f"2. #{second} Asked twice" in out


@pytest.mark.parametrize(("which", "says"), [
    ("#999", "has no pain point #999; its pain points are #"),
    ("#x", "is neither a rank such as 2 nor a pain point's number such as #"),
    ("first", "is neither a rank such as 2 nor a pain point's number such as #"),
    ("3", "has 2 ranked pain points; 3 is not one of their ranks"),
])
def test_a_pain_point_that_is_not_there_is_one_sentence(
        db_path: Path, store: Store, pains: tuple[int, int, int], which: str,
        says: str) -> None:
    wid = pains[0]
    code, out, err = run(db_path, "pain-volume", str(wid), which, "7")
    assert (code, out) == (1, "")
    assert says in err and err.startswith("journeymap: ") and err.count(". ") == 0
    assert _volumes(store, wid) == {"Reset emails lost": 600, "Asked twice": 400}
