"""The customer's job to be done, and hints when the statement is not yet one.

"Assuming the customer's goal is the company's process step" is the method's
named mistake (document 001): "I want to submit a ticket" is our process, "I want
to get back into my admin console before the payroll run" is the job.  The hints
are advice for the room, never errors; the statement is stored as typed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.workshop import Workshop


# Company process steps that a "want" often restates instead of the customer's outcome.
PROCESS_STEPS: tuple[str, ...] = (
    "submit a ticket", "open a ticket", "raise a ticket", "create a ticket", "log a ticket",
    "file a ticket", "log a case", "open a case", "contact support", "call support",
    "email support", "chat with support", "talk to an agent", "speak to an agent",
    "fill in the form", "fill out the form", "complete the form", "verify", "escalate",
    "authenticate", "reset the ticket", "follow the process", "wait for",
)
_WORD = r"[^\W\d_]{4,}"  # compiled and kept by ``re`` when a job statement is first read
_FILLER = frozenset({"want", "need", "would", "could", "should", "able", "that", "this",
                     "with", "from", "into", "their", "they", "have", "make", "when", "without",
                     "before", "after", "them", "then", "what", "your", "mine", "just"})


class JtbdHint:
    """One piece of advice about the statement, with the part it is about."""

    __slots__ = ("part", "text")

    def __init__(self, part: str, text: str) -> None:
        self.part = part  # "when" | "want" | "so_that" | "persona_goal"
        self.text = text


def jtbd_sentence(workshop: Workshop) -> str:
    """"When …, I want to …, so I can …" from the parts that are filled, "" if none is."""
    when, want, so = (workshop.jtbd_when.strip(), workshop.jtbd_want.strip(),
                      workshop.jtbd_so_that.strip())
    parts = []
    if when:
        parts.append(when if when.casefold().startswith("when") else f"When {when}")
    if want:
        parts.append(want if want.casefold().startswith("i want") else f"I want to {want}")
    if so:
        low = so.casefold()
        parts.append(so if low.startswith("so ") else f"so {so}" if low.startswith("i can")
                     else f"so I can {so}")
    return ", ".join(parts) + ("." if parts and not parts[-1].endswith(".") else "")


def process_step_in(text: str) -> str:
    """The company process step a text restates ("" if none), matched as whole words."""
    low = " ".join(text.casefold().split())
    for step in PROCESS_STEPS:
        if re.search(rf"\b{re.escape(step)}\b", low):
            return step
    return ""


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(_WORD, text)} - _FILLER


def jtbd_hints(workshop: Workshop) -> list[JtbdHint]:
    """Missing parts, a "want" that is a process step, a job that ignores the persona goal."""
    hints: list[JtbdHint] = []
    labels = (("when", workshop.jtbd_when, "the situation (When …)"),
              ("want", workshop.jtbd_want, "what the customer wants to get done (I want to …)"),
              ("so_that", workshop.jtbd_so_that, "the outcome it serves (so I can …)"))
    if not any(text.strip() for _, text, _ in labels):
        return [JtbdHint("want", "No job to be done yet: say what the customer is trying to "
                         "get done, in their words, before mapping steps.")]
    for part, text, what in labels:
        if not text.strip():
            hints.append(JtbdHint(part, f"Add {what}."))
    step = process_step_in(workshop.jtbd_want)
    if step:
        hints.append(JtbdHint("want", f"“{step}” is the company's process step, not the "
                              "customer's job: what are they trying to achieve by it?"))
    goal = workshop.persona_goal.strip()
    job = workshop.jtbd_want + " " + workshop.jtbd_so_that
    if goal and job.strip() and not _words(goal) & _words(job):
        hints.append(JtbdHint("persona_goal", f"The job shares no words with the persona "
                              f"goal “{goal}”: check they describe the same outcome."))
    return hints
