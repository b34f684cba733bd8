"""`export` on the team server reads with plain psycopg, never the ORM, and writes the same bytes.

The server twin of ``test_cli_export_light``: the Markdown of a map on PostgreSQL
must be the store's document (the path every other command takes) and the same
file's export of the same map, for the bench map (``tests/models/bench_map.py``)
and for a map of hostile text.  No timing here: ``bench/export_server.py`` measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Stage, Touchpoint
from models.export.markdown import to_markdown
from tests.cli.console_probe import TODAY, run_cli
from tests.helpers import as_name, build_workshop
from tests.models import bench_map
from tui.cli.export import whole_portfolio

# Markup, escapes, a terminal clear, bidi overrides, a joined emoji, table and code
# syntax, formula starters, and every parameter style a driver might read.
HOSTILE = ("[bold]x[/] \x1b[2J `a` | b\t<script>‮evil‬ 👩‍💻 =1+1 "
           "%s ? %(k)s $1 :name '; DROP TABLE stage;-- \\ \r\nend")


def store_document(db: Path | str, wid: int) -> bytes:
    """The Markdown the store's path gives (what ``export`` did on a server before)."""
    with Store(db, read_only=True) as store:
        journey = store.load(wid)
        portfolio = whole_portfolio(store, journey)
    return to_markdown(journey, today=TODAY, portfolio=portfolio).encode("utf-8")


def hostile_map(db: Path | str) -> int:
    """The lockout map with hostile text in names, notes, pain points and a card."""
    with Store(db, who="Lea") as store:
        wid = build_workshop(store)
        journey = store.load(wid)
        store.update(Stage, int(journey.stages[0].id or 0), name=HOSTILE)
        tp = journey.ordered_touchpoints()[0]
        store.update(Touchpoint, int(tp.id or 0), name=HOSTILE, does=HOSTILE,
                     owner_team=HOSTILE)
        pain = store.add(PainPoint(workshop_id=wid, touchpoint_id=tp.id, description=HOSTILE,
                                   kind="loop", impact=3, effort=1, ticket_volume=40))
        store.add(HypothesisCard(pain_point_id=pain.id, experiment=HOSTILE,
                                 owner=as_name(HOSTILE)))  # a name holds no control character
        store.create_workshop(title=HOSTILE)  # the review compares the portfolio
    return wid


@pytest.mark.parametrize("build", [bench_map.build, hostile_map], ids=["bench", "hostile"])
def test_export_md_on_a_server_is_the_store_document_and_the_files(
        pg_url: str, tmp_path: Path, build: object) -> None:
    wid = build(pg_url)  # type: ignore[operator]
    file_wid = build(tmp_path / "same.db")  # type: ignore[operator]
    expected = store_document(pg_url, wid)
    out = run_cli(pg_url, "export", str(wid), "--format", "md")
    assert out.returncode == 0, out.stderr
    assert b"HEAVY []" in out.stderr  # psycopg alone: no SQLAlchemy, no SQLModel
    assert out.stdout == expected
    in_file = run_cli(tmp_path / "same.db", "export", str(file_wid), "--format", "md")
    assert in_file.returncode == 0, in_file.stderr
    assert in_file.stdout == out.stdout


def test_csv_and_ics_on_a_server_skip_the_orm_too(pg_url: str) -> None:
    wid = hostile_map(pg_url)
    for fmt in ("csv", "ics"):
        out = run_cli(pg_url, "export", str(wid), "--format", fmt)
        assert out.returncode == 0, out.stderr
        assert b"HEAVY []" in out.stderr


def test_what_the_light_read_refuses_is_the_store_sentence_without_the_password(
        pg_url: str) -> None:
    wid = hostile_map(pg_url)
    out = run_cli(pg_url, "export", str(wid + 10), "--format", "md")
    assert out.returncode == 1
    assert f"There is no workshop {wid + 10} in ".encode() in out.stderr
    wrong = make_url(pg_url).set(password="not-the-password").render_as_string(
        hide_password=False)
    out = run_cli(wrong, "export", str(wid), "--format", "md")
    assert out.returncode == 1
    assert b"refused the password" in out.stderr
    assert b"not-the-password" not in out.stderr and b"Traceback" not in out.stderr
