"""A to-be copy's exports carry no plan, tracker or overdue count (session 12's note).

A to-be copy is a design of the journey after the fixes (``live_maps.is_live``): nobody
works its 60-day plan and nothing in it can be late.  Its Markdown export still had the
generated plan preview, a Tracker with "1 OVERDUE", an OVERDUE risk and "next dates";
its csv and ics were the same preview as files.  Now the document says in one sentence
that the plan and the tracker belong to the live map it was copied from, by name, and a
csv or ics of a to-be is refused in one sentence (exit 1) with nothing written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import run_cli
from tests.models.to_be_maps import as_is_and_to_be

BELONG = "The 60-day plan and the tracker belong to the live map this design was copied from"


@pytest.fixture
def maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int, int]:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    path = tmp_path / "team.db"
    with Store(path, who="tester", create=True) as store:
        as_is, to_be = as_is_and_to_be(store)
    return path, as_is, to_be


def test_a_to_be_markdown_has_no_plan_tracker_or_overdue(maps: tuple[Path, int, int]) -> None:
    path, as_is, to_be = maps
    code, out, err = run_cli(path, "export", str(to_be))
    assert code == 0, err
    assert "OVERDUE" not in out
    assert "## Tracker" not in out and "## 60-day plan" not in out
    assert "gantt" not in out and "Next dates" not in out and "**Plan:**" not in out
    assert f"{BELONG}, “Admin locked out” (workshop {as_is})" in out
    assert out.count(BELONG) == 1


def test_the_as_is_markdown_keeps_its_plan_and_tracker(maps: tuple[Path, int, int]) -> None:
    path, as_is, _to_be = maps
    code, out, err = run_cli(path, "export", str(as_is))
    assert code == 0, err
    assert "## Tracker" in out and "## 60-day plan" in out and BELONG not in out


@pytest.mark.parametrize("sections", ["plan", "tracker", "tracker,plan", "action-plan"])
def test_each_plan_section_of_a_to_be_is_the_one_sentence(
        maps: tuple[Path, int, int], sections: str) -> None:
    path, _as_is, to_be = maps
    code, out, err = run_cli(path, "export", str(to_be), "--sections", sections)
    assert code == 0, err
    assert out.count(BELONG) == 1 and "OVERDUE" not in out


@pytest.mark.parametrize("fmt", ["csv", "ics"])
def test_a_to_be_csv_or_calendar_is_refused_and_nothing_written(
        maps: tuple[Path, int, int], tmp_path: Path, fmt: str) -> None:
    path, as_is, to_be = maps
    target = tmp_path / f"plan.{fmt}"
    code, out, err = run_cli(path, "export", str(to_be), "-f", fmt, "-o", str(target))
    assert code == 1 and out == ""
    assert not target.exists() and list(tmp_path.glob("plan*")) == []
    assert err.count("\n") == 1 and f"“Admin locked out” (workshop {as_is})" in err
    code, out, err = run_cli(path, "export", str(to_be), "-f", fmt)
    assert code == 1 and out == ""


@pytest.mark.parametrize(("command", "what"), [
    (("plan",), "60-day plan"), (("plan", "--regenerate"), "60-day plan"),
    (("tracker",), "tracker"), (("tracker", "--overdue"), "tracker")])
def test_plan_and_tracker_of_a_to_be_say_whose_they_are_and_save_nothing(
        maps: tuple[Path, int, int], command: tuple[str, ...], what: str) -> None:
    path, as_is, to_be = maps
    code, out, err = run_cli(path, command[0], str(to_be), *command[1:])
    assert (code, out) == (1, "")
    assert f"is a to-be design, so it has no {what}: its 60-day plan" in err
    assert f"“Admin locked out” (workshop {as_is})" in err
    with Store(path, who="tester") as store:
        assert store.load(to_be).plan_tasks == []
