"""The Markdown "Measured" section (models/export/measured.py): where the figures come from
(file, product, months, who), each KPI's first and latest month with a trend, the stages
measured through their categories, a proxy named as such, categories nobody mapped, and "not
available" with the reason instead of a number nobody measured."""

from __future__ import annotations

import datetime as dt

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard
from models.db.tables.tickets import Reading, TicketSource
from models.db.tables.workshop import Stage, Workshop
from models.export.measured import measured_section


def _journey(proxy: bool = True) -> Journey:
    journey = Journey(workshop=Workshop(id=1, title="Billing"))
    journey.stages = [Stage(id=1, workshop_id=1, name="Billing", kpi_name="Reopen rate"),
                      Stage(id=2, workshop_id=1, name="Other", kpi_name="Reopen rate")]
    journey.ticket_sources = [TicketSource(
        id=1, workshop_id=1, file_name="march|.csv", product="Zendesk", tickets=1200,
        periods="2026-01 to 2026-02", imported_at=dt.datetime(2026, 3, 2, 9), imported_by="Ana",
        links='{"Billing": {"stage": 1}, "Login": {}, "Refunds": {}}')]
    journey.readings = [
        Reading(source_id=1, workshop_id=1, period=period, group_kind="all", group_value="",
                tickets=tickets, fcr_rate=fcr, fcr_is_proxy=proxy,
                fcr_method="no reply within 7 days" if proxy else "", reopen_rate=0.1)
        for period, tickets, fcr in (("2026-01", 400, 0.5), ("2026-02", 800, 0.6))]
    journey.readings += [
        Reading(source_id=1, workshop_id=1, period=period, group_kind="category",
                group_value=category, tickets=100, reopen_rate=rate)
        for period in ("2026-01", "2026-02")
        for category, rate in (("Billing", 0.2), ("Login", 0.3), ("Refunds", 0.1))]
    return journey


def test_no_imported_tickets_means_no_section() -> None:
    assert measured_section(Journey(workshop=Workshop(id=2))) == []


def test_the_section_says_where_every_figure_comes_from() -> None:
    lines = measured_section(_journey())
    assert lines[:5] == [
        "## Measured", "", "From the ticket exports imported into this workshop (latest import "
        "of each month; n = tickets):", "",
        "- march\\|.csv (Zendesk): 1,200 tickets, 2026-01 to 2026-02, imported 2026-03-02 by Ana"]
    assert lines[5:8] == ["", "### All tickets", ""]
    assert lines[8].startswith("| Metric | Trend | First | Latest | Provenance |\n")
    text = "\n".join(lines)
    assert "| Tickets | ▁█ | 2026-01: 400 | 2026-02: 800 | march\\|.csv, 2026-02, n=800 |" in text
    assert ("| Reopened tickets |  |  | 2026-02: not available: not in the readings | "
            "march\\|.csv, 2026-02, n=800 |") in text


def test_a_proxy_is_named_next_to_its_figure_and_explained() -> None:
    text = "\n".join(measured_section(_journey()))
    assert "| First contact resolution (proxy) | ▁█ | 2026-01: 50% | 2026-02: 60% |" in text
    assert "First contact resolution is a proxy here: no reply within 7 days." in text
    plain = "\n".join(measured_section(_journey(proxy=False)))
    assert "(proxy)" not in plain and "is a proxy here" not in plain


def test_stages_are_measured_through_their_mapped_categories_only() -> None:
    text = "\n".join(measured_section(_journey()))
    assert ("| Billing | Reopen rate | Billing | ▁▁ | 2026-01: 20% | 2026-02: 20% | "
            "march\\|.csv, 2026-02, n=100 |") in text
    assert "| Other |" not in text
    assert text.endswith("Categories not mapped to a stage or pain point: Login, Refunds.")


def test_an_import_without_a_time_or_person_leaves_them_out() -> None:
    journey = _journey()
    journey.ticket_sources[0].imported_by = ""
    line = measured_section(journey)[4]
    assert line.endswith("imported 2026-03-02") and " by " not in line


def test_a_stage_measured_by_its_categories_is_not_called_a_proxy() -> None:
    # the proxy is how the whole export's FCR was computed; a category's FCR row names its
    # stage only (the note under the table explains the proxy once)
    journey = _journey()
    journey.stages[0].kpi_name = "FCR"
    for reading in journey.readings:
        if reading.group_kind == "category":
            reading.fcr_rate = 0.4
    text = "\n".join(measured_section(journey))
    assert "| Billing | FCR | Billing | ▁▁ | 2026-01: 40% | 2026-02: 40% |" in text


def test_an_import_without_readings_says_not_available_for_every_figure() -> None:
    journey = _journey()
    journey.readings = []
    text = "\n".join(measured_section(journey))
    assert "| Tickets |  |  | not available: no reading |  |" in text
    assert "| Open backlog |  |  | not available: no reading |  |" in text
    assert "Categories not mapped" not in text


def test_each_card_tied_to_a_metric_shows_its_target_and_verdict() -> None:
    journey = _journey()
    journey.cards = [
        HypothesisCard(id=1, pain_point_id=1, experiment="Better mails",
                       signal_metric="reopen_rate", signal_target=0.05),
        HypothesisCard(id=2, pain_point_id=1, experiment="", signal_metric="tickets",
                       signal_group="Billing", signal_target=-0.1, signal_relative=True),
        HypothesisCard(id=3, pain_point_id=1, experiment="Untied")]
    text = "\n".join(measured_section(journey))
    table = text.split("### Card signals\n\n")[1]
    assert table.startswith("| Card | Signal | Target | Status | Measured |\n"
                            "| --- | --- | --- | --- | --- |\n"
                            "| Better mails | reopen\\_rate of all | 5% | not yet | ")
    assert "| (untitled card) | tickets of Billing | -10% vs baseline | " in table
    assert "Untied" not in table
