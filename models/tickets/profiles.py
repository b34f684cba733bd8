"""What each product's export calls things, and how to tell the products apart.

Header names are compared normalised (lower case, runs of non-alphanumerics → ``_``), so
Zendesk's ``Created at``, ServiceNow's ``opened_at`` and a home-made ``created-at`` meet the
same table. Aliases are listed by preference: the first one present wins within a product.
"""

from __future__ import annotations

from dataclasses import replace

from models.tickets.fields import normalise
from models.tickets.layout import GENERIC, Profile

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

# Freshservice (Freshworks' IT service desk) writes Freshdesk's export with its own date
# labels ("Created Date", "Resolved Date", "Last Updated Date"), ITIL's "Impact" and
# "Urgency", and ids such as INC-101 and SR-102. Its "(in hrs)" columns and status codes are
# Freshdesk's; it was named "freshdesk" until session 12 (tickets13).
FRESHSERVICE = replace(
    FRESHDESK,
    name="freshservice",
    aliases={**FRESHDESK.aliases,
             "created": ("created_date", "created_time"),
             "resolved": ("resolved_date", "resolved_time"),
             "closed": ("closed_date", "closed_time"),
             "updated": ("last_updated_date", "last_update_time")},
    signature=FRESHDESK.signature | {"created_date", "resolved_date", "closed_date",
                                     "last_updated_date", "impact", "urgency"},
    not_metrics={name: why.replace("Freshdesk's", "Freshservice's")
                 for name, why in FRESHDESK.not_metrics.items()},
)

HUBSPOT = Profile(
    name="hubspot",
    aliases={
        "id": ("ticket_id",),
        "created": ("create_date",),
        "closed": ("close_date",),
        "updated": ("last_activity_date", "last_modified_date"),
        # hs_first_agent_message_sent_at (any conversation), else first_agent_reply_date
        # (email only)
        "first_response_at": ("first_agent_response_date", "first_agent_email_response_date"),
        "status": ("ticket_status",),
        "sla_met": ("time_to_close_sla_ticket_status",),
        "category": ("category",),
        "channel": ("source",),
        "priority": ("priority",),
        "group": ("team", "ticket_owner_team"),
    },
    signature=frozenset({
        "ticket_id", "ticket_name", "pipeline", "ticket_status", "create_date", "close_date",
        "ticket_owner", "last_activity_date",
    }),
    # hs_is_one_touch_ticket: false on every open ticket too, so read as answers it counted
    # each open ticket as a failed first contact.
    not_metrics={
        "first_contact_resolution": "HubSpot's one-touch flag (closed with just one agent "
        "message; false on open tickets too), not a first-contact-resolution answer: not "
        "read as FCR",
    },
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
        "group": ("owner_role", "case_owner_role", "queue", "case_owner"),
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

# Help Scout's conversation export: its "Type" is how the customer wrote in (email, chat,
# phone), a channel; "Tags" hold several words each and are no category.
HELPSCOUT = Profile(
    name="helpscout",
    aliases={
        "id": ("conversation_number", "conversation_id"),
        "created": ("created_at",),
        "closed": ("closed_at",),
        "updated": ("modified_at",),
        "status": ("status",),
        "csat": ("rating",),
        "channel": ("type",),
    },
    signature=frozenset({
        "conversation_number", "mailbox", "closed_by", "waiting_since", "threads",
        "customer_waiting_time", "replies_sent", "assigned_to", "modified_at",
    }),
)

# Gladly's Conversation Export (its help page lists the columns): the last close is the
# resolution, as for Intercom; a MERGED conversation no longer exists (values.CANCELLED).
GLADLY = Profile(
    name="gladly",
    aliases={
        "id": ("conversation_id",),
        "created": ("created_at",),
        "resolved": ("last_closed_at",),
        "status": ("status",),
        "group": ("inbox_name_current", "inbox_name_created"),
    },
    signature=frozenset({
        "conversation_link", "first_closed_at", "last_closed_at", "inbox_name_current",
        "inbox_id_current", "assigned_agent_id_current", "assigned_agent_name_current",
        "initiator_type_created", "inbox_name_created",
    }),
)

# A tie goes to the earlier: Freshdesk before Freshservice, whose signature holds Freshdesk's.
_DETECTED = (ZENDESK, SERVICENOW, FRESHDESK, FRESHSERVICE, HUBSPOT, INTERCOM, JIRA,
             SALESFORCE, DBT_ZENDESK, ZOHO, HELPSCOUT, GLADLY)
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
