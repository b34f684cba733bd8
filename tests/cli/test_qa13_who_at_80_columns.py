"""Fresh-eyes QA (session 12): ``who`` at 80 columns split "participant" in two.

Found on the team box: ``journeymap who 1 --all`` in an 80-column terminal, with guests
whose Account cell holds the account, the SSH key and the origin, read
"participan" / "t" in the Role column (and could split "observer", a step or
"not here" the same way) while the Account column took the width.  The short words of
the vocabulary stay whole; the long cells fold.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from models.live import presence
from tui.cli.main import app

KEY = "SHA256:XcoWK1hkinTvW7Q2pLr8s9TfQm3vYbN0aZ1cD4eF5gH"
ORIGIN = "127.0.0.1 47156 127.0.0.1 22913"


def test_the_roles_steps_and_seen_words_stay_whole(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title="Lockout").id or 0)
        presence.join(store, wid, "kim", role="observer", key=KEY, origin=ORIGIN)
        presence.join(store, wid, "lee", key=KEY, origin=ORIGIN)
        gone = presence.join(store, wid, "qa13bob")
        presence.leave(store, int(gone.id or 0))
    result = CliRunner().invoke(app, ["--db", str(db), "who", str(wid), "--all"],
                                env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    words = " ".join(result.stdout.replace("│", " ").split())
    for word in ("participant", "observer", "not here"):
        assert f" {word} " in f" {words} ", result.stdout
