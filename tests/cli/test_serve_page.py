"""The browser seat server in-process (issue 17): the token is checked before anything
starts, the page needs no internet, and the token never reaches a log."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("textual_serve", reason="textual-serve (the [serve] extra) is not installed")
from aiohttp.test_utils import TestClient, TestServer  # noqa: E402

from models.db import invites  # noqa: E402
from models.db.store import Store  # noqa: E402
from tui.web import server as web_server  # noqa: E402


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store(tmp_path / "team.db", who="lea") as s:
        yield s


@pytest.fixture
async def client(store: Store, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[TestClient]:
    started: list[Any] = []
    monkeypatch.setattr(web_server.SeatService, "start",
                        lambda self, w, h: started.append((w, h)))  # never a process here
    server = web_server.SeatServer(store, str(store.path), host="127.0.0.1", port=0)
    async with TestClient(TestServer(await server.make_app())) as c:
        c.started = started  # type: ignore[attr-defined]
        yield c


def token(store: Store, role: str = "participant") -> str:
    wid = int(store.create_workshop(title="Shared").id or 0)
    return invites.create(store, wid, "Kim", role)[1]


async def test_the_invited_page_references_no_other_host(client: TestClient,
                                                         store: Store) -> None:
    response = await client.get(f"/?token={token(store)}")
    assert response.status == 200
    html = await response.text()
    hosts = re.findall(r"""(?:https?:|wss?:)?//[^\s"'<>)]+""", html)
    assert hosts == [], hosts
    assert "fonts.googleapis" not in html and "@font-face" in html
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response.headers["Cache-Control"]


async def test_the_page_s_static_files_are_served_from_the_package(client: TestClient,
                                                                   store: Store) -> None:
    html = await (await client.get(f"/?token={token(store)}")).text()
    assets = re.findall(r"""(?:href|src|url\()\s*=?\s*["']?(static/[^"')]+)""", html)
    assert {a.rsplit(".", 1)[-1] for a in assets} >= {"css", "js", "ttf"}
    for asset in assets:
        assert (await client.get(f"/{asset}")).status == 200, asset
    assert (await client.get("/static/")).status in (403, 404)  # no directory listing


@pytest.mark.parametrize("query", ["", "?token=", "?token=forged"])
async def test_an_uninvited_visitor_gets_one_sentence_and_no_process(
        client: TestClient, store: Store, query: str) -> None:
    token(store)
    response = await client.get(f"/{query}")
    assert response.status == 403
    text = re.sub(r"<[^>]+>", "", await response.text()).strip()
    assert text.count(".") == 1 and "invitation" in text
    ws = await client.get("/ws/forged")
    assert ws.status == 403
    assert client.started == []  # type: ignore[attr-defined]


async def test_a_revoked_link_is_refused_before_the_websocket(client: TestClient,
                                                              store: Store) -> None:
    secret = token(store)
    invites.revoke(store, 1, "Kim")
    assert (await client.get(f"/?token={secret}")).status == 403
    assert (await client.get(f"/ws/{secret}")).status == 403
    assert client.started == []  # type: ignore[attr-defined]


def test_the_seat_process_gets_the_token_in_its_environment_only(store: Store) -> None:
    service = web_server.SeatService(
        web_server.seat_command(), seat_env={"JOURNEYMAP_SEAT_TOKEN": "s3cret",
                                             "JOURNEYMAP_DB": "/x.db"},
        write_bytes=None, write_str=None, close=None,  # type: ignore[arg-type]
        download_manager=None)  # type: ignore[arg-type]
    env = service._build_environment(80, 24)
    assert env["JOURNEYMAP_SEAT_TOKEN"] == "s3cret" and env["JOURNEYMAP_DB"] == "/x.db"
    assert "s3cret" not in service.command and "browser-seat" in service.command
