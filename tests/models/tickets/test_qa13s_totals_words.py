"""A totals row in the language of the export is left out as a totals row, the same way an
English one is: the words are one list (``vocab.TOTALS_WORDS``), read by the engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import vocab
from models.tickets.engine import import_export

HEAD = "Ticket ID,Subject,Created at,Status\n"
ROWS = "1,a,2024-03-01 10:00,solved\n2,b,2024-03-03 10:00,open\n"
SEEN_IN_EXPORTS = ["Gesamt", "Summe", "Gesamtergebnis", "Total général", "Totale", "Totaal",
                   "Total geral", "Total general", "合計", "总计", "Итого", "Summa", "Totalt"]


def _notes(tmp_path: Path, first_cell: str) -> tuple[str, ...]:
    path = tmp_path / "t.csv"
    path.write_text(HEAD + ROWS + f'"{first_cell}",,,2\n', encoding="utf-8")
    imported = import_export(path)
    assert imported.tickets == 2
    return imported.notes


@pytest.mark.parametrize("word", SEEN_IN_EXPORTS)
def test_a_foreign_totals_row_is_named_as_one(tmp_path: Path, word: str) -> None:
    notes = _notes(tmp_path, word)
    assert f"line 4 is a totals row ({word!r}): left out, not a ticket" in notes
    assert not [n for n in notes if "skipped" in n or "unreadable" in n]


@pytest.mark.parametrize("word", vocab.TOTALS_WORDS)
def test_every_totals_word_is_recognised_in_any_case_and_followed_by_a_figure(
        tmp_path: Path, word: str) -> None:
    for cell in (word.upper(), f"{word.title()}: 2", f"{word}  (2 tickets)"):
        assert f"line 4 is a totals row ({cell!r}): left out, not a ticket" in _notes(
            tmp_path, cell)


@pytest.mark.parametrize("cell", ["Gesamtkosten Ticket", "Summary missing", "Totally lost"])
def test_a_word_that_only_starts_like_a_totals_word_is_a_skipped_row(tmp_path: Path,
                                                                     cell: str) -> None:
    notes = _notes(tmp_path, cell)
    assert "1 row skipped: no readable id or creation date" in notes
    assert not [n for n in notes if "totals row" in n]
