"""The diagrams of the Markdown export as a reader sees them (models/export/mermaid.py): the
sentiment journey (stages as sections, actor letters, owners), the plan gantt (milestones,
inclusive deadlines, late work marked) and the impact/effort chart (points by rank in their
quadrant); typed text never ends a block or a line early."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from models.db.journey import Journey
from models.db.tables.cards import PainPoint, PlanTask
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.export.mermaid import (
    cell_offsets,
    fence,
    gantt_diagram,
    journey_diagram,
    point_position,
    quadrant_diagram,
    sentiment_score,
)
from models.rules.priority import RankedPain

HOSTILE = "```\n%% x\nsection: end; #1 title"
MON = dt.date(2026, 3, 2)


def _journey(stages: list[tuple[str, list[dict[str, Any]]]]) -> Journey:
    journey = Journey(workshop=Workshop(id=1, title="Map"))
    tp_id = 0
    for si, (name, tps) in enumerate(stages, start=1):
        journey.stages.append(Stage(id=si, workshop_id=1, name=name, position=si))
        journey.touchpoints[si] = []
        for values in tps:
            tp_id += 1
            journey.touchpoints[si].append(Touchpoint(id=tp_id, stage_id=si, **values))
    return journey


def _lines(block: str) -> list[str]:
    lines = block.split("\n")
    assert lines[0] == "```mermaid" and lines[-1] == "```"
    assert all("```" not in line for line in lines[1:-1])
    return lines[1:-1]


def test_a_fence_wraps_the_lines_in_one_mermaid_block() -> None:
    assert fence(["journey", "    title x"]) == "```mermaid\njourney\n    title x\n```"


@pytest.mark.parametrize(("sentiment", "score"),
                         [(-3, 1), (-2, 1), (-1, 2), (0, 3), (1, 4), (2, 5), (3, 5)])
def test_sentiment_maps_onto_mermaids_one_to_five(sentiment: int, score: int) -> None:
    assert sentiment_score(sentiment) == score


def test_the_journey_has_a_section_per_stage_with_touchpoints_and_marks_actors() -> None:
    journey = _journey([
        ("Notice", [{"name": "Login page", "sentiment": -2, "actor": "customer"},
                    {"name": "Bot", "sentiment": 1, "actor": "bot", "owner_team": "Digital"}]),
        ("Wait", []),
        ("Resolve", [{"name": "Call", "sentiment": 2, "owner_team": "  "}])])
    block, left_out = journey_diagram(journey)
    assert left_out == 0
    assert _lines(block) == [
        "journey", "    title Customer sentiment along the journey",
        "    section Notice", "        [C] Login page: 1", "        [B] Bot: 4: Digital",
        "    section Resolve", "        Call: 5"]


def test_the_journey_draws_at_most_the_limit_and_counts_the_rest() -> None:
    journey = _journey([("A", [{"name": f"a{i}"} for i in range(3)]),
                        ("B", [{"name": "b0"}, {"name": "b1"}]), ("C", [{"name": "c0"}])])
    block, left_out = journey_diagram(journey, limit=4)
    assert left_out == 2
    assert [line.strip() for line in _lines(block)[2:]] == [
        "section A", "a0: 3", "a1: 3", "a2: 3", "section B", "b0: 3"]
    assert journey_diagram(journey, limit=6)[1] == 0


def test_a_journey_without_touchpoints_draws_nothing() -> None:
    assert journey_diagram(_journey([("A", []), ("B", [])])) == ("", 0)


def test_hostile_names_stay_inside_their_line_and_their_block() -> None:
    journey = _journey([(HOSTILE, [{"name": HOSTILE, "owner_team": "L1, L2: " + HOSTILE}])])
    lines = _lines(journey_diagram(journey)[0])
    assert len(lines) == 4
    section, task = lines[2], lines[3]
    assert section.startswith("    section ") and ":" not in section and "%%" not in section
    name, score, actor = task.strip().split(": ")
    assert score == "3"
    for text in (section.removeprefix("    section "), name, actor):
        bare = re.sub(r"#[0-9]+;", "", text)
        assert not set(bare) & set(":;#,%`\n"), text


def _task(number: int, **values: Any) -> PlanTask:
    base: dict[str, Any] = {"id": number, "workshop_id": 1, "key": f"k{number}",
                            "title": f"Task {number}", "phase": "Days 1-14", "status": "open"}
    base.update(values)
    return PlanTask(**base)


def test_the_gantt_writes_inclusive_durations_milestones_and_sections() -> None:
    tasks = [_task(1, start=MON, deadline=MON + dt.timedelta(days=4)),
             _task(2, start=MON, deadline=MON),
             _task(3, key="review", start=MON, deadline=MON + dt.timedelta(days=3)),
             _task(4, phase="Days 15-30", deadline=MON + dt.timedelta(days=20)),
             _task(5, phase="", start=MON + dt.timedelta(days=9), title="", key="baseline"),
             _task(6, start=MON + dt.timedelta(days=5), deadline=MON + dt.timedelta(days=2)),
             _task(7, phase="Days 1-14")]
    assert _lines(gantt_diagram(tasks, "Plan")) == [
        "gantt", "    title Plan", "    dateFormat YYYY-MM-DD", "    axisFormat %d %b",
        "    section Days 1-14",
        "    Task 1 :t1, 2026-03-02, 5d",
        "    Task 2 :milestone, t2, 2026-03-02, 0d",
        "    Task 3 :milestone, t3, 2026-03-02, 0d",
        "    section Days 15-30",
        "    Task 4 :milestone, t4, 2026-03-22, 0d",
        "    section Other",
        "    baseline :milestone, t5, 2026-03-11, 0d",
        "    section Days 1-14",
        "    Task 6 :milestone, t6, 2026-03-04, 0d"]


def test_the_gantt_marks_done_active_and_late_work() -> None:
    week = MON + dt.timedelta(days=6)
    tasks = [_task(1, start=MON, deadline=week, status="done"),
             _task(2, start=MON, deadline=week, status="in_progress"),
             _task(3, start=MON, deadline=week),
             _task(4, start=MON, deadline=week, status="dropped"),
             _task(5, start=MON, deadline=week + dt.timedelta(days=1), status="in_progress")]
    today = week + dt.timedelta(days=1)
    specs = [line.split(" :", 1)[1] for line in _lines(gantt_diagram(tasks, "P", today))[5:]]
    assert specs == ["done, t1, 2026-03-02, 7d", "active, crit, t2, 2026-03-02, 7d",
                     "crit, t3, 2026-03-02, 7d", "t4, 2026-03-02, 7d",
                     "active, t5, 2026-03-02, 8d"]
    undated = [line.split(" :", 1)[1] for line in _lines(gantt_diagram(tasks, "P"))[5:]]
    assert "crit" not in " ".join(undated)


def test_a_gantt_with_no_dated_task_draws_nothing() -> None:
    assert gantt_diagram([_task(1), _task(2)], "Plan") == ""
    assert gantt_diagram([], "Plan") == ""


def test_hostile_task_titles_stay_on_their_line_before_the_colon() -> None:
    tasks = [_task(1, title=HOSTILE, phase=HOSTILE, start=MON, deadline=MON)]
    lines = _lines(gantt_diagram(tasks, HOSTILE))
    assert len(lines) == 6
    assert lines[5].count(" :") == 1 and ":" not in lines[5].split(" :")[0]
    assert all("%%" not in line and "\n" not in line for line in lines)


def _ranked(rank: int, impact: int, effort: int, quadrant: str) -> RankedPain:
    pain = PainPoint(id=rank, workshop_id=1, description=f"p{rank}", impact=impact,
                     effort=effort)
    return RankedPain(rank=rank, pain=pain, quadrant=quadrant, volume=0, votes=0)


@pytest.mark.parametrize(("impact", "effort", "quadrant", "where"), [
    (3, 1, "quick_win", (0.15, 0.85)), (3, 3, "big_bet", (0.85, 0.85)),
    (1, 1, "fill_in", (0.15, 0.15)), (1, 3, "money_pit", (0.85, 0.15)),
    (2, 2, "quick_win", (0.4, 0.6)), (2, 2, "big_bet", (0.6, 0.6)),
    (2, 2, "fill_in", (0.4, 0.4)), (2, 2, "money_pit", (0.6, 0.4)),
    (5, 0, "quick_win", (0.15, 0.85)),
])
def test_a_point_sits_in_the_quadrant_its_ranking_gave_it(
        impact: int, effort: int, quadrant: str, where: tuple[float, float]) -> None:
    assert point_position(_ranked(1, impact, effort, quadrant)) == where
    assert point_position(_ranked(1, impact, effort, quadrant), (0.01, -0.02)) == (
        round(where[0] + 0.01, 3), round(where[1] - 0.02, 3))


@pytest.mark.parametrize(("count", "offsets"), [
    (1, [(0.0, 0.0)]),
    (2, [(-0.03, 0.0), (0.03, 0.0)]),
    (4, [(-0.03, 0.03), (0.03, 0.03), (-0.03, -0.03), (0.03, -0.03)]),
    (5, [(-0.06, 0.03), (0.0, 0.03), (0.06, 0.03), (-0.06, -0.03), (0.0, -0.03)]),
])
def test_points_sharing_a_cell_spread_on_a_grid_in_rank_order(
        count: int, offsets: list[tuple[float, float]]) -> None:
    got = cell_offsets(count)
    assert got == [pytest.approx(o) for o in offsets]


def test_twenty_points_in_one_cell_stay_apart_and_inside_it() -> None:
    got = cell_offsets(20)
    xs = sorted({round(x, 6) for x, _ in got})
    assert len(got) == 20 and len(xs) == 5
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= 0.045
    assert all(abs(x) <= 0.09 and abs(y) <= 0.09 for x, y in got)


def test_the_chart_names_points_by_rank_in_order_with_plain_coordinates() -> None:
    ranked = [_ranked(1, 3, 1, "quick_win"), _ranked(2, 3, 1, "quick_win"),
              _ranked(3, 1, 3, "money_pit"), _ranked(4, 3, 3, "big_bet")]
    assert _lines(quadrant_diagram(ranked)) == [
        "quadrantChart", "    title Pain points by impact and effort",
        '    x-axis "Low effort" --> "High effort"',
        '    y-axis "Low impact" --> "High impact"',
        '    quadrant-1 "Big bets"', '    quadrant-2 "Quick wins"',
        '    quadrant-3 "Fill-ins"', '    quadrant-4 "Money pits"',
        '    "1": [0.12, 0.85]', '    "2": [0.18, 0.85]', '    "3": [0.85, 0.15]',
        '    "4": [0.85, 0.85]']


def test_the_chart_shows_the_top_of_the_ranking_only_and_nothing_when_empty() -> None:
    ranked = [_ranked(n, 3, 1, "quick_win") for n in range(1, 6)]
    lines = _lines(quadrant_diagram(ranked, limit=3))
    assert [line.split(":")[0].strip() for line in lines[8:]] == ['"1"', '"2"', '"3"']
    assert quadrant_diagram([]) == ""


def test_coordinates_stay_strictly_inside_the_chart() -> None:
    ranked = [_ranked(n, 1, 1, "fill_in") for n in range(1, 21)]
    for line in _lines(quadrant_diagram(ranked))[8:]:
        x, y = line.split("[")[1].rstrip("]").split(", ")
        assert x.startswith("0.") and y.startswith("0.") and 0 < float(x) < 1
