"""What a product's export layout is (``Profile``), and the generic names every export is
read by when its product has no name for a field (``GENERIC``).

Apart from ``profiles`` (the products' table) only to keep each module small; ``profiles``
is the one place that lists the products.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.tickets.stats import WAITS


def _wait_names(wait: str) -> dict[str, tuple[str, ...]]:
    """The column names of one wait, calendar and business minutes: Zendesk's CSV export
    ("Requester wait time in minutes [within business hours]"), fivetran/dbt_zendesk
    (``requester_wait_time_in_calendar_minutes``), the API's ``metric_set`` flattened
    (``metric_set.requester_wait_time_in_minutes.calendar``) and Zendesk Explore's metric
    ("Requester wait time (min)", calendar minutes)."""
    stem = f"{wait}_time"
    return {
        f"{wait}_minutes": (f"{stem}_in_minutes", f"{stem}_in_calendar_minutes",
                            f"metric_set_{stem}_in_minutes_calendar", f"{wait}_minutes",
                            f"{stem}_min"),
        f"{wait}_business_minutes": (
            f"{stem}_in_minutes_within_business_hours", f"{stem}_in_business_minutes",
            f"metric_set_{stem}_in_minutes_business", f"{wait}_business_minutes"),
    }


@dataclass(frozen=True)
class Profile:
    """One product's export layout."""

    name: str
    aliases: dict[str, tuple[str, ...]]
    signature: frozenset[str] = field(default_factory=frozenset)
    day_first: bool = False
    # One row per update of a ticket (keep the latest by `updated`), not one row per ticket.
    event_log: bool = False
    # Raw codes some exports write instead of the status word (ServiceNow's state 6 = Resolved).
    status_codes: dict[str, str] = field(default_factory=dict)
    # Columns whose names look like a metric the product means otherwise: never mapped by
    # name (only by --map), each with the reason said in a note.
    not_metrics: dict[str, str] = field(default_factory=dict)
    # Raw codes an API writes instead of a group's label (Freshdesk's source 7 = Chat):
    # field → {code: label}; a label written out (a CSV export's) is kept as it is.
    label_codes: dict[str, dict[str, str]] = field(default_factory=dict)


GENERIC = Profile(
    name="generic",
    aliases={
        "id": ("ticket_id", "id", "ticket", "ticket_number", "number", "case_id", "case_number",
               "incident_id", "incident_number", "key", "reference", "ref"),
        "created": ("created_at", "created", "created_date", "created_on", "creation_date",
                    "opened_at", "opened", "open_date", "date_created", "submitted_at",
                    "reported_at", "received_at", "created_time", "created_datetime"),
        "resolved": ("resolved_at", "resolved", "resolution_date", "resolved_date",
                     "resolved_on", "solved_at", "solved", "resolved_time",
                     "resolved_datetime"),
        "closed": ("closed_at", "closed", "closed_date", "closed_on", "close_date",
                   "closed_time", "closed_datetime"),
        "updated": ("updated_at", "updated", "last_updated", "updated_on", "modified_at",
                    "last_modified", "last_update_time", "updated_datetime"),
        "first_response_at": ("first_response_at", "first_reply_at", "first_response_date",
                              "first_responded_at", "responded_at",
                              "first_response_datetime"),
        "status": ("status", "state", "ticket_status"),
        "reopens": ("reopens", "reopen_count", "reopened", "times_reopened", "reopened_count"),
        "replies": ("replies", "agent_replies", "agent_interactions", "agent_touches"),
        "reassignments": ("reassignments", "reassignment_count", "reassigned", "transfers",
                          "transfer_count", "transferred"),
        "assignee_stations": ("assignee_stations",),
        "fcr": ("fcr", "first_contact_resolution", "resolved_first_contact",
                "first_contact_resolved", "resolved_on_first_contact"),
        "sla_met": ("sla_met", "made_sla", "within_sla", "sla", "sla_status",
                    "resolution_status"),
        "sla_remaining": ("sla_remaining", "sla_time_left"),
        "csat": ("csat", "csat_score", "satisfaction", "satisfaction_score",
                 "satisfaction_rating", "rating", "survey_score", "satisfaction_survey"),
        "first_response_minutes": ("first_response_minutes", "first_reply_time_in_minutes",
                                   "frt_minutes", "first_response_time_minutes"),
        "first_response_hours": ("first_response_hours", "frt_hours",
                                 "first_response_time_hours", "first_response_time_in_hrs"),
        "category": ("category", "type", "ticket_type", "topic", "reason", "issue_type"),
        "channel": ("channel", "via", "source", "contact_type", "origin", "medium"),
        "priority": ("priority", "severity", "urgency"),
        "group": ("group", "team", "assignment_group", "queue", "assigned_group", "department"),
        **{alias: names for w in WAITS for alias, names in _wait_names(w).items()},
    },
)
