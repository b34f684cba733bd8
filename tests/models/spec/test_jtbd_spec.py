"""The job to be done as the Scope step shows it: one sentence, and advice for the room.

The statement is stored as typed; the sentence adds only the missing lead-in words,
and the hints name the part they are about, a restated process step, or a job that
shares no words with the persona's goal (filler words and short words do not count).
"""

from __future__ import annotations

from typing import Any

import pytest

from models.db.tables.workshop import Workshop
from models.rules.jtbd import PROCESS_STEPS, jtbd_hints, jtbd_sentence, process_step_in


@pytest.mark.parametrize(("when", "want", "so", "sentence"), [
    ("When the code expires", "I want a new one", "so that I can sign in",
     "When the code expires, I want a new one, so that I can sign in."),
    ("WHEN locked out", "I WANT back in", "I can work", "WHEN locked out, I WANT back in, "
     "so I can work."),
    (" locked out ", " get back in ", " work again. ", "When locked out, I want to get back "
     "in, so I can work again."),
    ("", "", "finish payroll", "so I can finish payroll."),
    ("locked out", "", "", "When locked out."),
    ("", "", "", ""),
    ("", "", "sooner", "so I can sooner."),
])
def test_the_job_reads_as_one_sentence_from_the_parts_filled(
        when: str, want: str, so: str, sentence: str) -> None:
    workshop = Workshop(jtbd_when=when, jtbd_want=want, jtbd_so_that=so)
    assert jtbd_sentence(workshop) == sentence


def test_each_missing_part_is_named_with_its_lead_in() -> None:
    hints = jtbd_hints(Workshop(jtbd_want="get back into my console", jtbd_so_that=" "))
    assert [(h.part, h.text) for h in hints] == [
        ("when", "Add the situation (When …)."),
        ("so_that", "Add the outcome it serves (so I can …)."),
    ]
    only_when = jtbd_hints(Workshop(jtbd_when="locked out"))
    assert [(h.part, h.text) for h in only_when] == [
        ("want", "Add what the customer wants to get done (I want to …)."),
        ("so_that", "Add the outcome it serves (so I can …)."),
    ]


def test_an_empty_job_is_one_hint_asking_for_it() -> None:
    hints = jtbd_hints(Workshop(jtbd_when=" ", jtbd_want="\t", persona_goal="payroll"))
    assert [(h.part, h.text) for h in hints] == [
        ("want", "No job to be done yet: say what the customer is trying to get done, in "
         "their words, before mapping steps.")]


def test_a_restated_process_step_is_quoted_in_the_hint() -> None:
    hints = jtbd_hints(Workshop(jtbd_when="locked out", jtbd_want="Open a   ticket now",
                                jtbd_so_that="regain access"))
    assert [(h.part, h.text) for h in hints] == [
        ("want", "“open a ticket” is the company's process step, not the customer's job: "
         "what are they trying to achieve by it?")]


@pytest.mark.parametrize("step", PROCESS_STEPS)
def test_every_listed_process_step_is_found_as_whole_words(step: str) -> None:
    assert process_step_in(f"I just {step.upper()} again") == step
    assert process_step_in(f"x{step}x") == ""


def test_the_first_listed_step_wins_and_the_list_holds_the_common_ones() -> None:
    assert process_step_in("contact support to verify") == "contact support"
    assert {"submit a ticket", "talk to an agent", "wait for", "reset the ticket"} <= set(
        PROCESS_STEPS)
    assert len(PROCESS_STEPS) == 23


def test_a_job_sharing_a_real_word_with_the_persona_goal_needs_no_hint() -> None:
    base: dict[str, Any] = dict(jtbd_when="locked out", jtbd_want="reach my console")
    shared = Workshop(**base, jtbd_so_that="run PAYROLL", persona_goal="payroll on time")
    assert jtbd_hints(shared) == []
    filler = Workshop(**base, jtbd_so_that="that would make this work",
                      persona_goal="want that to make them able")
    assert [(h.part, h.text) for h in jtbd_hints(filler)] == [
        ("persona_goal", "The job shares no words with the persona goal “want that to make "
         "them able”: check they describe the same outcome.")]
    short = Workshop(**base, jtbd_so_that="pay it 2025", persona_goal="pay 2025 it")
    assert [h.part for h in jtbd_hints(short)] == ["persona_goal"]


def test_no_persona_goal_means_nothing_to_compare() -> None:
    w = Workshop(jtbd_when="locked out", jtbd_want="reach my console", jtbd_so_that="x",
                 persona_goal="  ")
    assert jtbd_hints(w) == []


@pytest.mark.parametrize("word", [
    "want", "need", "would", "could", "should", "able", "that", "this", "with", "from", "into",
    "their", "they", "have", "make", "when", "without", "before", "after", "them", "then",
    "what", "your", "mine", "just"])
def test_a_filler_word_in_both_is_no_shared_outcome(word: str) -> None:
    w = Workshop(jtbd_when="locked out", jtbd_want=f"{word.upper()} access",
                 jtbd_so_that="", persona_goal=f"payroll {word}")
    assert [h.part for h in jtbd_hints(w)] == ["so_that", "persona_goal"]
