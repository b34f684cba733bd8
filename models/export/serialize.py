"""One plain-dict form of a workshop, shared by TOML templates and the JSON backup.

Why one mechanism: a template is a backup without the people, the plan and
the log.  If the two had separate readers they would drift apart, and a map
saved as a template would stop loading as one.  Here ``journey_to_dict`` writes
the form (its shape is in ``form``), ``form_check.normalize`` checks every key and
value of it *before* anything is stored, and ``dict_to_store`` inserts it in one
write transaction, so a bad file can never leave half a workshop behind.

The form holds no ids of its own rows: stages, touchpoints and pain points are
nested in journey order, and a handoff names its touchpoints as ``[stage index,
touchpoint index]`` (0-based), and a plan task that carries out a card names it as
``card@N``, N the 0-based place of the card's pain point in the form (a row id,
``card-ID``, would name another card once the import gives new ids; backups older
than session 11 hold such keys, read through ``old_card_keys``).  The one
exception is a future state's link to its as-is (another workshop): a full backup
keeps those ids, and an import keeps them only while they still point at that
as-is (``_as_is``), a template never.  No value is ever ``None`` (TOML has no
null): an empty value is an omitted key.  Dates and times are ISO strings, times in UTC.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import SQLModel, select

from models.db.bulk import insert_rows
from models.db.fields import whys
from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask, Vote
from models.db.tables.history import ChangeLog
from models.db.tables.method import ChannelCost, EscalationLevel
from models.db.tables.seats import Participant
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop
from models.export import ticket_form
from models.export.form import (  # noqa: F401 - the form's names, re-exported for callers
    CARD,
    COST,
    FORMAT,
    FULL_LISTS,
    HANDOFF,
    LEVEL,
    LIST_FIELDS,
    LISTS,
    LOG,
    PAIN,
    PARTICIPANT,
    PLAN,
    STAGE,
    TOUCHPOINT,
    VERSION,
    VOTE,
    WORKSHOP,
    DataError,
    Node,
    plain,
)
from models.export.form import build as _build
from models.export.form import fields_of as _fields
from models.export.form_check import normalize  # noqa: F401 - re-exported
from models.export.old_card_keys import old_card_places, old_number
from models.rules.live_maps import is_live
from models.rules.plan import CARD_KEY


def _row(row: SQLModel, node: Node, full: bool) -> dict[str, Any]:
    """The node's columns of one row; ``None`` omitted, and in a template also empty text
    and ``False`` (every flag's default), so a template file holds only what was said."""
    out: dict[str, Any] = {}
    for name in node.fields if full else node.template_fields:
        value = getattr(row, name)
        if name in LIST_FIELDS:
            value = whys(value)
        if value is None or (not full and (value is False or value in ("", []))):
            continue
        out[name] = plain(value)
    return out


def _pain(journey: Journey, pain: PainPoint, full: bool) -> dict[str, Any]:
    out = _row(pain, PAIN, full)
    card = journey.card_for(pain.id)
    if card is not None:
        out["card"] = _row(card, CARD, full)
    if full:
        dots = [v for v in getattr(journey, "dots", []) if v.pain_point_id == pain.id]
        if dots:
            # A secret ballot stays secret in a backup: before the reveal only the number
            # of dots goes out (empty entries), never who voted for what or when.
            revealed = journey.workshop.votes_revealed
            out["dot_votes"] = [_row(v, VOTE, True) if revealed else {} for v in dots]
    return out


CARD_PLACE = "card@"  # a card task's key in the form: the card's pain point's place


def journey_to_dict(journey: Journey, *, full: bool = True,
                    changelog: list[ChangeLog] | None = None) -> dict[str, Any]:
    """The workshop as plain data; ``full=False`` is the template form (no people, log, plan).

    ``changelog`` is passed in because a ``Journey`` snapshot does not carry the log
    (screens never need it); ``export_json.export_workshop`` loads both.
    """
    places: dict[int, list[int]] = {}
    stages: list[dict[str, Any]] = []
    attached: set[int] = set()
    pains_at = journey.pains_by_touchpoint()
    for si, stage in enumerate(journey.stages):
        item = _row(stage, STAGE, full)
        tps = []
        for ti, tp in enumerate(journey.touchpoints.get(stage.id or 0, [])):
            places[tp.id or 0] = [si, ti]
            tp_item = _row(tp, TOUCHPOINT, full)
            pains = pains_at.get(tp.id, [])
            attached.update(p.id or 0 for p in pains)
            if pains:
                tp_item["pain_points"] = [_pain(journey, p, full) for p in pains]
            tps.append(tp_item)
        if tps:
            item["touchpoints"] = tps
        stages.append(item)
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION,
                            "workshop": _row(journey.workshop, WORKSHOP, full),
                            "stages": stages}
    loose = [_pain(journey, p, full) for p in journey.pain_points if p.id not in attached]
    if loose:
        data["pain_points"] = loose
    handoffs = []
    for handoff in journey.handoffs:
        ends = places.get(handoff.from_touchpoint_id), places.get(handoff.to_touchpoint_id)
        if ends[0] is not None and ends[1] is not None:
            handoffs.append({"from": ends[0], "to": ends[1], **_row(handoff, HANDOFF, full)})
    if handoffs:
        data["handoffs"] = handoffs
    for key, (node, attr) in LISTS.items():
        rows = getattr(journey, attr, [])
        if rows:
            data[key] = [_row(r, node, full) for r in rows]
    if full:
        data["plan_tasks"] = _plan_rows(journey)
        data["participants"] = [_row(p, PARTICIPANT, True) for p in journey.participants]
        data["changelog"] = [_log_row(c) for c in changelog or []]
        if journey.ticket_sources:
            data[ticket_form.KEY] = ticket_form.to_form(journey, _pain_order(journey))
    return data


