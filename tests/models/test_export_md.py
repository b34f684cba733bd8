"""Markdown export: escaping properties, document structure, diagrams, golden files.

Mermaid's lexing of user text is in ``test_export_mermaid_lexing.py``.

The escaping tests do not compare strings with hand-written expectations only:
they parse what was produced with markdown-it-py (for Markdown) or with a
transcription of Mermaid's own lexer rules (for diagrams), and check that any
text comes back as exactly one cell / item / task with the typed content.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from markdown_it import MarkdownIt

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.workshop import Touchpoint
from models.export.markdown import SECTIONS, parse_sections, to_markdown
from models.export.md_text import (
    clean_line,
    md_cell,
    md_inline,
)
from models.export.mermaid import sentiment_score
from models.rules.priority import quadrant
from tests.helpers import as_name
from tests.models.hostile_md import expected_text, hostile_text

TODAY = dt.date(2024, 3, 20)
START = dt.date(2024, 2, 29)
GOLDEN = Path(__file__).parent / "golden"


def md() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def inline_text(token) -> str:  # type: ignore[no-untyped-def]
    """Plain text of an inline token; any markup other than our <br> is a failure."""
    out = []
    for child in token.children or []:
        if child.type == "text":
            out.append(child.content)
        elif child.type == "html_inline" and child.content == "<br>":
            out.append("\n")
        else:
            out.append(f"<<{child.type}>>")
    return "".join(out)


# -- Markdown escaping -----------------------------------------------------------

@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_any_text_is_exactly_one_table_cell_with_the_typed_text(text: str) -> None:
    src = f"| a | b |\n| --- | --- |\n| {md_cell(text)} | x |\n"
    tokens = md().parse(src)
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(cells) == 2
    inline = tokens[[t.type for t in tokens].index("td_open") + 1]
    assert inline_text(inline) == expected_text(text)
    assert "\n" not in md_cell(text)


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_any_text_is_one_list_item_and_one_heading(text: str) -> None:
    assume(expected_text(text))  # the export never writes an empty item or heading
    tokens = md().parse(f"- {md_inline(text)}\n- second\n\n## {md_inline(text)}\n\nafter\n")
    types = [t.type for t in tokens]
    assert types.count("list_item_open") == 2
    assert types.count("heading_open") == 1
    assert types.count("paragraph_open") == 3  # two items, "after"
    inlines = [t for t in tokens if t.type == "inline"]
    assert inline_text(inlines[0]) == expected_text(text)
    assert inline_text(inlines[2]) == expected_text(text)
    assert inline_text(inlines[3]) == "after"


@pytest.mark.parametrize("typed", ["# not a heading", "- not a list", "1. not ordered",
                                   "> not a quote", "```", "    indented", "<div>", "[a](b)",
                                   "**bold**", "a | b", "===", "+ plus", "12) twelve"])
def test_block_syntax_at_the_start_is_plain_text(typed: str) -> None:
    tokens = md().parse(f"- {md_inline(typed)}\n")
    assert [t.type for t in tokens].count("list_item_open") == 1
    inline = next(t for t in tokens if t.type == "inline")
    assert inline_text(inline) == typed.strip()


def test_controls_become_visible_pictures() -> None:
    assert clean_line("a\x1b[31mb\x00") == "a\u241b[31mb\u2400"
    assert md_cell("line1\nline2\r\nline3") == "line1<br>line2<br>line3"
    assert md_cell("Triage & Diagnosis") == "Triage & Diagnosis"
    assert md_cell("&amp;") == "&amp;amp;"



# -- the document ---------------------------------------------------------------

def make_workshop(store: Store, text: str = "") -> int:
    """A small but complete map; ``text`` (if given) is put into every text field."""
    def t(value: str) -> str:
        return text if text else value

    w = store.create_workshop(title=t("Admin locked out"), persona=t("Workspace admin"),
                              scenario=t("Locked out after SSO change"), start_date=START,
                              facilitator=t("Dana"), evidence_notes=t("Q1 tickets"),
                              evidence_ticket_volume=1240)
    journey = store.load(w.id)
    stages = journey.stages
    for stage in stages[:3]:
        from models.db.tables.workshop import Stage
        store.update(Stage, stage.id, name=t(stage.name), description=t("what happens"),
                     kpi_unit=t("%"), kpi_baseline=40.0, kpi_target=20.0)
    specs = [(0, "Searches help", "Tier 1", -1, "frontstage"), (0, "Reads article", "Docs", 0,
             "frontstage"), (1, "Resets password", "Tier 2", -2, "backstage"),
             (2, "Calls support", "", 1, "frontstage")]
    tps = []
    for stage_i, name, team, sentiment, lane in specs:
        tps.append(store.add(Touchpoint(stage_id=stages[stage_i].id, name=t(name),
                                        owner_team=t(team) if team else "", sentiment=sentiment,
                                        lane=lane, does=t("clicks"), thinks=t("why?"),
                                        feels=t("stuck"), channel=t("web"))))
    pains = [(0, "Reset loops back to login", "loop", 3, 1, 900), (2, "No callback", "dead_end",
             2, 3, 200), (1, "Docs outdated", "other", 1, 1, 0), (None, "Billing", "branch", 1, 3,
             50)]
    made = []
    for tp_i, desc, kind, impact, effort, volume in pains:
        made.append(store.add(PainPoint(workshop_id=w.id, description=t(desc), kind=kind,
                                        impact=impact, effort=effort, ticket_volume=volume,
                                        touchpoint_id=tps[tp_i].id if tp_i is not None else None)))
    from models.rules.cards import create_card
    card = create_card(store, made[0].id)
    store.update(HypothesisCard, card.id, owner=as_name(t("Ana")), deadline=dt.date(2024, 3, 15),
                 result_notes=t("halfway"))
    create_card(store, made[1].id)
    return int(w.id)


def test_sections_parse_and_refuse_unknown() -> None:
    assert parse_sections(None) == SECTIONS
    assert parse_sections(["action-plan"]) == ("summary", "pains", "cards", "tracker", "plan",
                                               "review")
    assert parse_sections([" Plan ", "scope"]) == ("scope", "plan")
    with pytest.raises(ValueError, match="Unknown section 'nope'"):
        parse_sections(["plan", "nope"])
    with pytest.raises(ValueError, match="No section"):
        parse_sections(["", " "])


def headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("## ")]


def test_full_document_has_every_section_and_diagram(store: Store) -> None:
    wid = make_workshop(store)
    doc = to_markdown(store.load(wid), today=TODAY)
    assert headings(doc) == ["## Summary", "## Scope", "## Stages and KPIs", "## Touchpoints",
                             "## Ownership swimlanes", "## Handoffs and risks",
                             "## Ranked pain points", "## Hypothesis cards", "## Tracker",
                             "## 60-day plan", "## Leadership review", "## Job to be done",
                             "## Future state and business case", "## Moments of truth"]
    for block in ("```mermaid\njourney", "```mermaid\ngantt", "```mermaid\nquadrantChart"):
        assert block in doc
    assert "    dateFormat YYYY-MM-DD" in doc
    assert "40 % → 20 %" in doc
    assert "We believe" in doc and "We will know we succeeded when" in doc
    # card 1 deadline 2024-03-15 < TODAY and not done: OVERDUE in words
    assert "OVERDUE by 5 days" in doc
    assert to_markdown(store.load(wid), today=TODAY) == doc  # deterministic


def test_action_plan_shorthand_exports_only_those_sections(store: Store) -> None:
    wid = make_workshop(store)
    doc = to_markdown(store.load(wid), today=TODAY, sections=["action-plan"])
    assert headings(doc) == ["## Summary", "## Ranked pain points", "## Hypothesis cards",
                             "## Tracker", "## 60-day plan", "## Leadership review"]
    # the plan keeps its timeline and the ranking its chart; the sentiment journey stays out
    assert doc.count("```mermaid") == 2 and "```mermaid\njourney" not in doc
    only = to_markdown(store.load(wid), today=TODAY, sections=["scope", "diagrams"])
    assert headings(only) == ["## Scope", "## Diagrams"]
    assert only.count("```mermaid") == 3


def test_journey_diagram_maps_sentiment_to_mermaid_scale(store: Store) -> None:
    assert [sentiment_score(s) for s in (-2, -1, 0, 1, 2)] == [1, 2, 3, 4, 5]
    wid = make_workshop(store)
    doc = to_markdown(store.load(wid), today=TODAY, sections=["touchpoints", "diagrams"])
    block = doc.split("```mermaid\njourney\n")[1].split("```")[0]
    assert "        Searches help: 2: Tier 1" in block
    assert "        Resets password: 1: Tier 2" in block
    assert "        Calls support: 4\n" in block  # no owner, no actor
    assert [line.strip() for line in block.splitlines() if "section" in line] == [
        "section Problem Discovery", "section Self-Service Attempt", "section Contact"]


def test_quadrant_points_sit_in_the_quadrant_of_their_rank(store: Store) -> None:
    wid = make_workshop(store)
    journey = store.load(wid)
    for impact in (1, 2, 3):
        for effort in (1, 2, 3):
            store.add(PainPoint(workshop_id=wid, description=f"i{impact}e{effort}",
                                impact=impact, effort=effort))
    doc = to_markdown(store.load(wid), today=TODAY, sections=["pains", "diagrams"])
    block = doc.split("```mermaid\nquadrantChart\n")[1].split("```")[0]
    labels = dict(re.findall(r"quadrant-(\d) \"([^\"]+)\"", block))
    assert labels == {"1": "Big bets", "2": "Quick wins", "3": "Fill-ins", "4": "Money pits"}
    where = {"big_bet": (True, True), "quick_win": (False, True), "fill_in": (False, False),
             "money_pit": (True, False)}  # (x = effort high?, y = impact high?)
    from models.rules.priority import rank_pain_points
    by_rank = {r.rank: r.pain for r in rank_pain_points(store.load(wid))}
    points = [(by_rank[int(n)], x, y) for n, x, y in
              re.findall(r'"(\d+)": \[([\d.]+), ([\d.]+)\]', block)]
    assert len([p for p, _x, _y in points if p.description.startswith("i")]) == 9
    for pain, x, y in points:
        high_effort, high_impact = where[quadrant(pain.impact, pain.effort)]
        assert (float(x) > 0.5) == high_effort and 0 < float(x) < 1
        assert (float(y) > 0.5) == high_impact and 0 < float(y) < 1
    assert journey.workshop.id == wid


def test_gantt_has_a_section_per_phase_and_saved_plan_is_used(store: Store) -> None:
    from models.rules.plan import regenerate_plan
    wid = make_workshop(store)
    doc = to_markdown(store.load(wid), today=TODAY, sections=["plan", "diagrams"])
    assert "not saved yet" in doc
    tasks = regenerate_plan(store, wid, start=dt.date(2024, 6, 1))  # a Saturday
    store.update(PlanTask, tasks[0].id, status="done")
    doc = to_markdown(store.load(wid), today=TODAY, sections=["plan", "diagrams"])
    assert "not saved yet" not in doc
    gantt = doc.split("```mermaid\ngantt\n")[1].split("```")[0]
    sections = [line.strip() for line in gantt.splitlines() if line.strip().startswith("section")]
    assert sections == ["section Weeks 1-2", "section Weeks 3-4", "section Weeks 5-6",
                        "section Day 30", "section Weeks 7-8", "section Day 60",
                        "section Queued cards"]
    assert ":done, t1, 2024-06-01, 14d" in gantt
    assert re.search(r":milestone, t5, \d{4}-\d\d-\d\d, 0d", gantt)
    assert re.search(r":milestone, t7, \d{4}-\d\d-\d\d, 0d", gantt)


# -- every table keeps its shape, for hostile text in every field ---------------

def table_shapes(text: str) -> list[list[int]]:
    """Cells per row of every table markdown-it finds."""
    shapes: list[list[int]] = []
    row = 0
    for token in md().parse(text):
        if token.type == "table_open":
            shapes.append([])
        elif token.type == "tr_open":
            row = 0
        elif token.type in ("th_open", "td_open"):
            row += 1
        elif token.type == "tr_close":
            shapes[-1].append(row)
    return shapes


def assert_tables_intact(doc: str) -> None:
    shapes = table_shapes(doc)
    assert shapes, "no table found"
    for shape in shapes:
        assert len(set(shape)) == 1, shape
    # every "| ... |" line we wrote belongs to a parsed table row
    written = sum(1 for line in doc.splitlines() if line.startswith("| ")
                  and not line.startswith("| ---"))
    assert written == sum(len(s) for s in shapes)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
# The store refuses NUL (tests/models/test_safety_values.py); everything else goes in.
@given(hostile_text.map(lambda s: s.replace("\x00", "")).filter(lambda s: s.strip() != ""))
def test_hostile_text_in_every_field_keeps_every_table(tmp_path_factory: pytest.TempPathFactory,
                                                        text: str) -> None:
    path = tmp_path_factory.mktemp("hostile") / "h.db"
    with Store(path, who=as_name(text) or "x") as store:  # names hold no control character
        wid = make_workshop(store, text)
        doc = to_markdown(store.load(wid), today=TODAY)
    assert_tables_intact(doc)
    assert headings(doc)[0] == "## Summary" and len(headings(doc)) == 14
    assert doc.count("```mermaid") == 3 and doc.count("```") == 6
    doc.encode("utf-8")


# -- golden files -----------------------------------------------------------------

def _template_names() -> list[str]:
    try:
        from models.export.templates import list_templates
    except ImportError:  # pragma: no cover - templates land separately
        return []
    return [t.name for t in list_templates()]


@pytest.mark.parametrize("name", _template_names())
def test_golden_markdown_of_each_template(store: Store, name: str) -> None:
    from models.export.templates import create_from_template
    wid = create_from_template(store, name, start_date=START)
    doc = to_markdown(store.load(wid), today=TODAY)
    assert_tables_intact(doc)
    golden = GOLDEN / f"{name}.md"
    if os.environ.get("JOURNEYMAP_UPDATE_GOLDEN") == "1" or not golden.exists():
        if os.environ.get("JOURNEYMAP_UPDATE_GOLDEN") != "1":
            pytest.fail(f"missing golden file {golden}; run with JOURNEYMAP_UPDATE_GOLDEN=1")
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(doc, encoding="utf-8")
    assert doc == golden.read_text(encoding="utf-8")


def test_templates_are_shipped() -> None:
    assert _template_names(), "no shipped templates found"


def test_markdown_keeps_arrows_and_escapes_only_real_syntax() -> None:
    assert md_inline("Support -> Engineering") == "Support -> Engineering"
    assert md_cell("x <- y, 3 < 4 > 2") == "x <- y, 3 < 4 > 2"
    assert md_inline("> not a quote") == "\\> not a quote"
    assert md_cell("<b>bold</b> <!-- c --> <https://x>") == (
        "&lt;b>bold&lt;/b> &lt;!-- c --> &lt;https://x>")
