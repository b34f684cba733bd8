"""Ticket data: each import of a ticket export and the readings taken from it."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from models.db.tables.base import _fk, utcnow


class TicketSource(SQLModel, table=True):
    """One import of a ticket export into a workshop: a dated set of readings.

    ``columns`` (JSON {field: column name}) and ``links`` (JSON {category: {"stage": id,
    "pain": id}}) are carried from one import to the next, so next month's import of the
    same product is one command and the category mapping is said once.
    """

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    file_name: str = ""
    product: str = ""
    columns: str = "{}"
    links: str = "{}"
    rows: int = 0
    tickets: int = 0
    periods: str = ""  # "2024-01..2024-03": the creation months the file covers
    notes: str = ""  # what the engine assumed, one per line
    # The export's latest timestamp: a month it ends inside of is partial (rules.measures).
    data_until: dt.datetime | None = None
    # Its earliest timestamp: a month it starts well inside of is partial too (rules.months).
    data_from: dt.datetime | None = None
    # The IANA zone its times without one were read in (schema 14): said with the figures,
    # and carried to next month's import like ``columns``. "" before schema 14: UTC.
    zone: str = ""
    imported_at: dt.datetime = Field(default_factory=utcnow)
    imported_by: str = ""


class Reading(SQLModel, table=True):
    """The metrics of one group of tickets for one month, from one import.

    A metric the file cannot support is None and ``unavailable`` (JSON {metric: reason})
    says why: never zero, never invented.  Rates are fractions 0-1, durations hours.
    """

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(sa_column=_fk("ticketsource.id"))
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    period: str = ""  # YYYY-MM (creation month)
    group_kind: str = "all"  # all / category / channel / priority / group
    group_value: str = ""
    tickets: int = 0
    reopened: int | None = None  # tickets reopened at least once (repeat contacts)
    fcr_rate: float | None = None
    fcr_is_proxy: bool = False
    fcr_method: str = ""
    reopen_rate: float | None = None
    ttr_median_hours: float | None = None
    ttr_p90_hours: float | None = None
    first_response_median_hours: float | None = None
    csat_mean: float | None = None
    csat_responses: int | None = None
    csat_satisfied_share: float | None = None
    reassigned_rate: float | None = None
    sla_met_rate: float | None = None
    backlog_open: int | None = None
    backlog_median_age_hours: float | None = None
    # the same durations counted in the workshop's business hours (None without a schedule)
    ttr_business_median_hours: float | None = None
    ttr_business_p90_hours: float | None = None
    frt_business_median_hours: float | None = None
    # the waits of resolved tickets as the export counts them (Zendesk's ticket metrics,
    # fivetran/dbt_zendesk), calendar and within business hours (schema 11)
    requester_wait_median_hours: float | None = None
    requester_wait_p90_hours: float | None = None
    requester_wait_business_median_hours: float | None = None
    requester_wait_business_p90_hours: float | None = None
    agent_wait_median_hours: float | None = None
    agent_wait_p90_hours: float | None = None
    agent_wait_business_median_hours: float | None = None
    agent_wait_business_p90_hours: float | None = None
    on_hold_median_hours: float | None = None
    on_hold_p90_hours: float | None = None
    on_hold_business_median_hours: float | None = None
    on_hold_business_p90_hours: float | None = None
    unavailable: str = "{}"
    # JSON {metric: n}: how many tickets each figure was computed from (answered surveys for
    # CSAT, resolved tickets for resolution time...), so a figure is shown with its own n.
    counts: str = "{}"
