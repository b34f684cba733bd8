"""The bench map's Markdown export, byte for byte, pinned by its SHA-256 (issue 18).

``bench/export.py`` times the export of this map; every speed-up of the render
must leave its bytes as they were before (the digests were taken from main at
f33d23fd, before session 9's render work).  The map is rebuilt here from the
bench's recipe, frozen in this file so that a change to the bench cannot move
the goal posts.  Each ``##`` section has its own digest, so a failure names the
section that changed; the whole document's digest catches the joins between them.
Session 10 re-pinned four sections for output fixes, not speed: Hypothesis cards and
60-day plan (a card due before day 29 is planned over its two weeks with a warning,
not as a one-day "Queued cards" task), Future state and business case (agent hours
before/after printed, cards in rank order), Moments of truth (a card-less peak).
Session 11 re-pinned 60-day plan: its first sentence names the next three monthly review
copies on working days ("repeats monthly (next: …)"), an output addition, not speed.
Session 11 (qa12m) re-pinned 60-day plan again: the top card is due on day 11, before the
weeks 3-4 where the plan ships it, and the "Ship one fix" detail now says so (a warning).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from pathlib import Path

import pytest

from models.db.journey import Journey
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Touchpoint
from models.export.markdown import to_markdown
from models.rules.memo import one_snapshot
from models.rules.plan import regenerate_plan
from tui.cli.export_core import light_read

TODAY = dt.date(2024, 3, 20)
WHOLE = "4c29bc674510156991d3ec0c645245fbd7aa83c5fe522c436439634266ac18eb"
SECTIONS: dict[str, str] = {
    '': '94604da6ffa4dcfa380d4c5998cfe615bca64ba27a9e6bfc5749d3c545f1dd05',
    'Summary': '9865dc9cfedd48fb531b36db50876abda01ddc59ad8f727a5d0019e7ac22deac',
    'Scope': '952e94bd7a22a232b24bd8e79cfef58a5344520d7c46b9114507fa4f4677c512',
    'Stages and KPIs': 'a8bb4417566fa199d9332c18317d6d720eede4aadbb6620e6d457ff314aa934f',
    'Touchpoints': 'e55d45e5b9579434208c665051834d7dbec453767dd49d44c5e5a1a5f748dc0b',
    'Ownership swimlanes': '37266e90f608b3f56a0f201d01d61296cad1c5e92426c4b6a96dbfddc0858554',
    'Handoffs and risks': 'e83e3a9c41e663bb0bfecca8951b3af45bf6faab4af6f47359bc34a784bf345c',
    'Ranked pain points': 'b28358913f9e1129f164093a58f1b903ae639cb2c5704845930f22c4925f1449',
    'Hypothesis cards': 'badf789c613f6687581865bead4a08e087becea9b241617ca69243b0605d4f90',
    'Tracker': 'c628b8a05e094fbd5d3af0b54693f282fe1df38db8b19c7f0797f37a16121692',
    '60-day plan': 'bc6067d90bb64b7f030d886cceb545489d0ad754d71dbdc899b5baf004190056',
    'Leadership review': '9925306578f8a8c1bf88892e67436f6f558a2ea70ef30644882cd1eeed827ac7',
    'Job to be done': '6348d7b452c5e082c8ce55bbda8da979627559d87d85d1a6d21f57dc167fa12b',
    'Future state and business case':
        '63e1334b6c6b648f4f4e6cdedf4fe3797970682c31185c92ef3053a4f7beb132',
    'Moments of truth': 'c8c68a890c173a3988c2b8a1df29ebaafd63b63f172d5b2d1685f92f46ba4f1b',
}


def _build(db: Path, touchpoints: int = 2000, pains: int = 500) -> int:
    """``bench/export.py``'s map as it was at f33d23fd: seeded, so always the same rows."""
    rng = random.Random(7)
    teams = ["Tier 1", "Tier 2", "Billing", "Product", "Engineering", ""]
    with Store(db, who="bench") as store:
        w = store.create_workshop(title="Bench journey", persona="Admin", scenario="Locked out",
                                  start_date=dt.date(2024, 2, 29), evidence_ticket_volume=9000)
        wid = int(w.id or 0)
        stages = store.load(wid).stages
        with store.write() as s:
            for i in range(touchpoints):
                stage = stages[i * len(stages) // touchpoints]
                s.add(Touchpoint(stage_id=int(stage.id or 0), position=i,
                                 name=f"Touchpoint {i} | `x`",
                                 channel="web", does=f"does thing {i}", thinks="why?\nreally",
                                 feels="stuck", sentiment=rng.randint(-2, 2),
                                 owner_team=rng.choice(teams),
                                 lane=rng.choice(["frontstage", "backstage"])))
        tp_ids = [int(tp.id or 0) for tp in store.load(wid).ordered_touchpoints()]
        with store.write() as s:
            for i in range(pains):
                s.add(PainPoint(workshop_id=wid, touchpoint_id=rng.choice(tp_ids),
                                description=f"Pain {i}: # loops [again]", kind="loop",
                                impact=rng.randint(1, 3), effort=rng.randint(1, 3),
                                ticket_volume=rng.randint(0, 900), votes=rng.randint(0, 5)))
        pain_ids = [int(p.id or 0) for p in store.load(wid).pain_points]
        with store.write() as s:
            for pid in pain_ids[:50]:
                s.add(HypothesisCard(pain_point_id=pid, experiment=f"Fix {pid}", outcome="less",
                                     signal="30% fewer", owner=rng.choice(teams),
                                     deadline=dt.date(2024, 3, 1) + dt.timedelta(days=pid % 40)))
        regenerate_plan(store, wid)
        return wid


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _by_section(doc: str) -> dict[str, str]:
    """Digest of each ``## `` section (its heading line names it), the title block as ''."""
    parts: dict[str, list[str]] = {"": []}
    current = ""
    for line in doc.split("\n"):
        if line.startswith("## "):
            current = line[3:]
            parts[current] = []
        parts[current].append(line)
    return {name: _sha("\n".join(lines)) for name, lines in parts.items()}


def _read(db: Path, wid: int) -> tuple[Journey, list[Journey]]:
    read = light_read(db, wid, portfolio=True)
    assert read is not None
    return read


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> tuple[Journey, list[Journey]]:
    db = tmp_path_factory.mktemp("bench") / "bench.db"
    return _read(db, _build(db))


@pytest.fixture(scope="module")
def document(bench: tuple[Journey, list[Journey]]) -> str:
    journey, portfolio = bench
    return to_markdown(journey, today=TODAY, portfolio=portfolio)


def test_each_section_is_as_before(document: str) -> None:
    got = _by_section(document)
    assert got.keys() == SECTIONS.keys()
    changed = [name for name in SECTIONS if got[name] != SECTIONS[name]]
    assert not changed, f"sections whose bytes changed: {changed}"


def test_the_whole_document_is_as_before(document: str) -> None:
    assert _sha(document) == WHOLE


def test_two_documents_in_one_snapshot_keep_their_own_answers(
        bench: tuple[Journey, list[Journey]], document: str, tmp_path: Path) -> None:
    """What one export worked out never leaks into another journey's document."""
    db = tmp_path / "small.db"
    small, others = _read(db, _build(db, touchpoints=30, pains=8))
    alone = to_markdown(small, today=TODAY, portfolio=others)
    journey, portfolio = bench
    with one_snapshot():
        first = to_markdown(journey, today=TODAY, portfolio=portfolio)
        second = to_markdown(small, today=TODAY, portfolio=others)
    assert (first, second) == (document, alone)
    assert _sha(alone) != WHOLE
