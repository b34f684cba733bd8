"""What each product's export calls things, and how to tell the products apart.

Header names are compared normalised (lower case, runs of non-alphanumerics → ``_``), so
Zendesk's ``Created at``, ServiceNow's ``opened_at`` and a home-made ``created-at`` meet the
same table. Aliases are listed by preference: the first one present wins within a product.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.tickets.fields import normalise
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

ZENDESK = Profile(
    name="zendesk",
    # The Support CSV export's names first, then the API's (flattened), then Explore's: a
    # ticket-level Explore report names its attributes "Ticket created - Timestamp",
    # "Ticket group"... and its metrics "First reply time (min)".
    aliases={
        "id": ("id",),
        "created": ("created_at", "ticket_created_timestamp", "ticket_created_date"),
        "resolved": ("solved_at", "metric_set_solved_at", "ticket_solved_timestamp",
                     "ticket_solved_date"),
        "updated": ("updated_at", "ticket_updated_timestamp"),
        "status": ("status", "ticket_status"),
        "reopens": ("reopens", "metric_set_reopens"),
        "replies": ("replies", "metric_set_replies"),
        "assignee_stations": ("assignee_stations", "metric_set_assignee_stations"),
        "csat": ("satisfaction_score", "satisfaction_rating_score"),
        "first_response_minutes": ("first_reply_time_in_minutes",
                                   "metric_set_reply_time_in_minutes_calendar",
                                   "first_reply_time_min"),
        "category": ("category", "ticket_type", "type"),
        "channel": ("via", "via_channel", "ticket_channel"),
        "priority": ("priority", "ticket_priority"),
        "group": ("group", "group_id", "ticket_group"),
    },
    signature=frozenset({
        "satisfaction_score", "reopens", "replies", "via",
        "assignee_stations", "group_stations", "first_reply_time_in_minutes",
        "full_resolution_time_in_minutes", "requester", "submitter",
        # the API's ticket (JSON): nested fields flattened as parent.child
        "submitter_id", "assignee_id", "via_channel", "satisfaction_rating_score",
        "raw_subject", "ticket_form_id", "brand_id", "allow_channelback",
        "metric_set_reopens", "metric_set_replies",
        # an Explore report
        "ticket_created_timestamp", "ticket_created_date", "ticket_solved_timestamp",
        "first_reply_time_min", "full_resolution_time_hrs",
    }),
)

SERVICENOW = Profile(
    name="servicenow",
    aliases={
        "id": ("number",),
        "created": ("opened_at", "opened", "sys_created_on", "sys_created_at"),
        "resolved": ("resolved_at", "resolved"),
        "closed": ("closed_at", "closed"),
        "updated": ("sys_updated_on", "sys_updated_at", "updated"),
        "status": ("incident_state", "state"),
        "reopens": ("reopen_count",),
        "reassignments": ("reassignment_count",),
        "sla_met": ("made_sla",),
        "category": ("category",),
        "channel": ("contact_type", "channel"),
        "priority": ("priority",),
        "group": ("assignment_group_display_value", "assignment_group"),
    },
    signature=frozenset({
        "number", "opened_at", "resolved_at", "closed_at", "reopen_count",
        "reassignment_count", "made_sla", "assignment_group", "contact_type", "incident_state",
        "sys_updated_on", "sys_updated_at", "caller_id", "sys_mod_count",
    }),
    day_first=True,
    event_log=True,
    # Incident state choices (incident.state / incident_state) as exported with raw values.
    status_codes={"1": "new", "2": "in progress", "3": "on hold", "4": "awaiting",
                  "5": "awaiting", "6": "resolved", "7": "closed", "8": "canceled"},
    # The Table API's raw priority values, as the list and its CSV export label them.
    label_codes={"priority": {"1": "1 - Critical", "2": "2 - High", "3": "3 - Moderate",
                              "4": "4 - Low", "5": "5 - Planning"}},
)

FRESHDESK = Profile(
    name="freshdesk",
    aliases={
        "id": ("ticket_id", "id"),
        "created": ("created_time", "created_at"),
        "resolved": ("resolved_time", "stats_resolved_at"),
        "closed": ("closed_time", "stats_closed_at"),
        "updated": ("last_update_time", "updated_at"),
        "status": ("status",),
        "first_response_at": ("initial_response_time", "stats_first_responded_at"),
        "replies": ("agent_interactions",),
        "sla_met": ("resolution_status",),
        "csat": ("survey_results", "survey_result", "satisfaction_survey",
                 "satisfaction_rating"),
        "category": ("category", "type"),
        "channel": ("source",),
        "priority": ("priority",),
        "group": ("group", "group_id"),
    },
    signature=frozenset({
        "ticket_id", "created_time", "resolved_time", "closed_time", "agent_interactions",
        "customer_interactions", "first_response_time_in_hrs", "resolution_time_in_hrs",
        "resolution_status", "first_response_status", "due_by_time", "last_update_time",
        "initial_response_time", "survey_results",
        # the API's ticket (/api/v2/tickets, ``include=stats``: nested, flattened)
        "fr_due_by", "fr_escalated", "is_escalated", "responder_id", "email_config_id",
        "stats_first_responded_at", "stats_resolved_at", "stats_closed_at",
    }),
    # The API writes numbers where the export writes words (Freshdesk's ticket properties).
    status_codes={"2": "open", "3": "pending", "4": "resolved", "5": "closed"},
    label_codes={
        "channel": {"1": "Email", "2": "Portal", "3": "Phone", "7": "Chat",
                    "9": "Feedback Widget", "10": "Outbound Email"},
        "priority": {"1": "Low", "2": "Medium", "3": "High", "4": "Urgent"},
    },
    # Freshdesk's own export code labels first_res_time_bhrs and resolution_time_bhrs so:
    # business hours of its SLA calendar, not the calendar durations the metrics are.
    not_metrics={
        "first_response_time_in_hrs": "Freshdesk's business-hours figure: the first "
        "response is taken from 'Initial response time' instead",
        "resolution_time_in_hrs": "Freshdesk's business-hours figure: the resolution time is "
        "taken from 'Created time' and 'Resolved time' instead",
    },
)

HUBSPOT = Profile(
    name="hubspot",
    aliases={
        "id": ("ticket_id",),
        "created": ("create_date",),
        "closed": ("close_date",),
        "updated": ("last_activity_date", "last_modified_date"),
        "status": ("ticket_status",),
        "category": ("category",),
        "channel": ("source",),
        "priority": ("priority",),
        "group": ("team", "ticket_owner_team"),
    },
    signature=frozenset({
        "ticket_id", "ticket_name", "pipeline", "ticket_status", "create_date", "close_date",
        "ticket_owner", "last_activity_date",
    }),
)

# Intercom's conversation export; the last close is when the conversation ended (a reopened
# conversation's first close is not its resolution).
INTERCOM = Profile(
    name="intercom",
    aliases={
        "id": ("conversation_id",),
        "created": ("conversation_started_at", "conversation_started_at_utc",
                    "conversation_created_at"),
        "resolved": ("conversation_last_closed_at", "conversation_last_closed_at_utc"),
        "updated": ("conversation_updated_at",),
        "first_response_at": ("conversation_first_replied_at",),
        "status": ("current_conversation_state", "conversation_state"),
        "reopens": ("number_of_reopens",),
        "reassignments": ("number_of_reassignments",),
        "fcr": ("resolved_on_first_contact",),
        "csat": ("last_teammate_rating", "conversation_rating"),
        "category": ("conversation_tag", "conversation_tags"),
        "channel": ("channel", "conversation_channel"),
        "group": ("team_currently_assigned", "team_assigned"),
    },
    signature=frozenset({
        "conversation_id", "conversation_url", "conversation_started_at",
        "conversation_started_at_utc", "conversation_first_closed_at",
        "conversation_first_closed_at_utc", "conversation_last_closed_at",
        "conversation_last_closed_at_utc", "conversation_state", "conversation_rating",
        "number_of_reopens", "number_of_reassignments", "current_conversation_state",
        "conversation_tag", "team_currently_assigned", "teammate_currently_assigned",
        "last_teammate_rating", "conversation_first_replied_at", "resolved_on_first_contact",
        "conversation_source", "fin_ai_agent_involved", "conversation_created_at",
    }),
)

# Jira Service Management's issue navigator export ("Export CSV (all fields)"): display
# names, custom fields as "Custom field (Name)", repeated columns for multi-value fields, and
# dates in the instance's format (by default dd/MMM/yy h:mm a, "04/Mar/24 9:00 AM").
JIRA = Profile(
    name="jira",
    aliases={
        "id": ("issue_key", "key"),
        "created": ("created",),
        "resolved": ("resolved",),
        "updated": ("updated",),
        "first_response_at": ("custom_field_chart_date_of_first_response",),
        "status": ("status",),
        "sla_remaining": ("custom_field_time_to_resolution", "time_to_resolution"),
        "csat": ("custom_field_satisfaction", "satisfaction", "satisfaction_rating"),
        "category": ("custom_field_request_type", "request_type",
                     "custom_field_customer_request_type", "issue_type"),
        "channel": ("custom_field_request_channel", "request_channel", "custom_field_source"),
        "priority": ("priority",),
        "group": ("custom_field_team", "team", "component_s"),
    },
    # Only names a home-made file would not have (Created/Resolved/Summary are everyone's).
    signature=frozenset({
        "issue_key", "issue_id", "issue_type", "last_viewed", "project_key", "project_name",
        "project_type", "status_category", "status_category_changed",
        "custom_field_request_type", "custom_field_satisfaction",
        "custom_field_satisfaction_date", "custom_field_time_to_resolution",
        "custom_field_time_to_first_response",
    }),
    day_first=True,
)

# Salesforce Service Cloud cases: a report's "Details Only" CSV (labels such as "Date/Time
# Opened") or a Data Loader / API extract (CaseNumber, CreatedDate, ClosedDate).
SALESFORCE = Profile(
    name="salesforce",
    aliases={
        "id": ("case_number", "casenumber", "case_id"),
        "created": ("date_time_opened", "opened_date", "date_opened", "createddate",
                    "created_date"),
        "closed": ("date_time_closed", "closed_date", "date_closed", "closeddate"),
        "updated": ("last_modified_date", "lastmodifieddate"),
        "status": ("status",),
        "category": ("case_reason", "reason", "type", "case_type"),
        "channel": ("case_origin", "origin"),
        "priority": ("priority",),
        "group": ("owner_role", "case_owner_role", "queue"),
    },
    signature=frozenset({
        "case_number", "casenumber", "date_time_opened", "date_time_closed", "case_origin",
        "case_reason", "case_owner", "account_name", "contact_name", "case_record_type",
        "createddate", "closeddate", "isclosed", "isescalated", "ownerid",
    }),
)

# fivetran/dbt_zendesk's zendesk__ticket_metrics model (models/zendesk.yml) dumped from the
# warehouse: one row per ticket, lower-case names, the last solve as the resolution.
DBT_ZENDESK = Profile(
    name="dbt_zendesk",
    aliases={
        "id": ("ticket_id",),
        "created": ("created_at",),
        "resolved": ("last_solved_at",),
        "updated": ("updated_at",),
        "status": ("status",),
        "reopens": ("count_reopens",),
        "replies": ("total_agent_replies",),
        "assignee_stations": ("assignee_stations_count",),
        "csat": ("ticket_satisfaction_rating",),
        "first_response_minutes": ("first_reply_time_calendar_minutes",),
        "category": ("type",),
        "channel": ("created_channel",),
        "priority": ("priority",),
        "group": ("group_name",),
    },
    signature=frozenset({
        "first_reply_time_calendar_minutes", "first_reply_time_business_minutes",
        "final_resolution_calendar_minutes", "full_resolution_business_minutes",
        "first_resolution_calendar_minutes", "is_one_touch_resolution", "count_reopens",
        "assignee_stations_count", "group_stations_count", "total_agent_replies",
        "last_solved_at", "first_solved_at", "created_channel", "ticket_satisfaction_rating",
        "unsolved_ticket_age_minutes",
    }),
)

# Zoho Desk's ticket export: the ticket module's field labels. It shares "Ticket Id",
# "Created Time" and "Closed Time" with Freshdesk; "Modified Time", "Ticket Owner",
# "Department" and "Sub Category" are Zoho's own. No satisfaction column is named: no Zoho
# export seen here carried its happiness rating (``--map csat=COLUMN`` reads one).
ZOHO = Profile(
    name="zoho",
    aliases={
        "id": ("ticket_id", "ticket_number", "request_id"),
        "created": ("created_time",),
        "closed": ("closed_time",),
        "updated": ("modified_time",),
        "status": ("status",),
        "category": ("category",),
        "channel": ("channel",),
        "priority": ("priority",),
        "group": ("department", "team"),
    },
    signature=frozenset({
        "ticket_id", "created_time", "closed_time", "modified_time", "ticket_owner",
        "department", "sub_category", "classifications", "response_due_date",
        "customer_responded_time", "contact_name", "account_name",
    }),
)

_DETECTED = (ZENDESK, SERVICENOW, FRESHDESK, HUBSPOT, INTERCOM, JIRA, SALESFORCE, DBT_ZENDESK,
             ZOHO)
PROFILES: dict[str, Profile] = {p.name: p for p in (*_DETECTED, GENERIC)}
# What ``--source`` and the import dialog offer: the one list both read.
SOURCES: tuple[str, ...] = ("auto", *PROFILES)

# ServiceNow's audit table (sys_audit, "History"): one row per field change of a record.
_AUDIT = ({"documentkey", "document_key"}, {"fieldname", "field_name"},
          {"newvalue", "new_value"})


def is_audit_log(headers: list[str]) -> bool:
    """Whether the columns are a field-change log (document key, field name, new value)."""
    present = {normalise(h) for h in headers}
    return all(names & present for names in _AUDIT)


def detect(headers: list[str]) -> tuple[Profile, int]:
    """The product whose signature the headers match best (≥ 3 columns), else generic."""
    present = {normalise(h) for h in headers}
    best, score = GENERIC, 0
    for profile in _DETECTED:
        hits = len(profile.signature & present)
        if hits > score:
            best, score = profile, hits
    return (best, score) if score >= 3 else (GENERIC, score)
