"""A five-whys chain on a pain point: up to five answers that end in a root cause.

The chain is checked, not forced: a room may stop after three whys when the
answer is actionable, but a gap in the middle means a link of the reasoning is
missing, and a finished chain without a stated root cause feeds no card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.db.fields import MAX_WHYS, whys

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.cards import PainPoint


class ChainCheck:
    """The answers in order, whether the chain is complete, and what is wrong with it."""

    __slots__ = ("answers", "root_cause", "complete", "problems")

    def __init__(
            self, answers: list[str], root_cause: str, complete: bool, problems: list[str]) -> None:
        self.answers = answers
        self.root_cause = root_cause
        self.complete = complete  # has answers, no gap, and a root cause
        self.problems = problems


def check_chain(pain: PainPoint) -> ChainCheck:
    """Validate a pain point's chain: ≤5 answers, no blank in the middle, root cause at the end."""
    answers = whys(pain.five_whys)
    root = pain.root_cause.strip()
    problems: list[str] = []
    if len(answers) > MAX_WHYS:
        problems.append(f"The chain has {len(answers)} answers; five whys stops at "
                        f"{MAX_WHYS}.")
    gaps = [i + 1 for i, answer in enumerate(answers) if not answer.strip()]
    if gaps:
        numbers = ", ".join(str(n) for n in gaps)
        problems.append(f"Why {numbers} {'is' if len(gaps) == 1 else 'are'} blank: the chain "
                        "breaks there.")
    if answers and not root and len(answers) >= MAX_WHYS:
        problems.append("The chain has all five answers but no root cause: name it.")
    if root and not answers:
        problems.append("A root cause is stated without a why chain that leads to it.")
    complete = bool(answers) and bool(root) and not problems
    return ChainCheck(answers, root, complete, problems)


def next_why(pain: PainPoint) -> str:
    """The prompt for the next answer ("Why 3?"), or "" when the chain is full."""
    count = len(whys(pain.five_whys))
    return f"Why {count + 1}?" if count < MAX_WHYS else ""
