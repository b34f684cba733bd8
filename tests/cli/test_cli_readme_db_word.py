"""The README names ``--db``'s value with the help's word (``main.WORDS``: FILE|URL): it said
``--db PATH`` while ``--help`` said ``FILE|URL``, and a PostgreSQL URL is no path."""

from __future__ import annotations

import re
from pathlib import Path

from tui.cli.main import WORDS

README = Path(__file__).parents[2] / "README.md"


def test_the_readme_names_the_db_value_as_the_help_does() -> None:
    text = README.read_text(encoding="utf-8")
    words = set(re.findall(r"`--db ([A-Z|]+)`", text))
    assert words == {WORDS["db"]}
