"""The words and numbers real ticket exports write in their answer cells, and what they count as.

Each list is what a product writes (Zendesk "Offered", Freshdesk "Within SLA", ServiceNow
"made_sla" true/false, French exports "oui/non/vrai/faux"), in any capitals and spacing.
"""

from __future__ import annotations

import pytest

from models.tickets import values

YES = ["true", "yes", "y", "1", "t", "met", "within sla", "x", "vrai", "oui"]
NO = ["false", "no", "n", "0", "f", "not met", "sla violated", "violated", "breached", "missed",
      "faux", "non"]


@pytest.mark.parametrize("word", YES)
def test_every_yes_word_is_yes_in_any_capitals(word: str) -> None:
    assert values.parse_bool(word) is True
    assert values.parse_bool(f"  {word.upper()} ") is True


@pytest.mark.parametrize("word", NO)
def test_every_no_word_is_no_in_any_capitals(word: str) -> None:
    assert values.parse_bool(word) is False
    assert values.parse_bool(f" {word.title()}  ") is False


@pytest.mark.parametrize(("word", "state"), [
    *[(w, "resolved") for w in ("solved", "resolved", "closed", "done", "completed",
                                "complete", "fixed", "archived")],
    *[(w, "cancelled") for w in ("canceled", "cancelled", "deleted", "spam", "duplicate",
                                 "rejected")],
    *[(w, "open") for w in ("new", "open", "pending", "hold", "on hold", "in progress",
                            "active", "assigned", "work in progress", "reopened", "escalated",
                            "awaiting customer", "waiting on third party", "on-hold",
                            "snoozed", "working", "unassigned", "to do", "todo",
                            "under investigation", "investigating", "under review",
                            "in review")],
    ("", None), ("n/a", None),
])
def test_every_status_word_gives_its_state(word: str, state: str | None) -> None:
    assert values.status_state(word.upper()) == state


@pytest.mark.parametrize("word", ["sideways", "archive", "-100", "reviewed"])
def test_a_word_that_is_no_status_is_unreadable_not_open(word: str) -> None:
    with pytest.raises(ValueError, match=word):
        values.status_state(word)


@pytest.mark.parametrize("word", ["offered", "unoffered", "not offered", "not rated",
                                  "no rating", ""])
def test_a_survey_that_was_only_offered_is_no_answer(word: str) -> None:
    assert values.parse_csat(word.title()) is None


@pytest.mark.parametrize(("word", "satisfied"), [
    *[(w, True) for w in ("good", "goodwithcomment", "good with comment", "awesome", "happy",
                          "satisfied", "very satisfied", "extremely satisfied", "positive")],
    *[(w, False) for w in ("bad", "badwithcomment", "bad with comment", "not good", "neutral",
                           "unhappy", "dissatisfied", "unsatisfied", "very dissatisfied",
                           "extremely dissatisfied", "negative")],
])
def test_a_worded_survey_answer_counts_as_satisfied_or_not_without_a_score(
        word: str, satisfied: bool) -> None:
    assert values.parse_csat(word.upper()) == (None, satisfied)


@pytest.mark.parametrize(("text", "answer"), [
    ("1", (1.0, False)), ("3.9", (3.9, False)), ("4", (4.0, True)), ("4,5", (4.5, True)),
    ("5", (5.0, True)),
])
def test_a_score_from_1_to_5_counts_4_and_5_as_satisfied(
        text: str, answer: tuple[float, bool]) -> None:
    assert values.parse_csat(text) == answer


@pytest.mark.parametrize("text", ["0.9", "5.1", "0", "-4", "5.5"])
def test_a_score_off_the_1_to_5_scale_is_a_bad_cell(text: str) -> None:
    with pytest.raises(ValueError, match=r"^not a 1-5 score: '.*'$"):
        values.parse_csat(text)


@pytest.mark.parametrize(("text", "count"), [("0", 0), ("2", 2), ("2.0", 2), ("3,0", 3)])
def test_a_count_is_a_whole_number_from_zero(text: str, count: int) -> None:
    assert values.parse_count(text) == count


@pytest.mark.parametrize("text", ["-1", "1.5", "0,5"])
def test_a_negative_or_fractional_count_is_a_bad_cell(text: str) -> None:
    with pytest.raises(ValueError, match=r"^not a count: '.*'$"):
        values.parse_count(text)


@pytest.mark.parametrize(("text", "hours"), [
    ("0", 0.0), ("2.25", 2.25), ("1:30", 1.5), ("0:00:36", 0.01), ("01:30:00", 1.5),
])
def test_a_duration_reads_as_hours(text: str, hours: float) -> None:
    assert values.parse_number(text) == pytest.approx(hours)


def test_a_negative_duration_is_a_bad_cell() -> None:
    with pytest.raises(ValueError, match=r"^negative: '-0.5'$"):
        values.parse_number("-0.5")


def test_an_unreadable_yes_no_cell_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match=r"^not yes or no: 'maybe'$"):
        values.parse_bool("maybe")
