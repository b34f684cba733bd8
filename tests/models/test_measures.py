"""The measures rules on hand-made readings: history, latest import wins, card judgements,
repeat contacts per stage, provenance, sparklines; nothing invented."""

from __future__ import annotations

import json

import pytest

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard
from models.db.tables.tickets import Reading, TicketSource
from models.db.tables.workshop import Stage, Workshop
from models.rules import measures


def reading(src: int, period: str, kind: str = "all", value: str = "", tickets: int = 100,
            **metrics: object) -> Reading:
    return Reading(source_id=src, workshop_id=1, period=period, group_kind=kind,
                   group_value=value, tickets=tickets, **metrics)


def journey(readings: list[Reading], links: dict[str, dict[str, int]] | None = None,
            cards: list[HypothesisCard] | None = None) -> Journey:
    sources = [TicketSource(id=1, workshop_id=1, file_name="jan.csv"),
               TicketSource(id=2, workshop_id=1, file_name="feb.csv",
                            links=json.dumps(links or {}))]
    stages = [Stage(id=10, workshop_id=1, name="Contact", kpi_name="Reopen rate"),
              Stage(id=11, workshop_id=1, name="Follow-Up", kpi_name="Warm feelings")]
    return Journey(workshop=Workshop(id=1), stages=stages, ticket_sources=sources,
                   readings=readings, cards=cards or [])


def test_history_takes_the_latest_import_of_each_month() -> None:
    j = journey([reading(1, "2024-01", tickets=100), reading(1, "2024-02", tickets=80),
                 reading(2, "2024-02", tickets=90), reading(2, "2024-01..2024-02", tickets=1)])
    history = measures.series(j, "tickets")
    assert [(m, v.value) for m, v in history] == [("2024-01", 100.0), ("2024-02", 90.0)]
    assert history[-1][1].provenance == "feb.csv, 2024-02, n=90"


def test_unavailable_metric_keeps_its_reason() -> None:
    j = journey([reading(1, "2024-01", unavailable=json.dumps(
        {"sla_met_rate": "the export has no SLA column"}))])
    got = measures.latest(j, "sla_met_rate")
    assert got.value is None and got.reason == "the export has no SLA column"
    assert measures.latest(journey([]), "tickets").reason == "no ticket data imported"


def test_a_relative_target_is_judged_against_the_baseline_reading() -> None:
    card = HypothesisCard(id=5, pain_point_id=1, signal_metric="tickets",
                          signal_group="category=Login", signal_target=-0.3,
                          signal_relative=True)
    rows = [reading(1, "2024-01", "category", "Login", tickets=200),
            reading(2, "2024-02", "category", "Login", tickets=150)]
    verdict = measures.judge(journey(rows), card)
    assert verdict is not None and verdict.status == measures.NOT_YET  # -25 % of -30 %
    rows.append(reading(2, "2024-03", "category", "Login", tickets=120))
    verdict = measures.judge(journey(rows), card)
    assert verdict is not None and verdict.status == measures.MET  # -40 %
    assert "-40%" in verdict.text


def test_one_reading_is_no_data_and_an_untied_card_is_not_judged() -> None:
    card = HypothesisCard(pain_point_id=1, signal_metric="reopen_rate", signal_target=0.1)
    verdict = measures.judge(journey([reading(1, "2024-01", reopen_rate=0.2)]), card)
    assert verdict is not None and verdict.status == measures.NO_DATA
    assert "baseline" in verdict.text
    assert measures.judge(journey([]), HypothesisCard(pain_point_id=1)) is None


def test_an_absolute_target_below_the_baseline_is_met_when_reached() -> None:
    card = HypothesisCard(pain_point_id=1, signal_metric="reopen_rate", signal_target=0.1)
    rows = [reading(1, "2024-01", reopen_rate=0.2), reading(2, "2024-02", reopen_rate=0.09)]
    verdict = measures.judge(journey(rows), card)
    assert verdict is not None and verdict.status == measures.MET


def test_repeat_contacts_per_stage_from_mapped_categories() -> None:
    rows = [reading(2, "2024-02", "category", "Login", tickets=50, reopened=12),
            reading(2, "2024-02", "category", "MFA", tickets=30, reopened=3),
            reading(2, "2024-02", "category", "Refund", tickets=40, reopened=20)]
    j = journey(rows, links={"Login": {"stage": 10}, "MFA": {"stage": 10},
                             "Refund": {"stage": 11}})
    ranked = measures.repeat_contacts_by_stage(j)
    assert [(s.name, m.value) for s, m in ranked] == [("Follow-Up", 20.0), ("Contact", 15.0)]


def test_stage_kpi_baseline_is_ticket_weighted_over_its_categories() -> None:
    rows = [reading(1, "2024-01", "category", "Login", tickets=300, reopen_rate=0.1),
            reading(1, "2024-01", "category", "MFA", tickets=100, reopen_rate=0.3)]
    j = journey(rows, links={"Login": {"stage": 10}, "MFA": {"stage": 10}})
    got = measures.stage_kpi(j, j.stages[0])
    assert got.value == pytest.approx(0.15)
    assert "ticket-weighted over 2 groups" in got.provenance
    assert measures.stage_kpi(j, j.stages[1]).value is None


@pytest.mark.parametrize(("name", "metric"), [("First contact resolution (FCR)", "fcr_rate"),
                                              ("Time to resolution", "ttr_median_hours"),
                                              ("CSAT", "csat_mean"), ("Deflection rate", None)])
def test_kpi_names_map_to_metrics(name: str, metric: str | None) -> None:
    assert measures.kpi_metric(name) == metric


def test_sparkline() -> None:
    assert measures.sparkline([1, 2, 3, None, 8]) == "▁▂▃ █"
    assert measures.sparkline([None]) == ""
    assert measures.sparkline([5, 5]) == "▁▁"