def _plan_rows(journey: Journey) -> list[dict[str, Any]]:
    """The plan's rows, each card task's key as ``card@N`` (see the module docstring)."""
    cards = (journey.card_for(pain_id) for pain_id in _pain_order(journey))
    place = {card.id: n for n, card in enumerate(cards) if card is not None}
    rows = []
    for task in journey.plan_tasks:
        row = _row(task, PLAN, True)
        number = old_number(task.key)
        if number is not None and number in place:
            row["key"] = f"{CARD_PLACE}{place[number]}"
        rows.append(row)
    return rows


def _task_key(key: str, card_ids: dict[int, int], old_places: dict[int, int]) -> str:
    """A backup's ``card@N`` (or an older backup's ``card-ID``, through ``old_places``)
    as this database's ``card-ID``; any other key as it is."""
    number = key[len(CARD_PLACE):] if key.startswith(CARD_PLACE) else ""
    old = old_number(key)
    place = int(number) if number.isdecimal() else None if old is None else old_places.get(old)
    if place is not None and place in card_ids:
        return f"{CARD_KEY}{card_ids[place]}"
    return key


def _pain_order(journey: Journey) -> list[int]:
    """Pain point ids in the order the form lists them (under touchpoints, then loose)."""
    pains_at = journey.pains_by_touchpoint()
    placed = [p.id or 0 for tp in journey.ordered_touchpoints() for p in pains_at.get(tp.id, [])]
    seen = set(placed)
    return placed + [p.id or 0 for p in journey.pain_points if (p.id or 0) not in seen]


