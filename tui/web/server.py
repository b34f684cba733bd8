"""textual-serve with a door: no invitation, no page, no websocket, no process.

Why a subclass: textual-serve runs one command for every visitor, so who sits down
must be decided before that command starts.  The page and the websocket each check
the visitor's token (``models.db.invites.verify``); only then is the app process
started, with the token, the database and the visitor's address in its environment
(``tui.cli.serve.browser_seat`` checks the token again and takes the invited seat).
A session whose invitation is revoked or expires is closed within ``WATCH_S``.

The page is this package's own (``page.html``): textual-serve's loads its font from
Google; this one loads the same font, the script and the stylesheet from
textual-serve's package, all by relative paths, so it needs no internet and works
under a reverse proxy's path prefix.  Access logs are off: the token is in the URL.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
import shlex
import sys
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from models.db import invites
from models.db.access import AccessError
from models.db.dbfile import StoreError
from models.db.server_link import url_host
from tui.identity import SEAT_ORIGIN_ENV, SEAT_TOKEN_ENV

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from models.db.store import Store

log = logging.getLogger("journeymap.serve")
WATCH_S = 5.0
PAGE = files("tui.web").joinpath("page.html").read_text(encoding="utf-8")
STATIC = Path(textual_serve.__file__).parent / "static"
HEADERS = {
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


def seat_command() -> str:
    """The one command every tab runs; who it seats comes from the environment."""
    return f"{shlex.quote(sys.executable)} -m tui.cli browser-seat"


def refusal(sentence: str) -> web.Response:
    body = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>journeymap</title>"
            f"</head><body><p>{html.escape(sentence)}</p></body></html>")
    return web.Response(status=403, text=body, content_type="text/html", headers=HEADERS)


class SeatService(AppService):
    """One tab's app process, started with its seat's environment."""

    def __init__(self, command: str, *, seat_env: dict[str, str], **kwargs: object) -> None:
        super().__init__(command, **kwargs)  # type: ignore[arg-type]
        self.seat_env = seat_env

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.update(self.seat_env)
        return environment


class SeatServer(Server):
    """textual-serve's server, checking each visitor's invitation before anything runs."""

    def __init__(self, store: Store, db: str, *, host: str, port: int) -> None:
        # textual-serve's own address would read http://:::8000 for an IPv6 host
        super().__init__(seat_command(), host=host, port=port, title="journeymap",
                         statics_path=STATIC, public_url=f"http://{url_host(host)}:{port}")
        self.store = store
        self.db = db

    def check(self, token: str) -> invites.Seat | str:
        """The seat a token opens, or the one sentence saying why it opens none."""
        try:
            return invites.verify(self.store, token)
        except StoreError as exc:
            return str(exc)

    async def make_app(self) -> web.Application:
        app = web.Application()
        app.add_routes([
            web.get("/", self.handle_index),
            web.get("/ws/{token}", self.handle_websocket),
            web.get("/download/{key}", self.handle_download),
            web.static("/static", self.statics_path, show_index=False),
        ])
        return app

    async def _make_app(self) -> web.Application:
        return await self.make_app()

    def initialize_logging(self) -> None:
        """Plain lines (textual-serve's tracebacks would print locals, tokens among them)."""
        logging.basicConfig(level=logging.DEBUG if self.debug else logging.INFO,
                            format="%(asctime)s %(message)s", datefmt="%H:%M:%S")

    def banner(self, *_args: object) -> None:
        """Printed once the port is bound (a port in use is one sentence instead)."""
        print(f"journeymap serve: browser seats on {self.public_url}/ for {self.store.where}; "
              "each person opens their own link from `journeymap invite ID NAME`. "
              "Ctrl+C stops.", flush=True)

    def serve(self, debug: bool = False) -> None:
        """Run until Ctrl+C; as textual-serve's, without the access log (tokens in URLs)."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for sig in ("SIGINT", "SIGTERM"):
            import signal

            try:
                loop.add_signal_handler(getattr(signal, sig), self.request_exit)
            except NotImplementedError:
                pass
        web.run_app(self.make_app(), host=self.host, port=self.port, handle_signals=False,
                    loop=loop, access_log=None, print=self.banner)

    async def handle_index(self, request: web.Request) -> web.Response:  # type: ignore[override]
        seat = self.check(request.query.get("token", ""))
        if isinstance(seat, str):
            log.info("refused a page to %s: %s", request.remote, seat)
            return refusal(seat)
        return web.Response(text=PAGE, content_type="text/html", headers=HEADERS)

    async def handle_websocket(  # type: ignore[override]
            self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        seat = self.check(token)
        if isinstance(seat, str):
            log.info("refused a seat to %s: %s", request.remote, seat)
            return refusal(seat)
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _size(request.query.get("width"), 80)
        height = _size(request.query.get("height"), 24)
        service: SeatService | None = None
        try:
            await websocket.prepare(request)
            service = SeatService(
                self.command,
                seat_env={"JOURNEYMAP_DB": self.db, SEAT_TOKEN_ENV: token,
                          SEAT_ORIGIN_ENV: request.remote or ""},
                write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                close=websocket.close, download_manager=self.download_manager,
                debug=self.debug)
            log.info("seat %s (%s) in workshop %s opened from %s", seat.name, seat.role,
                     seat.workshop_id, request.remote)
            await service.start(width, height)
            watch = asyncio.create_task(self._watch(token, websocket.close))
            try:
                await self._process_messages(websocket, service)
            finally:
                watch.cancel()
                await service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # noqa: BLE001 - one line in the log, the server goes on
            log.error("seat %s ended with an error: %s", seat.name, error)
        finally:
            if service is not None:
                await service.stop()
            log.info("seat %s (%s) in workshop %s closed", seat.name, seat.role,
                     seat.workshop_id)
        return websocket

    async def _watch(self, token: str, close: Callable[[], Awaitable[object]]) -> None:
        """Close the session once its invitation is revoked or has expired.

        A re-check that cannot read the database (a server restarting, a network drop)
        keeps the session: its app says itself that it lost the server and catches up,
        and nobody can revoke the invitation while the database is away either.
        """
        while True:
            await asyncio.sleep(WATCH_S)
            try:
                invites.verify(self.store, token)
            except AccessError as exc:
                log.info("closing a seat: %s", exc)
                await close()
                return
            except StoreError as exc:
                log.info("could not re-check a seat, kept open: %s", exc)

    async def _process_messages(self, websocket: web.WebSocketResponse,  # type: ignore[override]
                                app_service: AppService) -> None:
        """textual-serve's message loop, ignoring malformed messages instead of failing."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await app_service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await app_service.set_terminal_size(_size(data.get("width"), 80),
                                                    _size(data.get("height"), 24))
            elif kind == "ping" and isinstance(data, str):
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()


def _size(value: object, default: int) -> int:
    """A terminal dimension from the browser, kept to what a screen can hold."""
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return min(max(number, 10), 1000)
