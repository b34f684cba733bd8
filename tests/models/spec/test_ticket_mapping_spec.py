"""Which column of an export feeds which field, before any row is read.

The product's own names win, then the generic names; two generic columns for a required
field (id, created) are left for the person to choose, two for any other field take the
first and say so; a required field with no known name is guessed from the contents (a
date column with a date-like name, an id-like column with unique values), or listed as
missing; ``--map FIELD=COLUMN`` is checked (a known field, a column the file has, by its
exact or normalised name) and wins; only a column of updates makes an event log.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets.errors import TicketImportError
from models.tickets.mapping import plan_columns

CSV = Path("march.csv")


def _plan(headers: tuple[str, ...], rows: list[list[str]] | None = None, **kw: object):
    return plan_columns(CSV, headers, rows or [], **kw)  # type: ignore[arg-type]


def _named(plan) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {field: plan.headers[i] for field, i in plan.columns.items()}


def test_a_generic_file_is_read_by_the_generic_names() -> None:
    plan = _plan(("Ticket ID", "Created at", "Status", "Category"))
    assert plan.product == "generic"
    assert _named(plan) == {"id": "Ticket ID", "created": "Created at", "status": "Status",
                            "category": "Category"}
    assert (plan.candidates, plan.missing) == ({}, ())
    assert plan.notes == ("no known product recognised: generic CSV",)
    assert plan.column_name("created") == "Created at" and plan.column_name("csat") is None
    assert plan.event_log is False


def test_two_generic_columns_for_a_required_field_are_left_to_the_person() -> None:
    plan = _plan(("Ticket ID", "Created at", "Opened"))
    assert plan.candidates == {"created": ("Created at", "Opened")}
    assert "created" not in plan.columns and plan.missing == ()


def test_two_generic_columns_for_another_field_take_the_first_and_say_so() -> None:
    plan = _plan(("Ticket ID", "Created at", "Status", "State"))
    assert _named(plan)["status"] == "Status"
    assert "status: 'Status' chosen over 'State'" in plan.notes


def test_the_same_name_twice_is_one_column_the_first() -> None:
    plan = _plan(("Ticket ID", "Created at", "Status", "status"))
    assert plan.columns["status"] == 2
    assert not any(note.startswith("status:") for note in plan.notes)


def test_a_required_field_without_a_known_name_is_guessed_from_its_contents() -> None:
    rows = [["A-1", "2024-03-01", "x"], ["A-2", "2024-03-02", "x"]]
    plan = _plan(("Case Ref", "Logged on create", "Remarks"), rows)
    assert _named(plan) == {"id": "Case Ref", "created": "Logged on create"}
    assert plan.notes[1:] == ("id: guessed column 'Case Ref' from its contents",
                              "created: guessed column 'Logged on create' from its contents")


def test_an_id_guess_needs_unique_filled_values_and_a_date_guess_a_date_name() -> None:
    repeated = [["A-1", "2024-03-01"], ["A-1", "2024-03-02"]]
    plan = _plan(("Case Ref", "When"), repeated)
    assert plan.missing == ("id", "created")
    blank = [["A-1", "2024-03-01"], [" ", "2024-03-02"]]
    assert _plan(("Case Ref", "Opened date"), blank).missing == ("id",)
    # nothing to judge by: nothing guessed
    assert _plan(("Case Ref", "Opened date"), []).missing == ("id", "created")


def test_several_guesses_are_left_to_the_person() -> None:
    rows = [["1", "2024-03-01", "2024-03-04"], ["2", "2024-03-02", "2024-03-05"]]
    plan = _plan(("Row", "Open day", "Start day"), rows)
    assert plan.candidates == {"created": ("Open day", "Start day")}
    assert plan.missing == ("id",)


def test_a_chosen_column_wins_by_exact_or_normalised_name() -> None:
    headers = ("Ticket ID", "Created at", "Raised", "Queue")
    plan = _plan(headers, mapping={"created": "Raised", "category": " queue "})
    assert _named(plan) == {"created": "Raised", "category": "Queue", "id": "Ticket ID"}
    assert plan.candidates == {}


def test_a_chosen_column_must_exist_and_the_field_be_known() -> None:
    with pytest.raises(TicketImportError) as info:
        _plan(("Ticket ID", "Created at"), mapping={"colour": "Created at"})
    assert "--map names an unknown field 'colour'" in str(info.value)
    assert "fields: id, created, resolved" in str(info.value)
    with pytest.raises(TicketImportError) as info:
        _plan(("Ticket ID", "Created at"), mapping={"created": "Raised"})
    assert "--map created=Raised: the file has no such column" in str(info.value)
    assert "columns: Ticket ID, Created at" in str(info.value)


def test_an_unknown_source_and_an_audit_log_are_refused() -> None:
    with pytest.raises(TicketImportError) as info:
        _plan(("Ticket ID", "Created at"), source="excel")
    assert "unknown source 'excel'" in str(info.value) and "auto | zendesk" in str(info.value)
    with pytest.raises(TicketImportError) as info:
        _plan(("documentkey", "fieldname", "newvalue", "sys_created_on"))
    assert "audit log with one row per field change" in str(info.value)


def test_only_a_column_of_updates_makes_an_event_log() -> None:
    assert _plan(("Ticket ID", "Created at", "Updated at")).event_log is True
    assert _plan(("Ticket ID", "Created at", "Closed at")).event_log is False
    # a Zendesk ticket list has an update time per ticket and is still one row per ticket
    zendesk = _plan(("Id", "Created at", "Updated at", "Reopens", "Replies",
                     "Assignee stations"))
    assert zendesk.product == "zendesk" and "updated" in zendesk.columns
    assert zendesk.notes[0] == "recognised a zendesk export (3 known columns)"
    assert zendesk.event_log is False
    # a ServiceNow export is one row per update only when it has the update column
    events = _plan(("number", "opened_at", "sys_updated_on", "incident_state", "caller_id"))
    plain = _plan(("number", "opened_at", "incident_state", "caller_id", "made_sla"))
    assert (events.product, plain.product) == ("servicenow", "servicenow")
    assert (events.event_log, plain.event_log) == (True, False)


def test_a_short_row_is_read_for_the_cells_it_has() -> None:
    rows = [["A-1", "2024-03-01"], ["A-2"], ["A-3", "2024-03-03", "extra"]]
    plan = _plan(("Case Ref", "Logged on create"), rows)
    assert _named(plan) == {"id": "Case Ref", "created": "Logged on create"}
