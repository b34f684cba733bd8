"""Take the write rights of the test's own role on the test database's tables.

Why here: a team server's reporting role, or tables an upgrade added without
grants, let a seat read but not write.  A test cannot create roles on the shared
server, but a table's owner may revoke its own rights; the test database is
dropped afterwards, so nothing has to be given back.
"""

from __future__ import annotations

import psycopg

from models.db.server import libpq


def reads_only(url: str) -> None:
    """The role behind ``url`` keeps SELECT and loses INSERT, UPDATE and DELETE."""
    with psycopg.connect(libpq(url), autocommit=True) as conn:
        conn.execute("REVOKE INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
                     "FROM CURRENT_USER")
