"""HubSpot and Intercom exports in their own column layouts import as those products: the
resolution, status, rating, reopen and reassignment columns are read (numbers checked by
hand), not left out as an unknown generic CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from tui.cli.main import app

HUBSPOT = ["Ticket ID", "Ticket name", "Pipeline", "Ticket status", "Create date",
           "Close date", "Priority", "Source", "Ticket owner", "Category",
           "Last activity date", "Associated Company"]
INTERCOM = ["Conversation ID", "Conversation URL", "Conversation started at",
            "Conversation first closed at", "Conversation last closed at",
            "Conversation state", "Conversation rating", "Conversation tags",
            "Team assigned", "Teammate assigned", "Number of reassignments",
            "Number of reopens", "Channel"]


def _write(path: Path, head: list[str], rows: list[list[str]]) -> str:
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(head)
        out.writerows(rows)
    return str(path)


def _import_and_total(store: Store, db_path: Path, path: str) -> tuple[str, dict]:  # type: ignore[type-arg]
    wid = store.create_workshop(title="T").id
    runner = CliRunner()
    done = runner.invoke(app, ["--db", str(db_path), "tickets", "import", path, "-w", str(wid)])
    assert done.exit_code == 0, done.output
    shown = runner.invoke(app, ["--db", str(db_path), "tickets", "show", str(wid),
                                "--format", "json"])
    return done.output, json.loads(shown.output)[-1]


def test_hubspot_export(store: Store, db_path: Path, tmp_path: Path) -> None:
    path = _write(tmp_path / "hubspot.csv", HUBSPOT, [
        ["1001", "Login", "Support Pipeline", "Closed", "2024-03-04 09:00", "2024-03-04 13:00",
         "HIGH", "Email", "Bo", "Product issue", "2024-03-04 13:00", "Acme"],
        ["1002", "Bill", "Support Pipeline", "Waiting on contact", "2024-03-12 09:00", "",
         "MEDIUM", "Chat", "Bo", "Billing issue", "2024-03-12 10:00", "Acme"],
        ["1003", "Feat", "Support Pipeline", "Closed", "2024-03-20 09:00", "2024-03-22 09:00",
         "LOW", "Form", "Bo", "Feature request", "2024-03-22 09:00", "Acme"],
    ])
    said, total = _import_and_total(store, db_path, path)
    assert "hubspot" in said
    assert total["tickets"] == 3
    assert total["ttr_median_hours"] == 26.0  # 4 h and 48 h
    assert total["backlog_open"] == 1


def test_intercom_export(store: Store, db_path: Path, tmp_path: Path) -> None:
    path = _write(tmp_path / "intercom.csv", INTERCOM, [
        ["215467", "https://app.intercom.com/a/inbox/x/215467", "2024-03-04 09:00:00",
         "2024-03-04 10:00:00", "2024-03-04 10:00:00", "closed", "5", "login", "Support",
         "Bo", "0", "0", "Messenger"],
        ["215468", "https://app.intercom.com/a/inbox/x/215468", "2024-03-05 09:00:00",
         "2024-03-05 12:00:00", "2024-03-06 12:00:00", "closed", "2", "billing", "Billing",
         "Bo", "1", "1", "Email"],
        ["215469", "https://app.intercom.com/a/inbox/x/215469", "2024-03-20 09:00:00",
         "", "", "open", "", "", "Support", "", "0", "0", "Messenger"],
    ])
    said, total = _import_and_total(store, db_path, path)
    assert "intercom" in said
    assert total["tickets"] == 3
    assert total["ttr_median_hours"] == 14.0  # 1 h and 27 h to the last close
    assert total["reopen_rate"] == round(1 / 3, 4)
    assert total["reassigned_rate"] == round(1 / 3, 4)
    assert total["csat_mean"] == 3.5 and total["csat_responses"] == 2
    assert total["backlog_open"] == 1
