"""Next month's export with a column renamed (QA session 14, the monthly loop): last month's
first-reply column is gone from February's Zendesk file. Before, the remembered mapping was
dropped for that field without a word, and every first-response figure of February went
"not available" with nobody told why the card that measures it stopped moving."""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.tickets import storage

HEAD = "Id,Status,Category,Created at,Solved at,Replies,"
ROWS = ("1,Solved,Login,{m}-05 09:00:00,{m}-05 11:00:00,1,30\n"
        "2,Solved,Billing,{m}-06 10:00:00,{m}-06 12:00:00,1,90\n")


def _month(tmp_path: Path, name: str, reply_column: str, month: str) -> Path:
    path = tmp_path / name
    path.write_text(HEAD + reply_column + "\n" + ROWS.format(m=month), encoding="utf-8")
    return path


def test_a_renamed_remembered_column_is_said_not_dropped(store: Store, tmp_path: Path) -> None:
    wid = int(store.create_workshop(title="T").id or 0)
    jan = _month(tmp_path, "jan.csv", "Reply minutes", "2026-01")
    done = storage.import_file(store, wid, jan, mapping={"first_response_minutes": "Reply minutes"})
    assert done.columns["first_response_minutes"] == "Reply minutes"
    feb = _month(tmp_path, "feb.csv", "Minutes to first reply", "2026-02")
    result = storage.import_file(store, wid, feb)
    assert "first_response_minutes" not in result.columns
    said = [n for n in result.imported.notes if "'Reply minutes'" in n]
    assert said and "first_response_minutes" in said[0] and "jan.csv" in said[0]


def test_a_remembered_column_still_there_says_nothing(store: Store, tmp_path: Path) -> None:
    wid = int(store.create_workshop(title="T").id or 0)
    jan = _month(tmp_path, "jan.csv", "Reply minutes", "2026-01")
    storage.import_file(store, wid, jan, mapping={"first_response_minutes": "Reply minutes"})
    feb = _month(tmp_path, "feb.csv", "Reply minutes", "2026-02")
    result = storage.import_file(store, wid, feb)
    assert result.columns["first_response_minutes"] == "Reply minutes"
    assert not [n for n in result.imported.notes if "'Reply minutes'" in n]


def test_another_product_s_file_is_not_last_month_s_renamed(store: Store, tmp_path: Path) -> None:
    wid = int(store.create_workshop(title="T").id or 0)
    jan = _month(tmp_path, "jan.csv", "Reply minutes", "2026-01")
    storage.import_file(store, wid, jan, mapping={"first_response_minutes": "Reply minutes"})
    chat = tmp_path / "chat.csv"
    chat.write_text("Number,Opened,Resolved,State,Category,Reopen count,Reassignment count\n"
                    "INC1,2026-02-05 09:00:00,2026-02-05 10:00:00,Resolved,Login,0,0\n",
                    encoding="utf-8")
    result = storage.import_file(store, wid, chat, source="servicenow")
    assert not [n for n in result.imported.notes if "which this file does not have" in n]
