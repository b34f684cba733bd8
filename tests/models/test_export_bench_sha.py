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
Session 14 (new17) re-pinned Future state and business case: a map with no to-be copy says
the keys to press ("in the app press U, then f"), not "the Future state action".
Session 15 (demo19) re-pinned Hypothesis cards and Future state and business case: a
card's signal typed as a noun phrase reads "… succeeded when we see …", an output fix.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from models.db.journey import Journey
from models.export.markdown import to_markdown
from models.rules.memo import one_snapshot
from tests.models.bench_map import TODAY, build, read_map

WHOLE = "842ea41f7e1b8136990dde1c1edd1487293fd359ca598e7eb4c028e69478cb25"
SECTIONS: dict[str, str] = {
    '': '94604da6ffa4dcfa380d4c5998cfe615bca64ba27a9e6bfc5749d3c545f1dd05',
    'Summary': '9865dc9cfedd48fb531b36db50876abda01ddc59ad8f727a5d0019e7ac22deac',
    'Scope': '952e94bd7a22a232b24bd8e79cfef58a5344520d7c46b9114507fa4f4677c512',
    'Stages and KPIs': 'a8bb4417566fa199d9332c18317d6d720eede4aadbb6620e6d457ff314aa934f',
    'Touchpoints': 'e55d45e5b9579434208c665051834d7dbec453767dd49d44c5e5a1a5f748dc0b',
    'Ownership swimlanes': '37266e90f608b3f56a0f201d01d61296cad1c5e92426c4b6a96dbfddc0858554',
    'Handoffs and risks': 'e83e3a9c41e663bb0bfecca8951b3af45bf6faab4af6f47359bc34a784bf345c',
    'Ranked pain points': 'b28358913f9e1129f164093a58f1b903ae639cb2c5704845930f22c4925f1449',
    'Hypothesis cards': '3c2f64103cdf376e4387f29469c6503f9c98de7c336dcd31c793aec0c12feb4d',
    'Tracker': 'c628b8a05e094fbd5d3af0b54693f282fe1df38db8b19c7f0797f37a16121692',
    '60-day plan': 'bc6067d90bb64b7f030d886cceb545489d0ad754d71dbdc899b5baf004190056',
    'Leadership review': '9925306578f8a8c1bf88892e67436f6f558a2ea70ef30644882cd1eeed827ac7',
    'Job to be done': '6348d7b452c5e082c8ce55bbda8da979627559d87d85d1a6d21f57dc167fa12b',
    'Future state and business case':
        '6e7563c66b03b70974115d2ad0634e746b6d23a288bed7716eca86da3d259d8a',
    'Moments of truth': 'c8c68a890c173a3988c2b8a1df29ebaafd63b63f172d5b2d1685f92f46ba4f1b',
}


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


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> tuple[Journey, list[Journey]]:
    db = tmp_path_factory.mktemp("bench") / "bench.db"
    return read_map(db, build(db))


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
    small, others = read_map(db, build(db, touchpoints=30, pains=8))
    alone = to_markdown(small, today=TODAY, portfolio=others)
    journey, portfolio = bench
    with one_snapshot():
        first = to_markdown(journey, today=TODAY, portfolio=portfolio)
        second = to_markdown(small, today=TODAY, portfolio=others)
    assert (first, second) == (document, alone)
    assert _sha(alone) != WHOLE
