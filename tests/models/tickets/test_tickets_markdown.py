"""The Markdown export's "Measured" section: provenance, trends, unavailable reasons,
card signals, and text from the data escaped like any user text."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from markdown_it import MarkdownIt

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.export.markdown import to_markdown
from models.tickets import links, storage

ZENDESK = Path(__file__).parent / "fixtures" / "zendesk_tickets.csv"
TODAY = dt.date(2026, 11, 29)


def test_measured_section_with_provenance_and_signals(store: Store, tmp_path: Path) -> None:
    wid = int(store.create_workshop(title="Measured").id or 0)
    assert "## Measured" not in to_markdown(store.load(wid), today=TODAY)
    hostile = tmp_path / "march | `x` # [b].csv"
    shutil.copy(ZENDESK, hostile)
    pain = store.add(PainPoint(workshop_id=wid, description="reopened incidents"))
    card = store.add(HypothesisCard(pain_point_id=pain.id, experiment="Fix emails"))
    storage.import_file(store, wid, hostile)
    links.set_link(store, wid, "Question", stage="Contact")
    links.link_card(store, wid, int(card.id or 0), metric="reassigned_rate",
                      group="all", target="-30%")
    text = to_markdown(store.load(wid), today=TODAY)
    section = text.split("## Measured", 1)[1].split("\n## ", 1)[0]
    assert "march \\| \\`x\\` \\# \\[b\\].csv" in section or "march \\|" in section
    assert "2024-03..2024-04" in section
    assert "| Tickets | ▁▁ | 2024-03: 6 | 2024-04: 6 |" in section
    assert "not available: the export has no SLA column" in section
    assert "| Fix emails | reassigned\\_rate of all | -30% vs baseline | met |" in section
    assert "| Contact | First contact resolution (FCR) | Question | █▁ | 2024-03: 100% |" in section
    assert "First contact resolution is a proxy here" in section
    # the tables stay tables: every row has the header's number of cells
    tokens = MarkdownIt("commonmark").enable("table").parse(section)
    assert sum(t.type == "table_open" for t in tokens) == 3


def test_word_csat_shows_the_satisfied_share_its_reason_points_to(store: Store) -> None:
    """Zendesk's Good/Bad answers have no 1-5 mean: the CSAT mean row says "see the
    satisfied share", and before session 14 the section had no such row (the Data screen
    and ``tickets show`` did): the one CSAT figure of the export was missing from the
    document."""
    wid = int(store.create_workshop(title="Measured").id or 0)
    storage.import_file(store, wid, ZENDESK)
    text = to_markdown(store.load(wid), today=TODAY)
    section = text.split("## Measured", 1)[1].split("\n## ", 1)[0]
    assert "see the satisfied share" in section
    assert "| CSAT satisfied share |" in section
