"""The KPI catalogue as a room uses it: the names offered in the method's order, the short
forms people type recognised whatever their case, spacing or punctuation, and each KPI's unit
and better direction; a KPI of the room's own is custom, with no unit proposed."""

from __future__ import annotations

import pytest

from models.rules.kpis import KPI_CATALOGUE, catalogue_names, match_kpi, unit_for


def test_the_catalogue_is_offered_in_the_methods_order() -> None:
    assert catalogue_names() == (
        "Search-to-ticket ratio", "First contact resolution (FCR)", "Time to resolution",
        "Customer effort score (CES)", "Reopen rate", "Churn rate", "NPS", "Escalation rate",
        "Deflection rate", "Backlog aging")


@pytest.mark.parametrize(("typed", "name", "unit", "lower"), [
    ("FCR", "First contact resolution (FCR)", "%", False),
    ("(fcr)", "First contact resolution (FCR)", "%", False),
    ("first-call resolution", "First contact resolution (FCR)", "%", False),
    ("  First Contact Resolution (FCR) ", "First contact resolution (FCR)", "%", False),
    ("TTR", "Time to resolution", "hours", True),
    ("Mean time to resolution", "Time to resolution", "hours", True),
    ("CES", "Customer effort score (CES)", "score 1-7", True),
    ("search-to-ticket", "Search-to-ticket ratio", "ratio", False),
    ("Searches per ticket", "Search-to-ticket ratio", "ratio", False),
    ("reopens", "Reopen rate", "%", True), ("Ticket reopen rate", "Reopen rate", "%", True),
    ("churn", "Churn rate", "%", True),
    ("Net Promoter Score (NPS)", "NPS", "score", False),
    ("escalations", "Escalation rate", "%", True),
    ("Self-service deflection", "Deflection rate", "%", False),
    ("Backlog ageing", "Backlog aging", "days", True),
])
def test_the_short_forms_people_type_are_the_catalogue_kpi(typed: str, name: str, unit: str,
                                                          lower: bool) -> None:
    info = match_kpi(typed)
    assert info is not None
    assert (info.name, info.unit, info.lower_is_better) == (name, unit, lower)
    assert unit_for(typed) == unit


@pytest.mark.parametrize("typed", ["Warm feelings", "", "   ", "resolution", "F C R", "NPS 2"])
def test_anything_else_is_a_custom_kpi_with_no_unit_proposed(typed: str) -> None:
    assert match_kpi(typed) is None
    assert unit_for(typed) == ""


def test_every_catalogue_name_and_alias_leads_back_to_its_own_entry() -> None:
    for info in KPI_CATALOGUE:
        for typed in (info.name, *info.aliases):
            assert match_kpi(typed) is info
