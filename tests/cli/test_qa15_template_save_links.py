"""Fresh-eyes QA (session 13): ``templates save`` wrote through a link planted in the shared folder.

Found on the team box: qa15bob (same group, a participant) ran
``ln -s /home/qa15lea/.bash_aliases /srv/qa15s/lockout.toml``; the lead then ran
``journeymap templates save 1 /srv/qa15s/lockout.toml`` and the template landed in her
``~/.bash_aliases``, which her next bash sources: a touchpoint bob named
``$(id > /tmp/x)`` became a command run as the lead.  ``--force`` onto the database
itself replaced the team's workshops with TOML.  A template is now written as every
export is (``models.export.files.write_file``): a new file renamed over the name, so a
link is replaced and never followed, and never over the database or its side files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import run_cli


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "team.db"
    with Store(path, who="lea") as store:
        return path, int(store.create_workshop(title="Lockout", scenario="s").id or 0)


def test_a_dangling_link_is_replaced_and_its_target_never_written(tmp_path: Path,
                                                                  db: tuple[Path, int]) -> None:
    home = tmp_path / "home"
    home.mkdir()
    planted = tmp_path / "lockout.toml"
    planted.symlink_to(home / ".bash_aliases")
    code, _, err = run_cli(db[0], "templates", "save", str(db[1]), str(planted))
    assert code == 0, err
    assert not (home / ".bash_aliases").exists()
    assert not planted.is_symlink() and "format = \"journeymap\"" in planted.read_text()


def test_forced_over_a_link_leaves_the_linked_file_alone(tmp_path: Path,
                                                         db: tuple[Path, int]) -> None:
    profile = tmp_path / ".profile"
    profile.write_text("umask 007\n", encoding="utf-8")
    planted = tmp_path / "lockout.toml"
    planted.symlink_to(profile)
    code, _, err = run_cli(db[0], "templates", "save", str(db[1]), str(planted), "--force")
    assert code == 0, err
    assert profile.read_text(encoding="utf-8") == "umask 007\n"
    assert not planted.is_symlink()


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_forced_over_the_database_is_refused_in_one_sentence(db: tuple[Path, int],
                                                             suffix: str) -> None:
    target = Path(f"{db[0]}{suffix}")
    if not target.exists():
        target.write_bytes(b"")
    before = target.read_bytes()
    code, out, err = run_cli(db[0], "templates", "save", str(db[1]), str(target), "--force")
    assert code == 1
    assert err.startswith("journeymap: Not written:") and err.count("\n") == 1, err
    assert "workshop database" in err
    assert target.read_bytes() == before
    assert run_cli(db[0], "show", str(db[1]))[0] == 0
