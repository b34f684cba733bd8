"""The Data screen and the Markdown's Measured section list the same KPI rows, in the same
order: both read ``models.vocab.KPI_ROWS``. Until session 15 the screen had the waits and
not the business-hours rows, the Markdown the reverse, so a lead comparing the two found a
figure in one that the other did not have."""

from __future__ import annotations

from models.export import measured
from models.vocab import KPI_ROWS
from tui.screens import data


def test_the_screen_and_the_document_list_the_same_metrics() -> None:
    metrics = [m for m, _, _ in KPI_ROWS]
    assert [m for m, _ in data.KPIS] == metrics
    assert [m for m, _ in measured.KPIS] == metrics


def test_each_kpi_row_is_a_known_metric_with_words_for_a_lead() -> None:
    from models.tickets.readings import METRICS
    from models.vocab import TICKET_METRIC_WORDS

    for metric, short, long in KPI_ROWS:
        assert metric in METRICS and metric in TICKET_METRIC_WORDS
        assert short and long and len(short) <= 18
    assert {"ttr_business_median_hours", "requester_wait_median_hours",
            "csat_satisfied_share"} <= {m for m, _, _ in KPI_ROWS}
