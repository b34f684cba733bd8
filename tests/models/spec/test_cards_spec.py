"""How a drafted card writes KPI figures and names a KPI nobody named."""

from __future__ import annotations

import pytest

from models.db.journey import Journey
from models.db.schema import StoreError
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.rules.cards import create_card, draft_card, fmt_kpi, ordered_cards


@pytest.mark.parametrize(("value", "shown"), [
    (18.0, "18"), (2.5, "2.5"), (1240.75, "1,240.75"),
    (2.004, "2"),  # rounds to a whole number: no dangling decimal point
    (1240.001, "1,240"),
])
def test_kpi_figures_are_written_the_way_people_write_them(value: float, shown: str) -> None:
    assert fmt_kpi(value, "") == shown
    assert fmt_kpi(value, " % ") == f"{shown} %"


def _signal(stage_name: str) -> str:
    stage = Stage(id=1, workshop_id=1, name=stage_name, kpi_name=" ", kpi_baseline=18,
                  kpi_target=10, kpi_unit="%")
    pain = PainPoint(id=1, workshop_id=1, touchpoint_id=1, description="asks twice")
    journey = Journey(workshop=Workshop(id=1), stages=[stage],
                      touchpoints={1: [Touchpoint(id=1, stage_id=1, name="Chat")]},
                      pain_points=[pain])
    return draft_card(journey, pain)["signal"]


def test_a_kpi_without_a_name_is_called_after_its_stage_or_the_stage() -> None:
    assert _signal("Follow-Up") == "The Follow-Up KPI falls from 18 % to 10 % within 30 days"
    assert _signal("  ") == "The stage KPI falls from 18 % to 10 % within 30 days"


def test_a_created_card_is_saved_with_all_three_drafted_parts(store: Store) -> None:
    w = store.create_workshop(default_stages=False, title="c")
    stage = store.add(Stage(workshop_id=int(w.id or 0), name="Follow-Up", kpi_name="Reopen rate",
                            kpi_baseline=18, kpi_target=10, kpi_unit="%"))
    tp = store.add(Touchpoint(stage_id=int(stage.id or 0), name="Reset link"))
    pain = store.add(PainPoint(workshop_id=int(w.id or 0), touchpoint_id=tp.id, kind="dead_end",
                               description="no next step"))
    create_card(store, int(pain.id or 0))
    saved = store.load(int(w.id or 0)).cards[0]
    assert (saved.experiment, saved.outcome, saved.signal) == (
        "giving customers a clear next step at Reset link (no next step)",
        "fewer abandoned requests and escalations in Follow-Up",
        "Reopen rate falls from 18 % to 10 % within 30 days")


def test_a_card_for_a_deleted_pain_point_is_refused_in_one_sentence(store: Store) -> None:
    with pytest.raises(StoreError) as refused:
        create_card(store, 12345)
    assert str(refused.value) == (
        "That pain point no longer exists (someone may have deleted it).")


@pytest.mark.parametrize(("volume", "signal"), [
    (1, "tickets about this fall from 1 to 0 a month within 30 days"),
    (1850, "tickets about this fall from 1,850 to 925 a month within 30 days"),
    (0, "fewer tickets about this (record a baseline and a target)"),
])
def test_a_pain_point_on_no_touchpoint_is_measured_by_its_own_tickets(
        volume: int, signal: str) -> None:
    pain = PainPoint(id=1, workshop_id=1, description="asks twice", ticket_volume=volume)
    assert draft_card(Journey(workshop=Workshop(id=1), pain_points=[pain]), pain)["signal"] == (
        signal)


def test_a_pain_on_an_unnamed_touchpoint_is_placed_at_its_stage_and_an_unnamed_stage_is_not_named(
        ) -> None:
    def draft(stage_name: str) -> dict[str, str]:
        pain = PainPoint(id=1, workshop_id=1, touchpoint_id=1, kind="loop",
                         description="asks twice")
        journey = Journey(workshop=Workshop(id=1),
                          stages=[Stage(id=1, workshop_id=1, name=stage_name)],
                          touchpoints={1: [Touchpoint(id=1, stage_id=1, name=" ")]},
                          pain_points=[pain])
        return draft_card(journey, pain)

    assert draft("Contact")["experiment"] == "removing the repeat step at Contact (asks twice)"
    assert draft(" ")["experiment"] == "removing the repeat step at this step (asks twice)"
    assert draft(" ")["outcome"] == "fewer repeat contacts and less customer effort"


def test_a_description_ending_in_a_spaced_full_stop_is_quoted_without_it() -> None:
    pain = PainPoint(id=1, workshop_id=1, kind="other", description="  asks twice . ")
    journey = Journey(workshop=Workshop(id=1), pain_points=[pain])
    assert draft_card(journey, pain)["experiment"] == "fixing “asks twice” at this step"


def test_cards_of_pain_points_no_longer_on_the_map_come_last_by_id() -> None:
    pains = [PainPoint(id=1, workshop_id=1, impact=3, effort=1, description="asks twice")]
    cards = [HypothesisCard(id=9, pain_point_id=77), HypothesisCard(id=4, pain_point_id=78),
             HypothesisCard(id=6, pain_point_id=1)]
    journey = Journey(workshop=Workshop(id=1), pain_points=pains, cards=cards)
    assert [c.id for c in ordered_cards(journey)] == [6, 4, 9]
