"""A workshop whose every name is 60-120 characters of hostile text (issue 12, point 6).

Apart from ``tests/helpers.py`` because only the TUI's column and long-name
snapshot tests use it, and helpers.py stays under 400 lines.
"""

from __future__ import annotations

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Stage, Touchpoint
from models.rules.plan import regenerate_plan
from tests.helpers import START, freeze

# 60-120 characters each, hostile on purpose: markup, emoji (two cells wide), right-to-left.
LONG_STAGES = [
    ("[bold]Problem discovery[/bold] when the admin first notices that nobody can sign in 🔒",
     "Search-to-ticket ratio on the help center", 0.42, 0.25, "ratio"),
    ("Self-service attempt through the help centre and the password reset flow 📚🔁",
     "Deflection rate", 18, 35, "%"),
    ("Contact: the admin opens a chat, waits for the bot, then asks for a human — مرحبا بكم",
     "First contact resolution (FCR)", 41, 70, "%"),
    ("Triage and diagnosis by Tier 2 and Engineering while the tenant stays locked out",
     "Time to resolution", 26, 8, "hours"),
]
LONG_TOUCHPOINTS = [
    # (stage index, name, channel, sentiment, lane, owner, moment of truth, actor)
    (0, "[red]Login fails[/red] right after the SSO change and the error says nothing useful 😡",
     "In-app", -1, "frontstage", "Product [b]Core[/b] Identity & Access Management", False,
     "customer"),
    (1, "Clicks “Forgot password” and reads a help article written for a different product 📄",
     "Help center", 0, "frontstage", "Product [b]Core[/b] Identity & Access Management", False,
     "customer"),
    (2, "Opens a chat with the support bot that asks the same security questions twice 🤖",
     "Chat", -2, "frontstage", "Support Tier 1 — Europe, Middle East and Africa", True, "bot"),
    (2, "يتحدث مع وكيل الدعم الذي يطلب التحقق من الهوية مرة أخرى بعد المحادثة مع الروبوت",
     "Chat", -1, "frontstage", "Support Tier 1 — Europe, Middle East and Africa", True,
     "agent"),
    (3, "Escalated to Tier 2 with a ticket that does not carry the bot transcript or the logs",
     "Internal", -2, "backstage", "Tier 2 Identity Specialists and On-call Engineering", False,
     "agent"),
]
LONG_PAINS = [
    ("[bold]Reset link loops back to SSO[/bold]: the customer never gets in and opens ticket "
     "after ticket 🔁", "loop", 3, 1, 1240, 2),
    ("Security questions asked twice (bot, then Tier 1), and again by Tier 2 — "
     "مرة أخرى بعد المحادثة", "loop", 2, 1, 860, 3),
    ("No status at all while Tier 2 investigates, so admins call the account manager instead",
     "dead_end", 3, 2, 410, 4),
]


def long_names_workshop(store: Store) -> int:
    """A workshop whose every name is 60-120 characters of hostile text (issue 12, point 6).

    Used by the 80x24 snapshots that check which columns survive long names:
    numbers, states and flags must stay whole, free text is cut with an ellipsis.
    """
    w = store.create_workshop(
        default_stages=False,
        title="[bold]Admin locked out[/bold] after the SSO change on a 200-seat workspace 🔒 — "
              "مرحبا",
        persona="Workspace admin of a 200-seat customer on the Enterprise plan, EMEA region 👩‍💼",
        scenario="Locked out after the identity provider switched to SAML and the reset link "
                 "loops back to SSO",
        evidence_ticket_volume=1240, evidence_resolution_time="26 h median",
        facilitator="Dana [i]Support Ops[/i] 🎯", start_date="2026-03-02")
    wid = int(w.id or 0)
    stages = [store.add(Stage(workshop_id=wid, name=name, kpi_name=kpi, kpi_baseline=base,
                              kpi_target=target, kpi_unit=unit))
              for name, kpi, base, target, unit in LONG_STAGES]
    tps = [store.add(Touchpoint(stage_id=int(stages[i].id or 0), name=name, channel=channel,
                                sentiment=sentiment, lane=lane, owner_team=team,
                                moment_of_truth=mot, actor=actor))
           for i, name, channel, sentiment, lane, team, mot, actor in LONG_TOUCHPOINTS]
    for desc, kind, impact, effort, volume, tp_index in LONG_PAINS:
        store.add(PainPoint(workshop_id=wid, touchpoint_id=tps[tp_index].id, description=desc,
                            kind=kind, impact=impact, effort=effort, ticket_volume=volume))
    from models.rules.cards import create_card, ordered_cards

    for pain in store.load(wid).pain_points:
        create_card(store, int(pain.id or 0))
    regenerate_plan(store, wid, START)
    cards = ordered_cards(store.load(wid))
    if cards:
        store.update(HypothesisCard, int(cards[0].id or 0), owner="Priya [b]Natarajan[/b] 🙂",
                     deadline="2026-03-13", status="in_progress")
    freeze(store, wid)
    return wid
