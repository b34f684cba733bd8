"""The "KPI targets" part of the business case in the Markdown export: one line per stage
that has a KPI, from its baseline to its target with the unit; a map where no stage has a
KPI says so in a sentence rather than leaving an empty heading."""

from __future__ import annotations

from models.db.journey import Journey
from models.db.tables.workshop import Stage, Workshop
from models.export.md_method import method_sections


def _kpi_lines(*stages: Stage) -> list[str]:
    journey = Journey(workshop=Workshop(id=1, title="Refunds"), stages=list(stages))
    journey.touchpoints = {s.id or 0: [] for s in stages}
    lines = method_sections(journey, [journey])
    start = lines.index("### KPI targets")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")),
               len(lines))
    return [line for line in lines[start + 1:end] if line]


def test_a_map_with_no_kpi_on_any_stage_says_so() -> None:
    assert _kpi_lines(Stage(id=1, workshop_id=1, name="Notice", position=0),
                      Stage(id=2, workshop_id=1, name="Ask", position=1, kpi_name="  ")) \
        == ["- No stage has a KPI yet."]


def test_each_stage_with_a_kpi_reads_from_baseline_to_target_in_its_unit() -> None:
    assert _kpi_lines(
        Stage(id=1, workshop_id=1, name="Notice", position=0, kpi_name="Time to reply",
              kpi_baseline=4.0, kpi_target=2.5, kpi_unit="hours"),
        Stage(id=2, workshop_id=1, name="Ask", position=1),
        Stage(id=3, workshop_id=1, name=" ", position=2, kpi_name="Repeat contacts")) == [
        "- Notice: Time to reply from 4 to 2.5 hours",
        "- A stage: Repeat contacts from not recorded to not set"]
