"""One row of every table with a non-default value in every field.

The store's round-trip tests and the portfolio copy both need a workshop that
exercises every column (user text with markup, newlines and three scripts in it), so
that a field the copy or the reload drops shows up as a difference.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import SQLModel

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask, Vote
from models.db.tables.history import ChangeLog
from models.db.tables.method import ChannelCost, EscalationLevel
from models.db.tables.seats import Participant
from models.db.tables.tickets import Reading, TicketSource
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop

UTC = dt.UTC
WHEN = dt.datetime(2026, 3, 2, 14, 5, 6, 789000, tzinfo=UTC)
DAY = dt.date(2026, 3, 2)
TRICKY = "[bold]x[/] | `tick` \n second line 🙂 中文 עברית"


def build_full(store: Store, tag: str = "a") -> dict[str, SQLModel]:
    """One row of every table with non-default values in every field."""
    w = store.add(Workshop(
        title=f"Login lockout {tag}", persona=f"Admin {TRICKY}", scenario="locked out",
        persona_goal="get back in", business_goal="fewer tickets", evidence_ticket_volume=1240,
        evidence_resolution_time="3 days", evidence_transfer_rate="40%", evidence_csat="3.1",
        evidence_notes="from Zendesk", facilitator="Ana", start_date=DAY, state="future",
        template="login-lockout", current_step="pains", max_handoffs=5, lead="Ana",
        step_minutes=20, timer_step="stages", timer_ends_at=WHEN, votes_per_participant=5,
        votes_revealed=True, gather_step="touchpoints", gather_at=WHEN, created_at=WHEN,
        updated_at=WHEN, jtbd_when="when locked out",
        jtbd_want="get back in", jtbd_so_that=TRICKY, last_reviewed_at=DAY))
    st = store.add(Stage(workshop_id=w.id, position=3, name="Contact", description=TRICKY,
                         kpi_name="FCR", kpi_baseline=41.5, kpi_target=70.25, kpi_unit="%"))
    tp1 = store.add(Touchpoint(stage_id=st.id, position=1, name="Chat", channel="chat",
                               does="types", thinks="why", feels="angry", sentiment=-2,
                               lane="backstage", owner_team="Tier 1", moment_of_truth=True,
                               actor="bot", emotion="fears_confirmed", bot_intent="unlock",
                               bot_escalation_rule="after 2 failed codes",
                               bot_context_passed=TRICKY, bot_deflection_rate=0.35))
    tp2 = store.add(Touchpoint(stage_id=st.id, position=2, name="Escalate", channel="email",
                               does="waits", thinks="hm", feels="tired", sentiment=1,
                               lane="frontstage", owner_team="Identity", moment_of_truth=False))
    ho = store.add(Handoff(workshop_id=w.id, from_touchpoint_id=tp1.id, to_touchpoint_id=tp2.id,
                           from_team="Tier 1", to_team="Identity", what_is_transferred="ticket",
                           typical_delay="2 days", customer_informed=True, is_escalation=True,
                           checklist="transcript\nsteps tried"))
    pain = store.add(PainPoint(workshop_id=w.id, touchpoint_id=tp1.id, description=TRICKY,
                               kind="dead_end", impact=3, effort=1, ticket_volume=1240, votes=4,
                               created_at=WHEN, five_whys="no code\nno phone", root_cause=TRICKY,
                               urgent=True, important=True))
    card = store.add(HypothesisCard(pain_point_id=pain.id, experiment="self unlock",
                                    outcome="fewer tickets", signal="-30% tickets", owner="Bo",
                                    deadline=DAY, status="in_progress", result_notes=TRICKY,
                                    result_value=12.5, created_at=WHEN, effect_kind="deflection",
                                    effect_value=40.0))
    task = store.add(PlanTask(workshop_id=w.id, key="baseline", phase="weeks 1-2",
                              title="Baseline KPIs", detail=TRICKY, owner="Cy", start=DAY,
                              deadline=DAY + dt.timedelta(days=13), status="done", edited=True,
                              position=2))
    part = store.add(Participant(workshop_id=w.id, name=f"Dee {tag}", role="observer",
                                 last_seen=WHEN, current_step="cards", following=True,
                                 done_step="stages"))
    vote = store.add(Vote(pain_point_id=pain.id, participant="Dee", created_at=WHEN))
    log = store.add(ChangeLog(workshop_id=w.id, at=WHEN, who="Eve", entity="stage",
                              entity_id=st.id, action="update", field="name", old="A", new="B",
                              summary=TRICKY))
    cost = store.add(ChannelCost(workshop_id=w.id, channel="phone", cost_per_contact=25.0,
                                 handle_minutes=12.5, confirmed=True))
    level = store.add(EscalationLevel(workshop_id=w.id, position=1, severity="Sev-1",
                                      criteria=TRICKY, tier_role="Support Lead",
                                      response_sla_minutes=15, update_every_minutes=30,
                                      channel="war room", early_warning="API health < 90"))
    source = store.add(TicketSource(workshop_id=w.id, file_name=TRICKY, product="zendesk",
                                    columns='{"created": "Created at"}',
                                    links='{"Login": {"stage": 1}}', rows=3, tickets=2,
                                    periods="2024-01", imported_by="w", zone="Europe/Berlin"))
    reading = store.add(Reading(source_id=source.id, workshop_id=w.id, period="2024-01",
                                group_kind="category", group_value=TRICKY, tickets=2,
                                reopened=1, fcr_rate=0.5, fcr_is_proxy=True, csat_mean=None,
                                unavailable='{"csat_mean": "no answered survey"}'))
    return {"source": source, "reading": reading, "cost": cost, "level": level,
            "workshop": w, "stage": st, "tp1": tp1, "tp2": tp2,
            "handoff": ho, "pain": pain, "card": card, "task": task, "participant": part,
            "vote": vote, "log": log}
