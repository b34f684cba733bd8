"""How many tickets answered each question, in an export as products write them.

A support lead checks the survey line against the help desk: Zendesk's satisfaction column
holds "Offered" and "Not Offered" for surveys sent but not answered, "Good"/"Bad" for
answers, so the responses are the Good and Bad ones and the satisfied share is Good over
them; a 1-5 score column gives the mean as well. Exports are read in batches of 100,000
records: a long export whose first tickets have no reopen count, reply count, SLA verdict
or survey answer (old tickets from before a field existed) is counted like a short one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import engine, load, metrics


def _total(tmp_path: Path, text: str) -> metrics.GroupMetrics:
    path = tmp_path / "tickets.csv"
    path.write_text(text, encoding="utf-8")
    [total] = metrics.table(engine.import_export(path), by=None)
    return total


def test_zendesk_survey_words_count_good_and_bad_as_the_responses(tmp_path: Path) -> None:
    text = ("Id,Created at,Solved at,Status,Satisfaction Score\n"
            "1,2024-03-05 10:00:00,2024-03-05 12:00:00,Solved,Good\n"
            "2,2024-03-05 10:00:00,2024-03-05 12:00:00,Solved,Bad\n"
            "3,2024-03-05 10:00:00,2024-03-05 12:00:00,Solved,Good\n"
            "4,2024-03-05 10:00:00,2024-03-05 12:00:00,Solved,Offered\n"
            "5,2024-03-05 10:00:00,2024-03-05 12:00:00,Solved,Not Offered\n"
            "6,2024-03-05 10:00:00,2024-03-05 12:00:00,Solved,GoodWithComment\n"
            "7,2024-03-05 10:00:00,2024-03-05 12:00:00,Solved,\n")
    total = _total(tmp_path, text)
    assert total.csat_responses == 4 and total.n["csat_responses"] == 4
    assert total.csat_satisfied_share == 3 / 4
    assert total.csat_mean is None
    assert total.unavailable["csat_mean"] == (
        "answers are words (such as Good/Bad), not 1-5 scores: see the satisfied share")


def test_scores_give_the_mean_over_the_answered_surveys_only(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,status,csat\n"
            "1,2024-03-05 10:00,Open,5\n"
            "2,2024-03-05 10:00,Open,4\n"
            "3,2024-03-05 10:00,Open,1\n"
            "4,2024-03-05 10:00,Open,\n")
    total = _total(tmp_path, text)
    assert (total.csat_mean, total.csat_responses, total.csat_satisfied_share) == (
        10 / 3, 3, 2 / 3)


@pytest.mark.parametrize("batch", [2, 3, 100_000])
def test_old_tickets_without_answers_in_a_first_batch_change_no_count(
        batch: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "BATCH_ROWS", batch)
    text = ("ticket_id,created_at,resolved_at,status,reopens,replies,reassignments,sla_met,"
            "csat\n"
            "1,2024-03-01 10:00,,Open,,,,,\n"
            "2,2024-03-01 10:00,,Open,,,,,\n"
            "3,2024-03-05 10:00,2024-03-05 12:00,Solved,1,1,0,yes,5\n"
            "4,2024-03-05 10:00,2024-03-05 14:00,Solved,0,3,2,no,2\n"
            "5,2024-03-05 10:00,2024-03-05 16:00,Solved,0,1,0,yes,4\n")
    total = _total(tmp_path, text)
    assert total.tickets == 5 and total.backlog_open == 2
    assert (total.reopen_rate, total.n["reopen_rate"]) == (1 / 3, 3)
    assert (total.reassigned_rate, total.n["reassigned_rate"]) == (1 / 3, 3)
    assert (total.sla_met_rate, total.n["sla_met_rate"]) == (2 / 3, 3)
    assert (total.csat_mean, total.csat_responses) == (11 / 3, 3)
    # replies given: one-touch resolution over the resolved tickets with a reply count
    assert (total.fcr_rate, total.n["fcr_rate"], total.fcr_is_proxy) == (2 / 3, 3, True)
