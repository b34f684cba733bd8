"""Bench: a JSON ticket export against the same tickets as CSV, and against two floors.

The tickets of ``bench/tickets.py``'s Zendesk-layout CSV are written again as Zendesk's API
writes them, one ticket per line (JSON lines, ``via.channel``, ``satisfaction_rating.score``,
a nested ``metric_set``), and also as one document (``{"tickets": [...]}``). Reported as
medians of CPU time, each a ratio to floors measured in the same run:

- the CSV floor (stdlib ``csv.reader`` reading every row of the CSV, no work);
- the JSON floor (``json.loads`` of every line of the JSON lines file, no work): what any
  reader of this file pays before it has a single field;

and, with ``--rss``, the peak RSS of the JSON-lines import and of the document's in fresh
processes (``VmHWM``). Absolute times depend on the machine and its load: read the ratios.

    python bench/tickets_json.py [--rows 100000] [--runs 3] [--rss]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.tickets import engine_readings, floor, generate, timed  # noqa: E402


def _ticket(row: dict[str, str]) -> dict[str, object]:
    """One CSV row as Zendesk's API writes the ticket, its metric_set nested."""
    def iso(text: str) -> str | None:
        return text.replace(" ", "T") + "Z" if text else None

    return {
        "id": int(row["Id"]), "created_at": iso(row["Created at"]),
        "updated_at": iso(row["Updated at"]), "type": row["Ticket type"].lower(),
        "subject": row["Subject"], "priority": row["Priority"].lower(),
        "status": row["Status"].lower(), "requester_id": 1, "submitter_id": 1,
        "assignee_id": 2, "group_id": 360001, "tags": row["Tags"].split(),
        "via": {"channel": row["Via"].lower(), "source": {"from": {}, "to": {}}},
        "satisfaction_rating": {"score": row["Satisfaction Score"].lower()},
        "custom_fields": [{"id": 5, "value": None}],
        "metric_set": {
            "solved_at": iso(row["Solved at"]), "reopens": int(row["Reopens"]),
            "replies": int(row["Replies"]),
            "assignee_stations": int(row["Assignee stations"]),
            "reply_time_in_minutes": {"calendar": int(row["First reply time in minutes"]),
                                      "business": None},
        },
    }


def write_json(csv_path: Path, lines: Path, document: Path) -> None:
    with csv_path.open(encoding="utf-8", newline="") as f:
        tickets = [_ticket(row) for row in csv.DictReader(f)]
    with lines.open("w", encoding="utf-8") as out:
        for ticket in tickets:
            out.write(json.dumps(ticket) + "\n")
    document.write_text(json.dumps({"tickets": tickets, "end_of_stream": True}),
                        encoding="utf-8")


def json_floor(path: Path) -> int:
    n = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            json.loads(line)
            n += 1
    return n


_RSS = r"""
import sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from bench.tickets import engine_readings
engine_readings(Path(sys.argv[1]))
with open("/proc/self/status") as f:
    print(int(next(l for l in f if l.startswith("VmHWM:")).split()[1]) // 1024)
"""


def peak_rss_mb(path: Path) -> int:
    out = subprocess.run([sys.executable, "-c", _RSS, str(path), str(ROOT)], check=True,
                         capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rss", action="store_true", help="also measure peak RSS")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        csv_path, lines, document = (Path(tmp) / n for n in
                                     ("zendesk.csv", "tickets.json", "incremental.json"))
        generate(csv_path, args.rows)
        write_json(csv_path, lines, document)
        print(f"{args.rows:,} tickets: CSV {csv_path.stat().st_size / 1e6:.1f} MB, JSON lines "
              f"{lines.stat().st_size / 1e6:.1f} MB; median of {args.runs} runs, CPU time, "
              f"load {os.getloadavg()[0]:.1f}")
        base = timed(floor, csv_path, args.runs)
        jbase = timed(json_floor, lines, args.runs)
        as_csv = timed(engine_readings, csv_path, args.runs)
        as_lines = timed(engine_readings, lines, args.runs)
        as_doc = timed(engine_readings, document, args.runs)
        print(f"floor  csv.reader (CSV)        {base:7.3f} s")
        print(f"floor  json.loads per line     {jbase:7.3f} s   {jbase / base:5.2f}x CSV floor")
        print(f"tickets import, CSV            {as_csv:7.3f} s   {as_csv / base:5.2f}x CSV floor")
        print(f"tickets import, JSON lines     {as_lines:7.3f} s   {as_lines / base:5.2f}x CSV "
              f"floor   {as_lines / jbase:5.2f}x JSON floor")
        print(f"tickets import, JSON document  {as_doc:7.3f} s   {as_doc / base:5.2f}x CSV "
              f"floor   {as_doc / jbase:5.2f}x JSON floor")
        if args.rss:
            print(f"peak RSS: JSON lines {peak_rss_mb(lines)} MB, JSON document "
                  f"{peak_rss_mb(document)} MB, CSV {peak_rss_mb(csv_path)} MB")


if __name__ == "__main__":
    main()
