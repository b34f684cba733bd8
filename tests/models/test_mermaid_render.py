"""Every Mermaid block of every template's export, rendered by the real Mermaid.

The lexer transcriptions in ``test_export_md`` are fast but are our reading of
Mermaid; this renders the documents with ``mmdc`` (Mermaid CLI in a headless
Chromium, installed by ``.ci/run``) and checks what a reader would see: no
parse error, the typed text exactly, and a quadrant chart whose labels neither
overlap nor leave the picture.  All blocks go through ONE ``mmdc`` call (a
Markdown file in, one SVG per block out) because each call starts a browser.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Stage, Touchpoint
from models.export.future_copy import create_future_copy
from models.export.markdown import to_markdown
from models.export.templates import create_from_template, list_templates

ROOT = Path(__file__).resolve().parents[2]
MMDC = ROOT / ".ci" / "node_modules" / ".bin" / "mmdc"
CHROMIUM = Path(os.environ.get("PUPPETEER_EXECUTABLE_PATH", "/usr/bin/chromium"))
TODAY = dt.date(2024, 3, 20)
START = dt.date(2024, 2, 29)
HOSTILE = 'a: b #1; "c" {{d}} -> 5% <br> x'
BLOCK = re.compile(r"```mermaid\n(.*?)```", re.DOTALL)


def _mmdc() -> str:
    found = str(MMDC) if MMDC.exists() else shutil.which("mmdc")
    if not found:
        pytest.skip("Mermaid CLI (mmdc) is not installed: run .ci/run, which installs "
                    "@mermaid-js/mermaid-cli into .ci/node_modules")
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM}: apt-get install chromium "
                    "(or set PUPPETEER_EXECUTABLE_PATH)")
    return found


def _documents(tmp: Path) -> dict[str, str]:
    docs = {}
    store = Store(tmp / "render.db", who="tester")
    for info in list_templates():
        wid = create_from_template(store, info.name, start_date=START)
        docs[info.name] = to_markdown(store.load(wid), today=TODAY)
    wid = create_from_template(store, "login-lockout", start_date=START)
    journey = store.load(wid)
    store.update(Stage, journey.stages[0].id, name=HOSTILE)
    store.update(Touchpoint, journey.ordered_touchpoints()[0].id, name=HOSTILE,
                 owner_team="Tier 1, Tier 2")
    store.update(HypothesisCard, journey.cards[0].id, experiment=HOSTILE)
    docs["hostile"] = to_markdown(store.load(wid), today=TODAY)
    # the worst case for the quadrant: all 20 drawn points in one cell, and every cell used
    crowded = store.create_workshop(title="crowded", start_date=START).id
    for n in range(20):
        store.add(PainPoint(workshop_id=crowded, description=f"p{n}", impact=3, effort=1,
                            ticket_volume=1000 - n))
    for impact in (1, 2, 3):
        for effort in (1, 2, 3):
            store.add(PainPoint(workshop_id=crowded, description=f"i{impact}e{effort}",
                                impact=impact, effort=effort))
    docs["crowded"] = to_markdown(store.load(crowded), today=TODAY, sections=["pains"])
    spread = store.create_workshop(title="spread", start_date=START).id
    for impact in (1, 2, 3):
        for effort in (1, 2, 3):
            for twin in "ab":
                store.add(PainPoint(workshop_id=spread, description=f"i{impact}e{effort}{twin}",
                                    impact=impact, effort=effort))
    docs["spread"] = to_markdown(store.load(spread), today=TODAY, sections=["pains"])
    # a future state built from a template: both sentiment journeys and the to-be's
    # escalation flowchart, with a touchpoint the redesign hands to a bot
    as_is = create_from_template(store, "password-reset-bot", start_date=START)
    future = create_future_copy(store, as_is)
    moved = store.load(future).ordered_touchpoints()[1]
    store.update(Touchpoint, int(moved.id or 0), actor="bot", sentiment=1,
                 name=f"Bot: {HOSTILE}", bot_escalation_rule="after 2 failed checks")
    pair = [store.load(as_is), store.load(future)]
    docs["future"] = to_markdown(pair[1], today=TODAY, portfolio=pair)
    store.close()
    return docs


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, str]]:
    """(document, diagram kind, SVG text) for every Mermaid block of every document."""
    mmdc = _mmdc()
    tmp = tmp_path_factory.mktemp("mermaid")
    blocks = [(name, block) for name, doc in _documents(tmp).items()
              for block in BLOCK.findall(doc)]
    source = tmp / "all.md"
    source.write_text("\n\n".join(f"```mermaid\n{b}```" for _name, b in blocks),
                      encoding="utf-8")
    config = tmp / "puppeteer.json"
    config.write_text(json.dumps({"executablePath": str(CHROMIUM),
                                  "args": ["--no-sandbox", "--disable-gpu",
                                           "--disable-dev-shm-usage"]}))
    done = subprocess.run([mmdc, "-p", str(config), "-i", str(source), "-o",
                           str(tmp / "out.md")], capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    out = []
    for n, (name, block) in enumerate(blocks, start=1):
        svg = (tmp / f"out-{n}.svg").read_text(encoding="utf-8")
        out.append((name, block.split("\n", 1)[0].strip(), svg))
    return out


def _texts(svg: str) -> list[tuple[str, float, float, float, str]]:
    """(text, x, y, font size, rotation) of every SVG text placed by a transform."""
    found = []
    for m in re.finditer(r'<text[^>]*font-size="([\d.]+)"[^>]*transform="translate\(([-\d.]+), '
                         r'([-\d.]+)\) rotate\(([-\d.]+)\)"[^>]*>([^<]*)</text>', svg):
        size, x, y, rot, text = m.groups()
        found.append((html.unescape(text), float(x), float(y), float(size), rot))
    return found


def test_every_block_renders_without_error(rendered: list[tuple[str, str, str]]) -> None:
    kinds = {kind for _n, kind, _s in rendered}
    # the escalation path's flowchart comes with the escalation and bot templates
    assert kinds == {"journey", "gantt", "quadrantChart", "flowchart TD"}
    assert len({name for name, _k, _s in rendered}) == len(list_templates()) + 4
    for name, kind, svg in rendered:
        assert "Syntax error" not in svg and "Parse error" not in svg, (name, kind)
        assert "<svg" in svg


def test_typed_text_shows_exactly(rendered: list[tuple[str, str, str]]) -> None:
    hostile = {kind: html.unescape(re.sub(r"<[^>]+>", "\n", svg))
               for name, kind, svg in rendered if name == "hostile"}
    assert HOSTILE in hostile["journey"].splitlines()  # a section title
    assert "Tier 1, Tier 2" in hostile["journey"]
    assert f"Ship one fix: {HOSTILE}" in hostile["gantt"]


def test_the_future_state_draws_both_sentiment_journeys(
        rendered: list[tuple[str, str, str]]) -> None:
    journeys = [html.unescape(re.sub(r"<[^>]+>", "\n", svg))
                for name, kind, svg in rendered if name == "future" and kind == "journey"]
    titles = [line for text in journeys for line in text.splitlines()
              if line.endswith(" sentiment") or "sentiment along" in line]
    assert "As-is sentiment" in titles and "To-be sentiment" in titles
    assert any("[B] Bot" in " ".join(text.split()) for text in journeys)
    kinds = {kind for name, kind, _svg in rendered if name == "future"}
    # a to-be design has no 60-day plan of its own (its live map has): no gantt
    assert kinds == {"journey", "quadrantChart", "flowchart TD"}


def test_quadrant_labels_never_overlap_nor_leave_the_chart(
        rendered: list[tuple[str, str, str]]) -> None:
    charts = [(name, svg) for name, kind, svg in rendered if kind == "quadrantChart"]
    assert charts
    for name, svg in charts:
        width = float(re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+)', svg).group(1))
        texts = _texts(svg)
        assert "Pain points by impact and effort" in [t[0] for t in texts]  # no literal quotes
        boxes = []
        for text, x, y, size, rot in texts:
            if rot != "0" or not text.strip():
                continue
            half = 0.3 * size * len(text)  # about 0.6 em per character, centred
            assert x - half >= 0 and x + half <= width, (name, text, x)
            boxes.append((text, x - half, x + half, y, y + size))
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                overlap = a[1] < b[2] and b[1] < a[2] and a[3] < b[4] and b[3] < a[4]
                assert not overlap, (name, a, b)
