"""Property tests are not timing tests: no Hypothesis test in the suite has a deadline."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import hypothesis
import pytest

import tests


def _property_tests() -> list[tuple[str, object]]:
    found = []
    for info in pkgutil.walk_packages(tests.__path__, "tests."):
        if not info.name.rsplit(".", 1)[-1].startswith("test_"):
            continue
        module = importlib.import_module(info.name)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if getattr(fn, "is_hypothesis_test", False):
                found.append((f"{info.name}::{name}", fn))
    return found


def test_the_loaded_profile_has_no_deadline() -> None:
    assert hypothesis.settings.default.deadline is None


PROPERTY_TESTS = _property_tests()


@pytest.mark.parametrize(("name", "fn"), PROPERTY_TESTS, ids=[n for n, _ in PROPERTY_TESTS])
def test_no_property_test_has_a_deadline(name: str, fn: object) -> None:
    chosen = getattr(fn, "_hypothesis_internal_use_settings", hypothesis.settings.default)
    assert chosen.deadline is None, name
