"""A five-whys chain as the Pains step checks it: complete, or what is wrong, and the next prompt.

Answers are kept as typed (their spacing is the room's); a blank in the middle is a
missing link; four answers without a root cause are simply unfinished, five are not.
"""

from __future__ import annotations

from models.db.tables.cards import PainPoint
from models.rules.five_whys import check_chain, next_why


def _pain(chain: str, root: str = "") -> PainPoint:
    return PainPoint(workshop_id=1, five_whys=chain, root_cause=root)


def test_a_chain_keeps_its_answers_and_its_root_cause_trimmed() -> None:
    check = check_chain(_pain(" They abandon \nThe code is late\n\n", "  No fallback  "))
    assert (check.answers, check.root_cause, check.complete, check.problems) == (
        [" They abandon ", "The code is late"], "No fallback", True, [])


def test_one_blank_why_is_named_in_the_singular() -> None:
    check = check_chain(_pain("a\n \nc", "r"))
    assert (check.complete, check.problems) == (False, ["Why 2 is blank: the chain breaks there."])


def test_a_first_blank_why_counts_from_one() -> None:
    assert check_chain(_pain("\nb", "r")).problems == ["Why 1 is blank: the chain breaks there."]


def test_four_answers_without_a_root_cause_are_unfinished_not_wrong() -> None:
    check = check_chain(_pain("1\n2\n3\n4"))
    assert (check.complete, check.problems) == (False, [])
    assert next_why(_pain("1\n2\n3\n4")) == "Why 5?"
    assert next_why(_pain("1\n2\n3\n4\n5", "r")) == ""  # the chain is full


def test_six_answers_without_a_root_cause_are_two_problems() -> None:
    check = check_chain(_pain("1\n2\n3\n4\n5\n6"))
    assert check.problems == ["The chain has 6 answers; five whys stops at 5.",
                              "The chain has all five answers but no root cause: name it."]
    assert next_why(_pain("1\n2\n3\n4\n5\n6")) == ""


def test_an_empty_chain_is_not_complete_and_asks_for_the_first_why() -> None:
    check = check_chain(_pain(""))
    assert (check.answers, check.complete, check.problems) == ([], False, [])
    assert next_why(_pain("")) == "Why 1?"
    assert check_chain(_pain("", "  ")).problems == []


def test_a_single_answer_with_a_root_cause_is_a_complete_short_chain() -> None:
    check = check_chain(_pain("The SMS provider throttles", "No fallback channel"))
    assert check.complete and next_why(_pain("x")) == "Why 2?"
