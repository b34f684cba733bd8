"""Which card an old backup's plan task names, so an imported plan keeps its links.

Backups written before session 11 name a card's plan task ``card-ID``, ID the card's
row id in the file it came from; the backup holds no card ids (the form has none), and
the import gives every card a new one.  What the backup does hold is enough in most
files: row ids were handed out in the order rows were made and never reused, so the
old ids of a workshop's cards rise with their ``created_at``.  The tasks' old numbers,
in rising order, therefore name cards in the order they were made.

When every card has a task that is the whole answer.  When some cards have none (made
after the plan, or dropped from it) several assignments keep that order; a task's
title ("Card 2: <the card's experiment>"), when it names a card's experiment at all,
then rules out the cards whose typed experiment it does not name, and only an
assignment that is then the only one is used.  Otherwise
the keys are left as they were: a wrong link is worse than none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from models.rules.plan import CARD_KEY


def old_number(key: str) -> int | None:
    """The old card id of a ``card-ID`` key; None for any other key."""
    number = key[len(CARD_KEY):] if key.startswith(CARD_KEY) else ""
    return int(number) if number.isdecimal() else None


def old_card_places(tasks: Sequence[dict[str, Any]],
                    pains: Sequence[dict[str, Any]]) -> dict[int, int]:
    """Old card id -> the place (in the form) of the pain point whose card it was.

    ``tasks`` are the backup's plan tasks, ``pains`` its pain points in form order (a
    pain point's ``card`` holds its card).  Empty when the backup cannot say."""
    numbers = sorted({n for t in tasks if (n := old_number(str(t.get("key", "")))) is not None})
    cards = [(place, pain["card"]) for place, pain in enumerate(pains) if "card" in pain]
    if not numbers or any(not card.get("created_at") for _place, card in cards):
        return {}
    made = [place for place, _card in sorted(
        cards, key=lambda pc: (str(pc[1]["created_at"]), pc[0]))]
    experiments = {place: _experiment(pains[place]["card"]) for place in made}
    typed = {f": {e}" for e in experiments.values() if e}
    # A title that names no card's experiment (a person rewrote it, or the card's
    # experiment changed since) tells nothing.
    titles = {n: [title for t in tasks if old_number(str(t.get("key", ""))) == n
                  and (title := str(t.get("title", ""))).endswith(tuple(typed))]
              for n in numbers}

    def fits(n: int, place: int) -> bool:
        if len(numbers) == len(made):  # every card has its task: the order says it all
            return True
        wanted = experiments[place]
        return not wanted or not titles[n] or any(title.endswith(f": {wanted}")
                                                  for title in titles[n])

    chosen = _only_assignment(numbers, made, fits)
    return dict(zip(numbers, chosen, strict=True)) if chosen is not None else {}


def _experiment(card: dict[str, Any]) -> str:
    """A card's experiment as a generated task's title ends with it ("" = not typed)."""
    return str(card.get("experiment", "")).strip().rstrip(".").strip()


def _only_assignment(numbers: list[int], made: list[int],
                     fits: Callable[[int, int], bool]) -> list[int] | None:
    """The one order-keeping assignment of ``numbers`` to ``made`` that ``fits`` allows;
    None when there is none or more than one.

    ``ways[i][j]``: how many ways (counted up to 2) the numbers from ``i`` on take places
    from ``made[j]`` on, each number a later place than the one before."""
    k, m = len(numbers), len(made)
    ways = [[0] * (m + 1) for _ in range(k + 1)]
    for j in range(m + 1):
        ways[k][j] = 1
    for i in range(k - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = ways[i + 1][j + 1] if fits(numbers[i], made[j]) else 0
            ways[i][j] = min(2, ways[i][j + 1] + take)
    if ways[0][0] != 1:
        return None
    chosen, j = [], 0
    for i in range(k):
        while not (fits(numbers[i], made[j]) and ways[i + 1][j + 1] == 1):
            j += 1
        chosen.append(made[j])
        j += 1
    return chosen
