"""Ticket exports (Zendesk, ServiceNow, Freshdesk, any CSV) read and turned into support metrics.

The public entry points are ``engine.inspect_export(path, source="auto", mapping=None)`` (which
product, which column feeds which field, which fields are ambiguous: what a mapping dialog or
``--map FIELD=COLUMN`` needs), ``engine.import_export(path, source="auto", mapping=None)`` (the
file streamed through polars, returning a ``TicketImport``: the tickets' facts plus what was
skipped and why), ``metrics.table(imported, by="category", period=None)`` (one
``GroupMetrics`` per group plus ``"all"``) and ``output.metrics_json(rows)`` (the JSON shape of
``journeymap tickets show --format json``). Every refusal is a one-sentence
``errors.TicketImportError`` naming the file, the line and the column; docs/tickets.md says
where each metric comes from per product and which ones are proxies.
"""
