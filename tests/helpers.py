"""Shared set-up for the tests: realistic workshops and Pilot helpers.

Test modules import from here or a helper module beside them, never from each
other (``tests/architecture/test_test_modules.py``): ``build_workshop`` is
the "Admin locked out" journey of the method with fixed timestamps (Home and
snapshots show them), ``outputs_workshop`` the shipped login-lockout template
with cards in every state for the output screens; ``until`` and ``ready`` wait
by bounded polling of a condition, never by a timed assert.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shlex
import sys
import unicodedata
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop
from models.export.templates import create_from_template
from models.rules.plan import regenerate_plan

TODAY = dt.date(2026, 3, 20)  # what the output tests pin JOURNEYMAP_TODAY to
START = dt.date(2026, 3, 2)
SIZE = (120, 40)  # the terminal of the pairing tests

FIXED = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)

STAGES: list[tuple[str, str, float | None, float | None, str, list[tuple[Any, ...]]]] = [
    ("Problem Discovery", "Search-to-ticket ratio", 0.42, 0.25, "ratio", [
        ("Login fails after SSO change", "In-app", "Tries to sign in", "Is it me or them?",
         "Confused", -1, "frontstage", "Product", False),
    ]),
    ("Self-Service Attempt", "Deflection rate", 18, 35, "%", [
        ("Clicks 'Forgot password'", "Help center", "Requests a reset link",
         "Will this reset my settings?", "Hopeful", 0, "frontstage", "Product", False),
        ("Reset link loops back to SSO", "Email", "Clicks the link again",
         "Why does this keep happening?", "Frustrated", -2, "frontstage", "Engineering", True),
    ]),
    ("Contact", "First contact resolution (FCR)", 41, 70, "%", [
        ("Opens chat with the bot", "Chat", "Explains the lockout", "Can a human help?",
         "Impatient", -1, "frontstage", "Support", False),
        ("Identity checks by Tier 1", "Chat", "Answers security questions",
         "I already told the bot", "Annoyed", -1, "frontstage", "Support", True),
    ]),
    ("Triage & Diagnosis", "Time to resolution", 26, 8, "hours", [
        ("Escalated to Tier 2", "Internal", "Waits", "Nothing is happening", "Anxious", -2,
         "backstage", "Tier 2", False),
        ("Engineering checks SSO config", "Internal", "Waits", "", "", -1, "backstage",
         "", False),
    ]),
    ("Resolution", "Customer effort score (CES)", 5.1, 3, "1-7", [
        ("Admin access restored", "Email", "Signs in", "Finally", "Relieved", 1, "frontstage",
         "Support", True),
    ]),
    ("Follow-Up", "Reopen rate", 12, 5, "%", [
        ("CSAT survey", "Email", "Rates the experience", "Will they fix the root cause?",
         "Neutral", 0, "frontstage", "Support", False),
    ]),
]
PAINS = [
    ("Reset link loops back to SSO: customer never gets in", "loop", 3, 1, 1240, 5, 2),
    ("Security questions asked twice (bot, then Tier 1)", "loop", 2, 1, 860, 3, 4),
    ("No status while Tier 2 investigates", "dead_end", 3, 2, 410, 4, 5),
    ("Escalation path unclear for SSO tenants", "branch", 3, 3, 300, 2, 6),
    ("Survey arrives before access is confirmed", "other", 1, 1, 90, 0, 8),
    ("Help article out of date", "other", 1, 3, 40, 1, 1),
]


def build_workshop(store: Store) -> int:
    """Create the realistic 'Admin locked out' workshop; returns its id."""
    w = store.create_workshop(
        default_stages=False, title="Admin locked out", persona="Workspace admin (200 seats)",
        scenario="Admin locked out after SSO change", persona_goal="Back in within 10 minutes",
        business_goal="Cut repeat contacts on lockouts by 30%", evidence_ticket_volume=1240,
        evidence_resolution_time="26 h median", evidence_transfer_rate="38% to Tier 2",
        evidence_csat="CSAT 3.1 vs 4.2 overall", facilitator="Dana (Support Ops)",
        start_date="2026-03-02")
    wid = int(w.id or 0)
    tps: list[Touchpoint] = []
    for name, kpi, base, target, unit, points in STAGES:
        st = store.add(Stage(workshop_id=wid, name=name, kpi_name=kpi, kpi_baseline=base,
                             kpi_target=target, kpi_unit=unit))
        for (tname, channel, does, thinks, feels, sentiment, lane, team, mot) in points:
            tps.append(store.add(Touchpoint(
                stage_id=int(st.id or 0), name=tname, channel=channel, does=does, thinks=thinks,
                feels=feels, sentiment=sentiment, lane=lane, owner_team=team,
                moment_of_truth=mot)))
    for desc, kind, impact, effort, volume, votes, tp_index in PAINS:
        store.add(PainPoint(workshop_id=wid, touchpoint_id=tps[tp_index].id, description=desc,
                            kind=kind, impact=impact, effort=effort, ticket_volume=volume,
                            votes=votes))
    store.add(Handoff(workshop_id=wid, from_touchpoint_id=int(tps[4].id or 0),
                      to_touchpoint_id=int(tps[5].id or 0),
                      from_team="Support", to_team="Tier 2", what_is_transferred="Ticket + logs",
                      typical_delay="4 h", customer_informed=False))
    freeze(store, wid)
    return wid


def build_workshop_with_cards(store: Store) -> int:
    """``build_workshop`` plus one hypothesis card per pain point ("Fix <pain id>")."""
    wid = build_workshop(store)
    for pain in store.load(wid).pain_points:
        store.add(HypothesisCard(pain_point_id=int(pain.id or 0), experiment=f"Fix {pain.id}"))
    return wid


def freeze(store: Store, workshop_id: int) -> None:
    """Pin the timestamps shown on Home so snapshots do not depend on the clock."""
    with store.write() as s:
        row = s.get(Workshop, workshop_id)
        assert row is not None
        row.updated_at = FIXED
        row.created_at = FIXED


def outputs_workshop(store: Store, *, plan: bool = True, people: bool = True) -> int:
    """login-lockout from the shipped template, with a plan and cards in every state.

    Card 1 (top rank) is overdue and in progress, card 2 is due later, card 3 is
    done with a result, card 4 is left as drafted (flagged: no owner, no deadline).
    A second workshop makes the review's "map next" answer real.
    """
    wid = create_from_template(store, "login-lockout", start_date=START.isoformat(),
                               facilitator="Dana (Support Ops)")
    create_from_template(store, "billing-dispute", start_date=START.isoformat())
    if plan:
        regenerate_plan(store, wid, START)
    if people:
        from models.rules.cards import ordered_cards

        cards = ordered_cards(store.load(wid))
        store.update(HypothesisCard, int(cards[0].id or 0), owner="Priya", deadline="2026-03-13",
                     status="in_progress")
        store.update(HypothesisCard, int(cards[1].id or 0), owner="Marco", deadline="2026-04-10")
        store.update(HypothesisCard, int(cards[2].id or 0), owner="Priya", deadline="2026-03-06",
                     status="done", result_notes="Articles refreshed; fewer repeat tickets.",
                     result_value=12)
    with store.write() as s:
        for w in s.exec(__import__("sqlmodel").select(Workshop)):
            w.created_at = w.updated_at = FIXED
    return wid


async def settle(pilot: Any) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def screen_text(app: Any) -> str:
    """What the terminal would show, as plain text (from Textual's SVG screenshot)."""
    svg = app.export_screenshot()
    return html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg))).replace(
        "\xa0", " ")


