"""People's names: stored in one normal form, and look-alikes caught before a second seat uses one.

A second person joining as "Lеa" (Cyrillic е) beside "Lea" would be two people who look
the same in the change log and the role table; the skeleton catches the letters a
keyboard-layout switch produces, case, width forms, invisible joiners and accents.
"""

from __future__ import annotations

import pytest

from models.rules.names import confusable_with, normalize, skeleton

# Every Cyrillic and Greek letter drawn like a Latin one, with the Latin letter it passes for.
LOOK_ALIKES = [
    ("а", "a"), ("в", "b"), ("с", "c"), ("е", "e"), ("ё", "e"), ("һ", "h"), ("і", "i"),
    ("ї", "i"), ("ј", "j"), ("к", "k"), ("м", "m"), ("н", "h"), ("о", "o"), ("р", "p"),
    ("ԛ", "q"), ("ѕ", "s"), ("т", "t"), ("у", "y"), ("х", "x"), ("ԝ", "w"), ("ӏ", "l"),
    ("ɡ", "g"), ("α", "a"), ("β", "b"), ("ε", "e"), ("η", "n"), ("ι", "i"), ("κ", "k"),
    ("ν", "v"), ("ο", "o"), ("ρ", "p"), ("τ", "t"), ("υ", "u"), ("χ", "x"), ("ς", "c"),
    ("σ", "o"), ("0", "o"), ("1", "l"), ("|", "l"),
]


@pytest.mark.parametrize(("twin", "latin"), LOOK_ALIKES)
def test_a_look_alike_letter_reads_as_its_latin_twin(twin: str, latin: str) -> None:
    assert skeleton(f"x{twin}z") == f"x{latin}z"
    assert confusable_with(f"Ro{twin}s", ["Anna", f"Ro{latin}s"]) == f"Ro{latin}s"


def test_a_name_is_stored_nfkc_with_its_spacing_collapsed_and_nul_removed() -> None:
    assert normalize("  Ｋｉｍ \t  Lee\n") == "Kim Lee"
    assert normalize("An\x00a") == "Ana"
    assert normalize("ﬁona") == "fiona"  # the ligature folded


def test_case_spacing_accents_and_invisible_characters_do_not_make_a_new_name() -> None:
    assert skeleton("Mary Ann") == skeleton("maryann") == "maryann"
    assert skeleton("Zoë") == skeleton("Zoe") == "zoe"
    assert skeleton("Le\u200ba") == "lea"  # zero-width space (a format character)
    assert confusable_with("LEA", ["Bo", "lea", "Lea"]) == "lea"  # the first look-alike


def test_the_same_name_or_a_different_one_is_not_a_look_alike() -> None:
    assert confusable_with("Lea", ["Lea"]) is None
    assert confusable_with("Lea", ["Leo", "Ana"]) is None
    assert confusable_with("Lea", []) is None
