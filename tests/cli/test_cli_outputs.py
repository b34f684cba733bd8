"""CLI output commands through Typer's CliRunner: happy paths, errors and exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.workshop import Touchpoint
from tui.cli.main import app
from tui.cli.outputs import OVERDUE_EXIT

TODAY = dt.date.today()
HOSTILE = "[bold]red[/] \x1b[2J `x` | y"


@pytest.fixture
def workshop(store: Store) -> int:
    """One workshop with an overdue card owned by Ana and an on-time card owned by Bo."""
    w = store.create_workshop(title="Login lockout", start_date=TODAY)
    stage = store.load(w.id).stages[0]
    tp = store.add(Touchpoint(stage_id=stage.id, name="Reset page", owner_team="Support"))
    late = store.add(PainPoint(workshop_id=w.id, touchpoint_id=tp.id, description=HOSTILE,
                               impact=3, effort=1, ticket_volume=300))
    fine = store.add(PainPoint(workshop_id=w.id, touchpoint_id=tp.id, description="Slow chat",
                               impact=2, effort=3))
    store.add(HypothesisCard(pain_point_id=late.id, experiment=HOSTILE, owner="Ana",
                             deadline=TODAY - dt.timedelta(days=3), signal="30% fewer"))
    store.add(HypothesisCard(pain_point_id=fine.id, experiment="Faster chat", owner="Bo",
                             deadline=TODAY + dt.timedelta(days=10)))
    return int(w.id)


def run(db: Path, *args: str) -> object:
    return CliRunner().invoke(app, ["--db", str(db), *args])


def test_export_md_to_stdout_and_to_file_are_the_same(db_path: Path, workshop: int,
                                                       tmp_path: Path) -> None:
    result = run(db_path, "export", str(workshop))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Login lockout\n")
    assert "## Leadership review" in result.stdout and "```mermaid" in result.stdout
    assert "\x1b" not in result.stdout
    target = tmp_path / "plan.md"
    result = run(db_path, "export", str(workshop), "--format", "md", "-o", str(target))
    assert result.exit_code == 0
    assert "Wrote" in result.stderr and result.stdout == ""
    first, second = run(db_path, "export", str(workshop)).stdout, target.read_text("utf-8")
    assert first == second


def test_export_sections_action_plan(db_path: Path, workshop: int) -> None:
    result = run(db_path, "export", str(workshop), "--sections", "action-plan")
    assert result.exit_code == 0
    heads = [line for line in result.stdout.splitlines() if line.startswith("## ")]
    assert heads == ["## Summary", "## Ranked pain points", "## Hypothesis cards", "## Tracker",
                     "## 60-day plan", "## Leadership review"]
    assert "```mermaid\ngantt" in result.stdout
    assert "OVERDUE by 3 days" in result.stdout


def test_export_json_csv_ics_parse_back(db_path: Path, workshop: int) -> None:
    data = json.loads(run(db_path, "export", str(workshop), "-f", "json").stdout)
    assert data["workshop"]["title"] == "Login lockout"
    out = run(db_path, "export", str(workshop), "-f", "csv", "--start", "2024-02-29").stdout
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert {r["owner"] for r in rows if r["kind"] == "card"} == {"Ana", "Bo"}
    assert [r["overdue"] for r in rows if r["owner"] == "Ana" and r["kind"] == "card"] == ["yes"]
    ics = CliRunner().invoke(app, ["--db", str(db_path), "export", str(workshop), "-f", "ics",
                                   "--start", "2024-02-29"]).stdout_bytes
    events = list(Calendar.from_ical(ics).walk("VEVENT"))
    # seven plan tasks (two reviews) and two card deadlines; the tasks that carry out
    # those two cards ("Ship one fix", "Card 2") are the card events, not extra ones
    assert len(events) == 8
    review = next(e for e in events if "plan-review@" in str(e.get("uid")))
    assert review.decoded("dtstart") == dt.date(2024, 4, 26)


@pytest.mark.parametrize("args, message", [
    (["export", "99"], "There is no workshop 99"),
    (["export", "{id}", "--start", "2024-02-30"], "--start must be a date like"),
    (["export", "{id}", "--sections", "scope,nope"], "Unknown section 'nope'"),
    (["export", "{id}", "-o", "/nonexistent-dir/x/plan.md"], "Cannot write"),
    (["export", "{id}", "-f", "pdf"], "Unknown format 'pdf'"),
    (["export", "{id}", "-f", "csv", "--sections", "plan"], "--sections only applies"),
    (["cards", "42"], "There is no workshop 42"),
    (["tracker", "42"], "There is no workshop 42"),
    (["plan", "{id}", "--start", "tomorrow"], "--start must be a date"),
    (["report", "42"], "There is no workshop 42"),
])
def test_user_errors_are_one_sentence_and_exit_1(db_path: Path, workshop: int, args: list[str],
                                                 message: str) -> None:
    result = run(db_path, *[a.replace("{id}", str(workshop)) for a in args])
    assert result.exit_code == 1
    assert result.stderr.startswith("journeymap: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_tracker_overdue_exits_3_and_says_overdue(db_path: Path, workshop: int) -> None:
    result = run(db_path, "tracker", "--overdue")
    assert result.exit_code == OVERDUE_EXIT
    assert "OVERDUE by 3 days" in result.stdout and "Ana" in result.stdout
    assert "Faster chat" not in result.stdout
    assert "\x1b" not in result.stdout
    everything = run(db_path, "tracker", str(workshop))
    assert everything.exit_code == 0 and "Faster chat" in everything.stdout
    bo = run(db_path, "tracker", "--owner", "bo", "--overdue")
    assert bo.exit_code == 0 and "No overdue items for bo." in bo.stdout


def test_tracker_without_id_covers_every_workshop(db_path: Path, store: Store,
                                                  workshop: int) -> None:
    other = store.create_workshop(title="Billing dispute")
    pain = store.add(PainPoint(workshop_id=other.id, description="Refund slow"))
    store.add(HypothesisCard(pain_point_id=pain.id, experiment="Refund faster", owner="Cy",
                             deadline=TODAY))
    result = CliRunner().invoke(app, ["--db", str(db_path), "tracker"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "Refund faster" in result.stdout and "Faster chat" in result.stdout
    assert "Billing dispute" in result.stdout and "due today" in result.stdout


def test_cards_show_user_text_literally(db_path: Path, workshop: int) -> None:
    result = CliRunner().invoke(app, ["--db", str(db_path), "cards", str(workshop)],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "[bold]red[/]" in result.stdout and "\u241b[2J" in result.stdout
    assert "\x1b" not in result.stdout
    assert "We believe" in result.stdout and "FLAGGED" not in result.stdout.split("Faster")[0]


def test_plan_saves_then_needs_regenerate_to_move(db_path: Path, store: Store,
                                                  workshop: int) -> None:
    result = CliRunner().invoke(app, ["--db", str(db_path), "plan", str(workshop), "--start",
                                      "2024-06-01"], env={"COLUMNS": "160"})
    assert result.exit_code == 0 and "2024-06-01" in result.stdout
    tasks = store.load(workshop).plan_tasks
    assert len(tasks) == 8 and tasks[0].start == dt.date(2024, 6, 1)  # 7 + card 2
    again = run(db_path, "plan", str(workshop), "--start", "2024-07-01")
    assert again.exit_code == 1 and "--regenerate" in again.stderr
    store.update(PlanTask, tasks[0].id, title="Our own baseline", edited=True)
    moved = CliRunner().invoke(app, ["--db", str(db_path), "plan", str(workshop), "--start",
                                     "2024-07-01", "--regenerate"], env={"COLUMNS": "160"})
    assert moved.exit_code == 0 and "Our own baseline (edited)" in moved.stdout
    after = store.load(workshop).plan_tasks
    assert after[0].start == dt.date(2024, 6, 1) and after[1].start == dt.date(2024, 7, 1)
    note = run(db_path, "export", str(workshop), "--start", "2025-01-01", "-f", "csv")
    assert note.exit_code == 0 and "saved plan keeps its dates" in note.stderr


def test_report_answers_the_four_questions(db_path: Path, workshop: int) -> None:
    result = run(db_path, "report", str(workshop))
    assert result.exit_code == 0
    assert result.stdout.count("?\n") == 5  # the four review questions, then stale maps
    assert "still open; Ana owns it" in result.stdout
    assert "Which maps have gone stale" in result.stdout


def test_help_does_not_import_storage() -> None:
    code = ("import sys; from tui.cli.main import app; import tui.cli.outputs; "
            "print('sqlmodel' in sys.modules, 'rich.table' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).parent.parent.parent)
    assert out.stdout.split() == ["False", "False"]


def test_tracker_and_export_count_from_the_pinned_today(db_path: Path, workshop: int,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from models.vocab import TODAY_ENV

    monkeypatch.setenv(TODAY_ENV, (TODAY - dt.timedelta(days=30)).isoformat())
    tracker = run(db_path, "tracker", str(workshop), "--overdue")
    assert tracker.exit_code == 0 and "No overdue items" in tracker.stdout
    exported = run(db_path, "export", str(workshop))
    assert "OVERDUE by" not in exported.stdout
    monkeypatch.setenv(TODAY_ENV, (TODAY + dt.timedelta(days=1)).isoformat())
    late = run(db_path, "tracker", str(workshop), "--overdue")
    assert late.exit_code == OVERDUE_EXIT and "OVERDUE by 4 days" in late.stdout