def dict_to_store(store: Any, data: Any, *, source: str, summary: str | None = None) -> int:
    """Check everything, then insert the whole workshop in one transaction; its new id.

    A ``DataError`` is raised before the transaction starts, and any database error
    rolls the transaction back, so a failed import leaves the file as it was.
    """
    clean = normalize(data, source=source)
    scope = dict(clean["workshop"])
    # Roles never travel with a file: the importer is the lead of the copy, everyone
    # listed in it a participant, and its history is marked as imported.
    scope["lead"] = store.who
    scope["lead_account"] = getattr(store, "account", "")
    scope["lead_uid"] = getattr(store, "uid", None)
    if "template" in clean and "template" not in scope:
        scope["template"] = clean["template"].get("name", "")
    with store.write() as s:
        scope["as_is_workshop_id"] = _as_is(s, scope.get("as_is_workshop_id"))
        workshop = _build(Workshop, scope)
        s.add(workshop)
        s.flush()
        wid = workshop.id
        as_is_tps = _as_is_touchpoints(s, workshop.as_is_workshop_id)
        stages = clean["stages"]
        stage_ids = insert_rows(s, Stage, [
            _fields(Stage, stage_data, workshop_id=wid, position=si)
            for si, stage_data in enumerate(stages)])
        places = [(si, ti) for si, stage_data in enumerate(stages)
                  for ti in range(len(stage_data.get("touchpoints", [])))]
        new_tps = insert_rows(s, Touchpoint, [_fields(Touchpoint, {
            **tp_data, "as_is_touchpoint_id": _kept(as_is_tps, tp_data.get("as_is_touchpoint_id"))},
            stage_id=stage_ids[si], position=ti)
            for si, stage_data in enumerate(stages)
            for ti, tp_data in enumerate(stage_data.get("touchpoints", []))])
        tp_ids = dict(zip(places, new_tps, strict=True))
        pains: list[tuple[dict[str, Any], int | None]] = [
            (p, tp_ids[si, ti]) for si, ti in places
            for p in stages[si]["touchpoints"][ti].get("pain_points", [])]
        pains.extend((p, None) for p in clean.get("pain_points", []))
        # New ids in the order the pain points were made: the rank's last tie-break is
        # the id, so equal-looking pain points keep their order in the copy.
        made = sorted(range(len(pains)), key=lambda n: str(pains[n][0].get("created_at", "")))
        pain_ids = [0] * len(pains)
        for place, new_id in zip(made, insert_rows(s, PainPoint, [
                _fields(PainPoint, pains[n][0], workshop_id=wid, touchpoint_id=pains[n][1])
                for n in made]), strict=True):
            pain_ids[place] = new_id
        carded = [n for n in made if "card" in pains[n][0]]
        card_ids = dict(zip(carded, insert_rows(s, HypothesisCard, [  # a place -> its card
            _fields(HypothesisCard, pains[n][0]["card"], pain_point_id=pain_ids[n])
            for n in carded]), strict=True))
        insert_rows(s, Vote, [_fields(Vote, vote, pain_point_id=pain_ids[n]) for n in made
                              for vote in pains[n][0].get("dot_votes", [])])
        insert_rows(s, Handoff, [_fields(
            Handoff, h, workshop_id=wid, from_touchpoint_id=tp_ids[tuple(h["from"])],
            to_touchpoint_id=tp_ids[tuple(h["to"])])
            for h in clean.get("handoffs", [])])
        insert_rows(s, ChannelCost, [_fields(ChannelCost, cost, workshop_id=wid)
                                     for cost in clean.get("channel_costs", [])])
        insert_rows(s, EscalationLevel, [
            _fields(EscalationLevel, level, workshop_id=wid, position=pos)
            for pos, level in enumerate(clean.get("escalation_levels", []))])
        tasks = clean.get("plan_tasks", [])
        old_places = old_card_places(tasks, [pain for pain, _tp in pains])
        insert_rows(s, PlanTask, [_fields(PlanTask, {**task, "key": _task_key(
            str(task.get("key", "")), card_ids, old_places)}, workshop_id=wid, position=pos)
            for pos, task in enumerate(tasks)])
        people = []
        for person in clean.get("participants", []):
            mine = person.get("name") == store.who
            role = "lead" if mine else "participant"
            people.append(_fields(Participant, {**person, "role": role}, workshop_id=wid,
                                  account=getattr(store, "account", "") if mine else ""))
        insert_rows(s, Participant, people)
        insert_rows(s, ChangeLog, [_fields(ChangeLog, entry, workshop_id=wid, imported=True)
                                   for entry in clean.get("changelog", [])])
        ticket_form.store(s, clean.get(ticket_form.KEY, []), int(wid or 0), stage_ids,
                          pain_ids)
        s.add(ChangeLog(workshop_id=wid, who=store.who, account=getattr(store, "attribution", ""),
                        entity="workshop", entity_id=wid,
                        action="create", summary=summary or f"imported from {source}"))
        return int(wid or 0)


def _log_row(change: ChangeLog) -> dict[str, Any]:
    """A log line as the backup holds it, without a delete's undo snapshot: it names this
    file's row ids (an import gives new ones, and an imported line is never undone) and
    can be far larger than the line."""
    row = _row(change, LOG, True)
    if change.action == "delete":
        row["old"] = ""
    return row


def _as_is(s: Any, workshop_id: Any) -> int | None:
    """A backup's as-is link, kept only if that workshop is here and is live (an as-is map).

    Ids are local to a database: restored into another file, the id may name nothing
    or a different map, and a wrong link is worse than none (the to-be stays a future
    state and says its as-is is not available).
    """
    if workshop_id is None:
        return None
    target = s.get(Workshop, int(workshop_id))
    return int(workshop_id) if target is not None and is_live(target) else None


def _as_is_touchpoints(s: Any, as_is_id: int | None) -> set[int]:
    """The (kept) as-is workshop's touchpoint ids: the only ones a to-be may link to."""
    if as_is_id is None:
        return set()
    found = s.exec(select(Touchpoint.id).join(Stage)
                   .where(Stage.workshop_id == as_is_id))
    return {int(i) for i in found}


def _kept(as_is_tps: set[int], touchpoint_id: Any) -> int | None:
    """A touchpoint link, kept only if it points into the (kept) as-is workshop."""
    if touchpoint_id is None or int(touchpoint_id) not in as_is_tps:
        return None
    return int(touchpoint_id)
