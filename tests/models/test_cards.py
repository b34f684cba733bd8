"""Hypothesis cards: drafting from pain point and stage KPI, phrasing, flags, storage."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.db.journey import Journey
from models.db.schema import StoreError
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.rules.cards import (
    card_flags,
    card_sentence,
    create_card,
    draft_card,
    fmt_kpi,
    lower_is_better,
    ordered_cards,
)

SENTENCE = "We believe {} will result in {}. We will know we succeeded when {}."


def journey_with(stage: Stage, pains: list[PainPoint],
                 cards: list[HypothesisCard] | None = None) -> Journey:
    tp = Touchpoint(id=10, stage_id=stage.id, name="Reset link", owner_team="Tier 1")
    return Journey(workshop=Workshop(id=1), stages=[stage], touchpoints={stage.id: [tp]},
                   pain_points=pains, cards=cards or [])


def follow_up(**kpi: object) -> Stage:
    values = {"kpi_name": "Reopen rate", "kpi_baseline": 18.0, "kpi_target": 10.0,
              "kpi_unit": "%"} | kpi
    return Stage(id=1, workshop_id=1, name="Follow-Up", **values)


def loop(**fields: object) -> PainPoint:
    values = {"id": 5, "workshop_id": 1, "touchpoint_id": 10, "kind": "loop",
              "description": "Customer re-explains the issue."} | fields
    return PainPoint(**values)


def test_loop_draft_names_the_repeat_step_and_a_measurable_kpi_signal() -> None:
    card = draft_card(journey_with(follow_up(), [loop()]), loop())
    assert card["experiment"] == ("removing the repeat step at Reset link "
                                  "(Customer re-explains the issue)")
    assert "repeat contacts" in card["outcome"] and "Follow-Up" in card["outcome"]
    assert card["signal"] == "Reopen rate falls from 18 % to 10 % within 30 days"
    assert "signal not measurable" not in card_flags(card)


@pytest.mark.parametrize(("kind", "start"), [
    ("dead_end", "giving customers a clear next step at Reset link"),
    ("branch", "automating or simplifying the manual step at Reset link"),
    ("other", "fixing “Customer re-explains the issue” at Reset link"),
])
def test_each_kind_has_its_own_experiment(kind: str, start: str) -> None:
    pain = loop(kind=kind)
    assert draft_card(journey_with(follow_up(), [pain]), pain)["experiment"].startswith(start)


def test_signal_direction_follows_target_and_kpi_knowledge() -> None:
    rising = follow_up(kpi_name="First contact resolution (FCR)", kpi_baseline=62.5,
                       kpi_target=75, kpi_unit="%")
    assert draft_card(journey_with(rising, [loop()]), loop())["signal"] == (
        "First contact resolution (FCR) rises from 62.5 % to 75 % within 30 days")
    only_base = follow_up(kpi_target=None)
    assert draft_card(journey_with(only_base, [loop()]), loop())["signal"] == (
        "Reopen rate falls below 18 % within 30 days")
    only_target = follow_up(kpi_baseline=None)
    assert draft_card(journey_with(only_target, [loop()]), loop())["signal"] == (
        "Reopen rate reaches 10 % within 30 days")


def test_without_kpi_figures_the_signal_uses_volume_or_says_what_to_record() -> None:
    bare = follow_up(kpi_baseline=None, kpi_target=None)
    with_volume = loop(ticket_volume=1240)
    assert draft_card(journey_with(bare, [with_volume]), with_volume)["signal"] == (
        "tickets about this fall from 1,240 to 620 a month within 30 days")
    card = draft_card(journey_with(bare, [loop()]), loop())
    assert card["signal"] == "Reopen rate improves (record its baseline and target)"
    assert "signal not measurable" in card_flags(card)


def test_pain_point_without_touchpoint_still_drafts() -> None:
    pain = PainPoint(id=1, workshop_id=1, description="", kind="dead_end")
    card = draft_card(Journey(workshop=Workshop(id=1)), pain)
    assert card["experiment"] == "giving customers a clear next step at this step (this pain point)"
    assert all(card.values())


def test_sentence_has_fixed_form_without_doubled_dots_or_brackets() -> None:
    card = HypothesisCard(pain_point_id=1, experiment="pre-filling the form.",
                          outcome="fewer repeats. ", signal="CSAT rises 25 points..")
    assert card_sentence(card) == SENTENCE.format("pre-filling the form", "fewer repeats",
                                                  "CSAT rises 25 points")
    assert card_sentence({}) == SENTENCE.format("…", "…", "…")
    assert card_sentence({"experiment": "  ", "outcome": ".", "signal": None}) == \
        SENTENCE.format("…", "…", "…")


@given(st.text(), st.text(), st.text())
def test_sentence_keeps_any_text_literally(exp: str, out: str, sig: str) -> None:
    """The signal may get "we see (a)" before it so it reads as a clause, and its first
    letter may read in lower case inside the sentence (fix20); never another change."""
    sentence = card_sentence({"experiment": exp, "outcome": out, "signal": sig})
    parts = [p.strip().rstrip(".").rstrip() or "…" for p in (exp, out, sig)]
    head = SENTENCE.format(parts[0], parts[1], "").removesuffix(".")
    assert sentence.startswith(head) and sentence.endswith(".")
    when = sentence.removeprefix(head).removesuffix(".")
    signals = {parts[2], parts[2][:1].lower() + parts[2][1:]}
    assert any(when in (s, f"we see {s}", f"we see a {s}", f"we see an {s}") for s in signals)


def test_flags() -> None:
    ok = {"owner": "Ana", "deadline": dt.date(2026, 5, 1), "signal": "CES below 3"}
    assert card_flags(ok) == []
    assert card_flags({}) == ["no owner", "no deadline", "signal not measurable"]
    assert card_flags(ok | {"owner": "  "}) == ["no owner"]
    assert card_flags(ok | {"signal": "customers are happier"}) == ["signal not measurable"]
    assert card_flags(ok | {"signal": "reopen rate halves, in %"}) == []
    assert card_flags(HypothesisCard(pain_point_id=1, owner="Bo", signal="NPS +10")) == \
        ["no deadline"]


@pytest.mark.parametrize(("name", "expected"), [
    ("Reopen rate", True), ("Time to resolution", True), ("Customer effort score (CES)", True),
    ("Escalation rate", True), ("Backlog", True), ("First response time", True),
    ("First contact resolution (FCR)", False), ("CSAT", False), ("Deflection rate", False),
    ("NPS", False), ("Search-to-ticket ratio", False), ("Success stories", None), ("", None),
])
def test_kpi_direction(name: str, expected: bool | None) -> None:
    assert lower_is_better(name) is expected


def test_kpi_formatting() -> None:
    assert fmt_kpi(18.0, "%") == "18 %" and fmt_kpi(2.5, " hours ") == "2.5 hours"
    assert fmt_kpi(1240, "") == "1,240" and fmt_kpi(0.125, "") == "0.12"


def test_ordered_cards_follow_pain_rank() -> None:
    pains = [loop(id=1, impact=1, effort=3), loop(id=2, impact=3, effort=1),
             loop(id=3, impact=2, effort=2, ticket_volume=10)]
    cards = [HypothesisCard(id=i, pain_point_id=p) for i, p in ((1, 1), (2, 3), (3, 2), (4, 99))]
    j = journey_with(follow_up(), pains, cards)
    assert [c.pain_point_id for c in ordered_cards(j)] == [3, 2, 1, 99]


def test_create_card_drafts_once_per_pain_point(store: Store) -> None:
    w = store.create_workshop(default_stages=False, title="c")
    stage = store.add(Stage(workshop_id=w.id, name="Follow-Up", kpi_name="Reopen rate",
                            kpi_baseline=18, kpi_target=10, kpi_unit="%"))
    tp = store.add(Touchpoint(stage_id=stage.id, name="Reset link"))
    pain = store.add(PainPoint(workshop_id=w.id, touchpoint_id=tp.id, kind="loop",
                               description="[bold]asks again[/]"))
    card = create_card(store, int(pain.id))
    assert card.id is not None and card.status == "proposed"
    assert card.experiment == "removing the repeat step at Reset link ([bold]asks again[/])"
    assert card.signal == "Reopen rate falls from 18 % to 10 % within 30 days"
    again = create_card(store, int(pain.id))
    assert again.id == card.id
    assert len(store.load(int(w.id)).cards) == 1


def test_create_card_for_a_missing_pain_point_is_a_clear_error(store: Store) -> None:
    with pytest.raises(StoreError, match="no longer exists"):
        create_card(store, 12345)


def test_second_seat_creating_the_same_card_gets_the_first(store: Store, db_path) -> None:
    """Two seats press "create card" together: both get the one card the database keeps.

    The other seat reads (no card yet), then this seat saves its card before the other
    seat's insert, so that insert hits the one-card-per-pain rule and has to recover.
    """
    w = store.create_workshop(default_stages=False, title="race")
    pain = store.add(PainPoint(workshop_id=w.id, description="slow refund"))
    other_seat = Store(db_path, who="other")
    first: list[HypothesisCard] = []
    read_then_load = other_seat.load

    def load_while_this_seat_saves(workshop_id: int) -> Journey:
        if not first:  # between the other seat's read and its insert
            first.append(store.add(HypothesisCard(pain_point_id=pain.id, experiment="mine")))
        return read_then_load(workshop_id)

    other_seat.load = load_while_this_seat_saves  # type: ignore[method-assign]
    try:
        got = create_card(other_seat, int(pain.id))
    finally:
        other_seat.close()
    assert first and got.id == first[0].id and got.experiment == "mine"
    assert [c.experiment for c in store.load(int(w.id)).cards] == ["mine"]


def test_each_pain_point_gets_its_own_card(store: Store) -> None:
    w = store.create_workshop(default_stages=False, title="two")
    slow = store.add(PainPoint(workshop_id=w.id, description="slow refund"))
    lost = store.add(PainPoint(workshop_id=w.id, description="lost password", kind="loop"))
    first, second = create_card(store, int(slow.id)), create_card(store, int(lost.id))
    assert first.id != second.id
    assert (first.pain_point_id, second.pain_point_id) == (slow.id, lost.id)
    assert "lost password" in second.experiment
