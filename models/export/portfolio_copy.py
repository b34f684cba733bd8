"""Copy a whole portfolio between databases (a file and a server, either way).

Why through the JSON backup's form rather than table by table: the backup is
the one lossless, checked way a workshop leaves and enters a database
(``serialize.journey_to_dict`` / ``dict_to_store``: every value checked before
a row is written, each workshop in one transaction).  Copying by the same road
means a copy keeps exactly what a backup keeps, on both engines.

Ids are local to a database, so the two cross-workshop links a backup carries
(a future state's as-is workshop and its touchpoints' as-is touchpoints) are
renumbered here: current-state workshops are copied first, and each link is
rewritten to the id its target received.  The copy refuses a destination that
already holds workshops, so running it twice cannot double a portfolio.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.db.dbfile import StoreError
from models.export.serialize import dict_to_store, journey_to_dict
from models.rules.counts import plural
from models.rules.live_maps import is_live


@dataclass(frozen=True)
class Copied:
    """One workshop copied: its id in the source and in the destination."""

    source_id: int
    new_id: int
    title: str


def copy_portfolio(source: Any, target: Any) -> tuple[list[Copied], list[str]]:
    """Copy every readable workshop of ``source`` into the empty ``target``: what was
    copied, and the sentence of each workshop left out because a value in it cannot be
    read (``bad_cells.DamagedWorkshop``) or is one a backup cannot carry (``DataError``:
    a NUL or an infinite figure planted by hand, which the store reads but the checks
    every import passes refuse).

    Why not refuse the whole copy: one map damaged by hand held back the whole
    portfolio, where ``list`` and Home show the others and name that one.
    """
    from models.db.bad_cells import DamagedWorkshop
    from models.export.form import DataError

    readable, unreadable = source.list_readable()
    refused = [bad.sentence for bad in unreadable]
    workshops = sorted(readable, key=lambda w: (not is_live(w), w.id))
    new_ids: dict[int, int] = {}
    new_tps: dict[int, int] = {}
    done: list[Copied] = []
    # One transaction (each workshop's joins it): a copy killed half-way leaves an empty
    # destination, never a portfolio that looks whole and refuses to be copied again.
    with target.write() as session:
        # Checked in the write, after its lock: two copies begun together both found the
        # destination empty when this was a read before it, and both wrote the portfolio.
        present = target.list_workshops()
        if present:
            raise StoreError(f"{target.where} already holds {plural(len(present), 'workshop')}; "
                             "copy into an empty database so nothing is doubled.")
        for workshop in workshops:
            wid = int(workshop.id or 0)
            try:  # read whole before anything of it is written
                journey = source.load(wid)
                data = journey_to_dict(journey, full=True, changelog=source.changes(wid))
            except DamagedWorkshop as exc:
                refused.append(str(exc))
                continue
            _relink(data, new_ids, new_tps)
            try:  # the checks run before any of its rows is written (``dict_to_store``)
                new_id = dict_to_store(target, data, source=f"workshop {wid} of {source.where}",
                                       summary=f"copied from workshop {wid} of {source.where}")
            except DataError as exc:
                refused.append(_not_carried(wid, workshop.title, exc))
                continue
            new_ids[wid] = new_id
            copied = _touchpoint_ids(session, new_id)
            for old, new in zip(journey.ordered_touchpoints(), copied, strict=True):
                new_tps[int(old.id or 0)] = new
            done.append(Copied(wid, new_id, workshop.title or workshop.scenario))
    return done, refused


def _not_carried(wid: int, title: str, exc: Any) -> str:
    """The sentence of a map the backup's checks refuse, in ``BadCell.sentence``'s shape
    (its title unless the title is what is refused)."""
    named = f"Workshop {wid}" if exc.key_path == "workshop.title" or not title.strip() \
        else f'Workshop {wid} "{title.strip()}"'
    return f"{named} cannot be copied: its {exc.key_path} {exc.problem.rstrip('.')}."


def _touchpoint_ids(session: Any, workshop_id: int) -> list[int]:
    """A copied workshop's touchpoint ids in ``Journey.ordered_touchpoints`` order, read in
    the copy's own transaction (``Store.load`` reads committed rows only)."""
    from sqlmodel import col, select

    from models.db.tables.workshop import Stage, Touchpoint

    return [int(found) for found in session.exec(
        select(Touchpoint.id).join(Stage, col(Touchpoint.stage_id) == col(Stage.id))
        .where(Stage.workshop_id == workshop_id)
        .order_by(col(Stage.position), col(Stage.id), col(Touchpoint.position),
                  col(Touchpoint.id)))]


def _relink(data: dict[str, Any], new_ids: dict[int, int], new_tps: dict[int, int]) -> None:
    """Rewrite as-is links to the destination's ids (dropped if the target was not copied)."""
    scope = data["workshop"]
    if "as_is_workshop_id" in scope:
        mapped = new_ids.get(int(scope["as_is_workshop_id"]))
        if mapped is None:
            del scope["as_is_workshop_id"]
        else:
            scope["as_is_workshop_id"] = mapped
    for stage in data.get("stages", []):
        for tp in stage.get("touchpoints", []):
            if "as_is_touchpoint_id" in tp:
                mapped = new_tps.get(int(tp["as_is_touchpoint_id"]))
                if mapped is None:
                    del tp["as_is_touchpoint_id"]
                else:
                    tp["as_is_touchpoint_id"] = mapped
