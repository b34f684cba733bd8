"""The environment the benches give the programs they time: the user's, with bytecode caching.

Why: a person runs journeymap from an install whose modules are compiled once
into ``__pycache__``.  A shell with ``PYTHONDONTWRITEBYTECODE=1`` (as some CI and
sandbox set-ups have) makes every measured process compile journeymap's ~200
modules from source again (~50 ms of CPU for an export) while Textual's and
SQLite's floors, installed with their bytecode, do not pay it: the ratios then
measure the compiler.  The benches run one warm-up of each program first.
"""

from __future__ import annotations

import os


def child_env(**extra: str) -> dict[str, str]:
    """``os.environ`` without ``PYTHONDONTWRITEBYTECODE``, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env
