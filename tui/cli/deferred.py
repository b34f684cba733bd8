"""Standard-library modules Typer imports but a command may never use, run on first use.

Why: ``import typer`` imports ``subprocess``, ``shellingham``, ``tokenize``, ``bz2`` and
``lzma`` with plain ``import`` statements, for shell completion, launching programs,
reading source code and archives.  ``journeymap export`` calls none of them, and they
were ~18 M instructions and ~280 minor page faults of it (issue 18, ``bench/export.py
--phases``); the eight modules below them (``ipaddress`` through ``pathlib``'s
``urllib.parse``, ``textwrap`` through ``traceback``…) were another ~12 M.

While ``tui.cli.main`` imports Typer, a module of ``DEFERRED`` imported for
the first time is put in ``sys.modules`` unrun; its code runs, whole and once, the first
time anything reads an attribute of it (``--show-completion`` runs ``shellingham``, the
app's ``asyncio`` runs ``subprocess`` as it is imported).  A ``from … import`` reads an
attribute, so a module imported that way runs at once, as it did before.

``importlib.util.LazyLoader`` does the same but runs the module when the import system
reads its ``__spec__`` (every later ``import`` statement of it does), so a module
imported twice ran at the second import: here ``__spec__``, ``__name__`` and
``__dict__`` are read without running it.  A lock per module makes a thread that reads
an attribute while another runs the module wait for the module to be whole.
"""

from __future__ import annotations

import sys
from _thread import RLock
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec

# What Typer's import brings in that an export never calls, with what it is for there.
DEFERRED = (
    "subprocess",  # typer.main and its completion: launching editors and shells
    "shellingham",  # typer's completion: which shell to install completion for
    "tokenize",  # inspect and linecache: source code of a function
    "bz2",  # shutil: archive formats
    "lzma",  # shutil: archive formats
    "fnmatch",  # shutil: patterns of files to leave out of a copy
    "ipaddress",  # urllib.parse (imported by pathlib): a host in brackets in a URL
    "ntpath",  # pathlib: Windows paths
    "textwrap",  # traceback and Click's help: wrapping text
    "linecache",  # traceback and inspect: source lines of a frame
    "token",  # inspect: reading a function's source
    "importlib.machinery",  # inspect: a module's name from its file
    "importlib.util",  # typer's completion: finding a module by name
)

# The attributes the import system reads from a module already in ``sys.modules``,
# and that running it needs: read without running the module.
_OWN = frozenset(("__spec__", "__name__", "__dict__", "__class__"))

_LOCKS: dict[str, Any] = {}  # by module name, while the module has not run


class DeferredModule(ModuleType):
    """A module whose code has not run yet: reading any other attribute runs it."""

    def __getattribute__(self, name: str) -> Any:
        if name in _OWN:
            return ModuleType.__getattribute__(self, name)
        run(self)
        return ModuleType.__getattribute__(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        run(self)
        ModuleType.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        run(self)
        ModuleType.__delattr__(self, name)

    def __dir__(self) -> list[str]:
        run(self)
        return list(ModuleType.__getattribute__(self, "__dict__"))


def run(module: ModuleType) -> None:
    """Run a deferred module's code (once; a no-op for any other module).

    While its code runs the module is ``_Running``: another thread reading it waits
    on the lock, the thread running it reads through (the lock is re-entrant).
    """
    spec: ModuleSpec = ModuleType.__getattribute__(module, "__spec__")
    lock = _LOCKS.get(spec.name)
    if lock is None:
        return
    with lock:
        if type(module) is not DeferredModule:  # run by another thread meanwhile
            return
        object.__setattr__(module, "__class__", _Running)
        try:
            spec.loader.exec_module(module)  # type: ignore[union-attr]
        except BaseException:
            sys.modules.pop(spec.name, None)
            raise
        finally:
            object.__setattr__(module, "__class__", ModuleType)
            _LOCKS.pop(spec.name, None)


class _Running(ModuleType):
    """A deferred module while its code runs: other threads wait, this one reads through."""

    def __getattribute__(self, name: str) -> Any:
        lock = _LOCKS.get(ModuleType.__getattribute__(self, "__spec__").name)
        if lock is not None and name not in _OWN:
            with lock:
                pass
        return ModuleType.__getattribute__(self, name)


class _DeferringLoader:
    """Creates the module as its own loader would, and leaves its code for later."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)  # type: ignore[no-any-return]

    def exec_module(self, module: ModuleType) -> None:
        spec: ModuleSpec = module.__spec__  # type: ignore[assignment]
        spec.loader = module.__loader__ = self.loader
        _LOCKS[spec.name] = RLock()
        module.__class__ = DeferredModule


class _Finder:
    """Finds the modules of ``names`` where the import system would, deferring them."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = frozenset(names)

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        if name not in self.names:
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = None if finder is self or find is None else find(name, path, target)
            if spec is not None:
                break
        else:
            return None
        if not hasattr(spec.loader, "exec_module"):
            return None  # a loader of the old kind: imported as usual
        spec.loader = _DeferringLoader(spec.loader)  # type: ignore[assignment]
        return spec


@contextmanager
def deferring(names: Sequence[str] = DEFERRED) -> Iterator[None]:
    """While the block runs, the first import of a module in ``names`` defers its code."""
    finder = _Finder(names)
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
