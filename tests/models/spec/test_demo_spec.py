"""The demo workshop a first-time user opens: every step done, on the day it is created.

What the user sees: the workshop starts today, has a facilitator (a role, since the
demo knows no names), each card has an accountable owner (the lead of the team that
owns its touchpoint, else the facilitator) and a deadline the plan can keep: the
top card is the one fix of weeks 3-4, every other card takes the plan's next
two-week slot after it (what does not fit is the next cycle), never on a weekend;
and the plan is stored.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Stage, Touchpoint
from models.export.templates import create_from_template
from models.rules.cards import ordered_cards
from models.rules.demo import DEMO_FACILITATOR, card_owner, complete_demo
from models.rules.plan import CARD_KEY, QUEUE_FIRST_DAY, day

MONDAY = dt.date(2026, 3, 2)  # plan day 28 is Sunday 29 March, day 56 Sunday 26 April
END_OF_WEEK_4 = dt.date(2026, 3, 27)  # the Friday before
END_OF_WEEK_6 = dt.date(2026, 4, 10)  # day 42 is Sunday 12 April
END_OF_WEEK_8 = dt.date(2026, 4, 24)


def _demo(tmp_path: Path, facilitator: str = "") -> tuple[Store, int, dict[str, int]]:
    """A small map: a quick win owned by Identity, a big bet on an unowned touchpoint,
    a pain on no touchpoint, and a card-less pain."""
    store = Store(tmp_path / "demo.db", who="tester")
    wid = store.create_workshop(title="Demo", facilitator=facilitator,
                                start_date=dt.date(2020, 1, 6), default_stages=False).id
    assert wid is not None
    stage_id = int(store.add(Stage(workshop_id=wid, name="Sign in")).id or 0)
    owned = store.add(Touchpoint(stage_id=stage_id, name="Reset", owner_team="  Identity "))
    unowned = store.add(Touchpoint(stage_id=stage_id, name="Wait", owner_team=" "))
    pains = {
        "quick": store.add(PainPoint(workshop_id=wid, touchpoint_id=owned.id, impact=3,
                                     effort=1, description="code never arrives")),
        "bet": store.add(PainPoint(workshop_id=wid, touchpoint_id=unowned.id, impact=3,
                                   effort=3, description="no status while waiting")),
        "loose": store.add(PainPoint(workshop_id=wid, touchpoint_id=None, impact=1, effort=3,
                                     description="placed nowhere")),
        "bare": store.add(PainPoint(workshop_id=wid, touchpoint_id=owned.id, impact=2,
                                    effort=2, description="no card yet")),
    }
    cards = {key: store.add(HypothesisCard(pain_point_id=int(pains[key].id or 0))).id
             for key in ("quick", "bet", "loose")}
    return store, wid, {k: int(v or 0) for k, v in cards.items()}


def _cards(store: Store, wid: int, ids: dict[str, int]) -> dict[str, tuple[str, dt.date | None]]:
    key = {card_id: name for name, card_id in ids.items()}
    return {key[int(c.id or 0)]: (c.owner, c.deadline) for c in store.load(wid).cards}


def test_the_demo_starts_today_with_the_support_lead_facilitating(tmp_path: Path) -> None:
    store, wid, _ = _demo(tmp_path)
    complete_demo(store, wid, MONDAY)
    workshop = store.load(wid).workshop
    assert workshop.start_date == MONDAY
    assert workshop.facilitator == DEMO_FACILITATOR == "Support lead"
    store.close()


def test_every_card_gets_its_team_lead_and_a_workday_deadline_in_plan_order(
        tmp_path: Path) -> None:
    store, wid, ids = _demo(tmp_path)
    complete_demo(store, wid, MONDAY)
    assert _cards(store, wid, ids) == {
        "quick": ("Identity lead", END_OF_WEEK_4),  # the top card: the one fix of weeks 3-4
        "bet": ("Support lead", END_OF_WEEK_6),  # unowned touchpoint: the facilitator
        "loose": ("Support lead", END_OF_WEEK_8),  # on no touchpoint: the facilitator
    }
    store.close()


def test_the_demo_plan_ships_one_fix_and_queues_the_other_cards_after_it(
        store: Store) -> None:
    """The real demo map (four quick wins): only the top card is due in weeks 3-4, and
    no queued card is a one-day task dated before the queue it is listed in."""
    wid = create_from_template(store, "login-lockout")
    complete_demo(store, wid, MONDAY)
    journey = store.load(wid)
    by_weeks_3_4 = [c for c in journey.cards if c.deadline and c.deadline <= END_OF_WEEK_4]
    assert [c.id for c in by_weeks_3_4] == [ordered_cards(journey)[0].id]
    queued = [t for t in journey.plan_tasks if t.key.startswith(CARD_KEY)]
    assert len(queued) == len(journey.cards) - 1
    assert all(t.start and t.deadline and day(MONDAY, QUEUE_FIRST_DAY) <= t.start < t.deadline
               for t in queued)


def test_a_named_facilitator_is_kept_and_owns_the_cards_nobody_else_does(
        tmp_path: Path) -> None:
    store, wid, ids = _demo(tmp_path, facilitator="  Ana Ruiz ")
    complete_demo(store, wid, MONDAY)
    assert store.load(wid).workshop.facilitator == "  Ana Ruiz "
    owners = {title: owner for title, (owner, _d) in _cards(store, wid, ids).items()}
    assert owners == {"quick": "Identity lead", "bet": "Ana Ruiz", "loose": "Ana Ruiz"}
    store.close()


def test_the_plan_is_generated_and_stored_from_today(tmp_path: Path) -> None:
    store, wid, _ = _demo(tmp_path)
    complete_demo(store, wid, MONDAY)
    tasks = store.load(wid).plan_tasks
    keys = [t.key for t in tasks]
    assert keys[:2] == ["baseline", "owners"] and "review" in keys
    assert "implement" in keys
    baseline = tasks[0]
    assert baseline.start == MONDAY
    store.close()


def test_a_team_names_its_lead_and_no_team_leaves_it_to_the_workshop() -> None:
    assert card_owner("Billing") == "Billing lead"
    assert card_owner("  Tier 2 ") == "Tier 2 lead"
    assert card_owner("") == "" and card_owner("   ") == ""


def test_the_demo_shows_an_escalation_matrix_a_lead_can_read(store: Store) -> None:
    """Every system of the method has content in the demo: a severity ladder whose
    every level says when it applies, who responds, how fast and how often the admin
    hears, the Tier 1 → Tier 2 unlock marked as an escalation that passes the context,
    and a bot whose escalation rule says when it hands over to a person."""
    from models.rules.escalation import escalation_risks

    wid = create_from_template(store, "login-lockout")
    complete_demo(store, wid, MONDAY)
    journey = store.load(wid)
    levels = list(journey.escalation_levels)
    assert len(levels) >= 3
    assert all(lv.criteria.strip() and lv.tier_role.strip() and lv.channel.strip()
               and lv.response_sla_minutes and lv.update_every_minutes for lv in levels)
    assert [h.is_escalation for h in journey.handoffs] == [True]
    bots = [tp for tp in journey.ordered_touchpoints() if tp.actor == "bot"]
    assert bots and all(tp.bot_escalation_rule.strip() for tp in bots)
    assert [r.message for r in escalation_risks(journey)] == []
