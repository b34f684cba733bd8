"""The domain of journeymap: the workshop vocabulary, the database, live pairing state, the
method's rules and the files a workshop is exported to. Imports nothing from Textual, Typer,
Rich or ``tui``; every subpackage's ``__init__`` is empty so importing one costs nothing.
"""
