"""A JSON document's parsed tickets are let go once its CSV copy is written.

The standard library parses a JSON document whole, so its tickets are in memory while the
copy is written; the import that reads the copy afterwards must not hold them too (a
200,000-ticket document peaked at the parsed objects plus the import). Counted, not timed:
no list of the document's tickets is alive while the copy is read.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

from models.tickets import json_export

TICKETS = [{"id": 9000 + i, "created_at": f"2024-03-0{i + 1}T09:00:00Z", "status": "open"}
           for i in range(3)]


def _lists_of_the_tickets() -> list[list[object]]:
    gc.collect()
    return [o for o in gc.get_objects() if isinstance(o, list) and len(o) == len(TICKETS)
            and all(isinstance(t, dict) and t.get("id") == 9000 + i for i, t in enumerate(o))]


def test_the_parsed_document_is_not_held_while_its_copy_is_read(tmp_path: Path) -> None:
    path = tmp_path / "tickets.json"
    path.write_text(json.dumps({"tickets": TICKETS}), encoding="utf-8")
    before = len(_lists_of_the_tickets())  # this module's own TICKETS
    with json_export.readable(path) as copy:
        assert copy.path.read_text(encoding="utf-8").count("\n") == 4
        assert len(_lists_of_the_tickets()) == before
