"""The columns of each schema version's tables, as a new file has them.

Written down so that a column added to the models without a new ``SCHEMA_VERSION`` fails
tests/models/test_schema.py: a file stamped with a version is trusted to hold its columns."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Schema 8 as first released lacked ticketsource.data_until and reading.counts.
_V9 = {
    "audit": [
        "account", "action", "at", "id", "title", "who", "workshop_id",
    ],
    "changelog": [
        "account", "action", "at", "entity", "entity_id", "field", "id", "imported", "new", "old",
        "summary", "who", "workshop_id",
    ],
    "channelcost": [
        "channel", "confirmed", "cost_per_contact", "handle_minutes", "id", "workshop_id",
    ],
    "escalationlevel": [
        "channel", "criteria", "early_warning", "id", "position", "response_sla_minutes",
        "severity", "tier_role", "update_every_minutes", "workshop_id",
    ],
    "handoff": [
        "checklist", "customer_informed", "from_team", "from_touchpoint_id", "id",
        "is_escalation", "source", "to_team", "to_touchpoint_id", "typical_delay",
        "what_is_transferred", "workshop_id",
    ],
    "hypothesiscard": [
        "created_at", "deadline", "effect_kind", "effect_value", "experiment", "id", "outcome",
        "owner", "pain_point_id", "result_notes", "result_value", "signal", "signal_group",
        "signal_metric", "signal_relative", "signal_target", "source", "status",
    ],
    "invite": [
        "created_at", "created_by", "expires_at", "id", "name", "revoked_at", "role",
        "token_hash", "workshop_id",
    ],
    "journeymap_meta": [
        "key", "value",
    ],
    "painpoint": [
        "created_at", "description", "effort", "five_whys", "id", "impact", "important", "kind",
        "root_cause", "source", "ticket_volume", "touchpoint_id", "urgent", "votes",
        "workshop_id",
    ],
    "participant": [
        "account", "current_step", "done_step", "following", "id", "key", "last_seen", "name",
        "origin", "role", "workshop_id",
    ],
    "plantask": [
        "deadline", "detail", "edited", "id", "key", "owner", "phase", "position", "start",
        "status", "title", "workshop_id",
    ],
    "reading": [
        "backlog_median_age_hours", "backlog_open", "counts", "csat_mean", "csat_responses",
        "csat_satisfied_share", "fcr_is_proxy", "fcr_method", "fcr_rate",
        "first_response_median_hours", "frt_business_median_hours", "group_kind", "group_value",
        "id", "period", "reassigned_rate", "reopen_rate", "reopened", "sla_met_rate", "source_id",
        "tickets", "ttr_business_median_hours", "ttr_business_p90_hours", "ttr_median_hours",
        "ttr_p90_hours", "unavailable", "workshop_id",
    ],
    "stage": [
        "description", "id", "kpi_baseline", "kpi_name", "kpi_target", "kpi_unit", "name",
        "position", "source", "workshop_id",
    ],
    "ticketsource": [
        "columns", "data_until", "file_name", "id", "imported_at", "imported_by", "links",
        "notes", "periods", "product", "rows", "tickets", "workshop_id",
    ],
    "touchpoint": [
        "actor", "as_is_touchpoint_id", "bot_context_passed", "bot_deflection_rate",
        "bot_escalation_rule", "bot_intent", "channel", "does", "emotion", "feels", "id", "lane",
        "moment_of_truth", "name", "owner_team", "position", "sentiment", "source", "stage_id",
        "thinks",
    ],
    "vote": [
        "created_at", "id", "pain_point_id", "participant",
    ],
    "workshop": [
        "as_is_workshop_id", "business_goal", "business_hours", "created_at", "current_step",
        "evidence_csat", "evidence_notes", "evidence_resolution_time", "evidence_ticket_volume",
        "evidence_transfer_rate", "facilitator", "gather_at", "gather_step", "id", "jtbd_so_that",
        "jtbd_want", "jtbd_when", "last_reviewed_at", "lead", "lead_account", "max_handoffs",
        "persona", "persona_goal", "scenario", "start_date", "state", "step_minutes", "template",
        "timer_ends_at", "timer_step", "title", "updated_at", "votes_per_participant",
        "votes_revealed",
    ],
}

# Schema 10 adds where each ticket import's data starts (ticketsource.data_from).
_V10 = {**_V9, "ticketsource": sorted([*_V9["ticketsource"], "data_from"])}

# Schema 11 adds the readings' wait times (requester, agent, on hold; calendar and business).
_WAITS = [f"{w}_{s}_hours" for w in ("requester_wait", "requester_wait_business", "agent_wait",
                                      "agent_wait_business", "on_hold", "on_hold_business")
          for s in ("median", "p90")]
_V11 = {**_V10, "reading": sorted([*_V10["reading"], *_WAITS])}

# Schema 12 adds the uid beside each account binding (participant, the workshop's creator).
_V12 = {**_V11, "participant": sorted([*_V11["participant"], "account_uid"]),
        "workshop": sorted([*_V11["workshop"], "lead_uid"])}

# Schema 13 adds no column: painpoint.ticket_volume becomes nullable (unknown apart from 0).
_V14 = {**_V12, "ticketsource": sorted([*_V12["ticketsource"], "zone"])}  # the import's zone
COLUMNS: dict[int, dict[str, list[str]]] = {9: _V9, 10: _V10, 11: _V11, 12: _V12, 13: _V12,
                                            14: _V14}


def columns(path: Path, table: str) -> set[str]:
    """The columns a file's table has today, read by SQLite itself (no model involved)."""
    conn = sqlite3.connect(path)
    try:
        return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
    finally:
        conn.close()
