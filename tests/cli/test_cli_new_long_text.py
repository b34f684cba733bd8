"""A value typed on the command line that cannot be stored is refused naming the option the
person typed, not the shipped template file they never edited."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tui.cli.main import app


def test_too_long_persona_names_the_option(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    done = CliRunner().invoke(app, ["--db", str(db), "new", "--template", "login-lockout",
                                    "--persona", "p" * 20_001, "--scenario", "s"])
    assert done.exit_code == 1
    message = done.output.strip()
    assert len(message.splitlines()) == 1
    assert "--persona" in message and ".toml" not in message
    assert "20,000" in message