async def until(pilots: list[Any], check: Callable[[], bool], rounds: int = 100) -> bool:
    """Let the apps run until ``check`` holds; False if it never does in ``rounds`` polls
    (each a 20 ms pause after every app handled what it was sent: longer under load).
    For a wait on work that keeps progressing for long (the idle prebuild), see
    ``tests.tui.views.all_built``."""
    for _ in range(rounds):
        if check():
            return True
        for pilot in pilots:
            await pilot.pause(0.02)
    return check()


async def handled(pilot: Any, keys: list[Any], rounds: int = 400) -> bool:
    """Let the app run until it has read the last of ``keys`` (posted in one burst) and
    nothing is held or still on its way; False if it never does.

    A check that already holds before the app reads the burst (the table has the
    focus, nothing is held) returned at once, and the test ended the app with the
    burst half typed: on a loaded machine ``Fast 3`` was stored as ``F``."""
    from tui.widgets.typeahead import was_read

    app = pilot.app
    return await until([pilot], lambda: was_read(keys[-1]) and not app.held_input.busy,
                       rounds=rounds)


async def ready(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    assert await until([pilot], lambda: bool(pilot.app.screen.query("PresenceBar")))


@asynccontextmanager
async def two_seats(db: Any, wid: int, step: str, first: str = "lea",
                    second: str = "sam") -> AsyncIterator[tuple[Any, Any, Any, Any]]:
    """Two apps on one database, each with its own seat, both ready: (a, pa, b, pb)."""
    from tui.app.launch import build_app

    a = build_app(db, wid, step=step, who=first)
    b = build_app(db, wid, step=step, who=second)
    async with a.run_test(size=SIZE) as pa, b.run_test(size=SIZE) as pb:
        await ready(pa)
        await ready(pb)
        yield a, pa, b, pb


@asynccontextmanager
async def import_dialog(db: Any, size: tuple[int, int] = (80, 24)
                        ) -> AsyncIterator[tuple[Any, Any, Any, int]]:
    """A new workshop's ticket import dialog, opened by keys over the Data screen:
    (app, pilot, dialog, workshop id)."""
    from models.db.store import Store
    from tui.app.launch import build_app
    from tui.dialogs.ticket_import import TicketImportDialog

    with Store(db, who="tester") as store:
        wid = int(store.create_workshop(title="T").id or 0)
    app = build_app(db, wid, step="scope", who="tester")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("escape", "T")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, TicketImportDialog)
        yield app, pilot, dialog, wid


