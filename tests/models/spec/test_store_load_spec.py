"""Reading whole workshops (models/db/store.py ``load`` and ``load_many``, and the ORM-free
``models.db.light_journey`` the exports and Home use): everything of a workshop and
nothing of another, in the order the map shows it (escalation ladder by rung, plan by
position, stages and touchpoints by position), dot votes counted per pain point, and an
empty list, never nothing, for what a workshop does not have yet (issue 20)."""

from __future__ import annotations

from pathlib import Path

from models.db.journey import Journey
from models.db.light_journey import load_journeys, workshop_ids
from models.db.store import Store
from models.db.tables.cards import PainPoint, PlanTask, Vote
from models.db.tables.method import ChannelCost, EscalationLevel
from models.db.tables.seats import Participant
from models.db.tables.workshop import Workshop


def _fill(store: Store, title: str) -> int:
    wid = int(store.create_workshop(title=title).id or 0)
    for rung, severity in ((2, "Sev-3"), (0, "Sev-1"), (1, "Sev-2")):  # added out of order
        store.add(EscalationLevel(workshop_id=wid, position=rung + 1, severity=severity))
    for place, task in ((3, "Review"), (1, "Baseline"), (2, "Fix")):
        store.add(PlanTask(workshop_id=wid, title=f"{task} {title}", position=place))
    loop = store.add(PainPoint(workshop_id=wid, description=f"Loop {title}"))
    quiet = store.add(PainPoint(workshop_id=wid, description=f"Quiet {title}"))
    for who in ("Kim", "Sam", "Ana"):
        store.add(Vote(pain_point_id=int(loop.id or 0), participant=who))
    store.add(Vote(pain_point_id=int(quiet.id or 0), participant="Kim"))
    store.add(ChannelCost(workshop_id=wid, channel=f"phone {title}", cost_per_contact=6.5))
    store.add(Participant(workshop_id=wid, name=f"Kim {title}"))
    return wid


def _shape(journey: Journey) -> dict[str, object]:
    pains = {p.id: p.description for p in journey.pain_points}
    return {
        "title": journey.workshop.title,
        "ladder": [level.severity for level in journey.escalation_levels],
        "plan": [task.title for task in journey.plan_tasks],
        "votes": {pains[pid]: n for pid, n in journey.dot_votes.items()},
        "dots": len(journey.dots),
        "costs": [cost.channel for cost in journey.channel_costs],
        "people": [person.name for person in journey.participants],
        "stages": len(journey.stages),
        "readings": journey.readings, "sources": journey.ticket_sources,
        "handoffs": journey.handoffs, "cards": journey.cards,
    }


def test_each_workshop_comes_back_whole_in_map_order_and_alone(db_path: Path) -> None:
    with Store(db_path, who="tester") as store:
        first, second = _fill(store, "A"), _fill(store, "B")
        empty = int(store.create_workshop(title="Empty", default_stages=False).id or 0)
        expected = {
            wid: {"title": t, "ladder": ["Sev-1", "Sev-2", "Sev-3"],
                  "plan": [f"Baseline {t}", f"Fix {t}", f"Review {t}"],
                  "votes": {f"Loop {t}": 3, f"Quiet {t}": 1}, "dots": 4,
                  "costs": [f"phone {t}"], "people": [f"Kim {t}"], "stages": 6,
                  "readings": [], "sources": [], "handoffs": [], "cards": []}
            for wid, t in ((first, "A"), (second, "B"))}
        expected[empty] = {"title": "Empty", "ladder": [], "plan": [], "votes": {},
                           "dots": 0, "costs": [], "people": [], "stages": 0,
                           "readings": [], "sources": [], "handoffs": [], "cards": []}
        for wid, shape in expected.items():
            assert _shape(store.load(wid)) == shape
        many = store.load_many([second, empty, first])
        assert [_shape(j) for j in many] == [expected[second], expected[empty], expected[first]]
        assert store.load_many([]) == []
    light = load_journeys(db_path, [second, empty, first])
    assert light is not None
    assert [_shape(j) for j in light] == [expected[second], expected[empty], expected[first]]


def test_the_light_read_of_every_workshop_follows_the_home_order(db_path: Path) -> None:
    with Store(db_path, who="tester") as store:
        first, second = _fill(store, "A"), _fill(store, "B")
        store.update(Workshop, first, title="A again")  # changed last: first on Home
        order = [int(w.id or 0) for w in store.list_workshops()]
    assert order == [first, second]
    assert workshop_ids(db_path) == order
    every = load_journeys(db_path, None)
    assert every is not None and [j.workshop.id for j in every] == order
    assert workshop_ids(db_path.parent / "missing" / "x.db") is None
