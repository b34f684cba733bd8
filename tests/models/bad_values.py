"""Values a hand or another tool could leave in a file, written with plain sqlite3.

QA's ``UPDATE hypothesiscard SET deadline='garbage'`` made the workshop unopenable with
Python's "Invalid isoformat string".  Each entry is (kind of damage, table, column, the
SQL literal written); ``spoil`` writes it into the one row ``build_full`` gave that
table.  Shared by ``tests/models`` and ``tests/cli``.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from models.db.store import Store
from tests.models.full_rows import build_full

DAMAGE: list[tuple[str, str, str, str]] = [
    *(("date", t, c, "'garbage'") for t, c in (
        ("hypothesiscard", "deadline"), ("plantask", "start"), ("plantask", "deadline"),
        ("workshop", "start_date"), ("workshop", "last_reviewed_at"))),
    ("date", "hypothesiscard", "deadline", "'2026-02-30'"),
    ("date", "plantask", "deadline", "''"),  # the ORM cannot read an empty date either
    *(("datetime", t, c, "'yesterday-ish'") for t, c in (
        ("workshop", "created_at"), ("workshop", "updated_at"), ("workshop", "timer_ends_at"),
        ("painpoint", "created_at"), ("hypothesiscard", "created_at"), ("vote", "created_at"),
        ("participant", "last_seen"), ("ticketsource", "imported_at"),
        ("ticketsource", "data_from"))),
    *(("text in a number", t, c, "'many'") for t, c in (
        ("touchpoint", "sentiment"), ("painpoint", "impact"), ("stage", "position"),
        ("touchpoint", "position"), ("workshop", "step_minutes"), ("reading", "tickets"),
        ("painpoint", "ticket_volume"), ("escalationlevel", "response_sla_minutes"),
        ("stage", "kpi_baseline"), ("channelcost", "cost_per_contact"), ("reading", "fcr_rate"),
        ("hypothesiscard", "effect_value"))),
    *(("word not in the list", t, c, "'nope'") for t, c in (
        ("painpoint", "kind"), ("touchpoint", "lane"), ("touchpoint", "actor"),
        ("touchpoint", "emotion"), ("hypothesiscard", "status"), ("hypothesiscard",
        "effect_kind"), ("plantask", "status"), ("participant", "role"),
        ("workshop", "current_step"), ("workshop", "state"), ("stage", "source"))),
    *(("number out of range", t, c, v) for t, c, v in (
        ("touchpoint", "sentiment", "99"), ("painpoint", "impact", "7"),
        ("painpoint", "effort", "0"), ("workshop", "votes_per_participant", "-1"),
        ("touchpoint", "bot_deflection_rate", "3.5"), ("hypothesiscard", "effect_value",
        "1000"))),
    ("flag not yes or no", "touchpoint", "moment_of_truth", "'maybe'"),
    ("flag not yes or no", "handoff", "is_escalation", "7"),
    *(("row that is not there", t, c, "9999") for t, c in (
        ("painpoint", "touchpoint_id"), ("handoff", "from_touchpoint_id"),
        ("handoff", "to_touchpoint_id"), ("reading", "source_id"))),
    *(("bytes that are not text", t, c, "X'FF00FE'") for t, c in (
        ("workshop", "title"), ("touchpoint", "name"), ("painpoint", "description"),
        ("hypothesiscard", "owner"))),
    *(("text that is not UTF-8", t, c, "CAST(X'FF41' AS TEXT)") for t, c in (
        ("workshop", "title"), ("touchpoint", "name"), ("plantask", "owner"))),
]


def damage_id(entry: tuple[str, str, str, str]) -> str:
    """A readable test id: kind-table.column."""
    return f"{entry[0]}-{entry[1]}.{entry[2]}"


def full_file(path: Path) -> int:
    """A file with one workshop holding a row in every table; its id."""
    store = Store(path, who="tester")
    try:
        return int(build_full(store)["workshop"].id)  # type: ignore[attr-defined]
    finally:
        store.close()


def led_by_me(path: Path) -> int:
    """``full_file``'s map with this process's account as its creator (its lead)."""
    from models.db.access import current_account

    wid = full_file(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE workshop SET lead_account = ?, lead_uid = ?",
                     (current_account(), os.getuid()))
    conn.close()
    return wid


def beside_a_sound_map(path: Path, entry: tuple[str, str, str, str] | None = None
                       ) -> tuple[int, int]:
    """(``led_by_me``'s map, a sound map "Sound map" created after it); ``entry`` (a
    ``DAMAGE`` row) then written into the first map."""
    wid = led_by_me(path)
    with Store(path, who="tester") as store:
        other = int(store.create_workshop(title="Sound map").id)  # type: ignore[arg-type]
    if entry is not None:
        spoil(path, *entry[1:])
    return wid, other


def spoil(path: Path, table: str, column: str, literal: str) -> int:
    """Write ``literal`` into ``table.column`` of its first row; that row's id."""
    conn = sqlite3.connect(path)
    try:
        row_id = int(conn.execute(f"SELECT min(id) FROM {table}").fetchone()[0])
        with conn:
            conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute(f'UPDATE {table} SET "{column}" = {literal} WHERE id = ?', (row_id,))
        return row_id
    finally:
        conn.close()
