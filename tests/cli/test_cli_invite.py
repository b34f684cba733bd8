"""`journeymap invite` and the browser seat's own start (issue 17): the lead hands out
per-person links; the app started for a link takes the invited seat and nothing else."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from models.db import access, invites
from models.db.store import Store
from models.live import presence
from tui.cli import serve as cli_serve
from tui.cli.main import app

runner = CliRunner()
URL = re.compile(r"^http://127\.0\.0\.1:8000/\?token=([A-Za-z0-9_-]{43})$")


def run(db: Path, *args: str, env: dict[str, str] | None = None) -> Any:
    return runner.invoke(app, ["--db", str(db), *args], env=env)


def one_sentence(result: Any, needle: str) -> None:
    assert result.exit_code == 1, result.output
    assert needle in result.output and result.output.strip().count("\n") == 0, result.output
    assert "Traceback" not in result.output


@pytest.fixture
def team(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title="Shared").id or 0)
        presence.grant(store, wid, "olga", "observer")
    return db, wid


def token_of(result: Any) -> str:
    assert result.exit_code == 0, result.output
    match = URL.match(result.stdout.strip())
    assert match, result.stdout
    return match.group(1)


def test_the_lead_invites_and_the_link_opens_that_seat(team: tuple[Path, int]) -> None:
    db, wid = team
    token = token_of(run(db, "invite", str(wid), "Kim", "--role", "observer"))
    with Store(db, who="x", read_only=True) as store:
        seat = invites.verify(store, token)
    assert (seat.workshop_id, seat.name, seat.role) == (wid, "Kim", "observer")
    assert token not in db.read_bytes().decode("latin-1")


def test_the_link_follows_the_public_url(team: tuple[Path, int]) -> None:
    db, wid = team
    result = run(db, "invite", str(wid), "Kim", "--url", "https://journeys.example.org/")
    assert result.exit_code == 0, result.output
    assert re.match(r"^https://journeys\.example\.org/\?token=[\w-]{43}$", result.stdout.strip())


def test_only_a_lead_may_invite(team: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    monkeypatch.setattr(access, "current_account", lambda: "olga")
    monkeypatch.setattr("models.db.store.current_account", lambda: "olga")
    with Store(db, who="olga") as store:
        presence.join(store, wid, "olga")
    one_sentence(run(db, "invite", str(wid), "Kim"), "Only a lead can change roles in")
    one_sentence(run(db, "invite", str(wid), "Kim", "--revoke"), "Only a lead")
    one_sentence(run(db, "invite", str(wid), "--list"), "Only a lead")


@pytest.mark.parametrize("args, needle", [
    (("Kim", "--role", "admin"), "role"),
    (("Kim", "--days", "0"), "at least one day"),
    ((), "needs the person's name"),
    (("оlga",), "looks like"),
])
def test_wrong_invites_are_one_sentence(team: tuple[Path, int], args: tuple[str, ...],
                                        needle: str) -> None:
    db, wid = team
    one_sentence(run(db, "invite", str(wid), *args), needle)


def test_revoke_and_list(team: tuple[Path, int]) -> None:
    db, wid = team
    token = token_of(run(db, "invite", str(wid), "Kim"))
    token_of(run(db, "invite", str(wid), "Sam", "--role", "observer", "--days", "3"))
    revoked = run(db, "invite", str(wid), "Kim", "--revoke")
    assert revoked.exit_code == 0 and "Revoked 1 invitation of Kim" in revoked.output
    with Store(db, who="x", read_only=True) as store, pytest.raises(access.AccessError):
        invites.verify(store, token)
    listing = run(db, "invite", str(wid), "--list")
    assert listing.exit_code == 0, listing.output
    lines = listing.output.splitlines()
    assert any("Kim" in line and "revoked" in line for line in lines)
    assert any("Sam" in line and "observer" in line and "until" in line for line in lines)
    assert token not in listing.output
    one_sentence(run(db, "invite", str(wid), "Nobody", "--revoke"), "no open invitation")


# -- the app process textual-serve starts for one browser tab --------------------------
def test_the_browser_seat_takes_the_invited_name_and_role(
        team: tuple[Path, int], launched: list[Any]) -> None:
    db, wid = team
    token = token_of(run(db, "invite", str(wid), "Kim", "--role", "observer"))
    env = {cli_serve.TOKEN_ENV: token, cli_serve.ORIGIN_ENV: "10.0.0.7", "JOURNEYMAP_USER": "lea"}
    result = run(db, "browser-seat", env=env)
    assert result.exit_code == 0, result.output
    (args, kwargs), = launched
    assert kwargs["workshop_id"] == wid
    assert (kwargs["who"], kwargs["role"], kwargs["grant"]) == ("Kim", "observer", "observer")
    assert kwargs["key"].startswith("invite:") and kwargs["origin"] == "browser 10.0.0.7"


@pytest.mark.parametrize("token", ["", "forged"])
def test_no_seat_without_a_valid_token(team: tuple[Path, int], launched: list[Any],
                                       token: str) -> None:
    db, _wid = team
    one_sentence(run(db, "browser-seat", env={cli_serve.TOKEN_ENV: token}), "invitation")
    assert launched == []


def test_a_revoked_token_opens_no_seat(team: tuple[Path, int], launched: list[Any]) -> None:
    db, wid = team
    token = token_of(run(db, "invite", str(wid), "Kim"))
    assert run(db, "invite", str(wid), "Kim", "--revoke").exit_code == 0
    one_sentence(run(db, "browser-seat", env={cli_serve.TOKEN_ENV: token}), "revoked")
    assert launched == []


def test_browser_seat_is_not_in_the_help(team: tuple[Path, int]) -> None:
    out = runner.invoke(app, ["--help"]).output
    assert "invite" in out and "serve" in out and "browser-seat" not in out


def test_a_non_local_host_is_warned_about() -> None:
    assert cli_serve.host_warning("127.0.0.1") is None
    assert cli_serve.host_warning("localhost") is None
    assert cli_serve.host_warning("::1") is None
    warning = cli_serve.host_warning("0.0.0.0")
    assert warning and "SSH tunnel" in warning and "TLS" in warning


def test_serve_help_imports_no_web_server() -> None:
    code = ("import sys; sys.argv = ['journeymap', 'serve', '--help']\n"
            "from tui.cli.main import app\n"
            "try:\n    app()\nexcept SystemExit:\n    pass\n"
            "print('HEAVY', sorted(m for m in sys.modules if m.split('.')[0] in "
            "('textual_serve', 'aiohttp', 'textual', 'sqlmodel')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "--port" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "HEAVY []"


def test_serve_without_textual_serve_says_how_to_install_it(
        team: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    db, _wid = team
    monkeypatch.setitem(sys.modules, "tui.web.server", None)  # as if the extra were missing
    one_sentence(run(db, "serve"), "pip install 'journeymap[serve]'")


# A right-to-left override and markup: what a name may hold, never what a terminal obeys.
# A terminal title (OSC, which Click's colour stripping leaves alone) and a bell are
# control characters, which a name cannot hold (names21): refused, shown as marks.
HOSTILE_NAME = "K\u202eim [b]x[/b]"
CONTROL_NAME = "Kim \x1b]0;pwned\x07"


def test_a_hostile_name_reaches_the_terminal_only_as_marks(team: tuple[Path, int]) -> None:
    """Seen on the team server: ``invite``'s sentence and ``--list`` printed the name
    raw (the override reversed the rest of the line; an escape sequence reached the
    terminal), where every other command draws it through ``safe_text.clean``."""
    from tui.safe_text import clean

    db, wid = team
    made = run(db, "invite", str(wid), HOSTILE_NAME, "--role", "observer")
    listed = run(db, "invite", str(wid), "--list")
    revoked = run(db, "invite", str(wid), HOSTILE_NAME, "--revoke")
    for result in (made, listed, revoked):
        assert result.exit_code == 0, result.output
        assert not {"\u202e", "\x1b", "\x07"} & set(result.output), result.output
        assert clean(HOSTILE_NAME) in result.output
    refused = run(db, "invite", str(wid), CONTROL_NAME, "--role", "observer")
    assert refused.exit_code == 1 and "control character (U+001B)" in refused.output
    assert not {"\x1b", "\x07"} & set(refused.output), refused.output
    with Store(db, who="x", read_only=True) as store:
        assert [row.name for row in invites.listed(store, wid)] == [HOSTILE_NAME]
