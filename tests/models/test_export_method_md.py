"""The method's Markdown sections: JTBD, five whys, escalation path, future state, moments."""

from __future__ import annotations

import datetime as dt

from markdown_it import MarkdownIt

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.method import EscalationLevel
from models.db.tables.workshop import Handoff, Touchpoint, Workshop
from models.export.future_copy import create_future_copy
from models.export.markdown import to_markdown
from models.rules.costs import save_channel_cost

TODAY = dt.date(2026, 11, 29)
HOSTILE = "| `x` ]; %%{init}%% <b>#1</b> \"q\""


def _make(store: Store) -> int:
    w = store.create_workshop(title="Admin locked out", jtbd_when="the payroll run is at 9 am",
                              jtbd_want="get back into my admin console",
                              jtbd_so_that="staff are paid on time")
    wid = int(w.id or 0)
    stage = store.load(wid).stages[0]
    bot = store.add(Touchpoint(stage_id=stage.id, name="Reset bot", channel="Chat", actor="bot",
                               sentiment=-1, bot_intent="password reset",
                               bot_escalation_rule="hand off to a human after 2 failed "
                               "verification attempts",
                               bot_context_passed="full transcript", bot_deflection_rate=0.6))
    agent = store.add(Touchpoint(stage_id=stage.id, name="Call support", channel="Phone",
                                 actor="agent", sentiment=-2, moment_of_truth=True))
    pain = store.add(PainPoint(workshop_id=wid, touchpoint_id=agent.id,
                               description="Locked out", impact=3, effort=1,
                               ticket_volume=1000, five_whys="MFA device lost\nNo backup codes",
                               root_cause=HOSTILE, urgent=True, important=True))
    store.add(HypothesisCard(pain_point_id=pain.id, experiment="Self-service unlock",
                             effect_kind="deflection", effect_value=40))
    store.add(EscalationLevel(workshop_id=wid, severity="Sev-1", criteria=HOSTILE,
                              tier_role="Support Lead", response_sla_minutes=15,
                              update_every_minutes=30))
    store.add(EscalationLevel(workshop_id=wid, severity="Sev-2", tier_role="Engineering Manager",
                              response_sla_minutes=60, update_every_minutes=120))
    store.add(Handoff(workshop_id=wid, from_touchpoint_id=bot.id, to_touchpoint_id=agent.id,
                      is_escalation=True, checklist="full transcript\nsteps tried"))
    save_channel_cost(store, store.load(wid), "Phone", cost_per_contact=25.0)
    return wid


def _doc(store: Store, wid: int) -> str:
    portfolio = [store.load(w.id) for w in store.list_workshops()]
    return to_markdown(store.load(wid), today=TODAY, portfolio=portfolio)


def test_method_sections_carry_jtbd_whys_escalation_and_case(store: Store) -> None:
    wid = _make(store)
    doc = _doc(store, wid)
    assert ("When the payroll run is at 9 am, I want to get back into my admin console, "
            "so I can staff are paid on time.") in doc
    assert "Why 1? MFA device lost" in doc and "Why 2? No backup codes" in doc
    assert "## Escalation path" in doc and "```mermaid\nflowchart TD" in doc
    assert "L2 -->|escalate| L1" in doc
    assert "hand off to a human after 2 failed verification attempts" in doc
    assert "1,000 contacts × (1 − 40 % deflected) = 600" in doc
    assert "Saving: 10,000 per month" in doc
    assert "## Moments of truth" in doc and "Call support" in doc
    assert "Not available (no future state yet" in doc
    assert "do now" in doc


def test_future_state_draws_both_sentiment_lines(store: Store) -> None:
    wid = _make(store)
    future = create_future_copy(store, wid)
    bot = store.load(future).ordered_touchpoints()[1]
    store.update(Touchpoint, int(bot.id or 0), actor="bot", sentiment=1)
    doc = _doc(store, wid)
    assert "title As-is sentiment" in doc and "title To-be sentiment" in doc
    assert "moves from an agent to a bot" in doc
    assert "Touchpoints handled by an agent: 1 → 0 (-1)" in doc
    future_doc = _doc(store, future)
    assert "title As-is sentiment" in future_doc
    assert "Saving: 10,000 per month" in future_doc  # the cards stay on the as-is


def test_hostile_text_stays_inside_its_cell_and_mermaid_label(store: Store) -> None:
    wid = _make(store)
    doc = _doc(store, wid)
    flow = doc.split("```mermaid\nflowchart TD\n", 1)[1].split("```", 1)[0]
    for line in flow.splitlines():
        assert line.count('"') in (0, 2) and "%%" not in line and ";" not in line
    tokens = MarkdownIt("commonmark").enable("table").parse(doc)
    heads = [t for t in tokens if t.type == "th_open"]
    assert len(heads) >= 6
    store.update(Workshop, wid, jtbd_want="")
    assert "Add what the customer wants to get done" in _doc(store, wid)


def _section(doc: str, title: str) -> str:
    return doc.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_tracker_section_lists_sla_commitments_with_owners(store: Store) -> None:
    wid = _make(store)
    store.add(EscalationLevel(workshop_id=wid, position=2, severity="Sev-3"))
    tracker = _section(_doc(store, wid), "Tracker")
    assert "### Support Lead" in tracker and "### Engineering Manager" in tracker
    assert ("| Sev-1: respond within 15 min, update every 30 min | SLA commitment | — | "
            "standing | ongoing |") in tracker
    assert "Sev-3: response SLA not set, update cadence not set" in tracker
    assert "| **NO OWNER/SLA** |" in tracker
    assert "SLA commitments: 3, 1 flagged" in tracker


def test_swimlanes_mark_each_touchpoint_actor_with_a_letter_and_legend(store: Store) -> None:
    wid = _make(store)
    lanes = _section(_doc(store, wid), "Ownership swimlanes")
    assert "**B** Reset bot" in lanes and "**A** Call support" in lanes
    assert ("Actor: **C** self-service, **B** bot, **A** agent, **S** system "
            "(no letter: not said).") in lanes
    journey_block = _doc(store, wid).split("title Customer sentiment along the journey", 1)[1]
    assert "[B] Reset bot: 2" in journey_block and "[A] Call support: 1" in journey_block
