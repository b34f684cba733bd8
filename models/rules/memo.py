"""Each rule's answer computed once per snapshot while one document is built.

Why: a Markdown export asks the same questions of the same journey again and
again (the ranking ten times, the handoffs four, the tracker three, the card
of each of 200 plan tasks), and each answer is a pass over every row: on a
2,000-touchpoint map that repeated work was a third of the export.  Inside
``one_snapshot()`` (the exports open one) a rule decorated with ``per_journey``
answers once per journey object and arguments; outside it nothing is kept, so a
screen that edits its snapshot in place always gets a fresh answer.  Callers
get their own copy of the list; the journey is held with its answer so its id
cannot be reused by another object while the snapshot lasts.

A rule is wrapped by a call (``rank_pain_points = per_journey(_rank_pain_points)``),
not with ``@per_journey``: mutmut 3.8 makes no mutant of a decorated function, so a
decorated rule's body would go unchecked by the mutation score (issue 20).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

T = TypeVar("T")
P = ParamSpec("P")
_ANSWERS: ContextVar[dict[tuple[Any, ...], tuple[Any, list[Any]]] | None] = ContextVar(
    "rule_answers", default=None)


@contextmanager
def one_snapshot() -> Iterator[None]:
    """Remember rule answers until the block ends (nested blocks share the outer one)."""
    token = _ANSWERS.set({}) if _ANSWERS.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _ANSWERS.reset(token)


def per_journey(rule: Callable[P, list[T]]) -> Callable[P, list[T]]:
    """Remember ``rule(journey_or_journeys, *args)`` inside ``one_snapshot()``.

    The first argument is one journey or an iterable of journeys (the tracker's
    portfolio); further arguments must be hashable.
    """

    @functools.wraps(rule)
    def remembered(*args: P.args, **kwargs: P.kwargs) -> list[T]:
        answers = _ANSWERS.get()
        if answers is None or not args:
            return rule(*args, **kwargs)
        first: Any = args[0]
        if not hasattr(first, "workshop") and isinstance(first, Iterable):
            first = list(first)  # several journeys (a generator is read once, here)
            ident: object = tuple(id(j) for j in first)
        else:
            ident = id(first)
        key = (rule, ident, args[1:], tuple(sorted(kwargs.items())))
        hit = answers.get(key)
        if hit is None:
            hit = answers[key] = (first, rule(first, *args[1:], **kwargs))  # type: ignore[arg-type]
        return list(hit[1])

    return remembered