@asynccontextmanager
async def data_screen_of(db: Any, export: Path) -> AsyncIterator[tuple[Any, Any]]:
    """A new workshop with ``export`` imported, its Data screen opened by keys at 80x24:
    (app, pilot)."""
    from models.tickets import storage
    from tui.app.launch import build_app

    with Store(db, who="tester") as store:
        wid = int(store.create_workshop(title="T").id or 0)
        storage.import_file(store, wid, export)
    app = build_app(db, wid, step="scope", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "T")
        await settle(pilot)
        yield app, pilot


def first_tp(app: Any) -> Touchpoint:
    assert app.journey is not None
    return app.journey.ordered_touchpoints()[0]


def count_rankings(monkeypatch: Any) -> list[int]:
    """Count calls of the pain-point ranking (cost tests count work, never time)."""
    from models.rules import priority

    calls: list[int] = []
    real = priority.rank_pain_points

    def counted(journey: Any) -> Any:
        calls.append(1)
        return real(journey)

    monkeypatch.setattr(priority, "rank_pain_points", counted)
    return calls


def workshop_row(db: Path, wid: int) -> Workshop:
    """The workshop as stored, read through a store of its own."""
    with Store(db, who="check") as s:
        return s.get_workshop(wid)


def stage_row(db: Path, stage_id: int) -> Stage | None:
    with Store(db, who="check") as s, s.read() as session:
        return session.get(Stage, stage_id)


def planned_workshop(db: Path, start: dt.date | None = None) -> int:
    """The 'Admin locked out' workshop with its plan generated (from ``start``); its id."""
    with Store(db, who="lea") as store:
        wid = build_workshop(store)
        regenerate_plan(store, wid, start)
        return wid


def second_workshop(db: Path) -> tuple[int, int]:
    """Workshop B (title 'Billing [red]x[/]') with a plan; returns (B id, a B task id)."""
    with Store(db, who="lea") as store:
        other = build_workshop(store)
        store.update(Workshop, other, title="Billing [red]x[/]")
        tasks = regenerate_plan(store, other)
        return other, int(tasks[0].id or 0)


async def type_kpi(pilot: Any, app: Any, stage_id: int, name: str) -> None:
    """Select a stage on the Stages step and type its KPI name as a person would."""
    view = app.screen.view("stages")
    view.select(str(stage_id))
    await pilot.pause()
    view.form.field("kpi_name").focus()
    await pilot.pause()
    await pilot.press("ctrl+a", "ctrl+k", *name, "enter")
    await pilot.pause()


def journeymap_command() -> list[str]:
    """How to run the CLI under test without relying on PATH.

    The console script installed next to this interpreter (the venv's
    ``bin/journeymap``), else ``python -m tui.cli`` with the same interpreter.
    """
    script = Path(sys.executable).with_name("journeymap")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui.cli"]


def journeymap_shell() -> str:
    """``journeymap_command`` as one shell word sequence (tmux, ssh forced commands)."""
    return " ".join(shlex.quote(part) for part in journeymap_command())


def as_account(monkeypatch: Any, name: str) -> None:
    """Run as the OS login ``name`` (what ``access.current_account`` reads from the uid)."""
    from models.db import access

    monkeypatch.setattr(access, "current_account", lambda: name)
    monkeypatch.setattr("models.db.store.current_account", lambda: name)


def run_cli(db_path: Path, *args: str) -> tuple[int, str, str]:
    """``journeymap --db DB ARGS`` in process (Typer's runner): exit code, stdout, stderr.
    Anything raised but an exit fails the test: a traceback is never an answer."""
    return run_cli_input(db_path, None, *args)


def run_cli_input(db_path: Path, typed: str | None, *args: str) -> tuple[int, str, str]:
    """``run_cli`` with ``typed`` as what the person answers on stdin."""
    from typer.testing import CliRunner

    from tui.cli.main import app

    done = CliRunner().invoke(app, ["--db", str(db_path), *args], input=typed)
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
    return done.exit_code, done.stdout, done.stderr


def storable(text: str) -> bool:
    """Whether a pain point's description accepts ``text`` (the field check refuses a NUL,
    a lone surrogate, too long): what a property test may type."""
    from models.db.fields import FieldError, coerce

    try:
        coerce(PainPoint, "description", text)
    except FieldError:
        return False
    return True


def observed_by_olga(db: Path, monkeypatch: Any) -> int:
    """A workshop of lea's at ``db`` in which the account olga took the observer seat
    granted her; this process runs as olga from then on.  Its id."""
    from models.live import presence

    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title="Shared").id or 0)
        store.add(PainPoint(workshop_id=wid, description="loop"))
        presence.grant(store, wid, "olga", "observer")
    as_account(monkeypatch, "olga")
    with Store(db, who="olga") as store:
        assert presence.join(store, wid, "olga").role == "observer"
    return wid


def as_name(text: str) -> str:
    """``text`` without its control characters: what a name column (a seat, a vote, an
    owner: ``models.db.fields.NAME_KEYS``) accepts, for tests that fill every field."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc")
