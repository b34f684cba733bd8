"""The method's rules as pure functions of a Journey snapshot: priority of pain points, KPI
catalogue, hypothesis cards, handoffs and ownership risks, the 60-day plan, the tracker and the
monthly leadership review.

The records they return and that are built once and then only read (a ranked pain point,
a risk, a moment of truth, a figure of the business case…) are plain classes with
``__slots__`` and an ``__init__``: nothing compares, unpacks or hashes them, and an export
imports every rule.  Defining a ``typing.NamedTuple`` costs ~1 M instructions at import
(``collections.namedtuple`` compiles its ``__new__``, and each field's postponed annotation
is compiled as a ``ForwardRef``), a dataclass 2.5 M and more; such a class ~0.07 M.  Records
that are compared whole, unpacked or replaced stay named tuples or dataclasses
(``tests/cli/test_cli_export_records.py`` lists them).
"""
