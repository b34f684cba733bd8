"""The change log in words: which row a log line is about, named as people know it.

Shared by ``journeymap log`` and the TUI's activity panel, so both say
"touchpoint Reset link: owner team" the same way.  Pure functions on a
``Journey`` snapshot and ``ChangeLog`` rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from models.vocab import row_kind

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.db.tables.history import ChangeLog


def subject_names(journey: Journey) -> dict[tuple[str, int], str]:
    """Current names of the rows a log line may refer to, for a readable "what"."""
    names: dict[tuple[str, int], str] = {
        ("workshop", journey.workshop.id or 0): "workshop"}
    for stage in journey.stages:
        names[("stage", stage.id or 0)] = f"stage {stage.name}"
    for tp in journey.ordered_touchpoints():
        names[("touchpoint", tp.id or 0)] = f"touchpoint {tp.name}"
    for pain in journey.pain_points:
        names[("painpoint", pain.id or 0)] = f"pain point {pain.description}"
    for card in journey.cards:
        names[("hypothesiscard", card.id or 0)] = f"card {card.experiment}"
    for task in journey.plan_tasks:
        names[("plantask", task.id or 0)] = f"plan task {task.title}"
    for handoff in journey.handoffs:
        names[("handoff", handoff.id or 0)] = f"handoff {handoff.from_team} → {handoff.to_team}"
    return names


def describe(change: ChangeLog, names: dict[tuple[str, int], str],
             undone: Mapping[int, ChangeLog] | None = None) -> str:
    """What a log line is about, in words: "touchpoint Reset link: owner team".

    An undo's line only names the change it took back (the key undo walks back by):
    given that change (``undone``, ``Store.undone``), it reads as the undo notice did,
    "Undid their delete: stage Contact is back with 2 touchpoints."."""
    from models.db.undo import undone_id

    taken_back = (undone or {}).get(undone_id(change) or -1)
    if taken_back is not None:
        return undone_words(taken_back, names, whose="their")
    if change.summary:
        return in_words(change.summary, change.entity)
    subject = names.get((change.entity, change.entity_id or 0),
                        f"{row_kind(change.entity)} {change.entity_id or ''}".strip())
    field = change.field.replace("_", " ")
    return f"{_cut(subject)}: {field}" if field else _cut(subject)


def undone_words(change: ChangeLog, names: dict[tuple[str, int], str],
                 whose: str = "your") -> str:
    """The one sentence after an undo, the same in the TUI and the CLI: what came back,
    what went, or where it is again (``whose``: "their" in the log, read by anyone)."""
    from models.db.snapshot import Snapshot

    subject = names.get((change.entity, change.entity_id or 0))
    if subject is None:  # an add undone is gone: named by its log line ("added stage X")
        subject = in_words(change.summary, change.entity).split(" ", 1)[-1]
    if change.action == "delete":
        snap = Snapshot.from_text(change.old)
        along = snap.taken_along() if snap else {}
        extra = ", ".join(f"{n} {k}{'s' if n > 1 else ''}" for k, n in along.items())
        return f"Undid {whose} delete: {_cut(subject)} is back" + (
            f" with {extra}." if extra else ".")
    if change.action == "create":
        return f"Undid {whose} add: {_cut(subject)} is removed."
    if change.field == "position":
        return f"Undid {whose} move: {_cut(subject)} is back at place {change.old}."
    if change.field == "stage":
        from models.db.undo import old_place

        place = old_place(change)
        at = f" at place {place}" if place is not None else ""
        return f"Undid {whose} move: {_cut(subject)} is back{at} in stage “{_cut(change.old)}”."
    return f"Undid {whose} edit of {describe(change, names)}: it is back to “{_cut(change.old)}”."


def in_words(summary: str, table: str) -> str:
    """A logged summary as a lead reads it.

    An add or a delete is logged as the verb and the row's table ("added plantask Fix
    the link"; files of every version hold such lines, and undo reads them back), so
    the table name after the verb becomes its kind: "added plan task Fix the link"."""
    verb, _, rest = summary.partition(" ")
    name, _, tail = rest.partition(" ")
    if name != table:
        return summary
    return " ".join(part for part in (verb, row_kind(table), tail) if part)


def _cut(text: str) -> str:
    """At most 60 characters; a cut name ends in "…" so it is not read as another name."""
    return text if len(text) <= 60 else text[:59].rstrip() + "…"
