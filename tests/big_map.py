"""A big, varied workshop for the tests that guard whole-document output.

The Markdown export is tuned for speed on maps of thousands of rows (issue 18),
and every such change must leave each byte of the document as it was.  The
shipped templates are small and tidy; this map is big and untidy: repeated and
unique names, text with Markdown and Mermaid syntax, controls and several
lines, every actor and lane, moments of truth, documented handoffs, pain points
with five whys, cards in every status with results, and a saved plan.  It is
generated from a seeded random source, so the same arguments give the same rows.
"""

from __future__ import annotations

import datetime as dt
import random

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Handoff, Touchpoint
from models.rules.plan import regenerate_plan
from models.vocab import ACTORS, CARD_STATUSES, LANES, PAIN_KINDS

START = dt.date(2024, 2, 29)
# Fragments a real map holds: plain words, repeats, and text that is syntax somewhere.
WORDS = ["Reset link", "Agent says `reset` | then nothing", "# 1 priority", "- dash start",
         "12. ordered", "> quoted", "<b>bold</b>", "a <- b", "3 < 4", "x@y.z <mail>",
         "&amp; entity", "50% fewer", "section: end", "title here", "2024-01-01 date",
         "tab\there", "two\nlines", "crlf\r\nline", "\x1b[31mred", "emoji 😀", "漢字",
         "[link](x)", "*stars*", "_under_", "~~strike~~", "$math$", "back\\slash",
         "  padded  ", "journeyman", "%%{init}%%", '"quoted"', "{braces}", "semi;colon",
         "Email", "Chat", "Phone", ""]
TEAMS = ["Tier 1", "Tier 2", "Billing | Ops", "Product", "Engineering", "", "tier 1",
         "Security `sec`"]


def _text(rng: random.Random, i: int, unique: float = 0.5) -> str:
    """A fragment, sometimes made unique by its row number (escaping caches see both)."""
    word = rng.choice(WORDS)
    return f"{word} {i}" if rng.random() < unique else word


def build_big_map(store: Store, touchpoints: int = 2000, pains: int = 500,
                  seed: int = 18) -> int:
    """Insert the map in bulk (one transaction per table); return its workshop id."""
    rng = random.Random(seed)
    w = store.create_workshop(title="Big | `map` # 18", persona="Admin <b>", scenario="Locked\nout",
                              start_date=START, evidence_ticket_volume=9000)
    stages = store.load(w.id).stages
    with store.write() as s:
        for i in range(touchpoints):
            stage = stages[i * len(stages) // touchpoints]
            s.add(Touchpoint(stage_id=stage.id, position=i, name=_text(rng, i, 0.8),
                             channel=rng.choice(["web", "Email", "chat | bot", ""]),
                             does=_text(rng, i), thinks=rng.choice(["why?\nreally", "", "hm"]),
                             feels=_text(rng, i, 0.1), sentiment=rng.randint(-2, 2),
                             owner_team=rng.choice(TEAMS), lane=rng.choice(LANES),
                             moment_of_truth=rng.random() < 0.05,
                             actor=rng.choice(["", *ACTORS])))
    tps = store.load(w.id).ordered_touchpoints()
    with store.write() as s:
        for i in range(0, len(tps) - 1, max(1, len(tps) // 40)):
            s.add(Handoff(workshop_id=w.id, from_touchpoint_id=tps[i].id,
                          to_touchpoint_id=tps[i + 1].id, from_team=rng.choice(TEAMS),
                          to_team=rng.choice(TEAMS), what_is_transferred=_text(rng, i),
                          typical_delay=rng.choice(["2 days", "", "1h | more"]),
                          customer_informed=rng.random() < 0.5,
                          is_escalation=rng.random() < 0.3))
        for i in range(pains):
            s.add(PainPoint(workshop_id=w.id,
                            touchpoint_id=rng.choice([None, *(tp.id for tp in tps[:50])])
                            if i % 7 == 0 else rng.choice(tps).id,
                            description=_text(rng, i, 0.9), kind=rng.choice(PAIN_KINDS),
                            impact=rng.randint(1, 3), effort=rng.randint(1, 3),
                            ticket_volume=rng.choice([0, rng.randint(1, 900)]),
                            votes=rng.randint(0, 5), five_whys=rng.choice(["", "a\nb\nc"]),
                            root_cause=_text(rng, i, 0.2), urgent=rng.random() < 0.3,
                            important=rng.random() < 0.5))
    pain_ids = [p.id for p in store.load(w.id).pain_points]
    with store.write() as s:
        for n, pid in enumerate(pain_ids[:60]):
            status = CARD_STATUSES[n % len(CARD_STATUSES)]
            s.add(HypothesisCard(pain_point_id=pid, experiment=_text(rng, n, 0.7),
                                 outcome=_text(rng, n), signal=rng.choice(["30% fewer", ""]),
                                 owner=rng.choice(TEAMS), status=status,
                                 deadline=rng.choice([None, START + dt.timedelta(days=n * 2)]),
                                 result_notes=_text(rng, n) if status == "done" else "",
                                 result_value=1.5 * n if status == "done" else None))
    regenerate_plan(store, w.id)
    return int(w.id)
