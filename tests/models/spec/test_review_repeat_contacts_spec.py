"""The leadership review's first question from the readings: which stage generates the most
repeat contacts, said with where the figure came from, and said of no stage when none has a
reopened ticket (session 15: naming the first stage "the most" with 0 sent a lead to it)."""

from __future__ import annotations

from models.db.tables.workshop import Stage
from models.rules import measure_review
from tests.models.spec.measures_maps import journey, reading


def _review_of_two_stages(login: tuple[int, int], refund: tuple[int, int]) -> str | None:
    """The review's sentence for Login (stage Contact) and Refund (stage Follow-Up), each
    (tickets, reopened) in February."""
    rows = [reading(2, "2024-02", "category", "Login", tickets=login[0], reopened=login[1]),
            reading(2, "2024-02", "category", "Refund", tickets=refund[0], reopened=refund[1])]
    j = journey(rows, links={"Login": {"stage": 10}, "Refund": {"stage": 11}})
    return measure_review.review_repeat_contacts(j)


def test_the_review_names_the_stage_with_most_reopened_tickets_and_where_that_came_from(
) -> None:
    assert _review_of_two_stages((1300, 1240), (40, 20)) == (
        "Contact generates the most repeat contacts: 1,240 reopened tickets "
        "(feb.csv, 2024-02, n=1300).")


def test_no_reopened_ticket_anywhere_names_no_stage_as_the_most() -> None:
    # Session 15: "Contact generates the most repeat contacts: 0 reopened tickets" told a
    # lead to look at a stage that generates none; the zero is said of every stage measured.
    rows = [reading(2, "2024-02", "category", "Login", tickets=50, reopened=0)]
    j = journey(rows, links={"Login": {"stage": 10}})
    assert measure_review.review_repeat_contacts(j) == (
        "No stage generates repeat contacts: 0 reopened tickets in Contact "
        "(feb.csv, 2024-02, n=50).")


def test_no_reopened_ticket_in_two_stages_names_both() -> None:
    assert _review_of_two_stages((50, 0), (40, 0)) == (
        "No stage generates repeat contacts: 0 reopened tickets in Contact "
        "(feb.csv, 2024-02, n=50) and Follow-Up (feb.csv, 2024-02, n=40).")


def test_no_reopened_ticket_in_four_stages_names_three_and_counts_the_rest() -> None:
    names = ["Find", "Ask", "Wait", "Pay"]
    stages = [Stage(id=10 + i, workshop_id=1, name=n, kpi_name="") for i, n in enumerate(names)]
    rows = [reading(2, "2024-02", "category", n, tickets=10, reopened=0) for n in names]
    j = journey(rows, links={n: {"stage": 10 + i} for i, n in enumerate(names)},
                stages=stages)
    said = measure_review.review_repeat_contacts(j)
    assert said is not None and said.endswith(
        "Wait (feb.csv, 2024-02, n=10) and 1 more stage.")
