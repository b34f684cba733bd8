"""A server address is printed the way URLs write it: an IPv6 host in brackets
(``[::1]:5432``), never ``::1:5432``, in every sentence that names the PostgreSQL server and
in what ``journeymap serve`` prints about where it listens."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from models.db import server
from tui.cli import serve as cli_serve
from tui.cli.main import app


@pytest.mark.parametrize(("url", "where"), [
    ("postgresql://u@[::1]:5999/db", "[::1]:5999"),
    ("postgresql://u@[fe80::1%25eth0]/db", "[fe80::1%25eth0]:5432"),
    ("postgresql://u@127.0.0.1:5999/db", "127.0.0.1:5999"),
    ("postgresql://u@db.example.org/db", "db.example.org:5432"),
    ("postgresql://u@/db", "localhost:5432"),
])
def test_every_sentence_names_the_server_as_a_url_does(url: str, where: str) -> None:
    assert server.address(url) == where
    assert f"server at {where};" in str(server.unreachable(url))
    assert f"server at {where} cannot" in str(server.not_saved(url))
    refused = server.problem(url, RuntimeError("password authentication failed for user"))
    assert f"server at {where} refused" in str(refused)


def test_an_unreachable_ipv6_server_is_named_in_brackets() -> None:
    result = CliRunner().invoke(app, ["--db", "postgresql://u@[::1]:1/db", "list"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert "server at [::1]:1;" in result.stderr


def test_serve_names_an_ipv6_address_in_brackets() -> None:
    from tui.web.server import SeatServer

    warning = cli_serve.host_warning("::")
    assert warning is not None and warning.startswith("serving on [::] lets")
    seat = SeatServer.__new__(SeatServer)
    SeatServer.__init__(seat, None, "x.db", host="::", port=8000)  # type: ignore[arg-type]
    assert seat.public_url == "http://[::]:8000"
