"""Ticket categories tied to the map: a category to a stage and a pain point (its volume
follows), a card's signal to a metric of a group's readings and a target.

The links live on the workshop's latest ticket source, so the next import carries them.
"""

from __future__ import annotations

import json
from typing import Any

from models.db.store import NotFound, Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.tickets import TicketSource
from models.db.tables.workshop import Stage
from models.rules.measures import pain_volumes
from models.rules.priority import volume_words
from models.tickets.baselines import apply_to_map
from models.tickets.editing import latest_source, latest_source_in, require_editor
from models.tickets.readings import GROUP_KINDS, METRICS


def set_link(store: Store, workshop_id: int, category: str, *, stage: str | None = None,
             pain_id: int | None = None, unmap_stage: bool = False,
             unmap_pain: bool = False) -> str:
    """Map a ticket category to a stage (by name or number) and/or a pain point, or undo
    either mapping; says what the category is mapped to afterwards."""
    require_editor(store, workshop_id)
    if latest_source(store, workshop_id) is None:
        raise _no_data(workshop_id)
    journey = store.load(workshop_id)
    known = {r.group_value for r in journey.readings if r.group_kind == "category"}
    if category not in known:
        listed = ", ".join(sorted(known)[:8]) or "none"
        raise ValueError(f"There is no ticket category {category!r} in workshop "
                         f"{workshop_id}'s readings (categories: {listed}).")
    change: dict[str, int] = {}
    if stage is not None:
        change["stage"] = stage_id(journey.stages, stage, workshop_id)
    if pain_id is not None:
        if journey.pain_point(pain_id) is None:
            raise NotFound(f"Workshop {workshop_id} has no pain point {pain_id}.")
        change["pain"] = pain_id
    dropped = [key for key, drop in (("stage", unmap_stage), ("pain", unmap_pain)) if drop]
    link = _relink(store, workshop_id, category, change, dropped)
    refresh_volumes(store, workshop_id)
    apply_to_map(store, workshop_id)
    journey = store.load(workshop_id)
    said = [f"stage {s.name!r}" for s in journey.stages if s.id == link.get("stage")]
    said += [f"pain point {p.id} ({volume_words(p.ticket_volume)})"
             for p in journey.pain_points if p.id == link.get("pain")]
    return f"{category!r} -> " + (", ".join(said) or "nothing (unmapped)")


def _no_data(workshop_id: int) -> ValueError:
    return ValueError(f"Workshop {workshop_id} has no ticket data yet: run "
                      "`journeymap tickets import FILE --workshop ID` first.")


def _relink(store: Store, workshop_id: int, category: str, change: dict[str, int],
            dropped: list[str]) -> dict[str, Any]:
    """Change one category's link on the latest source, read again inside the write; the
    category's link afterwards.

    Why inside: the links were read before, and written whole from that read, so a
    mapping another seat made meanwhile was overwritten, and one made while an import ran
    went to a source that was no longer the latest (the import had carried the old links).
    """
    with store.write() as s:
        src = latest_source_in(s, workshop_id)
        if src is None:
            raise _no_data(workshop_id)
        links: dict[str, dict[str, Any]] = json.loads(src.links or "{}")
        link = {**links.get(category, {}), **change}
        for key in dropped:
            link.pop(key, None)
        links[category] = link
        if not link:
            del links[category]
        store.update(TicketSource, int(src.id or 0), links=json.dumps(links, ensure_ascii=False))
    return link


def stage_id(stages: list[Stage], wanted: str, workshop_id: int) -> int:
    """The id of the stage named (or numbered, from 1) ``wanted``; NotFound lists the names."""
    for number, stage in enumerate(stages, start=1):
        if wanted.strip() == str(number) or stage.name.strip().casefold() == \
                wanted.strip().casefold():
            return int(stage.id or 0)
    names = ", ".join(s.name for s in stages)
    raise NotFound(f"Workshop {workshop_id} has no stage {wanted!r} (stages: {names}).")


def refresh_volumes(store: Store, workshop_id: int) -> None:
    """A pain point's ticket volume follows its mapped categories' latest month.

    The volume of a mapped pain point is derived from the links, not typed: it is set
    from the data whenever it differs, a volume typed by hand before or during an import
    included (unmapping the category gives the field back to the room).  Each pain point
    is read again inside the one write and only its volume is set, so another field a
    seat edited meanwhile stays; a pain point deleted meanwhile is skipped, since an
    import calls this after its source is saved.
    """
    journey = store.load(workshop_id)
    volumes = {pain_id: int(volume.value) for pain_id, volume in pain_volumes(journey).items()
               if volume.value is not None}
    if not volumes:
        return
    with store.write() as s:
        for pain_id, volume in volumes.items():
            pain = s.get(PainPoint, pain_id)
            if pain is not None and pain.workshop_id == workshop_id and \
                    pain.ticket_volume != volume:
                store.update(PainPoint, pain_id, ticket_volume=volume)


def parse_target(text: str) -> tuple[float, bool]:
    """``-30%`` → (-0.3, relative); ``0.85`` or ``85%`` with ``=`` → absolute.

    A signed percentage is a change against the baseline reading; an unsigned number (or
    ``=85%``) is a value to reach.
    """
    raw = text.strip().replace("−", "-").replace(" ", "")
    absolute = raw.startswith("=")
    raw = raw.lstrip("=")
    percent = raw.endswith("%")
    number = raw.rstrip("%")
    try:
        value = float(number)
    except ValueError:
        raise ValueError(f"--target {text!r} is not a change such as -30% or a value such "
                         "as =0.85") from None
    if percent:
        value /= 100
    relative = not absolute and number.startswith(("+", "-"))
    return value, relative


def link_card(store: Store, workshop_id: int, card_id: int, *, metric: str, group: str,
              target: str) -> HypothesisCard:
    """Tie a card's signal to a metric of a group's readings and a target."""
    require_editor(store, workshop_id)
    if metric not in METRICS:
        raise ValueError(f"--metric {metric!r} is not a ticket metric; choose one of: "
                         f"{', '.join(METRICS)}.")
    journey = store.load(workshop_id)
    card = next((c for c in journey.cards if c.id == card_id), None)
    if card is None:
        raise NotFound(f"Workshop {workshop_id} has no card {card_id}.")
    kind, _, value = group.partition("=")
    if group != "all" and (kind not in GROUP_KINDS or not value):
        raise ValueError(f"--group {group!r} must be all or KIND=VALUE with KIND one of "
                         f"{', '.join(GROUP_KINDS)} (for example category=Login).")
    number, relative = parse_target(target)
    return store.update(HypothesisCard, card_id, signal_metric=metric, signal_group=group,
                        signal_target=number, signal_relative=relative)
