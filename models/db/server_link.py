"""How journeymap's own psycopg connections reach a PostgreSQL server, without SQLAlchemy.

Why a module of its own: the store's engine (``models.db.server``) imports
SQLAlchemy, about 0.2 s of CPU; the export's light read and a seat's change
checks (``models.live.marks``) talk to psycopg directly and must connect with the
same timeouts, keepalives and time zone as the store, so they read these here.
"""

from __future__ import annotations

from typing import Any

from models.db.dbfile import APP_NAME

# How long a connect may wait for an answer.  The listener's own connects (in its
# thread) wait the long one; the store's and the fingerprints' (the screen's thread,
# before the listener has noticed the server is away) the short one, which is the
# longest an edit, Home or a heartbeat can freeze a seat on a network that drops
# packets.  Once the listener knows, they do not try at all (``Reads.server_lost``).
CONNECT_TIMEOUT_S = 10
SEAT_CONNECT_S = 3
# A dropped network gives no error by itself: keepalives make an idle connection
# (the listener's) notice within about 11 s, and ``tcp_user_timeout`` ends a query
# whose packets go unanswered for 5 s instead of TCP's quarter of an hour.
NETWORK: dict[str, Any] = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2,
                           "keepalives_count": 3, "tcp_user_timeout": 5_000}
# Every session speaks UTC, so a ``timestamp with time zone`` reads back as the
# aware UTC datetime the store wrote, whoever's server it is.
UTC_OPTIONS = "-c timezone=UTC"
READ_ONLY_OPTIONS = f"{UTC_OPTIONS} -c default_transaction_read_only=on"


def plain_url(target: str) -> str | None:
    """The ``--db`` URL as libpq reads it, or None when only the store should read it.

    libpq takes ``postgresql://`` and ``postgres://`` itself; SQLAlchemy's
    ``postgresql+psycopg://`` names the same server.  A URL without a database
    after the host is None: libpq would fall back to the user's name as the
    database, where the store refuses it in one sentence (``server.check``).
    """
    scheme, sep, rest = target.partition("://")
    if not sep or scheme not in ("postgresql", "postgres", "postgresql+psycopg"):
        return None
    database = rest.partition("/")[2].partition("?")[0]
    return f"postgresql://{rest}" if database else None


def url_host(host: str) -> str:
    """A host as URLs write it: an IPv6 address in brackets (``[::1]``, so ``[::1]:5432``
    is not read as more address), a name or an IPv4 address as it is."""
    bare = host.strip("[]")
    return f"[{bare}]" if ":" in bare else host


def address(target: str) -> str:
    """host:port of the server, as every sentence about reaching it names it.

    Read with the standard library, not SQLAlchemy's URL parser: a seat names the
    server on its first frame, before anything heavy is imported.  Never the
    user or the password.
    """
    hostport = target.partition("://")[2].partition("/")[0].partition("?")[0].rpartition("@")[2]
    if hostport.startswith("["):
        host, _, rest = hostport.partition("]")
        host, port = host + "]", rest.removeprefix(":")
    else:
        host, _, port = hostport.partition(":")
    return f"{url_host(host or 'localhost')}:{port or 5432}"


def read_connection(conninfo: str, **options: Any) -> Any:
    """A psycopg connection that can only read, speaks UTC and names journeymap.

    Raises psycopg's errors (and ImportError without the ``server`` extra): each
    caller says in its own words what that means for the seat or the command.
    """
    import psycopg

    return psycopg.connect(conninfo, connect_timeout=SEAT_CONNECT_S, options=READ_ONLY_OPTIONS,
                           application_name=APP_NAME, **NETWORK, **options)
