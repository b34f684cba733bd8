"""The CLI lists a to-be copy as what it is: a design, not a live map (session 12).

``list`` still shows it, with its marker, but never as due for the monthly review;
``tracker`` over all workshops and ``tracker --overdue`` leave it out; its ``report``
words its cards as the design's, not as cards to draft and owners to assign.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import run_cli
from tests.models.to_be_maps import DESIGNED, as_is_and_to_be


@pytest.fixture
def maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int, int]:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    monkeypatch.setenv("COLUMNS", "200")
    db = tmp_path / "team.db"
    with Store(db, who="tester") as store:
        as_is, to_be = as_is_and_to_be(store)
    monkeypatch.setenv("JOURNEYMAP_USER", "tester")
    return db, as_is, to_be


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code in (0, 3) and "Traceback" not in err, err
    return out


def test_list_shows_the_to_be_with_its_marker_and_never_due(
        maps: tuple[Path, int, int]) -> None:
    db, as_is, to_be = maps
    out = ok(run_cli(db, "list"))
    rows = {line.strip("│ ").split()[0]: line for line in out.splitlines()
            if line.startswith("│")}
    assert "(to-be)" in rows[str(to_be)] and "(to-be)" not in rows[str(as_is)]
    assert "DUE" in rows[str(as_is)] and "DUE" not in rows[str(to_be)]
    assert f"Workshop {as_is}: never reviewed" in out
    assert f"Workshop {to_be}:" not in out
    assert "1 map overdue" in out


def test_the_tracker_of_all_workshops_leaves_the_to_be_out(
        maps: tuple[Path, int, int]) -> None:
    db, as_is, to_be = maps
    every = ok(run_cli(db, "tracker"))
    assert f"(workshop {as_is})" in every
    assert f"(workshop {to_be})" not in every and "Noor" not in every
    overdue = ok(run_cli(db, "tracker", "--overdue", "--sort", "due"))
    assert "Monthly review" in overdue and f"(workshop {to_be})" not in overdue
    # asked for by its number: a design has no tracker; the sentence names the live map
    code, out, err = run_cli(db, "tracker", str(to_be))
    assert (code, out) == (1, "") and f"(workshop {as_is})" in err and "Noor" not in err


def test_the_to_be_report_words_its_cards_as_the_designs(
        maps: tuple[Path, int, int]) -> None:
    db, as_is, to_be = maps
    out = " ".join(ok(run_cli(db, "report", str(to_be))).split())
    assert "draft a card" not in out and "assign" not in out
    assert "to-be design" in out
    as_is_report = ok(run_cli(db, "report", str(as_is)))
    assert "(to-be)" not in " ".join(as_is_report.split()).split("map next?")[-1]
    stale = as_is_report.split("gone stale")[-1]
    assert "- Admin locked out: never reviewed" in stale and "(to-be)" not in stale
    assert DESIGNED in " ".join(ok(run_cli(db, "export", str(to_be))).split())
