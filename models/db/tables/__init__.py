"""The workshop data model as SQLModel tables, one module per area.

``models.db.schema`` imports every module, so the schema (and its version stamp)
still has a single place that sees every table.
"""
